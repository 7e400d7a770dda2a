from odoo import api, fields, models
from odoo.exceptions import UserError

from ..access import action, system
from ..policy.power import suggest_winner


class StmClaimDispute(models.Model):
    """Two salespeople registered the same customer (撞单) in a team that
    settles it by dispute: a manager gives the customer to one of them."""

    _name = "stm.claim.dispute"
    _description = "Customer Claim Dispute"
    _inherit = ["stm.access.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "state, create_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    claim_id = fields.Many2one(
        "stm.claim",
        string="Registered First",
        required=True,
        ondelete="cascade",
        index=True,
    )
    rival_claim_id = fields.Many2one(
        "stm.claim",
        string="Registered Second",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    lead_id = fields.Many2one(
        "crm.lead",
        string="Lead Registered Second",
        ondelete="set null",
        check_company=True,
    )
    holder_user_id = fields.Many2one(
        related="claim_id.user_id", string="First Owner", store=True
    )
    rival_user_id = fields.Many2one(
        related="rival_claim_id.user_id", string="Second Owner", store=True
    )
    company_id = fields.Many2one(related="claim_id.company_id", store=True)
    manager_id = fields.Many2one(
        "res.users",
        compute="_compute_manager_id",
        store=True,
        help="Leader of the sales team of the second registration.",
    )
    state = fields.Selection(
        [("open", "Open"), ("resolved", "Resolved")],
        default="open",
        required=True,
        index=True,
        tracking=True,
    )
    suggested_user_id = fields.Many2one(
        "res.users",
        compute="_compute_suggested_user_id",
        string="Suggested Owner",
        help="Whoever registered the customer first; with the role map add-on, "
        "the salesperson whose mapped contacts at this customer carry the most "
        "decision power (decider 100 … initiator 20), whoever registered first "
        "on a tie.",
    )
    winner_user_id = fields.Many2one(
        "res.users",
        string="Winner",
        tracking=True,
        domain="[('id', 'in', [holder_user_id, rival_user_id])]",
    )
    resolved_on = fields.Date(readonly=True)

    @api.depends("claim_id.name")
    def _compute_name(self):
        for dispute in self:
            dispute.name = dispute.claim_id.name

    @api.depends("rival_claim_id.team_id.user_id", "claim_id.team_id.user_id")
    def _compute_manager_id(self):
        for dispute in self:
            dispute.manager_id = (
                dispute.rival_claim_id.team_id.user_id
                or dispute.claim_id.team_id.user_id
            )

    @api.depends(
        "claim_id.user_id",
        "claim_id.claimed_on",
        "rival_claim_id.user_id",
        "rival_claim_id.claimed_on",
    )
    def _compute_suggested_user_id(self):
        for dispute in self:
            candidates = [
                (claim.user_id.id, claim.claimed_on, self._stm_mapped_roles(claim))
                for claim in (dispute.claim_id | dispute.rival_claim_id)
                if claim.user_id
            ]
            dispute.suggested_user_id = suggest_winner(candidates)

    def _stm_mapped_roles(self, claim):
        """The (contact, role) pairs the claim's salesperson has mapped at the
        customer: none in the core, so the earliest claim is suggested; the
        role map add-on answers with its buying roles."""
        return []

    def _stm_access(self):
        settle = action(self.env._("the Settle button"))
        return {
            **super()._stm_access(),
            "name": system(),
            "claim_id": settle,
            "rival_claim_id": settle,
            "lead_id": settle,
            "holder_user_id": system(),
            "rival_user_id": system(),
            "company_id": system(),
            "manager_id": system(),
            "state": settle,
            "winner_user_id": action(settle.buttons, by="_stm_decides"),
            "resolved_on": settle,
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_resolve": "the team leader or a sales manager",
        }

    def _stm_decides(self):
        """The decision is the team leader's (or a sales manager's)."""
        return self.env["res.users"]._stm_decides_for([r.manager_id for r in self])

    def write(self, vals):
        if "winner_user_id" in vals and self.filtered(lambda d: d.state != "open"):
            raise UserError(self.env._("This dispute is already settled."))
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        disputes = super().create(vals_list)
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for dispute in disputes.filtered("manager_id"):
            dispute.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=dispute.manager_id.id,
                summary=dispute.manager_id._stm_env()._(
                    "Decide who keeps %s", dispute.name
                ),
            )
        return disputes

    def action_resolve(self):
        """Give the customer, its leads and its keys to the winner (default:
        the suggested owner)."""
        self.env["res.users"]._stm_check_decides_for([d.manager_id for d in self])
        for dispute in self:
            if dispute.state != "open":
                raise UserError(self.env._("This dispute is already settled."))
            winner = dispute.winner_user_id or dispute.suggested_user_id
            if not winner:
                raise UserError(self.env._("Choose the winner first."))
            if winner == dispute.claim_id.user_id:
                keep, lose = dispute.claim_id, dispute.rival_claim_id
            else:
                keep, lose = dispute.rival_claim_id, dispute.claim_id
            keep._stm_gate(winner, "assign")
            dispute._merge_claims(keep, lose)
            dispute.sudo().write(
                {
                    "state": "resolved",
                    "winner_user_id": winner.id,
                    "resolved_on": fields.Date.context_today(self),
                }
            )
            dispute.activity_feedback(["mail.mail_activity_data_todo"])
            body = self.env._(
                "Dispute over %(customer)s settled by %(manager)s: %(winner)s "
                "keeps the customer, %(loser)s hands it over.",
                customer=dispute.name,
                manager=self.env.user.name,
                winner=winner.name,
                loser=lose.user_id.name,
            )
            for record in (keep, lose, dispute):
                record.message_post(body=body)
        return True

    def _merge_claims(self, keep, lose):
        lose_sudo = lose.sudo()
        leads = lose_sudo.with_context(active_test=False).lead_ids
        keys = lose_sudo.with_context(active_test=False).key_ids
        keys.write({"claim_id": keep.id})
        leads.with_context(stm_claim_transfer=True).write(
            {"stm_claim_id": keep.id, "user_id": keep.user_id.id}
        )
        if lose.partner_id and not keep.partner_id:
            keep.sudo().partner_id = lose.partner_id
        lose_sudo.write(
            {
                "state": "released",
                "last_owner_id": lose.user_id.id,
                "released_on": fields.Date.context_today(self),
            }
        )
