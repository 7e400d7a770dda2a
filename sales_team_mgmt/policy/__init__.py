"""Business rules of sales_team_mgmt as plain functions.

Nothing here imports Odoo: the models fetch records, call these functions
with plain values and write the results back. That keeps every rule testable
without a database (see the repository's ``tests/`` folder).
"""
