from odoo import fields, models


class StmAppraisalTemplateLine(models.Model):
    _inherit = "stm.appraisal.template.line"

    source = fields.Selection(
        selection_add=[("satisfaction", "Customer Satisfaction")],
        ondelete={"satisfaction": "set default"},
    )
