{
    "name": "Sales Team Management - Incentives",
    "summary": "Commission by tiers of target reached, bonuses and allowances; "
    "statements prepared when a period closes, approved by the manager",
    "version": "1.1.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt"],
    "data": [
        "security/ir.model.access.csv",
        "security/sales_team_mgmt_incentive_security.xml",
        "data/ir_cron_data.xml",
        "views/stm_incentive_plan_views.xml",
        "views/stm_incentive_statement_views.xml",
        "report/stm_incentive_statement_report.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/stm_incentive_plan_demo.xml"],
    "installable": True,
}
