from odoo import api, fields, models


class StmDiscipline(models.Model):
    """A warning or a review (调岗/离职 review) of a salesperson: raised by the
    system (missed quotas, upheld complaints, missed targets) or by a
    manager; decided by a manager."""

    _name = "stm.discipline"
    _description = "Discipline Record"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, index=True, tracking=True
    )
    employee_id = fields.Many2one(
        "hr.employee",
        compute="_compute_employee_id",
        store=True,
        readonly=False,
        index="btree_not_null",
    )
    manager_id = fields.Many2one(
        "res.users",
        compute="_compute_manager_id",
        store=True,
        help="Leader of the salesperson's team.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(
        [("warning", "Warning"), ("review", "Review")], required=True, tracking=True
    )
    source = fields.Selection(
        [
            ("quota", "Missed Quotas"),
            ("complaint", "Upheld Complaints"),
            ("target", "Missed Target"),
            ("sla", "Service Deadline"),
            ("manual", "Manager"),
        ],
        required=True,
        default="manual",
    )
    reason = fields.Text(required=True)
    origin = fields.Char(
        index="btree_not_null",
        help="What raised it; the system never raises twice for one origin.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    state = fields.Selection(
        [("open", "Open"), ("acknowledged", "Acknowledged"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
    )
    decision = fields.Selection(
        [
            ("none", "None Yet"),
            ("coaching", "Coaching"),
            ("reassign", "Reassignment"),
            ("dismiss", "Dismissal"),
            ("cleared", "Cleared"),
        ],
        default="none",
        required=True,
        tracking=True,
    )

    _sql_constraints = [
        (
            "origin_kind_uniq",
            "UNIQUE(origin, kind)",
            "This record was already raised.",
        ),
    ]

    @api.depends("kind", "user_id.name", "date")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for record in self:
            record.name = f"{labels.get(record.kind, '')}: {record.user_id.name or ''}"

    @api.depends("user_id")
    def _compute_employee_id(self):
        employees = (
            self.env["hr.employee"].sudo().search([("user_id", "in", self.user_id.ids)])
        )
        by_user = {employee.user_id: employee for employee in employees}
        for record in self:
            record.employee_id = by_user.get(record.user_id, record.employee_id)

    @api.depends("user_id.sale_team_id.user_id")
    def _compute_manager_id(self):
        for record in self:
            record.manager_id = record.user_id.sale_team_id.user_id

    def action_acknowledge(self):
        self.write({"state": "acknowledged"})

    def action_close(self):
        self.env["res.users"]._stm_check_sales_manager()
        self.write({"state": "closed"})
