from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import (
    action,
    once,
    system,
)
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import sales_report
from odoo.exceptions import UserError

# What the chatter and mail may still write on a sent report.
MAIL_FIELDS = {
    "message_main_attachment_id",
    "message_follower_ids",
    "message_ids",
}


class StmSalesReport(models.Model):
    """A team's sales report for a month, quarter or year (seed 003 ch. 9):
    one line per salesperson, the team's totals, who took the revenue we
    lost. Prepared by a daily job when a period ends and sent to the team
    leader and the sales admins as a PDF; a sales admin prepares one on
    demand (a period still running included) and sends it herself. A sent
    report never changes."""

    _name = "stm.sales.report"
    _description = "Sales Report"
    _inherit = ["stm.access.mixin", "stm.period.mixin", "mail.thread"]
    _order = "date_from desc, period, team_id, id"
    _check_company_auto = True
    _rec_names_search = ["team_id.name"]

    # Not stored: written in the reader's language.
    name = fields.Char(compute="_compute_name")
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", required=True, index=True, check_company=True
    )
    leader_id = fields.Many2one(related="team_id.user_id", string="Team Leader")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    period = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")],
        required=True,
        default="month",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
    )
    prepared_on = fields.Datetime(string="Counted On", readonly=True)
    sent_on = fields.Datetime(readonly=True)
    line_ids = fields.One2many(
        "stm.sales.report.line", "report_id", string="Salespeople", readonly=True
    )
    won_amount = fields.Monetary(string="Won Revenue", readonly=True)
    won_count = fields.Integer(string="Deals Won", readonly=True)
    target_amount = fields.Monetary(string="Target", readonly=True)
    attainment_pct = fields.Float(string="Target Reached (%)", readonly=True)
    new_customer_count = fields.Integer(string="New Customers", readonly=True)
    visit_count = fields.Integer(string="Visits", readonly=True)
    feedback_visit_count = fields.Integer(string="Visits with Feedback", readonly=True)
    project_count = fields.Integer(string="Registered Projects", readonly=True)
    weighted_pipeline = fields.Monetary(string="Weighted Pipeline", readonly=True)
    lost_count = fields.Integer(string="Deals Lost", readonly=True)
    win_rate = fields.Float(string="Win Rate (%)", readonly=True, digits=(5, 1))
    lost_amount = fields.Monetary(string="Revenue Lost", readonly=True)
    lost_to = fields.Char(
        string="Lost To",
        readonly=True,
        help="The competitors who won the deals lost in the period, the "
        "largest revenue first.",
    )

    _stm_sales_report_once = Constraint(
        "UNIQUE(team_id, period, date_from)",
        "A team has one sales report per period.",
    )

    @api.depends("team_id", "period", "date_from")
    @api.depends_context("lang")
    def _compute_name(self):
        Figures = self.env["stm.figures"]
        for report in self:
            report.name = self.env._(
                "%(team)s · %(period)s",
                team=report.team_id.name or "",
                period=Figures._stm_period_label(report.period, report.date_from)
                if report.period and report.date_from
                else "",
            )

    # ------------------------------------------------------------------
    # What a client may change
    # ------------------------------------------------------------------

    def _stm_access(self):
        counted = action(self.env._("the preparation and Recount"))
        sent = action(self.env._("Send"))
        return {
            **super()._stm_access(),
            "team_id": once(),
            "company_id": once(),
            "period": once(),
            "date_from": once(),
            "date_to": system(),
            "state": sent,
            "sent_on": sent,
            "prepared_on": counted,
            "line_ids": counted,
            "lost_to": counted,
            **dict.fromkeys(sales_report.FIGURES, counted),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_recount": "a sales admin or the team leader, while a draft",
            "action_send": "a sales admin or the team leader",
        }

    @api.model_create_multi
    def create(self, vals_list):
        # A report covers a whole period: any day given means its period
        # (stm.period.mixin).
        reports = super().create(vals_list)
        reports.sudo()._stm_fill()
        return reports

    def write(self, vals):
        sent = self.filtered(lambda r: r.state == "sent")
        if sent and set(vals) - MAIL_FIELDS:
            raise UserError(
                self.env._(
                    "%s was sent and no longer changes; prepare another report "
                    "for a corrected view.",
                    sent[0].name,
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        sent = self.filtered(lambda r: r.state == "sent")
        if sent:
            raise UserError(
                self.env._(
                    "%s was sent and cannot be deleted: its readers keep it.",
                    sent[0].name,
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _stm_check_runs(self):
        """Sales admins run every report they read; a team leader his team's."""
        self.check_access("read")
        user = self.env.user
        if self.env.su or user.has_group("sales_team_mgmt.group_stm_sales_admin"):
            return
        if any(report.team_id.user_id != user for report in self):
            raise UserError(
                self.env._("Only a sales admin or the team's leader can do this.")
            )

    def action_recount(self):
        """Count again (a deal won late, a corrected target)."""
        self._stm_check_runs()
        if any(report.state != "draft" for report in self):
            raise UserError(self.env._("A sent report no longer changes."))
        self.sudo()._stm_fill()
        return True

    def action_send(self):
        """Mail the PDF to the team leader and the company's sales admins,
        recorded in the report's history."""
        self._stm_check_runs()
        self.filtered(lambda r: r.state == "draft").sudo()._stm_fill()
        self.sudo()._stm_send()
        return True

    def _stm_send(self):
        """Post the template (with the PDF) to the readers and mark the
        drafts sent; the figures are the ones counted last."""
        template = self.env.ref(
            "sales_team_mgmt_sales_report.mail_template_stm_sales_report"
        )
        readers = self._stm_readers()
        for report in self:
            report.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                partner_ids=readers[report].partner_id.ids,
            )
        self.filtered(lambda r: r.state == "draft").write(
            {"state": "sent", "sent_on": fields.Datetime.now()}
        )

    def _stm_readers(self):
        """{report: users it is sent to}: the team leader and the sales admins
        (sales managers included) of its company."""
        admins = self.env["res.users"]._stm_sales_admins(self.company_id)
        return {
            report: report.team_id.user_id
            | admins.filtered(lambda u, c=report.company_id: c in u.company_ids)
            for report in self
        }
