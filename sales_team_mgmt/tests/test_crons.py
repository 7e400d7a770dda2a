from pathlib import Path

from lxml import etree

from odoo.modules.module import get_module_path
from odoo.tests import tagged

from .common import StmCase


def declared_crons(env):
    """The xml ids of the jobs the data files of the suite's installed
    add-ons declare."""
    installed = env["ir.module.module"].search(
        [("name", "=like", "sales_team_mgmt%"), ("state", "=", "installed")]
    )
    return {
        f"{module}.{record.get('id')}"
        for module in installed.mapped("name")
        for path in (Path(get_module_path(module)) / "data").glob("*.xml")
        for record in etree.parse(str(path)).iterfind(".//record[@model='ir.cron']")
    }


@tagged("post_install", "-at_install")
class TestCronsRunManually(StmCase):
    def test_every_job_runs_through_run_manually_inside_a_test(self):
        """*Run Manually* (ir.cron.method_direct_trigger) is how a person, a
        test or a module built on ours runs a job: every job of ours must
        finish there, without committing the test's cursor (the long ones
        commit between batches only under a job runner outside tests)."""
        xmlids = declared_crons(self.env)
        # A scan that found nothing would check nothing: the core's own jobs
        # are among them, whatever else is installed.
        self.assertLessEqual(
            {
                "sales_team_mgmt.stm_claim_cron_expire",
                "sales_team_mgmt.stm_compliance_cron_snapshot",
                "sales_team_mgmt.res_partner_cron_customer_classes",
                "sales_team_mgmt.stm_handover_cron_check_leavers",
            },
            xmlids,
        )
        for xmlid in sorted(xmlids):
            cron = self.env.ref(xmlid)
            with self.subTest(cron=xmlid):
                cron.lastcall = False
                cron.method_direct_trigger()
                cron.invalidate_recordset()
                # Odoo 19 runs the job inside a guard that logs a failure
                # instead of raising it: the job's own record tells.
                self.assertTrue(cron.lastcall, "the job did not finish")
                if "failure_count" in cron._fields:
                    self.assertEqual(cron.failure_count, 0)
