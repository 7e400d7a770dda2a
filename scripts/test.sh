#!/usr/bin/env bash
# The project's one test command (README: `make test`):
#   1. ruff and pylint-odoo, then each add-on built as a wheel (whool),
#   2. the plain pytest layer in tests/ (no database),
#   3. the Odoo layer, on each Odoo found (19.0 in /opt/odoo19, 18.0 in
#      /opt/odoo; ODOO_SRC names just one): installs the whole suite (with
#      demo data) in a fresh throw-away database, runs every add-on's tests,
#      drops the database; then installs the core alone in a fresh database
#      and runs all its tests, and each add-on alone on the core and runs its
#      own tests there (and the core's checks of the access table, the
#      constraints in PostgreSQL and the jobs) -- none may lean on a sibling
#      it does not depend on.
# Fails on any test failure and on any WARNING/ERROR logged by our module.
source "$(dirname "$0")/lib.sh"

# Odoo's log, one record a line: the lines following a record (up to a
# traceback) are appended to it.
log_records() {
    awk '/^[0-9]+-[0-9]+-[0-9]+ [0-9:,]+ [0-9]+ / { if (rec != "") print rec; rec = $0; tail = 0; next }
         /^(Traceback|Stack) / { tail = 1 }
         !tail { rec = rec " | " $0 }
         END { if (rec != "") print rec }' "$1"
}
sources=()
if [ -n "${ODOO_SRC_GIVEN:-}" ]; then
    sources=("$ODOO_SRC")
else
    for candidate in $ODOO_SOURCES; do
        [ -f "$candidate/odoo-bin" ] && sources+=("$candidate")
    done
fi
[ ${#sources[@]} -eq 0 ] && sources=("$ODOO_SRC")
for source in "${sources[@]}"; do
    use_odoo "$source"
    require_odoo
done
require_postgres
use_odoo "${sources[0]}"
"$ROOT/scripts/venv.sh"
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }

step "ruff"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .

step "pylint-odoo"
"$VENV/bin/pylint" --rcfile="$ROOT/.pylintrc" "${ADDONS[@]}"

step "wheels (whool, as OCA builds them)"
wheels=$(mktemp -d)
"$VENV/bin/pip" wheel -q --no-deps -w "$wheels" "${ADDONS[@]/#/$ROOT/}" 2>&1 \
    | grep -v "^WARNING: Location" || true
"$VENV/bin/python" "$ROOT/scripts/check_wheels.py" "$wheels" "${ADDONS[@]}"
rm -rf "$wheels"

step "pytest (no database)"
pytest_log=$(mktemp)
set +e
"$VENV/bin/python" -m pytest -q -p no:cacheprovider tests | tee "$pytest_log"
pytest_rc=${PIPESTATUS[0]}
set -e
py_passed=$( (grep -oE '[0-9]+ passed' "$pytest_log" || true) | tail -1 | cut -d' ' -f1)
py_failed=$( (grep -oE '[0-9]+ (failed|error)' "$pytest_log" || true) | awk '{s+=$1} END {print s+0}')

# The tours need a Chromium (Debian: apt-get install chromium); the test
# command installs nothing itself. Without one they are left out, and said
# so, instead of logging Odoo's "Chrome not found" warnings.
tags="${TEST_TAGS:-$(printf '/%s,' "${SUITE_ADDONS[@]}" | sed 's/,$//')}"
# make test-fast: every add-on's tests but the slow suites, the suite only.
[ -n "${TEST_FAST:-}" ] && tags="$tags,-stm_slow"
skip_tours=""
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null \
    && ! command -v google-chrome >/dev/null; then
    echo "note: no Chromium found: the browser tours are skipped."
    echo "      Install it to run them: apt-get install -y chromium"
    for tour_class in sales_team_mgmt:TestSalesmanTours sales_team_mgmt:TestSalespersonOnAPhone \
        sales_team_mgmt:TestManagerOnADesktop sales_team_mgmt_appraisal:TestLeaderAppraisesOnADesktop \
        sales_team_mgmt_complaint:TestComplaintOnAPhone sales_team_mgmt_incentive:TestOfficeScreenHonours \
        sales_team_mgmt_complaint:TestDepartmentAnswers sales_team_mgmt_role_map:TestRoleMapOnAPhone; do
        skip_tours="$skip_tours,-/$tour_class"
    done
fi
tags="$tags$skip_tours"
logs=()
dbs=()
cleanup() {
    for db in "${dbs[@]}"; do
        dropdb --if-exists "$db" >/dev/null 2>&1 || true
        rm -rf "$ROOT/var/test-$db"
    done
    rm -f "$pytest_log" "${logs[@]}"
}
trap cleanup EXIT

status=0
if [ "$pytest_rc" -ne 0 ]; then
    echo "FAIL: pytest exited with $pytest_rc"; status=1
fi
odoo_passed=0
odoo_failed=0
summaries=()
# One Odoo: a fresh database, the given add-ons installed with their tests.
# $1: the add-ons to install (comma-separated), $2: the test tags, $3: what
# the run is called, $4: the database, $5: the HTTP port. Prints what it
# finds and writes "<status> <passed> <failed>" and a summary line to $6.
odoo_layer() {
    local install=$1 run_tags=$2 label=$3 db=$4 port=$5 result=$6
    step "Odoo $ODOO_SERIES tests: $label (fresh database, $ODOO_SRC)"
    local log stats failed total rc ours layer_status=0
    log="$ROOT/var/test-$db.log"
    set +e
    # Chinese loaded as for `make demo`: the demo people read it, and the
    # tests check texts are written in their reader's language. English
    # first: the first language loaded becomes the default for new people.
    odoo_bin -d "$db" --data-dir="$ROOT/var/test-$db" -i "$install" --test-enable \
        "${DEMO_ARGS[@]}" --load-language=en_US,zh_CN,zh_TW \
        --test-tags "$run_tags" --stop-after-init --log-level=test \
        --http-port="$port" --workers=0 --max-cron-threads=0 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    set -e
    stats=$( (grep -aE 'failed, [0-9]+ error\(s\) of [0-9]+ tests' "$log" || true) | tail -1)
    failed=$(sed -nE 's/.* ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1+\2/p' <<<"$stats")
    total=$(sed -nE 's/.* of ([0-9]+) tests.*/\1/p' <<<"$stats")
    failed=$((${failed:-0}))
    total=${total:-0}
    # Warnings or errors logged by our add-ons, or mentioning them, fail the
    # run (OCA CI does the same); core noise about other modules does not.
    # (Each line names the database, stm_test_…: that name is left out.) A
    # record's own lines count too — a view warning names its file on the
    # lines after it — up to a traceback, whose frames may pass through our
    # code for reasons of someone else's.
    ours=$(log_records "$log" | grep -aE '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' \
        | sed -E "s/ $db / /" \
        | grep -aE "odoo\.addons\.$ADDON|$ADDON|stm\.|stm_" || true)
    for addon in ${install//,/ }; do
        if ! grep -aq "module $addon: creating or updating database tables\|Loading module $addon\|loading $addon/" "$log"; then
            echo "FAIL: $addon was not installed on Odoo $ODOO_SERIES ($label)"; layer_status=1
        fi
    done
    if [ -z "$stats" ] || [ "$total" -eq 0 ]; then
        echo "FAIL: no Odoo test ran on Odoo $ODOO_SERIES ($label)"; layer_status=1
    fi
    [ "$rc" -ne 0 ] && { echo "FAIL: odoo-bin exited with $rc on Odoo $ODOO_SERIES ($label)"; layer_status=1; }
    [ "$failed" -ne 0 ] && layer_status=1
    if [ -n "$ours" ]; then
        printf 'FAIL: warnings/errors logged by %s on Odoo %s (%s):\n%s\n' "$ADDON" "$ODOO_SERIES" "$label" "$ours"
        layer_status=1
    fi
    printf '%s %s %s\nOdoo %s, %s: %s passed, %s failed of %s\n' \
        "$layer_status" "$((total - failed))" "$failed" \
        "$ODOO_SERIES" "$label" "$((total - failed))" "$failed" "$total" >"$result"
}

# Adds a layer's result to the totals.
collect() {
    local layer_status passed_here failed_here
    read -r layer_status passed_here failed_here <"$1"
    [ "$layer_status" -ne 0 ] && status=1
    odoo_passed=$((odoo_passed + passed_here))
    odoo_failed=$((odoo_failed + failed_here))
    summaries+=("$(sed -n 2p "$1")")
}

mkdir -p "$ROOT/var"
port=${TEST_HTTP_PORT:-8169}
for source in "${sources[@]}"; do
    use_odoo "$source"
    "$ROOT/scripts/venv.sh"
    db="stm_test_${ODOO_SERIES}_$(date +%s)_$$"
    dbs+=("$db")
    logs+=("$ROOT/var/test-$db.log" "$ROOT/var/test-$db.result" "$ROOT/var/test-$db.out")
    odoo_layer "$SUITE_CSV" "$tags" "the suite" "$db" "$port" "$ROOT/var/test-$db.result"
    collect "$ROOT/var/test-$db.result"
    if [ -z "${TEST_TAGS:-}" ] && [ -z "${TEST_FAST:-}" ]; then
        # The core alone with all its tests (it leans on no add-on: no hr,
        # no sibling), then each add-on alone on the core; two at a time (an
        # Odoo install keeps one core busy); each one's output is shown when
        # it is done.
        alone=("${ADDONS[@]}")
        for ((i = 0; i < ${#alone[@]}; i += 2)); do
            batch=()
            for addon in "${alone[@]:i:2}"; do
                if [ "$addon" = "$ADDON" ]; then
                    db="stm_test_${ODOO_SERIES}_core_$$"
                    run_tags="/$ADDON$skip_tours"
                    label="the core alone"
                else
                    db="stm_test_${ODOO_SERIES}_${addon#sales_team_mgmt_}_$$"
                    run_tags="/$addon,/$ADDON:TestAccessTable,/$ADDON:TestConstraintsExist,/$ADDON:TestCronsRunManually$skip_tours"
                    label="$addon alone on the core"
                fi
                dbs+=("$db")
                logs+=("$ROOT/var/test-$db.log" "$ROOT/var/test-$db.result" "$ROOT/var/test-$db.out")
                port=$((port + 1))
                odoo_layer "$addon" "$run_tags" "$label" "$db" "$port" "$ROOT/var/test-$db.result" \
                    >"$ROOT/var/test-$db.out" 2>&1 &
                batch+=("$db")
            done
            wait
            for db in "${batch[@]}"; do
                cat "$ROOT/var/test-$db.out"
                if [ -f "$ROOT/var/test-$db.result" ]; then
                    collect "$ROOT/var/test-$db.result"
                else
                    echo "FAIL: no result from $db"; status=1
                fi
            done
        done
    fi
done

passed=$(( ${py_passed:-0} + odoo_passed ))
failed=$(( odoo_failed + py_failed ))
[ "$failed" -eq 0 ] && [ "$status" -ne 0 ] && failed=1
echo
echo "pytest: ${py_passed:-0} passed, $py_failed failed"
printf '%s\n' "${summaries[@]}"
echo "summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
