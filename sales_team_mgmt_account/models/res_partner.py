from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.addons.sales_team_mgmt.access import system
from odoo.addons.sales_team_mgmt.policy import credit
from odoo.tools import SQL

RISKS = [
    ("none", "No Risk"),
    ("overdue", "Overdue"),
    ("over_limit", "Over Credit Limit"),
]


class ResPartner(models.Model):
    """A customer's credit risk, from Odoo's receivables and the partner
    credit limit (seed 003 ch. 11): what the salesperson must know before he
    wins another deal, without opening Accounting."""

    _inherit = "res.partner"

    stm_credit_risk = fields.Selection(
        RISKS,
        string="Credit Risk",
        compute="_compute_stm_credit_risk",
        search="_search_stm_credit_risk",
        help="Over Credit Limit: the customer owes more than its credit limit "
        "(when Accounting uses credit limits). Overdue: part of what it owes "
        "is past its due date. Counted over the companies you work in.",
    )
    stm_overdue_amount = fields.Monetary(
        string="Overdue",
        currency_field="stm_company_currency_id",
        compute="_compute_stm_credit_risk",
        help="Posted customer invoices past their due date, not yet paid.",
    )
    stm_receivable_amount = fields.Monetary(
        string="Owed to Us",
        currency_field="stm_company_currency_id",
        compute="_compute_stm_credit_risk",
    )
    stm_credit_limit = fields.Monetary(
        string="Credit Limit (Sales)",
        currency_field="stm_company_currency_id",
        compute="_compute_stm_credit_risk",
        help="The credit limit Accounting set for this customer (0: none).",
    )
    stm_company_currency_id = fields.Many2one(
        "res.currency",
        string="Company Currency",
        compute="_compute_stm_company_currency_id",
    )

    def _stm_access(self):
        sales = system(read="sales_team.group_sale_salesman")
        return {
            **super()._stm_access(),
            "stm_credit_risk": sales,
            "stm_overdue_amount": sales,
            "stm_receivable_amount": sales,
            "stm_credit_limit": sales,
            "stm_company_currency_id": system(),
        }

    @api.depends_context("company")
    def _compute_stm_company_currency_id(self):
        self.stm_company_currency_id = self.env.company.currency_id

    @api.depends("commercial_partner_id")
    @api.depends_context("company", "allowed_company_ids")
    def _compute_stm_credit_risk(self):
        # (_origin: a partner being created in a form owes nothing yet.)
        customers = self.commercial_partner_id._origin
        owed = self._stm_receivables(customers)
        limits = self._stm_credit_limits(customers)
        for partner in self:
            customer = partner.commercial_partner_id._origin
            receivable, overdue = owed.get(customer.id, (0.0, 0.0))
            limit = limits.get(customer.id, 0.0)
            partner.stm_receivable_amount = receivable
            partner.stm_overdue_amount = overdue
            partner.stm_credit_limit = limit
            partner.stm_credit_risk = credit.credit_risk(receivable, overdue, limit)

    def _search_stm_credit_risk(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            return NotImplemented
        wanted = {value} if operator in ("=", "!=") else set(value)
        negative = operator in ("!=", "not in")
        # Only a customer who owes something can be at risk.
        owed = self._stm_receivables()
        limits = self._stm_credit_limits(self.browse(owed))
        at_risk = {
            pid: credit.credit_risk(receivable, overdue, limits.get(pid, 0.0))
            for pid, (receivable, overdue) in owed.items()
        }
        matching = [pid for pid, risk in at_risk.items() if risk in wanted]
        if "none" in wanted:
            # Everyone else has no risk: say who has one instead.
            others = [pid for pid, risk in at_risk.items() if risk not in wanted]
            return [("commercial_partner_id", "in" if negative else "not in", others)]
        return [("commercial_partner_id", "not in" if negative else "in", matching)]

    @api.model
    def _stm_receivables(self, customers=None):
        """{commercial partner id: (owed, overdue)} of the posted, unpaid
        customer invoices of the companies the user works in; all customers
        owing something when ``customers`` is None. One query."""
        Line = self.env["account.move.line"]
        Line.flush_model(
            [
                "account_id",
                "amount_residual",
                "company_id",
                "parent_state",
                "partner_id",
                "reconciled",
                "date_maturity",
            ]
        )
        self.env["account.account"].flush_model(["account_type"])
        if customers is not None and not customers:
            return {}
        today = fields.Date.context_today(self)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT line.partner_id,
                       SUM(line.amount_residual),
                       SUM(CASE WHEN line.date_maturity < %(today)s
                                THEN line.amount_residual ELSE 0 END)
                  FROM account_move_line line
                  JOIN account_account account ON account.id = line.account_id
                 WHERE account.account_type = 'asset_receivable'
                   AND line.parent_state = 'posted'
                   AND line.reconciled IS NOT TRUE
                   AND line.company_id IN %(companies)s
                   AND %(partners)s
                 GROUP BY line.partner_id
                """,
                today=today,
                companies=tuple(self.env.companies.ids),
                partners=SQL("line.partner_id IN %s", tuple(customers.ids))
                if customers is not None
                else SQL("line.partner_id IS NOT NULL"),
            )
        )
        return {
            pid: (receivable or 0.0, overdue or 0.0)
            for pid, receivable, overdue in rows
            if receivable and receivable > 0
        }

    @api.model
    def _stm_credit_limits(self, customers):
        """{partner id: credit limit} where the company uses credit limits
        (Accounting's setting), as Accounting sees it."""
        company = self.env.company
        if not company.account_use_credit_limit or not customers:
            return {}
        return {
            partner.id: partner.credit_limit or 0.0
            for partner in customers.sudo().with_company(company)
        }

    @api.model
    def _stm_demo_credit_risk(self, customer_xmlid, owed, limit, label):
        """Demo data: the customer owes ``owed`` on an invoice (one line,
        ``label``) 20 days past due, against a credit limit of ``limit``;
        skipped where the company has no chart of accounts to invoice with
        yet, and once the invoice exists."""
        company = self.env.company
        journal = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
        )
        customer = self.env.ref(customer_xmlid, raise_if_not_found=False)
        if not journal or not customer:
            return False
        booked = self.env["account.move.line"].search(
            [
                ("partner_id", "=", customer.id),
                ("company_id", "=", company.id),
                ("name", "=", label),
            ],
            limit=1,
        )
        if booked:
            return booked.move_id.id
        today = fields.Date.context_today(self)
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "journal_id": journal.id,
                "partner_id": customer.id,
                "invoice_date": today - relativedelta(days=50),
                "invoice_date_due": today - relativedelta(days=20),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": label,
                            "quantity": 1,
                            "price_unit": owed,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        company.account_use_credit_limit = True
        customer.with_company(company).credit_limit = limit
        return invoice.id
