"""What differs between Odoo 19 (the main host) and Odoo 18, in one place.

Only the ORM's vocabulary lives here, never a business rule: the models use
these names and read the same on both series."""

from odoo import models

# SQL constraints: Odoo 19 declares them as ``models.Constraint`` class
# attributes (and ignores ``_sql_constraints``); Odoo 18 reads the list
# ``_sql_constraints``. The same declaration serves both: on 18 it adds
# itself to the class's list under the same name, so the constraint is
# ``<table>_<name>`` in PostgreSQL on both.
if hasattr(models, "Constraint"):
    Constraint = models.Constraint
else:

    class Constraint:
        def __init__(self, definition, message=""):
            self.definition = definition
            self.message = message

        def __set_name__(self, owner, name):
            assert name.startswith("_"), "constraint names start with '_'"
            declared = list(owner.__dict__.get("_sql_constraints", []))
            declared.append((name[1:], self.definition, self.message))
            owner._sql_constraints = declared
