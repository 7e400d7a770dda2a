#!/usr/bin/env bash
# Benchmarks (see bench/README.md): one database per size, with BENCH_ADDONS and
# no demo data, filled by the scripts themselves and kept between runs
# (stm_bench<series>_<size>, e.g. stm_bench19_10000; BENCH_DB changes the
# prefix, BENCH_SIZES the sizes).
source "$(dirname "$0")/lib.sh"
require_odoo
require_postgres
"$ROOT/scripts/venv.sh"
export ODOO_SRC
for size in ${BENCH_SIZES:-10000 100000}; do
    db="${BENCH_DB:-stm_bench$ODOO_SERIES}_$size"
    if ! psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
        echo "Creating $db ..."
        odoo_bin -d "$db" --data-dir="$ROOT/var/bench" -i "$BENCH_ADDONS" ${NO_DEMO_ARGS[@]+"${NO_DEMO_ARGS[@]}"} \
            --stop-after-init --log-level=warn
    else
        odoo_bin -d "$db" --data-dir="$ROOT/var/bench" -i "$BENCH_ADDONS" -u "$ADDON" --stop-after-init \
            --log-level=warn
    fi
    (cd "$ROOT/bench" && "$VENV/bin/python" claims.py "$db" "$size")
done

db="${BENCH_DB:-stm_bench$ODOO_SERIES}_compliance"
if ! psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
    echo "Creating $db ..."
    odoo_bin -d "$db" --data-dir="$ROOT/var/bench" -i "$BENCH_ADDONS" ${NO_DEMO_ARGS[@]+"${NO_DEMO_ARGS[@]}"} \
        --stop-after-init --log-level=warn
else
    odoo_bin -d "$db" --data-dir="$ROOT/var/bench" -i "$BENCH_ADDONS" -u "$ADDON" \
        --stop-after-init --log-level=warn
fi
(cd "$ROOT/bench" && "$VENV/bin/python" compliance.py "$db" ${BENCH_SALESPEOPLE:-50 500})
