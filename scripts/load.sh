#!/usr/bin/env bash
# `make load` (see bench/README.md, "Load"): salespeople at 9:00 on Monday,
# measured with OdooLocust against Odoo nodes on one PostgreSQL, with a
# streaming hot-standby replica serving the read-only requests.
#
#   LOAD_S         seconds of load (180)
#   LOAD_USERS     simulated salespeople (40), spread over the nodes; a list
#                  ("5 10 20 40") runs one load after the other at each
#                  level (a ramp: where requests per second stop growing
#                  with the users, the machine is saturated)
#   LOAD_NODES     Odoo nodes, each --workers=2 --max-cron-threads=1 (2)
#   LOAD_REPLICA   1: a hot standby made with pg_basebackup, given to the
#                  nodes as --db_replica_host/port; 0: none (1)
#   LOAD_SALESPEOPLE  salespeople created in the database (60)
#   LOAD_WARMUP_S  seconds of the same load before each measured run, not
#                  counted: every worker has loaded its registry and caches,
#                  the nightly jobs made due have started (20)
#   LOAD_BASELINE  1: then the same load on plain Odoo (a database with only
#                  its CRM, same people, data and pace, nearest native
#                  actions) and both side by side (bench/load/compare.py);
#                  0: the module alone (1)
#
# Starts everything it needs and stops it again; prints requests per
# second, p50/p95/p99 per action, failures by kind, the transactions each
# server served, and the invariants checked in SQL (exit 1 if one broke).
source "$(dirname "$0")/lib.sh"
require_odoo
require_postgres
"$ROOT/scripts/venv.sh"

LOAD_S=${LOAD_S:-180}
LOAD_USERS=${LOAD_USERS:-40}
LOAD_NODES=${LOAD_NODES:-2}
LOAD_REPLICA=${LOAD_REPLICA:-1}
LOAD_BASELINE=${LOAD_BASELINE:-1}
LOAD_WARMUP_S=${LOAD_WARMUP_S:-20}
db=${LOAD_DB:-stm_load$ODOO_SERIES}
plain_db=${db}_plain
run="$ROOT/var/load/run-$(date +%Y%m%d-%H%M%S)"
replica_dir=${LOAD_REPLICA_DIR:-/tmp/stm-load-replica}
replica_port=${LOAD_REPLICA_PORT:-5433}
pg_bin=$(dirname "$(command -v pg_basebackup 2>/dev/null || echo /usr/lib/postgresql/15/bin/x)")
[ -x "$pg_bin/pg_ctl" ] || pg_bin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
mkdir -p "$run"

# Locust in a virtualenv of its own: it brings a newer gevent than Odoo pins.
LOAD_VENV=${LOAD_VENV:-$VENV-load}
if [ ! -x "$LOAD_VENV/bin/locust" ]; then
    echo "Preparing $LOAD_VENV (OdooLocust) ..."
    python3 -m venv "$LOAD_VENV"
    "$LOAD_VENV/bin/pip" install -q -r "$ROOT/bench/load/requirements.txt"
fi

pids=()
stop_nodes() {
    for pid in "${pids[@]}"; do kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
    pids=()
    sleep 2
}
stop_all() {
    stop_nodes
    if [ -f "$replica_dir/postmaster.pid" ]; then
        runuser -u postgres -- "$pg_bin/pg_ctl" -D "$replica_dir" -m fast stop >/dev/null 2>&1 || true
    fi
}
trap stop_all EXIT

echo "== database $db (fresh, no demo data) and its salespeople"
dropdb --if-exists "$db"
odoo_bin -d "$db" --data-dir="$ROOT/var/load" -i "$BENCH_ADDONS" ${NO_DEMO_ARGS[@]+"${NO_DEMO_ARGS[@]}"} \
    --stop-after-init --log-level=warn
(cd "$ROOT/bench" && "$VENV/bin/python" load/prepare.py "$db" "${LOAD_SALESPEOPLE:-60}" "$run/data.json")
if [ "$LOAD_BASELINE" = 1 ]; then
    echo "== baseline database $plain_db: only Odoo's CRM, the same people and customers"
    dropdb --if-exists "$plain_db"
    odoo_bin -d "$plain_db" --data-dir="$ROOT/var/load" -i crm ${NO_DEMO_ARGS[@]+"${NO_DEMO_ARGS[@]}"} \
        --stop-after-init --log-level=warn
    (cd "$ROOT/bench" && "$VENV/bin/python" load/prepare.py "$plain_db" "${LOAD_SALESPEOPLE:-60}" \
        "$run/plain.json" --plain)
fi
# The nightly jobs run during the load, on whichever node's cron worker
# takes them first.
psql -q -d "$db" -c "UPDATE ir_cron SET nextcall = now() AT TIME ZONE 'UTC', active = true
    WHERE id IN (SELECT res_id FROM ir_model_data
                 WHERE module = '$ADDON' AND model = 'ir.cron')"

replica_args=()
if [ "$LOAD_REPLICA" = 1 ]; then
    echo "== hot-standby replica on port $replica_port (pg_basebackup, streaming)"
    [ "$(id -u)" = 0 ] || die "the replica is started as the postgres system user: run as root, or LOAD_REPLICA=0"
    if ! psql -d postgres -Atc "SELECT 1 FROM pg_hba_file_rules WHERE 'replication' = ANY(database) AND auth_method = 'trust'" | grep -q 1; then
        hba=$(psql -d postgres -Atc "SHOW hba_file")
        echo "   allowing local replication connections in $hba"
        printf 'host replication all 127.0.0.1/32 trust\nlocal replication all trust\n' >>"$hba"
        psql -d postgres -qAtc "SELECT pg_reload_conf()" >/dev/null
    fi
    rm -rf "$replica_dir"
    install -d -o postgres -g postgres -m 700 "$replica_dir"
    runuser -u postgres -- "$pg_bin/pg_basebackup" -h "$PGHOST" -p "$PGPORT" -U postgres \
        -D "$replica_dir" -R -X stream -c fast
    # Debian keeps a cluster's configuration outside its data directory: the
    # copy gets a minimal one of its own.
    printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '/tmp'\nhot_standby = on\n" \
        "$replica_port" >"$replica_dir/postgresql.conf"
    printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$replica_dir/pg_hba.conf"
    chown postgres:postgres "$replica_dir/postgresql.conf" "$replica_dir/pg_hba.conf"
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$replica_dir" -l "$replica_dir/replica.log" -w \
        start >/dev/null
    psql -h 127.0.0.1 -p "$replica_port" -d "$db" -Atc "SELECT 'replica in recovery: ' || pg_is_in_recovery()"
    replica_args=(--db_replica_host=127.0.0.1 --db_replica_port="$replica_port")
fi

# One run: the nodes on database $1, Locust with data file $2 and $4
# simulated users, its CSV files named $3_*.csv in directory $5, the server
# counters around it.
load_run() {
    local run_db=$1 data=$2 prefix=$3 users=$4 out=$5
    echo "== $LOAD_NODES Odoo node(s) on $run_db, --workers=2 --max-cron-threads=1 each"
    nodes=()
    for n in $(seq 1 "$LOAD_NODES"); do
        port=$((8270 + n))
        setsid "$VENV/bin/python" "$ODOO_SRC/odoo-bin" --addons-path="$ADDONS_PATH" \
            --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" "${replica_args[@]}" \
            -d "$run_db" --db-filter="^$run_db\$" --data-dir="$ROOT/var/load" \
            --http-port="$port" --gevent-port=$((8280 + n)) --workers=2 --max-cron-threads=1 \
            --limit-time-real=600 --logfile="$out/${prefix/run/node}$n.log" --log-level=info &
        pids+=($!)
        nodes+=("http://127.0.0.1:$port")
    done
    for url in "${nodes[@]}"; do
        for _ in $(seq 1 60); do curl -sf "$url/web/health" >/dev/null && break; sleep 1; done
    done
    if [ "$LOAD_WARMUP_S" -gt 0 ]; then
        echo "== warm-up: ${LOAD_WARMUP_S}s of the same load, not counted"
        locust_run "$data" "$users" "$LOAD_WARMUP_S" "$out/warmup-$prefix" "$out/warmup-refusals.jsonl" \
            >/dev/null 2>&1
    fi
    counters "$run_db" "$out/${prefix}_counters_before.json"
    echo "== $users salespeople for ${LOAD_S}s over ${nodes[*]}"
    locust_run "$data" "$users" "$LOAD_S" "$out/$prefix" "$out/refusals.jsonl"
    counters "$run_db" "$out/${prefix}_counters_after.json"
    stop_nodes
}

# Locust against the running nodes: data file, users, seconds, CSV prefix,
# refusals file.
locust_run() {
    (cd "$ROOT/bench/load" && LOAD_NODES="$(IFS=,; echo "${nodes[*]}")" LOAD_DATA="$1" \
        LOAD_REFUSALS="$5" ODOO_SERIES="$ODOO_SERIES" "$LOAD_VENV/bin/locust" -f locustfile.py --headless \
        -u "$2" -r "$(( ($2 + 9) / 10 ))" -t "$3s" --stop-timeout 30 \
        --host "${nodes[0]}" --csv "$4" --only-summary --loglevel WARNING) || true
}

counters() {
    local count_db=$1 out=$2
    {
        printf '{"primary": %s' "$(psql -d "$count_db" -Atc "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$count_db'")"
        if [ "$LOAD_REPLICA" = 1 ]; then
            printf ', "replica": %s' "$(psql -h 127.0.0.1 -p "$replica_port" -d "$count_db" -Atc "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$count_db'")"
        fi
        printf '}\n'
    } >"$out"
}

outs=()
for users in $LOAD_USERS; do
    out="$run/users-$users"
    mkdir -p "$out"
    outs+=("$out")
    load_run "$db" "$run/data.json" run "$users" "$out"
    if [ "$LOAD_BASELINE" = 1 ]; then
        load_run "$plain_db" "$run/plain.json" plain "$users" "$out"
    fi
done
stop_all
trap - EXIT

status=0
for out in "${outs[@]}"; do
    echo
    echo "######## ${out##*/}: $LOAD_NODES node(s), ${LOAD_S}s, Odoo $ODOO_SERIES"
    "$VENV/bin/python" "$ROOT/bench/load/report.py" "$out" "$db" "$LOAD_NODES" || status=$?
    if [ "$LOAD_BASELINE" = 1 ]; then
        "$VENV/bin/python" "$ROOT/bench/load/compare.py" "$out"
    fi
done
exit $status
