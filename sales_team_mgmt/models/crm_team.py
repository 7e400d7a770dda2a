from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..access import typed
from ..compat import Constraint
from ..policy import claims as claim_policy
from ..policy import quota

MAX_SETTING = 100_000
STM_INTEGER_SETTINGS = (
    "stm_claim_protection_days",
    "stm_claim_warning_days",
    "stm_max_active_claims",
    "stm_reclaim_cooldown_days",
    "stm_visit_backdate_days",
    "stm_min_weekly_visits_per_customer",
    "stm_min_feedback_visits_30d",
    "stm_min_registered_projects_year",
)


class CrmTeam(models.Model):
    _name = "crm.team"
    _inherit = ["stm.access.mixin", "crm.team"]

    stm_claim_protection_days = fields.Integer(
        string="Claim Protection (days)",
        default=claim_policy.DEFAULT_PROTECTION_DAYS,
        help="A salesperson keeps a customer this many days after the last "
        "follow-up (visit, done activity, stage move). 0: claims never expire.",
    )
    stm_claim_warning_days = fields.Integer(
        string="Expiry Warning (days)",
        default=claim_policy.DEFAULT_WARNING_DAYS,
        help="The owner gets a warning activity this many days before the "
        "claim expires.",
    )
    stm_claim_conflict_mode = fields.Selection(
        [("block", "Block the registration"), ("dispute", "Open a dispute")],
        string="When a Customer Is Already Claimed",
        default="block",
        required=True,
        help="Block: the salesperson cannot register a customer another "
        "salesperson owns. Dispute: the lead is saved, flagged disputed, and a "
        "manager decides who keeps the customer.",
    )
    stm_max_active_claims = fields.Integer(
        string="Max Active Claims per Salesperson",
        default=0,
        help="How many customers one salesperson may hold when taking one "
        "from the pool. 0: no limit.",
    )
    stm_reclaim_cooldown_days = fields.Integer(
        string="Re-claim Cooldown (days)",
        default=claim_policy.DEFAULT_RECLAIM_COOLDOWN_DAYS,
        help="The salesperson who lost a customer to the pool must wait this "
        "many days before taking it back.",
    )

    # Daily discipline (seed 001, 销售人员日常工作)
    stm_visit_backdate_days = fields.Integer(
        string="Visit Report Delay (days)",
        default=2,
        help="A visit can be closed as done up to this many days after it took "
        "place; older ones need a manager.",
    )
    stm_min_weekly_visits_per_customer = fields.Integer(
        string="Weekly Visits per Project Customer",
        default=quota.DEFAULT_MIN_WEEKLY_VISITS_PER_CUSTOMER,
        help="Visits per ISO week to each customer with an open registered project.",
    )
    stm_min_feedback_visits_30d = fields.Integer(
        string="Visits with Feedback per 30 Days",
        default=quota.DEFAULT_MIN_FEEDBACK_VISITS_30D,
    )
    stm_min_registered_projects_year = fields.Integer(
        string="Self-developed Projects per 12 Months",
        default=quota.DEFAULT_MIN_REGISTERED_PROJECTS_YEAR,
    )
    _stm_claim_days_positive = Constraint(
        "CHECK(stm_claim_protection_days >= 0 AND stm_claim_warning_days >= 0 AND "
        "stm_max_active_claims >= 0 AND stm_reclaim_cooldown_days >= 0)",
        "Claim settings cannot be negative.",
    )
    _stm_quotas_positive = Constraint(
        "CHECK(stm_visit_backdate_days >= 0 AND "
        "stm_min_weekly_visits_per_customer >= 0 AND stm_min_feedback_visits_30d "
        ">= 0 AND stm_min_registered_projects_year >= 0)",
        "Quotas cannot be negative.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_claim_protection_days": typed(),
            "stm_claim_warning_days": typed(),
            "stm_claim_conflict_mode": typed(),
            "stm_max_active_claims": typed(),
            "stm_reclaim_cooldown_days": typed(),
            "stm_visit_backdate_days": typed(),
            "stm_min_weekly_visits_per_customer": typed(),
            "stm_min_feedback_visits_30d": typed(),
            "stm_min_registered_projects_year": typed(),
        }

    @api.constrains(*STM_INTEGER_SETTINGS)
    def _check_stm_settings_range(self):
        self._stm_check_settings_range(STM_INTEGER_SETTINGS)

    def _stm_check_settings_range(self, names):
        """The database stores 32-bit integers: refuse absurd numbers in
        these settings with a clear message instead of a server error."""
        for team in self:
            if any(abs(team[name]) > MAX_SETTING for name in names):
                raise ValidationError(
                    self.env._("Sales team settings stay below %s.", MAX_SETTING)
                )
