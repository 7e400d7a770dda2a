from odoo import fields, models

from ..policy import claims as claim_policy
from ..policy import quota


class CrmTeam(models.Model):
    _inherit = "crm.team"

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
    stm_dossier_deadline_months = fields.Integer(
        string="Dossier Deadline (months)",
        default=3,
        help="Months after registration to complete the project dossier.",
    )
    stm_compliance_warning_days = fields.Integer(
        string="Warning after Failing (days)",
        default=quota.DEFAULT_WARNING_AFTER_DAYS,
    )
    stm_compliance_review_days = fields.Integer(
        string="Review after Failing (days)",
        default=quota.DEFAULT_REVIEW_AFTER_DAYS,
    )

    _sql_constraints = [
        (
            "stm_claim_days_positive",
            "CHECK(stm_claim_protection_days >= 0 AND stm_claim_warning_days >= 0 "
            "AND stm_max_active_claims >= 0 AND stm_reclaim_cooldown_days >= 0)",
            "Claim settings cannot be negative.",
        ),
        (
            "stm_quotas_positive",
            "CHECK(stm_visit_backdate_days >= 0 "
            "AND stm_min_weekly_visits_per_customer >= 0 "
            "AND stm_min_feedback_visits_30d >= 0 "
            "AND stm_min_registered_projects_year >= 0 "
            "AND stm_dossier_deadline_months > 0 "
            "AND stm_compliance_warning_days > 0 AND stm_compliance_review_days > 0)",
            "Quotas cannot be negative, deadlines must be positive.",
        ),
    ]
