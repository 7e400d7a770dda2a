from odoo.tests import TransactionCase, new_test_user


class StmCase(TransactionCase):
    """Two teams (one blocks double registrations, one opens disputes),
    three salespeople, a sales admin and a manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.manager = new_test_user(
            cls.env,
            "stm_manager",
            groups="base.group_user,sales_team.group_sale_manager",
            name="Manager Liu",
        )
        cls.sales_admin = new_test_user(
            cls.env,
            "stm_sales_admin",
            groups="base.group_user,sales_team_mgmt.group_stm_sales_admin",
            name="Admin Zhao",
        )
        cls.rep_a = cls._salesperson("stm_rep_a", "Zhang Wei")
        cls.rep_b = cls._salesperson("stm_rep_b", "Li Na")
        cls.rep_c = cls._salesperson("stm_rep_c", "Chen Jie")
        cls.team_block = cls.env["crm.team"].create(
            {
                "name": "East (block)",
                "user_id": cls.manager.id,
                "stm_claim_conflict_mode": "block",
                "crm_team_member_ids": [
                    (0, 0, {"user_id": cls.rep_a.id}),
                    (0, 0, {"user_id": cls.rep_b.id}),
                ],
            }
        )
        cls.team_dispute = cls.env["crm.team"].create(
            {
                "name": "South (dispute)",
                "user_id": cls.manager.id,
                "stm_claim_conflict_mode": "dispute",
                "crm_team_member_ids": [(0, 0, {"user_id": cls.rep_c.id})],
            }
        )

    @classmethod
    def _salesperson(cls, login, name):
        return new_test_user(
            cls.env,
            login,
            groups="base.group_user,sales_team.group_sale_salesman",
            name=name,
            email=f"{login}@example.com",
        )

    def _lead(self, user, team=None, **values):
        values.setdefault("name", "Opportunity")
        values.setdefault("type", "opportunity")
        lead = (
            self.env["crm.lead"]
            .with_user(user)
            .create(
                dict(
                    values,
                    user_id=user.id,
                    team_id=(team or self.team_block).id,
                )
            )
        )
        # Assertions read it as the test's superuser; actions use with_user().
        return lead.with_env(self.env)
