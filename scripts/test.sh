#!/usr/bin/env bash
# The project's test command on any machine, fresh or not: install the Debian packages the tests
# need when one is missing, then run `swift test` with this script's arguments
# (e.g. `scripts/test.sh --filter HailuoTUITests`).
set -euo pipefail
cd "$(dirname "$0")/.."

# SQLite for the job store, ncursesw for the terminal UI, tmux for the end-to-end screen tests,
# openssh-server (sshd) and openssh-client for the SSH link-cut test, htop as the idle-cost reference,
# the sqlite3 shell for the stores' integrity checks after kills,
# ffmpeg (ffmpeg and ffprobe) for the clip frames, `hailuo frame` and their tests,
# libchafa0 (the runtime library, loaded with dlopen) for the finer cell art and its tests.
packages=(libsqlite3-dev sqlite3 pkg-config libncurses-dev tmux openssh-server openssh-client htop ffmpeg libchafa0)

missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            as_root=(sudo)
        else
            echo "missing packages (${missing[*]}) and not root, with no sudo: install them, then run again" >&2
            exit 1
        fi
    fi
    ${as_root[@]+"${as_root[@]}"} apt-get update -qq
    ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# The packages above are installed now: tests that need them fail, rather than skip, without them.
export HAILUO_REQUIRE_FFMPEG=1 HAILUO_REQUIRE_CHAFA=1
exec swift test "$@"
