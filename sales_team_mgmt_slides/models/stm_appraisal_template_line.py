from odoo import fields, models


class StmAppraisalTemplateLine(models.Model):
    _inherit = "stm.appraisal.template.line"

    source = fields.Selection(
        selection_add=[("training", "Training Hours")],
        ondelete={"training": "set default"},
    )
