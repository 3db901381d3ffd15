#!/usr/bin/env bash
# Builds Samverkan (Release) into build/: native (desktop, server, CLI, tests) and/or web.
#   scripts/build.sh [native|web|asan|all|test]   default: all (test: all and asan)
# IMGUI_DIR=/path/to/imgui-1.86 overrides the fetched Dear ImGui source.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
what=${1:-all}
jobs=$(nproc 2>/dev/null || echo 2)
extra=()
[[ -n ${IMGUI_DIR:-} ]] && extra+=("-DIMGUI_DIR=$IMGUI_DIR")

build_native() {
  cmake -S "$top" -B "$top/build/native" -DCMAKE_BUILD_TYPE=Release "${extra[@]}" >/dev/null
  cmake --build "$top/build/native" -j"$jobs"
}

build_web() {
  # Debian's emscripten needs Debian's node modules, and a writable cache.
  export NODE_PATH=/usr/share/nodejs
  if [[ ! -w /usr/share/emscripten/cache ]]; then export EM_CACHE=${EM_CACHE:-$top/.cache/emscripten}; fi
  emcmake cmake -S "$top" -B "$top/build/web" -DCMAKE_BUILD_TYPE=MinSizeRel "${extra[@]}" >/dev/null
  cmake --build "$top/build/web" -j"$jobs"
}

# The desktop app and the ui units with AddressSanitizer and UndefinedBehaviorSanitizer
# (the monkey and ui_asan tests run them).
build_asan() {
  cmake -S "$top" -B "$top/build/asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAMVERKAN_SANITIZE=ON "${extra[@]}" >/dev/null
  cmake --build "$top/build/asan" -j"$jobs" --target samverkan ui_tests
}

case $what in
  native) build_native ;;
  web) build_web ;;
  asan) build_asan ;;
  all) build_web; build_native ;;
  test) build_web; build_native; build_asan ;;
  *) echo "usage: scripts/build.sh [native|web|asan|all|test]" >&2; exit 2 ;;
esac
