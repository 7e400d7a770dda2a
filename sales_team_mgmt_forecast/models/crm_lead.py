from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system
from odoo.addons.sales_team_mgmt.compat import stage_teams
from odoo.addons.sales_team_mgmt.policy import forecast
from odoo.addons.sales_team_mgmt.policy.forecast import SEVEN_STAGES, diagnose_funnel
from odoo.addons.sales_team_mgmt.policy.periods import period_bounds


class CrmLead(models.Model):
    """Probability from the stage (teams that opt in) and the weighted amount
    the forecasts add up."""

    _inherit = "crm.lead"

    stm_stage_probability = fields.Float(
        string="Stage Probability (%)",
        compute="_compute_stm_weighted_revenue",
        store=True,
        aggregator="avg",
    )
    stm_weighted_revenue = fields.Monetary(
        string="Weighted Revenue",
        currency_field="company_currency",
        compute="_compute_stm_weighted_revenue",
        store=True,
        help="Expected revenue × the opportunity's probability (its stage's in "
        "teams where the probability follows the stage).",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_stage_probability": system(),
            "stm_weighted_revenue": system(),
        }

    @api.depends(
        "expected_revenue", "probability", "stage_id.stm_probability", "stage_id.is_won"
    )
    def _compute_stm_weighted_revenue(self):
        # One figure everywhere: the probability the lead form shows.
        Stage = self.env["crm.stage"]
        for lead in self:
            lead.stm_stage_probability = Stage._stm_probability_of(lead.stage_id)
            lead.stm_weighted_revenue = (
                (lead.expected_revenue or 0.0) * (lead.probability or 0.0) / 100
            )

    def _compute_probabilities(self):  # pylint: disable=missing-return
        """Teams that opt in take the stage's probability as the automated one;
        a probability typed by hand stays, as with Odoo's predictive scoring."""
        staged = self.filtered(
            lambda lead: lead.team_id.stm_probability_from_stage and lead.stage_id
        )
        was_automated = {
            lead: not lead.id or (lead.active and lead.is_automated_probability)
            for lead in staged
        }
        # Odoo's scoring of an empty set returns nothing to unpack on 19.
        if self - staged:
            super(CrmLead, self - staged)._compute_probabilities()
        Stage = self.env["crm.stage"]
        for lead in staged:
            probability = Stage._stm_probability_of(lead.stage_id)
            lead.automated_probability = probability
            if was_automated[lead]:
                lead.probability = probability

    @api.model
    def _stm_funnel_advice(self, domain):
        """The funnel diagnosis of seed 002 §7 for the opportunities of
        ``domain`` (a salesperson's, a team's), as sentences."""
        groups = self.sudo()._read_group(
            [*domain, ("type", "=", "opportunity")],
            ["stage_id"],
            ["__count"],
        )
        counts = {}
        Stage = self.env["crm.stage"]
        for stage, count in groups:
            probability = Stage._stm_probability_of(stage)
            counts[probability] = counts.get(probability, 0) + count
        if not counts:
            return self.env._("No opportunity yet: start prospecting.")
        # Empty stages of the seven-stage pipeline count as zero: an empty top
        # is the thinnest top of all.
        for probability in SEVEN_STAGES:
            counts.setdefault(float(probability), 0)
        funnel = sorted(counts.items())
        lines = []
        for kind, probability, next_probability, how_many in diagnose_funnel(funnel):
            if kind == "prospect":
                lines.append(
                    self.env._(
                        "The top of the funnel is thin: find at least %(n)s new "
                        "prospects before the %(next)s%% stage runs dry.",
                        n=how_many,
                        next=int(next_probability),
                    )
                )
            else:
                lines.append(
                    self.env._(
                        "%(count)s opportunities wait at %(stage)s%%: move at least "
                        "%(n)s of them to %(next)s%%.",
                        count=counts[probability],
                        stage=int(probability),
                        n=how_many,
                        next=int(next_probability),
                    )
                )
        return "\n".join(lines) or self.env._("The funnel is balanced.")

    @api.model
    def _stm_month_forecast(self, domain, month):
        """(weighted total, effective count) of the open opportunities of
        ``domain`` expected to close in ``month``."""
        first, last = period_bounds("month", month)
        leads = self.sudo().search(
            [
                *domain,
                ("type", "=", "opportunity"),
                ("probability", "<", 100),
                ("date_deadline", ">=", first),
                ("date_deadline", "<=", last),
            ]
        )
        pairs = [(lead.expected_revenue, lead.probability) for lead in leads]
        return (
            forecast.weighted_forecast(pairs),
            forecast.effective_count([p for __, p in pairs]),
        )

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        """A team on the seven-stage pipeline does not see Odoo's generic
        stages as empty columns beside its own (two "Won" columns); a
        generic stage that still holds deals stays shown."""
        shown = super()._read_group_stage_ids(stages, domain)
        team_id = self.env.context.get("default_team_id")
        teams = self.env["crm.team"].browse(team_id) if team_id else None
        if not teams and self.env.context.get("show_user_team_stages"):
            teams = self.env.user.crm_team_ids
        if teams and all(teams.sudo().mapped("stm_probability_from_stage")):
            shown = shown.filtered(lambda stage: stage in stages or stage_teams(stage))
        return shown
