#!/usr/bin/env bash
# c175ctl seed + stats (issue 2, item 5): a small seed with geodata, stats --json read by python3,
# a bad --scale refused with nothing created, and a second seed refused with nothing changed.
set -euo pipefail
bin=${C175_BIN:?C175_BIN is set by ctest}
ctl="$bin/c175ctl"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# A scale that does not exist: one sentence naming --scale and the allowed values, exit 2,
# and no cache file.
set +e
"$ctl" --db "$tmp/bad.c175" seed --scale medium >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "bad --scale exited $rc, wanted 2"
grep -q -- "--scale" "$tmp/err" || fail "the message does not name --scale: $(cat "$tmp/err")"
grep -q "small" "$tmp/err" && grep -q "large" "$tmp/err" || fail "the message does not list the scales"
[ ! -e "$tmp/bad.c175" ] || fail "a bad --scale created the cache file"

# A bad --seed is refused the same way.
set +e
"$ctl" --db "$tmp/bad.c175" seed --scale small --seed lots >/dev/null 2>&1
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "bad --seed exited $rc, wanted 2"
[ ! -e "$tmp/bad.c175" ] || fail "a bad --seed created the cache file"

# A small seed with geodata (C175_GEODATA comes from ctest), timed.
start=$(date +%s.%N)
"$ctl" --db "$tmp/demo.c175" seed --scale small --seed 175 >"$tmp/seed.out" 2>"$tmp/seed.err" ||
    fail "seed failed: $(cat "$tmp/seed.err")"
end=$(date +%s.%N)
echo "seed small: $(python3 -c "print(round($end - $start, 2))") s"
grep -q "Camera alerts" "$tmp/seed.err" || grep -q "Cảnh báo camera" "$tmp/seed.err" ||
    fail "no stage lines on stderr: $(cat "$tmp/seed.err")"

"$ctl" --db "$tmp/demo.c175" stats --json >"$tmp/stats.json"
python3 - "$tmp/stats.json" <<'PY'
import json, sys
counts = json.load(open(sys.argv[1]))
need = "kiosks cameras camera_alerts tipoffs beneficiaries applications lodgings stays admin_units users".split()
missing = [k for k in need if k not in counts]
assert not missing, f"stats --json lacks {missing}"
expect = {"kiosks": 200, "cameras": 300, "camera_alerts": 20000, "tipoffs": 2000,
          "beneficiaries": 5000, "lodgings": 1000, "stays": 50000, "users": 6}
for key, value in expect.items():
    assert counts[key] == value, f"{key} = {counts[key]}, wanted {value}"
assert counts["applications"] > 3000, counts["applications"]
assert counts["admin_units"] >= 3355, f"admin_units = {counts['admin_units']}"
assert counts["provinces"] == 34 and counts["communes"] == 3321, counts
print("stats --json:", len(counts), "keys")
PY

# A second seed into the same cache is refused and changes nothing.
before=$(sha256sum < <("$ctl" --db "$tmp/demo.c175" stats --json))
set +e
"$ctl" --db "$tmp/demo.c175" seed --scale small >/dev/null 2>"$tmp/again.err"
rc=$?
set -e
[ "$rc" -ne 0 ] || fail "a second seed succeeded"
grep -q "pilot data\|dữ liệu" "$tmp/again.err" || fail "unclear refusal: $(cat "$tmp/again.err")"
after=$(sha256sum < <("$ctl" --db "$tmp/demo.c175" stats --json))
[ "$before" = "$after" ] || fail "the refused seed changed the counts"

# The same --seed and --as-of give the same data (no geodata, to keep it quick).
for n in 1 2; do
    "$ctl" --db "$tmp/same$n.c175" seed --scale small --seed 42 --as-of 2026-12-03T13:00:00Z \
        --no-geodata >/dev/null 2>&1 || fail "seed $n for determinism failed"
done
python3 - "$tmp/same1.c175" "$tmp/same2.c175" <<'PY'
import sqlite3, sys
def sample(path):
    db = sqlite3.connect(path)
    return [db.execute(q).fetchall() for q in (
        "SELECT code, description, status FROM tipoffs ORDER BY code LIMIT 20",
        "SELECT id, cccd, full_name FROM beneficiaries ORDER BY rowid LIMIT 20",
        "SELECT count(*), sum(nights) FROM stays")]
a, b = sample(sys.argv[1]), sample(sys.argv[2])
assert a == b, "two seeds with the same --seed and --as-of differ"
print("determinism: same data, first tip-off", a[0][0][0])
PY
set +e
"$ctl" --db "$tmp/bad.c175" seed --scale small --as-of yesterday >/dev/null 2>&1
rc=$?
set -e
[ "$rc" -eq 2 ] && [ ! -e "$tmp/bad.c175" ] || fail "a bad --as-of was not refused cleanly"

# The plain text form lists the same tables.
"$ctl" --db "$tmp/demo.c175" stats | grep -q "camera_alerts" || fail "stats text lacks camera_alerts"
echo "seed_stats: ok"
