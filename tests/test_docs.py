"""The repository explains itself: the architecture page names files that
exist, and no comment points to a document outside the repository."""

import re

from conftest import ADDONS, ROOT

ARCHITECTURE = ROOT / "docs" / "architecture.md"


def test_architecture_names_files_that_exist():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:[\w.]+/)+[\w.]+\.(?:py|xml|md|csv))`", text))
    assert len(paths) > 15
    missing = [
        path
        for path in paths
        if not any(
            (base / path).exists() or (base / "sales_team_mgmt" / path).exists()
            for base in (ROOT,)
        )
    ]
    assert not missing, missing


def test_architecture_functions_exist():
    """`module.function` in the rule table is a function of policy/."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    policy = ROOT / "sales_team_mgmt" / "policy"
    for module, function in re.findall(r"`(\w+)\.(\w+)`", text):
        source = policy / f"{module}.py"
        if source.exists():
            assert f"def {function}(" in source.read_text(encoding="utf-8"), (
                f"{module}.{function}"
            )


def test_no_reference_to_documents_outside_the_repository():
    offenders = []
    for addon in ADDONS:
        for path in addon.rglob("*"):
            if path.suffix in (".py", ".xml", ".md", ".rst") and path.is_file():
                if re.search(r"\bDESIGN\b", path.read_text(encoding="utf-8")):
                    offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, offenders
