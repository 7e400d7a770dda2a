from odoo import api, fields, models
from odoo.exceptions import UserError

from ..access import action, typed


class CrmLead(models.Model):
    """Marketing hand-over (seed 001): leads found by marketing wait
    unassigned until a sales manager decides who works them."""

    _inherit = "crm.lead"

    stm_marketing_user_id = fields.Many2one(
        "res.users",
        string="Found by Marketing",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    stm_handed_over_on = fields.Date(string="Handed Over On", readonly=True, copy=False)
    stm_research_kind = fields.Selection(
        [("market", "Market Research"), ("product", "New-product Research")],
        string="Research",
        copy=False,
        help="Marketing research behind this lead; counts towards the "
        "marketing quotas.",
    )
    stm_handover_pending = fields.Boolean(
        string="Awaiting Assignment",
        compute="_compute_stm_handover_pending",
        search="_search_stm_handover_pending",
    )

    def _stm_access(self):
        handover = action(self.env._("a sales manager's assignment of the lead"))
        return {
            **super()._stm_access(),
            "stm_marketing_user_id": handover,
            "stm_handed_over_on": handover,
            "stm_research_kind": typed(),
        }

    @api.depends("stm_marketing_user_id", "user_id")
    def _compute_stm_handover_pending(self):
        for lead in self:
            lead.stm_handover_pending = bool(
                lead.stm_marketing_user_id and not lead.user_id
            )

    def _search_stm_handover_pending(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on “Awaiting Assignment”."))
        pending = ["&", ("stm_marketing_user_id", "!=", False), ("user_id", "=", False)]
        if (operator == "=") == value:
            return pending
        return ["|", ("stm_marketing_user_id", "=", False), ("user_id", "!=", False)]

    @api.model_create_multi
    def create(self, vals_list):
        user = self.env.user
        marketing = (
            not self.env.su
            and user.has_group("sales_team_mgmt.group_stm_marketing")
            and not user.has_group("sales_team.group_sale_manager")
        )
        if marketing:
            # Leads from marketing wait in the queue for a sales manager.
            for vals in vals_list:
                vals["user_id"] = False
        leads = super().create(vals_list)
        if marketing:
            leads.sudo().write(
                {
                    "stm_marketing_user_id": user.id,
                    "stm_handed_over_on": fields.Date.context_today(self),
                    "stm_self_developed": False,
                }
            )
        return leads

    def write(self, vals):
        if vals.get("user_id") and not self.env["res.users"]._stm_is_sales_manager():
            if self.filtered("stm_handover_pending"):
                raise UserError(
                    self.env._(
                        "Leads handed over by marketing are assigned by a sales "
                        "manager."
                    )
                )
        return super().write(vals)
