from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..policy import claims as claim_policy


class StmClaim(models.Model):
    """Who may own a customer now: one gate, whatever the door.

    - ``pool``: the salesperson takes a customer nobody owns — the pool's
      Claim button, or registering a pooled or released customer again as a
      new lead or company. The pool's rules hold: the claim's company, the
      team's own pool, the daily limit, the most customers held, the last
      owner's cooldown.
    - ``assign``: somebody in charge gives the customer to someone — a
      hand-over, a settled dispute, a manager assigning a lead. The new
      owner must be an active salesperson of the customer's company.

    Concurrent takes by one salesperson are serialised on his user row: the
    second transaction waits, then fails with a serialization failure and is
    retried by Odoo (as every request is), and its retry counts the first
    one's take."""

    _inherit = "stm.claim"

    def _stm_gate(self, user, door):
        """Raise the reason ``user`` may not own these customers through
        ``door`` (``pool`` or ``assign``); nothing when he may."""
        self._stm_check_may_own(user)
        if door == "pool":
            self._stm_check_pool_rules(user)

    def _stm_check_may_own(self, user):
        claims = self.sudo()
        if not user.active or user.share:
            raise UserError(
                self.env._(
                    "%s cannot own customers: choose an active colleague.", user.name
                )
            )
        if not user.has_group("sales_team.group_sale_salesman"):
            raise UserError(
                self.env._(
                    "%s is not a salesperson: customers go to people in sales.",
                    user.name,
                )
            )
        for company in claims.company_id:
            if company not in user.company_ids:
                raise UserError(
                    self.env._(
                        "%(user)s does not work for %(company)s.",
                        user=user.name,
                        company=company.name,
                    )
                )

    def _stm_check_pool_rules(self, user):
        if not self:
            return
        self._stm_serialize_takes(user)
        today = fields.Date.context_today(self)
        Claim = self.env["stm.claim"].sudo()
        allowed = self.env.companies if user == self.env.user else user.company_ids
        for claim in self.sudo():
            if claim.company_id not in allowed:
                raise UserError(
                    self.env._(
                        "%(customer)s is in the pool of %(company)s; switch to that "
                        "company to claim it.",
                        customer=claim.name,
                        company=claim.company_id.name,
                    )
                )
            pool_team = claim.pool_team_id
            if pool_team and user not in (
                pool_team.crm_team_member_ids.user_id | pool_team.user_id
            ):
                raise UserError(
                    self.env._(
                        "%(customer)s is in the pool of %(team)s until %(date)s: its "
                        "members claim it first.",
                        customer=claim.name,
                        team=pool_team.name,
                        date=claim.pool_team_until,
                    )
                )
            team = user.sale_team_id or claim.team_id
            owner_domain = [
                ("user_id", "=", user.id),
                ("company_id", "=", claim.company_id.id),
            ]
            refusal = claim_policy.pool_claim_refusal(
                user_id=user.id,
                active_claims=Claim.search_count(
                    [*owner_domain, ("state", "=", "active")]
                ),
                max_active_claims=team.stm_max_active_claims,
                last_owner_id=claim.last_owner_id.id,
                released_on=claim.released_on,
                today=today,
                cooldown_days=team.stm_reclaim_cooldown_days
                if team
                else claim_policy.DEFAULT_RECLAIM_COOLDOWN_DAYS,
                taken_today=Claim.search_count(
                    [*owner_domain, ("pool_taken_on", "=", today)]
                ),
                daily_limit=team.stm_pool_daily_limit,
            )
            if refusal:
                raise UserError(self._stm_refusal_message(refusal, claim))

    def _stm_refusal_message(self, refusal, claim):
        reason, detail = refusal
        if reason == "limit":
            return self.env._(
                "You already hold %s customers, the most your team allows. "
                "Release one first.",
                detail,
            )
        if reason == "daily":
            return self.env._(
                "You took %s customers from the pool today, the most your "
                "team allows in a day. Try again tomorrow.",
                detail,
            )
        return self.env._(
            "You gave %(customer)s up recently; you can take it back from %(date)s.",
            customer=claim.name,
            date=detail,
        )

    def _stm_serialize_takes(self, user):
        """Touch the salesperson's user row: a concurrent take by him waits
        here and, once this one commits, fails and is retried."""
        self.env.cr.execute(
            SQL(
                "UPDATE res_users SET write_date = write_date WHERE id = %s",
                user.id,
            ),
            # A lost race is retried by Odoo, not an error to log.
            log_exceptions=False,
        )

    def _stm_take_from_pool(self, user):
        """The gate's pool door, then the customer is ``user``'s."""
        self._stm_gate(user, "pool")
        self._take_over(user)
        self.sudo().write({"pool_taken_on": fields.Date.context_today(self)})
        for claim in self.sudo():
            claim.message_post(body=self.env._("Taken from the pool by %s.", user.name))

    @api.model
    def _stm_take_pooled(self, requests, pooled):
        """Registering a pooled customer again is taking it from the pool: the
        pool's rules hold (the system, assigning, takes it as it is). Then the
        requests add their keys to that claim; returns the conflicts.
        ``pooled``: [(the indexes of a group of requests, the claim id)]."""
        extend = []
        for group, claim_id in pooled:
            claim = self.browse(claim_id)
            first = requests[group[0]]
            user = self.env["res.users"].browse(first["user_id"])
            if first["system"]:
                claim._take_over(user)
            else:
                claim._stm_take_from_pool(user)
            for index in group:
                self._stm_link_leads(requests[index]["lead_ids"], claim)
                requests[index]["claim_id"] = claim.id
            extend += group
        return self._stm_insert_keys(requests, extend)
