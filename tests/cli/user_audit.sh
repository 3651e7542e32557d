#!/usr/bin/env bash
# c175ctl user and audit: adding and listing accounts, refusing bad input, and audit verify
# detecting a tampered log (python3's sqlite3 stands in for an attacker with the file).
set -euo pipefail
ctl="$C175_BIN/c175ctl"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/cache.c175"
export LANG=C LANGUAGE= LC_ALL= LC_MESSAGES=

fail() { echo "FAIL: $*" >&2; exit 1; }

# Adding users: the password comes from the environment, never an argument.
C175_PASSWORD='mật-khẩu-thử-2026' "$ctl" --db "$db" user add lan.nguyen --role case_officer \
    --display-name "Nguyễn Thị Lan" --province 79 > "$work/out"
grep -q "lan.nguyen" "$work/out" || fail "user add did not confirm"
C175_PASSWORD='another-password-1' "$ctl" --db "$db" user add admin1 --role admin > /dev/null
C175_PASSWORD='another-password-2' "$ctl" --db "$db" user add op1 --role operator > /dev/null

"$ctl" --db "$db" user list > "$work/list"
grep -q "Nguyễn Thị Lan" "$work/list" || fail "list lacks the display name"
grep -E "^lan\.nguyen +Nguyễn Thị Lan +case_officer +79 +active" "$work/list" > /dev/null ||
    fail "list row for lan.nguyen: $(cat "$work/list")"
grep -qE "^op1 .*operator" "$work/list" || fail "list lacks op1"
[ "$(wc -l < "$work/list")" -eq 4 ] || fail "list should have a header and 3 rows"

# A bad role is refused, naming the field; nothing is added.
if C175_PASSWORD='another-password-3' "$ctl" --db "$db" user add eve --role superuser \
    2> "$work/err"; then
    fail "a bad role was accepted"
fi
grep -q "role" "$work/err" || fail "the bad-role message does not name the field: $(cat "$work/err")"
grep -q "superuser" "$work/err" || fail "the bad-role message does not quote the value"
# A short password, a duplicate name and a bad name are refused too.
if C175_PASSWORD='short' "$ctl" --db "$db" user add eve --role analyst 2> "$work/err"; then
    fail "a short password was accepted"
fi
grep -q "password" "$work/err" || fail "short password message: $(cat "$work/err")"
if C175_PASSWORD='another-password-4' "$ctl" --db "$db" user add op1 --role analyst \
    2> "$work/err"; then
    fail "a duplicate name was accepted"
fi
if C175_PASSWORD='another-password-4' "$ctl" --db "$db" user add "Bad Name" --role analyst \
    2> "$work/err"; then
    fail "a bad name was accepted"
fi
grep -q "username" "$work/err" || fail "bad name message: $(cat "$work/err")"
# No password at all (no terminal, no C175_PASSWORD) is refused.
if "$ctl" --db "$db" user add eve --role analyst < /dev/null 2> "$work/err"; then
    fail "a user was added without a password"
fi
[ "$("$ctl" --db "$db" user list | wc -l)" -eq 4 ] || fail "a refused add changed the users"

# Disable, enable and a new password.
"$ctl" --db "$db" user disable op1 > /dev/null
"$ctl" --db "$db" user list | grep -qE "^op1 .*disabled" || fail "op1 not shown disabled"
"$ctl" --db "$db" user enable op1 > /dev/null
"$ctl" --db "$db" user list | grep -qE "^op1 .*active" || fail "op1 not shown active"
C175_PASSWORD='changed-password-5' "$ctl" --db "$db" user passwd op1 > /dev/null
if "$ctl" --db "$db" user disable ghost 2> "$work/err"; then fail "disabled a missing user"; fi

# Every change is in the audit log under the OS user's name, and the chain is intact.
"$ctl" --db "$db" audit list --limit 50 > "$work/audit"
[ "$(wc -l < "$work/audit")" -eq 6 ] || fail "expected 6 audit entries: $(cat "$work/audit")"
grep -q "os:$(id -un)  user_create" "$work/audit" || fail "audit actor is not the OS user"
grep -q "user_password" "$work/audit" || fail "passwd not audited"
"$ctl" --db "$db" audit verify > "$work/out"
grep -q "intact: 6 entries" "$work/out" || fail "verify output: $(cat "$work/out")"
if "$ctl" --db "$db" audit list --limit 0 2> /dev/null; then fail "--limit 0 accepted"; fi

# Tamper: drop the append-only trigger and change entry 3, as someone with the file could.
cp "$db" "$work/clean.c175"
python3 - "$db" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("DROP TRIGGER audit_log_no_update")
con.execute("UPDATE audit_log SET actor = 'os:nobody' WHERE seq = 3")
con.commit()
PY
if "$ctl" --db "$db" audit verify > "$work/out" 2> "$work/err"; then
    fail "a changed entry passed verification"
fi
grep -q "entry 3" "$work/err" || fail "verify did not name entry 3: $(cat "$work/err")"

# Removing an entry from the middle names the gap.
cp "$work/clean.c175" "$db"
rm -f "$db-wal" "$db-shm"
python3 - "$db" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("DROP TRIGGER audit_log_no_delete")
con.execute("DELETE FROM audit_log WHERE seq = 2")
con.commit()
PY
if "$ctl" --db "$db" audit verify 2> "$work/err" > /dev/null; then
    fail "a removed entry passed verification"
fi
grep -q "entry 2" "$work/err" || fail "verify did not name entry 2: $(cat "$work/err")"

# Vietnamese output when the environment asks for it.
cp "$work/clean.c175" "$db"
rm -f "$db-wal" "$db-shm"
LANG=vi_VN.UTF-8 "$ctl" --db "$db" audit verify | grep -q "nguyên vẹn" ||
    fail "no Vietnamese verify message"
echo "user_audit: ok"
