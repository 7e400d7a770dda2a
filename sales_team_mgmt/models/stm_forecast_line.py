from odoo import fields, models


class StmForecastLine(models.Model):
    _name = "stm.forecast.line"
    _inherit = ["stm.guarded.mixin"]
    _description = "Monthly Forecast Line"
    _order = "forecast_id, probability desc, id"
    _check_company_auto = True

    forecast_id = fields.Many2one(
        "stm.forecast", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="forecast_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="forecast_id.currency_id")
    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", required=True, check_company=True
    )
    stage_id = fields.Many2one("crm.stage", string="Current Stage")
    expected_stage_id = fields.Many2one("crm.stage", string="Expected Stage")
    expected_amount = fields.Monetary()
    probability = fields.Float(string="Probability (%)")
    date_deadline = fields.Date(string="Expected Closing")
    comment = fields.Char()
    weighted_amount = fields.Monetary(compute="_compute_weighted_amount")

    def _compute_weighted_amount(self):
        for line in self:
            line.weighted_amount = line.expected_amount * line.probability / 100
