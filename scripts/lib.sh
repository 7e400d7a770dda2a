# Shared settings for the project's scripts; sourced, never run.
# Everything can be overridden from the environment.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Odoo 19.0 is the main host, 18.0 is kept: the first of these found is the
# default (ODOO_SRC picks one; `make test` runs every one found).
ODOO_SOURCES=${ODOO_SOURCES:-/opt/odoo19 /opt/odoo}
ODOO_SRC_GIVEN=${ODOO_SRC:-}
if [ -z "${ODOO_SRC:-}" ]; then
    for candidate in $ODOO_SOURCES; do
        if [ -f "$candidate/odoo-bin" ]; then ODOO_SRC=$candidate; break; fi
    done
    ODOO_SRC=${ODOO_SRC:-/opt/odoo19}
fi
# "19" or "18", from the source's release.py (empty when there is none).
odoo_series() {
    sed -nE 's/^version_info = \(([0-9]+), 0.*/\1/p' "$1/odoo/release.py" 2>/dev/null | head -1
}
VENV_GIVEN=${VENV:-}
# Points the scripts at one Odoo source: its series, its virtualenv (outside
# the clone so that fresh clones and CI reuse it; one per series, their
# requirements differ) and the addons path.
use_odoo() {
    ODOO_SRC=$1
    ODOO_SERIES=$(odoo_series "$ODOO_SRC")
    VENV=${VENV_GIVEN:-$HOME/.cache/sales_team_mgmt/venv-${ODOO_SERIES:-none}}
    ADDONS_PATH="$ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$ROOT"
    # Demo data is loaded by default on 18, asked for on 19.
    DEMO_ARGS=()
    NO_DEMO_ARGS=(--without-demo=all)
    if [ "$ODOO_SERIES" = 19 ]; then
        DEMO_ARGS=(--with-demo)
        NO_DEMO_ARGS=()
    fi
    return 0
}
# Where Odoo listens (the tests' browser and the demo are on this machine).
HTTP_INTERFACE=${HTTP_INTERFACE:-127.0.0.1}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-$(id -un)}
export PGHOST PGPORT PGUSER
ADDON=sales_team_mgmt
# The core and its integration add-ons (each depends on the core); the test,
# demo and translation commands handle all of them.
ADDONS=(sales_team_mgmt sales_team_mgmt_account sales_team_mgmt_appraisal sales_team_mgmt_coaching sales_team_mgmt_competitor sales_team_mgmt_complaint sales_team_mgmt_customer_care sales_team_mgmt_dossier sales_team_mgmt_forecast sales_team_mgmt_hr sales_team_mgmt_incentive sales_team_mgmt_incentive_hr sales_team_mgmt_knowledge sales_team_mgmt_role_map sales_team_mgmt_role_map_dossier sales_team_mgmt_sales_report sales_team_mgmt_slides sales_team_mgmt_sms sales_team_mgmt_survey)
ADDONS_CSV=$(IFS=,; echo "${ADDONS[*]}")
# Bridges to heavy Odoo apps (Accounting; eLearning and its website): `make
# test` tests them alone on the core, not in the suite's database (they
# would double its install time); `make demo` installs them after the rest,
# Accounting without Odoo's own demo (scripts/demo.sh says why).
LATE_ADDONS=(sales_team_mgmt_account sales_team_mgmt_slides)
SUITE_ADDONS=()
for _addon in "${ADDONS[@]}"; do
    [[ " ${LATE_ADDONS[*]} " == *" $_addon "* ]] || SUITE_ADDONS+=("$_addon")
done
SUITE_CSV=$(IFS=,; echo "${SUITE_ADDONS[*]}")
# What the benchmarks and the load test install: the core, the pipeline
# (its weighted forecast is read there) and the dossiers (the daily check
# counts the overdue ones).
BENCH_ADDONS="$ADDON,${ADDON}_forecast,${ADDON}_dossier"
use_odoo "$ODOO_SRC"

die() { printf 'error: %s\n' "$*" >&2; exit 2; }

require_odoo() {
    if [ ! -f "$ODOO_SRC/odoo-bin" ] || [ ! -d "$ODOO_SRC/addons/crm" ]; then
        die "no Odoo 19.0 or 18.0 Community source at ODOO_SRC=$ODOO_SRC.
  Put a checkout of Odoo 19.0 in /opt/odoo19 (or 18.0 in /opt/odoo), with
  odoo-bin, odoo/, addons/, requirements.txt, or point ODOO_SRC at one:
  ODOO_SRC=/path/to/odoo make test.  See README.md, section 'Getting Odoo'."
    fi
    case "$ODOO_SERIES" in
        18 | 19) ;;
        *) die "ODOO_SRC=$ODOO_SRC is neither Odoo 19.0 nor 18.0 (see $ODOO_SRC/odoo/release.py)." ;;
    esac
}

require_postgres() {
    if ! command -v pg_isready >/dev/null; then
        die "pg_isready not found: install PostgreSQL's client (apt-get install postgresql-client)."
    fi
    if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
        die "PostgreSQL is not answering on $PGHOST:$PGPORT.
  Start it (Debian: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start)
  or set PGHOST/PGPORT/PGUSER to a server where $PGUSER may create databases."
    fi
}

odoo_bin() {
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" --addons-path="$ADDONS_PATH" \
        --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" \
        --http-interface="$HTTP_INTERFACE" "$@"
}
