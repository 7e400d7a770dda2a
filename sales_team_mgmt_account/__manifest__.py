{
    "name": "Sales Team Management - Credit Risk",
    "summary": "Overdue receivables and credit limits from Accounting as a risk "
    "on the customer and the opportunity; the sales admin's list of customers "
    "at risk; a word when a deal of one is won",
    "version": "1.0.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt", "account"],
    "data": [
        "views/res_partner_views.xml",
        "views/crm_lead_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/res_partner_demo.xml"],
    "auto_install": True,
    "installable": True,
}
