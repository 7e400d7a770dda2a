{
    "name": "Sales Team Management - Complaints between Sales and Support",
    "summary": "Salespeople complain about the support departments (finance, "
    "technical, HR ...), anonymously if they wish; deadlines, answers and the "
    "warning/review ladder",
    "version": "1.1.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt_appraisal"],
    "data": [
        "security/ir.model.access.csv",
        "security/stm_complaint_security.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "wizard/stm_complaint_filing_views.xml",
        "views/stm_complaint_views.xml",
        "views/hr_department_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/hr_department_demo.xml",
        "demo/stm_complaint_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["sales_team_mgmt_complaint/static/tests/tours/*.js"],
    },
    "installable": True,
}
