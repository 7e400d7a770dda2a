import json
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.policy import incentive, periods
from odoo.tools import SQL

# Approved statements older than this are not looked at again.
ADJUSTMENT_LOOKBACK_DAYS = 400


class StmIncentiveStatement(models.Model):
    """Preparing statements: a fixed number of grouped queries per period
    and plan, whatever the number of salespeople."""

    _inherit = "stm.incentive.statement"

    @api.model
    def _cron_prepare(self):
        """Daily: prepare the statements of every period that is over (each
        active plan's last one), and count the drafts again. Idempotent."""
        today = fields.Date.context_today(self)
        plans = self.env["stm.incentive.plan"].sudo().search([])
        created = self.browse()
        for period, period_plans in plans.grouped("period").items():
            first, last = periods.previous_period(period, today)
            created |= self._stm_prepare(
                period_plans.filtered(
                    lambda p, first=first, last=last: p._stm_covers(first, last)
                ),
                first,
                last,
            )
        drafts = self.sudo().search([("state", "=", "draft")])
        drafts._stm_fill()
        self.env["ir.cron"]._stm_commit_batch(len(drafts), len(drafts), 0)
        created._stm_ask_approval()
        return True

    @api.model
    def _stm_prepare(self, plans, first, last):
        """Create the missing statements of ``plans`` for first … last: one
        per salesperson who spent part of the period in the plan's team."""
        if not plans:
            return self.browse()
        members = self.env["crm.team.member"]._stm_members_between(
            first, last, plans.team_id
        )
        existing = {
            (statement.plan_id, statement.user_id)
            for statement in self.sudo().search(
                [("plan_id", "in", plans.ids), ("date_from", "=", first)]
            )
        }
        values, seen = [], set()
        for plan in plans:
            for member in members.filtered(
                lambda m, plan=plan: m.crm_team_id == plan.team_id
            ):
                key = (plan, member.user_id)
                if key in existing or key in seen:
                    continue
                seen.add(key)
                values.append(
                    {
                        "user_id": member.user_id.id,
                        "team_id": plan.team_id.id,
                        "plan_id": plan.id,
                        "company_id": plan.company_id.id,
                        "period": plan.period,
                        "date_from": first,
                        "date_to": last,
                    }
                )
        statements = self.sudo().create(values)
        statements._stm_fill()
        return statements

    def _stm_fill(self):
        """Count (again) the deals, target, adjustments and amounts of these
        draft statements."""
        statements = self.filtered(lambda s: s.state == "draft")
        if not statements:
            return
        members = self.env["crm.team.member"]._stm_members_between(
            min(statements.mapped("date_from")),
            max(statements.mapped("date_to")),
            statements.team_id,
        )
        memberships = defaultdict(list)
        for member in members:
            memberships[(member.user_id, member.crm_team_id)].append(member)
        spans, targets = {}, {}
        for statement in statements:
            own = memberships[(statement.user_id, statement.team_id)]
            windows = [
                m._stm_window(statement.date_from, statement.date_to) for m in own
            ]
            windows = [(start, end) for start, end in windows if start <= end]
            spans[statement] = (
                (min(w[0] for w in windows), max(w[1] for w in windows))
                if windows
                else (statement.date_from, statement.date_from - timedelta(days=1))
            )
            targets[statement] = round(
                sum(
                    m._stm_range_target(statement.date_from, statement.date_to)
                    for m in own
                ),
                2,
            )
        deals = self._stm_deals_in(spans)
        adjustments = statements._stm_adjustments()
        statements.sudo().line_ids.unlink()
        line_values = []
        for statement in statements:
            for lead in deals.get(statement, []):
                line_values.append(statement._stm_deal_line(lead))
            for origin, lead_id, name, amount in adjustments.get(statement, []):
                line_values.append(
                    {
                        "statement_id": statement.id,
                        "kind": "adjustment",
                        "lead_id": lead_id,
                        "name": name,
                        "amount": amount,
                        "origin_statement_id": origin.id,
                        "rate": origin.effective_rate,
                        "commission": round(amount * origin.effective_rate, 2),
                    }
                )
        lines = self.env["stm.incentive.statement.line"].sudo().create(line_values)
        statements._stm_write_totals(lines, spans, targets)

    def _stm_deal_line(self, lead):
        closed = lead.date_closed or lead.date_last_stage_update
        return {
            "statement_id": self.id,
            "kind": "deal",
            "lead_id": lead.id,
            "name": lead.name,
            "date_closed": closed and closed.date(),
            "amount": lead.expected_revenue,
        }

    def _stm_write_totals(self, lines, spans, targets):
        """Amounts of every statement from its lines and plan, written in one
        statement (an ORM write would send one UPDATE per salesperson)."""
        by_statement = defaultdict(list)
        for line in lines:
            by_statement[line.statement_id].append(line)
        rows = []
        for statement in self:
            plan = statement.plan_id
            own = by_statement[statement]
            won = round(sum(line.amount for line in own if line.kind == "deal"), 2)
            adjusted = [
                (line.amount, line.rate) for line in own if line.kind == "adjustment"
            ]
            target = targets[statement]
            totals = incentive.statement_totals(
                won,
                target,
                plan._stm_tiers(),
                plan.tier_mode,
                plan.bonus_amount,
                plan.bonus_pct,
                plan.allowance_ids.mapped("amount"),
                adjusted,
            )
            rows.append(
                SQL(
                    "(%s, %s::date, %s::date, %s::numeric, %s::numeric, "
                    "%s::numeric, %s::numeric, %s::numeric, %s::numeric, "
                    "%s::numeric, %s::numeric, %s::numeric, %s::numeric, %s::jsonb)",
                    statement.id,
                    spans[statement][0],
                    spans[statement][1],
                    won,
                    target,
                    totals["attainment_pct"],
                    totals["commission"],
                    round(sum(amount for amount, _rate in adjusted), 2),
                    totals["adjustment_commission"],
                    totals["bonus"],
                    totals["allowances"],
                    totals["total"],
                    incentive.effective_rate(totals["commission"], won),
                    json.dumps(totals["commission_slices"]),
                )
            )
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                "UPDATE stm_incentive_statement AS s SET count_from = v.count_from, "
                "count_to = v.count_to, won_amount = v.won, target_amount = v.target, "
                "attainment_pct = v.attainment, commission = v.commission, "
                "adjustment_amount = v.adjusted, adjustment_commission = v.adj_comm, "
                "bonus = v.bonus, allowances = v.allowances, total = v.total, "
                "effective_rate = v.rate, commission_slices = v.slices, "
                "write_uid = %s, write_date = %s "
                "FROM (VALUES %s) AS v(id, count_from, count_to, won, target, "
                "attainment, commission, adjusted, adj_comm, bonus, allowances, "
                "total, rate, slices) WHERE s.id = v.id",
                self.env.uid,
                self.env.cr.now(),
                SQL(", ").join(rows),
            )
        )
        fnames = self._stm_counted_fields
        self.invalidate_recordset(fnames)
        self.modified(fnames)

    @api.model
    def _stm_deals_in(self, spans):
        """{statement: won leads of its salesperson within its span}, one
        search per distinct span and time zone."""
        by_span = defaultdict(lambda: self.browse())
        for statement, span in spans.items():
            if span[0] <= span[1]:
                by_span[span] |= statement
        Figures = self.env["stm.figures"]
        result = {}
        for (start, end), statements in by_span.items():
            won = Figures._stm_won_deals(
                statements.user_id, statements.company_id, start, end
            )
            for statement in statements:
                result[statement] = won.get(statement.user_id, [])
        return result

    def _stm_adjustments(self):
        """{statement: [(origin statement, lead id, name, difference)]}: for
        the newest draft of each salesperson and team, what changed in the
        deals of their approved statements since they were counted."""
        newest = {}
        for statement in self.sorted("date_from"):
            newest[(statement.user_id, statement.team_id)] = statement
        origins = self.sudo().search(
            [
                ("state", "=", "approved"),
                ("user_id", "in", self.user_id.ids),
                ("team_id", "in", self.team_id.ids),
                (
                    "date_to",
                    ">=",
                    fields.Date.context_today(self)
                    - timedelta(days=ADJUSTMENT_LOOKBACK_DAYS),
                ),
            ]
        )
        origins = origins.filtered(
            lambda o: (
                (o.user_id, o.team_id) in newest
                and o.date_to < newest[(o.user_id, o.team_id)].date_from
            )
        )
        if not origins:
            return {}
        counted = defaultdict(float)
        names = {}
        settled = (
            self.env["stm.incentive.statement.line"]
            .sudo()
            .search(
                [
                    "|",
                    ("statement_id", "in", origins.ids),
                    "&",
                    ("origin_statement_id", "in", origins.ids),
                    ("statement_id.state", "=", "approved"),
                ]
            )
        )
        for line in settled:
            origin = line.origin_statement_id or line.statement_id
            counted[(origin, line.lead_id.id)] += line.amount
            names[line.lead_id.id] = line.name
        current = {}
        for origin, leads in self._stm_deals_in(
            {origin: (origin.count_from, origin.count_to) for origin in origins}
        ).items():
            for lead in leads:
                current[(origin, lead.id)] = lead.expected_revenue
                names[lead.id] = lead.name
        result = defaultdict(list)
        for (origin, lead_id), difference in sorted(
            incentive.adjustments(counted, current).items(),
            key=lambda item: (item[0][0].date_from, item[0][1]),
        ):
            statement = newest[(origin.user_id, origin.team_id)]
            result[statement].append((origin, lead_id, names[lead_id], difference))
        return result

    def _stm_ask_approval(self):
        """One to-do per new statement for the team's leader, in his language."""
        Activity = self.env["mail.activity"]
        Activity._stm_schedule_batch(
            self.filtered("team_id.user_id"),
            fields.Date.context_today(self),
            lambda statement, env: env._(
                "Approve the statement of %s", statement.user_id.name
            ),
            user_of=lambda statement: statement.team_id.user_id,
        )
