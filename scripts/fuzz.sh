#!/usr/bin/env bash
# Builds the libFuzzer targets with clang + ASan + UBSan and runs each for a bounded time on the
# seed inputs of tests/fixtures. Any crash, leak or sanitizer report fails (exit 1).
#   scripts/fuzz.sh [SECONDS_PER_TARGET]
set -euo pipefail
seconds=${1:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build/fuzz"
if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DFLAME_FUZZ=ON -DFLAME_SANITIZE=address,undefined -DFLAME_WITH_GUI=OFF -DFLAME_WITH_TRAINING=OFF \
    -DFLAME_BUILD_TESTS=OFF -DFLAME_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j "$(nproc)"
seeds() { # target -> seed files
  case "$1" in
    fuzz_instructions) ls "$top"/tests/fixtures/instructions/*.json ;;
    fuzz_catalog) echo "$top/resources/catalog/tasks.json" ;;
    fuzz_search_query) ls "$top"/tests/fixtures/search/* ;;
    *) ls "$top"/tests/fixtures/import/* ;;
  esac
}
status=0
for t in "$build"/tests/fuzz/fuzz_*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  corpus="$build/corpus/$name"
  mkdir -p "$corpus"
  for s in $(seeds "$name"); do cp -n "$s" "$corpus/" 2>/dev/null || true; done
  maxlen=65536
  [ "$name" = fuzz_catalog ] && maxlen=200000
  echo "== $name for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
       "$t" "$corpus" -max_total_time="$seconds" -max_len="$maxlen" -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$build/crash-$name-" > "$build/$name.log" 2>&1; then
    echo "!! $name failed: see $build/$name.log and $build/crash-$name-*"
    tail -30 "$build/$name.log"
    status=1
  else
    grep -E "^Done|#[0-9]+.*DONE" "$build/$name.log" | tail -1
  fi
done
exit $status
