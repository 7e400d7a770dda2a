"""Competitors: the figures a sales admin reads, the Lost dialog's winner,
and who reads and writes what, over XML-RPC (and Odoo 19's /json/2)."""

from datetime import date

from odoo.addons.sales_team_mgmt.tests.common import (
    StmCase,
    StmRpcCase,
    assert_other_company_reads_nothing,
    over_json2,
    read_group_call,
)
from odoo.addons.sales_team_mgmt.tests.hostile import HostileRpc
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestCompetitorFigures(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Met by every company of the database (no company of their own).
        cls.kaida, cls.debao = cls.env["stm.competitor"].create(
            [
                {"name": "Kaida", "company_id": False},
                {"name": "Debao", "company_id": False},
            ]
        )
        cls.won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)

    def _deal(self, name, revenue, competitors):
        return self._lead(
            self.rep_a,
            partner_name=name,
            expected_revenue=revenue,
            stm_competitor_ids=[(6, 0, competitors.ids)],
        )

    def _lose(self, lead, user, winner):
        wizard = (
            self.env["crm.lead.lost"]
            .with_user(user)
            .create({"lead_ids": [(6, 0, lead.ids)], "stm_lost_to_id": winner.id})
        )
        wizard.action_lost_reason_apply()

    def test_what_the_deals_say(self):
        self.assertEqual(
            (self.kaida.deal_count, self.kaida.win_rate, self.kaida.lost_revenue),
            (0, 0.0, 0.0),
            "no deal, no figure",
        )
        won = self._deal("Alpha Cranes", 50_000, self.kaida | self.debao)
        won.sudo().stage_id = self.won_stage
        lost = self._deal("Beta Motors", 80_000, self.kaida)
        self._deal("Gamma Steel", 30_000, self.kaida)
        # Lost to Debao, which nobody had listed: it joins the competitors.
        taken = self._deal("Delta Foods", 20_000, self.kaida)
        # A claimed customer is given up by a manager (or after an alarm).
        self._lose(lost, self.manager, self.kaida)
        self._lose(taken, self.manager, self.debao)
        self.assertFalse(lost.active, "Odoo's Lost dialog archives the deal")
        self.assertEqual(lost.stm_lost_to_id, self.kaida)
        self.assertIn(self.debao, taken.stm_competitor_ids)
        (self.kaida | self.debao).invalidate_recordset()
        self.assertEqual(
            (
                self.kaida.deal_count,
                self.kaida.won_count,
                self.kaida.lost_count,
                self.kaida.win_rate,
                self.kaida.lost_revenue,
            ),
            (4, 1, 1, 50.0, 80_000),
        )
        self.assertEqual(
            (self.debao.deal_count, self.debao.lost_count, self.debao.lost_revenue),
            (2, 1, 20_000),
        )
        # The sales admin's report: revenue lost, by competitor.
        groups = (
            self.env["crm.lead"]
            .with_user(self.sales_admin)
            .with_context(active_test=False)
            ._read_group(
                [("stm_lost_to_id", "in", (self.kaida | self.debao).ids)],
                ["stm_lost_to_id"],
                ["expected_revenue:sum"],
            )
        )
        self.assertEqual(dict(groups), {self.kaida: 80_000, self.debao: 20_000})

    def test_the_reports_learn_who_took_the_revenue(self):
        """What the sales reports ask: per salesperson, who won the deals he
        lost in the period, largest revenue first."""
        for name, revenue, winner in (
            ("Epsilon", 30_000, self.kaida),
            ("Zeta", 70_000, self.debao),
            ("Eta", 15_000, self.kaida),
        ):
            self._lose(self._deal(name, revenue, winner), self.manager, winner)
        # Lost without naming a winner: revenue lost to nobody known.
        self._deal("Theta", 9_000, self.kaida).action_set_lost()
        today = self.env["stm.figures"]._stm_today(self.rep_a)
        lost_to = self.env["stm.figures"]._stm_revenue_lost_to(
            self.rep_a, self.env.company, today, today
        )
        self.assertEqual(lost_to, {self.rep_a: [("Debao", 70_000), ("Kaida", 45_000)]})
        self.assertEqual(
            self.env["stm.figures"]._stm_revenue_lost_to(
                self.rep_a, self.env.company, date(2020, 1, 1), date(2020, 1, 31)
            ),
            {},
            "another period lost nothing",
        )

    def test_deals_of_another_company_do_not_count(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        self.env["crm.lead"].create(
            {
                "name": "Elsewhere",
                "type": "opportunity",
                "company_id": other.id,
                "user_id": False,
                "team_id": False,
                "stm_competitor_ids": [(6, 0, self.kaida.ids)],
            }
        )
        self._deal("Here Ltd", 10_000, self.kaida)
        self.assertEqual(self.kaida.with_user(self.sales_admin).deal_count, 1)

    def test_company_b_reads_nothing(self):
        intel = self.env["stm.competitor.intel"].create(
            {"competitor_id": self.kaida.id, "kind": "price", "price": 1000}
        )
        self.kaida.company_id = self.env.company
        assert_other_company_reads_nothing(self, [self.kaida, intel])


@tagged("post_install", "-at_install")
class TestCompetitorsOverRpc(HostileRpc, StmRpcCase):
    min_refusals = 10

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kaida = cls.env["stm.competitor"].create({"name": "Kaida"})
        cls.valid = {
            "stm.competitor": {"name": "Debao"},
            "stm.competitor.intel": {"competitor_id": cls.kaida.id, "kind": "price"},
        }

    def test_salespeople_read_competitors_sales_admins_keep_them(self):
        found = self.rpc(self.rep_a, "stm.competitor", "search_read", [], ["name"])
        self.assertIn("Kaida", [row["name"] for row in found])
        self.assertRefused(self.rep_a, "stm.competitor", "create", {"name": "Mine"})
        self.assertRefused(
            self.rep_a, "stm.competitor", "write", [self.kaida.id], {"name": "Renamed"}
        )
        self.rpc(
            self.sales_admin,
            "stm.competitor",
            "write",
            [self.kaida.id],
            {"price_level": "lower", "strengths": "Cheap"},
        )
        self.assertEqual(self.kaida.price_level, "lower")

    def test_intel_is_read_by_all_sales_changed_by_its_author(self):
        intel = self.rpc(
            self.rep_a,
            "stm.competitor.intel",
            "create",
            {"competitor_id": self.kaida.id, "kind": "price", "price": 420_000},
        )
        record = self.env["stm.competitor.intel"].browse(intel)
        self.assertEqual(record.user_id, self.rep_a)
        self.assertEqual(record.display_name, "Kaida: Price")
        self.assertEqual(
            self.env["stm.competitor.intel"].new({"kind": "price"}).display_name,
            "Price",
            "a report being written names no competitor yet",
        )
        # A colleague reads it and groups it; he does not change it.
        self.assertEqual(
            self.rpc(
                self.rep_b, "stm.competitor.intel", "search", [("id", "=", intel)]
            ),
            [intel],
        )
        method, args, kwargs = read_group_call([("id", "=", intel)], ["competitor_id"])
        groups = self.rpc(self.rep_b, "stm.competitor.intel", method, *args, **kwargs)
        self.assertEqual([group["__count"] for group in groups], [1])
        self.assertRefused(
            self.rep_b, "stm.competitor.intel", "write", [intel], {"note": "Mine now"}
        )
        self.assertRefused(self.rep_b, "stm.competitor.intel", "unlink", [intel])
        # Nobody signs a report in another's name.
        self.assertRefused(
            self.rep_a,
            "stm.competitor.intel",
            "write",
            [intel],
            {"user_id": self.rep_b.id},
        )
        self.assertRefused(
            self.rep_b,
            "stm.competitor.intel",
            "create",
            {"competitor_id": self.kaida.id, "kind": "other", "user_id": self.rep_a.id},
        )
        self.rpc(
            self.rep_a, "stm.competitor.intel", "write", [intel], {"price": 400_000}
        )
        self.rpc(
            self.sales_admin, "stm.competitor.intel", "write", [intel], {"note": "Seen"}
        )
        self.assertEqual((record.price, record.note), (400_000, "Seen"))

    def test_the_lost_dialog_names_the_winner(self):
        lead = self._lead(self.rep_a, partner_name="Omega Plastics")
        wizard = self.rpc(
            self.manager,
            "crm.lead.lost",
            "create",
            {"lead_ids": [(6, 0, lead.ids)], "stm_lost_to_id": self.kaida.id},
        )
        self.rpc(self.manager, "crm.lead.lost", "action_lost_reason_apply", [wizard])
        lead.invalidate_recordset()
        self.assertEqual(lead.stm_lost_to_id, self.kaida)
        self.assertFalse(lead.active)


# The same, over Odoo 19's /json/2.
TestCompetitorsOverJson2 = over_json2(TestCompetitorsOverRpc)
