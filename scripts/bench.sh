#!/usr/bin/env bash
# Benchmarks (README of bench/): a dedicated database with the module and no
# demo data, filled by the scripts themselves, kept between runs.
source "$(dirname "$0")/lib.sh"
require_odoo
require_postgres
"$ROOT/scripts/venv.sh"
db=${BENCH_DB:-stm_bench}
if ! psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
    echo "Creating $db ..."
    odoo_bin -d "$db" --data-dir="$ROOT/var/bench" -i "$ADDON" --without-demo=all \
        --stop-after-init --log-level=warn
else
    odoo_bin -d "$db" --data-dir="$ROOT/var/bench" -u "$ADDON" --stop-after-init --log-level=warn
fi
cd "$ROOT/bench"
export ODOO_SRC
"$VENV/bin/python" claims.py "$db" ${BENCH_SIZES:-10000 100000}
