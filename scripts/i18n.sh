#!/usr/bin/env bash
# Refreshes i18n/sales_team_mgmt.pot from a database with the module installed
# and merges new terms into zh_CN.po / zh_TW.po (existing translations kept).
# Usage: scripts/i18n.sh [database]   (default: stm_i18n, created if missing)
source "$(dirname "$0")/lib.sh"
require_odoo
require_postgres
"$ROOT/scripts/venv.sh"
db=${1:-stm_i18n}
if psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
    odoo_bin -d "$db" --data-dir="$ROOT/var/i18n" -u "$ADDON" --stop-after-init --log-level=warn
else
    odoo_bin -d "$db" --data-dir="$ROOT/var/i18n" -i "$ADDON" --without-demo=all \
        --stop-after-init --log-level=warn
fi
odoo_bin -d "$db" --data-dir="$ROOT/var/i18n" --i18n-export="$ROOT/$ADDON/i18n/$ADDON.pot" \
    --modules="$ADDON" --stop-after-init --log-level=warn
"$VENV/bin/python" "$ROOT/scripts/i18n_merge.py" "$ROOT/$ADDON/i18n"
