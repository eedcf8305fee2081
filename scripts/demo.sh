#!/usr/bin/env bash
# The headless demonstration `make run` falls back to without a display: statistics of the
# sample workspace and its first judgments exactly as the model sees them.
set -euo pipefail
flame=$1
ws=$2
echo "== FLAMe Studio sample workspace: $ws"
echo "== (the sample corpus is GENERATED data that follows the paper's shares; real data comes in with 'flame import')"
"$flame" stats "$ws"
echo
echo "== The first judgments in the unified text-to-text format (paper, Figure 2):"
"$flame" show "$ws" --limit 2
echo "== One math pair and one safety pair:"
"$flame" show "$ws" --task prm800k-pairwise --limit 1
"$flame" show "$ws" --task hh-rlhf-harmlessness --limit 1
echo "== More: '$flame --help', '$flame tasks $ws', '$flame show $ws --task KEY'"
