{
    "name": "Sales Team Management - Sales Reports",
    "summary": "Monthly, quarterly and yearly sales reports per team: one line "
    "per salesperson, team totals and ranks, a PDF mailed to the team leader "
    "and the sales admins",
    "version": "1.0.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt"],
    "data": [
        "security/ir.model.access.csv",
        "security/stm_sales_report_security.xml",
        "report/stm_sales_report_report.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "views/stm_sales_report_line_views.xml",
        "views/stm_sales_report_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/stm_sales_report_demo.xml"],
    "installable": True,
}
