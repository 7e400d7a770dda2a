from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..compat import stage_teams, web_read_group
from .common import StmCase


@tagged("post_install", "-at_install")
class TestForecast(StmCase):
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

    @freeze_time("2026-05-25")
    def test_cron_on_the_25th_prepares_next_month_once(self):
        self._seed_pipeline(self.rep_a, date(2026, 6, 15))
        Forecast = self.env["stm.forecast"]
        created = Forecast._cron_prepare()
        Forecast._cron_prepare()
        mine = Forecast.search([("user_id", "=", self.rep_a.id)])
        self.assertEqual(len(mine), 1, "prepared once")
        self.assertIn(mine, created)
        self.assertEqual(mine.month, date(2026, 6, 1))
        self.assertEqual(len(mine.line_ids), 10)
        self.assertAlmostEqual(mine.weighted_total, 49_000)
        self.assertEqual(mine.effective_count, 10)
        self.assertFalse(mine.reliable, "10 < 14 effective opportunities")
        activity = mine.activity_ids
        self.assertEqual(activity.user_id, self.rep_a)
        self.assertEqual(activity.date_deadline, date(2026, 5, 31))

    @freeze_time("2026-05-24")
    def test_no_preparation_before_the_day(self):
        self.assertFalse(self.env["stm.forecast"]._cron_prepare())

    def test_submit_mails_the_manager_and_manager_acknowledges(self):
        self._seed_pipeline(self.rep_a, date(2026, 6, 15))
        forecast = (
            self.env["stm.forecast"]
            .with_user(self.rep_a)
            .create({"month": date(2026, 6, 1)})
        )
        forecast.action_prepare()
        forecast.action_submit()
        self.assertEqual(forecast.state, "submitted")
        message = forecast.sudo().message_ids.filtered(
            lambda m: self.manager.partner_id in m.partner_ids
        )
        self.assertTrue(message, "the manager is notified")
        self.assertIn("49", message[0].body.replace(",", ""))
        with self.assertRaises(UserError):
            forecast.action_acknowledge()
        forecast.with_user(self.manager).action_acknowledge()
        self.assertEqual(forecast.state, "acknowledged")

    def test_diagnosis_sentences(self):
        self._seed_pipeline(self.rep_a, date(2026, 6, 15))
        forecast = self.env["stm.forecast"].create(
            {"user_id": self.rep_a.id, "month": date(2026, 6, 1)}
        )
        self.assertIn("top of the funnel is thin", forecast.diagnosis)

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

    def test_forecasts_are_private(self):
        forecast = self.env["stm.forecast"].create(
            {"user_id": self.rep_a.id, "month": date(2026, 6, 1)}
        )
        with self.assertRaises(AccessError):
            forecast.with_user(self.rep_b).read(["weighted_total"])
        self.assertTrue(forecast.with_user(self.sales_admin).read(["weighted_total"]))

    def test_cron_batches_its_own_queries(self):
        extra = [self._salesperson(f"stm_fc_{i}", f"Forecaster {i}") for i in range(4)]
        counts = []
        for users, day in (([], "2026-05-25"), (extra, "2026-06-25")):
            for user in users:
                self.team_block.crm_team_member_ids = [(0, 0, {"user_id": user.id})]
                self._seed_pipeline(user, date(2026, 7, 10))
            self.env.flush_all()
            self.env.invalidate_all()
            with freeze_time(day):
                start = self.env.cr.sql_log_count
                self.env["stm.forecast"]._cron_prepare()
                self.env.flush_all()
                counts.append(self.env.cr.sql_log_count - start)
        # Our part is batched (one search, one insert of forecasts, one of
        # lines, one of activities); what grows is Odoo's mail.activity.create
        # subscribing each assignee to its record, five queries per person.
        self.assertLessEqual(counts[1] - counts[0], 5 * len(extra), counts)


@tagged("post_install", "-at_install")
class TestResourceRequest(StmCase):
    @freeze_time("2026-11-19")  # a Thursday
    def test_thursday_cron_prepares_next_week_once(self):
        Request = self.env["stm.resource.request"]
        Request._cron_weekly()
        Request._cron_weekly()
        mine = Request.search([("user_id", "=", self.rep_a.id)])
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine.week_start, date(2026, 11, 23))
        self.assertEqual(mine.due_date, date(2026, 11, 19))
        self.assertEqual(mine.activity_ids.date_deadline, date(2026, 11, 19))

    @freeze_time("2026-11-18")  # a Wednesday
    def test_no_new_request_on_other_days(self):
        self.assertFalse(self.env["stm.resource.request"]._cron_weekly())

    def test_late_flag_and_decisions(self):
        with freeze_time("2026-11-19"):
            request = (
                self.env["stm.resource.request"]
                .with_user(self.rep_a)
                .create(
                    {
                        "week_start": date(2026, 11, 23),
                        "line_ids": [
                            (
                                0,
                                0,
                                {"kind": "technical", "description": "Demo engineer"},
                            )
                        ],
                    }
                )
            )
        with freeze_time("2026-11-20"):
            self.env["stm.resource.request"]._cron_weekly()
            self.assertTrue(request.late, "a draft past its Thursday is late")
            request.action_submit()
        self.assertTrue(request.late)
        self.assertTrue(
            request.sudo().message_ids.filtered(
                lambda m: self.manager.partner_id in m.partner_ids
            )
        )
        with self.assertRaises(UserError):
            request.action_approve()
        request.with_user(self.manager).action_approve()
        self.assertEqual(request.state, "approved")

    def test_empty_request_cannot_be_submitted(self):
        request = self.env["stm.resource.request"].with_user(self.rep_a).create({})
        with self.assertRaises(UserError):
            request.action_submit()

    def test_requests_are_private(self):
        request = self.env["stm.resource.request"].create({"user_id": self.rep_a.id})
        with self.assertRaises(AccessError):
            request.with_user(self.rep_b).read(["state"])


@tagged("post_install", "-at_install")
class TestForecastStaysTrue(StmCase):
    """A draft forecast follows the pipeline: a deal won, lost or handed to
    someone else leaves it; a submitted one keeps what it told the manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_block.action_stm_apply_seven_stages()
        cls.stages = {
            s.stm_probability: s
            for s in cls.env["crm.stage"].search(
                [("stm_team_id", "=", cls.team_block.id)]
            )
        }

    def _deal(self, customer, probability):
        return self._lead(
            self.rep_a,
            partner_name=customer,
            expected_revenue=10_000,
            stage_id=self.stages[probability].id,
            date_deadline=date(2026, 12, 10),
        )

    def test_draft_lines_follow_their_deal(self):
        won = self._deal("Nu Foods", 75)
        moved = self._deal("Xi Metals", 50)
        kept = self._deal("Omicron Glass", 25)
        forecast = (
            self.env["stm.forecast"]
            .with_user(self.rep_a)
            .create({"month": date(2026, 12, 1)})
        )
        forecast.action_prepare()
        self.assertAlmostEqual(forecast.weighted_total, 7_500 + 5_000 + 2_500)
        won.with_user(self.rep_a).action_set_won()
        moved.with_user(self.manager).user_id = self.rep_b
        kept.with_user(self.rep_a).stage_id = self.stages[50]
        line_of = {line.lead_id: line for line in forecast.line_ids}
        self.assertTrue(line_of[won].out_of_pipeline)
        self.assertTrue(line_of[moved].out_of_pipeline)
        self.assertEqual(line_of[kept].probability, 50)
        self.assertAlmostEqual(forecast.weighted_total, 5_000)
        forecast.action_prepare()
        self.assertEqual(forecast.line_ids.lead_id, kept, "filled again: gone")
        forecast.action_submit()
        kept.with_user(self.rep_a).stage_id = self.stages[90]
        self.assertEqual(forecast.line_ids.probability, 50, "submitted: frozen")
        self.assertAlmostEqual(forecast.weighted_total, 5_000)

    def test_an_empty_forecast_says_so(self):
        forecast = (
            self.env["stm.forecast"]
            .with_user(self.rep_a)
            .create({"month": date(2026, 12, 1)})
        )
        forecast.action_prepare()
        self.assertFalse(forecast.line_ids)
        self.assertIn("the forecast is empty", forecast.diagnosis)
