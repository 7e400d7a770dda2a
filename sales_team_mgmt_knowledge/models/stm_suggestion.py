from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import action, typed


class StmSuggestion(models.Model):
    """The suggestion box (意见箱, seed 001). Suggestions are filed through
    :class:`StmSuggestionBox`; an anonymous one is written by the system
    user with no author, so nobody, administrators included, can tell from
    the record, its chatter, ``create_uid`` or ``write_uid`` who wrote it."""

    _name = "stm.suggestion"
    _description = "Suggestion"
    _inherit = ["stm.access.mixin", "mail.thread"]
    _order = "id desc"

    name = fields.Char(string="Subject", required=True)
    body = fields.Text(required=True)
    anonymous = fields.Boolean(readonly=True)
    author_id = fields.Many2one("res.users", readonly=True, index="btree_not_null")
    author_name = fields.Char(string="From", compute="_compute_author_name")
    state = fields.Selection(
        [("new", "New"), ("read", "Read"), ("done", "Acted On")],
        default="new",
        required=True,
        tracking=True,
    )
    response = fields.Text(tracking=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    def _compute_author_name(self):
        for suggestion in self:
            suggestion.author_name = suggestion.author_id.name or self.env._(
                "Anonymous"
            )

    def _stm_access(self):
        box = action(self.env._("the suggestion box"))
        return {
            **super()._stm_access(),
            "name": typed(),
            "body": typed(),
            "anonymous": box,
            "author_id": box,
            "state": action(self.env._("the Mark as Read and Done buttons")),
            "response": typed(),
            "company_id": typed(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_done": "a sales manager or HR",
            "action_mark_read": "a sales manager or HR",
        }

    def action_mark_read(self):
        # Whoever may answer the box (its access rights and rules decide).
        self.check_access("write")
        self.sudo().filtered(lambda s: s.state == "new").write({"state": "read"})
        return True

    def action_done(self):
        self.check_access("write")
        self.sudo().write({"state": "done"})
        return True
