from odoo import fields, models


class StmAppraisalLine(models.Model):
    _inherit = "stm.appraisal.line"

    kpi = fields.Selection(
        selection_add=[("training", "Training Hours")],
        ondelete={"training": "set default"},
    )
