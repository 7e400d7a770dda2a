from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import system
from odoo.addons.sales_team_mgmt.policy import sales_report


class StmSalesReportLine(models.Model):
    """One salesperson's figures in a team's sales report, each counted by
    the one definition the board, the appraisal and the statements use.
    The salesperson reads his own lines; his leader and the sales admins
    all of them."""

    _name = "stm.sales.report.line"
    _description = "Sales Report Line"
    _inherit = ["stm.access.mixin"]
    _order = "date_from desc, report_id, won_amount desc, id"
    _rec_names_search = ["user_id.name"]

    report_id = fields.Many2one(
        "stm.sales.report", required=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, index=True
    )
    team_id = fields.Many2one(
        related="report_id.team_id", string="Sales Team", store=True, index=True
    )
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="report_id.currency_id")
    period = fields.Selection(related="report_id.period", store=True)
    date_from = fields.Date(related="report_id.date_from", store=True)
    date_to = fields.Date(related="report_id.date_to")
    state = fields.Selection(related="report_id.state")
    rank = fields.Integer(
        aggregator=None,
        help="Place in the team by revenue won (equal revenue, equal place); "
        "0 for whoever won nothing.",
    )
    won_amount = fields.Monetary(string="Won Revenue")
    won_count = fields.Integer(string="Deals Won")
    target_amount = fields.Monetary(string="Target")
    attainment_pct = fields.Float(string="Target Reached (%)", aggregator="avg")
    new_customer_count = fields.Integer(
        string="New Customers",
        help="Customers won for the first time: a deal won in the period and "
        "none won before, by anyone.",
    )
    visit_count = fields.Integer(
        string="Visits",
        help="Visits done in the period; a flagged check-in counts once accepted.",
    )
    feedback_visit_count = fields.Integer(string="Visits with Feedback")
    project_count = fields.Integer(
        string="Registered Projects",
        help="Self-developed projects registered in the period.",
    )
    weighted_pipeline = fields.Monetary(
        help="Open opportunities' expected revenue × probability when the "
        "report was counted."
    )
    lost_count = fields.Integer(string="Deals Lost")
    win_rate = fields.Float(
        string="Win Rate (%)",
        digits=(5, 1),
        aggregator=None,
        help="Deals won over deals won or lost in the period.",
    )
    lost_amount = fields.Monetary(string="Revenue Lost")
    lost_to = fields.Char(
        string="Lost To",
        help="The competitors who won his lost deals, the largest revenue first.",
    )

    def _compute_display_name(self):
        for line in self:
            line.display_name = self.env._(
                "%(report)s — %(user)s",
                report=line.report_id.name or "",
                user=line.user_id.name or "",
            )

    def _stm_access(self):
        counted = system()
        return {
            **super()._stm_access(),
            **dict.fromkeys(
                (
                    "report_id",
                    "user_id",
                    "team_id",
                    "company_id",
                    "period",
                    "date_from",
                    "rank",
                    "lost_to",
                    *sales_report.FIGURES,
                ),
                counted,
            ),
        }
