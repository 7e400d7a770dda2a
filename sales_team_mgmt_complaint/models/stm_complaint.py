from collections import Counter

from odoo import SUPERUSER_ID, api, fields, models
from odoo.addons.sales_team_mgmt.access import (
    action,
    check_client_values,
    once,
    system,
    typed,
)
from odoo.addons.sales_team_mgmt.policy import escalation
from odoo.exceptions import AccessError, UserError

OPEN_STATES = ("new", "acknowledged")
# What a support department may change on a complaint against it.
DEPARTMENT_FIELDS = {"response"}


class StmComplaint(models.Model):
    """A complaint about the service of a support department (finance,
    pre-/after-sales, admin, HR) — seed 001, 企业各部门人员配合.

    The department sees and answers complaints against itself. When the
    complaint is anonymous it never learns who filed it: the complainant
    field is readable by sales admins and managers only, the record is
    created by the system user (so ``create_uid`` and the chatter name
    nobody) and the complainant does not follow it."""

    _name = "stm.complaint"
    _description = "Complaint"
    _inherit = ["stm.access.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    complainant_id = fields.Many2one(
        "res.users",
        string="Complainant",
        readonly=True,
        index=True,
        groups="sales_team_mgmt.group_stm_sales_admin",
    )
    complainant_name = fields.Char(
        string="Filed by", compute="_compute_complainant_name", compute_sudo=True
    )
    is_mine = fields.Boolean(
        string="Filed by Me", compute="_compute_is_mine", search="_search_is_mine"
    )
    anonymous = fields.Boolean(
        help="The department sees the complaint, not who filed it.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Against Department",
        required=True,
        index=True,
        check_company=True,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Against Employee",
        domain="[('department_id', 'child_of', department_id)]",
        tracking=True,
    )
    target_employee_id = fields.Many2one(
        "hr.employee",
        string="Answerable",
        compute="_compute_target",
        store=True,
        help="The employee named, or else the department's manager: upheld "
        "complaints count against them.",
    )
    target_user_id = fields.Many2one(
        "res.users",
        string="Answerable User",
        compute="_compute_target",
        store=True,
        index="btree_not_null",
    )
    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", index="btree_not_null", check_company=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", check_company=True)
    category = fields.Selection(
        selection=lambda self: (
            self.env["hr.department"]
            ._fields["stm_service"]
            ._description_selection(self.env)
        ),
        compute="_compute_category",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    description = fields.Text(required=True)
    state = fields.Selection(
        [
            ("new", "New"),
            ("acknowledged", "Acknowledged"),
            ("resolved", "Resolved"),
            ("closed", "Closed"),
            ("rejected", "Rejected"),
        ],
        default="new",
        required=True,
        tracking=True,
        index=True,
    )
    response = fields.Text()
    upheld = fields.Boolean(
        tracking=True,
        help="Set by a sales manager or HR when the complaint is founded.",
    )
    date = fields.Date(
        string="Filed On", default=fields.Date.context_today, readonly=True, index=True
    )
    deadline = fields.Date(compute="_compute_deadline", store=True)
    answered_on = fields.Date(readonly=True)
    sla_breached = fields.Boolean(string="Deadline Missed", readonly=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("anonymous")
    def _compute_complainant_name(self):
        for complaint in self:
            complaint.complainant_name = (
                self.env._("Anonymous")
                if complaint.anonymous
                else complaint.complainant_id.name
            )

    def _compute_is_mine(self):
        for complaint in self:
            complaint.is_mine = complaint.sudo().complainant_id == self.env.user

    def _search_is_mine(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on “Filed by Me”."))
        ids = self.sudo()._search([("complainant_id", "=", self.env.uid)])
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    @api.depends("employee_id", "department_id.manager_id")
    def _compute_target(self):
        for complaint in self:
            employee = complaint.employee_id or complaint.department_id.manager_id
            complaint.target_employee_id = employee
            complaint.target_user_id = employee.user_id

    @api.depends("department_id")
    def _compute_category(self):
        for complaint in self:
            complaint.category = complaint.department_id.stm_service or "other"

    @api.depends("date", "department_id.stm_complaint_sla_days")
    def _compute_deadline(self):
        for complaint in self:
            complaint.deadline = escalation.deadline(
                complaint.date, complaint.department_id.stm_complaint_sla_days
            )

    def _stm_access(self):
        steps = action(self.env._("the buttons Acknowledge, Resolve, Reject and Close"))
        return {
            **super()._stm_access(),
            "name": action(self.env._("the complaint's sequence")),
            "complainant_id": once(),
            "anonymous": once(),
            "department_id": typed(),
            "employee_id": typed(),
            "target_employee_id": system(),
            "target_user_id": system(),
            "lead_id": typed(),
            "partner_id": typed(),
            "category": typed(),
            "description": typed(),
            "state": steps,
            "response": typed(),
            "upheld": typed(),
            "date": action(self.env._("the day it is filed")),
            "deadline": system(),
            "answered_on": steps,
            "sla_breached": steps,
            "company_id": once(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_acknowledge": "the department answering",
            "action_close": "the complainant, a sales admin or manager",
            "action_reject": "the department answering",
            "action_resolve": "the department answering",
        }

    @api.model_create_multi
    def create(self, vals_list):
        check_client_values(self, vals_list, creating=True)
        self.check_access("create")
        router = self._stm_is_router()
        for vals in vals_list:
            if not router or not vals.get("complainant_id"):
                vals["complainant_id"] = self.env.uid
        # Created by the system user: create_uid and the chatter must not
        # name an anonymous complainant.
        system = self.with_user(SUPERUSER_ID).with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True
        )
        for vals in vals_list:
            vals["name"] = system.env["ir.sequence"].next_by_code("stm.complaint")
        complaints = super(StmComplaint, system).create(vals_list)
        for complaint in complaints:
            if not complaint.anonymous:
                complaint.message_subscribe(complaint.complainant_id.partner_id.ids)
            handler = (
                complaint.target_user_id or complaint.department_id.manager_id.user_id
            )
            if handler:
                complaint.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=complaint.deadline,
                    summary=handler._stm_env()._("Answer this complaint"),
                    user_id=handler.id,
                )
        # Stored computes left pending would be written by whoever flushes
        # next (the complainant's request): written now, by the system.
        complaints.flush_recordset()
        self.env["mail.activity"].flush_model()
        return self.browse(complaints.ids)

    def write(self, vals):
        if not self.env.su:
            if "upheld" in vals and not self.env["res.users"]._stm_is_manager_or_hr():
                raise AccessError(
                    self.env._(
                        "Only a sales manager or HR decides whether a complaint "
                        "is upheld."
                    )
                )
            if not self._stm_is_router() and set(vals) - DEPARTMENT_FIELDS - {"upheld"}:
                raise AccessError(
                    self.env._(
                        "The department answers a complaint; it cannot change it."
                    )
                )
        newly_upheld = (
            self.filtered(lambda c: not c.upheld) if vals.get("upheld") else None
        )
        result = super().write(vals)
        if newly_upheld:
            newly_upheld._stm_apply_ladder()
        return result

    def _stm_is_router(self):
        return self.env.su or self.env.user.has_group(
            "sales_team_mgmt.group_stm_sales_admin"
        )

    def _stm_set_state(self, state, allowed, writer=None):
        """Move to ``state``; the callers have checked who may do it. The
        write (and so ``write_uid`` and the author of the tracking message)
        is ``writer``'s: by default the current user, as superuser."""
        if self.filtered(lambda complaint: complaint.state not in allowed):
            raise UserError(self.env._("This step does not apply to these complaints."))
        if not self:
            # Not even an empty write: it would register this user's tracking
            # for the whole transaction.
            return True
        writer = writer or self.env(su=True)
        records = self.with_env(writer)
        if writer.uid == SUPERUSER_ID:
            records._track_set_author(self.env.ref("base.partner_root"))
        values = {"state": state}
        if state in ("resolved", "rejected"):
            today = fields.Date.context_today(self)
            values["answered_on"] = today
            late = records.filtered(
                lambda c: escalation.breached(c.deadline, today, today)
            )
            if late:
                late.write({"sla_breached": True})
        records.write(values)
        if state in ("resolved", "rejected", "closed"):
            records.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def _stm_answer(self, state, allowed):
        """The department (or a sales admin) answers: a write on the
        complaint, so the record rules decide."""
        self.check_access("write")
        return self._stm_set_state(state, allowed)

    def action_acknowledge(self):
        return self._stm_answer("acknowledged", {"new"})

    def action_resolve(self):
        if self.filtered(lambda complaint: not complaint.response):
            raise UserError(self.env._("Write the response before resolving."))
        return self._stm_answer("resolved", OPEN_STATES)

    def action_reject(self):
        if self.filtered(lambda complaint: not complaint.response):
            raise UserError(self.env._("Say in the response why it is rejected."))
        return self._stm_answer("rejected", OPEN_STATES)

    def action_close(self):
        """The complainant, who cannot write on the complaint, or a sales
        admin closes it once answered. For an anonymous complaint the
        complainant's close is written by the system user: neither
        ``write_uid`` nor the tracking message may name him."""
        if self._stm_is_router():
            return self._stm_set_state("closed", ("resolved", "rejected"))
        if not all(self.mapped("is_mine")):
            raise AccessError(
                self.env._("The complainant or a sales admin closes a complaint.")
            )
        self.check_access("read")
        system = self.env(user=SUPERUSER_ID, su=True)
        anonymous = self.sudo().filtered("anonymous")
        (self - anonymous)._stm_set_state("closed", ("resolved", "rejected"))
        anonymous.with_env(self.env)._stm_set_state(
            "closed", ("resolved", "rejected"), writer=system
        )
        return True

    def _stm_apply_ladder(self):
        """Seed 001: the first upheld complaint in 12 months is a warning, the
        third and every one after a review (调岗或离职)."""
        today = fields.Date.context_today(self)
        # One record per complaint, ever: upholding it again raises nothing.
        raised = self.env["stm.discipline"]._stm_raised(
            f"stm.complaint:{c.id}" for c in self
        )
        counted = self.filtered(
            lambda c: c.target_employee_id and f"stm.complaint:{c.id}" not in raised
        )
        counts = dict(
            self.sudo()._read_group(
                [
                    ("target_employee_id", "in", counted.target_employee_id.ids),
                    ("company_id", "in", [*counted.company_id.ids, False]),
                    ("upheld", "=", True),
                    ("date", ">=", escalation.window_start(today)),
                ],
                ["target_employee_id"],
                ["__count"],
            )
        )
        in_batch = Counter(counted.mapped("target_employee_id"))
        seen = Counter()
        to_create = []
        for complaint in counted.sorted("id"):
            employee = complaint.target_employee_id
            seen[employee] += 1
            nth = counts.get(employee, 0) - in_batch[employee] + seen[employee]
            kind = escalation.upheld_consequence(nth)
            if kind:
                to_create.append(complaint._stm_discipline_values(kind, "complaint"))
        self.env["stm.discipline"]._stm_raise(to_create)

    def _stm_discipline_values(self, kind, source):
        if source == "sla":
            reason = self.env._(
                "Complaint %(ref)s against %(department)s unanswered past its "
                "deadline (%(deadline)s).",
                ref=self.name,
                department=self.department_id.name,
                deadline=self.deadline,
            )
        else:
            reason = self.env._(
                "Complaint %(ref)s against %(department)s upheld: %(text)s",
                ref=self.name,
                department=self.department_id.name,
                text=self.description,
            )
        return {
            "employee_id": self.target_employee_id.id,
            "user_id": self.target_user_id.id,
            "company_id": self.company_id.id,
            "kind": kind,
            "source": source,
            "origin": f"stm.complaint{'.sla' if source == 'sla' else ''}:{self.id}",
            "reason": reason,
        }

    @api.model
    def _cron_check_deadlines(self):
        """Flag complaints past their deadline; an HR complaint left open past
        its 15 days is a warning for whoever handles it (once)."""
        today = fields.Date.context_today(self)
        overdue = self.sudo().search(
            [("state", "in", OPEN_STATES), ("deadline", "<", today)]
        )
        overdue.filtered(lambda c: not c.sla_breached).write({"sla_breached": True})
        hr_overdue = overdue.filtered(
            lambda c: c.department_id.stm_service == "hr" and c.target_employee_id
        )
        self.env["stm.discipline"]._stm_raise(
            [
                complaint._stm_discipline_values("warning", "sla")
                for complaint in hr_overdue
            ]
        )
