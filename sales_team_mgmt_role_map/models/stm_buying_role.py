from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy.power import ROLES

ROLE_LABELS = {
    "initiator": "Initiator",
    "user": "User",
    "influencer": "Influencer",
    "decider": "Decider",
    "approver": "Approver",
    "buyer": "Buyer",
    "gatekeeper": "Gatekeeper",
}


class StmBuyingRole(models.Model):
    """One contact's place in the customer's buying centre (七类角色图)."""

    _name = "stm.buying.role"
    _inherit = ["stm.access.mixin"]
    _description = "Buying Role"
    _order = "lead_id, role, id"
    _check_company_auto = True

    lead_id = fields.Many2one(
        "crm.lead", required=True, ondelete="cascade", index=True, check_company=True
    )
    customer_id = fields.Many2one(
        related="lead_id.partner_id.commercial_partner_id", string="Customer Company"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        required=True,
        index=True,
        check_company=True,
        # The customer's people, once the lead has a customer.
        domain="customer_id and ['|', ('commercial_partner_id', '=', customer_id), "
        "('id', '=', customer_id)] or []",
    )
    role = fields.Selection(
        [(role, ROLE_LABELS[role]) for role in ROLES],
        required=True,
        # The role map shows the seven roles, the empty ones above all.
        group_expand=True,
    )
    attitude = fields.Selection(
        [
            ("champion", "Champion"),
            ("supporter", "Supporter"),
            ("neutral", "Neutral"),
            ("skeptic", "Skeptic"),
            ("opponent", "Opponent"),
        ],
        default="neutral",
    )
    influence = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")], default="medium"
    )
    notes = fields.Text()
    last_contact_on = fields.Date(string="Last Contact")
    user_id = fields.Many2one(related="lead_id.user_id", string="Salesperson")
    company_id = fields.Many2one(related="lead_id.company_id", store=True)

    _contact_role_uniq = Constraint(
        "UNIQUE(lead_id, partner_id, role)",
        "This contact already has this role on the lead.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "lead_id": typed(),
            "partner_id": typed(),
            "role": typed(),
            "attitude": typed(),
            "influence": typed(),
            "notes": typed(),
            "last_contact_on": typed(),
            "company_id": system(),
        }

    @api.depends("partner_id", "role")
    def _compute_display_name(self):
        labels = dict(self._fields["role"]._description_selection(self.env))
        for record in self:
            if record.partner_id and record.role:
                record.display_name = (
                    f"{record.partner_id.name} ({labels[record.role]})"
                )
            else:
                record.display_name = (
                    record.partner_id.name
                    or labels.get(record.role)
                    or self.env._("New Role")
                )
