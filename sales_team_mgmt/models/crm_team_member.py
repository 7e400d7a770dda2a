from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..access import typed
from ..compat import Constraint
from ..policy import incentive, periods


class CrmTeamMember(models.Model):
    _name = "crm.team.member"
    _inherit = ["stm.access.mixin", "crm.team.member"]

    stm_revenue_target = fields.Monetary(
        string="Yearly Revenue Target",
        currency_field="stm_currency_id",
        tracking=True,
        help="Won revenue expected from this salesperson in a calendar year, "
        "split into months evenly or by the team's monthly weights; a quarter "
        "is the sum of its months.",
    )
    stm_currency_id = fields.Many2one(related="crm_team_id.stm_currency_id")
    # No default: memberships older than the module stay "since always"
    # (empty) instead of all joining on the day it was installed.
    stm_joined_on = fields.Date(
        string="In the Team Since",
        help="Counts for the newcomer honour and for the share of a month's "
        "target carried by this team when the salesperson changed team. "
        "Empty: since before the module was installed.",
    )
    stm_left_on = fields.Date(
        string="Left the Team On",
        help="Set when the membership is archived: the team keeps the days "
        "before it in its targets and statements (this day is not counted).",
    )

    stm_mentor_id = fields.Many2one(
        "res.users",
        string="Mentor",
        tracking=True,
        domain="[('share', '=', False), ('id', '!=', user_id)]",
        help="A colleague who guides the newcomer (导师): he sees him on the "
        "board and gets his weekly visit summary while he is new.",
    )

    _stm_revenue_target_positive = Constraint(
        "CHECK(stm_revenue_target >= 0)",
        "A revenue target cannot be negative.",
    )

    def _stm_access(self):
        sales = "sales_team.group_sale_salesman"
        return {
            **super()._stm_access(),
            "stm_revenue_target": typed(read=sales),
            "stm_joined_on": typed(),
            "stm_left_on": typed(),
            "stm_mentor_id": typed(),
        }

    @api.constrains("stm_joined_on", "stm_left_on")
    def _check_stm_membership_dates(self):
        for member in self:
            if (
                member.stm_joined_on
                and member.stm_left_on
                and member.stm_left_on < member.stm_joined_on
            ):
                raise ValidationError(
                    self.env._(
                        "%s cannot leave the team before joining it.",
                        member.user_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            vals.setdefault("stm_joined_on", today)
        return super().create(vals_list)

    def write(self, vals):
        if "active" in vals and "stm_left_on" not in vals:
            today = fields.Date.context_today(self)
            changing = self.filtered(lambda m: m.active != bool(vals["active"]))
            result = super().write(vals)
            if vals["active"]:
                # Back in the team: a new membership, counted from today.
                changing.write({"stm_joined_on": today, "stm_left_on": False})
            else:
                changing.write({"stm_left_on": today})
            return result
        return super().write(vals)

    def _stm_period_target(self, period, day):
        """This membership's target for the month, quarter or year holding
        ``day``."""
        return self._stm_range_target(*periods.period_bounds(period, day))

    def _stm_range_target(self, first, last):
        """This membership's target for the days ``first`` … ``last``: the
        months of the team's split, each for the days spent in the team."""
        self.ensure_one()
        return incentive.range_target(
            self.stm_revenue_target,
            self.crm_team_id._stm_month_weights(),
            first,
            last,
            self.stm_joined_on,
            self.stm_left_on,
        )

    def _stm_window(self, first, last):
        """(first, last) day of the period spent in the team."""
        self.ensure_one()
        start = max(first, self.stm_joined_on) if self.stm_joined_on else first
        left = self.stm_left_on
        end = min(last, left - timedelta(days=1)) if left else last
        return start, end

    @api.model
    def _stm_members_between(self, first, last, teams=None):
        """Memberships of active salespeople that overlap the days first …
        last, archived ones included (a salesperson who changed team has
        one in each)."""
        domain = [
            ("user_id.active", "=", True),
            "|",
            ("stm_joined_on", "=", False),
            ("stm_joined_on", "<=", last),
            "|",
            ("stm_left_on", "=", False),
            ("stm_left_on", ">", first),
        ]
        if teams is not None:
            domain.append(("crm_team_id", "in", teams.ids))
        members = self.sudo().with_context(active_test=False).search(domain)
        # An archived membership without a leaving day ended before the
        # module counted it: it does not take part.
        return members.filtered(lambda m: m.active or m.stm_left_on)

    @api.model
    def _stm_mentees(self, today):
        """Active memberships of newcomers who have a mentor."""
        members = self.sudo().search([("stm_mentor_id", "!=", False)])
        return members.filtered(
            lambda m: incentive.is_newcomer(
                m.stm_joined_on, today, m.crm_team_id.stm_newcomer_months
            )
        )
