#!/usr/bin/env bash
# Runs `rapport today` and `rapport audit` on the demo database in a real terminal (a
# detached tmux pane of 80, then 120 columns) and checks that no line is wider than the
# pane, that tmux did not have to wrap any line itself, and that the Chinese names show.
# Then the same with COLUMNS set and a pipe, as `--format table | less` would see it.
#
#   Tests/tmux/check-table-width.sh           # builds rapport (debug) first
#   RAPPORT_BIN=path/to/rapport Tests/tmux/check-table-width.sh
#   KEEP=1 ...                                # keep the work folder (captured panes)
#
# Exits 0 when every check passes, 1 when one fails, and 0 with a "SKIP:" line when tmux
# or python3 is not installed, so it can run anywhere (.ci/run installs tmux).
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in tmux python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed (Debian package '$tool'); the terminal-width check needs it"
        exit 0
    fi
done

. Tests/tmux/common.sh
trap cleanup EXIT
[ -z "${KEEP:-}" ] || echo "work folder: $work"
fail() { echo "FAIL: $*"; exit 1; }

(cd "$work" && "$RAPPORT_BIN" demo >/dev/null) || fail "rapport demo did not build the demo database"
db="$work/rapport-demo.db"

# Every line's display width (wide East Asian characters 2 cells, combining marks 0, colour
# codes none) must be at most $1; prints the widest line's width.
check_widths() {
    python3 - "$1" "$2" <<'PY'
import re, sys, unicodedata
limit, path = int(sys.argv[1]), sys.argv[2]
def cells(line):
    line = re.sub(r'\x1b\[[0-9;?]*[@-~]', '', line)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in line)
widest = 0
for number, line in enumerate(open(path, encoding='utf-8').read().split('\n'), 1):
    width = cells(line)
    widest = max(widest, width)
    if width > limit:
        print(f"FAIL: {path}:{number}: {width} cells > {limit}: {line}")
        sys.exit(1)
print(widest)
PY
}

# $1 columns: runs the commands in a pane of that size (table format by default there: it
# is a terminal) and captures everything they printed.
capture() {
    local columns=$1 name=$2; shift 2
    tmux -S "$socket" -f /dev/null -u new-session -d -s "$name" -x "$columns" -y 50 \
        "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $* ; tmux -S '$socket' wait-for -S '$name'; sleep 600"
    tmux -S "$socket" set-option -t "$name" history-limit 5000 >/dev/null
    timeout 120 tmux -S "$socket" wait-for "$name" || fail "$name: the commands did not finish in 120 s"
    tmux -S "$socket" capture-pane -t "$name" -p -S - -E - >"$work/$name.raw"
    tmux -S "$socket" capture-pane -t "$name" -p -J -S - -E - | sed 's/ *$//' >"$work/$name.joined"
    tmux -S "$socket" kill-session -t "$name"
    # A line wider than the pane is wrapped by tmux; -J joins it back, so the two differ.
    sed 's/ *$//' "$work/$name.raw" | diff -q - "$work/$name.joined" >/dev/null \
        || fail "$name: tmux had to wrap a line: $(sed 's/ *$//' "$work/$name.raw" | diff - "$work/$name.joined" | head -5)"
}

for columns in 80 120; do
    today="today-$columns"
    capture "$columns" "$today" "'$RAPPORT_BIN' today --db '$db' --date 2026-11-23"
    widest=$(check_widths "$columns" "$work/$today.joined") || { echo "$widest"; exit 1; }
    grep -q "Last touch" "$work/$today.joined" || fail "$today: no table header (JSON on a terminal?)"
    for name in 李建国 陈志强 吴海涛 刘伟 Reynolds; do
        grep -q "$name" "$work/$today.joined" || fail "$today: contact $name is missing"
    done
    if [ "$columns" = 120 ]; then
        for name in 华东精密机械有限公司 深圳创联电子有限公司 广州华塑制品厂; do
            grep -q "$name" "$work/$today.joined" || fail "$today: account name $name is missing"
        done
    fi
    echo "ok: today at $columns columns (widest line $widest cells)"

    audit="audit-$columns"
    capture "$columns" "$audit" "'$RAPPORT_BIN' audit --db '$db' --from 2026-01-01 --to 2026-11-23"
    widest=$(check_widths "$columns" "$work/$audit.joined") || { echo "$widest"; exit 1; }
    for heading in "Rep scorecard" "Receivables at 2026-11-23" "Furthest past cadence" wang.lei sarah.chen; do
        grep -q "$heading" "$work/$audit.joined" || fail "$audit: '$heading' is missing"
    done
    echo "ok: audit at $columns columns (widest line $widest cells)"
done

# COLUMNS rules a pipe too; without it a pipe has no limit (and gets JSON by default).
COLUMNS=60 "$RAPPORT_BIN" today --db "$db" --date 2026-11-23 --format table >"$work/columns-60.txt"
widest=$(check_widths 60 "$work/columns-60.txt") || { echo "$widest"; exit 1; }
echo "ok: COLUMNS=60 through a pipe (widest line $widest cells)"
env -u COLUMNS "$RAPPORT_BIN" today --db "$db" --date 2026-11-23 --format table >"$work/unlimited.txt"
widest=$(check_widths 1000 "$work/unlimited.txt")
[ "$widest" -gt 120 ] || fail "a pipe without COLUMNS was cut to $widest cells"
env -u COLUMNS "$RAPPORT_BIN" today --db "$db" --date 2026-11-23 | head -c 1 | grep -q '\[' || fail "a pipe no longer gets JSON"
echo "ok: a pipe without COLUMNS is not limited (widest line $widest cells) and gets JSON by default"
echo "PASS: tables fit 80 and 120 columns"
