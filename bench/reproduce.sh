#!/usr/bin/env bash
# Small-scale reproduction of the FLAMe paper on the generated sample corpus, on CPU, with the
# `tiny` preset (issue 4, "Results this must reach"):
#   0. pretrain     the initial network (the paper starts from a pretrained PaLM-2): next-token
#                   prediction over the training split's instructions and fields, no labels;
#   1. FLAMe        examples-proportional mixture of all 102 tasks (cap 2^16 scaled to the corpus);
#   2. FLAMe-RM     FLAMe's final checkpoint + 50 steps of batch 8 on the four-task equal mix;
#   3. FLAMe-Opt-RM tail-patch every task group from FLAMe's half-way checkpoint, rated on the
#                   development set (sample-dev at the evaluation set's size and disjoint from it,
#                   never the evaluation set), the paper's bundles and weights, then trained from
#                   the initial network with a quarter of FLAMe's examples;
#   4. CoBBLEr-style bias probes of FLAMe; RewardBench-style evaluation of all three on the
#      held-out evaluation set beside the random, always-longer and always-first baselines.
# The summary states each claim and whether this run shows it, with the numbers. Nothing here is
# tuned on the evaluation set: the knobs below are fixed defaults.
#
# usage: bench/reproduce.sh [BUILD_DIR] [WORK_DIR]
# knobs (environment): JUDGMENTS=20000 PRETRAIN_STEPS=1000 (batch BATCH; 0: a random initial network)
#   FLAME_STEPS=5000 BATCH=16 OPT_STEPS=FLAME_STEPS/2 (batch 8: a
#   quarter of FLAMe's examples) TP_STEPS=24 TP_GROUP=8 TP_MEASURE=score (the paper's; or
#   length-controlled, docs/reproduction.md) DEV_SCALE=0.25 BIAS_INSTRUCTIONS=8 RANKS=$(nproc) SEED=1
#   (the seed of all three trainings: one seed is one draw, see docs/reproduction.md)
# Training runs as RANKS data-parallel processes of one thread each (Gloo): at this network size a
# second process is 1.6x the throughput of a second thread (docs/reproduction.md). The final
# evaluations are one-thread processes side by side; the bias probes run alone, scoring RANKS
# batches side by side.
set -euo pipefail
build=$(cd "${1:-build/dev}" && pwd)
work=${2:-/tmp/flame-reproduce}
flame="$build/app/flame"
judgments=${JUDGMENTS:-20000}
pretrain_steps=${PRETRAIN_STEPS:-1000}
flame_steps=${FLAME_STEPS:-5000}
batch=${BATCH:-16}
opt_steps=${OPT_STEPS:-$((flame_steps / 2))}
tp_steps=${TP_STEPS:-24}
tp_group=${TP_GROUP:-8}
bias_n=${BIAS_INSTRUCTIONS:-8}
dev_scale=${DEV_SCALE:-0.25}
tp_measure=${TP_MEASURE:-score}
ranks=${RANKS:-$(nproc)}
seed=${SEED:-1}
py=$(command -v python3)
mkdir -p "$work"
ws="$work/reproduce.flame"
rm -rf "$ws" "$ws-wal" "$ws-shm" "$ws.d"
t_start=$(date +%s)
stamp() { echo "[$(($(date +%s) - t_start)) s] $*"; }

stamp "corpus: $judgments generated judgments, evaluation set, development set, bias set"
"$flame" init "$ws" >/dev/null
"$flame" sample "$ws" --judgments "$judgments" --dev-scale "$dev_scale" -q
"$flame" tokenizer "$ws" train --vocab 4000
common=(--nproc "$ranks" --threads 1 --seed "$seed" --json)
run_of() { "$py" -c 'import json,sys; print(next(json.loads(l)["run"] for l in open(sys.argv[1]) if "\"created\"" in l))' "$1"; }

init=()
rm -f "$work/pretrain.jsonl"
if [ "$pretrain_steps" -gt 0 ]; then
  stamp "initial network: $pretrain_steps steps x batch $batch of next-token prediction on the contexts"
  "$flame" train "$ws" --variant pretrain --steps "$pretrain_steps" --batch "$batch" "${common[@]}" > "$work/pretrain.jsonl"
  init=(--init "$(run_of "$work/pretrain.jsonl")")
fi

stamp "FLAMe: $flame_steps steps x batch $batch"
"$flame" train "$ws" --variant flame --steps "$flame_steps" --batch "$batch" --eval-every $((flame_steps / 6)) \
  --checkpoint-every $((flame_steps / 6)) --keep 10 "${init[@]}" "${common[@]}" > "$work/flame.jsonl"
flame_run=$(run_of "$work/flame.jsonl")

stamp "FLAMe-RM: 50 steps x batch 8 from run $flame_run"
"$flame" train "$ws" --variant flame-rm --from "$flame_run" "${common[@]}" > "$work/rm.jsonl"

stamp "FLAMe-Opt-RM: tail-patch groups of <= $tp_group tasks for $tp_steps steps (measure: $tp_measure), then $opt_steps steps x batch 8"
"$flame" train "$ws" --variant flame-opt-rm --from "$flame_run" --steps "$opt_steps" --batch 8 \
  --eval-every $((opt_steps / 6)) --checkpoint-every $((opt_steps / 6)) --tailpatch-steps "$tp_steps" \
  --tailpatch-by group --group-size "$tp_group" --tailpatch-measure "$tp_measure" "${common[@]}" > "$work/optrm.jsonl"

stamp "final evaluation of the three runs on the held-out evaluation set (both orders), $ranks at a time"
pids=()
for f in flame rm optrm; do
  "$flame" eval "$ws" --run "$(run_of "$work/$f.jsonl")" --threads 1 --json > "$work/eval-$f.json" &
  pids+=($!)
  if [ "${#pids[@]}" -ge "$ranks" ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p"; done
stamp "bias probes of FLAMe ($bias_n instructions x 120 pairs x 8 queries)"
"$flame" bias "$ws" --run "$flame_run" --instructions "$bias_n" --threads "$ranks" --json > "$work/bias-flame.json"
stamp "done"
elapsed=$(($(date +%s) - t_start))

# The task types, for the summary's account of FLAMe-Opt-RM's mixture.
"$flame" mixture "$ws" --json > "$work/tasks.json"

"$py" - "$work" "$elapsed" "$ranks" "$seed" <<'PY'
import json, os, sys
work, elapsed, ranks, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def events(name):
    return [json.loads(l) for l in open(os.path.join(work, name)) if l.startswith("{")]
ev = {k: json.load(open(os.path.join(work, f"eval-{k}.json"))) for k in ("flame", "rm", "optrm")}
secs = ("chat", "chat_hard", "safety", "reasoning")
def row(name, s, examples=""):
    print(f"| {name} | {examples} | " + " | ".join(f"{100 * s['sections'][k]:.1f}" for k in secs) + f" | {100 * s['score']:.1f} |")
print(f"\n## Small-scale reproduction ({elapsed // 60} min {elapsed % 60} s on {os.cpu_count()} cores, training on {ranks} ranks of 1 thread, seed {seed})\n")
pre = [e for e in events("pretrain.jsonl") if e.get("event") == "step"] if os.path.exists(os.path.join(work, "pretrain.jsonl")) else []
if pre:
    print(f"Initial network of FLAMe and FLAMe-Opt-RM: {pre[-1]['step']} steps ({pre[-1]['examples']} contexts) of next-token "
          f"prediction without labels, context loss {pre[0]['loss']:.2f} -> {pre[-1]['loss']:.3f} per token.\n")
else:
    print("Initial network: random (PRETRAIN_STEPS=0).\n")
print("Held-out RewardBench-shaped evaluation set (sample), each pair judged in both orders; percent.\n")
print("| autorater | training examples | Chat | Chat Hard | Safety | Reasoning | Score |")
print("|---|---|---|---|---|---|---|")
examples = {}
for k, f in (("flame", "flame.jsonl"), ("rm", "rm.jsonl"), ("optrm", "optrm.jsonl")):
    steps = [e for e in events(f) if e.get("event") == "step"]
    examples[k] = steps[-1]["examples"] if steps else 0
tp = [e for e in events("optrm.jsonl") if e.get("event") == "tailpatch_plan"]
tp_examples = tp[0]["tailpatch_examples"] if tp else 0
row("FLAMe (tiny)", ev["flame"]["model"], f"{examples['flame']}")
row("FLAMe-RM (tiny)", ev["rm"]["model"], f"{examples['flame']} + {examples['rm']}")
row("FLAMe-Opt-RM (tiny)", ev["optrm"]["model"], f"{examples['optrm']} (+ {tp_examples} tail-patching)")
for b in ("random", "always-longer", "always-first"):
    row(f"baseline: {b}", ev["flame"]["baselines"][b])
# Not one of the issue's baselines, but the reference a length heuristic reaches: every pair's
# result is 1 - always-longer's (a tie is 0.5 for both), so each section is 1 - always-longer's.
longer = ev["flame"]["baselines"]["always-longer"]
shorter = {"sections": {k: 1 - longer["sections"][k] for k in secs}}
shorter["score"] = sum(shorter["sections"].values()) / len(secs)
row("reference: always-shorter", shorter)

# What FLAMe-Opt-RM trained on: the weights are relative sampling rates, and the fixed top-2 weight
# of each weak category can put most of the mixture on a few tasks (with --tailpatch-by group, the
# first members of the best group, which share its measurement).
if tp:
    weights = tp[0]["weights"]
    total = sum(weights.values()) or 1.0
    types = {t["task"]: t["type"] for t in json.load(open(os.path.join(work, "tasks.json")))}
    by_type = {}
    for task, w in weights.items():
        by_type[types.get(task, "?")] = by_type.get(types.get(task, "?"), 0) + w / total
    heavy = sorted(weights.items(), key=lambda kv: -kv[1])[:6]
    print("\nFLAMe-Opt-RM's mixture: " + ", ".join(f"{t} {100 * w / total:.1f} %" for t, w in heavy)
          + f" (the {len(heavy)} heaviest of {len(weights)} tasks); by task type: "
          + ", ".join(f"{k} {100 * v:.1f} %" for k, v in sorted(by_type.items(), key=lambda kv: -kv[1]))
          + f". Rated on {tp[0].get('dev_pairs', '?')} development pairs ({tp[0].get('dev_pairs_in_eval_set', '?')} left out"
          " as pairs of the evaluation set).\n")

# Length split: in the sample set, as in RewardBench, Chat Hard's and Safety's chosen responses are
# mostly the shorter ones, so a section score can come from a length preference alone. `flame eval`
# reports the accuracy on the pairs whose chosen response is the longer one beside that on the
# others, and their mean (length-controlled: 0.5 for any pure length rule).
def length_split(k, sec, longer_chosen):
    """Accuracy (None without pairs) and count of the section's chosen-longer (or -shorter) pairs."""
    s = ev[k]["length_split"][sec]
    side = "chosen_longer" if longer_chosen else "chosen_shorter"
    return s[side], s[side + "_pairs"]

def length_controlled(k, sec):
    return ev[k]["length_split"][sec]["controlled"]

print("\nLength split (pairs of the section whose chosen response is longer | shorter; accuracy, pairs):\n")
print("| autorater | Chat Hard, chosen longer | Chat Hard, chosen shorter | Safety, chosen longer | Safety, chosen shorter |")
print("|---|---|---|---|---|")
for k, label in (("flame", "FLAMe"), ("rm", "FLAMe-RM"), ("optrm", "FLAMe-Opt-RM")):
    cells = []
    for sec in ("chat_hard", "safety"):
        for longer in (True, False):
            acc, n = length_split(k, sec, longer)
            cells.append("-" if acc is None else f"{100 * acc:.1f} ({n})")
    print(f"| {label} | " + " | ".join(cells) + " |")

def claim(text, ok, detail):
    print(f"- {'YES' if ok else 'NO '} {text}: {detail}")
print("\nClaims (issue 4):\n")
f, r, o = ev["flame"]["model"], ev["rm"]["model"], ev["optrm"]["model"]
best = {k: max(ev["flame"]["baselines"][b]["sections"][k] for b in ev["flame"]["baselines"]) for k in secs}
for k in ("chat_hard", "safety"):
    margin = f["sections"][k] - best[k]
    claim(f"FLAMe far above the baselines on {k} (>= 10 points over the best baseline)", margin >= 0.10,
          f"{100 * f['sections'][k]:.1f} vs best baseline {100 * best[k]:.1f}"
          f" (a pure length heuristic, always-shorter, scores {100 * shorter['sections'][k]:.1f})")
for k in ("chat_hard", "safety"):
    lc = length_controlled("flame", k)
    claim(f"... and on {k} not by length alone (length-controlled accuracy >= 60%)", lc is not None and lc >= 0.60,
          "length-controlled " + ("-" if lc is None else f"{100 * lc:.1f}") + " (mean of the chosen-longer and chosen-shorter accuracies)")
claim("FLAMe-RM at or above FLAMe on the total score", r["score"] >= f["score"],
      f"{100 * r['score']:.1f} vs {100 * f['score']:.1f}")
# Figure 5: Opt-RM's curve against FLAMe's final Chat Hard and Safety, by examples seen.
target = {k: f["sections"][k] for k in ("chat_hard", "safety")}
curve = [e for e in events("optrm.jsonl") if e.get("event") == "eval"]
reached = None
for e in curve:
    if e["chat_hard"] >= target["chat_hard"] and e["safety"] >= target["safety"]:
        reached = e
        break
budget = examples["flame"] / 4
detail = ("Opt-RM evaluations (examples: chat_hard/safety): " +
          ", ".join(f"{e['examples']}: {100 * e['chat_hard']:.1f}/{100 * e['safety']:.1f}" for e in curve) +
          f"; FLAMe final {100 * target['chat_hard']:.1f}/{100 * target['safety']:.1f}; a quarter of FLAMe's examples = {budget:.0f}")
# Reaching FLAMe's level means something only if FLAMe itself learned the categories.
learned = all(f["sections"][k] >= best[k] + 0.10 for k in ("chat_hard", "safety"))
ok = reached is not None and reached["examples"] <= budget
claim("FLAMe-Opt-RM reaches FLAMe's final Chat Hard and Safety with at most a quarter of FLAMe's examples",
      ok and learned, detail + ("" if learned else "; not meaningful here: FLAMe did not get clear of the baselines"))
bias = json.load(open(os.path.join(work, "bias-flame.json")))
claim("FLAMe's bias average below Random's", bias["model"]["average"] < bias["random"]["average"],
      f"{bias['model']['average']:.3f} vs {bias['random']['average']:.3f} "
      + "(" + ", ".join(f"{k} {bias['model'][k]:.2f}" for k in ("order", "compassion", "length", "egocentric", "bandwagon", "attention")) + ")")
PY
