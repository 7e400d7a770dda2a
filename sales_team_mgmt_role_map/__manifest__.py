{
    "name": "Sales Team Management - Buying Role Maps",
    "summary": "The seven roles of the customer's buying centre on each "
    "opportunity: who decides, who approves, who is still missing; the "
    "role map weighs in when two salespeople dispute a customer",
    "version": "1.1.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt"],
    "data": [
        "security/ir.model.access.csv",
        "security/sales_team_mgmt_role_map_security.xml",
        "views/stm_buying_role_views.xml",
        "views/crm_lead_views.xml",
    ],
    "demo": ["demo/stm_buying_role_demo.xml"],
    "assets": {
        "web.assets_tests": ["sales_team_mgmt_role_map/static/tests/tours/*.js"],
    },
    "installable": True,
}
