#!/usr/bin/env bash
# Issue 5: the reveal key follows password changes. `user passwd` with the current password keeps a
# key holder's copy; `user passwd --reset` removes it and says so; reveal then fails clearly until
# a key holder runs `tipoff grant-key`.
set -euo pipefail
ctl="$C175_BIN/c175ctl"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/cache.c175"
export LANG=C LANGUAGE= LC_ALL= LC_MESSAGES=
unset C175_PASSWORD C175_CURRENT_PASSWORD C175_GRANTEE_PASSWORD || true

fail() { echo "FAIL: $*" >&2; exit 1; }

"$ctl" --db "$db" init > /dev/null
C175_PASSWORD='An#password-175' "$ctl" --db "$db" user add canbo.an --role case_officer > /dev/null
C175_PASSWORD='Binh#password-175' "$ctl" --db "$db" user add canbo.binh --role case_officer \
    > /dev/null
C175_PASSWORD='Analyst#pass-175' "$ctl" --db "$db" user add phantich --role analyst > /dev/null
C175_PASSWORD='An#password-175' "$ctl" --db "$db" tipoff keys create --user canbo.an > /dev/null
C175_PASSWORD='An#password-175' C175_GRANTEE_PASSWORD='Binh#password-175' \
    "$ctl" --db "$db" tipoff grant-key canbo.binh --by canbo.an > "$work/out" ||
    fail "first grant refused: $(cat "$work/out")"
grep -q "canbo.binh now holds a copy" "$work/out" || fail "grant not confirmed: $(cat "$work/out")"

cat > "$work/intake.json" <<'JSON'
[{"crime_type": "drugs", "subtype": "trafficking", "description": "Mua bán ma túy ở chợ",
  "address": "Chợ Đồng Xuân, Hà Nội", "channel": "hotline", "anonymous": false,
  "reporter": {"name": "Hoàng Văn Xylophon", "cccd": "001099054321", "phone": "0961234987"}}]
JSON
"$ctl" --db "$db" tipoff add --json "$work/intake.json" > "$work/add"
code=$(grep -o 'TG-[0-9A-Z-]*' "$work/add" | head -1)
[ -n "$code" ] || fail "no case code in: $(cat "$work/add")"
reveal() { # user password
    C175_PASSWORD="$2" "$ctl" --db "$db" tipoff reveal "$code" --user "$1" \
        --reason "Cần liên hệ người báo tin để lấy lời khai"
}

# A change with the current password keeps the copy.
if C175_PASSWORD='An#new-password-175' C175_CURRENT_PASSWORD='Wrong#password-1' \
    "$ctl" --db "$db" user passwd canbo.an > "$work/out" 2>&1; then
    fail "a wrong current password was accepted"
fi
grep -q "current_password" "$work/out" || fail "wrong current password not named: $(cat "$work/out")"
C175_PASSWORD='An#new-password-175' C175_CURRENT_PASSWORD='An#password-175' \
    "$ctl" --db "$db" user passwd canbo.an > "$work/out"
grep -q "now opens with the new password" "$work/out" || fail "re-wrap not reported"
reveal canbo.an 'An#new-password-175' | grep -q "Xylophon" || fail "reveal after passwd failed"

# Without a terminal, a key holder's password is not silently reset.
if C175_PASSWORD='Binh#reset-pass-175' "$ctl" --db "$db" user passwd canbo.binh \
    > "$work/out" 2>&1 < /dev/null; then
    fail "passwd of a key holder went ahead without the current password or --reset"
fi
grep -q "C175_CURRENT_PASSWORD" "$work/out" || fail "missing-password message: $(cat "$work/out")"

# An administrator's reset removes the copy and says so.
C175_PASSWORD='Binh#reset-pass-175' "$ctl" --db "$db" user passwd canbo.binh --reset \
    > "$work/out" 2> "$work/err"
grep -q "copy of the centre key was removed" "$work/err" || fail "removal not said: $(cat "$work/err")"
if reveal canbo.binh 'Binh#reset-pass-175' > "$work/out" 2>&1; then
    fail "reveal worked without a copy of the key"
fi
grep -q "holds no copy of the centre key" "$work/out" || fail "unclear message: $(cat "$work/out")"

# The holder grants it again; an analyst cannot receive it; a wrong holder password is refused.
if C175_PASSWORD='An#new-password-175' C175_GRANTEE_PASSWORD='Analyst#pass-175' \
    "$ctl" --db "$db" tipoff grant-key phantich --by canbo.an > "$work/out" 2>&1; then
    fail "an analyst was granted the key"
fi
if C175_PASSWORD='An#password-175' C175_GRANTEE_PASSWORD='Binh#reset-pass-175' \
    "$ctl" --db "$db" tipoff grant-key canbo.binh --by canbo.an > "$work/out" 2>&1; then
    fail "grant with the holder's old password worked"
fi
C175_PASSWORD='An#new-password-175' C175_GRANTEE_PASSWORD='Binh#reset-pass-175' \
    "$ctl" --db "$db" tipoff grant-key canbo.binh --by canbo.an > /dev/null
reveal canbo.binh 'Binh#reset-pass-175' | grep -q "001099054321" || fail "reveal after grant failed"

"$ctl" --db "$db" audit verify > /dev/null || fail "audit chain broken"
sqlite3 "$db" "SELECT action FROM audit_log" > "$work/actions" 2>/dev/null || true
if [ -s "$work/actions" ]; then
    for a in rewrap_centre_key revoke_centre_key grant_centre_key; do
        grep -qx "$a" "$work/actions" || fail "$a not audited"
    done
fi
echo "ok"
