from datetime import datetime, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..access import action, check_client_values, once, system, typed
from ..actions import CLOSE, notify
from ..compat import Constraint
from ..policy.quota import local_day

# A visit report is prose, not a document dump.
MAX_TEXT_LENGTH = 20_000
EARLIEST_VISIT = datetime(2000, 1, 1)
TEXT_FIELDS = ("purpose", "result", "solution", "next_step")
# What a check-in position is measured against.
CHECKIN_FROZEN_FIELDS = ("partner_id", "lead_id", "date")


class StmVisit(models.Model):
    """One customer visit (拜访): who, when, why, what the customer said and
    what was presented. Done visits feed the quotas and keep the claim."""

    _name = "stm.visit"
    _description = "Customer Visit"
    _inherit = [
        "stm.access.mixin",
        "stm.salesperson.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        string="Visitor", default=lambda self: self.env.user, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        help="The customer company; a person is replaced by their company.",
    )
    contact_ids = fields.Many2many(
        "res.partner",
        string="People Met",
        domain="[('commercial_partner_id', '=', partner_id)]",
    )
    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        index="btree_not_null",
        check_company=True,
        domain="[('partner_id', 'child_of', partner_id)]",
    )
    date = fields.Datetime(
        required=True, default=fields.Datetime.now, index=True, tracking=True
    )
    duration = fields.Float(string="Duration (hours)", default=1.0)
    visit_type = fields.Selection(
        [
            ("onsite", "On Site"),
            ("phone", "Phone"),
            ("video", "Video Call"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="onsite",
    )
    purpose = fields.Text(required=True)
    result = fields.Text(string="Customer Feedback")
    solution = fields.Text(string="What We Presented")
    next_step = fields.Char()
    next_date = fields.Date()
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        index=True,
        tracking=True,
    )
    has_feedback = fields.Boolean(
        compute="_compute_has_feedback", store=True, string="With Feedback"
    )

    _duration_sane = Constraint(
        "CHECK(duration >= 0 AND duration <= 24)",
        "A visit lasts between 0 and 24 hours.",
    )

    @api.depends("partner_id.name", "date")
    def _compute_name(self):
        for visit in self:
            day = fields.Date.to_string(visit.date.date()) if visit.date else ""
            visit.name = f"{visit.partner_id.name or ''} {day}".strip()

    @api.depends("result")
    def _compute_has_feedback(self):
        for visit in self:
            visit.has_feedback = bool(visit.result and visit.result.strip())

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    @api.model
    def _check_text_sizes(self, vals):
        too_long = [
            self._fields[f].get_description(self.env)["string"]
            for f in TEXT_FIELDS
            if isinstance(vals.get(f), str) and len(vals[f]) > MAX_TEXT_LENGTH
        ]
        if too_long:
            raise UserError(
                self.env._(
                    "%(fields)s: at most %(limit)s characters. Attach long "
                    "documents to the visit instead.",
                    fields=", ".join(too_long),
                    limit=MAX_TEXT_LENGTH,
                )
            )

    @api.constrains("date")
    def _check_date_range(self):
        latest = fields.Datetime.now() + timedelta(days=5 * 366)
        for visit in self:
            if visit.date and not EARLIEST_VISIT <= visit.date <= latest:
                raise ValidationError(
                    self.env._(
                        "%(date)s is not a plausible visit date (2000 to five "
                        "years ahead).",
                        date=visit.date,
                    )
                )

    @api.constrains("purpose")
    def _check_purpose(self):
        for visit in self:
            if not (visit.purpose or "").strip():
                raise ValidationError(self.env._("Say why you visit the customer."))

    @api.model
    def _commercial_values(self, vals):
        """A person as customer: the visit belongs to their company, and the
        person joins the people met."""
        if not vals.get("partner_id"):
            return vals
        partner = self.env["res.partner"].browse(vals["partner_id"])
        company = partner.commercial_partner_id
        if company != partner:
            vals = dict(vals, partner_id=company.id)
            vals.setdefault("contact_ids", [])
            vals["contact_ids"] = [*list(vals["contact_ids"]), (4, partner.id)]
        return vals

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "name": system(),
            "user_id": action(
                self.env._("a visit logged by the visitor (or a sales admin)"),
                by="sales_team_mgmt.group_stm_sales_admin",
                frozen="_stm_frozen_visit",
            ),
            "team_id": typed(frozen="_stm_frozen_visit"),
            "company_id": once(),
            "partner_id": typed(frozen="_stm_frozen_visit"),
            "contact_ids": typed(frozen="_stm_frozen_visit"),
            "lead_id": typed(frozen="_stm_frozen_visit"),
            "date": typed(frozen="_stm_frozen_visit"),
            "duration": typed(frozen="_stm_frozen_visit"),
            "visit_type": typed(frozen="_stm_frozen_visit"),
            "purpose": typed(frozen="_stm_frozen_visit"),
            "result": typed(frozen="_stm_frozen_visit"),
            "solution": typed(frozen="_stm_frozen_visit"),
            "next_step": typed(frozen="_stm_frozen_visit"),
            "next_date": typed(frozen="_stm_frozen_visit"),
            "state": action(self.env._("the Done and Cancel buttons")),
            "has_feedback": system(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_accept_exception": "a sales manager",
            "action_cancel": "the visitor (a done visit: a sales manager)",
            "action_check_in": "the visitor",
            "action_check_out": "the visitor",
            "action_done": "the visitor or a sales admin",
            "action_reject_exception": "a sales manager",
            "action_stm_save_done": "the visitor or a sales admin",
            "action_stm_saved": "who reads the record",
        }

    def _stm_frozen_visit(self, fname, value=None):
        """A done visit is part of the record (a sales manager may still
        correct it); once checked in, its customer, opportunity and time are
        what the position was measured against, for everyone."""
        if fname in (None, *CHECKIN_FROZEN_FIELDS):
            checked_in = self.filtered("checkin_at")
            if checked_in:
                return checked_in, self.env._(
                    "the visit is checked in; cancel it and log another."
                )
        if not self.env["res.users"]._stm_is_sales_manager():
            done = self.filtered(lambda visit: visit.state == "done")
            if done:
                return done, self.env._(
                    "a done visit is part of the record; only a sales manager "
                    "can change it."
                )
        return self.browse(), ""

    @api.model_create_multi
    def create(self, vals_list):
        # A visit created as done is closed by the Done rules (feedback, not
        # in the future, not older than the team allows), never simply saved.
        # (Data files and imports run as superuser record history as it was.)
        done = [vals.get("state") == "done" and not self.env.su for vals in vals_list]
        vals_list = [
            {k: v for k, v in vals.items() if not (k == "state" and v == "done")}
            if is_done
            else vals
            for vals, is_done in zip(vals_list, done, strict=True)
        ]
        # Checked before this model reads the values itself.
        check_client_values(self, vals_list, creating=True)
        for vals in vals_list:
            self._check_text_sizes(vals)
        vals_list = [self._commercial_values(vals) for vals in vals_list]
        visits = super().create(vals_list)
        to_close = self.browse(
            visit.id for visit, is_done in zip(visits, done, strict=True) if is_done
        )
        if to_close:
            to_close.action_done()
        return visits

    def write(self, vals):
        check_client_values(self, [vals])
        self._check_text_sizes(vals)
        return super().write(self._commercial_values(vals))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_managers(self):
        self.env["res.users"]._stm_check_sales_manager(
            self.env._("Only a sales manager can delete visits; cancel it instead.")
        )

    # ------------------------------------------------------------------
    # Entry points from leads and customers
    # ------------------------------------------------------------------

    @api.model
    def _stm_counts(self, fname, records):
        """{record: number of visits not cancelled} for a many2one field."""
        return dict(
            self._read_group(
                [(fname, "in", records.ids), ("state", "!=", "cancelled")],
                [fname],
                ["__count"],
            )
        )

    @api.model
    def _stm_list_action(self, domain, context):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_team_mgmt.stm_visit_action"
        )
        action.update(domain=domain, context=context)
        return action

    @api.model
    def _stm_log_action(self, partner, lead=None):
        """A new visit in a dialog, prefilled with the customer company, the
        person met (when ``partner`` is a person) and the opportunity."""
        context = {
            "default_partner_id": partner.commercial_partner_id.id,
            "default_contact_ids": [(6, 0, partner.ids)]
            if partner and not partner.is_company
            else [],
        }
        if lead:
            context["default_lead_id"] = lead.id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log Visit"),
            "res_model": "stm.visit",
            "view_mode": "form",
            "target": "new",
            "context": context,
        }

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_done(self):
        """Close the visit: needs the customer's feedback and a date neither
        in the future nor older than the team allows."""
        now = fields.Datetime.now()
        for visit in self:
            if visit.state != "planned":
                raise UserError(self.env._("Only planned visits can be done."))
            if not visit.has_feedback:
                raise UserError(
                    self.env._(
                        "Write down what the customer said (feedback) before "
                        "closing the visit."
                    )
                )
            if visit.date > now + timedelta(minutes=5):
                raise UserError(self.env._("A visit in the future cannot be done yet."))
            allowed = visit.team_id.stm_visit_backdate_days if visit.team_id else 2
            tz = visit.user_id.tz or self.env.user.tz
            age = (local_day(now, tz) - local_day(visit.date, tz)).days
            if age > allowed:
                raise UserError(
                    self.env._(
                        "This visit is %(age)s days old; visits are reported within "
                        "%(allowed)s days. Ask your manager to record it.",
                        age=age,
                        allowed=allowed,
                    )
                )
        self.check_access("write")
        self.sudo().write({"state": "done"})
        self._refresh_followups()
        return True

    def action_stm_saved(self):
        """The dialog's Save: the visit is saved (the client saves before
        calling); say so and close the dialog."""
        self.ensure_one()
        return self._stm_notify(self.env._("Visit to %s saved.", self.partner_id.name))

    def action_stm_save_done(self):
        """The dialog's Save & Done: saved, then closed by the Done rules."""
        self.ensure_one()
        self.action_done()
        return self._stm_notify(
            self.env._("Visit to %s recorded as done.", self.partner_id.name)
        )

    def _stm_notify(self, message):
        return notify(message, then=CLOSE)

    def action_cancel(self):
        for visit in self:
            if visit.state == "done":
                self.env["res.users"]._stm_check_sales_manager(
                    self.env._("Only a sales manager can cancel a done visit.")
                )
        self.check_access("write")
        self.sudo().write({"state": "cancelled"})
        return True

    def _refresh_followups(self):
        """Done visits keep the visitor's claim on the customer alive (the
        role map add-on also dates the last contact of the people met)."""
        claims = (
            self.env["stm.claim"]
            .sudo()
            .search(
                [
                    ("state", "=", "active"),
                    "|",
                    ("lead_ids", "in", self.lead_id.ids),
                    ("partner_id", "in", self.partner_id.ids),
                ]
            )
        )
        today = fields.Date.context_today(self)
        latest = {}  # claim -> day of its latest visit
        for visit in self:
            day = min(local_day(visit.date, visit.user_id.tz), today)
            for claim in claims.filtered(
                lambda c, v=visit: (
                    c.user_id == v.user_id
                    and (c.partner_id == v.partner_id or v.lead_id in c.lead_ids)
                )
            ):
                latest[claim] = max(day, latest.get(claim, day))
        # One write per distinct day, not per visit.
        by_day = {}
        for claim, day in latest.items():
            by_day.setdefault(day, claims.browse())
            by_day[day] |= claim
        for day, day_claims in by_day.items():
            day_claims._touch_followup(day)
