"""Monday, 9:00: salespeople log in on several Odoo nodes at once and, in a
realistic mix, register leads (one in five for a customer somebody else
owns, its name and phone typed another way), log visits and close them,
open the team board and the pipeline, claim from the pool and read the
weighted forecast.

On plain Odoo (the data file says "plain": the baseline of `make load`) the
same people do, at the same pace, the same thing where it exists (create a
lead, open the pipeline) and else the nearest native action: a meeting
activity scheduled and marked done for a visit, the team members' native
lead counts for the board, assigning oneself an unassigned lead for a claim
from the pool, the prorated revenue for the weighted forecast. compare.py
pairs the actions.

Every call goes through the web client's own route (/web/dataset/call_kw)
in the salesperson's session, as the browser and the phone send it; Odoo
sends the methods marked read-only to the replica. (OdooLocust's client
only logs in.) Every refused registration is written to LOAD_REFUSALS for the
invariant check (it must name the owner).

Settings (environment): LOAD_NODES (comma-separated base URLs), LOAD_DATA
(the JSON written by prepare.py), LOAD_REFUSALS (a file to append to).
"""

import itertools
import json
import os
import random
import time
from urllib.parse import urlparse

import httpx
import odoolib
import requests
from locust import between, events, task
from OdooLocust.OdooLocustUser import OdooLocustUser

TIMEOUT_S = 120  # a user waits as long as a browser would, not httpx's 5 s


def _json_rpc(url, fct_name, params, cookies=None):
    """odoo-client-lib's JSON-RPC call with the users' patience."""
    response = httpx.post(
        url,
        json={"jsonrpc": "2.0", "method": fct_name, "params": params, "id": 1},
        cookies=cookies or {},
        timeout=TIMEOUT_S,
    ).json()
    if response.get("error"):
        raise odoolib.tools.JsonRPCException(response["error"])
    return response.get("result", False)


odoolib.tools.json_rpc = _json_rpc

NODES = os.environ["LOAD_NODES"].split(",")
DATA = json.load(open(os.environ["LOAD_DATA"]))
REFUSALS = os.environ["LOAD_REFUSALS"]
# The web client's grouped read changed its arguments in Odoo 19.
ODOO_19 = os.environ.get("ODOO_SERIES", "19") == "19"
PLAIN = DATA.get("plain", False)
_next_user = itertools.count()

PIPELINE_FIELDS = ["name", "partner_id", "expected_revenue", "stage_id", "user_id"]

BOARD_FIELDS = [
    "user_id",
    "stm_board_won_month",
    "stm_board_pct_month",
    "stm_board_rank",
    "stm_board_visits_30d",
    "stm_board_projects_12m",
]


def failure_kind(error):
    """What a user would have seen, by kind."""
    data = (error or {}).get("data") or {}
    text = f"{data.get('name', '')} {data.get('message', '')} {error.get('message')}"
    lowered = text.lower()
    if "serializ" in lowered or "deadlock" in lowered or "concurrent update" in lowered:
        return "serialization failure or deadlock"
    if "UserError" in text or "ValidationError" in text:
        return "clear error"
    if "AccessError" in text:
        return "access error"
    return f"server error ({data.get('name') or error.get('message')})"


class Salesperson(OdooLocustUser):
    wait_time = between(1, 4)
    protocol = "jsonrpc"

    def on_start(self):
        n = next(_next_user)
        node = urlparse(NODES[n % len(NODES)])
        self.node = NODES[n % len(NODES)]
        self.host, self.port = node.hostname, node.port
        self.database = DATA["db"]
        self.login = self.password = DATA["logins"][n % len(DATA["logins"])]
        super().on_start()
        self.web = requests.Session()
        self._web_call(
            "login",
            "/web/session/authenticate",
            {"db": self.database, "login": self.login, "password": self.password},
        )
        self.rng = random.Random(n)

    # -- two ways to reach Odoo, timed for Locust ---------------------------

    def _fire(self, name, start, error=None, kind=None):
        events.request.fire(
            request_type="RPC",
            name=name,
            response_time=(time.perf_counter() - start) * 1000,
            response_length=0,
            exception=Exception(kind) if kind else None,
            context={},
        )

    def _post(self, name, path, params):
        """(result, error): one JSON-RPC round trip; HTTP errors and Odoo's
        errors come back as ``error``."""
        try:
            response = self.web.post(
                f"{self.node}{path}",
                json={"jsonrpc": "2.0", "method": "call", "params": params},
                timeout=TIMEOUT_S,
            )
        except requests.RequestException as exc:
            return None, {"message": f"connection: {exc.__class__.__name__}"}
        if response.status_code != 200:
            return None, {"message": f"HTTP {response.status_code}"}
        body = response.json()
        return body.get("result"), body.get("error")

    def _web_call(self, name, path, params):
        start = time.perf_counter()
        result, error = self._post(name, path, params)
        self._fire(name, start, kind=error and failure_kind(error))
        return result

    def _read(self, name, model, method, args, kwargs=None):
        return self._web_call(
            name,
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _execute(self, model, method, *args):
        """A write as the web client sends it, in the session: (result,
        error) without firing. (Over /jsonrpc a script sends its password
        with every call and Odoo hashes it each time: profiled under this
        load, PBKDF2 took 45 % of the servers' busy time, the same with or
        without the module, which hid what the module costs.)"""
        return self._post(
            "",
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": {}},
        )

    # -- the mix -----------------------------------------------------------

    @task(5)
    def register_lead(self):
        """One in five is somebody else's hot customer, typed differently."""
        if self.rng.random() < 0.2:
            hot = self.rng.choice(DATA["hot"])
            values = {
                "name": f"{self.rng.choice(hot['names']).strip()} – 新需求",
                "partner_name": self.rng.choice(hot["names"]),
                "phone": self.rng.choice(hot["phones"]),
            }
            name = "create lead (hot customer)"
        else:
            number = self.rng.randrange(10**9)
            values = {
                "name": f"新客户 {self.login} {number}",
                "partner_name": f"{self.login} 新客户{number}有限公司",
                "phone": f"+86 21 {50000000 + number % 40000000}",
            }
            hot = None
            name = "create lead (new customer)"
        values.update(type="opportunity", user_id=self.client.user_id)
        start = time.perf_counter()
        __, error = self._execute("crm.lead", "create", values)
        kind = error and failure_kind(error)
        if error and hot and kind == "clear error":
            message = (error.get("data") or {}).get("message", "")
            with open(REFUSALS, "a", encoding="utf-8") as log:
                refusal = {
                    "owner": hot["owner"],
                    "partner_name": values["partner_name"],
                    "phone": values["phone"],
                    "message": message,
                }
                log.write(json.dumps(refusal, ensure_ascii=False) + "\n")
            name, kind = "create lead (hot customer, refused)", None
        self._fire(name, start, kind=kind)

    @task(3)
    def log_visit_and_close(self):
        if PLAIN:
            return self.schedule_meeting_and_close()
        start = time.perf_counter()
        visit, error = self._execute(
            "stm.visit",
            "create",
            {
                "partner_id": self.rng.choice(DATA["customers"]),
                "purpose": "周一例行拜访",
                "result": "客户确认了下季度的需求，约好下周演示。",
            },
        )
        if not error:
            __, error = self._execute("stm.visit", "action_done", [visit])
        self._fire("log visit and mark done", start, kind=error and failure_kind(error))

    def schedule_meeting_and_close(self):
        start = time.perf_counter()
        activity, error = self._execute(
            "mail.activity",
            "create",
            {
                "res_model_id": DATA["partner_model_id"],
                "res_id": self.rng.choice(DATA["customers"]),
                "activity_type_id": DATA["meeting_type_id"],
                "summary": "周一例行拜访",
                "user_id": self.client.user_id,
            },
        )
        if not error:
            __, error = self._execute(
                "mail.activity",
                "action_feedback",
                [activity],
                "客户确认了下季度的需求，约好下周演示。",
            )
        self._fire(
            "schedule meeting and mark done", start, kind=error and failure_kind(error)
        )

    @task(2)
    def open_pipeline(self):
        self._read(
            "open pipeline",
            "crm.lead",
            "web_search_read",
            [[("type", "=", "opportunity")]],
            {"specification": {name: {} for name in PIPELINE_FIELDS}, "limit": 80},
        )

    @task(3)
    def open_team_board(self):
        if PLAIN:
            self._read(
                "open team members",
                "crm.team.member",
                "web_search_read",
                [[]],
                {
                    "specification": {
                        name: {}
                        for name in ("user_id", "lead_day_count", "lead_month_count")
                    },
                    "limit": 80,
                },
            )
            return
        self._read(
            "open team board",
            "crm.team.member",
            "web_search_read",
            [[]],
            {"specification": {name: {} for name in BOARD_FIELDS}, "limit": 80},
        )

    @task(1)
    def claim_from_pool(self):
        """Take a lead from the pool (plain Odoo: assign oneself one nobody
        has)."""
        if PLAIN:
            listed, domain = "open unassigned leads", [("user_id", "=", False)]
        else:
            listed, domain = "open pool", [("stm_claim_state", "=", "pool")]
        leads = self._read(
            listed,
            "crm.lead",
            "web_search_read",
            [domain],
            {"specification": {"name": {}}, "limit": 20},
        )
        records = (leads or {}).get("records") or []
        if not records:
            return
        lead_ids = [self.rng.choice(records)["id"]]
        start = time.perf_counter()
        if PLAIN:
            __, error = self._execute(
                "crm.lead", "write", lead_ids, {"user_id": self.client.user_id}
            )
            self._fire(
                "assign myself a lead", start, kind=error and failure_kind(error)
            )
            return
        __, error = self._execute("crm.lead", "action_stm_claim", lead_ids)
        kind = error and failure_kind(error)
        # Somebody claimed it a moment earlier: a clear refusal, not a fault.
        self._fire(
            "claim from pool" + (" (refused)" if kind == "clear error" else ""),
            start,
            kind=None if kind == "clear error" else kind,
        )

    @task(2)
    def read_weighted_forecast(self):
        measure = "prorated_revenue:sum" if PLAIN else "stm_weighted_revenue:sum"
        self._read(
            "read prorated revenue" if PLAIN else "read weighted forecast",
            "crm.lead",
            "web_read_group",
            [[("type", "=", "opportunity")], ["stage_id"], [measure]]
            if ODOO_19
            else [[("type", "=", "opportunity")], [measure], ["stage_id"]],
            {} if ODOO_19 else {"lazy": True},
        )
