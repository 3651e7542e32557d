#!/usr/bin/env bash
# Fails when a user-visible string (marked _(), tr(), N_() or wxPLURAL) has no Vietnamese
# translation in resources/i18n/vi/*.po, and lists the missing ones.
set -eu
root=${1:-.}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$root"
git ls-files -co --exclude-standard -- '*.cpp' '*.h' 2>/dev/null | grep -vE '^(tests|bench)/' > "$tmp/files" ||
    find app panels models sync maps -name '*.cpp' -o -name '*.h' > "$tmp/files"
xgettext --from-code=UTF-8 --language=C++ --keyword=_ --keyword=tr --keyword=N_ \
    --keyword=wxPLURAL:1,2 --keyword=wxTRANSLATE --files-from="$tmp/files" -o "$tmp/c175.pot" 2>"$tmp/err" || {
    cat "$tmp/err"; exit 1; }
[ -f "$tmp/c175.pot" ] || { echo "i18n: no marked strings found"; exit 0; }
msgcat --use-first -o "$tmp/vi.po" resources/i18n/vi/*.po
msgmerge -q --no-fuzzy-matching -o "$tmp/merged.po" "$tmp/vi.po" "$tmp/c175.pot"
missing=$(msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -c '^msgid "' || true)
# The header entry counts as one msgid "" in the output.
if [ "$missing" -gt 1 ]; then
    echo "i18n: $((missing - 1)) strings have no Vietnamese translation:"
    msgattrib --untranslated --no-obsolete --no-location "$tmp/merged.po" | grep -A1 '^msgid "' | grep -v '^msgid ""$' | head -80
    exit 1
fi
echo "i18n: every marked string has a Vietnamese translation ($(grep -c '^msgid "' "$tmp/c175.pot") strings)"
