#!/usr/bin/env python3
"""Python sentencepiece peer of tokenize_bench: encodes the same texts with the same model file.
usage: tokenize_peer.py MODEL TEXTS.jsonl [ROUNDS]   -> one JSON object (best of ROUNDS)"""
import json
import sys
import time

import sentencepiece as spm

model, path = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
sp = spm.SentencePieceProcessor(model_file=model)
texts = [json.loads(line) for line in open(path, encoding="utf-8")]
best, tokens = 1e30, 0
for _ in range(rounds):
    t0 = time.perf_counter()
    tokens = sum(len(sp.encode(t)) for t in texts)
    best = min(best, time.perf_counter() - t0)
size = sum(len(t.encode("utf-8")) for t in texts)
print(json.dumps({"texts": len(texts), "tokens": tokens, "python_seconds": best,
                  "python_texts_per_s": len(texts) / best, "python_mb_per_s": size / best / 1e6}))
