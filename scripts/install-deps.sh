#!/usr/bin/env bash
# Installs the Debian 12 packages of scripts/debian-packages.txt (as root, or through sudo).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t pkgs < <(grep -vE '^\s*(#|$)' "$here/debian-packages.txt")
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
havelocale() { locale -a 2>/dev/null | grep -qix 'vi_VN.utf8'; }
if [ ${#missing[@]} -eq 0 ] && havelocale; then
    echo "install-deps: all ${#pkgs[@]} packages present"
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo; missing: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The console writes dates day first through the Vietnamese time locale (package locales).
if ! havelocale; then
    echo "install-deps: making the vi_VN.UTF-8 locale"
    $sudo localedef -i vi_VN -c -f UTF-8 vi_VN.UTF-8 || true
fi
