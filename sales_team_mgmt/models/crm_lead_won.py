from odoo import models


class CrmLead(models.Model):
    """Deals won tell the office screens to refresh their board (and the
    add-ons that act on a won deal)."""

    _inherit = "crm.lead"

    def write(self, vals):
        if "stage_id" not in vals and "probability" not in vals:
            return super().write(vals)
        was_won = {lead.id for lead in self if lead.stage_id.is_won}
        result = super().write(vals)
        newly_won = self.filtered(
            lambda lead: lead.stage_id.is_won and lead.id not in was_won
        )
        if newly_won:
            # To the salespeople's group: only a refresh signal travels, the
            # screen reads the figures with its own rights.
            self.env["bus.bus"]._sendone(
                self.env.ref("sales_team.group_sale_salesman"),
                "stm_board_changed",
                {"company_ids": newly_won.company_id.ids},
            )
            newly_won._stm_on_won()
        return result

    def _stm_on_won(self):
        """Called once on the deals that have just been won; integration
        add-ons (the satisfaction survey) extend it."""
        return True
