#!/usr/bin/env bash
# Shell completion in the real shells: for each of bash, zsh and fish that is installed,
# the script `rapport --generate-completion-script SHELL` prints is installed where the
# README says, the shell is started interactively in a tmux pane, and TAB is pressed after
# `rapport touch log --db DEMO `, `rapport today --db DEMO --rep w` and `rapport snooze
# --db DEMO SZ`; the pane must show the demo's account keys and the completed words.
#
#   Tests/tmux/check-completion.sh            # builds rapport (debug) first
#   RAPPORT_BIN=path/to/rapport Tests/tmux/check-completion.sh
#
# Exits 0 when every installed shell passes (a "SKIP:" line for each shell that is not
# installed, or for all when tmux is not), 1 when one fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v tmux >/dev/null 2>&1; then
    echo "SKIP: tmux is not installed (Debian package 'tmux')"
    exit 0
fi
. Tests/tmux/common.sh
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$work/bin" "$work/home"
ln -s "$RAPPORT_BIN" "$work/bin/rapport"
(cd "$work" && "$RAPPORT_BIN" demo >/dev/null) || fail "rapport demo did not build the demo database"

# Waits until the pane shows $2 (a grep pattern), at most 20 s.
wait_for() {
    local pane=$1 pattern=$2
    for _ in $(seq 1 100); do
        tmux -S "$socket" capture-pane -t "$pane" -p | grep -q -- "$pattern" && return 0
        sleep 0.2
    done
    fail "$pane: '$pattern' never showed; the pane:
$(tmux -S "$socket" capture-pane -t "$pane" -p)"
}

# Types $2 then TAB (twice: bash lists the candidates on the second) and waits for $3.
complete_line() {
    local pane=$1 line=$2 pattern=$3
    tmux -S "$socket" send-keys -t "$pane" C-u "$line" Tab Tab
    wait_for "$pane" "$pattern"
    tmux -S "$socket" send-keys -t "$pane" C-u C-l
    sleep 0.3
}

check_shell() {
    local shell=$1 start=$2
    tmux -S "$socket" -f /dev/null -u new-session -d -s "$shell" -x 120 -y 30 \
        "cd '$work' && env -i HOME='$work/home' PATH='$work/bin:/usr/bin:/bin' TERM=xterm-256color LANG=C.UTF-8 $start"
    wait_for "$shell" "ready>"
    complete_line "$shell" "rapport touch log --db rapport-demo.db " "HD-MACH.*NB-AUTO"
    complete_line "$shell" "rapport today --db rapport-demo.db --rep w" "--rep wang.lei"
    complete_line "$shell" "rapport snooze --db rapport-demo.db SZ" "rapport-demo.db SZ-ELEC"
    complete_line "$shell" "rapport snooze --db rapport-demo.db SZ-ELEC c" "collection"
    tmux -S "$socket" kill-session -t "$shell"
    echo "ok: $shell completes account keys, rep handles and kinds"
}

if command -v bash >/dev/null 2>&1; then
    mkdir -p "$work/home/.local/share/bash-completion/completions"
    "$RAPPORT_BIN" --generate-completion-script bash >"$work/home/.local/share/bash-completion/completions/rapport"
    printf '%s\n' "source ~/.local/share/bash-completion/completions/rapport" "PS1='ready> '" >"$work/home/.bashrc"
    check_shell bash "bash --noprofile --rcfile '$work/home/.bashrc' -i"
else
    echo "SKIP: bash is not installed"
fi

if command -v zsh >/dev/null 2>&1; then
    mkdir -p "$work/home/.zfunc"
    "$RAPPORT_BIN" --generate-completion-script zsh >"$work/home/.zfunc/_rapport"
    printf '%s\n' 'fpath=(~/.zfunc $fpath)' 'autoload -Uz compinit && compinit -u' "PS1='ready> '" >"$work/home/.zshrc"
    check_shell zsh "zsh -i"
else
    echo "SKIP: zsh is not installed (Debian package 'zsh')"
fi

if command -v fish >/dev/null 2>&1; then
    mkdir -p "$work/home/.config/fish/completions"
    "$RAPPORT_BIN" --generate-completion-script fish >"$work/home/.config/fish/completions/rapport.fish"
    printf '%s\n' 'function fish_prompt; echo -n "ready> "; end' 'function fish_greeting; end' >"$work/home/.config/fish/config.fish"
    check_shell fish "fish -i"
else
    echo "SKIP: fish is not installed (Debian package 'fish')"
fi
echo "PASS: shell completion"
