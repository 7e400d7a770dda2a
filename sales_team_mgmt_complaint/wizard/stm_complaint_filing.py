from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import typed


class StmComplaintFiling(models.TransientModel):
    """Files a complaint in one step, with an explicit *File* button: the
    complainant never edits the complaint itself (he could not save it), and
    the form cannot file a half-written complaint by being left. Like the
    suggestion box, the form's row is written by the system user and deleted
    once the complaint is filed: an anonymous complainant leaves no trace."""

    _name = "stm.complaint.filing"
    _inherit = ["stm.anonymous.form"]
    _description = "File a Complaint"

    department_id = fields.Many2one(
        "hr.department",
        string="Against Department",
        required=True,
        domain="[('stm_service', '!=', False)]",
        help="The support departments: finance, pre- and after-sales, "
        "administration, HR.",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Against Employee",
        domain="[('department_id', 'child_of', department_id)]",
    )
    partner_id = fields.Many2one("res.partner", string="Customer")
    lead_id = fields.Many2one("crm.lead", string="Opportunity")
    description = fields.Text(required=True)
    anonymous = fields.Boolean(
        help="The department sees the complaint, not who filed it."
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "department_id": typed(),
            "employee_id": typed(),
            "partner_id": typed(),
            "lead_id": typed(),
            "description": typed(),
            "anonymous": typed(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_file": "any internal user",
        }

    def action_file(self):
        self.ensure_one()
        complaint = self.env["stm.complaint"].create(
            {
                "department_id": self.department_id.id,
                "employee_id": self.employee_id.id,
                "partner_id": self.partner_id.id,
                "lead_id": self.lead_id.id,
                "description": self.description,
                "anonymous": self.anonymous,
            }
        )
        return self._stm_filed(
            self.env._(
                "Complaint %s filed: the department answers within its deadline.",
                complaint.sudo().name,
            )
        )
