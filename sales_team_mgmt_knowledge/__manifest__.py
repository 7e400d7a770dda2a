{
    "name": "Sales Team Management - Knowledge Base and Suggestion Box",
    "summary": "The team's experience base (questions, answers verified by a "
    "manager, success stories) and an anonymous suggestion box",
    "version": "1.1.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt", "hr"],
    "data": [
        "security/ir.model.access.csv",
        "security/stm_knowledge_security.xml",
        "views/stm_knowledge_views.xml",
        "views/stm_suggestion_views.xml",
        "wizard/stm_suggestion_box_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/stm_knowledge_demo.xml"],
    "installable": True,
}
