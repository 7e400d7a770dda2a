#!/usr/bin/env bash
# README's first command (`make demo`): a demo database with every add-on of
# the suite and their demo data, served on http://localhost:8069. Re-running reuses the
# virtualenv and the database (the module is updated, not reinstalled).
source "$(dirname "$0")/lib.sh"
require_odoo
require_postgres
"$ROOT/scripts/venv.sh"

db=${DEMO_DB:-stm_demo_$ODOO_SERIES}
port=${DEMO_PORT:-8069}
if psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
    # Installed add-ons are updated; one added since (e.g. the survey
    # add-on) is installed. (-i on an installed add-on would reload its
    # data as new and overwrite what the company changed.)
    installed=$(psql -d "$db" -Atc "SELECT name FROM ir_module_module WHERE state = 'installed'")
    missing=()
    wanted=("${SUITE_ADDONS[@]}" sales_team_mgmt_slides)
    [ -n "${DEMO_ACCOUNTING:-}" ] && wanted=("${ADDONS[@]}")
    for addon in "${wanted[@]}"; do
        grep -qx "$addon" <<<"$installed" || missing+=("$addon")
    done
    echo "Updating $ADDONS_CSV in the existing database $db ..."
    odoo_bin -d "$db" --data-dir="$ROOT/var/demo" -u "$ADDONS_CSV" \
        ${missing[@]:+-i "$(IFS=,; echo "${missing[*]}")"} --stop-after-init --log-level=warn
else
    echo "Creating the demo database $db (a few minutes the first time) ..."
    odoo_bin -d "$db" --data-dir="$ROOT/var/demo" -i "$SUITE_CSV" "${DEMO_ARGS[@]}" --load-language=zh_CN,zh_TW \
        --stop-after-init --log-level=warn
    # The bridges to heavy apps last; Accounting only when asked: Odoo's
    # Accounting gives a demo database's company its generic chart of
    # accounts, in US dollars.
    late=(sales_team_mgmt_slides)
    [ -n "${DEMO_ACCOUNTING:-}" ] && late=("${LATE_ADDONS[@]}")
    odoo_bin -d "$db" --data-dir="$ROOT/var/demo" -i "$(IFS=,; echo "${late[*]}")" \
        "${DEMO_ARGS[@]}" --stop-after-init --log-level=warn
fi
# PDFs are rendered by wkhtmltopdf fetching this server's pages: on the port
# it really listens on, not the 8069 Odoo remembers.
psql -d "$db" -qc "INSERT INTO ir_config_parameter (key, value, create_date, write_date)
    VALUES ('report.url', 'http://127.0.0.1:$port', now(), now())
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value" >/dev/null
cat <<MSG

  Odoo is starting on http://localhost:$port  (database: $db)
  Log in as admin / admin (everything), or (login = password):
    salespeople  zhang.wei li.na wang.fang (East)  chen.jie emily.wu david.lin (South)
    managers     liu.qiang sarah.zhou       sales admin  zhao.min
    departments  sun.li (Finance) zhou.jing (Technical) wu.hua (HR)   marketing  ma.li
  Stop with Ctrl+C.

MSG
exec "$VENV/bin/python" "$ODOO_SRC/odoo-bin" --addons-path="$ADDONS_PATH" \
    --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" \
    --http-interface="$HTTP_INTERFACE" --data-dir="$ROOT/var/demo" -d "$db" --db-filter="^$db\$" --http-port="$port"
