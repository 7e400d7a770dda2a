from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.compat import domain_not
from odoo.addons.sales_team_mgmt.policy import dossier
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

DOSSIER_TEXT_FIELDS = (
    "stm_background",
    "stm_org_structure",
    "stm_entry_point",
    "stm_competitor_analysis",
)


class CrmLead(models.Model):
    """A registered project's dossier (项目档案, seed 001): four texts and
    its dated progress, due months after registration."""

    _inherit = "crm.lead"

    stm_background = fields.Html(string="Background")
    stm_org_structure = fields.Html(string="Organisation")
    stm_entry_point = fields.Html(string="Entry Point")
    stm_competitor_analysis = fields.Html(string="Competitor Analysis")
    stm_progress_ids = fields.One2many(
        "stm.progress.entry", "lead_id", string="Progress"
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
        return {
            **super()._stm_access(),
            "stm_background": typed(),
            "stm_org_structure": typed(),
            "stm_entry_point": typed(),
            "stm_competitor_analysis": typed(),
            "stm_progress_ids": typed(),
            "stm_dossier_deadline": system(),
            "stm_dossier_complete": system(),
        }

    @api.depends("stm_registered_on", "team_id.stm_dossier_deadline_months")
    def _compute_stm_dossier_deadline(self):
        for lead in self:
            months = (
                lead.team_id.stm_dossier_deadline_months
                if lead.team_id
                else dossier.DEFAULT_DEADLINE_MONTHS
            )
            lead.stm_dossier_deadline = (
                dossier.deadline(lead.stm_registered_on, months) or False
            )

    @api.depends(*DOSSIER_TEXT_FIELDS, "stm_progress_ids")
    def _compute_stm_dossier_complete(self):
        # The role map's bridge also asks for the seven roles.
        for lead in self:
            lead.stm_dossier_complete = bool(
                all(_has_text(lead[f]) for f in DOSSIER_TEXT_FIELDS)
                and lead.stm_progress_ids
            )

    @api.depends("stm_registered", "stm_dossier_complete", "stm_dossier_deadline")
    def _compute_stm_dossier_state(self):
        today = fields.Date.context_today(self)
        for lead in self:
            lead.stm_dossier_state = (
                dossier.state(
                    lead.stm_registered,
                    lead.stm_dossier_complete,
                    lead.stm_dossier_deadline,
                    today,
                )
                or False
            )

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


def _has_text(html):
    """True when an Html field holds words, not just empty markup."""
    if not html:
        return False
    return bool(html2plaintext(html).strip())
