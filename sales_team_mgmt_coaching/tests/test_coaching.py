"""Colleagues' ratings, coaching plans and mentors, as each user sees
them."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

Q2 = (date(2026, 4, 1), date(2026, 6, 30))


@tagged("post_install", "-at_install")
class TestPeerReviews(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep_d = cls._salesperson("stm_rep_d_voices", "Wang Fang")
        cls.rep_e = cls._salesperson("stm_rep_e_voices", "Zhao Lei")
        cls.team_block.crm_team_member_ids = [
            (0, 0, {"user_id": cls.rep_d.id, "stm_joined_on": "2020-01-01"}),
            (0, 0, {"user_id": cls.rep_e.id, "stm_joined_on": "2020-01-01"}),
        ]
        cls.hr_officer = new_test_user(
            cls.env, "stm_hr_voices", groups="base.group_user,hr.group_hr_user"
        )

    def _rate(self, rater, ratee, score, comment=False, **values):
        return (
            self.env["stm.peer.review"]
            .with_user(rater)
            .create(
                {
                    "team_id": self.team_block.id,
                    "period": "quarter",
                    "date_from": Q2[0],
                    "ratee_id": ratee.id,
                    "score": score,
                    "comment": comment,
                    **values,
                }
            )
        )

    def _appraisal(self, user):
        form = Form(self.env["stm.appraisal"].with_user(self.manager))
        form.user_id = user
        form.period = "quarter"
        form.date_from = Q2[0]
        return form.save()

    @freeze_time("2026-06-20 04:00:00")
    def test_three_ratings_feed_the_appraisal_anonymously(self):
        self._rate(self.rep_b, self.rep_a, 5, "Always shares leads")
        self._rate(self.rep_d, self.rep_a, 4)
        appraisal = self._appraisal(self.rep_a)
        appraisal.with_user(self.manager).action_fill_kpis()
        line = appraisal.line_ids.filtered(lambda x: x.kpi == "peer_review")
        self.assertFalse(line.counted, "two ratings are not enough")
        self.assertFalse(appraisal.peer_comments, "nor are their comments shown")
        self._rate(self.rep_e, self.rep_a, 3, "Late to the weekly meeting")
        appraisal.with_user(self.manager).action_fill_kpis()
        self.assertTrue(line.counted)
        self.assertEqual((line.actual, line.score), (4.0, 75.0))
        appraisal.invalidate_recordset()  # as the form reloads
        self.assertEqual(appraisal.peer_count, 3)
        self.assertIn("Always shares leads", appraisal.peer_comments)
        # Nobody but the author reads a rating: not the colleague rated, not
        # his manager, not HR.
        Review = self.env["stm.peer.review"]
        for user in (self.rep_a, self.manager):
            self.assertFalse(
                Review.with_user(user).search([("ratee_id", "=", self.rep_a.id)]),
                user.name,
            )
        with self.assertRaises(AccessError):
            Review.with_user(self.hr_officer).search([])
        self.assertEqual(
            len(Review.with_user(self.rep_b).search([])), 1, "the author sees his own"
        )

    @freeze_time("2026-06-20 04:00:00")
    def test_ratings_that_cannot_be_given(self):
        with self.assertRaisesRegex(UserError, "himself"):
            self._rate(self.rep_a, self.rep_a, 5)
        for score in (0, 6):
            with self.assertRaisesRegex(UserError, "1 to 5"):
                self._rate(self.rep_b, self.rep_a, score)
        with self.assertRaisesRegex(UserError, "members of"):
            self._rate(self.rep_c, self.rep_a, 4)  # another team
        # Given in one's own name: the author is always the user.
        review = self._rate(self.rep_b, self.rep_a, 4, rater_id=self.rep_d.id)
        self.assertEqual(review.rater_id, self.rep_b)
        with self.assertRaises(UserError):
            review.with_user(self.rep_b).write({"ratee_id": self.rep_d.id})
        with (
            freeze_time("2026-07-20 04:00:00"),
            self.assertRaisesRegex(UserError, "15 days"),
        ):
            self._rate(self.rep_d, self.rep_a, 4)


@tagged("post_install", "-at_install")
class TestCoaching(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coach = cls._salesperson("stm_coach_voices", "Senior Sun")
        cls.hr_officer = new_test_user(
            cls.env, "stm_hr_coaching", groups="base.group_user,hr.group_hr_user"
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Sigma Tools", "is_company": True}
        )

    def _discipline(self):
        return self.env["stm.discipline"].create(
            {
                "user_id": self.rep_a.id,
                "kind": "review",
                "reason": "Failing the visit quota for 90 days",
                "decision": "coaching",
            }
        )

    def _plan(self):
        action = self._discipline().with_user(self.manager).action_stm_coaching_plan()
        return self.env["stm.coaching.plan"].browse(action["res_id"])

    def test_a_decision_to_coach_opens_one_plan(self):
        discipline = self._discipline()
        first = discipline.with_user(self.manager).action_stm_coaching_plan()
        again = discipline.with_user(self.manager).action_stm_coaching_plan()
        self.assertEqual(first["res_id"], again["res_id"])
        plan = self.env["stm.coaching.plan"].browse(first["res_id"])
        self.assertEqual(plan.coach_id, self.manager, "the team's leader by default")
        self.assertEqual(
            set(plan.goal_ids.mapped("measure")),
            {"feedback_visits", "registered_projects", "attainment"},
        )
        discipline.decision = "cleared"
        with self.assertRaises(UserError):
            discipline.with_user(self.manager).action_stm_coaching_plan()

    def test_the_coachee_follows_others_do_not_see(self):
        plan = self._plan()
        plan.with_user(self.manager).coach_id = self.coach
        with freeze_time("2026-06-01 02:00:00"):
            plan.date_start = "2026-06-01"
            plan.with_user(self.coach).action_start()
        self.assertEqual(plan.state, "active")
        self.assertIn(self.rep_a.partner_id, plan.message_partner_ids)
        # The coach notes a session; the coachee reads but does not write.
        plan.with_user(self.coach).session_ids = [
            (0, 0, {"date": "2026-06-08", "notes": "Plan two visits a week"})
        ]
        mine = plan.with_user(self.rep_a)
        # His form shows it read-only (fields and buttons follow in_charge).
        self.assertEqual(
            (mine.in_charge, plan.with_user(self.coach).in_charge), (False, True)
        )
        self.assertEqual(len(mine.session_ids), 1)
        self.assertEqual(len(mine.goal_ids), 3)
        with self.assertRaises(AccessError):
            mine.write({"outcome": "improved"})
        with self.assertRaises(AccessError):
            mine.session_ids.write({"notes": "All fine"})
        # A colleague sees nothing; HR sees it.
        Plan = self.env["stm.coaching.plan"]
        self.assertFalse(Plan.with_user(self.rep_b).search([("id", "=", plan.id)]))
        self.assertTrue(Plan.with_user(self.hr_officer).search([("id", "=", plan.id)]))
        with self.assertRaises(AccessError):
            Plan.with_user(self.rep_b).create({"coachee_id": self.rep_b.id})
        # Measured goals count from the records since the start.
        visits = self.env["stm.visit"].create(
            [
                {
                    "user_id": self.rep_a.id,
                    "partner_id": self.customer.id,
                    "purpose": "Follow-up",
                    "result": "Fine",
                    "date": datetime(2026, 6, day, 3, 0),
                }
                for day in (3, 5, 10)
            ]
        )
        visits.write({"state": "done"})
        visits_goal = plan.goal_ids.filtered(lambda g: g.measure == "feedback_visits")
        with freeze_time("2026-06-15 02:00:00"):
            visits_goal.invalidate_recordset()
            self.assertEqual(visits_goal.actual, 3)
        with self.assertRaisesRegex(UserError, "outcome"):
            plan.with_user(self.coach).action_done()
        plan.with_user(self.coach).outcome = "improved"
        plan.with_user(self.coach).action_done()
        self.assertEqual(plan.state, "done")

    def test_a_failed_appraisal_leads_to_coaching(self):
        form = Form(self.env["stm.appraisal"].with_user(self.manager))
        form.user_id = self.rep_a
        form.period = "quarter"
        form.date_from = date(2026, 4, 1)
        appraisal = form.save()
        appraisal.line_ids.sudo().write({"score": 20, "source": "manual"})
        appraisal.sudo().write({"state": "interview"})
        appraisal.with_user(self.manager).action_done()
        self.assertEqual(appraisal.grade, "fail")
        action = appraisal.with_user(self.manager).action_stm_coaching_plan()
        plan = self.env["stm.coaching.plan"].browse(action["res_id"])
        self.assertEqual((plan.coachee_id, plan.appraisal_id), (self.rep_a, appraisal))

    def test_weekly_digest_to_coach_and_mentor(self):
        plan = self._plan()
        with freeze_time("2026-06-01 02:00:00"):
            plan.date_start = "2026-06-01"
            plan.with_user(self.manager).action_start()
        member_b = self.team_block.crm_team_member_ids.filtered(
            lambda m: m.user_id == self.rep_b
        )
        member_b.write({"stm_mentor_id": self.coach.id, "stm_joined_on": "2026-05-01"})
        visit = self.env["stm.visit"].create(
            {
                "user_id": self.rep_b.id,
                "partner_id": self.customer.id,
                "purpose": "Demo",
                "result": "Liked it",
                "date": datetime(2026, 6, 5, 3, 0),
            }
        )
        visit.write({"state": "done"})
        with freeze_time("2026-06-08 01:00:00"):
            self.env["stm.coaching.plan"]._cron_weekly_digest()
            card = member_b.with_user(self.rep_c)
            self.assertEqual(card.stm_board_mentor_id, self.coach, "shown to all")
        to_coach = plan.message_ids.filtered(
            lambda m: self.manager.partner_id in m.partner_ids
        )
        self.assertIn("0 visits", to_coach[:1].body)
        to_mentor = member_b.message_ids.filtered(
            lambda m: self.coach.partner_id in m.partner_ids
        )
        self.assertIn("1 visits", to_mentor[:1].body)
        self.assertIn("Sigma Tools", to_mentor[:1].body)
        # Once no longer new, the mentor is not on the board any more.
        with freeze_time("2026-09-08 01:00:00"):
            member_b.invalidate_recordset()
            self.assertFalse(member_b.stm_board_mentor_id)
