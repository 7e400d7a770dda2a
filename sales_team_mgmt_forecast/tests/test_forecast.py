from datetime import date

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_pipeline import PipelineCase


@tagged("post_install", "-at_install")
class TestForecast(PipelineCase):
    """Monthly forecasts, filled from the seeded pipeline."""

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
