#!/usr/bin/env bash
# Builds Samverkan (Release) into build/: native (desktop, server, CLI, tests) and/or web.
#   scripts/build.sh [native|web|asan|deb|all|test]   default: all (test: all, asan and deb)
#   deb: the Debian package build/samverkan_VERSION_ARCH.deb (native and web first)
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
  # -O1 -g1: what AddressSanitizer advises, and half the compile time of -O2 -g (line numbers stay).
  cmake -S "$top" -B "$top/build/asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DSAMVERKAN_SANITIZE=ON "${extra[@]}" >/dev/null
  cmake --build "$top/build/asan" -j"$jobs" --target samverkan ui_tests
}

# The Debian package from the native and web builds (packaging/CMakeLists.txt says what is in it).
build_deb() {
  [[ -f $top/build/web/site/index.html ]] || { echo "build.sh deb: build the web app first (scripts/build.sh web)" >&2; exit 1; }
  rm -f "$top"/build/samverkan_*.deb
  (cd "$top/build/native" && cpack -G DEB >/dev/null)
  ls "$top"/build/samverkan_*.deb
}

case $what in
  native) build_native ;;
  web) build_web ;;
  asan) build_asan ;;
  deb) build_web; build_native; build_deb ;;
  all) build_web; build_native ;;
  test) build_web; build_native; build_asan; build_deb ;;
  *) echo "usage: scripts/build.sh [native|web|asan|deb|all|test]" >&2; exit 2 ;;
esac
