from datetime import date

from odoo.addons.sales_team_mgmt.tests.common import (
    StmCase,
    assert_other_company_reads_nothing,
)
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestAnotherCompany(StmCase):
    def test_another_company_reads_no_appraisal_nor_discipline(self):
        company = self.env.company
        self.team_block.company_id = company
        appraisal = self.env["stm.appraisal"].create(
            {
                "user_id": self.rep_a.id,
                "team_id": self.team_block.id,
                "period": "quarter",
                "date_from": date(2026, 7, 1),
            }
        )
        discipline = self.env["stm.discipline"].create(
            {"user_id": self.rep_a.id, "kind": "warning", "reason": "Late"}
        )
        records = [appraisal, appraisal.line_ids[:1], discipline]
        self.assertEqual(
            {record.company_id for record in records}, {company}, "all in this company"
        )
        assert_other_company_reads_nothing(self, records)
