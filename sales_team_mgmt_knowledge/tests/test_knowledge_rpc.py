"""The knowledge base and the suggestion box as a hostile client meets them:
over XML-RPC (and Odoo 19's /json/2), with any text, and from another
company."""

from hypothesis import given

from odoo.addons.sales_team_mgmt.tests.common import (
    StmCase,
    StmRpcCase,
    assert_other_company_reads_nothing,
    over_json2,
)
from odoo.addons.sales_team_mgmt.tests.hostile import (
    SETTINGS,
    TEXT,
    HostileInput,
    HostileRpc,
    explores,
)
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestKnowledgeOverRpc(HostileRpc, StmRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.valid = {
            "stm.knowledge": {"name": "Objection"},
            "stm.knowledge.tag": {"name": "tender"},
            "stm.suggestion.box": {"name": "Idea", "body": "Text"},
        }

    def test_only_a_manager_verifies(self):
        self.assertRefused(
            self.rep_a,
            "stm.knowledge",
            "create",
            {"name": "Q", "state": "verified", "verified_by_id": self.manager.id},
        )
        entry = self.rpc(
            self.rep_a,
            "stm.knowledge",
            "create",
            {"name": "Price objection", "solution": "<p>Show the TCO.</p>"},
        )
        # A context key grants nothing.
        self.assertRefused(
            self.rep_a,
            "stm.knowledge",
            "write",
            [entry],
            {"state": "verified"},
            context={"stm_verify": True},
            match="Verify",
        )
        self.assertNotEqual(self.env["stm.knowledge"].browse(entry).state, "verified")

    def test_the_author_is_not_writable(self):
        self.assertRefused(
            self.rep_a,
            "stm.knowledge",
            "create",
            {"name": "Q", "author_id": self.rep_b.id},
        )
        entry = self.rpc(self.rep_a, "stm.knowledge", "create", {"name": "Objections"})
        self.assertRefused(
            self.rep_a, "stm.knowledge", "write", [entry], {"author_id": self.rep_b.id}
        )
        self.assertEqual(self.env["stm.knowledge"].browse(entry).author_id, self.rep_a)

    def test_an_anonymous_suggestion_names_nobody_over_rpc(self):
        box = self.rpc(
            self.rep_a,
            "stm.suggestion.box",
            "create",
            {"name": "Parking", "body": "More spaces", "anonymous": True},
        )
        self.rpc(self.rep_a, "stm.suggestion.box", "action_submit", [box])
        filed = self.env["stm.suggestion"].search([("name", "=", "Parking")])
        self.assertEqual(len(filed), 1)
        fields = ["author_id", "create_uid", "write_uid"]
        read = self.rpc(self.manager, "stm.suggestion", "read", filed.ids, fields)[0]
        self.assertNotIn(
            self.rep_a.id, [read[name] and read[name][0] for name in fields]
        )
        self.assertEqual(
            self.rpc(self.rep_a, "stm.suggestion", "search", [("id", "=", filed.id)]),
            [],
        )


# The same, over Odoo 19's /json/2.
TestKnowledgeOverJson2 = over_json2(TestKnowledgeOverRpc)


@tagged("post_install", "-at_install", "stm_slow")
class TestKnowledgeBadInput(HostileInput, StmCase):
    @explores
    @SETTINGS
    @given(question=TEXT, problem=TEXT, subject=TEXT, body=TEXT)
    def test_knowledge_and_suggestions(self, question, problem, subject, body):
        self._attempt(
            "stm.knowledge", create={"name": question or "q", "problem": problem}
        )
        box = self._attempt(
            "stm.suggestion.box",
            create={"name": subject or "s", "body": body or "b", "anonymous": True},
        )
        if box:
            box.action_submit()


@tagged("post_install", "-at_install")
class TestKnowledgeTwoCompanies(StmCase):
    """Company A's entries and suggestions, as each group of another company
    only: nothing."""

    def test_company_b_reads_nothing_of_company_a(self):
        entry = self.env["stm.knowledge"].create({"name": "Crane tenders"})
        suggestion = self.env["stm.suggestion"].create(
            {"name": "Canteen", "body": "Open earlier"}
        )
        self.assertEqual(entry.company_id, self.env.company)
        assert_other_company_reads_nothing(self, [entry, suggestion])
