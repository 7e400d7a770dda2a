from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import action, typed
from odoo.exceptions import UserError


class StmKnowledge(models.Model):
    """The team's experience base (经验库): a problem met in the field, how
    it was solved, verified by a manager; success stories flagged."""

    _name = "stm.knowledge"
    _description = "Sales Knowledge"
    _inherit = ["stm.access.mixin", "mail.thread"]
    _order = "is_success_story desc, write_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Question", required=True, tracking=True)
    problem = fields.Text(help="The situation: customer, context, objection.")
    solution = fields.Html(help="What worked, step by step.")
    tag_ids = fields.Many2many("stm.knowledge.tag", string="Tags")
    author_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, required=True, readonly=True
    )
    state = fields.Selection(
        [("question", "Question"), ("answered", "Answered"), ("verified", "Verified")],
        default="question",
        required=True,
        tracking=True,
        index=True,
    )
    is_success_story = fields.Boolean(string="Success Story")
    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", index="btree_not_null", check_company=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", index="btree_not_null", check_company=True
    )
    verified_by_id = fields.Many2one("res.users", readonly=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    def _stm_access(self):
        steps = action(self.env._("the Mark Answered and Verify buttons"))
        return {
            **super()._stm_access(),
            "name": typed(),
            "problem": typed(),
            "solution": typed(),
            "tag_ids": typed(),
            "author_id": action(self.env._("a new entry by its author")),
            "state": steps,
            "is_success_story": typed(),
            "lead_id": typed(),
            "partner_id": typed(),
            "verified_by_id": steps,
            "company_id": typed(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_answer": "the author or a salesperson",
            "action_verify": "a sales manager",
        }

    def action_answer(self):
        if self.filtered(lambda entry: not entry.solution):
            raise UserError(self.env._("Write the solution first."))
        self.check_access("write")
        self.filtered(lambda entry: entry.state == "question").sudo().write(
            {"state": "answered"}
        )
        return True

    def action_verify(self):
        self.env["res.users"]._stm_check_sales_manager(
            self.env._("A sales manager verifies knowledge entries.")
        )
        if self.filtered(lambda entry: entry.state != "answered"):
            raise UserError(self.env._("Only answered entries can be verified."))
        self.sudo().write({"state": "verified", "verified_by_id": self.env.user.id})
        return True
