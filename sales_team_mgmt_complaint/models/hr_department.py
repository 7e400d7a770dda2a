from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import escalation
from odoo.exceptions import ValidationError


class HrDepartment(models.Model):
    _name = "hr.department"
    _inherit = ["stm.access.mixin", "hr.department"]

    stm_service = fields.Selection(
        [
            ("finance", "Finance"),
            ("presales", "Pre-sales Support"),
            ("aftersales", "After-sales Service"),
            ("admin", "Administration"),
            ("hr", "Human Resources"),
            ("other", "Other"),
        ],
        string="Service to Sales",
        help="What this department does for the salespeople; complaints "
        "against it take this category.",
    )
    stm_complaint_sla_days = fields.Integer(
        string="Complaint Deadline (days)",
        compute="_compute_stm_complaint_sla_days",
        store=True,
        readonly=False,
        help="Days the department has to answer a complaint "
        "(15 for HR, 3 elsewhere by default).",
    )

    _stm_complaint_sla_days_positive = Constraint(
        "CHECK(stm_complaint_sla_days >= 0)",
        "A complaint deadline cannot be negative.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_service": typed(),
            "stm_complaint_sla_days": typed(),
        }

    @api.constrains("stm_complaint_sla_days")
    def _check_stm_complaint_sla_days(self):
        if any(not 0 <= d.stm_complaint_sla_days <= 365 for d in self):
            raise ValidationError(
                self.env._("A complaint deadline lies between 0 and 365 days.")
            )

    @api.depends("stm_service")
    def _compute_stm_complaint_sla_days(self):
        for department in self:
            department.stm_complaint_sla_days = escalation.default_sla_days(
                department.stm_service
            )
