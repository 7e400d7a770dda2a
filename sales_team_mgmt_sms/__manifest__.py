{
    "name": "Sales Team Management - SMS for Unacknowledged Appointments",
    "summary": "A salesperson who does not acknowledge an appointment's "
    "reminder in time gets one SMS",
    "version": "1.1.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt", "sms"],
    "data": [
        "data/ir_cron_data.xml",
        "views/calendar_event_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
