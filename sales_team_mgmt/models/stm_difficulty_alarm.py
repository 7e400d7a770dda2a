from odoo import api, fields, models
from odoo.exceptions import UserError

MANAGER_FIELDS = {"state", "outcome", "closed_on"}


class StmDifficultyAlarm(models.Model):
    """困难报警 (seed 002 §4): before giving up a customer the salesperson
    raises an alarm and the manager steps in; a made-up customer cannot
    survive a manager's call."""

    _name = "stm.difficulty.alarm"
    _description = "Difficulty Alarm"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    lead_id = fields.Many2one(
        "crm.lead",
        string="Lead",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    partner_id = fields.Many2one(related="lead_id.partner_id", string="Customer")
    company_id = fields.Many2one(related="lead_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    reason = fields.Text(required=True, help="What is blocking the deal.")
    help_needed = fields.Text(
        string="Help Needed", help="What the manager should do: call, visit, …"
    )
    manager_id = fields.Many2one(
        "res.users",
        compute="_compute_manager_id",
        store=True,
        readonly=False,
        string="Manager",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("open", "Open"),
            ("acknowledged", "Acknowledged"),
            ("closed", "Closed"),
        ],
        default="open",
        required=True,
        index=True,
        tracking=True,
    )
    outcome = fields.Selection(
        [("continue", "Keep Working"), ("abandon", "Abandon the Customer")],
        tracking=True,
    )
    closed_on = fields.Date(readonly=True)

    @api.depends("lead_id.name")
    def _compute_name(self):
        for alarm in self:
            alarm.name = alarm.lead_id.name

    @api.depends("lead_id.team_id.user_id")
    def _compute_manager_id(self):
        for alarm in self:
            alarm.manager_id = alarm.lead_id.team_id.user_id

    @api.model_create_multi
    def create(self, vals_list):
        if any(
            vals.get("state", "open") != "open" or vals.get("outcome")
            for vals in vals_list
        ):
            self.env["res.users"]._stm_check_sales_manager()
        alarms = super().create(vals_list)
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for alarm in alarms.filtered(lambda a: a.manager_id and a.state == "open"):
            alarm.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=alarm.manager_id.id,
                summary=self.env._("Difficulty alarm: %s", alarm.name),
                note=alarm.reason,
            )
        for alarm in alarms:
            alarm.lead_id.message_post(
                body=self.env._(
                    "Difficulty alarm raised by %(user)s: %(reason)s",
                    user=alarm.user_id.name,
                    reason=alarm.reason,
                )
            )
        return alarms

    def write(self, vals):
        # The decision is the manager's: a salesperson cannot close their own
        # alarm as "abandon" to get rid of a customer.
        if MANAGER_FIELDS & set(vals):
            self.env["res.users"]._stm_check_sales_manager()
        return super().write(vals)

    def action_acknowledge(self):
        self.env["res.users"]._stm_check_sales_manager()
        for alarm in self:
            if alarm.state != "open":
                raise UserError(self.env._("Only open alarms can be acknowledged."))
        self.write({"state": "acknowledged"})
        return True

    def action_close(self):
        """Close with the manager's decision in ``outcome``."""
        self.env["res.users"]._stm_check_sales_manager()
        for alarm in self:
            if alarm.state == "closed":
                raise UserError(self.env._("This alarm is already closed."))
            if not alarm.outcome:
                raise UserError(
                    self.env._("Say whether the salesperson keeps working or abandons.")
                )
        self.write({"state": "closed", "closed_on": fields.Date.context_today(self)})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True
