from hypothesis import given

from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.addons.sales_team_mgmt.tests.hostile import (
    DAY,
    NUMBER,
    SETTINGS,
    TEXT,
    HostileInput,
    explores,
)
from odoo.tests import tagged


@tagged("post_install", "-at_install", "stm_slow")
class TestAppraisalBadInput(HostileInput, StmCase):
    """Any text, dates at the ends of the calendar, negative or huge numbers
    through appraisals, their lines, the team's appraisal settings and a
    discipline record: a clear error or a correct save, never a crash."""

    @explores
    @SETTINGS
    @given(day=DAY, score=NUMBER, weight=NUMBER, target=NUMBER)
    def test_appraisal(self, day, score, weight, target):
        appraisal = self._attempt(
            "stm.appraisal",
            create={"user_id": self.rep_a.id, "period": "month", "date_from": day},
        )
        if appraisal:
            line = appraisal.line_ids[0]
            self._attempt("stm.appraisal.line", record=line, write={"score": score})
            self._attempt(
                "stm.appraisal.line",
                record=line,
                write={"weight": weight, "target": target},
            )
            self.team_block.crm_team_member_ids[:1].stm_revenue_target = abs(target)
            appraisal.action_fill_kpis()
            self.assertTrue(0 <= appraisal.total_score <= 100)

    @explores
    @SETTINGS
    @given(warning=NUMBER, review=NUMBER, bottom=NUMBER)
    def test_team_settings(self, warning, review, bottom):
        self._attempt(
            "crm.team",
            record=self.team_block,
            write={
                "stm_compliance_warning_days": int(warning),
                "stm_compliance_review_days": int(review),
                "stm_bottom_rank_count": int(bottom),
            },
        )

    @explores
    @SETTINGS
    @given(reason=TEXT)
    def test_discipline(self, reason):
        self._attempt(
            "stm.discipline",
            create={
                "user_id": self.rep_b.id,
                "kind": "warning",
                "reason": reason or "r",
            },
            user=self.manager,
        )
