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

# Accounting and its bridges, on the company's own chart: the demo company
# is in China, so Accounting brings the Chinese chart (l10n_cn) in yuan, once
# its install is over. Odoo 19's own Accounting demo would give the main
# company Odoo's generic (US) chart and book entries in dollars, after which
# the currency could no longer go back to yuan, so Accounting goes in
# without its demo: Odoo loads a module's demo only when every module it
# depends on has its demo, and base_setup (and Accounting) is marked without for that
# install. The credit-risk bridge installs with Accounting (auto_install);
# its demo, a customer over its credit limit, needs the chart, so it is
# loaded by the update that follows (Accounting counting as having its demo
# for that moment: Odoo 18 asks it of the dependencies).
install_accounting() {
    echo "Installing Odoo's Accounting (the Chinese chart of accounts) and the bridges to it ..."
    psql -d "$db" -qc "UPDATE ir_module_module SET demo = false WHERE name IN ('base_setup', 'account')"
    odoo_bin -d "$db" --data-dir="$ROOT/var/demo" -i account,sales_team_mgmt_account \
        --stop-after-init --log-level=warn
    psql -d "$db" -qc "UPDATE ir_module_module SET demo = true
        WHERE name IN ('base_setup', 'account', 'sales_team_mgmt_account')"
    odoo_bin -d "$db" --data-dir="$ROOT/var/demo" -u sales_team_mgmt_account \
        -i "$(IFS=,; echo "${LATE_ADDONS[*]}")" "${DEMO_ARGS[@]}" --stop-after-init --log-level=warn
    # Updating Accounting must never load its demo.
    psql -d "$db" -qc "UPDATE ir_module_module SET demo = false WHERE name = 'account'"
}
if psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
    # Installed add-ons are updated; one added since (e.g. the survey
    # add-on) is installed. (-i on an installed add-on would reload its
    # data as new and overwrite what the company changed.)
    installed=$(psql -d "$db" -Atc "SELECT name FROM ir_module_module WHERE state = 'installed'")
    missing=()
    for addon in "${ADDONS[@]}"; do
        grep -qx "$addon" <<<"$installed" || missing+=("$addon")
    done
    grep -qx account <<<"$installed" || install_accounting
    echo "Updating $ADDONS_CSV in the existing database $db ..."
    odoo_bin -d "$db" --data-dir="$ROOT/var/demo" -u "$ADDONS_CSV" \
        ${missing[@]:+-i "$(IFS=,; echo "${missing[*]}")"} --stop-after-init --log-level=warn
else
    echo "Creating the demo database $db (a few minutes the first time) ..."
    odoo_bin -d "$db" --data-dir="$ROOT/var/demo" -i "$SUITE_CSV" "${DEMO_ARGS[@]}" --load-language=zh_CN,zh_TW \
        --stop-after-init --log-level=warn
    # The bridges to heavy apps last.
    install_accounting
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
