#!/usr/bin/env bash
# c175ctl tipoff: intake of a JSON array with valid and invalid records (the valid ones stored,
# each invalid one reported by index and field, exit status non-zero), search with đ folded,
# stats --json, a transition as a signed-in user, and the reporter's identity absent from the
# cache file bytes.
set -euo pipefail
ctl="$C175_BIN/c175ctl"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/cache.c175"
export LANG=C LANGUAGE= LC_ALL= LC_MESSAGES=

fail() { echo "FAIL: $*" >&2; exit 1; }

"$ctl" --db "$db" init > /dev/null
C175_PASSWORD='Officer#pass-175' "$ctl" --db "$db" user add canbo.an --role case_officer > /dev/null
C175_PASSWORD='Analyst#pass-175' "$ctl" --db "$db" user add phantich --role analyst > /dev/null
C175_PASSWORD='Officer#pass-175' "$ctl" --db "$db" tipoff keys create --user canbo.an > /dev/null

# Evidence: a real JPEG header under a .jpg name, and text pretending to be a video.
printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00' > "$work/anh.jpg"
echo "not a video" > "$work/clip.mp4"

long=$(python3 -c 'print("đ" * 1001)')
cat > "$work/intake.json" <<EOF
[
  {"crime_type": "drugs", "subtype": "trafficking",
   "description": "Mua bán ma túy ở cổng chợ Đồng Xuân, xe 29-B1 123.45",
   "latitude": 21.0385, "longitude": 105.8497, "address": "Chợ Đồng Xuân, Hoàn Kiếm, Hà Nội",
   "occurred_at": "2026-11-30T21:00:00+07:00", "discovered_at": "2026-11-30T22:00:00+07:00",
   "channel": "hotline", "anonymous": false,
   "reporter": {"name": "Hoàng Văn Xylophon", "cccd": "001099054321", "phone": "0961234987",
                "email": "bao.tin@example.vn", "address": "Hàng Bạc", "share_with_agencies": false},
   "people_involved": 2, "objects_involved": 1, "behaviours": ["giao dịch ban đêm"],
   "evidence": [{"file": "anh.jpg", "description": "ảnh chụp"}]},
  {"crime_type": "piracy", "description": "x", "address": "Hà Nội", "channel": "web"},
  {"crime_type": "cyber", "subtype": "online_fraud", "description": "Lừa đảo qua điện thoại",
   "latitude": 48.85, "longitude": 2.35, "channel": "web"},
  {"crime_type": "other", "description": "$long", "address": "Hà Nội", "channel": "web"},
  {"crime_type": "cyber", "subtype": "online_fraud", "description": "Giả danh công an gọi điện",
   "address": "Quận 1, TP Hồ Chí Minh", "channel": "vneid",
   "evidence": [{"file": "clip.mp4", "description": "video"}]},
  {"crime_type": "environment", "subtype": "illegal_waste",
   "description": "Xả thải ra sông Đáy ban đêm", "latitude": 20.95, "longitude": 105.75,
   "address": "Đường Đê Đáy", "occurred_at": "2026-11-20T23:00:00+07:00", "channel": "web"}
]
EOF

if "$ctl" --db "$db" tipoff add --json "$work/intake.json" > "$work/out" 2> "$work/err"; then
    fail "tipoff add exited 0 although records were refused"
fi
grep -q "2 stored, 4 refused" "$work/out" || fail "summary: $(cat "$work/out")"
grep -q '^\[0\] stored as TG-20[0-9][0-9]-[0-9A-Z]\{4\}-0001' "$work/out" || fail "record 0: $(cat "$work/out")"
grep -q '^\[5\] stored as' "$work/out" || fail "record 5 not stored"
grep -q '^\[1\] refused: crime_type:' "$work/err" || fail "record 1: $(cat "$work/err")"
grep -q '^\[2\] refused: location:' "$work/err" || fail "record 2: $(cat "$work/err")"
grep -q '^\[3\] refused: description:' "$work/err" || fail "record 3: $(cat "$work/err")"
grep -q '^\[4\] refused: evidence\[0\].file:' "$work/err" || fail "record 4: $(cat "$work/err")"
[ "$(python3 -c "import sqlite3;print(sqlite3.connect('$db').execute('select count(*) from tipoffs').fetchone()[0])")" = 2 ] ||
    fail "exactly the 2 valid records must be stored"

# A file that is not a JSON array is refused as a whole.
echo '{"crime_type": "drugs"}' > "$work/bad.json"
if "$ctl" --db "$db" tipoff add --json "$work/bad.json" > /dev/null 2>&1; then
    fail "a JSON object instead of an array was accepted"
fi

# Search folds đ and tone marks.
"$ctl" --db "$db" tipoff search dong xuan > "$work/search"
grep -q "Đồng Xuân" "$work/search" || fail "'dong xuan' did not find Đồng Xuân: $(cat "$work/search")"
grep -q "^1 matching" "$work/search" || fail "search count: $(cat "$work/search")"
"$ctl" --db "$db" tipoff search song day > "$work/search2"
grep -q "sông Đáy" "$work/search2" || fail "'song day' did not find sông Đáy"

# Figures as JSON.
"$ctl" --db "$db" tipoff stats --json > "$work/stats"
python3 - "$work/stats" <<'PY' || fail "stats --json: $(cat "$work/stats")"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["total"] == 2, s
assert s["by_crime_type"] == {"drugs": 1, "environment": 1}, s
for key in ("success_rate", "median_processing_hours", "overdue"):
    assert key in s, key
assert s["overdue"] == 0
PY

# A transition as a signed-in user: the analyst is refused, the officer may.
code=$(sed -n 's/^\[0\] stored as \([^ ]*\).*/\1/p' "$work/out")
if C175_PASSWORD='Analyst#pass-175' "$ctl" --db "$db" tipoff transition "$code" verifying \
    --note "Kiểm tra" --user phantich > /dev/null 2> "$work/err"; then
    fail "an analyst moved a case"
fi
C175_PASSWORD='Officer#pass-175' "$ctl" --db "$db" tipoff transition "$code" verifying \
    --note "Bắt đầu xác minh" --user canbo.an > /dev/null
"$ctl" --db "$db" tipoff show "$code" > "$work/show"
grep -q "received -> verifying" "$work/show" || fail "history: $(cat "$work/show")"
grep -q "Bắt đầu xác minh" "$work/show" || fail "note missing from history"
if grep -q "Xylophon" "$work/show"; then fail "show printed the reporter's name"; fi

# The reporter's identity is nowhere in the cache files.
for f in "$db" "$db-wal"; do
    [ -f "$f" ] || continue
    for s in Xylophon 001099054321 0961234987 bao.tin@example.vn; do
        if grep -a -q "$s" "$f"; then fail "$s found in $f"; fi
    done
done

# Exports.
"$ctl" --db "$db" tipoff export --csv "$work/cases.csv" --xlsx "$work/cases.xlsx" > /dev/null
[ "$(wc -l < "$work/cases.csv")" -eq 3 ] || fail "CSV should have a header and 2 rows"
head -c 2 "$work/cases.xlsx" | grep -q PK || fail "XLSX is not a zip container"
if grep -a -q Xylophon "$work/cases.csv"; then fail "CSV export carries the name"; fi
echo "tipoff_intake: ok"
