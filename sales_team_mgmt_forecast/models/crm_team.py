from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import typed
from odoo.addons.sales_team_mgmt.compat import (
    Constraint,
    stage_team_values,
    stage_teams,
)


class CrmTeam(models.Model):
    """The team's pipeline (the seven stages, the probability from the
    stage: seed 002 §6–7), its weighted forecast for next month, and when
    the monthly forecasts are prepared."""

    _inherit = "crm.team"

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

    stm_forecast_day = fields.Integer(
        string="Monthly Forecast Prepared On",
        default=25,
        help="Day of the month the next month's forecast is prepared for each "
        "salesperson; it is due at month end.",
    )

    _stm_forecast_day_in_month = Constraint(
        "CHECK(stm_forecast_day BETWEEN 1 AND 28)",
        "The forecast is prepared on a day from 1 to 28.",
    )
    _stm_effective_opportunities_positive = Constraint(
        "CHECK(stm_min_effective_opportunities >= 0)",
        "The opportunities for a reliable forecast cannot be negative.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_probability_from_stage": typed(),
            "stm_min_effective_opportunities": typed(),
            "stm_forecast_day": typed(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_stm_apply_seven_stages": "a sales manager",
        }

    @api.constrains("stm_forecast_day", "stm_min_effective_opportunities")
    def _check_stm_forecast_settings(self):
        self._stm_check_settings_range(
            ["stm_forecast_day", "stm_min_effective_opportunities"]
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
