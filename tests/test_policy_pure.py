"""policy/ is the functional core: it must never import Odoo."""

import ast
import subprocess
import sys

from conftest import ADDON

POLICY = ADDON / "policy"


def test_policy_sources_import_no_odoo():
    offenders = []
    for path in sorted(POLICY.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.ImportFrom) and node.level > 1:
                names = ["(relative import leaving policy/)"]
            offenders += [
                f"{path.name}: {name}"
                for name in names
                if name.split(".")[0] == "odoo" or name.startswith("(")
            ]
    assert not offenders


def test_policy_imports_in_a_python_without_odoo():
    modules = sorted(p.stem for p in POLICY.glob("*.py") if p.stem != "__init__")
    code = (
        "import sys; sys.modules['odoo'] = None; "
        f"sys.path.insert(0, {str(ADDON)!r}); "
        + "; ".join(f"import policy.{name}" for name in modules)
    )
    subprocess.run([sys.executable, "-c", code], check=True)
