from odoo import api, fields, models
from odoo.exceptions import UserError

from ..access import action, typed
from ..actions import RELOAD, notify
from ..compat import PHONE_FIELDS
from ..policy.keys import oversized

# Identity facts a salesperson may fill in but not rewrite (seed 002 §4:
# a made-up customer must not be quietly turned into a real one).
LOCKED_FIELDS = (
    "partner_name",
    "contact_name",
    "email_from",
    *PHONE_FIELDS,
    "street",
    "street2",
    "zip",
    "city",
    "state_id",
    "country_id",
)
# Fields whose change re-runs the claim check.
CLAIM_TRIGGER_FIELDS = (
    "partner_name",
    "partner_id",
    "email_from",
    *PHONE_FIELDS,
    "user_id",
    "company_id",
    "active",
)
SIZE_CHECKED_FIELDS = ("partner_name", "contact_name", "email_from", *PHONE_FIELDS)


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["stm.access.mixin", "crm.lead"]

    # Tracked so that every change of a registered fact shows in the chatter.
    contact_name = fields.Char(tracking=True)
    partner_name = fields.Char(tracking=True)
    email_from = fields.Char(tracking=True)
    phone = fields.Char(tracking=True)
    if "mobile" in PHONE_FIELDS:  # Odoo 18 only
        mobile = fields.Char(tracking=True)
    street = fields.Char(tracking=True)
    street2 = fields.Char(tracking=True)
    zip = fields.Char(tracking=True)
    city = fields.Char(tracking=True)
    state_id = fields.Many2one(tracking=True)
    country_id = fields.Many2one(tracking=True)

    stm_claim_id = fields.Many2one(
        "stm.claim",
        string="Customer Claim",
        index="btree_not_null",
        copy=False,
        readonly=True,
    )
    stm_claim_state = fields.Selection(
        [
            ("unclaimed", "Unclaimed"),
            ("claimed", "Claimed"),
            ("disputed", "Disputed"),
            ("pool", "In the Pool"),
        ],
        string="Claim Status",
        compute="_compute_stm_claim_state",
        store=True,
        index=True,
        # Written by the claim check together with the claim (no recompute,
        # no read of the claim); clients cannot (stm.access.mixin).
        readonly=False,
    )
    stm_claim_user_id = fields.Many2one(
        "res.users",
        string="Customer Owner",
        compute="_compute_stm_claim_user_id",
        store=True,
        readonly=False,
    )
    stm_claim_protected_until = fields.Date(
        related="stm_claim_id.protected_until", string="Claim Protected Until"
    )
    stm_pool_team_id = fields.Many2one(
        "crm.team",
        string="In the Pool of Team",
        compute="_compute_stm_pool_team_id",
        store=True,
        readonly=False,  # written with the claim by the claim check
        index="btree_not_null",
    )
    stm_alarm_ids = fields.One2many(
        "stm.difficulty.alarm", "lead_id", string="Difficulty Alarms"
    )
    stm_alarm_count = fields.Integer(
        string="Alarm Count", compute="_compute_stm_alarm_count"
    )

    def _stm_access(self):
        claim = action(
            self.env._(
                "the buttons Claim, Release to Pool and Settle, or a sales manager "
                "assigning the lead to someone else"
            )
        )
        # Identity facts: typed by the salesperson, then frozen (seed 002 §4:
        # a made-up customer must not be quietly turned into a real one).
        identity = typed(frozen="_stm_frozen_identity")
        return {
            **super()._stm_access(),
            **dict.fromkeys(LOCKED_FIELDS, identity),
            "partner_id": identity,
            "stm_claim_id": claim,
            "stm_claim_state": claim,
            "stm_claim_user_id": claim,
            "stm_claim_protected_until": claim,
            "stm_pool_team_id": claim,
            # Their records keep their own rules.
            "stm_alarm_ids": typed(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_stm_claim": "a salesperson, on a pool lead",
            "action_stm_open_alarm": "who reads the lead",
            "action_stm_view_alarms": "who reads the lead",
            "action_stm_log_visit": "who reads the lead",
            "action_stm_register_project": "the lead's salesperson or a sales manager",
            "action_stm_view_visits": "who reads the record",
        }

    def _stm_frozen_identity(self, fname, value=None):
        """Leads whose registered ``fname`` would change (when deleting: any
        identity field with a value): only a sales manager may do that."""
        if self._stm_is_manager():
            return self.browse(), ""
        if not fname:
            frozen = self.filtered(lambda lead: any(lead[f] for f in LOCKED_FIELDS))
        elif fname == "partner_id":
            # The customer of a claimed lead is part of its identity.
            frozen = self.filtered(
                lambda lead: (
                    lead.stm_claim_id
                    and lead.partner_id
                    and lead.partner_id.id != (value or False)
                )
            )
        else:
            field = self._fields[fname]
            frozen = self.filtered(
                lambda lead: (
                    lead[fname]
                    and (lead[fname].id if field.type == "many2one" else lead[fname])
                    != (value or False)
                )
            )
        return frozen, self.env._(
            "it was registered so, and only a sales manager can change it."
        )

    @api.depends("stm_claim_id.state", "stm_claim_id.has_open_dispute")
    def _compute_stm_claim_state(self):
        for lead in self:
            claim = lead.stm_claim_id
            if not claim:
                lead.stm_claim_state = "unclaimed"
            elif claim.state != "active":
                lead.stm_claim_state = "pool"
            elif claim.has_open_dispute:
                lead.stm_claim_state = "disputed"
            else:
                lead.stm_claim_state = "claimed"

    @api.depends("stm_claim_id.pool_team_id")
    def _compute_stm_pool_team_id(self):
        for lead in self:
            lead.stm_pool_team_id = lead.stm_claim_id.pool_team_id

    @api.depends("stm_claim_id.user_id")
    def _compute_stm_claim_user_id(self):
        for lead in self:
            lead.stm_claim_user_id = lead.stm_claim_id.user_id

    @api.depends("stm_alarm_ids")
    def _compute_stm_alarm_count(self):
        counts = dict(
            self.env["stm.difficulty.alarm"]._read_group(
                [("lead_id", "in", self.ids)], ["lead_id"], ["__count"]
            )
        )
        for lead in self:
            lead.stm_alarm_count = counts.get(lead, 0)

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._stm_check_sizes(vals_list)
        leads = super().create(vals_list)
        leads._stm_claim_sync()
        return leads

    def write(self, vals):
        if self.env.su and self.env.context.get("stm_claim_transfer"):
            # The claim engine moving leads with their customer (superuser
            # only: a client's context grants nothing).
            return super().write(vals)
        self._stm_check_sizes([vals])
        if "active" in vals:
            self._stm_check_pool_archive()
            if not vals["active"]:
                self._stm_check_may_abandon()
        if "user_id" in vals:
            self._stm_check_reassignment(vals["user_id"])
        owner_stage_moves = self.env["crm.lead"]
        if "stage_id" in vals:
            owner_stage_moves = self.filtered(
                lambda lead: (
                    lead.stage_id.id != vals["stage_id"]
                    and lead.user_id == self.env.user
                )
            )
        result = super().write(vals)
        if any(fname in vals for fname in CLAIM_TRIGGER_FIELDS):
            self._stm_claim_sync()
        owner_stage_moves.stm_claim_id._touch_followup()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_managers(self):
        if not self._stm_is_manager():
            raise UserError(
                self.env._(
                    "Only a sales manager can delete leads. Mark it lost "
                    "instead (after a difficulty alarm)."
                )
            )

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    def _stm_is_manager(self):
        return self.env["res.users"]._stm_is_sales_manager()

    @api.model
    def _stm_check_sizes(self, vals_list):
        for vals in vals_list:
            too_long = oversized({f: vals.get(f) for f in SIZE_CHECKED_FIELDS})
            if too_long:
                labels = ", ".join(
                    self._fields[f].get_description(self.env)["string"]
                    for f in too_long
                )
                raise UserError(
                    self.env._(
                        "%(fields)s: too long. A customer's name, e-mail or phone "
                        "has at most %(limit)s characters.",
                        fields=labels,
                        limit=256,
                    )
                )

    def _stm_check_may_abandon(self):
        """Lost, archived or released: only after a difficulty alarm closed
        with 'abandon' (managers excepted)."""
        if self._stm_is_manager():
            return
        claimed = self.filtered(
            lambda lead: lead.active and lead.stm_claim_state in ("claimed", "disputed")
        )
        if not claimed:
            return
        allowed = (
            self.env["stm.difficulty.alarm"]
            .sudo()
            ._read_group(
                [
                    ("lead_id", "in", claimed.ids),
                    ("state", "=", "closed"),
                    ("outcome", "=", "abandon"),
                ],
                ["lead_id"],
            )
        )
        allowed_leads = self.browse([lead.id for (lead,) in allowed])
        missing = claimed - allowed_leads
        if missing:
            raise UserError(
                self.env._(
                    "Raise a difficulty alarm for %s first: a claimed customer is "
                    "only given up after your manager agreed to abandon it.",
                    ", ".join(missing.mapped("name")),
                )
            )

    def _stm_check_pool_archive(self):
        """A pool lead is every salesperson's to read and claim: hiding it
        (archiving) or bringing it back is a manager's act."""
        if self._stm_is_manager():
            return
        pool = self.filtered(lambda lead: lead.stm_claim_state == "pool")
        if pool:
            raise UserError(
                self.env._(
                    "%s is in the pool: only a sales manager archives or restores "
                    "pool leads. Claim it first.",
                    ", ".join(pool.mapped("name")),
                )
            )

    def _stm_check_reassignment(self, user_id):
        if self._stm_is_manager():
            return
        for lead in self:
            claim = lead.sudo().stm_claim_id
            if claim and claim.state != "active" and user_id:
                raise UserError(
                    self.env._(
                        "%s is in the pool: take it with the Claim button.",
                        claim.name,
                    )
                )
            if claim.state == "active" and user_id != claim.user_id.id:
                raise UserError(
                    self.env._(
                        "%(customer)s is claimed by %(owner)s; only a sales manager "
                        "can hand it to someone else.",
                        customer=claim.name,
                        owner=claim.user_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_stm_claim(self):
        """The current salesperson takes this customer from the pool."""
        user = self.env.user
        # Two salespeople click Claim on the same card: the second one can no
        # longer read the lead; he is told why, not refused access.
        for lead in self.sudo().filtered(lambda lead: lead.stm_claim_state != "pool"):
            raise UserError(
                self.env._(
                    "%(customer)s is no longer in the pool: %(owner)s has just "
                    "claimed it.",
                    customer=lead.stm_claim_id.name or lead.name,
                    owner=lead.stm_claim_id.user_id.name or "—",
                )
            )
        self.check_access("read")
        self.sudo().stm_claim_id.with_env(self.env)._stm_take_from_pool(user)
        return notify(
            self.env._(
                "%s is yours now: follow it up to keep it.",
                ", ".join(self.mapped("stm_claim_id.name")),
            ),
            then=RELOAD,
        )

    @api.readonly
    def action_stm_open_alarm(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Difficulty Alarm"),
            "res_model": "stm.difficulty.alarm",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_id": self.id},
        }

    @api.readonly
    def action_stm_view_alarms(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_team_mgmt.stm_difficulty_alarm_action"
        )
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {"default_lead_id": self.id}
        return action
