# Shared settings for the project's scripts; sourced, never run.
# Everything can be overridden from the environment.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo}
# The virtualenv lives outside the clone so that fresh clones (and CI) reuse it.
VENV=${VENV:-$HOME/.cache/sales_team_mgmt/venv}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-$(id -un)}
export PGHOST PGPORT PGUSER
ADDON=sales_team_mgmt
# The core and its integration add-ons (each depends on the core); the test,
# demo and translation commands handle all of them.
ADDONS=(sales_team_mgmt sales_team_mgmt_survey)
ADDONS_CSV=$(IFS=,; echo "${ADDONS[*]}")
ADDONS_PATH="$ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$ROOT"

die() { printf 'error: %s\n' "$*" >&2; exit 2; }

require_odoo() {
    if [ ! -f "$ODOO_SRC/odoo-bin" ] || [ ! -d "$ODOO_SRC/addons/crm" ]; then
        die "no Odoo 18.0 Community source at ODOO_SRC=$ODOO_SRC.
  Put a checkout of Odoo 18.0 (with odoo-bin, odoo/, addons/, requirements.txt)
  there, or point ODOO_SRC at one:  ODOO_SRC=/path/to/odoo make test
  See README.md, section 'Getting Odoo'."
    fi
    if ! grep -q "version_info = (18, 0" "$ODOO_SRC/odoo/release.py"; then
        die "ODOO_SRC=$ODOO_SRC is not Odoo 18.0 (see $ODOO_SRC/odoo/release.py)."
    fi
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
        --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" "$@"
}
