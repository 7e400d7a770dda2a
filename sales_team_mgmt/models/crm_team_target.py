from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

from ..access import typed
from ..compat import Constraint
from ..policy import incentive

WEIGHT_FIELDS = tuple(f"stm_weight_{month:02d}" for month in range(1, 13))


def _weight(label):
    return fields.Float(
        string=f"{label} Weight",
        default=1.0,
        digits=(6, 2),
        help="This month's share of the yearly targets, relative to the "
        "other months (all 1: twelve equal months).",
    )


class CrmTeam(models.Model):
    """Targets of the team: its members' yearly targets split into months
    (evenly or by seasonal weights), their sums for the month, quarter and
    year, and the won revenue against them."""

    _inherit = "crm.team"

    stm_target_split = fields.Selection(
        [("even", "Twelve Equal Months"), ("weighted", "Seasonal Weights")],
        string="Split of Yearly Targets",
        default="even",
        required=True,
    )
    stm_weight_01 = _weight("January")
    stm_weight_02 = _weight("February")
    stm_weight_03 = _weight("March")
    stm_weight_04 = _weight("April")
    stm_weight_05 = _weight("May")
    stm_weight_06 = _weight("June")
    stm_weight_07 = _weight("July")
    stm_weight_08 = _weight("August")
    stm_weight_09 = _weight("September")
    stm_weight_10 = _weight("October")
    stm_weight_11 = _weight("November")
    stm_weight_12 = _weight("December")
    stm_newcomer_months = fields.Integer(
        string="Newcomer for (months)",
        default=incentive.DEFAULT_NEWCOMER_MONTHS,
        help="Salespeople who joined the team within this many months are "
        "newcomers: their mentor shows on their card, and they compete for the "
        "best newcomer honour.",
    )
    stm_channel_id = fields.Many2one(
        "discuss.channel",
        string="Team Channel",
        copy=False,
        help="Where honours and published rankings are announced; created "
        "with the team's members the first time one is.",
    )

    # Odoo's team currency is empty for a team without a company.
    stm_currency_id = fields.Many2one(
        "res.currency", string="Target Currency", compute="_compute_stm_currency_id"
    )
    stm_target_month = fields.Monetary(
        currency_field="stm_currency_id",
        string="Target This Month",
        compute="_compute_stm_targets",
    )
    stm_target_quarter = fields.Monetary(
        currency_field="stm_currency_id",
        string="Target This Quarter",
        compute="_compute_stm_targets",
    )
    stm_target_year = fields.Monetary(
        currency_field="stm_currency_id",
        string="Target This Year",
        compute="_compute_stm_targets",
    )
    stm_won_month = fields.Monetary(
        currency_field="stm_currency_id",
        string="Won This Month",
        compute="_compute_stm_targets",
    )
    stm_won_quarter = fields.Monetary(
        currency_field="stm_currency_id",
        string="Won This Quarter",
        compute="_compute_stm_targets",
    )
    stm_won_year = fields.Monetary(
        currency_field="stm_currency_id",
        string="Won This Year",
        compute="_compute_stm_targets",
    )
    stm_attainment_month = fields.Float(
        string="Reached This Month (%)", compute="_compute_stm_targets"
    )
    stm_attainment_quarter = fields.Float(
        string="Reached This Quarter (%)", compute="_compute_stm_targets"
    )
    stm_attainment_year = fields.Float(
        string="Reached This Year (%)", compute="_compute_stm_targets"
    )

    _stm_newcomer_months_range = Constraint(
        "CHECK(stm_newcomer_months >= 0 AND stm_newcomer_months <= 120)",
        "Newcomers are counted over 0 to 120 months.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            **dict.fromkeys(WEIGHT_FIELDS, typed()),
            "stm_target_split": typed(),
            "stm_newcomer_months": typed(),
            "stm_channel_id": typed(),
        }

    @api.constrains("stm_target_split", *WEIGHT_FIELDS)
    def _check_stm_weights(self):
        for team in self.filtered(lambda t: t.stm_target_split == "weighted"):
            problem = incentive.weights_problem(team[f] for f in WEIGHT_FIELDS)
            if problem == "negative":
                raise ValidationError(
                    self.env._("%s: a month's weight cannot be negative.", team.name)
                )
            if problem:
                raise ValidationError(
                    self.env._(
                        "%s: give at least one month a weight above zero, or "
                        "split the targets evenly.",
                        team.name,
                    )
                )

    @api.depends("company_id")
    @api.depends_context("company")
    def _compute_stm_currency_id(self):
        for team in self:
            team.stm_currency_id = (team.company_id or self.env.company).currency_id

    def _stm_month_weights(self):
        """The twelve weights of the split, or None for an even one."""
        self.ensure_one()
        if self.stm_target_split != "weighted":
            return None
        return [self[f] for f in WEIGHT_FIELDS]

    @api.depends_context("uid", "company", "tz")
    def _compute_stm_targets(self):
        members = self.env["crm.team.member"].search([("crm_team_id", "in", self.ids)])
        for team in self:
            cards = members.filtered(lambda m, team=team: m.crm_team_id == team)
            for period, won_field in (
                ("month", "stm_board_won_month"),
                ("quarter", "stm_board_won_quarter"),
                ("year", "stm_board_revenue"),
            ):
                target = sum(cards.mapped(f"stm_board_target_{period}"))
                won = sum(cards.mapped(won_field))
                team[f"stm_target_{period}"] = target
                team[f"stm_won_{period}"] = won
                team[f"stm_attainment_{period}"] = (
                    incentive.attainment_pct(won, target) or 0.0
                )

    def _stm_channel(self):
        """The team's channel, created with its members the first time (the
        honours and the published rankings are announced there)."""
        self.ensure_one()
        if self.stm_channel_id:
            return self.stm_channel_id
        partners = (self.member_ids | self.user_id).partner_id
        channel = (
            self.env["discuss.channel"]
            .sudo()
            .create(
                {
                    "name": self.name,
                    "channel_type": "channel",
                    "description": self.env._("Sales team %s", self.name),
                    "channel_member_ids": [
                        Command.create({"partner_id": partner.id})
                        for partner in partners
                    ],
                }
            )
        )
        self.sudo().stm_channel_id = channel
        return channel
