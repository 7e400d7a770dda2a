from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import action, typed


class StmCompetitorIntel(models.Model):
    """What a salesperson saw of a competitor in the field (seed 003 ch. 8):
    a price quoted, a product, a promotion, a strategy. Logged from the
    phone in a few taps, read by the company's sales."""

    _name = "stm.competitor.intel"
    _description = "Competitor Intel"
    _order = "date desc, id desc"
    _inherit = ["stm.access.mixin"]
    _check_company_auto = True

    competitor_id = fields.Many2one(
        "stm.competitor", required=True, index=True, check_company=True
    )
    kind = fields.Selection(
        [
            ("price", "Price"),
            ("product", "Product"),
            ("promotion", "Promotion"),
            ("strategy", "Strategy"),
            ("other", "Other"),
        ],
        required=True,
        default="price",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", index="btree_not_null", check_company=True
    )
    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", index="btree_not_null", check_company=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Reported by",
        default=lambda self: self.env.user,
        required=True,
        index=True,
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        default=lambda self: self.env.user.sale_team_id,
        index="btree_not_null",
        check_company=True,
    )
    price = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(
        "res.currency",
        default=lambda self: self.env.company.currency_id,
        required=True,
    )
    note = fields.Text(string="What You Saw")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def _stm_access(self):
        author = action(self.env._("a new report by its author"))
        return {
            **super()._stm_access(),
            "competitor_id": typed(),
            "kind": typed(),
            "date": typed(),
            "partner_id": typed(),
            "lead_id": typed(),
            "user_id": author,
            "team_id": typed(),
            "price": typed(),
            "currency_id": typed(),
            "note": typed(),
            "company_id": typed(),
        }

    @api.depends("competitor_id.name", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for intel in self:
            # A report being written may have no competitor yet.
            parts = (intel.competitor_id.name, kinds.get(intel.kind))
            intel.display_name = ": ".join(part for part in parts if part)
