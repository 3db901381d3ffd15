#!/usr/bin/env bash
# The desktop app built with AddressSanitizer and UndefinedBehaviorSanitizer (build/asan),
# driven by the seeded monkey under Xvfb: random clicks, drags, keys and text on every view
# and slide. Fails on any sanitizer report, a crash, a blank frame, a workspace that no
# longer loads, or an undo of everything that does not give back the starting bytes.
#   monkey.sh ASAN_APP OUT_DIR          MONKEY_STEPS (default 1500) and MONKEY_SEEDS ("1 2") for longer runs
set -euo pipefail
app=$1 out=$2
steps=${MONKEY_STEPS:-1500}
seeds=${MONKEY_SEEDS:-"1 2"}
[[ -x $app ]] || { echo "monkey: $app is missing: build it with scripts/build.sh asan" >&2; exit 1; }
mkdir -p "$out"
export XDG_CONFIG_HOME="$out/config" XDG_STATE_HOME="$out/state" XDG_CACHE_HOME="$out/cache"
mkdir -p "$XDG_CACHE_HOME"
# Mesa's drivers keep memory to the end: leaks are not what this looks for.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
cd "$out"
runs=0
for seed in $seeds; do
  for demo in halsam-vasternorrland familjehem-vasternorrland; do
    echo "monkey: $demo, seed $seed, $steps steps"
    xvfb-run -a -s "-screen 0 1280x800x24" "$app" --demo "$demo" --monkey "$seed" --monkey-steps "$steps"
    runs=$((runs + 1))
  done
done
echo "monkey: $runs runs passed"
