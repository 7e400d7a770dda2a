"""Root test layer: no database, no Odoo. The policy package is imported on its
own (as top-level ``policy``) so that these tests never need Odoo."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDON = ROOT / "sales_team_mgmt"
# The core and the integration add-ons beside it (each has a manifest).
ADDONS = sorted(path.parent for path in ROOT.glob("*/__manifest__.py"))
sys.path.insert(0, str(ADDON))
