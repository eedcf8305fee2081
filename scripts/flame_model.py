#!/usr/bin/env python3
"""The FLAMe Studio autorater network in Python PyTorch.

Rebuilds the C++ network of training/network.h from an export directory written by
`flame export-model WS --run RUN --output DIR` (model.pt: a state dict of named tensors,
config.json: the network configuration, tokenizer.model: the SentencePiece model) and
scores judge inputs by log-likelihood exactly as the C++ judge does. The same module is the
peer of the step-time benchmark (bench/training/).

Usage:
  flame_model.py check DIR            reproduce the C++ judge's scores stored in DIR/judge_check.jsonl
  flame_model.py score DIR INPUT.jsonl  score {"prompt_ids": [...], "candidates": [[...], ...]} lines
                                      (and "prompt_segment_ids" for a network with segments)

A network exported with "segments" > 0 in its configuration adds a learned segment embedding
(seg_emb) to token + position embeddings: 0 for BOS and the instructions header, 1 for the tail
("\nEVALUATION:") and the target, 2 + i for the i-th context field (ids past the last row share
it), as training/data.h defines them.
"""
import json
import math
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F


SEGMENT_HEADER, SEGMENT_TAIL, SEGMENT_COUNT = 0, 1, 16


def segment_ids(segment_token_counts):
    """Segment ids of a prompt from the token counts of its segments (header, fields..., tail)."""
    ids = [SEGMENT_HEADER]  # BOS
    last = len(segment_token_counts) - 1
    for i, n in enumerate(segment_token_counts):
        seg = SEGMENT_HEADER if i == 0 else SEGMENT_TAIL if i == last else min(2 + i - 1, SEGMENT_COUNT - 1)
        ids += [seg] * n
    return ids


class Attention(nn.Module):
    def __init__(self, d_model, heads):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.proj = nn.Linear(d_model, d_model)

    def forward(self, x, mask):
        B, T, D = x.shape
        H = self.heads
        q, k, v = self.qkv(x).view(B, T, 3, H, D // H).permute(2, 0, 3, 1, 4)
        scores = q @ k.transpose(-2, -1) * (1.0 / math.sqrt(D // H)) + mask
        att = torch.softmax(scores, -1)
        return self.proj((att @ v).transpose(1, 2).reshape(B, T, D))


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["d_model"]
        self.ln1 = nn.LayerNorm(d)
        self.attn = Attention(d, cfg["heads"])
        self.ln2 = nn.LayerNorm(d)
        self.fc1 = nn.Linear(d, cfg["d_ff"])
        self.fc2 = nn.Linear(cfg["d_ff"], d)
        self.drop = nn.Dropout(cfg.get("dropout", 0.0))

    def forward(self, x, mask):
        x = x + self.drop(self.attn(self.ln1(x), mask))
        return x + self.drop(self.fc2(F.gelu(self.fc1(self.ln2(x)))))


class Transformer(nn.Module):
    """Decoder-only pre-norm Transformer; parameter names match the C++ state dict."""

    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.tok_emb = nn.Embedding(cfg["vocab"], cfg["d_model"])
        self.pos_emb = nn.Embedding(cfg["max_seq"], cfg["d_model"])
        self.segments = cfg.get("segments", 0)
        if self.segments:
            self.seg_emb = nn.Embedding(self.segments, cfg["d_model"])
        self.blocks = nn.ModuleList([Block(cfg) for _ in range(cfg["layers"])])
        self.ln_f = nn.LayerNorm(cfg["d_model"])
        self.drop = nn.Dropout(cfg.get("dropout", 0.0))

    def forward(self, tokens, segments=None):
        B, T = tokens.shape
        pos = torch.arange(T, device=tokens.device).unsqueeze(0)
        x = self.tok_emb(tokens) + self.pos_emb(pos)
        if self.segments:
            if segments is None:
                raise ValueError("this network has a segment embedding: segment ids are required")
            x = x + self.seg_emb(segments.clamp(0, self.segments - 1))
        x = self.drop(x)
        i = torch.arange(T, device=tokens.device)
        mask = torch.zeros(T, T, device=tokens.device).masked_fill(i.unsqueeze(0) > i.unsqueeze(1), -1e9)
        for b in self.blocks:
            x = b(x, mask.view(1, 1, T, T))
        return self.ln_f(x)

    def logits(self, hidden):
        return hidden @ self.tok_emb.weight.t()

    def loss_sum(self, inputs, labels, segments=None):
        """Sum of NLL over labelled positions (-100 skipped); the output projection only there."""
        h = self.forward(inputs, segments).reshape(-1, self.cfg["d_model"])
        lab = labels.reshape(-1)
        idx = (lab != -100).nonzero().squeeze(1)
        logits = self.logits(h.index_select(0, idx)).float()
        return F.cross_entropy(logits, lab.index_select(0, idx), reduction="sum"), idx.numel()

    @torch.no_grad()
    def score(self, prompt_ids, candidates, prompt_segments=None):
        """log p(candidate | prompt) per candidate (candidates end with EOS), one full row each.
        prompt_segments: the segment id of each prompt token (networks with segments); the
        candidate tokens are the tail segment, as training's targets are."""
        out = []
        for cand in candidates:
            seq = torch.tensor([list(prompt_ids) + list(cand)], dtype=torch.long)
            seg = None
            if self.segments:
                seg = torch.tensor([list(prompt_segments) + [SEGMENT_TAIL] * len(cand)], dtype=torch.long)
            lp = torch.log_softmax(self.logits(self.forward(seq, seg)).float(), -1)[0]
            out.append(sum(lp[len(prompt_ids) + k - 1, t].item() for k, t in enumerate(cand)))
        return out


def load(directory):
    with open(os.path.join(directory, "config.json")) as f:
        cfg = json.load(f)
    model = Transformer(cfg["model"] if "model" in cfg else cfg)
    state = torch.load(os.path.join(directory, "model.pt"))
    model.load_state_dict({k: v for k, v in state.items()})
    model.eval()
    return model, cfg


def check(directory):
    """Re-tokenizes the stored texts with Python sentencepiece, rescores them, compares."""
    import sentencepiece as spm

    model, _ = load(directory)
    sp = spm.SentencePieceProcessor(model_file=os.path.join(directory, "tokenizer.model"))
    worst_ids, worst_score, n = 0, 0.0, 0
    with open(os.path.join(directory, "judge_check.jsonl")) as f:
        for line in f:
            ex = json.loads(line)
            # The C++ side tokenizes segment by segment; so does this.
            ids, counts = [1], []
            for seg in ex["prompt_segments"]:
                piece = sp.encode(seg)
                ids += piece
                counts.append(len(piece))
            if ids != ex["prompt_ids"]:
                worst_ids += 1
            # The segment ids are rebuilt here from the segment texts, not read from the file.
            segments = segment_ids(counts) if model.segments else None
            if model.segments and segments != ex.get("prompt_segment_ids"):
                worst_ids += 1
            cands = []
            for text in ex["candidate_texts"]:
                cands.append(sp.encode(text) + [2])
            if cands != ex["candidate_ids"]:
                worst_ids += 1
            scores = model.score(ex["prompt_ids"], ex["candidate_ids"], segments)
            for a, b in zip(scores, ex["cpp_scores"]):
                worst_score = max(worst_score, abs(a - b))
            n += 1
    print(json.dumps({"examples": n, "token_mismatches": worst_ids, "max_abs_score_diff": worst_score}))
    return 0 if worst_ids == 0 and worst_score < 1e-3 else 1


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2]))
    if len(sys.argv) >= 4 and sys.argv[1] == "score":
        model, _ = load(sys.argv[2])
        for line in open(sys.argv[3]):
            ex = json.loads(line)
            print(json.dumps(model.score(ex["prompt_ids"], ex["candidates"], ex.get("prompt_segment_ids"))))
        sys.exit(0)
    print(__doc__)
    sys.exit(2)
