from odoo import fields, models


class StmAppraisalLine(models.Model):
    _inherit = "stm.appraisal.line"

    kpi = fields.Selection(
        selection_add=[("satisfaction", "Customer Satisfaction")],
        ondelete={"satisfaction": "set default"},
    )
