from markupsafe import Markup

from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import system
from odoo.tools import format_amount


class CrmLead(models.Model):
    """The customer's credit risk on the opportunity, and a word to the
    sales admins and the team leader when a deal of a customer at risk is
    won."""

    _inherit = "crm.lead"

    stm_credit_risk = fields.Selection(
        related="partner_id.commercial_partner_id.stm_credit_risk",
        string="Customer Credit Risk",
    )
    stm_overdue_amount = fields.Monetary(
        related="partner_id.commercial_partner_id.stm_overdue_amount",
        string="Customer Overdue",
        currency_field="company_currency",
    )

    def _stm_access(self):
        sales = system(read="sales_team.group_sale_salesman")
        return {
            **super()._stm_access(),
            "stm_credit_risk": sales,
            "stm_overdue_amount": sales,
        }

    def _stm_on_won(self):
        result = super()._stm_on_won()
        # The risk is counted in each deal's company: one batch per company.
        at_risk = self.sudo().browse()
        for company, leads in (
            self.sudo()
            .filtered("partner_id")
            .grouped(lambda lead: lead.company_id or self.env.company)
            .items()
        ):
            at_risk |= leads.with_company(company).filtered(
                lambda lead: lead.stm_credit_risk != "none"
            )
        if not at_risk:
            return result
        admins = self.env["res.users"]._stm_sales_admins(at_risk.company_id)
        for lead in at_risk.with_context(mail_post_autofollow=False):
            company = lead.company_id
            lead = lead.with_company(company or self.env.company)
            readers = lead.team_id.user_id | admins.filtered(
                lambda u, c=company: not c or c in u.company_ids
            )
            lead.message_post(
                body=Markup("<p>%s</p>")
                % lead._stm_credit_risk_text(lead.partner_id.commercial_partner_id),
                subtype_xmlid="mail.mt_note",
                partner_ids=readers.partner_id.ids,
            )
        return result

    def _stm_credit_risk_text(self, customer):
        currency = self.company_currency
        if customer.stm_credit_risk == "over_limit":
            return self.env._(
                "Won from a customer over its credit limit: %(customer)s owes "
                "%(owed)s against a limit of %(limit)s (%(overdue)s overdue). "
                "Check the terms before delivering.",
                customer=customer.name,
                owed=format_amount(self.env, customer.stm_receivable_amount, currency),
                limit=format_amount(self.env, customer.stm_credit_limit, currency),
                overdue=format_amount(self.env, customer.stm_overdue_amount, currency),
            )
        return self.env._(
            "Won from a customer with overdue invoices: %(customer)s has "
            "%(overdue)s overdue. Check the terms before delivering.",
            customer=customer.name,
            overdue=format_amount(self.env, customer.stm_overdue_amount, currency),
        )
