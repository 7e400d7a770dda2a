from odoo import api, models
from odoo.exceptions import UserError


class StmGuardedMixin(models.AbstractModel):
    """Workflow fields that change only through their actions.

    A model lists its guarded fields in ``_stm_guarded_fields()`` with the
    button that changes each, and calls ``_stm_guard()`` first thing in its
    ``create`` and ``write``. Actions make their changes in a ``sudo()``
    environment (superuser mode), the only one the guard lets through; a
    context key never does. ``_stm_guard_exempt_fields()`` names the guarded
    fields the current user may still set by hand (a manager's choice that a
    button then applies)."""

    _name = "stm.guarded.mixin"
    _description = "Fields Changed Only by Their Actions"

    def _stm_guarded_fields(self):
        """{field name: the button(s) that change it}; extend with super()."""
        return {}

    def _stm_guard_exempt_fields(self):
        """Guarded fields the current user may write directly."""
        return set()

    def _stm_guard_create_fields(self):
        """Guarded fields chosen when the record is created (and checked by
        its ``create``), fixed afterwards."""
        return set()

    @api.model
    def _stm_guard_default(self, fname):
        """What a new record gets for ``fname`` without a value, in the form a
        client sends it (an id for a many2one)."""
        field = self._fields[fname]
        if not field.default:
            return False
        value = field.default(self)
        if isinstance(value, models.BaseModel):
            return value.id
        return value

    def _stm_guard(self, vals_list, creating=False):
        """Refuse values of guarded fields unless in superuser mode. On create
        a guarded field may only carry its default (clients send the form's
        defaults along)."""
        if self.env.su:
            return
        guarded = self._stm_guarded_fields()
        touched = {fname for vals in vals_list for fname in vals if fname in guarded}
        if not touched:
            return
        touched -= self._stm_guard_exempt_fields()
        if creating:
            touched -= self._stm_guard_create_fields()
            touched = {
                fname
                for fname in touched
                if any(
                    vals.get(fname) not in (None, False, self._stm_guard_default(fname))
                    for vals in vals_list
                    if fname in vals
                )
            }
        if not touched:
            return
        fname = sorted(touched)[0]
        raise UserError(
            self.env._(
                "%(field)s (%(model)s) is not typed in: it changes through "
                "%(buttons)s.",
                field=self._fields[fname].get_description(self.env)["string"],
                model=self._description,
                buttons=guarded[fname],
            )
        )
