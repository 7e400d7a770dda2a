{
    "name": "Sales Team Management - Employees",
    "summary": "A leaving employee's customers wait in a hand-over; HR "
    "officers read the sales team's hand-overs",
    "version": "1.1.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt", "hr"],
    "data": [
        "security/ir.model.access.csv",
        "views/menus.xml",
    ],
    "demo": ["demo/res_users_demo.xml"],
    "auto_install": True,
    "installable": True,
}
