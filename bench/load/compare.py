"""After `make load` with its baseline: the module's run and plain Odoo's,
side by side per action (p50, p95, requests per second) with the ratios.

Usage: python compare.py RUN_DIR
RUN_DIR holds Locust's CSV files of both runs: run_stats.csv (the module)
and plain_stats.csv (only Odoo's CRM, same people, data and pace).
"""

import csv
import os
import sys

# Each action of the module -> the nearest action of plain Odoo's CRM (the
# same name where the request is the same one).
NATIVE = {
    "create lead (new customer)": "create lead (new customer)",
    "create lead (hot customer)": "create lead (hot customer)",
    "create lead (hot customer, refused)": "create lead (hot customer)",
    "open pipeline": "open pipeline",
    "log visit and mark done": "schedule meeting and mark done",
    "open team board": "open team members",
    "open pool": "open unassigned leads",
    "claim from pool": "assign myself a lead",
    "read weighted forecast": "read prorated revenue",
}
# The goal of the unsaturated run (bench/README.md): p95 within this ratio.
P95_GOAL = 1.2


def stats(path):
    with open(path, encoding="utf-8") as fh:
        return {row["Name"]: row for row in csv.DictReader(fh)}


def number(row, column):
    value = row.get(column) if row else None
    return float(value) if value not in (None, "", "N/A") else 0.0


def ratio(ours, theirs):
    return f"{ours / theirs:5.2f}×" if theirs else "    –"


def main(run):
    module = stats(os.path.join(run, "run_stats.csv"))
    plain = stats(os.path.join(run, "plain_stats.csv"))
    both = module.get("Aggregated"), plain.get("Aggregated")
    print("\nthe module beside plain Odoo (same people, data and pace)")
    print(
        f"  all requests: {number(both[0], 'Requests/s'):.2f}/s with the module, "
        f"{number(both[1], 'Requests/s'):.2f}/s plain; failed "
        f"{int(number(both[0], 'Failure Count'))} / "
        f"{int(number(both[1], 'Failure Count'))}"
    )
    header = (
        f"  {'action (module | plain Odoo)':<66} {'p50':>11} {'p95':>13} "
        f"{'req/s':>11} {'p50×':>6} {'p95×':>6}"
    )
    print(header)
    over = []
    for name, native in NATIVE.items():
        ours, theirs = module.get(name), plain.get(native)
        if not ours or not theirs:
            continue
        p50 = number(ours, "50%"), number(theirs, "50%")
        p95 = number(ours, "95%"), number(theirs, "95%")
        rps = number(ours, "Requests/s"), number(theirs, "Requests/s")
        label = name if name == native else f"{name} | {native}"
        print(
            f"  {label:<66} {p50[0]:>5.0f}|{p50[1]:<5.0f} {p95[0]:>6.0f}|{p95[1]:<6.0f}"
            f" {rps[0]:>5.2f}|{rps[1]:<5.2f} {ratio(*p50)} {ratio(*p95)}"
        )
        if p95[1] and p95[0] / p95[1] > P95_GOAL:
            over.append(name)
    print(
        f"  p95 over {P95_GOAL}× plain Odoo's: "
        + (", ".join(over) if over else "none")
        + "  (ms; a goal of the unsaturated run only)"
    )


if __name__ == "__main__":
    main(sys.argv[1])
