{
    "name": "Sales Team Management - Customer Care",
    "summary": "Revisit rhythm by customer class, reminders to revisit and to "
    "greet a customer's key date, and the tree of who referred whom",
    "version": "1.1.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt", "web_hierarchy"],
    "data": [
        "data/ir_cron_data.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/res_partner_demo.xml"],
    "installable": True,
}
