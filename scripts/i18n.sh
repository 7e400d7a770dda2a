#!/usr/bin/env bash
# Refreshes each add-on's i18n/<addon>.pot from a database with the add-ons
# installed and merges new terms into zh_CN.po / zh_TW.po (existing
# translations kept).
# Usage: scripts/i18n.sh [database]   (default: stm_i18n, created if missing)
source "$(dirname "$0")/lib.sh"
require_odoo
require_postgres
"$ROOT/scripts/venv.sh"
db=${1:-stm_i18n}
if psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
    # Installed add-ons are updated, a new one installed.
    installed=$(psql -d "$db" -Atc "SELECT name FROM ir_module_module WHERE state = 'installed'")
    missing=()
    for addon in "${ADDONS[@]}"; do
        grep -qx "$addon" <<<"$installed" || missing+=("$addon")
    done
    odoo_bin -d "$db" --data-dir="$ROOT/var/i18n" -u "$ADDONS_CSV" \
        ${missing[@]:+-i "$(IFS=,; echo "${missing[*]}")"} --stop-after-init --log-level=warn
else
    odoo_bin -d "$db" --data-dir="$ROOT/var/i18n" -i "$ADDONS_CSV" ${NO_DEMO_ARGS[@]+"${NO_DEMO_ARGS[@]}"} \
        --stop-after-init --log-level=warn
fi
for addon in "${ADDONS[@]}"; do
    mkdir -p "$ROOT/$addon/i18n"
    pot="$ROOT/$addon/i18n/$addon.pot"
    if [ "$ODOO_SERIES" = 19 ]; then
        # Odoo 19 exports with its `i18n export` command, which reads the
        # connection from a configuration file.
        conf=$(mktemp)
        printf '[options]\naddons_path = %s\ndb_host = %s\ndb_port = %s\ndb_user = %s\ndata_dir = %s\n' \
            "$ADDONS_PATH" "$PGHOST" "$PGPORT" "$PGUSER" "$ROOT/var/i18n" >"$conf"
        "$VENV/bin/python" "$ODOO_SRC/odoo-bin" i18n export -c "$conf" -d "$db" -o "$pot" "$addon"
        rm -f "$conf"
    else
        odoo_bin -d "$db" --data-dir="$ROOT/var/i18n" --i18n-export="$pot" \
            --modules="$addon" --stop-after-init --log-level=warn
    fi
done
# All at once: a term moved from one add-on to another keeps its translation.
"$VENV/bin/python" "$ROOT/scripts/i18n_merge.py" $(printf "$ROOT/%s/i18n " "${ADDONS[@]}")
