from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import typed


class CrmLead(models.Model):
    """Who competes for the deal and, once lost, who won it."""

    _inherit = "crm.lead"

    stm_competitor_ids = fields.Many2many(
        "stm.competitor",
        "crm_lead_stm_competitor_rel",
        "lead_id",
        "competitor_id",
        string="Competitors",
        check_company=True,
    )
    stm_lost_to_id = fields.Many2one(
        "stm.competitor",
        string="Lost To",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_competitor_ids": typed(),
            "stm_lost_to_id": typed(),
        }

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._stm_with_winner(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._stm_with_winner(vals))

    @api.model
    def _stm_with_winner(self, vals):
        """Who won the deal competed for it: it joins the competitors."""
        winner = vals.get("stm_lost_to_id")
        if not winner:
            return vals
        return {
            **vals,
            "stm_competitor_ids": [*vals.get("stm_competitor_ids", []), (4, winner)],
        }
