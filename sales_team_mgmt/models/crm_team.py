from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..access import typed
from ..compat import Constraint, stage_team_values, stage_teams
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
    "stm_min_effective_opportunities",
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
    # Pipeline and forecasts (seed 002 §6–7)
    stm_probability_from_stage = fields.Boolean(
        string="Probability Follows the Stage",
        help="Opportunities take their stage's probability instead of the "
        "predictive lead scoring; a probability typed by hand stays.",
    )
    stm_min_effective_opportunities = fields.Integer(
        string="Opportunities for a Reliable Forecast",
        default=14,
        help="Below this many opportunities in the 25–90 % stages a forecast "
        "is flagged unreliable.",
    )
    stm_forecast_next_month = fields.Monetary(
        string="Weighted Forecast, Next Month",
        compute="_compute_stm_forecast_summary",
        currency_field="currency_id",
    )
    stm_forecast_effective = fields.Integer(
        string="Opportunities at 25–90 %", compute="_compute_stm_forecast_summary"
    )
    stm_forecast_reliable = fields.Boolean(
        string="Reliable", compute="_compute_stm_forecast_summary"
    )
    stm_funnel_diagnosis = fields.Text(
        string="Funnel Diagnosis", compute="_compute_stm_forecast_summary"
    )

    _stm_claim_days_positive = Constraint(
        "CHECK(stm_claim_protection_days >= 0 AND stm_claim_warning_days >= 0 AND "
        "stm_max_active_claims >= 0 AND stm_reclaim_cooldown_days >= 0)",
        "Claim settings cannot be negative.",
    )
    _stm_quotas_positive = Constraint(
        "CHECK(stm_visit_backdate_days >= 0 AND "
        "stm_min_weekly_visits_per_customer >= 0 AND stm_min_feedback_visits_30d "
        ">= 0 AND stm_min_registered_projects_year >= 0 AND "
        "stm_min_effective_opportunities >= 0)",
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
            "stm_probability_from_stage": typed(),
            "stm_min_effective_opportunities": typed(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_stm_apply_seven_stages": "a sales manager",
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

    def _compute_stm_forecast_summary(self):
        """The team's summary card: next month's weighted forecast, its
        reliability and where the team should work."""
        Lead = self.env["crm.lead"]
        next_month = fields.Date.add(fields.Date.context_today(self), months=1)
        for team in self:
            domain = [("team_id", "=", team.id)]
            if team.company_id:
                domain.append(("company_id", "in", [team.company_id.id, False]))
            total, effective = Lead._stm_month_forecast(domain, next_month)
            team.stm_forecast_next_month = total
            team.stm_forecast_effective = effective
            team.stm_forecast_reliable = (
                effective >= team.stm_min_effective_opportunities
            )
            team.stm_funnel_diagnosis = Lead._stm_funnel_advice(domain)

    def action_stm_apply_seven_stages(self):
        """Add the seven-stage pipeline 0/10/25/50/75/90/100 % to these teams.
        Stages already there are kept, never renamed nor deleted; a stage of
        the team with the same probability is reused."""
        Stage = self.env["crm.stage"]
        for team in self:
            stages = Stage.search(
                ["|", ("stm_team_id", "=", team.id), ("stm_team_id", "=", False)]
            )
            last = max(stages.mapped("sequence") or [0])
            # Stage names are translatable: each installed language gets its
            # own, whoever presses the button.
            names = {
                code: dict(self.with_context(lang=code)._stm_seven_stages())
                for code, __ in self.env["res.lang"].get_installed()
            }
            for offset, (probability, name) in enumerate(
                self.with_context(lang="en_US")._stm_seven_stages()
            ):
                if any(
                    team in stage_teams(s) and s.stm_probability == probability
                    for s in stages
                ):
                    continue
                stage = Stage.with_context(lang="en_US").create(
                    {
                        "name": name,
                        **stage_team_values(team),
                        "sequence": last + 1 + offset,
                        "stm_probability": probability,
                        "is_won": probability == 100,
                    }
                )
                stage.update_field_translations(
                    "name",
                    {
                        code: by_probability[probability]
                        for code, by_probability in names.items()
                    },
                )
            team.stm_probability_from_stage = True
        return True

    def _stm_seven_stages(self):
        return [
            (0, self.env._("Prospect (0%)")),
            (10, self.env._("Contacted (10%)")),
            (25, self.env._("Samples Accepted (25%)")),
            (50, self.env._("Solution Approved (50%)")),
            (75, self.env._("Price Accepted (75%)")),
            (90, self.env._("Contract Signed (90%)")),
            (100, self.env._("Won (100%)")),
        ]
