from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.policy import competition


class StmCompetitor(models.Model):
    """A competitor met in the field (seed 003 ch. 8), with what the deals it
    competed in say: how often we meet it, win, lose to it, and how much
    revenue it took."""

    _name = "stm.competitor"
    _description = "Competitor"
    _inherit = ["stm.access.mixin", "mail.thread"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    website = fields.Char()
    price_level = fields.Selection(
        [("lower", "Cheaper than Us"), ("similar", "Similar"), ("higher", "Dearer")],
        string="Price Level",
        tracking=True,
    )
    strengths = fields.Text()
    weaknesses = fields.Text()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    intel_ids = fields.One2many("stm.competitor.intel", "competitor_id", string="Intel")
    deal_count = fields.Integer(string="Deals", compute="_compute_figures")
    won_count = fields.Integer(string="Won against It", compute="_compute_figures")
    lost_count = fields.Integer(string="Lost to It", compute="_compute_figures")
    win_rate = fields.Float(
        string="Win Rate (%)",
        compute="_compute_figures",
        digits=(5, 1),
        help="Deals won where it competed, over those won or lost to it.",
    )
    lost_revenue = fields.Monetary(
        string="Revenue Lost to It",
        compute="_compute_figures",
        currency_field="currency_id",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    intel_count = fields.Integer(string="Intel Reports", compute="_compute_figures")

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "name": typed(by="sales_team_mgmt.group_stm_sales_admin"),
            "website": typed(by="sales_team_mgmt.group_stm_sales_admin"),
            "price_level": typed(by="sales_team_mgmt.group_stm_sales_admin"),
            "strengths": typed(by="sales_team_mgmt.group_stm_sales_admin"),
            "weaknesses": typed(by="sales_team_mgmt.group_stm_sales_admin"),
            "active": typed(by="sales_team_mgmt.group_stm_sales_admin"),
            "company_id": typed(by="sales_team_mgmt.group_stm_sales_admin"),
            "intel_ids": system(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_view_deals": "whoever reads the competitor",
            "action_view_intel": "whoever reads the competitor",
        }

    @api.depends_context("allowed_company_ids")
    def _compute_figures(self):
        # Counted as superuser over the companies the reader works in: the
        # figures of a competitor, not a list of colleagues' deals. Lost deals
        # are archived: the context keeps them.
        companies = [*self.env.companies.ids, False]
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        deals, won = {}, {}
        for competitor, stage, count in Lead._read_group(
            [
                ("stm_competitor_ids", "in", self.ids),
                ("company_id", "in", companies),
                ("type", "=", "opportunity"),
            ],
            ["stm_competitor_ids", "stage_id"],
            ["__count"],
        ):
            deals[competitor] = deals.get(competitor, 0) + count
            if stage.is_won:
                won[competitor] = won.get(competitor, 0) + count
        lost = {
            competitor: (count, revenue)
            for competitor, count, revenue in Lead._read_group(
                [("stm_lost_to_id", "in", self.ids), ("company_id", "in", companies)],
                ["stm_lost_to_id"],
                ["__count", "expected_revenue:sum"],
            )
        }
        intel = dict(
            self.env["stm.competitor.intel"]
            .sudo()
            ._read_group(
                [
                    ("competitor_id", "in", self.ids),
                    ("company_id", "in", self.env.companies.ids),
                ],
                ["competitor_id"],
                ["__count"],
            )
        )
        for competitor in self:
            lost_count, lost_revenue = lost.get(competitor, (0, 0.0))
            competitor.deal_count = deals.get(competitor, 0)
            competitor.won_count = won.get(competitor, 0)
            competitor.lost_count = lost_count
            competitor.lost_revenue = lost_revenue
            competitor.win_rate = (
                competition.win_rate(competitor.won_count, lost_count) or 0.0
            )
            competitor.intel_count = intel.get(competitor, 0)

    def _stm_window(self, model, name, domain, context, views):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "views": [(False, view) for view in views],
            "domain": domain,
            "context": context,
            "target": "current",
        }

    def action_view_deals(self):
        self.ensure_one()
        self.check_access("read")
        return self._stm_window(
            "crm.lead",
            self.env._("Deals against %(competitor)s", competitor=self.name),
            [("stm_competitor_ids", "in", self.ids), ("type", "=", "opportunity")],
            {"active_test": False},
            ["list", "kanban", "form"],
        )

    def action_view_intel(self):
        self.ensure_one()
        self.check_access("read")
        return self._stm_window(
            "stm.competitor.intel",
            self.env._("Intel on %(competitor)s", competitor=self.name),
            [("competitor_id", "=", self.id)],
            {"default_competitor_id": self.id},
            ["list", "graph", "pivot", "form"],
        )
