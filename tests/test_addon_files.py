"""Manifest and data-file sanity, checked without Odoo."""

import ast
import csv
import re

import pytest
from conftest import ADDON, ADDONS
from lxml import etree

XML_FILES = sorted(path for addon in ADDONS for path in addon.rglob("*.xml"))
by_name = pytest.mark.parametrize("addon", ADDONS, ids=lambda p: p.name)


def manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))


def test_manifest_contract():
    core = manifest(ADDON)
    # crm and what it pulls in. Anything else (hr, sms, survey, the referral
    # tree's web_hierarchy, ...) goes in an add-on of its own.
    assert set(core["depends"]) == {"crm"}
    assert "opencc" in core["external_dependencies"]["python"]
    assert ADDON in ADDONS


def suite_depends(addon):
    """The add-ons of the suite ``addon`` needs, directly or not."""
    names = {other.name: other for other in ADDONS}
    found, todo = set(), [addon]
    while todo:
        for name in set(manifest(todo.pop())["depends"]) & set(names) - found:
            found.add(name)
            todo.append(names[name])
    return found


@by_name
def test_every_manifest_is_installable_lgpl_on_19_and_18(addon):
    """A short version (no series): Odoo 19 and 18 each read it as a
    version of their own series; the wheel is built for 19.0."""
    data = manifest(addon)
    assert re.fullmatch(r"\d+\.\d+\.\d+", data["version"]), data["version"]
    pyproject = (addon / "pyproject.toml").read_text(encoding="utf-8")
    assert 'odoo_series_override = "19.0"' in pyproject
    assert data["license"] == "LGPL-3"
    assert data["installable"]
    if addon != ADDON:
        # Every add-on of the suite builds on the core, directly or through
        # another add-on of the suite.
        assert ADDON.name in suite_depends(addon)
    if data.get("auto_install"):
        # A bridge: exactly the two things it joins, installed by itself
        # when both are there.
        assert len(data["depends"]) == 2


def test_no_cycle_between_the_add_ons():
    """The suite's add-ons depend on each other in one direction only: the
    core on none of them."""
    names = {addon.name for addon in ADDONS}
    graph = {addon.name: set(manifest(addon)["depends"]) & names for addon in ADDONS}
    assert graph[ADDON.name] == set()
    done = set()
    while len(done) < len(graph):
        ready = {name for name, needs in graph.items() if needs <= done} - done
        assert ready, f"a cycle among {sorted(set(graph) - done)}"
        done |= ready


@by_name
def test_manifest_files_exist_and_every_data_file_is_listed(addon):
    data = manifest(addon)
    listed = data["data"] + data.get("demo", [])
    for name in listed:
        assert (addon / name).is_file(), name
    assert len(listed) == len(set(listed)), "a file is listed twice"
    on_disk = {
        str(p.relative_to(addon))
        for folder in ("views", "security", "data", "demo", "report", "wizards")
        for p in (addon / folder).glob("*")
        if p.suffix in (".xml", ".csv")
    }
    assert on_disk <= set(listed), on_disk - set(listed)


@by_name
def test_demo_only_in_demo(addon):
    data = manifest(addon)
    for name in data["data"]:
        assert not name.startswith("demo/"), name
    for name in data.get("demo", []):
        assert name.startswith("demo/"), name


@by_name
def test_readme_title_is_fully_underlined(addon):
    """Odoo renders README.rst on the Apps page: docutils warns (in the
    server log) about a title line shorter than the title."""
    over, title, under = (
        (addon / "README.rst").read_text(encoding="utf-8").split("\n")[:3]
    )
    assert set(over) == set(under) == {"="}, addon.name
    assert len(over) >= len(title) and len(under) >= len(title), addon.name


@pytest.mark.parametrize(
    "path", XML_FILES, ids=lambda p: f"{p.parents[1].name}/{p.name}"
)
def test_xml_is_well_formed_and_odoo_18(path):
    tree = etree.parse(str(path))
    text = path.read_text(encoding="utf-8")
    assert not tree.xpath("//tree"), "Odoo 18 uses <list>"
    assert not re.search(r"\battrs=|\bstates=", text), "use invisible=/readonly="
    for record in tree.xpath("//record[@model='ir.ui.view']"):
        assert record.get("id"), "every view has an xml id"
    if path.parent.name == "demo":
        for record in tree.xpath("//record"):
            if "." not in record.get("id"):  # others' records keep their ids
                assert record.get("id").endswith("_demo"), record.get("id")


def test_xml_ids_follow_oca_names():
    pattern = {
        "ir.ui.view": r"_view_(form|list|search|kanban|pivot|graph|calendar|"
        r"hierarchy)(_\w+)?$",
        "ir.actions.act_window": r"_action(_\w+)?$",
        "ir.rule": r"_rule_\w+$",
    }
    for path in XML_FILES:
        for record in etree.parse(str(path)).xpath("//record"):
            regex = pattern.get(record.get("model"))
            if regex and "." not in record.get("id"):
                assert re.search(regex, record.get("id")), record.get("id")


@by_name
def test_access_csv_rows_are_complete(addon):
    access = addon / "security" / "ir.model.access.csv"
    rows = []
    if access.exists():
        with access.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert rows
    models_with_access = {row["model_id:id"] for row in rows}
    declared = set()
    for path in (addon / "models").glob("*.py"):
        if "models.AbstractModel" in path.read_text():
            continue  # no table, no access rights
        text = path.read_text()
        for match in re.finditer(r'^    _name = "([\w.]+)"', text, re.MULTILINE):
            inherit = re.search(r"_inherit = \[([^\]]*)\]", text)
            if inherit and f'"{match.group(1)}"' in inherit.group(1):
                continue  # an extension adding a mixin to an existing model
            declared.add("model_" + match.group(1).replace(".", "_"))
    assert declared <= models_with_access, declared - models_with_access
    for row in rows:
        for perm in ("perm_read", "perm_write", "perm_create", "perm_unlink"):
            assert row[perm] in ("0", "1")


# ORM overrides and API methods whose return value is Odoo's, not an action.
NOT_ACTIONS = {"create", "write", "unlink", "copy", "init", "default_get"}


def _public_methods():
    """(file, class, method) of every public method the add-on defines on its
    models and wizards: what a client can call over RPC."""
    for addon in ADDONS:
        for path in sorted(
            path
            for folder in ("models", "wizard")
            for path in (addon / folder).glob("*.py")
        ):
            tree = ast.parse(path.read_text(), str(path))
            for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
                for node in cls.body:
                    if (
                        isinstance(node, ast.FunctionDef)
                        and not node.name.startswith("_")
                        and node.name not in NOT_ACTIONS
                    ):
                        yield f"{addon.name}/{path.name}", cls.name, node


def _always_returns_a_value(body):
    """True when every path through ``body`` ends in ``return <value>`` or a
    ``raise``."""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, ast.Return):
        return last.value is not None and not (
            isinstance(last.value, ast.Constant) and last.value.value is None
        )
    if isinstance(last, ast.Raise):
        return True
    if isinstance(last, ast.If):
        return _always_returns_a_value(last.body) and _always_returns_a_value(
            last.orelse
        )
    return False


def test_public_methods_return_true_or_an_action():
    """XML-RPC cannot marshal None: a button that returns nothing makes the
    client report a fault although the change was committed."""
    offenders = [
        f"{path}:{cls}.{node.name}"
        for path, cls, node in _public_methods()
        if not _always_returns_a_value(node.body)
    ]
    assert not offenders, offenders


@by_name
def test_no_model_file_imports_another(addon):
    """Models meet through the registry (``self.env[...]``); shared
    vocabulary lives outside ``models/`` (``access.py``, ``compat.py``,
    ``policy/``), so any model file can move to another add-on alone."""
    offenders = []
    for path in sorted((addon / "models").glob("*.py")):
        if path.name == "__init__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom):
                continue
            module = node.module or ""
            if node.level == 1 or ".models" in f".{module}":
                offenders.append(f"{path.name}: from {'.' * node.level}{module}")
    assert not offenders, offenders


def test_demo_activates_the_languages_it_gives_people():
    """The demo's people read Chinese. Installed where Chinese is not loaded
    (Odoo's default), Odoo writes their to-dos in their language and fails
    on one that is not active, which loses the whole demo: the core's first
    demo file activates every language any demo of the suite gives."""
    first = etree.parse(str(ADDON / manifest(ADDON)["demo"][0])).getroot()
    activated, seen_lang = set(), False
    for node in first.iter("function", "field"):
        if node.tag == "field" and node.get("name") == "lang":
            seen_lang = True
        elif node.get("name") == "_activate_lang":
            assert not seen_lang, "activated after a record already uses it"
            activated.add(ast.literal_eval(node.get("eval"))[1])
    given = {
        node.text.strip()
        for addon in ADDONS
        for name in manifest(addon).get("demo", [])
        for node in etree.parse(str(addon / name)).iter("field")
        if node.get("name") == "lang" and node.text
    }
    given.discard("en_US")  # Odoo's own, always there
    assert given, "the demo gives its people a language"
    assert given <= activated, given - activated
