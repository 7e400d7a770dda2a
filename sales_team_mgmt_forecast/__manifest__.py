{
    "name": "Sales Team Management - Pipeline, Forecasts and Resource Requests",
    "summary": "The seven-stage pipeline and its weighted forecast; each "
    "salesperson's monthly forecast filled from it and weekly resource "
    "request, handed to the team leader on time and counted in the daily "
    "compliance",
    "version": "1.1.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt"],
    "data": [
        "security/ir.model.access.csv",
        "security/sales_team_mgmt_forecast_security.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "views/crm_stage_views.xml",
        "views/crm_lead_views.xml",
        "views/crm_team_views.xml",
        "views/stm_forecast_views.xml",
        "views/stm_resource_request_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/crm_lead_demo.xml", "demo/stm_forecast_demo.xml"],
    "installable": True,
}
