"""Kills `rung serve` with SIGKILL at random moments while writers save ratings and an admin
applies a people import through the web, restarts it each time, and then checks the database:
PRAGMA integrity_check is "ok", every acknowledged save is there (each assessment's version at
least its last acknowledged one, each statement's rating the last acknowledged value unless the
one request in flight at the kill wrote it again), and the import is all or nothing (its 600
people all there with one level, or none). Usage: crash_saves.py RUNG WORK (run by
crash_saves.sh, which prepares WORK/var). CRASH_KILLS sets the number of kills (default 4)."""
import http.client, json, os, random, re, signal, sqlite3, subprocess, sys, threading, time
import urllib.parse

rung, work = sys.argv[1], sys.argv[2]
data = f"{work}/var"
kills = int(os.environ.get("CRASH_KILLS", "4"))
random.seed(int(os.environ.get("CRASH_SEED", str(int(time.time())))))
accounts = json.load(open(f"{work}/accounts.json"))  # login -> one-time password
writers = [login for login in accounts if login != "admin"]
statements = ["swe-2-role-1", "swe-2-role-2", "swe-2-role-3", "swe-2-domain-1", "swe-2-delivery-1"]
points = ["not-yet", "sometimes", "consistently", "role-model"]


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """One keep-alive connection with a cookie jar; the jar outlives the server's restarts."""

    def __init__(self):
        self.cookies, self.csrf, self.port, self.conn = {}, "", 0, None

    def connect(self, port):
        self.port, self.conn = port, None

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            self.conn.request(method, path, body=body, headers=headers)
            answer = self.conn.getresponse()
            payload = answer.read()
        except Exception:
            self.conn = None
            raise
        for name, value in answer.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        if answer.getheader("Connection", "").lower() == "close":
            self.conn = None
        return answer.status, payload.decode("utf-8", "replace")

    def form(self, path, fields):
        body = urllib.parse.urlencode(fields)
        return self.request("POST", path, body,
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def api(self, method, path, value):
        return self.request(method, path, json.dumps(value),
                            {"Content-Type": "application/json", "X-CSRF-Token": self.csrf})


def field(page, name):
    found = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert found, f"no {name} field in the page"
    return found.group(1)


def sign_in(client, login, password):
    status, page = client.request("GET", "/sign-in")
    status, _ = client.form("/sign-in", {"csrf": field(page, "csrf"), "next": "/",
                                         "login": login, "password": password})
    assert status in (302, 303), f"sign-in of {login}: {status}"
    status, page = client.request("GET", "/account")
    new = password + "-changed-for-good"
    status, _ = client.form("/account/password", {
        "csrf": field(page, "csrf"), "current_password": password,
        "new_password": new, "confirm_password": new})
    assert status in (302, 303), f"password change of {login}: {status}"
    status, page = client.request("GET", "/account")
    client.csrf = field(page, "csrf")  # the session's token, which API writes carry too


class Server:
    def __init__(self):
        self.process, self.port = None, 0

    def start(self):
        self.port = free_port()
        log = open(f"{work}/serve.log", "a")
        self.process = subprocess.Popen(
            [rung, "serve", "--listen", f"127.0.0.1:{self.port}", "--data", data,
             "--no-access-log"], stdout=log, stderr=log)
        for _ in range(300):
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("rung serve did not start: " + open(f"{work}/serve.log").read()[-2000:])

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


def people_csv(level):
    rows = ["name,email,level,manager email"]
    rows += [f"Mona Manager,mona@example.com,mgr-1,"]
    rows += [f"Writer {i},{login},swe-2,mona@example.com" for i, login in enumerate(writers)]
    rows += [f"Crash Person {i},crash-{i}@example.com,{level},mona@example.com" for i in range(600)]
    return ("\r\n".join(rows) + "\r\n").encode()


def multipart(csrf, content):
    boundary = "rungcrashboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"people.csv\"\r\nContent-Type: text/csv\r\n\r\n").encode()
    body += content + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


acked = {}      # (assessment, statement) -> last acknowledged value
versions = {}   # assessment -> last acknowledged version
in_flight = {}  # assessment -> (statement, value) of a save sent and not answered
saves = [0]
imports = [0]
lock = threading.Lock()


def write_ratings(client, person, assessment, stop):
    version = versions.get(assessment, 1)
    while not stop.is_set():
        statement, value = random.choice(statements), random.choice(points)
        with lock:
            in_flight[assessment] = (statement, value)
        try:
            status, body = client.api(
                "PUT", f"/api/v1/people/{person}/assessments/{assessment}/ratings/{statement}",
                {"version": version, "rating": value})
        except Exception:
            return  # the server is gone; this save may or may not have landed
        if status == 409:  # a save of ours landed before a kill without its answer
            version = json.loads(body)["error"]["conflict"]["current_version"]
            continue
        assert status == 200, f"save: {status} {body[:300]}"
        version = json.loads(body)["version"]
        with lock:
            acked[(assessment, statement)] = value
            versions[assessment] = version
            in_flight.pop(assessment, None)
            saves[0] += 1


def apply_imports(client, stop):
    level = random.choice(["swe-1", "swe-3"])
    while not stop.is_set():
        level = "swe-3" if level == "swe-1" else "swe-1"
        try:
            status, page = client.request("GET", "/admin/people/import")
            body, kind = multipart(field(page, "csrf"), people_csv(level))
            status, page = client.request("POST", "/admin/people/import", body,
                                          {"Content-Type": kind})
            assert status == 200, f"import upload: {status}"
            status, _ = client.form("/admin/people/import/apply", {
                "csrf": field(page, "csrf"), "upload": field(page, "upload")})
        except Exception:
            return
        assert status in (200, 302, 303), f"import apply: {status}"
        with lock:
            imports[0] += 1


def check(db_path):
    """Checks the database after a kill, then settles the saves that were in flight (each may
    or may not have landed) to what is stored, so that the next round starts from the truth."""
    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity_check failed"

    def rating(assessment, statement):
        row = db.execute("SELECT scale FROM rating WHERE assessment = ? AND statement = ?",
                         (assessment, statement)).fetchone()
        return row[0] if row else None

    with lock:
        for assessment, version in versions.items():
            stored = db.execute("SELECT version FROM assessment WHERE id = ?",
                                (assessment,)).fetchone()[0]
            assert stored >= version, f"assessment {assessment}: version {stored} < {version}"
        for (assessment, statement), value in acked.items():
            stored = rating(assessment, statement)
            sent = in_flight.get(assessment)
            if sent and sent[0] == statement and stored == sent[1]:
                continue  # the save in flight at the kill landed over it: allowed
            assert stored == value, \
                f"an acknowledged save is lost: {assessment}/{statement} {value} -> {stored}"
        for assessment, (statement, value) in list(in_flight.items()):
            stored = rating(assessment, statement)
            assert stored in (value, acked.get((assessment, statement))), \
                f"{assessment}/{statement}: {stored} is neither the last acknowledged nor the sent"
            acked[(assessment, statement)] = stored
            versions[assessment] = db.execute("SELECT version FROM assessment WHERE id = ?",
                                              (assessment,)).fetchone()[0]
        in_flight.clear()
    levels = db.execute("SELECT level, count(*) FROM person WHERE email LIKE 'crash-%' "
                        "GROUP BY level").fetchall()
    assert levels == [] or (len(levels) == 1 and levels[0][1] == 600), \
        f"an import was applied in part: {levels}"
    db.close()


began = time.monotonic()
def note(text):
    print(f"crash_saves: {time.monotonic() - began:5.1f} s  {text}", flush=True)

server = Server()
server.start()
note("serving")
clients = {login: Client() for login in accounts}
for login, client in clients.items():
    client.connect(server.port)
    sign_in(client, login, accounts[login])
note("signed in")
ids = {}
for login in writers:
    client = clients[login]
    status, body = client.request("GET", "/api/v1/me")
    person = json.loads(body)["person"]["id"]
    status, body = client.api("POST", f"/api/v1/people/{person}/assessments", {"role": "self"})
    assert status in (200, 201), f"start: {status} {body[:300]}"
    ids[login] = (person, json.loads(body)["id"])

for round in range(kills):
    stop = threading.Event()
    threads = [threading.Thread(target=write_ratings, args=(clients[l], *ids[l], stop))
               for l in writers]
    threads.append(threading.Thread(target=apply_imports, args=(clients["admin"], stop)))
    for client in clients.values():
        client.connect(server.port)
    for t in threads:
        t.start()
    time.sleep(random.uniform(0.5, 2.0))
    server.kill()
    stop.set()
    for t in threads:
        t.join()
    check(f"{data}/rung.db")
    note(f"kill {round + 1}: {saves[0]} saves acknowledged so far, all there")
    server.start()
server.kill()
check(f"{data}/rung.db")
print(f"crash_saves: {kills} kills with SIGKILL; {saves[0]} acknowledged saves and "
      f"{imports[0]} applied imports all there; integrity_check ok")
