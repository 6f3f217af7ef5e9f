"""The independent side of tests/scripts/raters_check.sh.

  raters_check.py people WORK            the generated organisation as an HRIS CSV (stdout)
  raters_check.py generate WORK          writes the cycle into WORK/data/rung.db, and the
                                         ratings that must count into WORK/truth.json
  raters_check.py compare WORK FILE      recomputes every figure of docs/raters.md from
                                         WORK/truth.json with numpy (kappa with sklearn) and
                                         compares it with FILE (`rung raters --format json`)

Deterministic (a fixed seed). The organisation: Dana Director; seven managers under her with
teams of 12, 9, 7, 6, 5, 3 and 2 people. Each manager rates with a bias of their own; Dana also
rates four managers and three of manager 1's people (two raters for those three).
"""
import json
import random
import sqlite3
import sys

SEED = 20261
TEAMS = [12, 9, 7, 6, 5, 3, 2]
BIAS = [0.8, 0.4, 0.0, -0.3, -0.6, 0.2, 0.5]
LEVELS = ["swe-1", "swe-2", "swe-3", "swe-4", "sre-1", "sre-2", "sre-3"]
SCALE = ["not-yet", "sometimes", "consistently", "role-model"]
MIN_PEOPLE = 4
MIN_PAIRS = 10
TOLERANCE = 1e-9


def organisation():
    rng = random.Random(SEED)
    people = [("Dana Director", "dana@example.com", "", "mgr-3")]
    for m, size in enumerate(TEAMS, start=1):
        people.append((f"Manager {m}", f"manager{m}@example.com", "dana@example.com", "mgr-1"))
        for i in range(1, size + 1):
            people.append((f"Person {m}-{i}", f"p{m}-{i}@example.com",
                           f"manager{m}@example.com", rng.choice(LEVELS)))
    return people


def print_people():
    print("Name,Work Email,Manager Email,Level,Start Date")
    for name, email, manager, level in organisation():
        print(f"{name},{email},{manager},{level},2020-01-01")


def statements_of(ladder):
    out = {}
    for track in ladder["tracks"]:
        for level in track["levels"]:
            out[level["id"]] = [s["id"] for area in level.get("statements", {}).values()
                                for s in area]
    return out


def fnv1a64(text):
    h = 14695981039346656037
    for byte in text.encode():
        h = ((h ^ byte) * 1099511628211) % (1 << 64)
    return f"fnv1a64:{h:016x}"


class Writer:
    """Rows as rung's store writes them (schema: src/rung/store/sqlite/migrations.cpp)."""

    def __init__(self, db, ladder_text):
        self.db = db
        self.digest = fnv1a64(ladder_text)
        db.execute("INSERT INTO frozen_ladder (digest, content, created_at) VALUES (?, ?, 1)",
                   (self.digest, ladder_text))
        self.clock = 1_780_000_000_000
        self.accounts = {}
        self.ids = dict(db.execute("SELECT email, id FROM person"))
        self.level = dict(db.execute("SELECT email, level FROM person"))

    def account(self, email):
        if email not in self.accounts:
            cursor = self.db.execute(
                "INSERT INTO account (login, password_hash, admin, must_change_password, "
                "created_at, password_changed_at) VALUES (?, 'not-a-hash', 0, 0, 1, 1)", (email,))
            self.accounts[email] = cursor.lastrowid
        return self.accounts[email]

    def cycle(self, name):
        cursor = self.db.execute(
            "INSERT INTO review_cycle (name, starts, ends, tracks, status) "
            "VALUES (?, '2026-07-01', '2026-12-31', '[]', 'open')", (name,))
        return cursor.lastrowid

    def assessment(self, author, person, role, ratings, cycle, submitted=True):
        """`ratings`: statement -> position. Returns the snapshot's ratings."""
        self.clock += 1000
        level = self.level[person]
        row = {"person": self.ids[person], "role": role, "author_account": self.account(author),
               "author_person": self.ids[author], "level": level, "cycle": cycle,
               "status": "submitted" if submitted else "draft", "version": 2}
        cursor = self.db.execute(
            "INSERT INTO assessment (person, author_role, author_account, author_person, level, "
            "cycle, status, version, created_at, updated_at, submitted_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 2, ?, ?, ?)",
            (row["person"], role, row["author_account"], row["author_person"], level, cycle,
             row["status"], self.clock, self.clock, self.clock if submitted else 0))
        row["id"] = cursor.lastrowid
        scale = {s: SCALE[p] for s, p in ratings.items()}
        # The live rating table disagrees with the snapshot on purpose: figures must come from
        # snapshots only.
        for statement in ratings:
            self.db.execute("INSERT INTO rating (assessment, statement, scale, updated_at) "
                            "VALUES (?, ?, 'role-model', ?)", (row["id"], statement, self.clock))
        if submitted:
            head = dict(row, submitted_at=self.clock)
            snapshot = {"schema": "rung/assessment-snapshot/v2", "assessment": head,
                        "ladder_digest": self.digest, "ratings": scale, "evidence": []}
            self.db.execute("INSERT INTO assessment_snapshot (assessment, content, created_at) "
                            "VALUES (?, ?, ?)", (row["id"], json.dumps(snapshot), self.clock))


def clip(x):
    return max(0, min(3, round(x)))


def generate(work):
    ladder_text = open(f"{work}/ladder.json").read()
    statements = statements_of(json.loads(ladder_text))
    db = sqlite3.connect(f"{work}/data/rung.db")
    w = Writer(db, ladder_text)
    cycle, other = w.cycle("2026 H2"), w.cycle("2027 H1")
    rng = random.Random(SEED + 1)
    people = organisation()
    ability = {email: rng.uniform(0.5, 2.5) for _, email, _, _ in people}
    truth = []  # what must count, in submission order

    def rate(author, person, role, bias, share, cycle_id=cycle, submitted=True, keep=True):
        ids = statements[w.level[person]]
        chosen = rng.sample(ids, max(1, round(len(ids) * share)))
        noise = 0.6 if role == "manager" else 0.7
        ratings = {s: clip(ability[person] + bias + rng.gauss(0, noise)) for s in chosen}
        w.assessment(author, person, role, ratings, cycle_id, submitted)
        if keep and submitted and cycle_id == cycle:
            rater = w.ids[author] if role == "manager" else w.ids[person]
            truth.extend([rater, w.ids[person], s, role, p] for s, p in ratings.items())

    for m, size in enumerate(TEAMS, start=1):
        manager = f"manager{m}@example.com"
        for i in range(1, size + 1):
            person = f"p{m}-{i}@example.com"
            # Manager 4's people rate one statement each and she rates every one (6 pairs from
            # 6 people: a gap, no kappa); only two of manager 5's people assess themselves
            # (pairs from under 4 people: neither).
            if m == 4:
                rate(person, person, "self", 0.3, 0.0)
            elif (m != 5 or i <= 2) and rng.random() < 0.9:
                rate(person, person, "self", 0.3, rng.uniform(0.5, 1.0))
            rate(manager, person, "manager", BIAS[m - 1], 1.0 if m == 4 else rng.uniform(0.6, 1.0))
    # A second manager assessment of one person, later: its ratings replace the first's.
    rate("manager1@example.com", "p1-1@example.com", "manager", 1.5, 1.0)
    # Dana: four managers and three of manager 1's people.
    for who in [f"manager{m}@example.com" for m in range(1, 5)] + \
            [f"p1-{i}@example.com" for i in range(2, 5)]:
        rate("dana@example.com", who, "manager", 0.0, rng.uniform(0.6, 1.0))
    # Decoys: a draft, another cycle, no cycle.
    rate("manager2@example.com", "p2-1@example.com", "manager", -3, 1.0, submitted=False)
    rate("manager3@example.com", "p3-1@example.com", "manager", 3, 1.0, cycle_id=other)
    rate("p3-1@example.com", "p3-1@example.com", "self", -3, 1.0, cycle_id=other)
    rate("manager3@example.com", "p3-2@example.com", "manager", -3, 1.0, cycle_id=None)
    db.commit()
    with open(f"{work}/truth.json", "w") as out:
        json.dump(truth, out)


def expected(truth):
    import numpy as np
    from sklearn.metrics import cohen_kappa_score

    manager, selves = {}, {}
    for rater, person, statement, role, position in truth:  # later ones replace earlier ones
        if role == "manager":
            manager[(rater, person, statement)] = position
        else:
            selves[(person, statement)] = position
    by_statement = {}
    for (_, _, s), x in manager.items():
        by_statement.setdefault(s, []).append(x)
    mean = {s: np.mean(xs) for s, xs in by_statement.items()}
    raters = sorted({r for r, _, _ in manager})
    rows = {r: [(p, s, x) for (rr, p, s), x in manager.items() if rr == r] for r in raters}
    residuals = {r: np.array([x - mean[s] for _, s, x in rows[r]]) for r in raters}
    n = {r: len(rows[r]) for r in raters}
    N, R = sum(n.values()), len(raters)
    d = {r: residuals[r].mean() for r in raters}
    grand = np.concatenate(list(residuals.values())).mean()
    sigma2 = sum(((residuals[r] - d[r]) ** 2).sum() for r in raters) / (N - R)
    msb = sum(n[r] * (d[r] - grand) ** 2 for r in raters) / (R - 1)
    n0 = (N - sum(v * v for v in n.values()) / N) / (R - 1)
    tau2 = max(0.0, (msb - sigma2) / n0)
    out = {"scale_size": len(SCALE), "min_people": MIN_PEOPLE, "raters": R, "ratings": N, "people": len({p for _, p, _ in manager}),
           "shrinkage": {"within_variance": sigma2, "between_variance": tau2,
                         "k": sigma2 / tau2 if tau2 > 0 else None},
           "spread": float(np.std(list(manager.values()))), "by_rater": []}
    person_sds = []
    for r in raters:
        people = sorted({p for p, _, _ in rows[r]})
        per_person = [[x for p2, _, x in rows[r] if p2 == p] for p in people]
        sds = [float(np.std(xs)) for xs in per_person if len(xs) >= 2]
        person_sds += sds
        weight = tau2 / (tau2 + sigma2 / n[r]) if tau2 > 0 else 0.0
        sd = np.sqrt(weight * sigma2 / n[r])
        pairs = [(x, selves[(p, s)]) for p, s, x in rows[r] if (p, s) in selves]
        pair_people = len({p for p, s, _ in rows[r] if (p, s) in selves})
        m_side = [a for a, _ in pairs]
        s_side = [b for _, b in pairs]
        enough = pairs and pair_people >= MIN_PEOPLE
        kappa = None
        if enough and len(pairs) >= MIN_PAIRS:
            kappa = cohen_kappa_score(m_side, s_side, weights="quadratic",
                                      labels=list(range(len(SCALE))))
            kappa = None if np.isnan(kappa) else float(kappa)
        hidden = len(people) < MIN_PEOPLE
        stats = {"rater": r, "people": len(people), "ratings": n[r], "hidden": hidden,
                 "leniency": weight * d[r], "leniency_low": weight * d[r] - 1.959963984540054 * sd,
                 "leniency_high": weight * d[r] + 1.959963984540054 * sd,
                 "mean_difference": d[r], "weight": weight,
                 "spread": float(np.std([x for _, _, x in rows[r]])),
                 "halo": float(np.mean(sds)) if sds else None,
                 "self_pairs": len(pairs), "self_people": pair_people, "kappa_self": kappa,
                 "gap_self": float(np.mean(np.array(m_side) - np.array(s_side))) if enough else None}
        if hidden:
            stats = {k: (v if k in ("rater", "people", "ratings", "hidden") else
                         0 if k in ("self_pairs", "self_people") else None)
                     for k, v in stats.items()}
        out["by_rater"].append(stats)
    out["halo"] = float(np.mean(person_sds))
    return out


def same(path, want, got, problems):
    if isinstance(want, dict):
        for key, value in want.items():
            if key not in got:
                problems.append(f"{path}.{key}: missing")
            else:
                same(f"{path}.{key}", value, got[key], problems)
    elif isinstance(want, list):
        if len(want) != len(got):
            problems.append(f"{path}: {len(got)} items, expected {len(want)}")
        for i, (a, b) in enumerate(zip(want, got)):
            same(f"{path}[{i}]", a, b, problems)
    elif want is None or isinstance(want, bool):
        if got != want:
            problems.append(f"{path}: {got!r}, expected {want!r}")
    elif got is None or isinstance(got, bool) or abs(float(got) - float(want)) > TOLERANCE:
        problems.append(f"{path}: {got!r}, expected {want!r}")


def compare(work, file):
    truth = json.load(open(f"{work}/truth.json"))
    want = expected(truth)
    got = json.load(open(file))
    problems = []
    same("raters", want, got, problems)
    # The data set must exercise every case, or the comparison proves little.
    stats = want["by_rater"]
    cases = {
        "a hidden rater": any(s["hidden"] for s in stats),
        "kappa on 3 raters": sum(s["kappa_self"] is not None for s in stats) >= 3,
        "kappa null under 10 pairs": any(not s["hidden"] and 0 < s["self_pairs"] < MIN_PAIRS
                                         and s["gap_self"] is not None for s in stats),
        "pairs from under 4 people": any(not s["hidden"] and 0 < s["self_people"] < MIN_PEOPLE
                                         for s in stats),
        "shrinkage at work": want["shrinkage"]["k"] is not None
                             and all(s["hidden"] or 0 < s["weight"] < 1 for s in stats),
    }
    problems += [f"the generated data has no case of {name}" for name, ok in cases.items()
                 if not ok]
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        visible = sum(not s["hidden"] for s in stats)
        print(f"{len(stats)} raters ({visible} shown), {want['ratings']} ratings: all figures "
              f"agree within {TOLERANCE}; k = {want['shrinkage']['k']:.3f}")
    return 1 if problems else 0


if __name__ == "__main__":
    command, work = sys.argv[1], sys.argv[2]
    if command == "people":
        print_people()
    elif command == "generate":
        generate(work)
    elif command == "compare":
        sys.exit(compare(work, sys.argv[3]))
    else:
        sys.exit(f"unknown command {command}")
