"""Root test layer: no database, no Odoo. The policy package is imported on its
own (as top-level ``policy``) so that these tests never need Odoo."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDON = ROOT / "sales_team_mgmt"
sys.path.insert(0, str(ADDON))
