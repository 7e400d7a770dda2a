"""The pipeline: the seven stages, the probability that follows them, and
the team's weighted forecast for next month with its funnel diagnosis."""

from datetime import date

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.compat import stage_teams, web_read_group
from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.tests import tagged


class PipelineCase(StmCase):
    """A team on the seven stages and a seeded pipeline (the forecasts
    add-on's tests build on it)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.existing = cls.env["crm.stage"].search([])
        cls.team_block.action_stm_apply_seven_stages()
        cls.stages = {
            int(s.stm_probability): s
            for s in cls.env["crm.stage"].search(
                [("stm_team_id", "=", cls.team_block.id)]
            )
        }

    def _seed_pipeline(self, user, month_day):
        # Seed 002 §6 scaled down: 4, 3, 2 and 1 deals of 1万 at 25/50/75/90 %.
        values = []
        for probability, count in ((25, 4), (50, 3), (75, 2), (90, 1)):
            values += [
                {
                    "name": f"Deal {probability}-{i}",
                    "partner_name": f"Chi {user.id} {probability} {i}",
                    "user_id": user.id,
                    "team_id": self.team_block.id,
                    "type": "opportunity",
                    "expected_revenue": 10_000,
                    "stage_id": self.stages[probability].id,
                    "date_deadline": month_day,
                }
                for i in range(count)
            ]
        return self.env["crm.lead"].with_user(user).create(values)


@tagged("post_install", "-at_install")
class TestPipeline(PipelineCase):
    def test_seven_stages_added_without_touching_existing_ones(self):
        self.assertEqual(sorted(self.stages), [0, 10, 25, 50, 75, 90, 100])
        self.assertTrue(self.stages[100].is_won)
        names = {s: s.name for s in self.existing}
        self.assertEqual(
            {s: s.name for s in self.existing.exists()}, names, "nothing renamed"
        )
        self.assertEqual(len(self.existing.exists()), len(self.existing))
        self.team_block.action_stm_apply_seven_stages()
        again = self.env["crm.stage"].search([("stm_team_id", "=", self.team_block.id)])
        self.assertEqual(len(again), 7, "applying twice adds nothing")

    def test_the_stages_are_named_in_each_language(self):
        if not self.env["res.lang"]._lang_get("zh_CN"):
            self.skipTest("zh_CN is not loaded in this database")
        # Pressed by someone reading English, named for the Chinese readers too.
        self.team_dispute.with_context(lang="en_US").action_stm_apply_seven_stages()
        prospect = self.env["crm.stage"].search(
            [("stm_team_id", "=", self.team_dispute.id), ("stm_probability", "=", 0)]
        )
        self.assertEqual(prospect.with_context(lang="en_US").name, "Prospect (0%)")
        self.assertEqual(prospect.with_context(lang="zh_CN").name, "潜在客户（0%）")

    def test_the_pipeline_shows_the_seven_stages_not_odoo_s_empty_ones(self):
        generic = self.existing.filtered(lambda stage: not stage_teams(stage))
        Lead = (
            self.env["crm.lead"]
            .with_user(self.rep_a)
            .with_context(default_team_id=self.team_block.id)
        )
        domain = [("type", "=", "opportunity")]

        def columns():
            return {
                group["stage_id"][0]
                for group in web_read_group(Lead, domain, ["stage_id"])
                if group["stage_id"]
            }

        def expected():
            seven = {stage.id for stage in self.stages.values()}
            return seven | set(Lead.search(domain).stage_id.ids)

        empty = generic - Lead.search(domain).stage_id
        self.assertTrue(empty, "some of Odoo's own stages are empty")
        self.assertEqual(columns(), expected())
        # A deal left in one of Odoo's stages keeps its column.
        self._lead(self.rep_a, partner_name="Old Stage Co", stage_id=empty[0].id)
        self.assertIn(empty[0].id, columns())
        self.assertEqual(columns(), expected())

    def test_probability_follows_the_stage_unless_typed(self):
        lead = self._lead(
            self.rep_a,
            partner_name="Phi Medical",
            expected_revenue=10_000,
            stage_id=self.stages[25].id,
        )
        self.assertEqual(lead.probability, 25)
        lead.with_user(self.rep_a).stage_id = self.stages[75]
        self.assertEqual(lead.probability, 75)
        self.assertEqual(lead.stm_weighted_revenue, 7_500)
        lead.with_user(self.rep_a).probability = 40
        lead.with_user(self.rep_a).stage_id = self.stages[90]
        self.assertEqual(lead.probability, 40, "a typed probability stays")
        # One figure everywhere: the probability the lead shows.
        self.assertEqual(lead.stm_weighted_revenue, 4_000)

    @freeze_time("2026-05-10")
    def test_team_summary_card(self):
        self._seed_pipeline(self.rep_a, date(2026, 6, 15))
        self._seed_pipeline(self.rep_b, date(2026, 7, 15))  # not next month
        team = self.team_block
        self.assertAlmostEqual(team.stm_forecast_next_month, 49_000)
        self.assertEqual(team.stm_forecast_effective, 10)
        self.assertFalse(team.stm_forecast_reliable)
        self.team_block.stm_min_effective_opportunities = 10
        team.invalidate_recordset(["stm_forecast_reliable"])
        self.assertTrue(team.stm_forecast_reliable)
        self.assertIn("top of the funnel is thin", team.stm_funnel_diagnosis)
