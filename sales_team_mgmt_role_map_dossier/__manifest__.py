{
    "name": "Sales Team Management - Role Maps in Project Dossiers",
    "summary": "Bridge: a registered project's dossier waits for the seven "
    "buying roles and prints them",
    "version": "1.1.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt_role_map", "sales_team_mgmt_dossier"],
    "data": ["report/crm_lead_dossier_report.xml"],
    "auto_install": True,
    "installable": True,
}
