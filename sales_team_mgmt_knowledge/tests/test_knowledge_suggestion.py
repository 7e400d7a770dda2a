from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestKnowledge(StmCase):
    def test_question_answered_verified(self):
        Knowledge = self.env["stm.knowledge"]
        entry = Knowledge.with_user(self.rep_a).create(
            {"name": "Buyer wants 20% off", "problem": "Tender next week"}
        )
        self.assertEqual(entry.author_id, self.rep_a)
        with self.assertRaises(UserError):
            entry.action_answer()
        entry.solution = "<p>Offer a 3-year service bundle instead.</p>"
        entry.action_answer()
        self.assertEqual(entry.state, "answered")
        with self.assertRaises(UserError):
            entry.action_verify()
        with self.assertRaisesRegex(UserError, "Verify"):
            entry.write({"state": "verified"})
        # Everyone in sales reads and finds it; only the author edits it.
        as_colleague = entry.with_user(self.rep_b)
        found = Knowledge.with_user(self.rep_b).search(
            [("solution", "ilike", "3-year service bundle")]
        )
        self.assertEqual(found, entry)
        with self.assertRaises(AccessError):
            as_colleague.name = "Changed"
        entry.with_user(self.manager).action_verify()
        self.assertEqual(
            (entry.state, entry.verified_by_id), ("verified", self.manager)
        )


@tagged("post_install", "-at_install")
class TestSuggestionBox(StmCase):
    def _drop(self, user, anonymous):
        box = (
            self.env["stm.suggestion.box"]
            .with_user(user)
            .create(
                {
                    "name": "Weekly meeting",
                    "body": "Move it to Monday morning",
                    "anonymous": anonymous,
                }
            )
        )
        box_id = box.id
        box.action_submit()
        self.assertFalse(
            self.env["stm.suggestion.box"].sudo().browse(box_id).exists(),
            "the wizard row, which knew the author, is gone",
        )
        return self.env["stm.suggestion"].search([], limit=1, order="id desc")

    def test_anonymous_suggestion_cannot_be_traced(self):
        suggestion = self._drop(self.rep_a, anonymous=True)
        author = self.rep_a
        self.assertTrue(suggestion.anonymous)
        self.assertFalse(suggestion.author_id)
        self.assertNotEqual(suggestion.create_uid, author)
        self.assertNotEqual(suggestion.write_uid, author)
        self.assertEqual(suggestion.author_name, "Anonymous")
        self.assertNotIn(author.partner_id, suggestion.message_partner_ids)
        # A manager answers; the tracking names the manager, never the author.
        as_manager = suggestion.with_user(self.manager)
        as_manager.response = "Done from next week."
        as_manager.action_done()
        messages = suggestion.message_ids
        self.assertNotIn(author.partner_id, messages.author_id)
        self.assertNotIn(author, messages.create_uid)
        tracked = messages.tracking_value_ids
        self.assertNotIn(
            author.name, " ".join(filter(None, tracked.mapped("old_value_char")))
        )
        # Nothing anywhere on the record holds the author's id.
        values = suggestion.sudo().read()[0]
        for fname, value in values.items():
            if isinstance(value, tuple):
                self.assertNotEqual(value[0], author.id, fname)
        # The author cannot find it either.
        self.assertFalse(self.env["stm.suggestion"].with_user(author).search([]))

    def test_the_open_form_does_not_know_its_author(self):
        """Between the form's creation and Submit, an administrator reading
        the wizard's table learns nothing either."""
        box = (
            self.env["stm.suggestion.box"]
            .with_user(self.rep_a)
            .create({"name": "Parking", "body": "More spaces", "anonymous": True})
        )
        row = box.sudo()
        self.assertNotEqual(row.create_uid, self.rep_a)
        self.assertNotEqual(row.write_uid, self.rep_a)
        self.assertTrue(box.action_submit())

    def test_signed_suggestion_is_visible_to_its_author(self):
        suggestion = self._drop(self.rep_a, anonymous=False)
        self.assertEqual(suggestion.author_id, self.rep_a)
        mine = self.env["stm.suggestion"].with_user(self.rep_a).search([])
        self.assertEqual(mine, suggestion)
        self.assertFalse(self.env["stm.suggestion"].with_user(self.rep_b).search([]))
        with self.assertRaises(AccessError):
            suggestion.with_user(self.rep_a).response = "Self-answer"
