"""Each add-on builds as an OCA-style wheel (whool): odoo-addon-<name>, the
manifest's version, Odoo 19 (the main host) and the manifest's Python
dependencies (and the core, for an integration add-on) as requirements, and
the add-on's files.

Usage: python check_wheels.py WHEEL_DIR ADDON...
"""

import ast
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def check(wheel_dir, addon):
    manifest = ast.literal_eval((ROOT / addon / "__manifest__.py").read_text())
    [wheel] = Path(wheel_dir).glob(f"odoo_addon_{addon}-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(archive.read(meta_name).decode())
    problems = []
    if meta["Name"] != f"odoo-addon-{addon}":
        problems.append(f"name {meta['Name']}")
    if not meta["Version"].startswith(manifest["version"]):
        problems.append(f"version {meta['Version']} for {manifest['version']}")
    requires = set(meta.get_all("Requires-Dist") or [])
    wanted = {
        "odoo==19.0.*",
        *manifest.get("external_dependencies", {}).get("python", []),
    }
    wanted |= {
        f"odoo-addon-{dep}==19.0.*"
        for dep in manifest["depends"]
        if (ROOT / dep).is_dir()
    }
    if not wanted <= requires:
        problems.append(
            f"requirements {sorted(requires)}, missing {sorted(wanted - requires)}"
        )
    for data_file in manifest.get("data", []) + manifest.get("demo", []):
        if f"odoo/addons/{addon}/{data_file}" not in names:
            problems.append(f"{data_file} not packaged")
    for lang in ("zh_CN", "zh_TW"):
        if f"odoo/addons/{addon}/i18n/{lang}.po" not in names:
            problems.append(f"i18n/{lang}.po not packaged")
    status = "ok" if not problems else "; ".join(problems)
    print(f"{wheel.name}: {len(names)} files, requires {sorted(requires)}: {status}")
    return not problems


if __name__ == "__main__":
    results = [check(sys.argv[1], addon) for addon in sys.argv[2:]]
    sys.exit(0 if all(results) else 1)
