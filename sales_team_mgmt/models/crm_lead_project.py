from odoo import api, fields, models
from odoo.exceptions import UserError

from ..access import action, typed


class CrmLead(models.Model):
    """Registered projects (立项, seed 001): the opportunities the yearly
    quota counts, and the visits made for them. Their dossier is the project
    dossiers add-on's."""

    _inherit = "crm.lead"

    stm_registered = fields.Boolean(
        string="Registered Project", copy=False, tracking=True, index=True
    )
    stm_registered_on = fields.Date(string="Registered On", copy=False, tracking=True)
    stm_self_developed = fields.Boolean(
        string="Self-developed",
        default=True,
        copy=False,
        help="Found by the salesperson, not handed over by marketing nor "
        "assigned by a manager. Only these count towards the yearly quota.",
    )
    stm_visit_ids = fields.One2many("stm.visit", "lead_id", string="Visits")
    stm_visit_count = fields.Integer(
        string="Visit Count", compute="_compute_stm_visit_count"
    )

    def _stm_access(self):
        manager = "sales_team.group_sale_manager"
        project = action(self.env._("the Register Project button"), by=manager)
        return {
            **super()._stm_access(),
            "stm_registered": project,
            "stm_registered_on": project,
            "stm_self_developed": action(
                self.env._("a sales manager's assignment of the lead"), by=manager
            ),
            "stm_visit_ids": typed(),
        }

    def _compute_stm_visit_count(self):
        counts = self.env["stm.visit"]._stm_counts("lead_id", self)
        for lead in self:
            lead.stm_visit_count = counts.get(lead, 0)

    def action_stm_log_visit(self):
        """Quick "Log visit" from the lead."""
        self.ensure_one()
        return self.env["stm.visit"]._stm_log_action(self.partner_id, lead=self)

    @api.readonly
    def action_stm_view_visits(self):
        self.ensure_one()
        return self.env["stm.visit"]._stm_list_action(
            [("lead_id", "=", self.id)],
            {
                "default_lead_id": self.id,
                "default_partner_id": self.partner_id.commercial_partner_id.id,
            },
        )

    def action_stm_register_project(self):
        """立项: this opportunity is a registered project from today."""
        today = fields.Date.context_today(self)
        for lead in self:
            if lead.stm_registered:
                raise UserError(self.env._("%s is already registered.", lead.name))
        # Whoever may edit the lead may register it; the fields themselves are
        # the button's (they date the project for the quotas).
        self.check_access("write")
        self.sudo().write({"stm_registered": True, "stm_registered_on": today})
        return True
