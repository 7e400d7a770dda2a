from collections import defaultdict

from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import action, system, typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.exceptions import AccessError, ValidationError


class StmDiscipline(models.Model):
    """A warning or a review (调岗/离职 review) of an employee: raised by the
    system (missed quotas, upheld complaints, missed targets, service
    deadlines) or by a manager; decided by a manager or HR.

    Private: only the person concerned, their managers (sales team leader or
    manager in the org chart) and HR officers can read it (record rules)."""

    _name = "stm.discipline"
    _description = "Discipline Record"
    _inherit = ["stm.access.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["user_id.name", "employee_id.name", "reason"]

    # Not stored: it is written in the reader's language.
    name = fields.Char(compute="_compute_name")
    user_id = fields.Many2one("res.users", string="User", index=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee",
        compute="_compute_employee_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        check_company=True,
    )
    manager_id = fields.Many2one(
        "res.users",
        compute="_compute_manager_id",
        store=True,
        index="btree_not_null",
        help="Leader of the person's sales team, or else their manager in the "
        "organisation chart.",
    )
    employee_parent_user_id = fields.Many2one(
        "res.users",
        related="employee_id.parent_id.user_id",
        store=True,
        string="Line Manager",
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

    _origin_kind_uniq = Constraint(
        "UNIQUE(origin, kind)",
        "This record was already raised.",
    )

    @api.constrains("user_id", "employee_id")
    def _check_person(self):
        if self.filtered(lambda record: not record.user_id and not record.employee_id):
            raise ValidationError(
                self.env._("A discipline record concerns a user or an employee.")
            )

    @api.depends("kind", "user_id.name", "employee_id.name", "date")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for record in self:
            person = record.user_id.name or record.employee_id.name or ""
            record.name = f"{labels.get(record.kind, '')}: {person}"

    @api.depends("user_id")
    def _compute_employee_id(self):
        by_user = self.user_id._stm_employee_by_user()
        for record in self:
            record.employee_id = by_user.get(record.user_id, record.employee_id)

    @api.depends("user_id.sale_team_id.user_id", "employee_id.parent_id.user_id")
    def _compute_manager_id(self):
        for record in self:
            leader = record.user_id.sale_team_id.user_id
            if leader == record.user_id:
                leader = leader.browse()
            record.manager_id = leader or record.employee_id.parent_id.user_id

    @api.model
    @api.model
    def _stm_raised(self, origins):
        """{origin: {kinds}} of the records already raised for ``origins``."""
        raised = defaultdict(set)
        for record in self.sudo().search_fetch(
            [("origin", "in", list(origins))], ["origin", "kind"]
        ):
            raised[record.origin].add(record.kind)
        return raised

    @api.model
    def _stm_raise(self, values_list):
        """The one way the system raises records (quotas, complaints,
        targets, deadlines): those already raised are skipped, one record per
        origin and kind, the same rule as the unique constraint."""
        if not values_list:
            return self.browse()
        raised = self._stm_raised({vals["origin"] for vals in values_list})
        return (
            self.sudo()
            .with_context(mail_create_nolog=True)
            .create(
                [
                    vals
                    for vals in values_list
                    if vals["kind"] not in raised[vals["origin"]]
                ]
            )
        )

    def _stm_access(self):
        raised = action(self.env._("the system, which raises records itself"))
        return {
            **super()._stm_access(),
            "user_id": typed(),
            "employee_id": typed(),
            "manager_id": system(),
            "employee_parent_user_id": system(),
            "company_id": typed(),
            "kind": typed(),
            "source": raised,
            "reason": typed(),
            "origin": raised,
            "date": typed(),
            "state": action(self.env._("the Acknowledge and Close buttons")),
            "decision": typed(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_acknowledge": "the person concerned",
            "action_close": "a sales manager or HR",
        }

    def write(self, vals):
        if not self.env["res.users"]._stm_is_manager_or_hr():
            raise AccessError(
                self.env._("Only a manager or HR can change a discipline record.")
            )
        return super().write(vals)

    def action_acknowledge(self):
        """The person concerned (or a manager) confirms having read it."""
        self.check_access("read")
        mine = self.filtered(lambda record: record.user_id == self.env.user)
        if self - mine and not self.env["res.users"]._stm_is_manager_or_hr():
            raise AccessError(self.env._("You can only acknowledge your own records."))
        self.filtered(lambda record: record.state == "open").sudo().write(
            {"state": "acknowledged"}
        )
        return True

    def action_close(self):
        if not self.env["res.users"]._stm_is_manager_or_hr():
            raise AccessError(
                self.env._("Only a manager or HR can close a discipline record.")
            )
        self.check_access("write")
        self.sudo().write({"state": "closed"})
        return True
