{
    "name": "Sales Team Management - Coaching and Colleagues' Ratings",
    "summary": "Colleagues rate each other anonymously each month; a failed "
    "appraisal or a decision to coach opens a coaching plan with goals, "
    "sessions and a mentor",
    "version": "1.1.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt_appraisal"],
    "data": [
        "security/ir.model.access.csv",
        "security/stm_coaching_security.xml",
        "data/ir_cron_data.xml",
        "views/stm_peer_review_views.xml",
        "views/stm_coaching_plan_views.xml",
        "views/stm_appraisal_views.xml",
        "views/stm_discipline_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/stm_coaching_demo.xml"],
    "installable": True,
}
