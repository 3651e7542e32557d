#!/usr/bin/env bash
# README command 2: installs what the build needs, builds with warnings as errors and runs every test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
export C175_BUILD_DIR=${C175_BUILD_DIR:-$root/build}
bash "$root/scripts/build.sh" -DC175_WERROR=ON -DC175_BUILD_TESTS=ON
cd "$C175_BUILD_DIR"
ctest --output-on-failure --timeout 1200 -j 2
