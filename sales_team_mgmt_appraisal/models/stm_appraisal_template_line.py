from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.policy import appraisal as appraisal_policy


class StmAppraisalTemplateLine(models.Model):
    _name = "stm.appraisal.template.line"
    _inherit = ["stm.access.mixin"]
    _description = "Appraisal Criterion"
    _order = "sequence, id"

    template_id = fields.Many2one(
        "stm.appraisal.template", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="template_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    weight = fields.Float(required=True)
    source = fields.Selection(
        appraisal_policy.KPI_SOURCES,
        string="Measured by",
        required=True,
        default="manual",
        help="Criteria measured by the system are filled from visits, "
        "projects, won deals, compliance, complaints and colleagues' ratings "
        "(at least 3, or the criterion is left out of the total).",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "template_id": typed(),
            "company_id": system(),
            "sequence": typed(),
            "name": typed(),
            "weight": typed(),
            "source": typed(),
        }
