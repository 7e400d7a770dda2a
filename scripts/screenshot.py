"""Screenshots of a running Odoo (make demo) as a given user, in headless
Chromium driven over the DevTools protocol (websocket-client, already in the
dev requirements).

Usage:
  python scripts/screenshot.py LOGIN OUT.png URL [--phone] [--wait S] [--click CSS]...

LOGIN's password is the login (demo users). URL is a path such as
/odoo/crm or /odoo/action-sales_team_mgmt.crm_team_member_action_board.
--phone renders at 390×844 (a phone), otherwise 1280×800. Each --click
clicks the first element matching the CSS selector ("CSS::text": the first
one containing the text) before the shot.
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

import websocket

BASE = os.environ.get("ODOO_URL", "http://localhost:8069")
DB = os.environ.get("DEMO_DB", "stm_demo")


def login(user):
    body = json.dumps(
        {"jsonrpc": "2.0", "params": {"db": DB, "login": user, "password": user}}
    ).encode()
    request = urllib.request.Request(
        f"{BASE}/web/session/authenticate",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        cookie = response.headers.get("Set-Cookie", "")
    return cookie.split("session_id=")[1].split(";")[0]


class Browser:
    def __init__(self, port=9333):
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        self.profile = tempfile.mkdtemp()
        self.proc = subprocess.Popen(
            [
                exe,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                f"--remote-debugging-port={port}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json") as r:
                    targets = json.load(r)
                page = next(t for t in targets if t["type"] == "page")
                break
            except Exception:
                time.sleep(0.2)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"])
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                return message.get("result", {})

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("login")
    parser.add_argument("out")
    parser.add_argument("url")
    parser.add_argument("--phone", action="store_true")
    parser.add_argument("--wait", type=float, default=4.0)
    parser.add_argument("--click", action="append", default=[])
    args = parser.parse_args()
    browser = Browser()
    try:
        width, height = (390, 844) if args.phone else (1280, 800)
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=2 if args.phone else 1,
            mobile=args.phone,
        )
        if args.phone:
            browser.call("Emulation.setTouchEmulationEnabled", enabled=True)
        browser.call(
            "Network.setCookie",
            name="session_id",
            value=login(args.login),
            url=BASE,
        )
        browser.call("Page.enable")
        browser.call("Page.navigate", url=BASE + args.url)
        time.sleep(args.wait)
        for selector in args.click:
            # "CSS" or "CSS::text": the first match (containing the text).
            css, __, text = selector.partition("::")
            browser.call(
                "Runtime.evaluate",
                expression=(
                    f"[...document.querySelectorAll({json.dumps(css)})]"
                    f".find(el => el.textContent.includes({json.dumps(text)}))"
                    ".scrollIntoView(), "
                    f"[...document.querySelectorAll({json.dumps(css)})]"
                    f".find(el => el.textContent.includes({json.dumps(text)}))"
                    ".click()"
                ),
            )
            time.sleep(args.wait)
        shot = browser.call("Page.captureScreenshot", format="png")
        with open(args.out, "wb") as out:
            out.write(base64.b64decode(shot["data"]))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
