#!/usr/bin/env bash
# GPU check (issue 4, part 9): on a machine with an NVIDIA GPU, a CUDA LibTorch, CMake and a C++
# compiler but no package registry, build `flame` against that LibTorch and run a short bf16
# training, printing tokens/s and model FLOPs utilisation (MFU).
#
#   LIBTORCH_DIR=/path/to/libtorch  FLAME_DEBS=/path/to/debs  bench/gpu-check.sh [WORK_DIR]
#
# LIBTORCH_DIR: an unpacked LibTorch distribution, or a Python torch install's share/cmake parent
#   (python3 -c 'import torch; print(torch.utils.cmake_prefix_path)' prints it).
# FLAME_DEBS: a folder with the Debian 12 .deb files of the other dependencies; they are unpacked
#   into WORK_DIR/prefix with dpkg-deb (no root, no registry): libsqlite3-dev libsqlite3-0
#   libsentencepiece-dev libsentencepiece0 libcli11-dev (Qt is not needed: no GUI, no tests).
#   Without FLAME_DEBS the system's headers and libraries are used.
# Knobs: FLAME_PRESET (small), FLAME_STEPS (60), FLAME_BATCH (32), FLAME_PEAK_TFLOPS (bf16 dense
#   peak of the GPU; guessed from its name when unset).
# Status: written for the CUDA path; it has not run on a GPU yet (no GPU was available).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/flame-gpu-check}
libtorch=${LIBTORCH_DIR:?set LIBTORCH_DIR to a CUDA LibTorch}
preset=${FLAME_PRESET:-small}
steps=${FLAME_STEPS:-60}
batch=${FLAME_BATCH:-32}
mkdir -p "$work"
prefix="$work/prefix"
extra_prefix=""
if [ -n "${FLAME_DEBS:-}" ]; then
  mkdir -p "$prefix"
  for deb in "$FLAME_DEBS"/*.deb; do dpkg-deb -x "$deb" "$prefix"; done
  extra_prefix=";$prefix/usr"
  export LD_LIBRARY_PATH="$prefix/usr/lib/x86_64-linux-gnu:${LD_LIBRARY_PATH:-}"
  export CPATH="$prefix/usr/include:${CPATH:-}"
  export LIBRARY_PATH="$prefix/usr/lib/x86_64-linux-gnu:${LIBRARY_PATH:-}"
fi
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true

cmake -S "$src" -B "$work/build" -G "${CMAKE_GENERATOR:-Unix Makefiles}" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$libtorch$extra_prefix" -DFLAME_WITH_GUI=OFF -DFLAME_BUILD_TESTS=OFF -DFLAME_BUILD_BENCH=OFF
cmake --build "$work/build" --target flame -j "$(nproc)"
flame="$work/build/app/flame"
"$flame" devices

ws="$work/gpu.flame"
rm -rf "$ws" "$ws.d"
"$flame" init "$ws" >/dev/null
"$flame" sample "$ws" --judgments 50000 -q
"$flame" tokenizer "$ws" train --vocab 8000
"$flame" train "$ws" --variant flame --preset "$preset" --device cuda --steps "$steps" --batch "$batch" \
  --eval-every "$steps" --eval-limit 200 --checkpoint-every "$steps" --json | tee "$work/train.jsonl"

python3 - "$work/train.jsonl" "$preset" "${FLAME_PEAK_TFLOPS:-}" <<'PY'
import json, subprocess, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
steps = [l for l in lines if l.get("event") == "step"]
if not steps:
    sys.exit("no step events: the run failed (see above)")
skip = min(5, len(steps) // 2)  # warm-up steps (cuDNN/cuBLAS autotuning, allocator)
tail = steps[skip:]
tps = sum(s["tokens_per_s"] for s in tail) / len(tail)
dims = {"tiny": (128, 4, 512), "small": (384, 6, 1536), "base": (768, 12, 3072)}[sys.argv[2]]
d, layers, ff = dims
params = layers * (4 * d * d + 2 * d * ff)  # non-embedding weights; 6 N FLOPs per token (fwd + bwd)
peak = sys.argv[3]
if not peak:
    name = subprocess.run(["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"], capture_output=True, text=True).stdout
    table = {"H200": 989, "H100": 989, "A100": 312, "L40S": 362, "L4": 121, "A10": 125, "V100": 125, "4090": 165}
    peak = next((v for k, v in table.items() if k in name), 0)
peak = float(peak)
mfu = 6 * params * tps / (peak * 1e12) if peak else float("nan")
print(f"preset {sys.argv[2]}: {tps:,.0f} tokens/s (padded tokens, mean of steps {skip + 1}..{len(steps)}), "
      f"{params / 1e6:.1f}M non-embedding parameters, MFU {100 * mfu:.2f}% of {peak:.0f} TFLOPS bf16 peak")
PY
