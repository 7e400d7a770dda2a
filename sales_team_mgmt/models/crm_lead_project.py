from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from ..access import action, system, typed
from ..compat import domain_not

DOSSIER_TEXT_FIELDS = (
    "stm_background",
    "stm_org_structure",
    "stm_entry_point",
    "stm_competitor_analysis",
)


class CrmLead(models.Model):
    """Registered projects (立项) and their dossier (seed 001)."""

    _inherit = "crm.lead"

    stm_registered = fields.Boolean(
        string="Registered Project", copy=False, tracking=True, index=True
    )
    stm_registered_on = fields.Date(string="Registered On", copy=False, tracking=True)
    stm_self_developed = fields.Boolean(
        string="Self-developed",
        default=True,
        copy=False,
        help="Found by the salesperson, not handed over by marketing nor "
        "assigned by a manager. Only these count towards the yearly quota.",
    )
    stm_background = fields.Html(string="Background")
    stm_org_structure = fields.Html(string="Organisation")
    stm_entry_point = fields.Html(string="Entry Point")
    stm_competitor_analysis = fields.Html(string="Competitor Analysis")
    stm_progress_ids = fields.One2many(
        "stm.progress.entry", "lead_id", string="Progress"
    )
    stm_visit_ids = fields.One2many("stm.visit", "lead_id", string="Visits")
    stm_visit_count = fields.Integer(
        string="Visit Count", compute="_compute_stm_visit_count"
    )
    stm_dossier_deadline = fields.Date(
        string="Dossier Due",
        compute="_compute_stm_dossier_deadline",
        store=True,
        index="btree_not_null",
    )
    stm_dossier_complete = fields.Boolean(
        string="Dossier Complete", compute="_compute_stm_dossier_complete", store=True
    )
    stm_dossier_state = fields.Selection(
        [
            ("complete", "Complete"),
            ("incomplete", "Incomplete"),
            ("overdue", "Overdue"),
        ],
        string="Dossier",
        compute="_compute_stm_dossier_state",
        search="_search_stm_dossier_state",
    )

    def _stm_access(self):
        manager = "sales_team.group_sale_manager"
        project = action(self.env._("the Register Project button"), by=manager)
        return {
            **super()._stm_access(),
            "stm_registered": project,
            "stm_registered_on": project,
            "stm_self_developed": action(
                self.env._("a sales manager's assignment of the lead"), by=manager
            ),
            "stm_background": typed(),
            "stm_org_structure": typed(),
            "stm_entry_point": typed(),
            "stm_competitor_analysis": typed(),
            "stm_progress_ids": typed(),
            "stm_visit_ids": typed(),
            "stm_dossier_deadline": system(),
            "stm_dossier_complete": system(),
        }

    def _compute_stm_visit_count(self):
        counts = self.env["stm.visit"]._stm_counts("lead_id", self)
        for lead in self:
            lead.stm_visit_count = counts.get(lead, 0)

    @api.depends("stm_registered_on", "team_id.stm_dossier_deadline_months")
    def _compute_stm_dossier_deadline(self):
        for lead in self:
            months = lead.team_id.stm_dossier_deadline_months if lead.team_id else 3
            lead.stm_dossier_deadline = (
                lead.stm_registered_on + relativedelta(months=months)
                if lead.stm_registered_on
                else False
            )

    @api.depends(*DOSSIER_TEXT_FIELDS, "stm_progress_ids")
    def _compute_stm_dossier_complete(self):
        # The role map add-on also asks for the seven roles.
        for lead in self:
            lead.stm_dossier_complete = bool(
                all(_has_text(lead[f]) for f in DOSSIER_TEXT_FIELDS)
                and lead.stm_progress_ids
            )

    @api.depends("stm_registered", "stm_dossier_complete", "stm_dossier_deadline")
    def _compute_stm_dossier_state(self):
        today = fields.Date.context_today(self)
        for lead in self:
            if not lead.stm_registered:
                lead.stm_dossier_state = False
            elif lead.stm_dossier_complete:
                lead.stm_dossier_state = "complete"
            elif lead.stm_dossier_deadline and lead.stm_dossier_deadline < today:
                lead.stm_dossier_state = "overdue"
            else:
                lead.stm_dossier_state = "incomplete"

    def _search_stm_dossier_state(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, (str, bool)):
            raise UserError(self.env._("Unsupported search on the dossier state."))
        today = fields.Date.context_today(self)
        domains = {
            "complete": [
                ("stm_registered", "=", True),
                ("stm_dossier_complete", "=", True),
            ],
            "overdue": [
                ("stm_registered", "=", True),
                ("stm_dossier_complete", "=", False),
                ("stm_dossier_deadline", "<", today),
            ],
            "incomplete": [
                ("stm_registered", "=", True),
                ("stm_dossier_complete", "=", False),
                "|",
                ("stm_dossier_deadline", "=", False),
                ("stm_dossier_deadline", ">=", today),
            ],
            False: [("stm_registered", "=", False)],
        }
        domain = domains.get(value, [("id", "=", 0)])
        if operator == "=":
            return domain
        return domain_not(domain)

    def action_stm_log_visit(self):
        """Quick "Log visit" from the lead."""
        self.ensure_one()
        return self.env["stm.visit"]._stm_log_action(self.partner_id, lead=self)

    @api.readonly
    def action_stm_view_visits(self):
        self.ensure_one()
        return self.env["stm.visit"]._stm_list_action(
            [("lead_id", "=", self.id)],
            {
                "default_lead_id": self.id,
                "default_partner_id": self.partner_id.commercial_partner_id.id,
            },
        )

    def action_stm_register_project(self):
        """立项: this opportunity is a registered project from today."""
        today = fields.Date.context_today(self)
        for lead in self:
            if lead.stm_registered:
                raise UserError(self.env._("%s is already registered.", lead.name))
        # Whoever may edit the lead may register it; the fields themselves are
        # the button's (they date the project for the quotas).
        self.check_access("write")
        self.sudo().write({"stm_registered": True, "stm_registered_on": today})
        return True


def _has_text(html):
    """True when an Html field holds words, not just empty markup."""
    if not html:
        return False
    return bool(html2plaintext(html).strip())
