from odoo import api, models
from odoo.exceptions import UserError

from ..policy import claims as claim_policy
from ..policy.keys import identity_keys


class CrmLead(models.Model):
    """The claim check of leads: identity keys, new claims, more keys on the
    owner's claim, conflicts (block or dispute)."""

    _inherit = "crm.lead"

    # ------------------------------------------------------------------
    # Claims
    # ------------------------------------------------------------------

    def _stm_identity_keys(self):
        """The identity keys of this lead (and its customer company)."""
        self.ensure_one()
        company = self.partner_id.commercial_partner_id
        names = [self.partner_name]
        vats = []
        emails = [self.email_from]
        phones = []
        if company.is_company:
            names.append(company.name)
            vats.append(company.vat)
            emails.append(company.email)
            phones.append(company.phone_sanitized or company.phone)
        # Odoo already sanitised the main number (E.164) on save; a second
        # number is formatted the same way.
        phones.append(self.phone_sanitized)
        numbers = [n for n in (self.mobile, self.phone) if n]
        for number in numbers[1:]:
            phones.append(
                self._phone_format(number=number, country=self.country_id) or number
            )
        return identity_keys(names=names, phones=phones, emails=emails, vats=vats)

    def _stm_claim_sync(self):
        """Claim the customer of each active, assigned lead: a new claim, the
        owner's existing claim, or a conflict (block / dispute)."""
        # Claims of other salespeople are involved: the engine reads them as
        # superuser (the uid, hence create_uid, stays the user's).
        leads = self.sudo().filtered(lambda lead: lead.active and lead.user_id)
        if not leads:
            return
        # Nobody is there to read a refusal when data files, crons (lead
        # assignment) or public forms save leads as superuser, nor during the
        # backfill: conflicts become disputes for a manager instead.
        lenient = bool(
            self.env.su
            or self.env.context.get("install_mode")
            or self.env.context.get("stm_backfill")
        )
        fresh, extend = [], []
        for lead in leads:
            claim = lead.stm_claim_id
            if claim and claim.state == "active" and claim.user_id != lead.user_id:
                # Only a manager gets here (see _stm_check_reassignment): the
                # customer follows the lead to its new salesperson.
                claim._take_over(lead.user_id)
                claim.message_post(
                    body=self.env._(
                        "Handed over to %(user)s by %(manager)s.",
                        user=lead.user_id.name,
                        manager=self.env.user.name,
                    )
                )
            elif claim and claim.state != "active":
                # A manager assigned a pool customer.
                claim._take_over(lead.user_id)
            if claim and claim.state == "active":
                extend.append(lead)
            elif not claim:
                fresh.append(lead)
        if fresh:
            self._stm_claim_fresh(fresh, lenient)
        if extend:
            self._stm_claim_extend(extend, lenient)

    @api.model
    def _stm_claim_request(self, lead, keys, lenient):
        team = lead.team_id
        return {
            "user_id": lead.user_id.id,
            "team_id": team.id or None,
            "company_id": lead.company_id.id or self.env.company.id,
            "partner_id": lead.partner_id.commercial_partner_id.id or None,
            "name": lead.partner_name
            or lead.partner_id.commercial_partner_id.name
            or lead.contact_name
            or lead.name,
            "keys": keys,
            "mode": "dispute" if lenient else team.stm_claim_conflict_mode or "block",
            "label": lead.partner_name
            or lead.partner_id.commercial_partner_id.name
            or lead.name,
            "protection_days": self.env["stm.claim"]._protection_days(team),
        }

    @api.model
    def _stm_claim_fresh(self, leads, lenient):
        requests = [
            self._stm_claim_request(lead, lead._stm_identity_keys(), lenient)
            for lead in leads
        ]
        claim_ids, disputes = (
            self.env["stm.claim"].sudo()._stm_register_customers(requests)
        )
        by_claim = {}
        for lead, claim_id in zip(leads, claim_ids, strict=True):
            if claim_id and lead.stm_claim_id.id != claim_id:
                by_claim.setdefault(claim_id, []).append(lead.id)
        for claim_id, lead_ids in by_claim.items():
            self.browse(lead_ids).with_context(stm_claim_transfer=True).write(
                {"stm_claim_id": claim_id}
            )
        self._stm_open_disputes(
            [(holder, rival, leads[index].id) for holder, rival, index in disputes]
        )

    @api.model
    def _stm_claim_extend(self, leads, lenient):
        """New identities on a lead that already has its owner's claim."""
        wanted = {}
        for lead in leads:
            claim = lead.stm_claim_id
            known = {(k.key_type, k.key_value) for k in claim.sudo().key_ids}
            new_keys = lead._stm_identity_keys() - known
            if new_keys:
                wanted.setdefault(claim, (lead, set()))[1].update(new_keys)
        if not wanted:
            return
        company_keys = {}
        for claim, (__, keys) in wanted.items():
            company_keys.setdefault(claim.company_id.id, set()).update(keys)
        holders = self.env["stm.claim.key"].sudo()._lookup(company_keys)
        taken = {
            (company, ktype, kval): claim_id
            for company, ktype, kval, claim_id in holders
        }
        disputes = []
        for claim, (lead, keys) in wanted.items():
            others = {
                taken[(claim.company_id.id, *key)]
                for key in keys
                if (claim.company_id.id, *key) in taken
            } - {claim.id}
            free = {key for key in keys if (claim.company_id.id, *key) not in taken}
            if others:
                other = self.env["stm.claim"].sudo().browse(min(others))
                mode = "dispute" if lenient else lead.team_id.stm_claim_conflict_mode
                outcome = claim_policy.conflict_outcome(
                    mode, other.user_id == claim.user_id
                )
                if outcome == "block":
                    raise UserError(
                        claim._conflict_message(other, lead.partner_name or lead.name)
                    )
                if outcome == "dispute":
                    disputes.append((other.id, claim.id, lead.id))
            if free:
                claim._add_keys(free)
        self._stm_open_disputes(disputes)

    @api.model
    def _stm_open_disputes(self, disputes):
        if not disputes:
            return
        existing = (
            self.env["stm.claim.dispute"]
            .sudo()
            .search(
                [
                    ("state", "=", "open"),
                    ("claim_id", "in", [d[0] for d in disputes]),
                    ("rival_claim_id", "in", [d[1] for d in disputes]),
                ]
            )
        )
        seen = {(d.claim_id.id, d.rival_claim_id.id) for d in existing}
        self.env["stm.claim.dispute"].sudo().create(
            [
                {"claim_id": holder, "rival_claim_id": rival, "lead_id": lead_id}
                for holder, rival, lead_id in dict.fromkeys(disputes)
                if (holder, rival) not in seen
            ]
        )
