#!/usr/bin/env bash
# README command 1: installs what is needed, builds, seeds a demo cache (first run only), starts a
# local hub when one is built, and opens the console. With no display it runs the console under
# Xvfb and saves a screenshot of each pane instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
export C175_BUILD_DIR=${C175_BUILD_DIR:-$root/build}
bash "$root/scripts/build.sh"
bin=$C175_BUILD_DIR/bin

data=${XDG_DATA_HOME:-$HOME/.local/share}/c175
mkdir -p "$data"
cache=${C175_CACHE:-$data/cache.db}
if [ ! -f "$cache" ]; then
    echo "run: seeding a demo cache at $cache"
    "$bin/c175ctl" --db "$cache" seed --scale small
fi

hub_pid=""
hub_args=()
if [ -x "$bin/c175-hub" ]; then
    hub_db=$data/hub.db
    port=${C175_HUB_PORT:-17500}
    if [ ! -f "$hub_db" ]; then
        echo "run: seeding the local hub at $hub_db"
        "$bin/c175-hub" --db "$hub_db" seed --scale small
    fi
    "$bin/c175-hub" serve --db "$hub_db" --port "$port" --bind 127.0.0.1 --simulate \
        > "$data/hub.log" 2>&1 &
    hub_pid=$!
    trap '[ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null || true' EXIT
    hub_args=(--hub "http://127.0.0.1:$port")
    echo "run: local hub on http://127.0.0.1:$port (log: $data/hub.log)"
fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    echo "run: opening the console (demo users are listed in README.md)"
    "$bin/c175-console" --db "$cache" "${hub_args[@]}"
else
    shots=${C175_SCREENSHOTS:-$data/screenshots}
    mkdir -p "$shots"
    echo "run: no display found; running the console under Xvfb and saving a screenshot of each pane:"
    C175_PASSWORD=${C175_PASSWORD:-Demo@175-admin} xvfb-run -a -s "-screen 0 1600x1000x24" \
        "$bin/c175-console" --db "$cache" --user admin --screenshots "$shots" "${hub_args[@]}"
fi
