from odoo.addons.sales_team_mgmt.access import MAGIC_FIELDS, Rule
from odoo.tests import TransactionCase, tagged

# The suite: the core and every add-on named after it, installed or not.
SUITE = "sales_team_mgmt"


def in_suite(module):
    return module == SUITE or module.startswith(f"{SUITE}_")


def our_stored_fields(model):
    return [
        name
        for name, field in model._fields.items()
        if field.store
        and name not in MAGIC_FIELDS
        and any(in_suite(module) for module in field._modules or ())
    ]


def our_public_methods(model):
    """Methods a client can call that only our classes define (overrides of
    Odoo's own methods keep Odoo's contract)."""
    ours, theirs = set(), set()
    for cls in type(model).mro():
        names = {
            name
            for name, value in vars(cls).items()
            if not name.startswith("_") and callable(value)
        }
        if cls.__module__.startswith("odoo.addons.") and in_suite(
            cls.__module__.split(".")[2]
        ):
            ours |= names
        else:
            theirs |= names
    return ours - theirs


@tagged("post_install", "-at_install")
class TestAccessTable(TransactionCase):
    """Every model of ours, every field we store and every button we offer
    is classified in an access table: a new feature cannot ship without
    saying who reads and writes what."""

    def _models(self):
        for name in sorted(self.registry.models):
            model = self.env[name]
            if model._abstract:
                continue
            if name.startswith("stm.") or our_stored_fields(model):
                yield model

    def test_every_model_inherits_the_mechanism(self):
        mechanism = type(self.env["stm.access.mixin"])
        missing = [
            model._name for model in self._models() if not isinstance(model, mechanism)
        ]
        self.assertEqual(missing, [])

    def test_every_stored_field_is_classified(self):
        unclassified = {}
        for model in self._models():
            if not hasattr(model, "_stm_access_table"):
                continue
            table = model._stm_access_table()
            left = sorted(set(our_stored_fields(model)) - set(table))
            if left:
                unclassified[model._name] = left
            unknown = sorted(set(table) - set(model._fields))
            self.assertFalse(unknown, f"{model._name}: no such fields {unknown}")
            for fname, rule in table.items():
                self.assertIsInstance(rule, Rule, f"{model._name}.{fname}")
                if rule.frozen:
                    self.assertTrue(
                        callable(getattr(model, rule.frozen, None)),
                        f"{model._name}.{fname}: no method {rule.frozen}",
                    )
        self.assertEqual(unclassified, {})

    def test_every_public_method_is_classified(self):
        unclassified = {}
        for model in self._models():
            if not hasattr(model, "_stm_actions"):
                continue
            left = sorted(our_public_methods(model) - set(model._stm_actions()))
            if left:
                unclassified[model._name] = left
        self.assertEqual(unclassified, {})

    def test_read_groups_reach_odoo(self):
        """A field the table keeps to some groups is kept by Odoo itself
        (read, search, grouping, export), whatever the client."""
        member = self.env["crm.team.member"]
        rule = member._stm_access_table()["stm_board_revenue"]
        self.assertTrue(rule.read)
        self.assertEqual(member._fields["stm_board_revenue"].groups, rule.read)
