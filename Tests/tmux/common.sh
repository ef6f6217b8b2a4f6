# Shared by the tmux checks (sourced): the rapport binary to run (RAPPORT_BIN, else a
# debug build's), a scratch folder, and a tmux server of its own that goes with it.
if [ -z "${RAPPORT_BIN:-}" ]; then
    swift build --product rapport >/dev/null
    RAPPORT_BIN="$(swift build --show-bin-path)/rapport"
fi
RAPPORT_BIN=$(cd "$(dirname "$RAPPORT_BIN")" && pwd)/$(basename "$RAPPORT_BIN")

work=$(mktemp -d)
socket="$work/tmux.sock"
cleanup() { tmux -S "$socket" kill-server >/dev/null 2>&1 || true; [ -n "${KEEP:-}" ] || rm -rf "$work"; }
