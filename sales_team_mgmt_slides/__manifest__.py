{
    "name": "Sales Team Management - Training",
    "summary": "A team's required eLearning courses, the training hours of a "
    "period measuring the appraisal's professional skills, a newcomer's "
    "courses on his board card",
    "version": "1.0.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt_appraisal", "website_slides"],
    "data": [
        "data/stm_appraisal_template_data.xml",
        "views/crm_team_views.xml",
    ],
    "demo": ["demo/crm_team_demo.xml"],
    "auto_install": True,
    "installable": True,
}
