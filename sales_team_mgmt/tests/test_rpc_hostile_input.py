"""Hostile values through XML-RPC into the create and write of every model a
client can reach: each answer is either a save or an error a person can read
(never a database traceback, a bare ValueError/TypeError or a "cannot
marshal" fault), and a refused call leaves nothing behind."""

from odoo.tests import tagged

from .common import StmRpcCase, over_json2
from .hostile import HostileRpc


@tagged("post_install", "-at_install")
class TestHostileInputOverRpc(HostileRpc, StmRpcCase):
    min_refusals = 100

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.lead = cls._lead_cls(cls.manager, partner_name="Hostile Input Ltd")
        cls.customer = env["res.partner"].create(
            {"name": "Hostile Input Ltd", "is_company": True}
        )
        # model: values of a valid create by the manager.
        cls.valid = {
            "crm.lead": {"name": "Fine lead"},
            "res.partner": {"name": "Fine partner"},
            "stm.visit": {"partner_id": cls.customer.id, "purpose": "Intro"},
            "stm.difficulty.alarm": {"lead_id": cls.lead.id, "reason": "Stuck"},
        }

    @classmethod
    def _lead_cls(cls, user, **values):
        return (
            cls.env["crm.lead"]
            .with_user(user)
            .create(
                dict(
                    {"name": "Opportunity", "type": "opportunity"},
                    user_id=user.id,
                    team_id=cls.team_block.id,
                    **values,
                )
            )
            .with_env(cls.env)
        )

    def test_the_cases_users_met(self):
        """The values that reached users as server errors before."""
        visit = self.rpc(self.manager, "stm.visit", "create", self.valid["stm.visit"])
        for fname, value in (("date", "2020-13-45"), ("next_date", "2020-02-30")):
            text = self._call("stm.visit", "write", [visit], {fname: value})
            self.assertIn("not a valid date", text)
        for fname in ("vat", "ref", "phone"):
            text = self._call(
                "res.partner", "create", {"name": "Big", fname: "9" * 1_000_000}
            )
            self.assertIn("too long", text)
        partner = self.rpc(self.manager, "res.partner", "create", {"name": "Small"})
        text = self._call("res.partner", "write", [partner], {"name": "n" * 1_000_000})
        self.assertIn("too long", text)
        text = self._call("stm.visit", "write", [visit], {"partner_id": "abc"})
        self.assertIn("id of a record", text)
        text = self._call("stm.visit", "write", [visit], {"duration": "long"})
        self.assertIn("not a number", text)


# The same, over Odoo 19's /json/2.
TestHostileInputOverJson2 = over_json2(TestHostileInputOverRpc)
