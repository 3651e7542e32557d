#!/usr/bin/env bash
# Builds the .deb and .tgz with CPack, unpacks the .deb into a temporary root and runs
# c175ctl --version from it; checks the desktop entry, icon, metadata and catalogs are inside.
set -euo pipefail
build=${C175_BUILD_DIR:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
cpack --config "$build/CPackConfig.cmake" -G "DEB;TGZ" -B "$tmp/out" > "$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; exit 1; }
deb=$(ls "$tmp"/out/*.deb); tgz=$(ls "$tmp"/out/*.tar.gz)
echo "package: built $(basename "$deb") and $(basename "$tgz")"
dpkg-deb -x "$deb" "$tmp/root"
for f in usr/bin/c175ctl usr/share/applications/vn.gov.c175.Console.desktop \
         usr/share/metainfo/vn.gov.c175.Console.metainfo.xml \
         usr/share/icons/hicolor/256x256/apps/vn.gov.c175.Console.png \
         usr/share/locale/vi/LC_MESSAGES/c175.mo; do
    [ -e "$tmp/root/$f" ] || { echo "package: $f missing from the .deb"; exit 1; }
done
[ -e "$tmp/root/usr/bin/c175-console" ] || { echo "package: c175-console missing from the .deb"; exit 1; }
out=$("$tmp/root/usr/bin/c175ctl" --version)
echo "package: unpacked c175ctl says: $out"
[[ "$out" == c175ctl\ * ]]
# The unpacked program finds its own Vietnamese catalog beside it.
msg=$(LANG=vi_VN.UTF-8 "$tmp/root/usr/bin/c175ctl" --db "$tmp" init 2>&1 || true)
echo "package: $msg"
grep -q "thư mục" <<<"$msg"
deps=$(dpkg-deb -f "$deb" Depends)
echo "package: Depends: $deps"
[ -n "$deps" ]
tar -tzf "$tgz" | grep -q 'bin/c175ctl$'
