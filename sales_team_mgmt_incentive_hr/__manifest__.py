{
    "name": "Sales Team Management - Incentives for HR",
    "summary": "HR officers read the sales team's incentive plans and "
    "statements from the Employees app",
    "version": "1.1.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_team_mgmt authors",
    "website": "https://github.com/sales-team-mgmt/sales_team_mgmt",
    "depends": ["sales_team_mgmt_incentive", "sales_team_mgmt_hr"],
    "data": [
        "security/ir.model.access.csv",
        "security/sales_team_mgmt_incentive_hr_security.xml",
        "views/menus.xml",
    ],
    "auto_install": True,
    "installable": True,
}
