from odoo import api, fields, models

from ..policy import periods


class StmPeriodMixin(models.AbstractModel):
    """A record about one calendar period (a month, quarter, half or year):
    whatever day a client gives for its start — the form, an import, RPC —
    stands for the period that holds it, and the end follows (one
    definition: policy ``periods.period_bounds``). A model narrows the
    choice by redefining ``period``."""

    _name = "stm.period.mixin"
    _description = "Calendar Period"

    # A method, not a list: each model gives its own list without Odoo
    # taking it for an override of this one.
    period = fields.Selection(
        selection="_stm_period_choices", required=True, default="month"
    )
    date_from = fields.Date(
        string="From",
        required=True,
        compute="_compute_date_from",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="Any day of the period: it starts on the period's first day.",
    )
    date_to = fields.Date(
        string="To",
        required=True,
        compute="_compute_date_to",
        store=True,
        precompute=True,
    )

    def _stm_period_choices(self):
        return periods.PERIODS

    @api.depends("period")
    def _compute_date_from(self):
        today = fields.Date.context_today(self)
        for record in self:
            if record.period:
                record.date_from = periods.period_bounds(
                    record.period, record.date_from or today
                )[0]

    @api.depends("period", "date_from")
    def _compute_date_to(self):
        for record in self:
            record.date_to = (
                periods.period_bounds(record.period, record.date_from)[1]
                if record.period and record.date_from
                else False
            )

    @api.onchange("date_from")
    def _onchange_date_from(self):
        if self.date_from and self.period:
            self.date_from = periods.period_bounds(self.period, self.date_from)[0]

    @api.model_create_multi
    def create(self, vals_list):
        default = None  # read once, when a record needs it
        for vals in vals_list:
            period = vals.get("period")
            if not period and vals.get("date_from"):
                if default is None:
                    default = self.default_get(["period"]).get("period")
                period = default
            if vals.get("date_from") and period:
                vals["date_from"] = periods.period_bounds(
                    period, fields.Date.to_date(vals["date_from"])
                )[0]
        return super().create(vals_list)

    def write(self, vals):
        if not vals.get("date_from"):
            # A new period alone moves the start by the compute above.
            return super().write(vals)
        day = fields.Date.to_date(vals["date_from"])
        if vals.get("period"):
            first = periods.period_bounds(vals["period"], day)[0]
            return super().write({**vals, "date_from": first})
        # The same day stands for another start in a month and in a quarter:
        # one write per period among the records.
        for period, records in self.grouped("period").items():
            first = periods.period_bounds(period, day)[0]
            super(StmPeriodMixin, records).write({**vals, "date_from": first})
        return True
