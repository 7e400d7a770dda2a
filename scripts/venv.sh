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

echo "Preparing the virtualenv in $VENV (Odoo's requirements and ours) ..."
python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --upgrade pip "setuptools<70" wheel
# psycopg2 and python-ldap compile against libpq-dev, libldap2-dev, libsasl2-dev.
"$VENV/bin/pip" install -q --no-build-isolation -r "$odoo_reqs" \
    || die "installing Odoo's requirements failed; on Debian first run:
  apt-get update && apt-get install -y libpq-dev libldap2-dev libsasl2-dev"
"$VENV/bin/pip" install -q -r "$ROOT/requirements-dev.txt"
echo "$stamp" >"$VENV/.stm-stamp"
