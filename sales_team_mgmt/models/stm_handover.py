from odoo import api, fields, models
from odoo.exceptions import UserError

from ..access import action, once, typed
from ..policy import claims as claim_policy


class StmHandover(models.Model):
    """A salesperson leaves: every customer he holds goes, with its open
    opportunities, planned visits, open to-dos and contacts, to an heir or to
    the pool, in one batch (seed 002 §1: the company, not the salesperson,
    owns the customer relationship). Opened when his user is archived or his
    employee leaves; a daily check opens one for anybody archived who still
    holds customers."""

    _name = "stm.handover"
    _inherit = ["stm.access.mixin", "mail.thread", "mail.activity.mixin"]
    _description = "Customer Hand-over"
    _order = "state, create_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    user_id = fields.Many2one(
        "res.users",
        string="Leaving Salesperson",
        required=True,
        index=True,
        context={"active_test": False},
    )
    heir_id = fields.Many2one(
        "res.users",
        string="Heir",
        tracking=True,
        domain="[('share', '=', False), ('stm_is_salesperson', '=', True), "
        "('company_ids', 'in', company_id)]",
        help="Who takes the customers marked for the heir: a salesperson of "
        "the company.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    line_ids = fields.One2many("stm.handover.line", "handover_id", string="Customers")
    claim_count = fields.Integer(compute="_compute_counts")
    heir_claim_count = fields.Integer(
        string="Heir Holds Now",
        compute="_compute_counts",
        help="Active customers the heir already holds.",
    )
    heir_limit = fields.Integer(
        string="Heir's Limit", compute="_compute_counts", help="0: no limit."
    )
    heir_over_limit = fields.Integer(
        string="Over the Heir's Limit",
        compute="_compute_counts",
        help="By how many customers the heir would exceed his team's maximum: "
        "shown, not enforced (the manager decides).",
    )
    move_summary = fields.Char(
        string="What Moves",
        compute="_compute_move_summary",
        help="What confirming moves, to whom.",
    )
    state = fields.Selection(
        [("draft", "To Do"), ("done", "Done")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    done_on = fields.Datetime(readonly=True)

    def _stm_access(self):
        confirm = action(self.env._("the Confirm button of the hand-over"))
        return {
            **super()._stm_access(),
            "user_id": once(),
            "heir_id": typed(frozen="_stm_frozen_done"),
            "company_id": once(),
            "line_ids": typed(frozen="_stm_frozen_done"),
            "state": confirm,
            "done_on": confirm,
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_confirm": "a sales manager",
        }

    def _stm_frozen_done(self, fname, value=None):
        done = self.filtered(lambda handover: handover.state == "done")
        return done, self.env._("the hand-over is done.")

    def _compute_name(self):
        for handover in self:
            handover.name = self.env._("Hand-over of %s", handover.user_id.name or "…")

    @api.depends("line_ids.destination", "heir_id")
    def _compute_counts(self):
        # One grouped count for every heir shown (a list of hand-overs too).
        held_by = {}
        if self.heir_id:
            held_by = {
                (user, company): count
                for user, company, count in self.env["stm.claim"]
                .sudo()
                ._read_group(
                    [
                        ("user_id", "in", self.heir_id.ids),
                        ("company_id", "in", self.company_id.ids),
                        ("state", "=", "active"),
                    ],
                    ["user_id", "company_id"],
                    ["__count"],
                )
            }
        for handover in self:
            heir = handover.heir_id
            held = held_by.get((heir, handover.company_id), 0)
            limit = heir.sale_team_id.stm_max_active_claims if heir else 0
            __, over = claim_policy.handover_plan(
                handover.line_ids.ids,
                held,
                limit,
                to_pool=handover.line_ids.filtered(
                    lambda line: line.destination == "pool"
                ).ids,
            )
            handover.claim_count = len(handover.line_ids)
            handover.heir_claim_count = held
            handover.heir_limit = limit
            handover.heir_over_limit = over

    @api.depends_context("lang")
    @api.depends("line_ids.destination", "heir_id")
    def _compute_move_summary(self):
        for handover in self:
            lines = handover.line_ids
            to_heir = lines.filtered(lambda line: line.destination == "heir")
            opportunities = to_heir.claim_id.sudo().lead_ids.filtered(
                lambda lead: lead.active and lead.probability < 100
            )
            parts = []
            if to_heir:
                parts.append(
                    self.env._(
                        "To %(heir)s: %(customers)s customers with %(deals)s open "
                        "opportunities.",
                        heir=handover.heir_id.name or self.env._("the heir"),
                        customers=len(to_heir),
                        deals=len(opportunities),
                    )
                )
            if lines - to_heir:
                parts.append(
                    self.env._("To the pool: %s customers.", len(lines - to_heir))
                )
            handover.move_summary = " ".join(parts)

    @api.constrains("heir_id", "user_id")
    def _check_heir(self):
        for handover in self:
            heir = handover.heir_id
            if not heir:
                continue
            if not heir.active or heir == handover.user_id:
                raise UserError(
                    self.env._(
                        "%s cannot inherit: choose an active colleague.", heir.name
                    )
                )
            if not heir.stm_is_salesperson:
                raise UserError(
                    self.env._(
                        "%s is not a salesperson: customers go only to salespeople.",
                        heir.name,
                    )
                )
            if handover.company_id not in heir.company_ids:
                raise UserError(
                    self.env._(
                        "%(heir)s does not work for %(company)s.",
                        heir=heir.name,
                        company=handover.company_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Opening
    # ------------------------------------------------------------------

    @api.model
    def _stm_open_for(self, users):
        """A draft hand-over per user and company for the active customers
        they still hold (none twice). Returns the hand-overs."""
        Claim = self.env["stm.claim"].sudo()
        claims = Claim.search([("user_id", "in", users.ids), ("state", "=", "active")])
        if not claims:
            return self.browse()
        existing = (
            self.sudo()
            .search([("user_id", "in", users.ids), ("state", "=", "draft")])
            .grouped(lambda h: (h.user_id, h.company_id))
        )
        handovers = self.browse()
        for (user, company), group in claims.grouped(
            lambda c: (c.user_id, c.company_id)
        ).items():
            handover = existing.get((user, company))
            if handover:
                missing = group - handover.line_ids.claim_id
                handover.line_ids = [
                    fields.Command.create({"claim_id": claim.id}) for claim in missing
                ]
            else:
                handover = (
                    self.sudo()
                    .with_context(mail_create_nolog=True)
                    .create(
                        {
                            "user_id": user.id,
                            "company_id": company.id,
                            "line_ids": [
                                fields.Command.create({"claim_id": claim.id})
                                for claim in group
                            ],
                        }
                    )
                )
                leader = group.team_id.user_id[:1]
                if leader:
                    self.env["mail.activity"]._stm_schedule_batch(
                        handover,
                        fields.Date.context_today(self),
                        lambda record, env: env._(
                            "Hand over the customers of %s", record.user_id.name
                        ),
                        user_of=lambda record, leader=leader: leader,
                    )
            handovers |= handover
        return handovers

    @api.model
    def _cron_check_leavers(self):
        """Daily: nothing may stay owned by an archived user."""
        archived = (
            self.env["stm.claim"]
            .sudo()
            .search([("state", "=", "active"), ("user_id.active", "=", False)])
            .user_id
        )
        self._stm_open_for(archived)

    # ------------------------------------------------------------------
    # Confirming
    # ------------------------------------------------------------------

    def action_confirm(self):
        """Everything at once: claims to the heir (open opportunities, planned
        visits, open to-dos, the customer's contacts follow) or to the pool;
        a note on each record."""
        self.env["res.users"]._stm_check_decides_for(
            [handover.line_ids.claim_id.team_id.user_id[:1] for handover in self]
        )
        for handover in self:
            if handover.state != "draft":
                raise UserError(self.env._("This hand-over is done already."))
            to_heir = handover.line_ids.filtered(
                lambda line: line.destination == "heir"
            )
            if to_heir and not handover.heir_id:
                raise UserError(
                    self.env._("Choose the heir, or send the customers to the pool.")
                )
            handover._stm_hand_over(to_heir.claim_id, handover.heir_id)
            handover._stm_to_pool(
                (handover.line_ids - to_heir).claim_id.filtered(
                    lambda c: c.state == "active"
                )
            )
            handover.sudo().write({"state": "done", "done_on": fields.Datetime.now()})
            handover.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def _stm_hand_over(self, claims, heir):
        claims = claims.sudo().filtered(lambda c: c.state == "active")
        if not claims:
            return
        leaver = self.user_id
        claims._stm_gate(heir, "assign")
        claims._take_over(heir)
        partners = claims.partner_id
        self._stm_follow(heir, claims, partners)
        body = self.env._(
            "%(leaver)s left: handed over to %(heir)s.",
            leaver=leaver.name,
            heir=heir.name,
        )
        claims._message_log_batch(dict.fromkeys(claims.ids, body))
        claims.lead_ids.filtered("active")._message_log_batch(
            dict.fromkeys(claims.lead_ids.filtered("active").ids, body)
        )
        # One message for the heir, instead of one per customer.
        self.message_post(
            body=heir._stm_env()._(
                "%(count)s customers of %(leaver)s are yours now.",
                count=len(claims),
                leaver=leaver.name,
            ),
            partner_ids=heir.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )

    def _stm_follow(self, heir, claims, partners):
        """What follows the customer: planned visits, open to-dos on its
        leads and claim, its contacts' salesperson."""
        leaver = self.user_id
        Visit = self.env["stm.visit"].sudo()
        Visit.search(
            [
                ("user_id", "=", leaver.id),
                ("state", "=", "planned"),
                ("partner_id", "in", partners.ids),
            ]
        ).write({"user_id": heir.id})
        self.env["mail.activity"].sudo().search(
            [
                ("user_id", "=", leaver.id),
                "|",
                "&",
                ("res_model", "=", "crm.lead"),
                ("res_id", "in", claims.lead_ids.ids),
                "&",
                ("res_model", "=", "stm.claim"),
                ("res_id", "in", claims.ids),
            ]
        ).write({"user_id": heir.id})
        self.env["res.partner"].sudo().with_context(active_test=False).search(
            [
                ("user_id", "=", leaver.id),
                ("commercial_partner_id", "in", partners.ids),
            ]
        ).write({"user_id": heir.id})

    def _stm_to_pool(self, claims):
        if not claims:
            return
        claims = claims.sudo()
        leader = claims.team_id.user_id[:1]
        # Nobody works them any more: planned visits are cancelled, the open
        # to-dos go to the team's leader.
        self.env["stm.visit"].sudo().search(
            [
                ("user_id", "=", self.user_id.id),
                ("state", "=", "planned"),
                ("partner_id", "in", claims.partner_id.ids),
            ]
        ).write({"state": "cancelled"})
        if leader:
            self.env["mail.activity"].sudo().search(
                [
                    ("user_id", "=", self.user_id.id),
                    ("res_model", "=", "crm.lead"),
                    ("res_id", "in", claims.lead_ids.ids),
                ]
            ).write({"user_id": leader.id})
        claims._send_to_pool("released")
        body = self.env._("%s left: the customer went to the pool.", self.user_id.name)
        claims._message_log_batch(dict.fromkeys(claims.ids, body))
