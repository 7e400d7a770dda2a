#!/usr/bin/env bash
# Creates (or reuses) the virtualenv with Odoo's requirements and ours.
# Re-running it does nothing unless a requirements file changed.
source "$(dirname "$0")/lib.sh"
require_odoo

# Odoo pins cbor2 5.4.2, which does not build on Python 3.11; 5.4.6 is the
# same API.
odoo_reqs=$(mktemp)
trap 'rm -f "$odoo_reqs"' EXIT
sed -E 's/^cbor2==5\.4\.2 (.*)$/cbor2==5.4.6 \1/' "$ODOO_SRC/requirements.txt" >"$odoo_reqs"

stamp=$(cat "$odoo_reqs" "$ROOT/requirements.txt" "$ROOT/requirements-dev.txt" | sha256sum | cut -c1-16)
if [ -f "$VENV/.stm-stamp" ] && [ "$(cat "$VENV/.stm-stamp")" = "$stamp" ]; then
    exit 0
fi

# psycopg2 and python-ldap compile against these Debian packages.
if ! command -v pg_config >/dev/null || [ ! -f /usr/include/ldap.h ] \
    || [ ! -f /usr/include/sasl/sasl.h ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing libpq-dev libldap2-dev libsasl2-dev (needed to build Odoo's requirements) ..."
        apt-get update -qq && apt-get install -y -qq libpq-dev libldap2-dev libsasl2-dev >/dev/null
    else
        die "building Odoo's requirements needs libpq-dev, libldap2-dev and libsasl2-dev:
  sudo apt-get install -y libpq-dev libldap2-dev libsasl2-dev"
    fi
fi

echo "Preparing the virtualenv in $VENV (Odoo's requirements and ours) ..."
python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --upgrade pip "setuptools<70" wheel
"$VENV/bin/pip" install -q --no-build-isolation -r "$odoo_reqs" \
    || die "installing Odoo's requirements failed; on Debian first run:
  apt-get update && apt-get install -y libpq-dev libldap2-dev libsasl2-dev"
"$VENV/bin/pip" install -q -r "$ROOT/requirements-dev.txt"
echo "$stamp" >"$VENV/.stm-stamp"
