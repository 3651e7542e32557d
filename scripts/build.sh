#!/usr/bin/env bash
# Configures (once) and builds C175 Console into ${C175_BUILD_DIR:-build}. Extra arguments go to cmake.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${C175_BUILD_DIR:-$root/build}
if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
elif [ $# -gt 0 ]; then
    cmake "$build" "$@"
fi
jobs=$(nproc)
# Linking VTK- and wx-heavy programs needs memory; keep one job per core.
cmake --build "$build" -j "$jobs"
