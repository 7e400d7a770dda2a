import math
from datetime import date, datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

# A one-line text longer than this would fail in an index (a search index or
# a unique constraint) with a server error; nobody types more on one line.
MAX_LINE_TEXT = 1024
# PostgreSQL's integer column.
INT_RANGE = (-(2**31), 2**31 - 1)
# Dates our models accept: far enough either way for any sales record.
YEAR_RANGE = (1900, 2999)


def check_client_values(records, vals_list, creating=False):
    """What a client sends to ``records``' create or write, checked before
    anything reaches the database: each value fits its field (a date is a
    date, a selection one of its values, a number a finite number, a record
    an id, a one-line text not a page long), then the guarded fields (see
    :class:`StmGuardedMixin`). Code running as superuser is trusted."""
    if records.env.su:
        return
    for vals in vals_list:
        for fname, value in vals.items():
            field = records._fields.get(fname)
            problem = field and _value_problem(records, field, value)
            if problem:
                raise UserError(
                    records.env._(
                        "%(field)s (%(model)s): %(problem)s",
                        field=field.get_description(records.env)["string"],
                        model=records._description,
                        problem=problem,
                    )
                )
    _check_guarded_fields(records, vals_list, creating)


def _value_problem(records, field, value):
    """Why ``value`` cannot go into ``field``, or None."""
    env = records.env
    if value is None or (value is False and field.type != "boolean"):
        return None
    kind = field.type
    if kind in ("char", "text", "html"):
        if not isinstance(value, str):
            return env._("expects text.")
        if kind == "char" and len(value) > (field.size or MAX_LINE_TEXT):
            return env._(
                "too long (at most %s characters).", field.size or MAX_LINE_TEXT
            )
    elif kind in ("integer", "float", "monetary"):
        number = _as_number(value)
        if number is None:
            return env._("“%s” is not a number.", _shorten(value))
        if kind == "integer" and not INT_RANGE[0] <= number <= INT_RANGE[1]:
            return env._("%s is out of range.", _shorten(value))
    elif kind in ("date", "datetime"):
        day = _as_date(field, value)
        if day is None:
            return env._("“%s” is not a valid date (YYYY-MM-DD).", _shorten(value))
        if (
            _checks_year(records, field)
            and not YEAR_RANGE[0] <= day.year <= YEAR_RANGE[1]
        ):
            return env._(
                "%(date)s is not a plausible date (years %(first)s to %(last)s).",
                date=day,
                first=YEAR_RANGE[0],
                last=YEAR_RANGE[1],
            )
    elif kind == "selection":
        allowed = dict(field._description_selection(records.env))
        if value not in allowed:
            listed = [f"{key} ({label})" for key, label in allowed.items()]
            return env._(
                "“%(value)s” is not one of the allowed values: %(allowed)s.",
                value=_shorten(value),
                allowed=", ".join(listed[:20]) + (", …" if len(listed) > 20 else ""),
            )
    elif kind == "many2one":
        if isinstance(value, models.BaseModel):
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            return env._("expects the id of a record, not “%s”.", _shorten(value))
    return None


def _as_number(value):
    if isinstance(value, bool):
        return int(value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _as_date(field, value):
    if isinstance(value, (date, datetime)):
        return value
    if not isinstance(value, str):
        return None
    try:
        converted = (
            fields.Datetime.to_datetime(value)
            if field.type == "datetime"
            else fields.Date.to_date(value)
        )
    except ValueError:
        return None
    return converted or None


def _checks_year(records, field):
    """Our own dates are checked for plausibility; Odoo's keep Odoo's rules."""
    return records._name.startswith("stm.") or field.name.startswith("stm_")


def _shorten(value, limit=40):
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _check_guarded_fields(records, vals_list, creating):
    guarded = records._stm_guarded_fields()
    touched = {fname for vals in vals_list for fname in vals if fname in guarded}
    if not touched:
        return
    touched -= records._stm_guard_exempt_fields()
    if creating:
        touched -= records._stm_guard_create_fields()
        # Web forms send the computed fields they show along with a new
        # record: the server computes them anyway, so they are dropped.
        for fname in [f for f in touched if records._fields[f].compute]:
            for vals in vals_list:
                vals.pop(fname, None)
            touched.discard(fname)
        touched = {
            fname
            for fname in touched
            if any(
                vals.get(fname) not in (None, False, _default(records, fname))
                for vals in vals_list
                if fname in vals
            )
        }
    if not touched:
        return
    fname = sorted(touched)[0]
    raise UserError(
        records.env._(
            "%(field)s (%(model)s) is not typed in: it changes through %(buttons)s.",
            field=records._fields[fname].get_description(records.env)["string"],
            model=records._description,
            buttons=guarded[fname],
        )
    )


def _default(records, fname):
    """What a new record gets for ``fname`` without a value, in the form a
    client sends it (an id for a many2one)."""
    field = records._fields[fname]
    if not field.default:
        return False
    value = field.default(records)
    return value.id if isinstance(value, models.BaseModel) else value


class StmGuardedMixin(models.AbstractModel):
    """What a client may send: values that fit their fields, and workflow
    fields that change only through their actions.

    A model lists its guarded fields in ``_stm_guarded_fields()`` with the
    button that changes each. Actions make their changes in a ``sudo()``
    environment (superuser mode), the only one let through; a context key
    never is. ``_stm_guard_exempt_fields()`` names the guarded fields the
    current user may still set by hand (a manager's choice that a button then
    applies), ``_stm_guard_create_fields()`` those chosen at creation only.
    Models that are not ours (leads, partners) define the same three methods
    and call :func:`check_client_values` first in their create and write."""

    _name = "stm.guarded.mixin"
    _description = "Checks of What a Client Sends"

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

    @api.model_create_multi
    def create(self, vals_list):
        check_client_values(self, vals_list, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_client_values(self, [vals])
        return super().write(vals)
