from odoo.tests import tagged

from .common import StmCase


@tagged("post_install", "-at_install")
class TestCronsRunManually(StmCase):
    def test_every_job_runs_through_run_manually_inside_a_test(self):
        """*Run Manually* (ir.cron.method_direct_trigger) is how a person, a
        test or a module built on ours runs a job: the long jobs must not
        commit the test's cursor (they commit between batches only under a
        job runner outside tests)."""
        crons = (
            self.env["ir.cron"]
            .search([("ir_actions_server_id.model_id.model", "!=", False)])
            .filtered(
                lambda cron: cron.get_external_id()[cron.id].startswith(
                    "sales_team_mgmt."
                )
            )
        )
        self.assertGreaterEqual(len(crons), 6)
        for cron in crons:
            with self.subTest(cron=cron.name):
                self.assertTrue(cron.method_direct_trigger())
