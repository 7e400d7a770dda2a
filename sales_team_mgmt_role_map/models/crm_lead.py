from markupsafe import Markup

from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.policy.power import role_map_completeness
from odoo.tools import format_list


class CrmLead(models.Model):
    """The lead's buying centre: who holds which of the seven roles."""

    _inherit = "crm.lead"

    stm_buying_role_ids = fields.One2many(
        "stm.buying.role", "lead_id", string="Buying Roles"
    )
    stm_role_map_missing = fields.Char(
        string="Roles Still Missing",
        compute="_compute_stm_role_map_missing",
        help="The roles of the buying centre nobody is mapped to yet.",
    )
    stm_role_map_html = fields.Html(
        string="Role Map",
        compute="_compute_stm_role_map_missing",
        sanitize=False,
    )
    stm_role_map_completeness = fields.Integer(
        string="Role Map (%)",
        compute="_compute_stm_role_map_completeness",
        store=True,
        aggregator="avg",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            # The roles keep their own rules.
            "stm_buying_role_ids": typed(),
            "stm_role_map_completeness": system(),
        }

    @api.depends("stm_buying_role_ids.role", "stm_buying_role_ids.partner_id")
    @api.depends_context("lang")
    def _compute_stm_role_map_missing(self):
        labels = dict(
            self.env["stm.buying.role"]._fields["role"]._description_selection(self.env)
        )
        missing_label = self.env._("missing")
        for lead in self:
            people = {role: [] for role in labels}
            for mapped in lead.stm_buying_role_ids:
                people[mapped.role].append(mapped.partner_id.name or "")
            # "发起者、用户和把关者" in Chinese, "Initiator, User, and
            # Gatekeeper" in English: the reader's own way of listing.
            lead.stm_role_map_missing = format_list(
                self.env, [labels[role] for role, names in people.items() if not names]
            )
            # The seven roles at a glance, the empty ones marked: a phone
            # shows one kanban column at a time.
            rows = Markup("").join(
                Markup('<tr><td class="text-nowrap pe-2">%s</td><td>%s</td></tr>')
                % (
                    labels[role],
                    format_list(self.env, names)
                    if names
                    else Markup('<span class="badge text-bg-danger">%s</span>')
                    % missing_label,
                )
                for role, names in people.items()
            )
            lead.stm_role_map_html = (
                Markup('<table class="table table-sm mb-2"><tbody>%s</tbody></table>')
                % rows
            )

    @api.depends("stm_buying_role_ids.role")
    def _compute_stm_role_map_completeness(self):
        for lead in self:
            lead.stm_role_map_completeness = role_map_completeness(
                lead.stm_buying_role_ids.mapped("role")
            )
