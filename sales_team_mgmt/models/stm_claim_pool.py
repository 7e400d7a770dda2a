from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models

from ..access import action
from ..policy import claims as claim_policy


class StmClaim(models.Model):
    """The follow-up ladder (owner's to-do, manager told, at risk), the
    daily limit of pool claims and the teams' own pools."""

    _inherit = "stm.claim"

    followup_step = fields.Integer(
        string="Follow-up Ladder Step",
        default=0,
        copy=False,
        help="0: followed up; 1: the owner got a to-do; 2: the manager was "
        "told; 3: at risk. The next follow-up clears it.",
    )
    at_risk = fields.Boolean(
        string="At Risk", index=True, copy=False, help="No follow-up for too long."
    )
    pool_taken_on = fields.Date(
        string="Taken from the Pool On",
        copy=False,
        help="Counts against the team's daily limit of pool claims.",
    )
    pool_team_id = fields.Many2one(
        "crm.team",
        string="In the Pool of Team",
        copy=False,
        index="btree_not_null",
        help="While set, only this team's members see and claim the customer.",
    )
    pool_team_until = fields.Date(string="Team's Pool Until", copy=False)

    def _stm_access(self):
        steps = action(
            self.env._("the daily follow-up check and the pool's Claim button")
        )
        return {
            **super()._stm_access(),
            "followup_step": steps,
            "at_risk": steps,
            "pool_taken_on": steps,
            "pool_team_id": steps,
            "pool_team_until": steps,
        }

    # ------------------------------------------------------------------
    # The follow-up ladder
    # ------------------------------------------------------------------

    @api.model
    def _cron_expire(self):
        """The daily claim job also climbs the ladder and empties the teams'
        pools that are due."""
        result = super()._cron_expire()
        self._cron_followup_ladder()
        self._cron_team_pools()
        return result

    @api.model
    def _cron_followup_ladder(self):
        """Daily: each claim climbs the ladder of its team once per follow-up
        gap: a to-do for the owner, then the team's leader is told, then the
        customer is at risk. A fixed number of queries per step, whatever the
        number of claims; running it twice changes nothing."""
        today = fields.Date.context_today(self)
        shortest = min(
            [
                claim_policy.DEFAULT_LADDER[0],
                *self.env["crm.team"].search([]).mapped("stm_followup_owner_days"),
            ]
        )
        candidates = self.search(
            [
                ("state", "=", "active"),
                ("pinned", "=", False),
                ("followup_step", "<", 3),
                ("last_followup_on", "<=", today - timedelta(days=shortest)),
            ]
        )
        batch_size = 1000
        for start in range(0, len(candidates), batch_size):
            batch = candidates[start : start + batch_size]
            batch._stm_climb_ladder(today)
            done = start + len(batch)
            self.env["ir.cron"]._stm_commit_batch(
                done, len(batch), len(candidates) - done
            )

    def _stm_climb_ladder(self, today):
        """One batch of the ladder: a to-do per owner, a note per leader,
        the at-risk flag; one create and one write per step."""
        climbing = defaultdict(lambda: self.browse())  # step reached -> claims
        reached = defaultdict(lambda: self.browse())  # highest step -> claims
        for claim in self:
            step = claim_policy.ladder_step(
                claim.last_followup_on, today, claim.team_id._stm_ladder()
            )
            for new_step in range(claim.followup_step + 1, step + 1):
                climbing[new_step] |= claim
            if step > claim.followup_step:
                reached[step] |= claim
        if not climbing:
            return
        Activity = self.env["mail.activity"]
        Activity._stm_schedule_batch(
            climbing[1],
            today,
            lambda claim, env: env._(
                "No follow-up of %s for a while: visit or call the customer",
                claim.name,
            ),
        )
        Activity._stm_schedule_batch(
            climbing[2].filtered("team_id.user_id"),
            today,
            lambda claim, env: env._(
                "%(owner)s has not followed up %(customer)s: step in",
                owner=claim.user_id.name,
                customer=claim.name,
            ),
            user_of=lambda claim: claim.team_id.user_id,
        )
        for step, claims in reached.items():
            claims.sudo().write({"followup_step": step, "at_risk": step >= 3})

    # ------------------------------------------------------------------
    # The teams' own pools
    # ------------------------------------------------------------------

    def _send_to_pool(self, state):
        result = super()._send_to_pool(state)
        today = fields.Date.context_today(self)
        own_pool = self.filtered(lambda c: c.team_id.stm_pool_scope == "team")
        for team, claims in own_pool.grouped("team_id").items():
            claims.sudo().write(
                {
                    "pool_team_id": team.id,
                    "pool_team_until": claim_policy.team_pool_until(
                        today, team.stm_team_pool_days
                    ),
                }
            )
        (self - own_pool).filtered("pool_team_id").sudo().write(
            {"pool_team_id": False, "pool_team_until": False}
        )
        return result

    def _take_over(self, user):
        result = super()._take_over(user)
        self.sudo().write(
            {
                "pool_team_id": False,
                "pool_team_until": False,
                "followup_step": 0,
                "at_risk": False,
            }
        )
        return result

    @api.model
    def _cron_team_pools(self):
        """Daily: customers whose time in their team's pool is over go to the
        company's pool."""
        today = fields.Date.context_today(self)
        self.search(
            [
                ("state", "!=", "active"),
                ("pool_team_id", "!=", False),
                ("pool_team_until", "<", today),
            ]
        ).sudo().write({"pool_team_id": False, "pool_team_until": False})
