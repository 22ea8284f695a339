#!/usr/bin/env bash
# Regenerates scripts/link/startup.order, the functions a start of the screen calls, which the
# release link puts first and together (docs/PERFORMANCE.md, "Start-up and memory, step by step"):
#
#   scripts/startup-order.sh [RUNS]     RUNS starts (default 3), then scripts/install.sh links with the new list
#
# Builds the release binary with the install flags, then starts the screen RUNS times on a
# pseudo-terminal (`script`), in a temporary home against `hailuo simulate`, for 4 seconds each,
# with scripts/link/trace.c preloaded, and writes every function called, in order of first call.
# A stale list only costs memory (names that no longer exist are skipped); run this after large changes.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
source scripts/link/flags.sh

swift build "${release_flags[@]}" --product hailuo
binary="$(swift build "${release_flags[@]}" --show-bin-path)/hailuo"

work="$(mktemp -d)"
simulator=""
cleanup() { [ -n "$simulator" ] && kill "$simulator" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

cc -O2 -shared -fPIC -Wl,-z,now -o "$work/trace.so" scripts/link/trace.c -ldl
# Functions with a size, by address: "address name".
nm -n -S --defined-only "$binary" | awk 'NF == 4 && $3 ~ /^[tTwW]$/ && $2 !~ /^0+$/ { print $1, $4 }' >"$work/entries"

# The simulator, on a free port it prints on its first line.
"$binary" simulate --port 0 >"$work/simulator.log" 2>&1 &
simulator=$!
for _ in $(seq 50); do grep -q "listening on" "$work/simulator.log" && break; sleep 0.1; done
url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/simulator.log" | head -1)"
[ -n "$url" ] || { echo "the simulator did not start" >&2; exit 1; }

for run in $(seq "$runs"); do
    home="$work/home$run"
    mkdir -p "$home"
    # stdin stays open for the 4 seconds (script ends at its end); timeout stops the screen.
    sleep 5 | timeout -s TERM 4 env -i HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" \
        XDG_VIDEOS_DIR="$home/videos" PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=xterm-256color \
        AIML_API_KEY=startup-order-not-a-real-key AIML_API_BASE_URL="$url" SWIFT_BACKTRACE=enable=no \
        HAILUO_TRACE_EXE="$binary" HAILUO_TRACE_ENTRIES="$work/entries" HAILUO_TRACE_OUT="$work/calls$run" \
        LD_PRELOAD="$work/trace.so" \
        script -qfec "$binary --base-url $url" /dev/null >/dev/null 2>&1 || true
done

# First run's order first, then what later runs added; each name once.
cat "$work"/calls* | awk 'NF && !seen[$0]++' >"$work/startup.order"
[ -s "$work/startup.order" ] || { echo "no function was traced" >&2; exit 1; }
mv "$work/startup.order" scripts/link/startup.order
rm -f "$binary"   # so that the next build links again, with the new list
echo "scripts/link/startup.order: $(wc -l <scripts/link/startup.order) functions; scripts/install.sh links with it"
