#!/usr/bin/env bash
# Opens the desktop app in a real window under Xvfb, once per demo workspace and view,
# renders frames, saves a screenshot and checks it is not blank.
#   window_test.sh SAMVERKAN PNG_CHECK OUT_DIR
set -euo pipefail
app=$1 check=$2 out=$3
mkdir -p "$out"
# The desktop keeps recent files and recovery copies under XDG folders: a fresh place for tests.
export XDG_CONFIG_HOME="$out/config" XDG_STATE_HOME="$out/state" XDG_CACHE_HOME="$out/cache"
mkdir -p "$XDG_CACHE_HOME"
for demo in halsam-vasternorrland familjehem-vasternorrland norrbotten; do
  for view in overview structure decisions costs scenarios; do
    for lang in sv en; do
      png="$out/native-$demo-$view-$lang.png"
      xvfb-run -a -s "-screen 0 1280x800x24" "$app" --demo "$demo" --view "$view" --lang "$lang" --frames 4 --screenshot "$png"
      "$check" "$png" 1.5
    done
  done
done
# Presentation mode at projector size: every slide kind of each demo.
for demo in halsam-vasternorrland familjehem-vasternorrland norrbotten; do
  for slide in 0 1 2 3 4; do
    png="$out/present-$demo-$slide.png"
    xvfb-run -a -s "-screen 0 1920x1080x24" "$app" --demo "$demo" --size 1920x1080 --present "$slide" --frames 4 --screenshot "$png"
    "$check" "$png" 1.0
  done
done
# Every look switched at run time in one window (theme, scale, language, presentation):
# each frame after a switch must be drawn, not only the background colour.
mkdir -p "$out/looks"
rm -f "$out"/looks/*.png
xvfb-run -a -s "-screen 0 1280x800x24" "$app" --demo halsam-vasternorrland --view decisions --style-matrix "$out/looks"
looks=0
for png in "$out"/looks/look-*.png; do
  "$check" "$png" 1.0
  looks=$((looks + 1))
done
[[ $looks -eq 32 ]] || { echo "window_test: expected 32 looks, found $looks" >&2; exit 1; }
echo "window_test: 45 windows and 32 looks rendered"
