# sales_team_mgmt — see README.md. Odoo 19 in /opt/odoo19 and 18 in /opt/odoo (ODOO_SRC picks one).
.PHONY: demo test test-fast venv lint bench populate load

demo:            ## demo database with the module, served on http://localhost:8069
	@bash scripts/demo.sh

test:            ## ruff, pylint-odoo, pytest, Odoo tests on a fresh database
	@bash scripts/test.sh

test-fast:       ## the same without the slow suites (tours, RPC, hypothesis, committed races)
	@TEST_FAST=1 bash scripts/test.sh

venv:            ## only prepare the virtualenv
	@bash scripts/venv.sh

bench:           ## benchmark figures (see bench/README.md)
	@bash scripts/bench.sh

populate:        ## a full-size company in stm_bench_full (bench/populate.py), then bench/run.py
	@bash scripts/bench_full.sh

load:            ## two Odoo nodes + a read replica under OdooLocust, invariants checked (bench/README.md)
	@bash scripts/load.sh
