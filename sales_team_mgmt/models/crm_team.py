from odoo import fields, models

from ..policy import claims as claim_policy


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

    _sql_constraints = [
        (
            "stm_claim_days_positive",
            "CHECK(stm_claim_protection_days >= 0 AND stm_claim_warning_days >= 0 "
            "AND stm_max_active_claims >= 0 AND stm_reclaim_cooldown_days >= 0)",
            "Claim settings cannot be negative.",
        ),
    ]
