from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..access import typed
from ..compat import Constraint
from ..policy import claims as claim_policy


class CrmTeam(models.Model):
    """Pool rules per team: protection by customer class, the follow-up
    ladder, a daily limit on pool claims, and the team's own pool."""

    _inherit = "crm.team"

    stm_protection_days_a = fields.Integer(
        string="Protection, Important Customers (A)",
        default=claim_policy.DEFAULT_PROTECTION_DAYS_BY_CLASS["a"],
        help="Days without follow-up before an A customer goes to the pool.",
    )
    stm_protection_days_b = fields.Integer(
        string="Protection, General Customers (B)",
        default=claim_policy.DEFAULT_PROTECTION_DAYS_BY_CLASS["b"],
    )
    stm_protection_days_c = fields.Integer(
        string="Protection, Potential Customers (C)",
        default=claim_policy.DEFAULT_PROTECTION_DAYS_BY_CLASS["c"],
        help="Customers without a class keep the team's protection days.",
    )
    stm_followup_owner_days = fields.Integer(
        string="To-do for the Owner After",
        default=claim_policy.DEFAULT_LADDER[0],
        help="Days without follow-up before the owner gets a to-do.",
    )
    stm_followup_manager_days = fields.Integer(
        string="Manager Told After",
        default=claim_policy.DEFAULT_LADDER[1],
        help="Days without follow-up before the team's leader is told.",
    )
    stm_followup_risk_days = fields.Integer(
        string="At Risk After",
        default=claim_policy.DEFAULT_LADDER[2],
        help="Days without follow-up before the customer is marked at risk on "
        "the board and in the managers' list.",
    )
    stm_pool_daily_limit = fields.Integer(
        string="Pool Claims per Day",
        default=0,
        help="How many customers one salesperson may take from the pool each "
        "day (0: no limit); the maximum of active claims applies as well.",
    )
    stm_pool_scope = fields.Selection(
        [("company", "The Company's Pool"), ("team", "The Team's Own Pool")],
        string="Expired Customers Go To",
        default="company",
        required=True,
        help="The team's own pool: its expired customers are seen and claimed "
        "by its members only, then go to the company's pool.",
    )
    stm_team_pool_days = fields.Integer(
        string="Days in the Team's Pool",
        default=7,
        help="How long the team's expired customers stay its own.",
    )

    _stm_pool_days_sane = Constraint(
        "CHECK(stm_protection_days_a BETWEEN 0 AND 3650 AND stm_protection_days_b "
        "BETWEEN 0 AND 3650 AND stm_protection_days_c BETWEEN 0 AND 3650 AND "
        "stm_pool_daily_limit BETWEEN 0 AND 10000 AND stm_team_pool_days BETWEEN "
        "0 AND 3650)",
        "Days and limits of the pool lie between 0 and 3650 (ten years).",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_protection_days_a": typed(),
            "stm_protection_days_b": typed(),
            "stm_protection_days_c": typed(),
            "stm_followup_owner_days": typed(),
            "stm_followup_manager_days": typed(),
            "stm_followup_risk_days": typed(),
            "stm_pool_daily_limit": typed(),
            "stm_pool_scope": typed(),
            "stm_team_pool_days": typed(),
        }

    @api.constrains(
        "stm_followup_owner_days", "stm_followup_manager_days", "stm_followup_risk_days"
    )
    def _check_stm_ladder(self):
        for team in self:
            problem = claim_policy.ladder_problem(
                team.stm_followup_owner_days,
                team.stm_followup_manager_days,
                team.stm_followup_risk_days,
            )
            if problem:
                raise ValidationError(
                    self.env._(
                        "%s: the follow-up steps come in this order, each after "
                        "at least one day: the owner's to-do, then the manager, "
                        "then at risk (at most 3650 days).",
                        team.name,
                    )
                )

    def _stm_protection_by_class(self):
        """{class: days} of this team (one team or none)."""
        if not self:
            return dict(claim_policy.DEFAULT_PROTECTION_DAYS_BY_CLASS)
        return {
            "a": self.stm_protection_days_a,
            "b": self.stm_protection_days_b,
            "c": self.stm_protection_days_c,
        }

    def _stm_ladder(self):
        if not self:
            return claim_policy.DEFAULT_LADDER
        return (
            self.stm_followup_owner_days,
            self.stm_followup_manager_days,
            self.stm_followup_risk_days,
        )
