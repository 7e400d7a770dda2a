from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged


@tagged("post_install", "-at_install")
class TestAppraisal(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_block.crm_team_member_ids.filtered(
            lambda member: member.user_id == cls.rep_a
        ).stm_revenue_target = 400000
        cls.won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        # Seed 002's weights, as the core ships them (integration add-ons
        # may split a line of the shipped template: these tests do not
        # depend on which are installed).
        cls.template = cls.env["stm.appraisal.template"].create(
            {
                "name": "Seed 002",
                "line_ids": [
                    Command.create({"name": name, "weight": weight, "source": source})
                    for name, weight, source in (
                        ("Targets: won revenue", 20, "revenue"),
                        ("Targets: feedback visits", 8, "visits"),
                        ("Targets: registered projects", 6, "projects"),
                        ("Targets: daily compliance", 6, "compliance"),
                        ("Teamwork: upheld complaints lower it", 10, "complaints"),
                        ("Teamwork: colleagues' ratings", 10, "peer_review"),
                        ("Innovation", 20, "manual"),
                        ("Professional skills", 10, "manual"),
                        ("Leadership", 10, "manual"),
                    )
                ],
            }
        )

    def _appraisal(self, user, period="quarter", day=date(2026, 5, 10)):
        appraisal = Form(self.env["stm.appraisal"].with_user(self.manager))
        appraisal.user_id = user
        appraisal.template_id = self.template
        appraisal.period = period
        appraisal.date_from = day
        record = appraisal.save()
        return record.with_env(self.env)

    def _won(self, user, revenue, closed_on):
        lead = self._lead(user, expected_revenue=revenue, partner_name=f"Won {revenue}")
        lead.sudo().write({"stage_id": self.won_stage.id})
        lead.sudo().date_closed = closed_on
        return lead

    def _score(self, appraisal, names_scores):
        for line in appraisal.line_ids.with_user(self.manager):
            if line.name in names_scores:
                line.score = names_scores[line.name]

    def test_template_must_weigh_100(self):
        template = self.env.ref(
            "sales_team_mgmt_appraisal.stm_appraisal_template_default"
        )
        self.assertEqual(template.total_weight, 100)
        with self.assertRaises(ValidationError):
            template.write(
                {"line_ids": [Command.update(template.line_ids[0].id, {"weight": 25})]}
            )
        with self.assertRaises(ValidationError):
            self.env["stm.appraisal.template"].create(
                {
                    "name": "Lopsided",
                    "line_ids": [Command.create({"name": "All", "weight": 90})],
                }
            )
        # An archived draft may be incomplete, but cannot be used.
        draft = self.env["stm.appraisal.template"].create(
            {
                "name": "Draft",
                "active": False,
                "line_ids": [Command.create({"name": "Half", "weight": 50})],
            }
        )
        with self.assertRaises(ValidationError):
            self.env["stm.appraisal"].with_user(self.manager).create(
                {"user_id": self.rep_a.id, "template_id": draft.id}
            )

    def test_period_dates_and_lines_from_template(self):
        appraisal = self._appraisal(self.rep_a, "quarter", date(2026, 5, 10))
        self.assertEqual(
            (appraisal.date_from, appraisal.date_to),
            (date(2026, 4, 1), date(2026, 6, 30)),
        )
        self.assertEqual(appraisal.team_id, self.team_block)
        self.assertEqual(sum(appraisal.line_ids.mapped("weight")), 100)
        self.assertEqual(
            len(appraisal.line_ids.filtered(lambda line: line.source == "auto")), 6
        )
        # The shipped template weighs 100 too, whatever add-on splits a line.
        shipped = self.env.ref(
            "sales_team_mgmt_appraisal.stm_appraisal_template_default"
        )
        self.assertEqual(shipped.total_weight, 100)

    def test_any_day_given_stands_for_its_period(self):
        """As a script or an import gives it, without the form's onchange."""
        appraisal = (
            self.env["stm.appraisal"]
            .with_user(self.manager)
            .create(
                {
                    "user_id": self.rep_a.id,
                    "template_id": self.template.id,
                    "period": "quarter",
                    "date_from": "2026-08-15",
                }
            )
        )
        self.assertEqual(
            (appraisal.date_from, appraisal.date_to),
            (date(2026, 7, 1), date(2026, 9, 30)),
        )
        appraisal.with_user(self.manager).write({"date_from": "2026-11-20"})
        self.assertEqual(
            (appraisal.date_from, appraisal.date_to),
            (date(2026, 10, 1), date(2026, 12, 31)),
        )
        appraisal.with_user(self.manager).write({"period": "month"})
        self.assertEqual(
            (appraisal.date_from, appraisal.date_to),
            (date(2026, 10, 1), date(2026, 10, 31)),
        )

    def test_fill_kpis_and_grade(self):
        self._won(self.rep_a, 60000, datetime(2026, 5, 3, 8, 0))
        self._won(self.rep_a, 9999, datetime(2026, 3, 31, 8, 0))  # previous quarter
        appraisal = self._appraisal(self.rep_a)
        appraisal.with_user(self.manager).action_fill_kpis()
        revenue = appraisal.line_ids.filtered(lambda line: line.kpi == "revenue")
        self.assertEqual(revenue.target, 100000, "a quarter of the yearly 400,000")
        self.assertEqual(revenue.actual, 60000)
        self.assertEqual(revenue.score, 60)
        teamwork = appraisal.line_ids.filtered(lambda line: line.kpi == "complaints")
        self.assertEqual(teamwork.score, 100, "no upheld complaint")
        self._score(
            appraisal, {"Innovation": 80, "Professional skills": 90, "Leadership": 70}
        )
        # Nobody rated Zhang Wei: the colleagues' line is left out.
        peers = appraisal.line_ids.filtered(lambda line: line.kpi == "peer_review")
        self.assertFalse(peers.counted)
        # (20*60 + 8*0 + 6*0 + 6*100 (no compliance data) + 10*100
        # + 20*80 + 10*90 + 10*70) / 90 = 6000 / 90
        self.assertAlmostEqual(appraisal.total_score, 66.67)
        self.assertEqual(appraisal.grade, "pass")

    def test_manager_override_survives_refill(self):
        appraisal = self._appraisal(self.rep_a)
        appraisal.with_user(self.manager).action_fill_kpis()
        visits = appraisal.line_ids.filtered(lambda line: line.kpi == "visits")
        visits.with_user(self.manager).score = 75
        self.assertEqual(visits.source, "manual")
        appraisal.with_user(self.manager).action_fill_kpis()
        self.assertEqual(visits.score, 75)

    def test_salesperson_sees_only_done_and_only_comments(self):
        appraisal = self._appraisal(self.rep_a)
        as_rep = appraisal.with_user(self.rep_a)
        with self.assertRaises(AccessError):
            as_rep.read(["total_score"])
        flow = appraisal.with_user(self.manager)
        flow.action_to_review()
        flow.interview_on = datetime(2026, 12, 10, 2, 0)
        flow.action_to_interview()
        with self.assertRaises(AccessError):
            as_rep.read(["total_score"])
        flow.action_done()
        self.assertTrue(as_rep.read(["total_score"]))
        self.assertTrue(as_rep.line_ids.read(["score"]))
        as_rep.employee_comment = "Agreed, more visits next quarter."
        with self.assertRaises(AccessError):
            as_rep.write({"total_score": 100})
        with self.assertRaises(AccessError):
            as_rep.line_ids[0].score = 100
        with self.assertRaises(AccessError):
            appraisal.with_user(self.rep_b).read(["total_score"])
        with self.assertRaises(AccessError):
            self.env["stm.appraisal"].with_user(self.rep_a).create(
                {"user_id": self.rep_a.id}
            )

    def test_sales_admin_reads_but_cannot_score(self):
        appraisal = self._appraisal(self.rep_a)
        as_admin = appraisal.with_user(self.sales_admin)
        self.assertTrue(as_admin.read(["total_score"]))
        with self.assertRaises(AccessError):
            as_admin.line_ids[0].score = 100
        with self.assertRaises(AccessError):
            as_admin.action_to_review()

    def test_ranking_and_bottom(self):
        scores = {self.rep_a: 90, self.rep_b: 60}
        rep_d = self._salesperson("stm_rep_d", "Wang Fang")
        self.team_block.crm_team_member_ids = [Command.create({"user_id": rep_d.id})]
        scores[rep_d] = 75
        appraisals = self.env["stm.appraisal"]
        for user, score in scores.items():
            appraisal = self._appraisal(user)
            appraisal.line_ids.with_user(self.manager).write({"score": score})
            appraisals |= appraisal
        # Scores typed by the manager are kept when the review fills the figures.
        appraisals.with_user(self.manager).action_to_review()
        appraisals.with_user(self.manager).interview_on = datetime(2026, 12, 10, 2, 0)
        appraisals.with_user(self.manager).action_to_interview()
        by_user = {a.user_id: a for a in appraisals}
        self.assertEqual(
            [by_user[u].rank_in_team for u in (self.rep_a, rep_d, self.rep_b)],
            [1, 2, 3],
        )
        self.assertEqual(appraisals.filtered("is_bottom").user_id, self.rep_b)
        self.team_block.stm_bottom_rank_count = 2
        appraisals.with_user(self.manager).action_done()
        self.assertEqual(appraisals.filtered("is_bottom").user_id, self.rep_b | rep_d)

    @freeze_time("2027-01-05")
    def test_missed_yearly_target_opens_a_review(self):
        self._won(self.rep_a, 150000, datetime(2026, 9, 1, 8, 0))
        appraisal = self._appraisal(self.rep_a, "year", date(2026, 6, 1))
        flow = appraisal.with_user(self.manager)
        flow.action_to_review()
        flow.interview_on = datetime(2026, 12, 10, 2, 0)
        flow.action_to_interview()
        flow.action_done()
        review = self.env["stm.discipline"].search(
            [("origin", "=", f"stm.appraisal:{appraisal.id}")]
        )
        self.assertEqual(
            (review.kind, review.source, review.user_id),
            ("review", "target", self.rep_a),
        )
        self.assertIn("150", review.reason)

    def test_pdf_report_renders(self):
        appraisal = self._appraisal(self.rep_a)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "sales_team_mgmt_appraisal.stm_appraisal_report", appraisal.ids
        )[0]
        self.assertIn(b"Targets: won revenue", html)
        self.assertIn(b"Zhang Wei", html)
