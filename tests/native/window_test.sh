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
echo "window_test: 45 windows rendered"
