from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system, typed

# What a line shows of its opportunity: live while the forecast is a draft,
# frozen once it is submitted (what the manager was told).
LIVE_FIELDS = {
    "stage_id": "stage_id",
    "expected_amount": "expected_revenue",
    "probability": "probability",
    "date_deadline": "date_deadline",
}


class StmForecastLine(models.Model):
    _name = "stm.forecast.line"
    _inherit = ["stm.access.mixin"]
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
    stage_id = fields.Many2one(
        "crm.stage",
        string="Current Stage",
        compute="_compute_from_lead",
        store=True,
        readonly=False,
    )
    expected_stage_id = fields.Many2one("crm.stage", string="Expected Stage")
    expected_amount = fields.Monetary(
        compute="_compute_from_lead", store=True, readonly=False
    )
    probability = fields.Float(
        string="Probability (%)",
        compute="_compute_from_lead",
        store=True,
        readonly=False,
    )
    date_deadline = fields.Date(
        string="Expected Closing",
        compute="_compute_from_lead",
        store=True,
        readonly=False,
    )
    comment = fields.Char()
    weighted_amount = fields.Monetary(compute="_compute_weighted_amount")
    out_of_pipeline = fields.Boolean(
        compute="_compute_out_of_pipeline",
        store=True,
        help="Won, lost, archived or now another salesperson's: not counted, "
        "and dropped when the forecast is filled again.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "forecast_id": typed(),
            "company_id": system(),
            "lead_id": typed(),
            "stage_id": typed(),
            "expected_stage_id": typed(),
            "expected_amount": typed(),
            "probability": typed(),
            "date_deadline": typed(),
            "comment": typed(),
            "out_of_pipeline": system(),
        }

    @api.depends(
        "lead_id.stage_id",
        "lead_id.expected_revenue",
        "lead_id.probability",
        "lead_id.date_deadline",
        "forecast_id.state",
    )
    def _compute_from_lead(self):
        for line in self:
            live = line.forecast_id.state in (False, "draft")
            for fname, lead_fname in LIVE_FIELDS.items():
                # A submitted forecast keeps what it said.
                line[fname] = line.lead_id[lead_fname] if live else line[fname]

    @api.depends(
        "lead_id.active",
        "lead_id.probability",
        "lead_id.user_id",
        "forecast_id.user_id",
        "forecast_id.state",
    )
    def _compute_out_of_pipeline(self):
        for line in self:
            if line.forecast_id.state not in (False, "draft"):
                line.out_of_pipeline = line.out_of_pipeline
                continue
            lead = line.lead_id
            line.out_of_pipeline = bool(
                not lead.active
                or lead.probability >= 100
                or lead.user_id != line.forecast_id.user_id
            )

    def _compute_weighted_amount(self):
        for line in self:
            line.weighted_amount = (
                0.0
                if line.out_of_pipeline
                else line.expected_amount * line.probability / 100
            )
