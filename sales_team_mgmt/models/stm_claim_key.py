from odoo import api, fields, models
from odoo.tools import SQL, index_exists

from ..access import action
from ..policy.keys import KEY_TYPES

KEY_TYPE_LABELS = {
    "name": "Company Name",
    "phone": "Phone",
    "email": "Email",
    "domain": "Email Domain",
    "vat": "Tax ID",
}


class StmClaimKey(models.Model):
    """One identity of a claimed customer (normalised name, phone, e-mail,
    company domain, VAT). While its claim is active the key is active, and a
    unique partial index lets only one active key per identity and company
    exist: that is what makes "one owner per customer" hold between
    concurrent transactions."""

    _name = "stm.claim.key"
    _inherit = ["stm.access.mixin"]
    _description = "Customer Claim Identity Key"
    _order = "claim_id, key_type, key_value"
    _rec_name = "key_value"
    _check_company_auto = True

    claim_id = fields.Many2one(
        "stm.claim", required=True, ondelete="cascade", index=True
    )
    key_type = fields.Selection(
        [(key, KEY_TYPE_LABELS[key]) for key in KEY_TYPES],
        string="Type",
        required=True,
    )
    key_value = fields.Char(string="Value", required=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    active = fields.Boolean(default=True)
    user_id = fields.Many2one(related="claim_id.user_id", string="Owner")

    def _stm_access(self):
        engine = action(
            self.env._("the claim check (keys follow the customer's identity)")
        )
        return {
            **super()._stm_access(),
            "claim_id": engine,
            "key_type": engine,
            "key_value": engine,
            "company_id": engine,
            "active": engine,
        }

    def init(self):
        result = super().init()
        # "One owner per identity" must hold even under concurrent inserts;
        # tools.create_unique_index has no WHERE clause, hence raw SQL.
        if not index_exists(self.env.cr, "stm_claim_key_active_uniq"):
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX stm_claim_key_active_uniq ON %s "
                    "(company_id, key_type, key_value) WHERE active",
                    SQL.identifier(self._table),
                )
            )
        # Released keys, looked up when a pooled customer is registered again.
        if not index_exists(self.env.cr, "stm_claim_key_released_idx"):
            self.env.cr.execute(
                SQL(
                    "CREATE INDEX stm_claim_key_released_idx ON %s "
                    "(company_id, key_type, key_value) WHERE NOT active",
                    SQL.identifier(self._table),
                )
            )
        return result

    @api.model
    def _lookup(self, company_keys):
        """Active keys matching ``company_keys`` ({company_id: {(type, value)}}),
        in one query: [(company_id, key_type, key_value, claim_id)]."""
        conditions = [
            SQL(
                "(company_id = %s AND (key_type, key_value) IN %s)",
                company_id,
                tuple(sorted(keys)),
            )
            for company_id, keys in company_keys.items()
            if keys
        ]
        if not conditions:
            return []
        self.flush_model(["active", "claim_id", "key_type", "key_value"])
        self.env.cr.execute(
            SQL(
                "SELECT company_id, key_type, key_value, claim_id FROM %s "
                "WHERE active AND (%s)",
                SQL.identifier(self._table),
                SQL(" OR ").join(conditions),
            )
        )
        return self.env.cr.fetchall()
