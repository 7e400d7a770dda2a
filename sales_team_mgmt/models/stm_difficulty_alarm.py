from odoo import api, fields, models
from odoo.exceptions import UserError

from ..access import action, once, system, typed
from ..actions import CLOSE, notify


class StmDifficultyAlarm(models.Model):
    """困难报警 (seed 002 §4): before giving up a customer the salesperson
    raises an alarm and the manager steps in; a made-up customer cannot
    survive a manager's call."""

    _name = "stm.difficulty.alarm"
    _description = "Difficulty Alarm"
    _inherit = ["stm.access.mixin", "mail.thread", "mail.activity.mixin"]
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
    partner_id = fields.Many2one(
        related="lead_id.partner_id", string="Customer Company"
    )
    customer_name = fields.Char(
        string="Customer",
        compute="_compute_customer_name",
        help="The lead's customer, or the company name typed on it.",
    )
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
        string="Manager",
        tracking=True,
        help="Leader of the lead's sales team.",
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
    manager_note = fields.Text(
        string="Manager's Note",
        tracking=True,
        help="The manager's decision and what comes next.",
    )

    @api.depends("lead_id.partner_id", "lead_id.partner_name")
    def _compute_customer_name(self):
        for alarm in self:
            lead = alarm.lead_id
            alarm.customer_name = lead.partner_id.display_name or lead.partner_name

    @api.depends("lead_id.name")
    def _compute_name(self):
        for alarm in self:
            alarm.name = alarm.lead_id.name

    @api.depends("lead_id.team_id.user_id")
    def _compute_manager_id(self):
        for alarm in self:
            alarm.manager_id = alarm.lead_id.team_id.user_id

    def _stm_access(self):
        close = action(self.env._("the Acknowledge and Close buttons"))
        return {
            **super()._stm_access(),
            "name": system(),
            "lead_id": once(),
            "company_id": system(),
            "user_id": action(self.env._("a new alarm by the salesperson concerned")),
            "reason": typed(),
            "help_needed": typed(),
            "manager_id": system(),
            "state": close,
            "outcome": action(close.buttons, by="_stm_decides"),
            "closed_on": close,
            "manager_note": action(close.buttons, by="_stm_decides"),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_acknowledge": "the team leader or a sales manager",
            "action_close": "the team leader or a sales manager",
            "action_stm_raise": "the lead's salesperson",
        }

    def _stm_decides(self):
        """The decision is the team leader's (or a sales manager's)."""
        return self.env["res.users"]._stm_decides_for([r.manager_id for r in self])

    @api.model_create_multi
    def create(self, vals_list):
        self._stm_check_own_leads(vals_list)
        alarms = super().create(vals_list)
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for alarm in alarms.filtered(lambda a: a.manager_id and a.state == "open"):
            alarm.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=alarm.manager_id.id,
                summary=alarm.manager_id._stm_env()._(
                    "Difficulty alarm: %s", alarm.name
                ),
                note=alarm.reason,
            )
        for alarm in alarms:
            alarm.lead_id.sudo().message_post(
                body=self.env._(
                    "Difficulty alarm raised by %(user)s: %(reason)s",
                    user=alarm.user_id.name,
                    reason=alarm.reason,
                )
            )
        return alarms

    def write(self, vals):
        if "outcome" in vals and self.filtered(lambda alarm: alarm.state == "closed"):
            raise UserError(self.env._("This alarm is already closed."))
        return super().write(vals)

    @api.model
    def _stm_check_own_leads(self, vals_list):
        """A salesperson raises alarms on the leads they work, nobody else's."""
        if self.env.su or self.env.user.has_group(
            "sales_team_mgmt.group_stm_sales_admin"
        ):
            return
        leads = self.env["crm.lead"].browse(
            {vals["lead_id"] for vals in vals_list if vals.get("lead_id")}
        )
        foreign = leads.sudo().filtered(lambda lead: lead.user_id != self.env.user)
        if foreign:
            raise UserError(
                self.env._(
                    "%s is not one of your leads: its salesperson raises the alarm.",
                    ", ".join(foreign.mapped("name")),
                )
            )

    def action_stm_raise(self):
        """The dialog's button: the alarm is saved (the client saves before
        calling); say so and close."""
        self.ensure_one()
        return notify(
            self.env._("Alarm raised: %s will call you back.", self.manager_id.name)
            if self.manager_id
            else self.env._("Alarm raised."),
            kind="warning",
            then=CLOSE,
        )

    def action_acknowledge(self):
        self.env["res.users"]._stm_check_decides_for([a.manager_id for a in self])
        for alarm in self:
            if alarm.state != "open":
                raise UserError(self.env._("Only open alarms can be acknowledged."))
        self.sudo().write({"state": "acknowledged"})
        return True

    def action_close(self):
        """Close with the manager's decision in ``outcome``."""
        self.env["res.users"]._stm_check_decides_for([a.manager_id for a in self])
        for alarm in self:
            if alarm.state == "closed":
                raise UserError(self.env._("This alarm is already closed."))
            if not alarm.outcome:
                raise UserError(
                    self.env._("Say whether the salesperson keeps working or abandons.")
                )
        self.sudo().write(
            {"state": "closed", "closed_on": fields.Date.context_today(self)}
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True
