#!/usr/bin/env bash
# Renders the README screenshots: the built `hailuo` in DEMO mode inside a private tmux server,
# driven with send-keys, captured with capture-pane and drawn by scripts/ansi2png.py.
#
# Usage: scripts/screenshots.sh [--no-build] [--self-test] [SCENE...]
#   SCENE       one or more of: composer thumbnail jobs details clip-strip group compare help field-error
#               too-small
#               (default: all)
#   --no-build  use the existing .build/debug/hailuo
#   --self-test run a stand-in program (coloured text, CJK, emoji) through the same pipeline and
#               write self-test.png: checks tmux, fonts and ansi2png without the TUI
# Environment: SHOTS_OUT (output folder, default screenshots/), SHOTS_KEEP=1 (keep the temporary
#   folder with the .ansi captures), SHOTS_TIMEOUT (seconds to wait for a screen, default 20).
#
# Each scene gets its own temporary HOME / XDG folders (your jobs and config are never touched),
# no AIML_API_KEY (so DEMO mode), HAILUO_DEMO_TIME_SCALE=60, TERM=xterm-256color, LANG=C.UTF-8.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PYTHON=/usr/bin/python3 # Debian's, which python3-pil installs into
SOCKET=hailuo-shots
SESSION=shot
OUT=${SHOTS_OUT:-$ROOT/screenshots}
TIMEOUT=${SHOTS_TIMEOUT:-20}
BINARY=$ROOT/.build/debug/hailuo
WORK=""
COLS=0
ROWS=0
SCENE_HOME=""

ALL_SCENES=(composer h3 thumbnail jobs details clip-strip group compare help field-error too-small)

# ---------------------------------------------------------------------------------------------
# Set-up
# ---------------------------------------------------------------------------------------------

log() { printf 'screenshots: %s\n' "$*" >&2; }
die() {
    log "error: $*"
    exit 1
}

ensure_packages() {
    local missing=() package
    for package in tmux python3-pil fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji fontconfig; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing ${missing[*]}"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    "$PYTHON" -c 'import PIL' 2>/dev/null || die "$PYTHON cannot import PIL (python3-pil)"
}

build() {
    log "swift build --product hailuo"
    local output
    if ! output=$(swift build --product hailuo 2>&1); then
        printf '%s\n' "$output" | grep -E "error" | head -20 >&2
        die "swift build failed"
    fi
    [ -x "$BINARY" ] || die "no binary at $BINARY"
}

cleanup() {
    tmx kill-server 2>/dev/null || true
    if [ -n "$WORK" ]; then
        if [ "${SHOTS_KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    fi
}

# ---------------------------------------------------------------------------------------------
# tmux driving
# ---------------------------------------------------------------------------------------------

# The private server. The server runs with a clean environment (env -i), so nothing of the
# caller's (AIML_API_KEY, XDG_*, HAILUO_*) reaches the program.
tmx() { tmux -L "$SOCKET" -f /dev/null "$@"; }

# new_home NAME: a fresh HOME with XDG folders for one scene, in SCENE_HOME.
new_home() {
    SCENE_HOME=$WORK/$1
    mkdir -p "$SCENE_HOME"/{config,state,videos}
}

# The environment of everything the scenes run (the TUI and the CLI that seeds jobs).
scene_env() {
    env -i \
        HOME="$SCENE_HOME" \
        XDG_CONFIG_HOME="$SCENE_HOME/config" \
        XDG_STATE_HOME="$SCENE_HOME/state" \
        XDG_VIDEOS_DIR="$SCENE_HOME/videos" \
        PATH=/usr/local/bin:/usr/bin:/bin \
        TERM=xterm-256color \
        LANG=C.UTF-8 \
        HAILUO_DEMO_TIME_SCALE=60 \
        "$@"
}

# start COLS ROWS COMMAND...: a new private tmux server showing COMMAND in a COLS x ROWS pane.
# The pane stays after the program exits so that a crash can still be captured.
start() {
    COLS=$1 ROWS=$2
    shift 2
    tmx kill-server 2>/dev/null || true
    scene_env tmux -L "$SOCKET" -f /dev/null \
        new-session -d -s "$SESSION" -x "$COLS" -y "$ROWS" -c "$SCENE_HOME" -- \
        env TERM=xterm-256color "$@" \; \
        set-option -g -w remain-on-exit on \; \
        set-option -g status off
}

# start_tui [ARGS...]: the built hailuo (no subcommand: the TUI) in a COLS x ROWS pane.
start_tui() {
    local cols=$1 rows=$2
    shift 2
    start "$cols" "$rows" "$BINARY" "$@"
}

# cli ARGS...: runs `hailuo ARGS...` outside tmux on the scene's store (each call has its own
# demo simulator). Output goes to WORK/cli.log.
cli() {
    (cd "$SCENE_HOME" && scene_env "$BINARY" "$@") >>"$WORK/cli.log" 2>&1
}

keys() { tmx send-keys -t "$SESSION" "$@"; }
type_text() { tmx send-keys -t "$SESSION" -l -- "$1"; }
screen() { tmx capture-pane -t "$SESSION" -p; }
pane_dead() { [ "$(tmx display-message -t "$SESSION" -p '#{pane_dead}')" = 1 ]; }

# wait_for TEXT [SECONDS]: polls the screen every 0.1 s until TEXT appears; fails with the screen.
wait_for() {
    local text=$1 limit=${2:-$TIMEOUT} tries
    tries=$((limit * 10))
    while [ "$tries" -gt 0 ]; do
        if screen | grep -qF -- "$text"; then return 0; fi
        if pane_dead; then
            screen >&2
            die "the program exited while waiting for \"$text\""
        fi
        sleep 0.1
        tries=$((tries - 1))
    done
    log "last screen:"
    screen >&2
    die "timed out after ${limit}s waiting for \"$text\""
}

# settle: waits until two captures 0.3 s apart are equal (no animation mid-frame), at most 3 s.
settle() {
    local before after tries=10
    before=$(tmx capture-pane -t "$SESSION" -p -e)
    while [ "$tries" -gt 0 ]; do
        sleep 0.3
        after=$(tmx capture-pane -t "$SESSION" -p -e)
        [ "$before" = "$after" ] && return 0
        before=$after
        tries=$((tries - 1))
    done
}

# shoot NAME TITLE: captures the pane (styles, trailing cells, the cursor when shown) to
# OUT/NAME.png.
shoot() {
    local name=$1 title=$2 capture cursor=() flag x y
    pane_dead && {
        screen >&2
        die "$name: the program is not running"
    }
    settle
    capture=$WORK/$name.ansi
    tmx capture-pane -t "$SESSION" -p -e -N >"$capture"
    read -r flag x y < <(tmx display-message -t "$SESSION" -p '#{cursor_flag} #{cursor_x} #{cursor_y}')
    [ "$flag" = 1 ] && cursor=(--cursor "$x,$y")
    mkdir -p "$OUT"
    "$PYTHON" "$ROOT/scripts/ansi2png.py" --cols "$COLS" --rows "$ROWS" --title "$title" "${cursor[@]}" \
        "$capture" "$OUT/$name.png"
    log "wrote $OUT/$name.png (${COLS}x$ROWS)"
}

# stop: quits the program (the server is killed by the next start and at exit).
stop() { tmx kill-server 2>/dev/null || true; }

# synthetic_image PATH [WIDTH HEIGHT]: a PNG first frame (a sky, a sea, a paper boat).
synthetic_image() {
    "$PYTHON" - "$1" "${2:-1280}" "${3:-720}" <<'PY'
import sys
from PIL import Image, ImageDraw
path, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
image = Image.new("RGB", (width, height))
draw = ImageDraw.Draw(image)
horizon = height * 3 // 5
for y in range(height):
    t = y / horizon if y < horizon else (y - horizon) / (height - horizon)
    color = (int(40 + 150 * t), int(60 + 120 * t), int(120 + 100 * t)) if y < horizon else \
        (int(20 + 30 * t), int(70 + 40 * t), int(110 + 30 * t))
    draw.line([(0, y), (width, y)], fill=color)
cx, cy = width // 2, horizon + height // 12
draw.polygon([(cx - 160, cy), (cx + 160, cy), (cx + 100, cy + 60), (cx - 100, cy + 60)], fill=(245, 240, 225))
draw.polygon([(cx - 10, cy - 170), (cx - 10, cy), (cx - 130, cy)], fill=(250, 248, 240))
image.save(path)
PY
}

# ---------------------------------------------------------------------------------------------
# Scenes. Each: a fresh HOME, seed the store if needed, start the TUI, drive it, shoot it.
# Keys and awaited texts follow KeyHelp.swift and TUIEndToEndTests.swift; check them when the
# bindings or wording change.
# ---------------------------------------------------------------------------------------------

PROMPT_BOAT="A paper boat 🚣 drifts down a rainy Tokyo street at dusk, neon 雨の夜 reflected in the puddles ✨"

scene_composer() {
    new_home composer
    synthetic_image "$SCENE_HOME/paper-boat.png" 1280 720
    start_tui 100 30
    wait_for "No jobs yet"
    type_text "$PROMPT_BOAT"
    keys Tab # to the first-frame field
    # shellcheck disable=SC2088 # typed as a person would; the TUI expands ~
    type_text "~/paper-boat.png"
    wait_for "PNG 1280x720" # the image was read and validated
    shoot composer "hailuo — composer"
    stop
}

# H3 chosen (F2 five times from Hailuo-02): a duration stepper, 2K, a ratio, the references row.
scene_h3() {
    new_home h3
    synthetic_image "$SCENE_HOME/harbour.png" 1280 720
    start_tui 100 30
    wait_for "No jobs yet"
    type_text "A lighthouse keeper 灯台守 climbs the stairs at dusk, storm rolling in"
    keys F2 F2 F2 F2 F2
    wait_for "Ratio"
    keys F3 F3 F3 F3 F3 F3 # 6 s -> 12 s
    keys Tab Tab Tab # first frame, last frame, references
    # shellcheck disable=SC2088 # typed as a person would; the TUI expands ~
    type_text "~/harbour.png https://example.com/storm.mp4 audio:https://example.com/keeper-voice"
    wait_for "1 image"
    shoot h3 "hailuo — composer with MiniMax H3"
    stop
}

# Seeds the store through the CLI with finished jobs of every kind (oldest first: downloaded,
# completed, failed, unconfirmed). Each CLI call runs its own demo simulator; the simulator's
# markers sit at the end of the prompts, where the table truncates them. The first scene that needs
# them seeds WORK/seeded; later ones copy its store (the video file stays there).
seed_jobs() {
    local scene_home=$SCENE_HOME
    if [ ! -d "$WORK/seeded" ]; then
        new_home seeded
        log "seeding jobs (about a minute)"
        cli submit --prompt "A paper boat 🚣 sails down a rainy street, close-up, soft light" --wait --download
        cli submit --prompt "Lanterns 灯籠 drifting over a dark lake, slow pan to the moon" --duration 10 --wait &
        local lanterns=$!
        sleep 1
        cli submit --prompt "A city timelapse at night, long exposure, light trails everywhere [sim:fail]" --wait ||
            true
        wait "$lanterns"
        cli submit --prompt "Ocean waves 🌊 at golden hour, drone shot over the cliffs and the surf [sim:lost]" || true
        SCENE_HOME=$scene_home
    fi
    cp -a "$WORK/seeded/state/." "$SCENE_HOME/state/"
}

# submit_from_tui PROMPT: types a prompt in the (empty) composer, submits it (Ctrl-S) and clears
# the prompt again (Ctrl-U: the composer keeps the text after a submission).
submit_from_tui() {
    type_text "$1"
    keys C-s
    wait_for "submitted"
    keys C-u
}

scene_jobs() {
    new_home jobs
    seed_jobs
    start_tui 120 32
    wait_for "unconfirmed"
    submit_from_tui "A hummingbird 🐦 hovering at a red flower, slow motion"
    wait_for "generating"
    submit_from_tui "Snow falling on a quiet 京都 temple garden, static camera"
    wait_for "2 pending"
    keys Escape # to the jobs table
    shoot jobs "hailuo — jobs"
    stop
}

scene_details() {
    new_home details
    seed_jobs
    start_tui 120 36
    wait_for "unconfirmed"
    keys Escape # to the jobs table
    keys End    # the oldest job: the downloaded one
    keys Enter  # open its details
    wait_for "read from the file" # the clip's frames, with facts read from the file
    shoot details "hailuo — job details"
    stop
}

scene_thumbnail() {
    new_home thumbnail
    synthetic_image "$SCENE_HOME/paper-boat.png" 1280 720
    start_tui 120 36
    wait_for "No jobs yet"
    type_text "The paper boat reaches the harbour at dawn [Push in], gulls overhead"
    keys Tab # to the first-frame field
    # shellcheck disable=SC2088 # typed as a person would; the TUI expands ~
    type_text "~/paper-boat.png"
    keys Enter # to the last-frame field (Tab would complete the path): a URL is checked, never fetched
    type_text "https://example.com/harbour-end.jpg"
    wait_for "first frame"
    wait_for "previewed"
    shoot thumbnail "hailuo — a first frame's thumbnail"
    stop
}

scene_clip_strip() {
    new_home clip-strip
    seed_jobs
    start_tui 100 32
    wait_for "unconfirmed"
    keys Escape # to the jobs table
    keys End    # the oldest job: the downloaded one
    keys Enter  # open its details: the clip as frames
    wait_for "read from the file"
    shoot clip-strip "hailuo — a downloaded clip as frames"
    stop
}

# variants_group: in a fresh TUI, sends a prompt as three variants and waits until all three are
# downloaded; the group row is selected.
variants_group() {
    type_text "A lighthouse in a storm at night, waves crashing, three takes"
    keys F6 F6 # ×3
    keys C-s
    wait_for "Send 3 jobs"
    keys y
    wait_for "3/3 done" 90
    keys Escape # to the jobs table; the group row stays selected
    sleep 0.3   # so the next key is not read as Alt+key
}

scene_group() {
    new_home group
    seed_jobs
    start_tui 120 32
    wait_for "unconfirmed"
    variants_group
    wait_for "└ A lighthouse" # variants sent from the screen are listed under their group's row
    shoot group "hailuo — three variants as one group"
    stop
}

scene_compare() {
    new_home compare
    start_tui 120 32
    wait_for "No jobs yet"
    variants_group
    keys C # the compare view: a frame of each
    wait_for "Compare"
    wait_for "3.0 s"
    sleep 1
    keys Right "*" # choose the second, make it a favourite
    wait_for "is a favourite"
    shoot compare "hailuo — compare a group's results"
    stop
}

scene_help() {
    new_home help
    start_tui 120 40 # two columns: every key fits
    wait_for "No jobs yet"
    keys F1
    wait_for "Prompt editor"
    shoot help "hailuo — help"
    stop
}

scene_field_error() {
    new_home field-error
    synthetic_image "$SCENE_HOME/thumbnail.png" 240 240
    start_tui 100 30
    wait_for "No jobs yet"
    type_text "A slow dolly shot through a bamboo forest 竹林 at dawn, mist between the stalks 🎋"
    keys Tab # to the first-frame field
    # shellcheck disable=SC2088 # typed as a person would; the TUI expands ~
    type_text "~/thumbnail.png"
    wait_for "240x240" # the preflight verdict, before anyone submits
    keys F4                 # resolution 1080P (6 s clips only)
    keys F3                 # 10 s is refused at 1080P, and the options row says why
    wait_for "10 s is not available at 1080P"
    keys C-s # refused: the reason shows next to the field and nothing is sent
    wait_for "not sent"
    shoot field-error "hailuo — errors next to their fields"
    stop
}

scene_too_small() {
    new_home too-small
    start_tui 30 8
    wait_for "nlarge"
    shoot too-small "hailuo — 30×8"
    stop
}

# A stand-in for the TUI: exercises the pipeline (tmux, send-keys, wait_for, capture, fonts).
scene_self_test() {
    new_home self-test
    # shellcheck disable=SC2016 # $TERM and $line are expanded by the stand-in's shell
    start 60 12 bash --norc --noprofile -c '
        printf "\e[1;37;44m self-test \e[0m \e[2m%s\e[0m\n" "$TERM"
        printf "\e[31mred\e[0m \e[32mgreen\e[0m \e[38;5;208m256\e[0m "
        printf "\e[38;2;255;105;180mtruecolor\e[0m \e[7mreverse\e[0m\n"
        printf "漢字 かな 한국어 🎬🚣✨ e\xcc\x81 café\n"
        printf "|漢字🎬é|\n|1234567|  <- the bars line up\n"
        printf "╭────────╮\n│ box 箱 │\n╰────────╯\n"
        IFS= read -r line; printf "typed: %s\n" "$line"; sleep 60'
    wait_for "the bars line up"
    type_text "入力テスト 🎉"
    keys Enter
    wait_for "typed: 入力テスト 🎉"
    shoot self-test "screenshots.sh self-test"
    stop
}

# ---------------------------------------------------------------------------------------------

main() {
    local build=1 scenes=() scene
    while [ $# -gt 0 ]; do
        case $1 in
            --no-build) build=0 ;;
            --self-test) scenes+=(self-test) build=0 ;;
            -h | --help)
                sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
                return 0
                ;;
            -*) die "unknown option $1" ;;
            *) scenes+=("$1") ;;
        esac
        shift
    done
    [ ${#scenes[@]} -gt 0 ] || scenes=("${ALL_SCENES[@]}")
    for scene in "${scenes[@]}"; do
        declare -F "scene_${scene//-/_}" >/dev/null || die "unknown scene $scene (${ALL_SCENES[*]} self-test)"
    done

    ensure_packages
    [ "$build" = 1 ] && build
    WORK=$(mktemp -d /tmp/hailuo-shots.XXXXXX)
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    for scene in "${scenes[@]}"; do
        "scene_${scene//-/_}"
    done
}

main "$@"
