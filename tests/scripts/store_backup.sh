#!/usr/bin/env bash
# `rung backup` and `rung audit` ($1) against a database that another process keeps writing
# to (a Python sqlite3 writer standing in for `rung serve`): the copy is one consistent state,
# the copy works as a data directory, and the errors a user meets say what to do; and a
# database of an older schema: read-only commands point at `rung upgrade`, backup copies it
# as it is, upgrade keeps a copy and migrates.
set -uo pipefail
rung=$1
python=/usr/bin/python3
failures=0
work=$(mktemp -d)
writer_pid=
cleanup() {
  [[ -n $writer_pid ]] && kill "$writer_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# No database yet: read-only commands refuse, and create nothing.
"$rung" backup "$work/copy.db" --data "$work/var" >"$work/out" 2>"$work/err"
[[ $? -eq 2 ]] || fail "backup without a database should exit 2"
grep -q "error\[store.open\]: there is no database at $work/var/rung.db" "$work/err" ||
  fail "backup without a database: $(cat "$work/err")"
[[ -e $work/var || -e $work/copy.db ]] && fail "backup without a database created files"

# A database at the latest schema (8) as rung makes it, then a writer adding a person and its
# audit entry in each transaction until it is stopped.
mkdir -p "$work/var"
"$python" - "$work/var/rung.db" tests/data/store/schema-8.sql <<'PY' || fail "setup failed"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA journal_mode = WAL")
db.executescript(open(sys.argv[2]).read())
db.close()
PY
"$python" - "$work/var/rung.db" "$work/ready" <<'PY' &
import sqlite3, sys, pathlib
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
i = 0
while True:
    db.execute("BEGIN IMMEDIATE")
    cur = db.execute("INSERT INTO person (name, email, track, level, start_date, status) "
                     "VALUES (?, ?, 'swe', 'swe-3', '', 'active')", (f"p{i}", f"p{i}@example.com"))
    db.execute("INSERT INTO audit (at, actor, action, subject, before, after) "
               "VALUES (?, 'writer', 'person.create', ?, '', '{}')",
               (1764300000000 + i, f"person:{cur.lastrowid}"))
    db.execute("COMMIT")
    i += 1
    if i == 200:
        pathlib.Path(sys.argv[2]).touch()
PY
writer_pid=$!
for _ in $(seq 100); do [[ -e $work/ready ]] && break; sleep 0.1; done
[[ -e $work/ready ]] || fail "the writer did not start"

"$rung" backup "$work/copy.db" --data "$work/var" >"$work/out" 2>"$work/err"
[[ $? -eq 0 ]] || fail "backup while writing: $(cat "$work/err")"
grep -q "^rung backup: copied sqlite $work/var/rung.db (schema 8) to $work/copy.db" "$work/out" ||
  fail "backup output: $(cat "$work/out")"
kill "$writer_pid"
wait "$writer_pid" 2>/dev/null
writer_pid=

counts=$("$python" - "$work/copy.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(*(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("person", "audit")))
print(db.execute("PRAGMA integrity_check").fetchone()[0])
PY
)
read -r people entries <<<"$(head -1 <<<"$counts")"
[[ $people -ge 200 && $people -eq $entries ]] ||
  fail "the copy is not one committed state: $people people, $entries audit entries"
[[ $(tail -1 <<<"$counts") == ok ]] || fail "integrity check of the copy: $counts"

# The copy is a working data directory; the newest entry of the copy is the last person in it.
mkdir "$work/restored" && cp "$work/copy.db" "$work/restored/rung.db"
"$rung" audit --data "$work/restored" --limit 1 >"$work/out" 2>"$work/err"
[[ $? -eq 0 ]] || fail "audit on the copy: $(cat "$work/err")"
grep -q "writer  person.create  person:$people\$" "$work/out" || fail "audit on the copy: $(cat "$work/out")"

# A second backup to the same name is refused and leaves the first copy alone.
before=$(md5sum <"$work/copy.db")
"$rung" backup "$work/copy.db" --data "$work/var" >"$work/out" 2>"$work/err"
[[ $? -eq 2 ]] || fail "backup over an existing file should exit 2"
grep -q "error\[store.backup\]: $work/copy.db already exists" "$work/err" ||
  fail "backup over an existing file: $(cat "$work/err")"
[[ $(md5sum <"$work/copy.db") == "$before" ]] || fail "the existing copy was changed"

# A garbage file where the database should be.
mkdir "$work/garbage" && head -c 10000 /dev/urandom >"$work/garbage/rung.db"
"$rung" audit --data "$work/garbage" >"$work/out" 2>"$work/err"
[[ $? -eq 2 ]] || fail "audit on a garbage file should exit 2"
grep -q "is not a SQLite database" "$work/err" || fail "audit on a garbage file: $(cat "$work/err")"
grep -q "hint: " "$work/err" || fail "no hint for a garbage file"

# A database of an older schema.
schema_of() { "$python" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' "$1"; }
mkdir "$work/old"
"$python" - "$work/old/rung.db" tests/data/store/schema-2.sql <<'PY' || fail "old setup failed"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript(open(sys.argv[2]).read())
db.close()
PY
latest=$(schema_of "$work/var/rung.db")
"$rung" audit --data "$work/old" >"$work/out" 2>"$work/err"
[[ $? -eq 2 ]] || fail "audit on an old schema should exit 2"
grep -q "error\[store.old-schema\]: the database at $work/old/rung.db has schema 2, older than" \
  "$work/err" || fail "audit on an old schema: $(cat "$work/err")"
grep -q "hint: upgrade it first with \`rung upgrade --data $work/old\`" "$work/err" ||
  fail "no upgrade hint: $(cat "$work/err")"
"$rung" backup "$work/old-copy.db" --data "$work/old" >"$work/out" 2>"$work/err" ||
  fail "backup of an old schema: $(cat "$work/err")"
[[ $(schema_of "$work/old-copy.db") == 2 ]] || fail "the backup of an old schema is not schema 2"
"$rung" upgrade --data "$work/old" >"$work/out" 2>"$work/err" || fail "upgrade: $(cat "$work/err")"
grep -q "^rung upgrade: upgraded $work/old/rung.db from schema 2 to $latest\$" "$work/out" ||
  fail "upgrade output: $(cat "$work/out")"
kept=("$work"/old/rung-schema-2-*.db)
[[ -f ${kept[0]} && $(schema_of "${kept[0]}") == 2 ]] || fail "upgrade kept no schema-2 copy"
grep -q "copied $work/old/rung.db as it was to ${kept[0]}" "$work/out" || fail "copy not named"
[[ $(schema_of "$work/old/rung.db") == "$latest" ]] || fail "upgrade did not migrate"
"$rung" audit --data "$work/old" >"$work/out" 2>"$work/err" || fail "audit after upgrade failed"
"$rung" upgrade --data "$work/old" >"$work/out" 2>"$work/err" || fail "a second upgrade failed"
grep -q "nothing to do" "$work/out" || fail "a second upgrade: $(cat "$work/out")"
[[ $(ls "$work"/old/rung-schema-* | wc -l) -eq 1 ]] || fail "a second upgrade made another copy"

[[ $failures -eq 0 ]] && echo "store_backup: ok"
exit $((failures > 0))
