#!/usr/bin/env python3
"""Python PyTorch peer of train_step_bench: the same network (scripts/flame_model.py), the same
batch shapes (random tokens, the loss on the last TARGET positions), AdamW with the same options and
parameter groups, gradient clipping at 1.0, dropout 0.05; times one optimizer step.

usage: train_step_peer.py --batch B --length L --target T --vocab V --threads N [--steps S] [--preset tiny]
Prints one JSON object.
"""
import argparse
import json
import os
import statistics
import sys
import time

# OpenBLAS keeps its own thread pool beside torch's intra-op threads and starts one thread per
# core unless told otherwise; the C++ worker runs it at FLAME_BLAS_THREADS (default 1). The peer
# must use the same number, or "1 thread" would mean one thread for ours and every core's GEMMs
# for the peer. It has to be set before OpenBLAS is loaded.
os.environ["OPENBLAS_NUM_THREADS"] = os.environ.get("FLAME_BLAS_THREADS", "1")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import torch  # noqa: E402
from flame_model import Transformer  # noqa: E402

PRESETS = {
    # model/run_defaults.cpp presetSpecs()
    "tiny": dict(d_model=128, layers=4, heads=4, d_ff=512, max_seq=384, segments=16),
    "small": dict(d_model=384, layers=6, heads=6, d_ff=1536, max_seq=1024, segments=0),
    "base": dict(d_model=768, layers=12, heads=12, d_ff=3072, max_seq=2048, segments=0),
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--length", type=int, default=170)
    p.add_argument("--target", type=int, default=8)
    p.add_argument("--vocab", type=int, default=4000)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--preset", default="tiny")
    a = p.parse_args()
    # Same thread setup as the C++ worker: ATen threads as asked, OpenBLAS's own pool from
    # OPENBLAS_NUM_THREADS (run.sh sets it to FLAME_BLAS_THREADS, default 1, before Python starts).
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    cfg = dict(PRESETS[a.preset], vocab=a.vocab, dropout=0.05)
    model = Transformer(cfg)
    model.train()
    def decays(n, p):  # training/trainer.cpp makeOptimizer
        return p.dim() >= 2 and "pos_emb" not in n and "seg_emb" not in n
    decay = [p for n, p in model.named_parameters() if decays(n, p)]
    no_decay = [p for n, p in model.named_parameters() if not decays(n, p)]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=1e-3, betas=(0.9, 0.95), eps=1e-8)
    inputs = torch.randint(4, a.vocab, (a.batch, a.length))
    labels = torch.full_like(inputs, -100)
    labels[:, -a.target:] = inputs[:, -a.target:]
    segments = None
    if cfg["segments"]:  # train_step_bench.cpp's pattern: header, two fields, the tail with the target
        t = torch.arange(a.length)
        row = torch.where(t < 8, 0, torch.where(t >= a.length - a.target, 3, torch.where(t < a.length // 2, 1, 2)))
        segments = row.expand(a.batch, a.length).contiguous()
    times, cpu = [], []
    for s in range(a.warmup + a.steps):
        t0 = time.perf_counter()
        c0 = time.process_time()
        opt.zero_grad()
        loss, n = model.loss_sum(inputs, labels, segments)
        (loss / n).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        dt = time.perf_counter() - t0
        if s >= a.warmup:
            times.append(dt)
            cpu.append(time.process_time() - c0)
    print(json.dumps({"python_step_ms_median": 1e3 * statistics.median(times),
                      "python_step_ms_mean": 1e3 * statistics.mean(times),
                      "python_step_cpu_ms_median": 1e3 * statistics.median(cpu), "torch": torch.__version__,
                      "threads": a.threads, "blas_threads": int(os.environ["OPENBLAS_NUM_THREADS"])}))


if __name__ == "__main__":
    main()
