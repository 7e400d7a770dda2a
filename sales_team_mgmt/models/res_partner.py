from odoo import api, fields, models
from odoo.exceptions import UserError

from ..policy.keys import MAX_IDENTITY_LENGTH, identity_keys, oversized


class ResPartner(models.Model):
    _inherit = "res.partner"

    stm_claim_ids = fields.One2many("stm.claim", "partner_id", string="Customer Claims")
    stm_visit_count = fields.Integer(
        string="Visit Count", compute="_compute_stm_visit_count"
    )

    def _compute_stm_visit_count(self):
        counts = self.env["stm.visit"]._stm_counts(
            "partner_id", self.commercial_partner_id
        )
        for partner in self:
            partner.stm_visit_count = counts.get(partner.commercial_partner_id, 0)

    def action_stm_view_visits(self):
        self.ensure_one()
        company = self.commercial_partner_id
        return self.env["stm.visit"]._stm_list_action(
            [("partner_id", "=", company.id)], {"default_partner_id": company.id}
        )

    def action_stm_log_visit(self):
        self.ensure_one()
        return self.env["stm.visit"]._stm_log_action(self)

    @api.model
    def _stm_check_sizes(self, values):
        too_long = oversized(values)
        if too_long:
            raise UserError(
                self.env._(
                    "%(fields)s: too long (at most %(limit)s characters).",
                    fields=", ".join(too_long),
                    limit=MAX_IDENTITY_LENGTH,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        # Refused up front: a 1 MB name would otherwise reach the database's
        # name index and fail there with a server error.
        for vals in vals_list:
            self._stm_check_sizes({"name": vals.get("name")})
        partners = super().create(vals_list)
        # Data files and system jobs run as superuser: only people register.
        if not self.env.su and not self.env.context.get("install_mode"):
            partners._stm_claim_new_companies()
        return partners

    def _stm_claim_new_companies(self):
        """A salesperson creating a customer company registers it (DESIGN §2)."""
        backfill = self.env.context.get("stm_backfill")
        companies = self.filtered("is_company")
        requests = []
        for partner in companies:
            owner = partner.user_id or (not backfill and self.env.user)
            if not owner:
                continue
            if not owner.has_group("sales_team.group_sale_salesman"):
                continue
            self._stm_check_sizes(
                {
                    "name": partner.name,
                    "email": partner.email,
                    "phone": partner.phone,
                    "vat": partner.vat,
                }
            )
            keys = identity_keys(
                names=[partner.name],
                phones=[partner.phone_sanitized or partner.phone, partner.mobile],
                emails=[partner.email],
                vats=[partner.vat],
            )
            team = owner.sale_team_id
            requests.append(
                {
                    "user_id": owner.id,
                    "team_id": team.id or None,
                    "company_id": partner.company_id.id or self.env.company.id,
                    "partner_id": partner.id,
                    "name": partner.name,
                    "keys": keys,
                    "mode": "dispute"
                    if backfill
                    else team.stm_claim_conflict_mode or "block",
                    "label": partner.name,
                    "protection_days": self.env["stm.claim"]._protection_days(team),
                }
            )
        if not requests:
            return
        __, disputes = self.env["stm.claim"].sudo()._stm_register_customers(requests)
        self.env["crm.lead"]._stm_open_disputes(
            [(holder, rival, False) for holder, rival, __ in disputes]
        )
