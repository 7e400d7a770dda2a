"""Customer satisfaction: the customer is asked when a deal is won (and
after a visit where the team wants it), answers through the real survey
pages, and the answers reach the manager and the appraisal."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.tests.common import RpcClient, StmCase, StmFixtures
from odoo.addons.survey.tests.common import SurveyCase
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

Q2 = (date(2026, 4, 1), date(2026, 6, 30))


class SatisfactionFixtures(StmFixtures):
    @classmethod
    def _stm_setup_satisfaction(cls):
        cls.survey = cls.env.ref("sales_team_mgmt_survey.survey_customer_satisfaction")
        cls.team_block.stm_satisfaction_survey_id = cls.survey
        cls.manager.lang = "zh_CN"
        cls.customer = cls.env["res.partner"].create(
            {"name": "Mr Wang", "email": "wang@hengda.example.com"}
        )
        cls.won_stage = cls.env["crm.stage"].create(
            {"name": "Won (satisfaction)", "is_won": True, "sequence": 99}
        )

    def _won_deal(self, user=None, partner=None):
        lead = self._lead(user or self.rep_a, partner_id=(partner or self.customer).id)
        lead.with_user(user or self.rep_a).action_set_won()
        return lead

    def _answer(self, lead, choices, when=None):
        """The customer's answer to the survey sent for ``lead``, one choice
        per scored question (0 = very dissatisfied … 4 = very satisfied), as
        Odoo's own survey tests record answers."""
        answer = self.env["survey.user_input"].search([("stm_lead_id", "=", lead.id)])
        questions = self.survey.question_ids.filtered(
            lambda q: q.question_type == "simple_choice"
        )
        for question, choice in zip(questions, choices, strict=True):
            self._add_answer_line(
                question,
                answer,
                question.suggested_answer_ids.sorted("sequence")[choice].id,
            )
        with freeze_time(when or datetime(2026, 5, 10, 4, 0)):
            answer._mark_done()
        return answer


@tagged("post_install", "-at_install")
class TestSatisfactionSurvey(SatisfactionFixtures, StmCase, SurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stm_setup_satisfaction()

    def test_a_won_deal_asks_its_customer_once(self):
        lead = self._won_deal()
        answer = self.env["survey.user_input"].search([("stm_lead_id", "=", lead.id)])
        self.assertEqual(len(answer), 1)
        self.assertEqual(
            (answer.partner_id, answer.stm_user_id, answer.survey_id),
            (self.customer, self.rep_a, self.survey),
        )
        mail = self.env["mail.mail"].search(
            [("model", "=", "survey.user_input"), ("res_id", "=", answer.id)]
        )
        # Odoo 18 writes the address, 19 links the contact.
        recipients = f"{mail.email_to} {' '.join(mail.recipient_ids.mapped('email'))}"
        self.assertIn("wang@hengda.example.com", recipients)
        self.assertIn("Zhang Wei", mail.subject, "the mail names the salesperson")
        self.assertIn(answer.get_start_url(), mail.body_html)
        self.assertEqual(lead.stm_satisfaction_state, "asked")
        # Moved back, lost, reopened and won again: the customer is not asked
        # twice. (Odoo 19 refuses to lose a lead still in a won stage.)
        lead.stage_id = self.env["crm.stage"].search([("is_won", "=", False)], limit=1)
        lead.action_set_lost()
        lead.action_unarchive()
        lead.action_set_won()
        self.assertEqual(
            self.env["survey.user_input"].search_count([("stm_lead_id", "=", lead.id)]),
            1,
        )

    def test_nobody_is_asked_without_an_address_or_a_survey(self):
        silent = self.env["res.partner"].create({"name": "No Mail Ltd"})
        lead = self._won_deal(partner=silent)
        self.team_block.stm_satisfaction_survey_id = False
        other = self._won_deal(partner=self.customer)
        self.assertFalse(
            self.env["survey.user_input"].search(
                [("stm_lead_id", "in", (lead | other).ids)]
            )
        )

    def test_a_low_score_calls_the_team_leader_in_his_language(self):
        happy = self._answer(self._won_deal(), [4, 3, 4])
        self.assertAlmostEqual(happy.scoring_percentage, 91.67)
        self.assertFalse(happy.stm_low)
        self.assertFalse(happy.stm_lead_id.activity_ids)
        self.assertEqual(happy.stm_lead_id.stm_satisfaction_state, "answered")
        self.assertAlmostEqual(happy.stm_lead_id.stm_satisfaction_score, 91.67)

        unhappy_customer = self.env["res.partner"].create(
            {"name": "Ms Li", "email": "li@ruifeng.example.com"}
        )
        unhappy = self._answer(self._won_deal(partner=unhappy_customer), [1, 2, 1])
        self.assertEqual(unhappy.scoring_percentage, 33.33)
        self.assertTrue(unhappy.stm_low)
        activity = unhappy.stm_lead_id.activity_ids
        self.assertEqual(activity.user_id, self.manager)
        self.assertIn("客户满意度", activity.summary)
        self.assertIn("Ms Li", activity.note)

    def test_satisfaction_feeds_the_appraisal_and_the_honours(self):
        template = self.env.ref(
            "sales_team_mgmt_appraisal.stm_appraisal_template_default"
        )
        template.active = True  # its weights still make 100
        weights = {line.source: line.weight for line in template.line_ids}
        self.assertEqual((weights["visits"], weights["satisfaction"]), (4, 4))
        self._answer(self._won_deal(), [4, 4, 4], when=datetime(2026, 4, 20, 3))
        second = self.env["res.partner"].create(
            {"name": "Ms Zhou", "email": "zhou@tiancheng.example.com"}
        )
        self._answer(self._won_deal(partner=second), [2, 2, 2])
        # Answered after the quarter: not counted.
        third = self.env["res.partner"].create(
            {"name": "Mr Sun", "email": "sun@jiahe.example.com"}
        )
        self._answer(
            self._won_deal(partner=third), [0, 0, 0], when=datetime(2026, 7, 2, 3)
        )

        def appraisal(user):
            form = Form(self.env["stm.appraisal"].with_user(self.manager))
            form.user_id = user
            form.template_id = template
            form.period = "quarter"
            form.date_from = Q2[0]
            record = form.save()
            record.action_fill_kpis()
            return record.line_ids.filtered(lambda line: line.kpi == "satisfaction")

        with freeze_time("2026-07-05 04:00:00"):
            line = appraisal(self.rep_a)
            self.assertTrue(line.counted)
            self.assertEqual((line.actual, line.score), (75.0, 75.0))
            # Nobody answered about Li Na: left out, not zero.
            untouched = appraisal(self.rep_b)
            self.assertFalse(untouched.counted)
        # The figure the honours ask for (with the incentives add-on).
        figure = self.env["stm.figures"]._stm_satisfaction(
            self.rep_a | self.rep_b, self.env.company, *Q2
        )
        self.assertEqual(figure, {self.rep_a: 75.0})

    def test_answers_judge_only_within_the_company(self):
        other_company = self.env["res.company"].create({"name": "Hong Kong Branch"})
        foreign_lead = (
            self.env["crm.lead"]
            .sudo()
            .create({"name": "HK deal", "company_id": other_company.id})
        )
        answer = self.survey._create_answer(partner=self.customer, check_attempts=False)
        officer = new_test_user(
            self.env,
            "stm_survey_officer",
            groups="base.group_user,survey.group_survey_user",
            company_ids=[(6, 0, self.env.company.ids)],
        )
        with self.assertRaisesRegex(UserError, "Hong Kong Branch"):
            answer.with_user(officer).write({"stm_lead_id": foreign_lead.id})
        with self.assertRaisesRegex(UserError, "does not work for"):
            answer.write({"stm_lead_id": foreign_lead.id, "stm_user_id": self.rep_a.id})

    def test_a_done_visit_asks_when_the_team_wants_it(self):
        self.team_block.stm_survey_after_visit = True
        company = self.env["res.partner"].create(
            {"name": "恒达电子", "is_company": True, "email": "info@hengda.example.com"}
        )
        contact = self.env["res.partner"].create(
            {
                "name": "Mr Qian",
                "parent_id": company.id,
                "email": "qian@hengda.example.com",
            }
        )
        Visit = self.env["stm.visit"].with_user(self.rep_a)

        def done_visit():
            visit = Visit.create(
                {
                    "partner_id": company.id,
                    "contact_ids": [(6, 0, contact.ids)],
                    "purpose": "Phase two",
                    "result": "Wants a quote for phase two",
                }
            )
            visit.action_done()
            return visit

        first = done_visit()
        asked = self.env["survey.user_input"].search([("stm_visit_id", "=", first.id)])
        self.assertEqual(asked.partner_id, contact, "the person met is asked")
        second = done_visit()
        self.assertFalse(
            self.env["survey.user_input"].search([("stm_visit_id", "=", second.id)]),
            "asked again within 30 days",
        )

    def test_who_reads_the_answers(self):
        answer = self._answer(self._won_deal(), [3, 3, 3])
        Answer = self.env["survey.user_input"]
        seen = Answer.with_user(self.manager).search([])
        self.assertIn(answer, seen)
        self.assertTrue(all(seen.mapped("stm_user_id")), "satisfaction answers only")
        self.assertEqual(seen.stm_company_id, self.env.company)
        with self.assertRaises(AccessError):
            Answer.with_user(self.rep_a).search([])
        # The salesperson sees the score on his deal.
        self.assertEqual(
            answer.stm_lead_id.with_user(self.rep_a).stm_satisfaction_score, 75.0
        )


@tagged("post_install", "-at_install")
class TestCustomerAnswersOnline(SatisfactionFixtures, RpcClient, HttpCase, SurveyCase):
    """The customer follows the e-mail's link and answers on the survey's
    own pages, not logged in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stm_setup_people()
        cls._stm_setup_satisfaction()

    def test_the_customer_answers_from_the_mail(self):
        lead = self._won_deal()
        answer = self.env["survey.user_input"].search([("stm_lead_id", "=", lead.id)])
        response = self.url_open(answer.get_start_url())
        self.assertResponse(response, 200, ["How did we do?"])
        response = self._access_page(self.survey, answer.access_token)
        csrf_token = self._find_csrf_token(response.text)
        self._access_begin(self.survey, answer.access_token)
        post_data = {"csrf_token": csrf_token, "token": answer.access_token}
        for question in self.survey.question_ids:
            if question.question_type == "simple_choice":
                post_data[str(question.id)] = str(
                    question.suggested_answer_ids.sorted("sequence")[1].id
                )
        response = self._access_submit(self.survey, answer.access_token, post_data)
        self.assertResponse(response, 200)
        answer.invalidate_recordset()
        self.assertEqual(answer.state, "done")
        self.assertEqual(answer.scoring_percentage, 25.0)
        self.assertTrue(lead.activity_ids.filtered(lambda a: a.user_id == self.manager))

    def test_the_salesperson_cannot_read_the_invitation(self):
        """The invitation carries the answer link: the salesperson it judges
        cannot read it, by any way a client has (its message, the mail, the
        answer's token), so he cannot answer for his customer."""
        lead = self._won_deal()
        answer = self.env["survey.user_input"].search([("stm_lead_id", "=", lead.id)])
        message = self.env["mail.message"].search(
            [
                ("model", "=", "survey.user_input"),
                ("res_id", "=", answer.id),
                ("body", "ilike", answer.access_token),
            ]
        )
        self.assertEqual(len(message), 1, "the invitation is on record")
        self.assertEqual(message.author_id, self.env.ref("base.partner_root"))
        found = self.rpc(
            self.rep_a,
            "mail.message",
            "search_read",
            [("body", "ilike", answer.access_token)],
            fields=["body"],
        )
        self.assertEqual(found, [])
        for model, method, args in (
            ("mail.message", "read", [message.ids, ["body"]]),
            ("mail.mail", "search_read", [[("res_id", "=", answer.id)]]),
            ("survey.user_input", "read", [answer.ids, ["access_token"]]),
        ):
            with self.subTest(model=model), self.assertRaises(Exception) as refused:
                with mute_logger("odoo.http"):
                    self.rpc(self.rep_a, model, method, *args)
            self.assertNotIn(answer.access_token, str(refused.exception))
