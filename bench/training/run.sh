#!/usr/bin/env bash
# Training benchmarks, each beside its peer measured in the same run (scripts/bench.sh calls this):
#   1. one training step of the tiny network, C++ worker code vs the same network, batch and
#      optimizer in Python PyTorch (python3-torch from Debian), same thread count;
#   2. the data pipeline's share of a step (prefetch-thread build time and trainer wait time);
#   3. tokenization throughput, C++ (SentencePiece through flame's shim) vs Python sentencepiece.
# usage: bench/training/run.sh BUILD_DIR [quick|full] [RESULTS.jsonl]
set -euo pipefail
build=$(cd "${1:?build dir}" && pwd)
mode=${2:-quick}
out=${3:-$build/bench/results.jsonl}
here=$(cd "$(dirname "$0")" && pwd)
py=${FLAME_PYTHON:-/usr/bin/python3}
scratch=${FLAME_BENCH_DIR:-/tmp/flame-bench}/training
mkdir -p "$scratch" "$(dirname "$out")"
flame="$build/app/flame"
ws="$scratch/bench.flame"
threads=${FLAME_BENCH_THREADS:-$(nproc)}
# OpenBLAS's own thread pool, for both sides: the C++ worker sets it to FLAME_BLAS_THREADS (default
# 1) itself; Python reads OPENBLAS_NUM_THREADS when its BLAS loads.
export OPENBLAS_NUM_THREADS=${FLAME_BLAS_THREADS:-1}
if [ "$mode" = full ]; then steps=30; texts=20000; else steps=10; texts=5000; fi

if [ ! -f "$ws" ]; then
  "$flame" init "$ws" >/dev/null
  "$flame" sample "$ws" --judgments 20000 -q >/dev/null
  "$flame" tokenizer "$ws" train --vocab 4000 >/dev/null
fi

echo "training benchmarks ($mode) on $(nproc) cores, $threads threads, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# The step at one thread and at every core, C++ and Python alternating three times (a shared
# machine drifts); each side's figure is the median of its three round medians. Process CPU time
# per step is reported too: it does not depend on what else the machine runs.
steps_json=()
for t in $(printf '%s\n' 1 "$threads" | sort -un); do
  cpp_rounds=(); py_rounds=()
  for round in 1 2 3; do
    cpp_rounds+=("$("$build/bench/training/train_step_bench" --workspace "$ws" --threads "$t" --steps "$steps")")
    args=$("$py" -c 'import json,sys; r=json.loads(sys.argv[1]); print(r["batch"], r["length"], r["target"], r["vocab"])' "${cpp_rounds[-1]}")
    read -r batch length target vocab <<<"$args"
    py_rounds+=("$("$py" "$here/train_step_peer.py" --batch "$batch" --length "$length" --target "$target" --vocab "$vocab" \
                  --threads "$t" --steps "$steps")")
  done
  merged=$("$py" - "${cpp_rounds[@]}" "${py_rounds[@]}" <<'PY'
import json, statistics, sys
n = (len(sys.argv) - 1) // 2
cpp = [json.loads(x) for x in sys.argv[1:1 + n]]
py = [json.loads(x) for x in sys.argv[1 + n:]]
c = dict(cpp[-1])
for k in ("cpp_step_ms_median", "cpp_step_cpu_ms_median", "real_step_ms_mean", "pipeline_build_ms_mean", "pipeline_wait_ms_mean"):
    c[k] = statistics.median(r[k] for r in cpp)
c["rounds_cpp_ms"] = [r["cpp_step_ms_median"] for r in cpp]
p = dict(py[-1])
for k in ("python_step_ms_median", "python_step_cpu_ms_median"):
    p[k] = statistics.median(r[k] for r in py)
p["rounds_python_ms"] = [r["python_step_ms_median"] for r in py]
print(json.dumps(c))
print(json.dumps(p))
PY
)
  step=$(sed -n 1p <<<"$merged"); peer=$(sed -n 2p <<<"$merged")
  echo "C++    ($t threads): $step"
  echo "Python ($t threads): $peer"
  steps_json+=("$step" "$peer")
done

"$build/bench/training/tokenize_bench" --workspace "$ws" --texts "$scratch/texts.jsonl" --limit "$texts" --rounds 5 > "$scratch/tok_cpp.json"
model="$ws.d/$("$py" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select value from meta where key=?",("tokenizer.path",)).fetchone()[0])' "$ws")"
"$py" "$here/tokenize_peer.py" "$model" "$scratch/texts.jsonl" 5 > "$scratch/tok_py.json"
echo "tokenize C++:    $(cat "$scratch/tok_cpp.json")"
echo "tokenize Python: $(cat "$scratch/tok_py.json")"

"$py" - "$out" "$scratch/tok_cpp.json" "$scratch/tok_py.json" "${steps_json[@]}" <<'PY'
import json, sys
out = sys.argv[1]
tc, tp = json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
pairs = [(json.loads(sys.argv[i]), json.loads(sys.argv[i + 1])) for i in range(4, len(sys.argv), 2)]
rows = []
for step, peer in pairs:
    rows.append({"name": f"train step, tiny, {step['batch']}x{step['length']} tokens, {step['threads']} thread(s), wall (ms)",
                 "ours": step["cpp_step_ms_median"], "peer": peer["python_step_ms_median"], "unit": "ms",
                 "peer_name": f"Python PyTorch {peer['torch']}, same network and batch", "higher_is_better": False,
                 "note": f"rounds C++ {step['rounds_cpp_ms']}, Python {peer['rounds_python_ms']}"})
    rows.append({"name": f"train step, tiny, {step['batch']}x{step['length']} tokens, {step['threads']} thread(s), CPU (ms)",
                 "ours": step["cpp_step_cpu_ms_median"], "peer": peer["python_step_cpu_ms_median"], "unit": "ms",
                 "peer_name": f"Python PyTorch {peer['torch']}, same network and batch", "higher_is_better": False})
step = pairs[-1][0]
rows += [
    {"name": "data pipeline: prefetch build time per step (ms)",
     "ours": step["pipeline_build_ms_mean"], "peer": step["real_step_ms_mean"], "unit": "ms",
     "peer_name": "the step it feeds (ratio = share)", "higher_is_better": False},
    {"name": "data pipeline: trainer wait per step (ms)",
     "ours": step["pipeline_wait_ms_mean"], "peer": step["real_step_ms_mean"], "unit": "ms",
     "peer_name": "the step it feeds (ratio = share)", "higher_is_better": False},
    {"name": f"tokenization of {tc['texts']} formatted examples, 1 thread",
     "ours": tc["cpp_texts_per_s"], "peer": tp["python_texts_per_s"], "unit": "texts/s",
     "peer_name": "Python sentencepiece, same model and texts", "higher_is_better": True},
]
if tc["tokens"] != tp["tokens"]:
    rows[-1]["note"] = f"token counts differ: C++ {tc['tokens']} vs Python {tp['tokens']}"
with open(out, "a") as f:
    for r in rows:
        r["ratio"] = r["ours"] / r["peer"] if r["peer"] else 0.0
        r.setdefault("note", "")
        f.write(json.dumps(r) + "\n")
        print(f"{r['name']:<64} ours {r['ours']:10.2f} {r['unit']:<8} | {r['peer_name']:<44} {r['peer']:10.2f} | ratio {r['ratio']:.3f}")
PY
