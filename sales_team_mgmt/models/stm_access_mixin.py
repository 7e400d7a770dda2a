"""The access table: every field a model of ours stores, classified (who
reads it, who writes it, whether only an action writes it, from when it is
frozen), and the one mechanism that enforces it for every client."""

import re

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..access import check_client_values
from ..compat import check_field_read


class StmAccessMixin(models.AbstractModel):
    """The access table of a model and its enforcement, for every client.

    Each model lists every field it stores (and each field it adds to an
    Odoo model) in ``_stm_access()``: ``{field name: rule}`` built with
    :func:`typed`, :func:`once`, :func:`action` and :func:`system`, extended
    with ``super()`` by each file that adds fields. Its public methods (the
    buttons a client may call) are listed in ``_stm_actions()`` with who
    may call them; each checks that itself. A test fails on any stored field,
    model or public method left out.

    Enforced here, once: values that fit their fields, write rules, freezes
    (deleting included) on create, write and unlink; read groups become the
    fields' ``groups``, which Odoo applies to read, search, grouping and
    export. Actions make their changes in a ``sudo()`` environment, the only
    one let through; a context key never is."""

    _name = "stm.access.mixin"
    _description = "Access Table"

    def _stm_access(self):
        """{field name: Rule}; extend with super()."""
        return {}

    def _stm_actions(self):
        """{public method: who may call it (it checks so itself)}; extend
        with super()."""
        return {}

    @api.model
    def _stm_insert_defaults(self, given):
        """{column: SQL value} of the stored fields a hand-written INSERT does
        not list (``given``) but the ORM would fill: their defaults, as the
        current user would get them. A field another add-on adds with a
        default (or required) is then written by our inserts too."""
        skipped = {"id", *models.MAGIC_COLUMNS, *given}
        names = [
            name
            for name, field in self._fields.items()
            if field.store
            and field.column_type
            and name not in skipped
            and (field.default is not None or field.required)
        ]
        defaults = self.default_get(names)
        return {
            name: self._fields[name].convert_to_column_insert(value, self)
            for name, value in defaults.items()
        }

    @api.model
    def _stm_more_columns(self, given):
        """The same as SQL to append to an INSERT's lists:
        ``(", col, …", ", value, …")``."""
        defaults = self._stm_insert_defaults(given)
        return (
            SQL("").join(SQL(", %s", SQL.identifier(column)) for column in defaults),
            SQL("").join(SQL(", %s", value) for value in defaults.values()),
        )

    def _stm_access_table(self):
        return self._stm_access()

    def _stm_apply_read_groups(self):
        for fname, rule in self._stm_access_table().items():
            if rule.read and fname in self._fields:
                self._fields[fname].groups = rule.read

    # The read groups are set once the fields are set up: Odoo 18 calls the
    # first hook, Odoo 19 (which sets fields up outside the model) the second.
    def _setup_fields(self):
        result = super()._setup_fields()
        self._stm_apply_read_groups()
        return result

    def _post_model_setup__(self):
        result = super()._post_model_setup__()
        self._stm_apply_read_groups()
        return result

    @api.model_create_multi
    def create(self, vals_list):
        check_client_values(self, vals_list, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_client_values(self, [vals])
        return super().write(vals)

    def export_data(self, fields_to_export):
        # Odoo's export neither checks that the user may read the records it
        # is given (it writes their external ids) nor, on Odoo 18, the groups
        # of a field whose value another screen left in the cache: both are
        # checked here, along every exported path.
        self.check_access("read")
        for path in fields_to_export:
            model = self
            for name in re.split("[/:]", path):
                field = model._fields.get(name.split(".")[0])
                if field is None:
                    break
                check_field_read(model, field)
                if not field.relational:
                    break
                model = self.env[field.comodel_name]
        return super().export_data(fields_to_export)

    def _creation_message(self):
        # (Models of ours with a chatter.) Without a language in the context
        # — a job, the demo — Odoo words the line in the user's language but
        # names the model in English ("Sales Report 创建"): both in his.
        if self.env.context.get("lang"):
            return super()._creation_message()
        lang = self.env["res.users"].context_get().get("lang")
        return super(StmAccessMixin, self.with_context(lang=lang))._creation_message()

    @api.ondelete(at_uninstall=False)
    def _unlink_stm_frozen(self):
        """Deleting is a write of every field: it obeys the freezes."""
        if self.env.su:
            return
        methods = {r.frozen for r in self._stm_access_table().values() if r.frozen}
        for method in sorted(methods):
            frozen, reason = getattr(self, method)(None, None)
            if frozen:
                raise UserError(
                    self.env._(
                        "%(record)s can no longer be deleted: %(reason)s",
                        record=frozen[0].display_name,
                        reason=reason,
                    )
                )
