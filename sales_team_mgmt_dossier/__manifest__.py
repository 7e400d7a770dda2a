{
    "name": "Sales Team Management - Project Dossiers",
    "summary": "A registered project's dossier: background, organisation, "
    "entry point, competitors and dated progress, due months after "
    "registration, counted in the daily compliance and printed as a PDF",
    "version": "1.1.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt"],
    "data": [
        "security/ir.model.access.csv",
        "security/sales_team_mgmt_dossier_security.xml",
        "views/crm_lead_views.xml",
        "views/crm_team_views.xml",
        "views/stm_compliance_views.xml",
        "report/crm_lead_dossier_report.xml",
    ],
    "demo": ["demo/crm_lead_demo.xml"],
    "installable": True,
}
