from odoo import api, fields, models
from odoo.exceptions import UserError

from ..access import system
from ..compat import PHONE_FIELDS
from ..policy.keys import MAX_IDENTITY_LENGTH, identity_keys, oversized

# What makes a customer company "this customer": filled in by anyone,
# changed or cleared only by a sales manager once the company is claimed.
IDENTITY_FIELDS = ("name", *PHONE_FIELDS, "email", "vat", "is_company", "parent_id")
# Indexed or key-bearing text: refused above the limit before any insert.
SIZE_CHECKED_FIELDS = ("name", *PHONE_FIELDS, "email", "vat", "ref")


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["stm.access.mixin", "res.partner"]

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

    @api.readonly
    def action_stm_view_visits(self):
        self.ensure_one()
        company = self.commercial_partner_id
        return self.env["stm.visit"]._stm_list_action(
            [("partner_id", "=", company.id)], {"default_partner_id": company.id}
        )

    def action_stm_log_visit(self):
        self.ensure_one()
        return self.env["stm.visit"]._stm_log_action(self)

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    # What a client sends is checked (see stm.access.mixin); no partner
    # field is a workflow field.
    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_claim_ids": system(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_stm_log_visit": "a salesperson",
            "action_stm_view_visits": "who reads the record",
        }

    @api.model_create_multi
    def create(self, vals_list):
        # Refused up front: a 1 MB value would otherwise reach the database's
        # indexes and fail there with a server error.
        for vals in vals_list:
            self._stm_check_sizes(vals)
        partners = super().create(vals_list)
        # Data files and system jobs run as superuser: only people register.
        if not self.env.su:
            partners._stm_claim_new_companies()
        return partners

    def write(self, vals):
        self._stm_check_sizes(vals)
        identity = set(IDENTITY_FIELDS).intersection(vals)
        if not identity and "user_id" not in vals:
            return super().write(vals)
        claims = self._stm_active_claims()
        if not self.env.su:
            self._stm_check_identity_lock(vals, claims)
        new_companies = (
            self.filtered(lambda partner: not partner.is_company)
            if vals.get("is_company")
            else self.browse()
        )
        result = super().write(vals)
        if identity:
            claims._stm_rekey(system=self.env.su)
            if not self.env.su:
                new_companies.filtered(
                    lambda partner: (
                        partner.is_company and partner not in claims.partner_id
                    )
                )._stm_claim_new_companies()
        return result

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    @api.model
    def _stm_check_sizes(self, vals):
        too_long = oversized({fname: vals.get(fname) for fname in SIZE_CHECKED_FIELDS})
        if too_long:
            raise UserError(
                self.env._(
                    "%(fields)s: too long (at most %(limit)s characters).",
                    fields=", ".join(
                        self._fields[fname].get_description(self.env)["string"]
                        for fname in too_long
                    ),
                    limit=MAX_IDENTITY_LENGTH,
                )
            )

    def _stm_active_claims(self):
        """The active claims of these partners (as their customer company)."""
        return (
            self.env["stm.claim"]
            .sudo()
            .search([("partner_id", "in", self.ids), ("state", "=", "active")])
        )

    def _stm_check_identity_lock(self, vals, claims):
        """Seed 002 §4: the facts of a claimed customer are filled in, never
        rewritten, except by a sales manager (the chatter keeps it)."""
        if not claims or self.env["res.users"]._stm_is_sales_manager():
            return
        owner_of = {claim.partner_id: claim.user_id for claim in claims}
        for partner in self.filtered(lambda p: p in owner_of):
            owner = owner_of[partner]
            if "user_id" in vals and vals["user_id"] not in (
                owner.id,
                partner.user_id.id,
            ):
                raise UserError(
                    self.env._(
                        "%(customer)s is registered to %(owner)s; only a sales "
                        "manager can give it another salesperson.",
                        customer=partner.name,
                        owner=owner.name,
                    )
                )
            for fname in IDENTITY_FIELDS:
                if fname not in vals:
                    continue
                old = partner[fname]
                old_value = old.id if isinstance(old, models.BaseModel) else old
                if old_value and old_value != (vals[fname] or False):
                    raise UserError(
                        self.env._(
                            "%(field)s of %(customer)s, registered to %(owner)s, "
                            "can be filled in but only a sales manager can change "
                            "it.",
                            field=self._fields[fname].get_description(self.env)[
                                "string"
                            ],
                            customer=partner.name,
                            owner=owner.name,
                        )
                    )

    # ------------------------------------------------------------------
    # Claims
    # ------------------------------------------------------------------

    def _stm_identity_keys(self):
        self.ensure_one()
        return identity_keys(
            names=[self.name],
            phones=[self[name] for name in PHONE_FIELDS],
            emails=[self.email],
            vats=[self.vat],
            region=(self.country_id or self.company_id.country_id).code,
        )

    def _stm_claim_new_companies(self):
        """A salesperson creating a customer company (or turning a contact
        into one) registers it; so does the install backfill for companies
        that have a salesperson."""
        backfill = self.env.su and self.env.context.get("stm_backfill")
        Claim = self.env["stm.claim"].sudo()
        requests = []
        for partner in self.filtered("is_company"):
            owner = partner.user_id or (not backfill and self.env.user)
            if not owner or not owner.has_group("sales_team.group_sale_salesman"):
                continue
            requests.append(
                Claim._stm_request(
                    user=owner,
                    team=owner.sale_team_id,
                    company=partner.company_id or self.env.company,
                    partner=partner,
                    name=partner.name,
                    keys=partner._stm_identity_keys(),
                    system=self.env.su,
                )
            )
        if requests:
            Claim._stm_register(requests)
