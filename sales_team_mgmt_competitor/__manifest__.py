{
    "name": "Sales Team Management - Competitors",
    "summary": "Who competes on each deal and who won a lost one; competitor "
    "intel logged from the field; win rate and revenue lost per competitor",
    "version": "1.1.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt"],
    "data": [
        "security/ir.model.access.csv",
        "security/stm_competitor_security.xml",
        "views/stm_competitor_views.xml",
        "views/stm_competitor_intel_views.xml",
        "views/crm_lead_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/stm_competitor_demo.xml"],
    "installable": True,
}
