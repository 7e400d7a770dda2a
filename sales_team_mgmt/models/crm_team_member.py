from odoo import fields, models


class CrmTeamMember(models.Model):
    _inherit = "crm.team.member"

    stm_revenue_target = fields.Monetary(
        string="Yearly Revenue Target",
        currency_field="stm_currency_id",
        help="Won revenue expected from this salesperson in a calendar year; "
        "appraisals of shorter periods use the matching share.",
    )
    stm_currency_id = fields.Many2one(related="crm_team_id.currency_id")

    _sql_constraints = [
        (
            "stm_revenue_target_positive",
            "CHECK(stm_revenue_target >= 0)",
            "A revenue target cannot be negative.",
        ),
    ]
