from datetime import datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import OTHER_COMPANY_GROUPS, StmCase

# Every model of the core that holds company data (each add-on checks its
# own).
STM_MODELS = (
    "stm.claim",
    "stm.claim.key",
    "stm.claim.dispute",
    "stm.difficulty.alarm",
    "stm.visit",
    "stm.compliance",
)


@tagged("post_install", "-at_install")
class TestTwoCompanies(StmCase):
    """Company A's records (the fixtures' company) as seen by a user of each
    group working for company B only: nothing to read, search, group or act
    on, line models included."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.team_block.company_id = cls.company_a
        cls.team_dispute.company_id = cls.company_a
        cls.company_b = cls.env["res.company"].create({"name": "Company B"})
        cls.users_b = {
            group: new_test_user(
                cls.env,
                f"stm_b_{name}",
                groups=f"base.group_user,{group}",
                company_id=cls.company_b.id,
                company_ids=[(6, 0, cls.company_b.ids)],
                name=f"B {name}",
            )
            for name, group in OTHER_COMPANY_GROUPS.items()
            if cls.env.ref(group, raise_if_not_found=False)
        }
        cls.records_a = cls._company_a_records()

    @classmethod
    def _company_a_records(cls):
        """One record (at least) of every model, all in company A."""
        env = cls.env
        lead = cls._lead_cls(
            cls.rep_a, partner_name="Alpha Cranes", phone="+86 21 6000 0001"
        )
        customer = env["res.partner"].create(
            {"name": "Alpha Cranes", "is_company": True, "company_id": cls.company_a.id}
        )
        cls._lead_cls(cls.rep_c, cls.team_dispute, partner_name="Alpha Cranes")
        env["stm.difficulty.alarm"].create({"lead_id": lead.id, "reason": "Stuck"})
        env["stm.visit"].create(
            {
                "user_id": cls.rep_a.id,
                "partner_id": customer.id,
                "purpose": "Intro",
                "result": "Interested",
                "date": datetime.now() - timedelta(hours=1),
                "state": "done",
            }
        )
        env["stm.compliance"]._cron_snapshot()
        records = {model: env[model].search([]) for model in STM_MODELS}
        for model, found in records.items():
            assert found, f"fixture for {model}"
            assert set(found.mapped("company_id")) <= {
                cls.company_a,
                env["res.company"],
            }
        return records

    @classmethod
    def _lead_cls(cls, user, team=None, **values):
        return (
            cls.env["crm.lead"]
            .with_user(user)
            .create(
                dict(
                    {"name": "Opportunity", "type": "opportunity"},
                    user_id=user.id,
                    team_id=(team or cls.team_block).id,
                    **values,
                )
            )
            .with_env(cls.env)
        )

    def test_company_b_reads_nothing_of_company_a(self):
        for login, user in self.users_b.items():
            for model, records in self.records_a.items():
                if not self.env[model].with_user(user).has_access("read"):
                    continue
                with self.subTest(user=login, model=model):
                    Model = self.env[model].with_user(user)
                    self.assertFalse(Model.search([("id", "in", records.ids)]))
                    groups = Model._read_group(
                        [("id", "in", records.ids)], [], ["__count"]
                    )
                    self.assertEqual(groups[0][0], 0)
                    with self.assertRaises(AccessError):
                        records.with_user(user).read(["id"])

    def test_company_b_cannot_act_on_company_a(self):
        pool_lead = self._lead(self.rep_a, partner_name="Beta Pumps")
        pool_lead.stm_claim_id._send_to_pool("expired")
        self.assertEqual(pool_lead.company_id, self.company_a)
        rep_b = self.users_b["sales_team.group_sale_salesman"]
        with self.assertRaises(UserError):
            pool_lead.with_user(rep_b).action_stm_claim()
        self.assertEqual(pool_lead.stm_claim_id.company_id, self.company_a)
        manager_b = self.users_b["sales_team.group_sale_manager"]
        dispute = self.records_a["stm.claim.dispute"][:1]
        with self.assertRaises(AccessError):
            dispute.with_user(manager_b).action_resolve()
        alarm = self.records_a["stm.difficulty.alarm"][:1]
        with self.assertRaises(AccessError):
            alarm.with_user(manager_b).action_acknowledge()

    def test_totals_count_the_company_of_the_team_only(self):
        """A salesperson working for both companies: company A's board counts
        company A's deals, not company B's."""
        self.rep_a.company_ids |= self.company_b
        team_b = self.env["crm.team"].create(
            {"name": "B Team", "company_id": self.company_b.id}
        )
        won_stage = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        won_b = self.env["crm.lead"].create(
            {
                "name": "B deal",
                "partner_name": "Gamma Valves",
                "user_id": self.rep_a.id,
                "team_id": team_b.id,
                "company_id": self.company_b.id,
                "expected_revenue": 90000,
            }
        )
        won_b.stage_id = won_stage
        member = self.team_block.crm_team_member_ids.filtered(
            lambda m: m.user_id == self.rep_a
        )
        card = member.with_user(self.manager).read(["stm_board_revenue"])[0]
        self.assertEqual(card["stm_board_revenue"], 0.0)
