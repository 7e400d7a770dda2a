from odoo import models

from ..compat import PHONE_FIELDS
from ..policy.keys import identity_keys


class CrmLead(models.Model):
    """The claim check of leads: each active, assigned lead registers its
    customer for its salesperson (``stm.claim._stm_register``)."""

    _inherit = "crm.lead"

    def _stm_identity_keys(self):
        """The identity keys of this lead (and its customer company); national
        phone numbers are read in the lead's, else the customer's, else our
        company's country."""
        self.ensure_one()
        company = self.partner_id.commercial_partner_id
        names, emails = [self.partner_name], [self.email_from]
        phones, vats = [self[name] for name in PHONE_FIELDS], []
        if company.is_company:
            names.append(company.name)
            vats.append(company.vat)
            emails.append(company.email)
            phones += [company[name] for name in PHONE_FIELDS]
        region = None
        if any(number and not _international(number) for number in phones):
            country = (
                self.country_id or company.country_id or self.company_id.country_id
            )
            region = country.code
        return identity_keys(
            names=names, phones=phones, emails=emails, vats=vats, region=region
        )

    def _stm_claim_sync(self):
        """Claim the customer of each active, assigned lead: a new claim, more
        keys on its owner's claim, or a conflict (block / dispute)."""
        # Saved by the system (lead assignment, public forms, imports, the
        # install backfill): nobody reads a refusal, conflicts are disputed.
        system = self.env.su
        # Other salespeople's claims are involved: the engine reads them as
        # superuser (the uid, hence create_uid, stays the user's).
        leads = self.sudo().filtered(lambda lead: lead.active and lead.user_id)
        if not leads:
            return
        Claim = self.env["stm.claim"].sudo()
        requests = []
        for lead in leads:
            claim = lead.stm_claim_id
            if claim and (claim.state != "active" or claim.user_id != lead.user_id):
                # A manager reassigned the lead (see _stm_check_reassignment)
                # or assigned a pool customer: the customer follows the lead.
                handed_over = claim.state == "active"
                if not system:
                    claim._stm_gate(lead.user_id, "assign")
                claim._take_over(lead.user_id)
                if handed_over:
                    claim.message_post(
                        body=self.env._(
                            "Handed over to %(user)s by %(manager)s.",
                            user=lead.user_id.name,
                            manager=self.env.user.name,
                        )
                    )
            partner = lead.partner_id.commercial_partner_id
            requests.append(
                Claim._stm_request(
                    user=lead.user_id,
                    team=lead.team_id,
                    company=lead.company_id or self.env.company,
                    partner=partner,
                    name=lead.partner_name
                    or partner.name
                    or lead.contact_name
                    or lead.name,
                    keys=lead._stm_identity_keys(),
                    system=system,
                    claim=claim,
                    leads=lead,
                )
            )
        Claim._stm_register(requests)


def _international(number):
    """Written with its country code (+86 …): no country needed."""
    return number.lstrip().startswith("+")
