#!/usr/bin/env bash
# Builds Samverkan (Release) into build/: native (desktop, server, CLI, tests) and/or web.
#   scripts/build.sh [native|web|all]      default: all
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

case $what in
  native) build_native ;;
  web) build_web ;;
  all) build_web; build_native ;;
  *) echo "usage: scripts/build.sh [native|web|all]" >&2; exit 2 ;;
esac
