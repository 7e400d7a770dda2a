from odoo import api, fields, models
from odoo.exceptions import UserError

from ..actions import notify, open_records
from ..compat import USER_ALL_GROUPS, USER_GROUPS
from ..policy import marketing, quota


class ResUsers(models.Model):
    _inherit = "res.users"

    stm_research_leads_12m = fields.Integer(
        string="Research Leads (12 months)", compute="_compute_stm_marketing_quota"
    )
    stm_product_research_leads_12m = fields.Integer(
        string="New-product Research (12 months)",
        compute="_compute_stm_marketing_quota",
    )
    stm_marketing_quota_met = fields.Boolean(
        string="Quota Met", compute="_compute_stm_marketing_quota"
    )
    stm_is_marketing = fields.Boolean(
        string="Marketing",
        compute="_compute_stm_roles",
        search="_search_stm_is_marketing",
    )
    stm_is_salesperson = fields.Boolean(
        string="Can Own Customers",
        compute="_compute_stm_roles",
        search="_search_stm_is_salesperson",
        help="May own customers: pickers that hand customers over offer only "
        "these people.",
    )

    def _compute_stm_roles(self):
        for user in self:
            user.stm_is_marketing = user.has_group(
                "sales_team_mgmt.group_stm_marketing"
            )
            user.stm_is_salesperson = user.has_group("sales_team.group_sale_salesman")

    def _search_stm_is_marketing(self, operator, value):
        return self._stm_search_group(
            "sales_team_mgmt.group_stm_marketing", operator, value
        )

    def _search_stm_is_salesperson(self, operator, value):
        return self._stm_search_group("sales_team.group_sale_salesman", operator, value)

    def _stm_search_group(self, xmlid, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        positive = (operator == "=") == bool(value)
        return [
            (USER_ALL_GROUPS, "in" if positive else "not in", self.env.ref(xmlid).ids)
        ]

    @api.model
    def _stm_set_groups(self, user_id, group_ids):
        """The demo data's people get exactly these groups (the field is
        named differently on Odoo 18 and 19)."""
        self.browse(user_id).write({USER_GROUPS: [(6, 0, group_ids)]})

    @api.model
    def _stm_sales_admins(self, companies):
        """The sales admins (sales managers included) working in any of
        ``companies``: who hears of a report or a risk. One search."""
        group = self.env.ref("sales_team_mgmt.group_stm_sales_admin")
        return self.sudo().search(
            [
                (USER_ALL_GROUPS, "in", group.ids),
                ("share", "=", False),
                ("company_ids", "in", companies.ids),
            ]
        )

    @api.model
    def _stm_is_sales_manager(self):
        """Whether the current environment may act as a sales manager: settle
        disputes, close alarms, pin claims, edit locked facts, delete leads.
        Called on ``env["res.users"]`` so that superuser mode counts."""
        return self.env.su or self.env.user.has_group("sales_team.group_sale_manager")

    def write(self, vals):
        leaving = (
            self.filtered("active") if "active" in vals and not vals["active"] else None
        )
        result = super().write(vals)
        if leaving:
            # A salesperson leaves: his customers wait in a hand-over.
            self.env["stm.handover"]._stm_open_for(leaving)
        return result

    def action_archive(self):
        """Archiving a salesperson who holds customers says so: the hand-over
        it opened is shown (or named, to whoever may not open it)."""
        result = super().action_archive()
        handovers = (
            self.env["stm.handover"]
            .sudo()
            .search([("user_id", "in", self.ids), ("state", "=", "draft")])
        )
        if result or not handovers:
            return result
        Handover = self.env["stm.handover"]
        if Handover.has_access("read"):
            return open_records(
                handovers.with_env(self.env), self.env._("Customer Hand-overs")
            )
        return notify(
            self.env._(
                "%(count)s customers of %(people)s wait in a hand-over for "
                "the sales manager.",
                count=len(handovers.line_ids),
                people=", ".join(handovers.user_id.mapped("name")),
            ),
            kind="warning",
            sticky=True,
        )

    def _stm_env(self):
        """An environment speaking this user's language: texts written for
        someone (activities, notes, SMS) are in the reader's language, not
        in that of whoever or whatever wrote them."""
        self.ensure_one()
        return self.env(context=dict(self.env.context, lang=self.lang or "en_US"))

    @api.model
    def _stm_decides_for(self, leaders):
        """Whether the current user takes the manager's decision on records
        whose teams are led by ``leaders`` (one user per record, possibly
        empty): settling a dispute, closing an alarm, appraising, deciding a
        forecast or request. The decision is the team's: its leader's, or any
        sales manager's for a team without a leader; administrators of the
        database stand above every team. Other managers read."""
        user = self.env.user
        if self.env.su or user.has_group("base.group_system"):
            return True
        if not user.has_group("sales_team.group_sale_manager"):
            return False
        return all(not leader or leader == user for leader in leaders)

    @api.model
    def _stm_check_decides_for(self, leaders):
        if not self._stm_decides_for(leaders):
            names = ", ".join(sorted({leader.name for leader in leaders if leader}))
            raise UserError(
                self.env._(
                    "This decision belongs to the team's leader (%s).",
                    names or self.env._("a sales manager"),
                )
            )

    @api.model
    def _stm_check_sales_manager(self, message=None):
        if not self._stm_is_sales_manager():
            raise UserError(message or self.env._("Only a sales manager can do this."))

    def _compute_stm_marketing_quota(self):
        first_day = quota.rolling_year(fields.Date.context_today(self))[0]
        counts = {
            (user, kind): count
            for user, kind, count in self.env["crm.lead"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    ("stm_marketing_user_id", "in", self.ids),
                    ("company_id", "in", [*self.env.companies.ids, False]),
                    ("stm_research_kind", "!=", False),
                    ("stm_handed_over_on", ">=", first_day),
                ],
                ["stm_marketing_user_id", "stm_research_kind"],
                ["__count"],
            )
        }
        for user in self:
            product = counts.get((user, "product"), 0)
            research = counts.get((user, "market"), 0) + product
            company = user.company_id
            user.stm_research_leads_12m = research
            user.stm_product_research_leads_12m = product
            user.stm_marketing_quota_met = marketing.quota_met(
                research,
                product,
                company.stm_marketing_research_quota,
                company.stm_marketing_product_quota,
            )
