#!/usr/bin/env bash
# Runs every benchmark under bench/ and prints one table: our figure beside its peer measured in
# the same run, and the ratio. Raw numbers go to BUILD_DIR/bench/results.jsonl.
#   scripts/bench.sh BUILD_DIR full|quick
set -uo pipefail
build=${1:?build dir}
mode=${2:-full}
out="$build/bench/results.jsonl"
mkdir -p "$build/bench"
: > "$out"
scratch=${FLAME_BENCH_DIR:-/tmp/flame-bench}
mkdir -p "$scratch"
if [ "$mode" = quick ]; then sample_n=300000; import_n=200000; else sample_n=5300000; import_n=1000000; fi

run() { echo "## $*"; "$@" || echo "!! failed: $*"; }
echo "FLAMe Studio benchmarks ($mode) on $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%Y-%m-%d)"
run "$build/bench/corpus/bench_sample" --judgments "$sample_n" --dir "$scratch" --json "$out"
run "$build/bench/corpus/bench_import" --judgments "$import_n" --dir "$scratch" --json "$out"
# Benchmarks of other areas register themselves as executables named bench_* under bench/<area>/.
for b in "$build"/bench/gui/bench_* "$build"/bench/training/bench_*; do
  [ -f "$b" ] && [ -x "$b" ] || continue # not the *_autogen folders
  run "$b" --mode "$mode" --dir "$scratch" --json "$out"
done
[ -x bench/training/run.sh ] && run bench/training/run.sh "$build" "$mode" "$out"

echo
echo "| figure | ours | peer | peer value | ratio |"
echo "|---|---|---|---|---|"
python3 - "$out" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    print(f"| {r['name']} | {r['ours']:.1f} {r['unit']} | {r['peer_name']} | {r['peer']:.1f} | {r['ratio']:.2f} |")
PY
