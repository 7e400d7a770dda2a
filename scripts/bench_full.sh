#!/usr/bin/env bash
# Full-size benchmark (see bench/README.md): creates stm_bench<series>_full with
# the core, the appraisal and incentive add-ons and no demo data, fills it with
# bench/populate.py (100k customers, 200k opportunities, 1M visits, 500
# salespeople; kept between runs), then
# prints the hot paths of bench/run.py. BENCH_FULL_DB changes the name,
# BENCH_CUSTOMERS the size.
source "$(dirname "$0")/lib.sh"
require_odoo
require_postgres
"$ROOT/scripts/venv.sh"
export ODOO_SRC
db="${BENCH_FULL_DB:-stm_bench${ODOO_SERIES}_full}"
# The core, the appraisal add-on (bench/run.py times an appraisal's fill) and
# the incentives (bench/incentive.py).
addons="$ADDON,sales_team_mgmt_appraisal,sales_team_mgmt_incentive"
if ! psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
    echo "Creating $db ..."
    odoo_bin -d "$db" --data-dir="$ROOT/var/bench" -i "$addons" ${NO_DEMO_ARGS[@]+"${NO_DEMO_ARGS[@]}"} \
        --stop-after-init --log-level=warn
else
    # -i: an add-on added to the list since the database was made is installed.
    odoo_bin -d "$db" --data-dir="$ROOT/var/bench" -i "$addons" --stop-after-init \
        --log-level=warn
fi
cd "$ROOT/bench"
"$VENV/bin/python" populate.py "$db" "${BENCH_CUSTOMERS:-100000}"
"$VENV/bin/python" run.py "$db"
