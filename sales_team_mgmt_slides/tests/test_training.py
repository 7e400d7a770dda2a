"""Training: content completed in a period measures the appraisal's
professional skills; a newcomer's board card lists the courses left."""

from datetime import date

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.tests.common import StmCase, StmRpcCase
from odoo.tests import Form, new_test_user, tagged

Q2 = (date(2026, 4, 1), date(2026, 6, 30))


class TrainingFixtures:
    @classmethod
    def _stm_setup_training(cls):
        Channel = cls.env["slide.channel"]
        cls.course = Channel.create({"name": "Selling Tower Cranes"})
        cls.other_course = Channel.create({"name": "Safety on Site"})
        cls.lessons = cls.env["slide.slide"].create(
            [
                {
                    "name": f"Lesson {index}",
                    "channel_id": cls.course.id,
                    "slide_category": "article",
                    "completion_time": hours,
                    "is_published": True,
                }
                for index, hours in enumerate((1.5, 2.5, 3.0))
            ]
        )
        cls.team_block.stm_required_course_ids = cls.course | cls.other_course
        cls.team_block.stm_training_hours_month = 2.0

    def _complete(self, user, lessons):
        self.env["slide.slide.partner"].create(
            [
                {
                    "slide_id": lesson.id,
                    "partner_id": user.partner_id.id,
                    "completed": True,
                }
                for lesson in lessons
            ]
        )


@tagged("post_install", "-at_install")
class TestTraining(TrainingFixtures, StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stm_setup_training()

    def test_completion_is_dated(self):
        with freeze_time("2026-05-10 03:00:00"):
            self._complete(self.rep_a, self.lessons[:1])
        done = self.env["slide.slide.partner"].search(
            [("partner_id", "=", self.rep_a.partner_id.id)]
        )
        self.assertEqual(done.stm_completed_on, date(2026, 5, 10))
        done.completed = False
        self.assertFalse(done.stm_completed_on, "undone: no longer counted")

    def test_training_hours_measure_professional_skills(self):
        template = self.env.ref(
            "sales_team_mgmt_appraisal.stm_appraisal_template_default"
        )
        template.active = True
        skills = template.line_ids.filtered(lambda line: line.source == "training")
        self.assertEqual(len(skills), 1, "the skills criterion is measured")
        with freeze_time("2026-05-10 03:00:00"):
            self._complete(self.rep_a, self.lessons[:2])
        # Completed after the quarter: not counted.
        with freeze_time("2026-07-02 03:00:00"):
            self._complete(self.rep_a, self.lessons[2:])
        with freeze_time("2026-07-05 04:00:00"):
            form = Form(self.env["stm.appraisal"].with_user(self.manager))
            form.user_id = self.rep_a
            form.template_id = template
            form.period = "quarter"
            form.date_from = Q2[0]
            appraisal = form.save()
            appraisal.action_fill_kpis()
        line = appraisal.line_ids.filtered(lambda line: line.kpi == "training")
        # 4 hours of 6.0 expected (2 a month over 91 days).
        self.assertEqual((line.actual, line.target), (4.0, 6.0))
        self.assertAlmostEqual(line.score, 66.67, places=1)
        self.assertTrue(line.counted)

    @freeze_time("2026-05-10 03:00:00")
    def test_a_newcomer_sees_the_courses_left(self):
        members = self.team_block.crm_team_member_ids
        newcomer = members.filtered(lambda m: m.user_id == self.rep_b)
        newcomer.stm_joined_on = date(2026, 4, 1)
        veteran = members.filtered(lambda m: m.user_id == self.rep_a)
        self.assertEqual(
            newcomer.with_user(self.rep_b).stm_board_courses_todo,
            "Selling Tower Cranes, Safety on Site",
        )
        self.assertFalse(veteran.with_user(self.rep_a).stm_board_courses_todo)
        self.course.sudo()._action_add_members(self.rep_b.partner_id)
        self._complete(self.rep_b, self.lessons)
        newcomer.invalidate_recordset()
        self.assertEqual(
            newcomer.with_user(self.rep_b).stm_board_courses_todo, "Safety on Site"
        )


@tagged("post_install", "-at_install")
class TestTrainingOverRpc(TrainingFixtures, StmRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stm_setup_training()

    def test_nobody_dates_a_completion(self):
        self._complete(self.rep_a, self.lessons[:1])
        done = self.env["slide.slide.partner"].search(
            [("partner_id", "=", self.rep_a.partner_id.id)]
        )
        officer = new_test_user(
            self.env,
            "stm_slides_officer",
            groups="base.group_user,website_slides.group_website_slides_officer",
        )
        self.assertRefused(
            officer,
            "slide.slide.partner",
            "write",
            done.ids,
            {"stm_completed_on": "2026-01-01"},
        )
        self.assertRefused(
            self.rep_a,
            "crm.team",
            "write",
            self.team_block.ids,
            {"stm_training_hours_month": 0},
        )
