{
    "name": "Sales Team Management - Appraisals and Discipline",
    "summary": "Appraisals filled from the records, published rankings, the "
    "bottom of the ranking, and discipline records (warnings, reviews)",
    "version": "1.1.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt_hr"],
    "data": [
        "security/ir.model.access.csv",
        "security/sales_team_mgmt_appraisal_security.xml",
        "data/stm_appraisal_template_data.xml",
        "views/crm_team_views.xml",
        "views/stm_discipline_views.xml",
        "views/stm_appraisal_template_views.xml",
        "views/stm_appraisal_views.xml",
        "views/stm_appraisal_publication_views.xml",
        "report/stm_appraisal_report.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/stm_appraisal_demo.xml"],
    "assets": {
        "web.assets_tests": ["sales_team_mgmt_appraisal/static/tests/tours/*.js"],
    },
    "installable": True,
}
