from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import action, system, typed


class StmReportMixin(models.AbstractModel):
    """A report a salesperson owes the manager on a schedule (the monthly
    forecast, the weekly resource request): whose it is, who reads it, when
    it was handed in, and whether it came on time."""

    _name = "stm.report.mixin"
    _inherit = ["stm.access.mixin", "stm.salesperson.mixin"]
    _description = "Report Owed to the Manager"
    # Field holding the period the report is for (set by each model).
    _stm_period_field = None

    user_id = fields.Many2one(default=lambda self: self.env.user)
    # Set from the salesperson by the system (the access table says so).
    team_id = fields.Many2one(readonly=True)
    manager_id = fields.Many2one(string="Manager")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    submitted_on = fields.Datetime(readonly=True)

    def _stm_access(self):
        steps = action(
            self.env._(
                "the Submit button, then the manager's (Acknowledge, Approve, Refuse)"
            )
        )
        return {
            **super()._stm_access(),
            "late": steps,
            "state": steps,
            "user_id": typed(),
            "team_id": system(),
            "company_id": typed(),
            "submitted_on": steps,
        }

    def _stm_notify_manager(self, template_xmlid):
        """Post the template to the chatter, addressed to the team leader."""
        template = self.env.ref(template_xmlid)
        for record in self.filtered("manager_id"):
            record.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                partner_ids=record.manager_id.partner_id.ids,
            )

    @api.model
    def _stm_on_time(self, users, period):
        """For the compliance check: {user: handed in on time} for the period.
        Nothing asked (no record), nothing due."""
        records = self.sudo().search(
            [("user_id", "in", users.ids), (self._stm_period_field, "=", period)]
        )
        done = {r.user_id: r.state != "draft" and not r.late for r in records}
        return {user: done.get(user, True) for user in users}
