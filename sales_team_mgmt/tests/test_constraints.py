from pathlib import Path

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from ..compat import Constraint


def in_suite(python_module):
    """Code of the core or of an add-on of the suite (installed or not)."""
    parts = python_module.split(".")
    return parts[:2] == ["odoo", "addons"] and (
        parts[2] == "sales_team_mgmt" or parts[2].startswith("sales_team_mgmt_")
    )


@tagged("post_install", "-at_install")
class TestConstraintsExist(TransactionCase):
    """Every CHECK and UNIQUE constraint the add-ons declare is in
    PostgreSQL's catalogue after install, on Odoo 19 as on 18 (19 silently
    ignores the old ``_sql_constraints``; a constraint that is only declared
    protects nothing)."""

    def _declared(self):
        declared = set()
        for name in self.registry.models:
            model = self.env[name]
            if model._abstract or not model._auto:
                continue
            for cls in type(model).mro():
                if not in_suite(cls.__module__):
                    continue
                for attr, value in vars(cls).items():
                    if isinstance(value, Constraint):
                        declared.add((model._table, f"{model._table}_{attr[1:]}"))
        return declared

    def test_every_declared_constraint_is_in_the_database(self):
        declared = self._declared()
        # A scan that missed the classes would check nothing: it finds at
        # least the constraints the core's model files declare.
        models_dir = Path(get_module_path("sales_team_mgmt")) / "models"
        in_core = sum(
            source.read_text(encoding="utf-8").count(" = Constraint(")
            for source in models_dir.glob("*.py")
        )
        self.assertGreater(in_core, 0)
        self.assertGreaterEqual(len(declared), in_core)
        self.env.cr.execute(
            SQL(
                "SELECT rel.relname, con.conname FROM pg_constraint con "
                "JOIN pg_class rel ON rel.oid = con.conrelid "
                "WHERE con.contype IN ('c', 'u') AND rel.relname IN %s",
                tuple({table for table, _name in declared}),
            )
        )
        present = set(self.env.cr.fetchall())
        self.assertEqual(declared - present, set())

    def test_the_partial_indexes_exist(self):
        self.env.cr.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'stm_claim_key'"
        )
        names = {row[0] for row in self.env.cr.fetchall()}
        self.assertIn("stm_claim_key_active_uniq", names)
        self.assertIn("stm_claim_key_released_idx", names)
