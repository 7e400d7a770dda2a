"""The access table's vocabulary (how one field is written and read) and
the checks of a client's values against it. Not a model: the models import
it, and the mixin in ``models/stm_access_mixin.py`` enforces it."""

import math
from datetime import date, datetime
from typing import NamedTuple

from odoo import fields, models
from odoo.exceptions import UserError

# A one-line text longer than this would fail in an index (a search index or
# a unique constraint) with a server error; nobody types more on one line.
MAX_LINE_TEXT = 1024
# PostgreSQL's integer column.
INT_RANGE = (-(2**31), 2**31 - 1)
# Dates our models accept: far enough either way for any sales record.
YEAR_RANGE = (1900, 2999)


# Fields every model has, written by the ORM itself.
MAGIC_FIELDS = frozenset(
    ("id", "create_uid", "create_date", "write_uid", "write_date", "display_name")
)


class Rule(NamedTuple):
    """How one field is written and read.

    ``write``: ``typed`` (by whoever may write the record, or only ``by``:
    groups, or the name of a method of the records saying whether the
    current user may),
    ``once`` (chosen at creation, fixed afterwards except for ``by``),
    ``action`` (only ``buttons`` change it; ``by`` may still type it) or
    ``system`` (computed or written by the module only).
    ``read``: the groups that read it (empty: whoever reads the record).
    ``frozen``: the name of a method ``(fname, value) -> (records, reason)``
    that says which of the records no longer take that value for that field
    (``fname`` None: which can no longer be deleted)."""

    write: str
    buttons: str = ""
    by: str = ""
    read: str = ""
    frozen: str = ""


def typed(by="", read="", frozen=""):
    return Rule("typed", by=by, read=read, frozen=frozen)


def once(by="", read=""):
    return Rule("once", by=by, read=read)


def action(buttons, by="", read="", frozen=""):
    return Rule("action", buttons=buttons, by=by, read=read, frozen=frozen)


def system(read=""):
    return Rule("system", read=read)


def check_client_values(records, vals_list, creating=False):
    """What a client sends to ``records``' create or write, checked before
    anything reaches the database: each value fits its field (a date is a
    date, a selection one of its values, a number a finite number, a record
    an id, a one-line text not a page long), then the access table (see
    :class:`StmAccessMixin`). Code running as superuser is trusted."""
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
    _check_table(records, vals_list, creating)


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


def _check_table(records, vals_list, creating):
    """The access table's write rules for what a client sends."""
    touched = {fname for vals in vals_list for fname in vals}
    table = records._stm_access_table()
    user = records.env.user
    for fname in sorted(touched & table.keys()):
        rule = table[fname]
        field = records._fields[fname]
        allowed = bool(rule.by) and (
            getattr(records, rule.by)()
            if rule.by.startswith("_")
            else user.has_groups(rule.by)
        )
        if creating:
            if rule.write in ("action", "system") and field.compute:
                # Web forms send the computed fields they show along with a
                # new record: the server computes them anyway.
                for vals in vals_list:
                    vals.pop(fname, None)
                continue
            restricted = rule.write in ("action", "system") or (
                rule.write == "typed" and rule.by
            )
            if not restricted or allowed:
                continue
            if all(
                vals.get(fname) in (None, False, _default(records, fname))
                for vals in vals_list
                if fname in vals
            ):
                continue
        elif allowed or (rule.write == "typed" and not rule.by):
            pass
        else:
            _refuse(records, rule, field)
        if creating:
            _refuse(records, rule, field)
        if rule.frozen and not creating:
            frozen, reason = getattr(records, rule.frozen)(fname, vals_list[0][fname])
            if frozen:
                raise UserError(
                    records.env._(
                        "%(field)s of %(record)s no longer changes: %(reason)s",
                        field=_label(records, field),
                        record=frozen[0].display_name,
                        reason=reason,
                    )
                )


def _label(records, field):
    return field.get_description(records.env)["string"]


def _refuse(records, rule, field):
    env = records.env
    values = {"field": _label(records, field), "model": records._description}
    if rule.write == "action":
        message = env._(
            "%(field)s (%(model)s) is not typed in: it changes through %(buttons)s.",
            buttons=rule.buttons,
            **values,
        )
    elif rule.write == "system":
        message = env._(
            "%(field)s (%(model)s) is worked out by the system: it is not typed in.",
            **values,
        )
    elif rule.write == "once":
        message = env._(
            "%(field)s (%(model)s) is chosen when the record is created and "
            "does not change afterwards.",
            **values,
        )
    elif rule.by.startswith("_"):
        message = env._("You cannot change %(field)s (%(model)s) here.", **values)
    else:
        message = env._(
            "Only %(who)s can change %(field)s (%(model)s).",
            who=_group_names(env, rule.by),
            **values,
        )
    raise UserError(message)


def _group_names(env, spec):
    names = []
    for xmlid in spec.split(","):
        group = env.ref(xmlid.strip().lstrip("!"), raise_if_not_found=False)
        if group:
            names.append(group.sudo().name)
    return env._(" or ").join(names) if names else spec


def _default(records, fname):
    """What a new record gets for ``fname`` without a value, in the form a
    client sends it (an id for a many2one)."""
    field = records._fields[fname]
    if not field.default:
        return False
    value = field.default(records)
    return value.id if isinstance(value, models.BaseModel) else value
