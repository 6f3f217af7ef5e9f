#!/usr/bin/env python3
"""A big `rung people import --apply` against the database a running `rung serve` uses, while
writers save ratings through the server (issue 14, item 3; docs/store.md, "A big import while
serving"): does any save fail (a 503 "database is locked" / store.busy), and how long do saves
wait while the import holds the write lock? Not part of make test (minutes with the sanitized
build).

  bench/save/import_while_serving.py RUNG [--people 100000] [--writers 8] [--seconds 120]
      [--database postgresql:///db?host=/tmp/pg&user=rung] [--busy-timeout 5]

Setup through rung itself: WRITERS people on swe-2 with accounts (`rung people import`, `rung
user add`), then `rung serve`; each writer signs in, chooses a password and starts a
self-assessment over HTTP. Load: one thread per writer saving one rating after another (PUT
.../ratings/{statement} with the version the last answer gave) for SECONDS; two seconds in,
`rung people import BIG.csv --apply` with the writers' rows and PEOPLE new people (a reporting
tree, fan-out 10), timed. Prints the import's time and exit status and the saves: how many,
non-200 answers, and the latency p50/p99/max, overall and while the import ran.
"""
import argparse
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Client:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        self.cookies = {"rung_signin": "x"}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.conn.request(method, path, body, headers)
        response = self.conn.getresponse()
        data = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";")[0]
        return response.status, data

    def form(self, path, fields):
        return self.request("POST", path, urllib.parse.urlencode(fields),
                            {"Content-Type": "application/x-www-form-urlencoded"})


def field(page, name):
    found = re.search(f'name="{name}" value="([^"]*)"', page)
    return found.group(1) if found else ""


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(fraction * len(ordered) + 0.999999) - 1))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rung")
    parser.add_argument("--people", type=int, default=100000)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--database", default="")
    parser.add_argument("--busy-timeout", default="")
    args = parser.parse_args()
    rung = os.path.realpath(args.rung)
    work = tempfile.mkdtemp(prefix="rung-import-load-")
    where = ["--database", args.database] if args.database else ["--data", f"{work}/var"]

    rows = [f"Writer {i},w{i}@load.example,,swe,swe-2,2024-01-01,Active"
            for i in range(args.writers)]
    header = "Name,Email,Manager Email,Track,Level,Start Date,Status\n"
    with open(f"{work}/writers.csv", "w") as out:
        out.write(header + "\n".join(rows) + "\n")
    with open(f"{work}/big.csv", "w") as out:
        out.write(header + "\n".join(rows) + "\n")
        for i in range(args.people):
            manager = "" if i == 0 else f"p{(i - 1) // 10}@big.example"
            out.write(f"Person {i},p{i}@big.example,{manager},swe,swe-2,2024-01-01,Active\n")
    subprocess.run([rung, "people", "import", f"{work}/writers.csv", "--apply", *where],
                   check=True, stdout=subprocess.DEVNULL)
    passwords = []
    for i in range(args.writers):
        out = subprocess.run([rung, "user", "add", f"w{i}@load.example", *where], check=True,
                             capture_output=True, text=True).stdout
        passwords.append(re.search(r"one-time password for '[^']*': (\S+)", out).group(1))

    port = free_port()
    serve = [rung, "serve", "--listen", f"127.0.0.1:{port}", *where, "--no-access-log"]
    if args.busy_timeout:
        serve += ["--busy-timeout", args.busy_timeout]
    server = subprocess.Popen(serve, stdout=subprocess.DEVNULL,
                              stderr=open(f"{work}/serve.err", "w"))
    try:
        for _ in range(300):
            try:
                if Client(port).request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        writers = []
        new_password = "a long new passphrase for the load"
        for i in range(args.writers):
            c = Client(port)
            status, _ = c.form("/sign-in", {"csrf": "x", "login": f"w{i}@load.example",
                                            "password": passwords[i], "next": "/"})
            assert status == 303, f"sign-in {status}"
            _, page = c.request("GET", "/account")
            status, _ = c.form("/account/password", {
                "csrf": field(page, "csrf"), "current_password": passwords[i],
                "new_password": new_password, "confirm_password": new_password})
            assert status == 303, f"password change {status}"
            _, me = c.request("GET", "/api/v1/me")
            me = json.loads(me)
            token = me["csrf_token"]
            person = me["person"]["id"]
            headers = {"X-CSRF-Token": token, "Content-Type": "application/json"}
            status, body = c.request("POST", f"/api/v1/people/{person}/assessments",
                                     json.dumps({"role": "self"}), headers)
            assert status in (200, 201), f"start {status} {body[:200]}"
            draft = json.loads(body)
            _, statements = c.request("GET", "/api/v1/statements?level=swe-2")
            ids = [s["id"] for s in json.loads(statements)["statements"]]
            writers.append((c, headers, person, draft["id"], draft["version"], ids))

        stop = threading.Event()
        samples = []  # (sent at, latency s, status)
        lock = threading.Lock()

        def save_loop(c, headers, person, assessment, version, ids):
            k = 0
            scale = ["not-yet", "sometimes", "consistently", "role-model"]
            while not stop.is_set():
                statement = ids[k % len(ids)]
                rating = scale[(k // len(ids)) % 4]
                body = json.dumps({"version": version, "rating": rating})
                sent = time.monotonic()
                try:
                    status, answer = c.request(
                        "PUT", f"/api/v1/people/{person}/assessments/{assessment}/ratings/"
                        f"{statement}", body, headers)
                except OSError as error:
                    status, answer = 0, repr(error)
                took = time.monotonic() - sent
                with lock:
                    samples.append((sent, took, status, answer[:200] if status != 200 else ""))
                if status != 200:
                    return
                version = json.loads(answer)["version"]
                k += 1

        threads = [threading.Thread(target=save_loop, args=w) for w in writers]
        began = time.monotonic()
        for t in threads:
            t.start()
        time.sleep(2)
        import_start = time.monotonic()
        imported = subprocess.run([rung, "people", "import", f"{work}/big.csv", "--apply",
                                   *where], capture_output=True, text=True)
        import_end = time.monotonic()
        remaining = args.seconds - (time.monotonic() - began)
        if remaining > 0:
            time.sleep(remaining)
        stop.set()
        for t in threads:
            t.join()
    finally:
        server.terminate()
        server.wait()

    ok = [s for s in samples if s[2] == 200]
    bad = [s for s in samples if s[2] != 200]
    during = [s[1] for s in ok if import_start <= s[0] <= import_end]
    ms = lambda v: f"{v * 1000:.0f} ms"
    print(f"import of {args.people} people (+{args.writers} writers) with --apply "
          f"({' '.join(where[:1])}) while {args.writers} writers save ratings:")
    print(f"  import: {import_end - import_start:.1f} s, exit {imported.returncode}")
    if imported.returncode != 0:
        print("    " + imported.stderr.strip().replace("\n", "\n    "))
    print(f"  saves: {len(ok)} acknowledged, {len(bad)} failed "
          f"({', '.join(sorted({f'{s[2]} {s[3][:120]}' for s in bad})) or 'none'})")
    latencies = [s[1] for s in ok]
    print(f"  save latency overall: p50 {ms(percentile(latencies, 0.5))}, "
          f"p99 {ms(percentile(latencies, 0.99))}, max {ms(max(latencies, default=0))}")
    print(f"  saves answered while the import ran: {len(during)}, "
          f"max {ms(max(during, default=0))}")
    for s in bad:
        print(f"  failed {s[0] - import_start:+.1f} s from the import's start: {s[2]} {s[3]}")
    return 0 if not bad and imported.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
