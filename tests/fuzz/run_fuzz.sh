#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each.
#   run_fuzz.sh SOURCE_DIR BUILD_DIR [SECONDS]     (FUZZ_SECONDS overrides; default 20 each)
#   fuzz_edit: workspace files, patches with undo, the party CSV (core)
#   fuzz_http: raw connections to the real server handlers on loopback with a real SQLite file
set -euo pipefail
src=$1 out=$2 seconds=${FUZZ_SECONDS:-${3:-20}}
flags=(-std=c++20 -O1 -g1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
       -I"$src/core" -I"$src/server" -I"$src/xlsx" -I"$out/../deps/include" -I"$out/../core" $(pkg-config --cflags cpp-httplib libpq))
mkdir -p "$out/obj"

# Each source compiled once into obj/ (again only when it or a header changed), two at a time.
sources=("$src"/core/*.cpp "$out/../core/demos_embedded.cpp" "$out/../server/admin_script.cpp" "$src/tests/fuzz/fuzz_edit.cpp" "$src/tests/fuzz/fuzz_http.cpp")
for f in "$src"/server/*.cpp; do [[ $(basename "$f") == main.cpp ]] || sources+=("$f"); done
sources+=("$src"/xlsx/*.cpp)
newest_header=$(ls -t "$src"/core/*.h "$src"/server/*.h "$src"/xlsx/*.h | head -n 1)
compile() {
  local f=$1 o
  o="$out/obj/$(basename "$(dirname "$f")")-$(basename "${f%.cpp}").o"
  if [[ ! -f $o || $f -nt $o || $newest_header -nt $o ]]; then clang++-14 "${flags[@]}" -c "$f" -o "$o"; fi
}
export -f compile
export src out newest_header
export FLAGS_LIST="${flags[*]}"
printf '%s\n' "${sources[@]}" | xargs -P 2 -I{} bash -c 'flags=($FLAGS_LIST); compile "$@"' _ {}

core_objs=("$out"/obj/core-*.o "$out/obj/core-demos_embedded.o")
core_objs=($(printf '%s\n' "${core_objs[@]}" | sort -u))
server_objs=("$out"/obj/server-*.o "$out"/obj/xlsx-*.o)
link=(clang++-14 -fsanitize=fuzzer,address,undefined)
"${link[@]}" "$out/obj/fuzz-fuzz_edit.o" "${core_objs[@]}" -o "$out/fuzz_edit"
"${link[@]}" "$out/obj/fuzz-fuzz_http.o" "${server_objs[@]}" "${core_objs[@]}" -o "$out/fuzz_http" \
  $(pkg-config --libs cpp-httplib sqlite3 libpq libcrypto zlib xlsxwriter) -lpthread

run() {
  local name=$1 corpus=$2
  mkdir -p "$out/$corpus"
  cp -n "$src/tests/fuzz/$corpus/"* "$out/$corpus/" 2>/dev/null || true
  echo "== $name, ${seconds} s"
  "$out/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$out/$corpus" 2>&1 | tail -n 12
}
run fuzz_edit corpus
run fuzz_http http-corpus
