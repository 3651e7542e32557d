#!/usr/bin/env bash
# geodata import/locate and map export through c175ctl, on a real cache file; the PNG pixel
# checks of test_maps run here under xvfb-run (the plain ctest run has no display).
set -euo pipefail
bin=${C175_BIN:?}
geo=${C175_GEODATA:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db=$tmp/cache.db
fail() { echo "FAIL: $*"; exit 1; }
# Other tests run xvfb-run at the same time: start the search for a free display at a random
# number so two runs do not race for :99.
xvfb() { xvfb-run -a -n $((100 + RANDOM % 800)) "$@"; }

"$bin/c175ctl" --db "$db" init > /dev/null
out=$("$bin/c175ctl" --db "$db" geodata import "$geo" 2>/dev/null)
echo "$out" | grep -q "Imported 34 provinces and 3321 communes (2025) and 63 provinces before 2025" ||
    fail "import: $out"

[ "$("$bin/c175ctl" --db "$db" geodata locate 105.8342 21.0278)" = $'01\tHà Nội' ] || fail "locate Hà Nội"
"$bin/c175ctl" --db "$db" geodata locate 105.8342 21.0278 --level commune | grep -q '^[0-9]\{5\}	' ||
    fail "locate commune"
if "$bin/c175ctl" --db "$db" geodata locate 112 12 2> "$tmp/err"; then fail "sea point located"; fi
grep -q "is in no province" "$tmp/err" || fail "no message for a point in the sea"

# A broken folder is refused naming the file and the feature; the cache keeps its 3,418 units.
mkdir "$tmp/bad"
cp "$geo"/*.csv "$geo"/vn_communes_3321_2025.geojson "$tmp/bad/"
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"01"},"geometry":{"type":"Polygon","coordinates":[[[105,20],[106,20],[106,21],[105,21]]]}}]}' \
    > "$tmp/bad/vn_provinces_34_2025.geojson"
if "$bin/c175ctl" --db "$db" geodata import "$tmp/bad" 2> "$tmp/err" > /dev/null; then fail "bad import accepted"; fi
grep -q "vn_provinces_34_2025.geojson, feature 1 (code 01): ring 1 of polygon 1 is not closed" "$tmp/err" ||
    fail "bad import message: $(cat "$tmp/err")"
[ "$(sqlite3 "$db" "SELECT count(*) FROM admin_units WHERE deleted = 0")" = 3418 ] || fail "geodata changed"

# Without a display the export says what it needs.
if env -u DISPLAY "$bin/c175ctl" --db "$db" map export --out "$tmp/x.png" 2> "$tmp/err"; then
    fail "export without display"
fi
grep -q "xvfb-run" "$tmp/err" || fail "no display message: $(cat "$tmp/err")"

for layer in density incidents heat; do
    xvfb "$bin/c175ctl" --db "$db" map export --layer "$layer" --level commune \
        --out "$tmp/$layer.png" --size 800x600 > /dev/null
    [ "$(head -c 8 "$tmp/$layer.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$layer PNG"
done

# The pixel checks (dense city vs mountain province, incidents, heat).
xvfb "$bin/test_maps" --test-case='*export*,*map view*' > "$tmp/pixels.log" 2>&1 || { cat "$tmp/pixels.log"; fail "pixel checks"; }
echo "geodata_map: ok"
