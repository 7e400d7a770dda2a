from odoo import api, models


class CrmLead(models.Model):
    """A registered project's dossier is complete only with all seven roles
    of its buying centre mapped (seed 001)."""

    _inherit = "crm.lead"

    @api.depends("stm_role_map_completeness")
    def _compute_stm_dossier_complete(self):
        result = super()._compute_stm_dossier_complete()
        for lead in self:
            if lead.stm_role_map_completeness != 100:
                lead.stm_dossier_complete = False
        return result
