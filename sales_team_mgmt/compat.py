"""What differs between Odoo 19 (the main host) and Odoo 18, in one place.

Only the ORM's vocabulary lives here, never a business rule: the models, the
data files (through ``<function>``) and the tests use these names and read
the same on both series."""

import threading

from odoo import release

SERIES = release.version_info[0]
ODOO_19 = SERIES >= 19

if ODOO_19:
    from odoo.fields import Domain
else:
    from odoo.osv import expression
    from odoo.service.model import _as_validation_error

# SQL constraints: Odoo 19 declares them as ``models.Constraint`` class
# attributes (and ignores ``_sql_constraints``); Odoo 18 reads the list
# ``_sql_constraints``. The same declaration serves both: on 18 it adds
# itself to the class's list under the same name, so the constraint is
# ``<table>_<name>`` in PostgreSQL on both.
if ODOO_19:
    from odoo.models import Constraint
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


# res.users: the groups given to a user, and those he has (implied included).
USER_GROUPS = "group_ids" if ODOO_19 else "groups_id"
USER_ALL_GROUPS = "all_group_ids" if ODOO_19 else "groups_id"

# Odoo 19 dropped the second phone number of partners and leads.
PHONE_FIELDS = ("phone",) if ODOO_19 else ("phone", "mobile")

# crm.stage: one team (18, ``team_id``) or several (19, ``team_ids``).
STAGE_TEAMS = "team_ids" if ODOO_19 else "team_id"


def stage_teams(stage):
    return stage[STAGE_TEAMS]


def stage_team_values(team):
    """Values making a new stage the team's own."""
    return {"team_ids": [(6, 0, team.ids)]} if ODOO_19 else {"team_id": team.id}


def file_groups(env, places):
    """Files our groups where each series shows them on the user form:
    ``places`` maps a group's xml id to ``(category, privilege)``. On 18 the
    group goes into the category (an ``ir.module.category`` xml id); on 19
    into the privilege: an existing xml id, or ``(xml id, name, sequence)``
    of one made here in the category."""
    for group_xmlid, (category_xmlid, privilege) in places.items():
        group = env.ref(group_xmlid)
        if not ODOO_19:
            group.category_id = env.ref(category_xmlid)
            continue
        if isinstance(privilege, str):
            group.privilege_id = env.ref(privilege)
            continue
        xmlid, name, sequence = privilege
        record = env["res.groups.privilege"]._load_records(
            [
                {
                    "xml_id": xmlid,
                    "values": {
                        "name": name,
                        "sequence": sequence,
                        "category_id": env.ref(category_xmlid).id,
                    },
                    "noupdate": False,
                }
            ]
        )
        group.privilege_id = record


def check_field_read(model, field):
    """Raises ``AccessError`` unless the user may read ``field`` of
    ``model`` (its ``groups``)."""
    if ODOO_19:
        model._check_field_access(field, "read")
    else:
        model.check_field_access_rights("read", [field.name])


def cron_progress(env, done, processed, remaining):
    """Logs a long job's progress and keeps its finished batch (commit), only
    when a job runner runs it: never in a test, whose cursor must not commit
    (as ``addons/crm`` does), nor when a script calls the method."""
    if getattr(threading.current_thread(), "testing", False):
        return
    if not env.context.get("ir_cron_progress_id"):
        return
    if ODOO_19:
        env["ir.cron"]._commit_progress(processed, remaining=remaining)
    else:
        env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        env.cr.commit()  # pylint: disable=invalid-commit


def read_group(model, domain, groupby):
    """The grouped read any client may call (``formatted_read_group`` on
    19, ``read_group`` on 18): one dict per group, with its count."""
    if ODOO_19:
        return model.formatted_read_group(domain, groupby, ["__count"])
    return model.read_group(domain, groupby, groupby, lazy=False)


def web_read_group(model, domain, groupby):
    """The groups of ``web_read_group``, as the kanban view asks (empty
    columns included)."""
    model = model.with_context(read_group_expand=True)
    if ODOO_19:
        return model.web_read_group(
            domain, groupby, ["__count"], unfold_read_specification={"id": {}}
        )["groups"]
    # (Odoo 18 fills the empty columns in a lazy grouping only.)
    return model.web_read_group(domain, groupby, groupby)["groups"]


def domain_or(domains):
    """Any of these domains (``Domain`` on 19, ``expression`` on 18)."""
    if ODOO_19:
        return list(Domain.OR(domains))
    return expression.OR(domains)


def domain_not(domain):
    """The records outside this domain."""
    if ODOO_19:
        return list(~Domain(domain))
    return ["!", *expression.normalize_domain(domain)]


def integrity_message(env, model_name, exc):
    """What the RPC layer shows a user for a violated database constraint."""
    if ODOO_19:
        return env[model_name]._sql_error_to_message(exc)
    return _as_validation_error(env, exc).args[0]


__all__ = [
    "ODOO_19",
    "PHONE_FIELDS",
    "SERIES",
    "STAGE_TEAMS",
    "USER_ALL_GROUPS",
    "USER_GROUPS",
    "Constraint",
]
