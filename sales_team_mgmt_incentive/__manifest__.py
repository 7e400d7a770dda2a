{
    "name": "Sales Team Management - Incentives and Honours",
    "summary": "Commission by tiers of target reached, bonuses and allowances, "
    "statements approved by the team leader; monthly and yearly honours on the "
    "board and the office screen",
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
        "data/stm_honour_title_data.xml",
        "views/stm_incentive_plan_views.xml",
        "views/stm_incentive_statement_views.xml",
        "views/stm_honour_views.xml",
        "views/crm_team_member_views.xml",
        "report/stm_incentive_statement_report.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/stm_incentive_plan_demo.xml"],
    "assets": {
        "web.assets_backend": ["sales_team_mgmt_incentive/static/src/office_board/*"],
        "web.assets_tests": ["sales_team_mgmt_incentive/static/tests/tours/*.js"],
    },
    "installable": True,
}
