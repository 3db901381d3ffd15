#!/usr/bin/env bash
# The desktop window when nobody uses it, in a real window under Xvfb: it keeps no core busy
# (it drew 60 frames a second before), and a key pressed then is drawn at once.
#   idle_test.sh SAMVERKAN OUT_DIR
set -euo pipefail
app=$1 out=$2
mkdir -p "$out"
export XDG_CONFIG_HOME="$out/config" XDG_STATE_HOME="$out/state" XDG_CACHE_HOME="$out/cache"
mkdir -p "$XDG_CACHE_HOME"
if [[ -z ${IDLE_TEST_INNER:-} ]]; then
  IDLE_TEST_INNER=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
fail() { echo "not ok - $*" >&2; kill "$pid" 2>/dev/null || true; exit 1; }
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }   # user + system CPU, 1/100 s
"$app" --demo halsam-vasternorrland --view overview & pid=$!
sleep 3   # opened and settled
[[ -d /proc/$pid ]] || fail "the app did not stay open"
before=$(ticks); sleep 3; used=$(( $(ticks) - before ))
echo "idle: ${used}/100 s of CPU in 3 s"
(( used < 60 )) || fail "an idle window used ${used}/100 s of CPU in 3 s (at most 60)"
echo "ok - an idle window keeps no core busy"
xwd -root -silent > "$out/idle-1.xwd"; sleep 1; xwd -root -silent > "$out/idle-2.xwd"
cmp -s "$out/idle-1.xwd" "$out/idle-2.xwd" || fail "the idle window changed by itself"
window=$(xdotool search --sync --name '^Samverkan$' | head -1)
xdotool windowfocus --sync "$window"
xdotool key ctrl+f
sleep 0.4   # a key wakes the window: it does not wait for the next idle frame
xwd -root -silent > "$out/after-key.xwd"
cmp -s "$out/idle-2.xwd" "$out/after-key.xwd" && fail "Ctrl+F in an idle window was not drawn"
echo "ok - a key in an idle window is drawn"
kill "$pid"; wait "$pid" 2>/dev/null || true
