#!/usr/bin/env bash
# Builds the libFuzzer target with clang (ASan + UBSan) and runs it.
#   run_fuzz.sh SOURCE_DIR BUILD_DIR [SECONDS]     (FUZZ_SECONDS overrides; default 20)
set -euo pipefail
src=$1 out=$2 seconds=${FUZZ_SECONDS:-${3:-20}}
mkdir -p "$out/corpus"
cp -n "$src/tests/fuzz/corpus/"* "$out/corpus/" 2>/dev/null || true
bin="$out/fuzz_edit"
newest=$(find "$src/core" "$src/tests/fuzz" -newer "$bin" -name '*.[ch]*' 2>/dev/null | head -n 1 || true)
if [[ ! -x $bin || -n $newest ]]; then
  clang++-14 -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$src/core" -I"$out/../deps/include" -I"$out/../core" \
    "$src/tests/fuzz/fuzz_edit.cpp" "$src"/core/*.cpp "$out/../core/demos_embedded.cpp" -o "$bin"
fi
"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$out/corpus" 2>&1 | tail -n 12
