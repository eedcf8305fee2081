#pragma once
// Judging with the network (DESIGN.md section 5): the log-likelihood of each allowed target given
// the input (pairwise "choice: A" / "choice: B", classification labels, pointwise ratings), and
// greedy decoding for open-ended targets and for the model's own responses (egocentric probe).
//
// Scoring shares the prompt between candidates: the prompt plus the candidates' common prefix is
// run once (left-padded, with a key-validity mask and per-row positions), then only the distinct
// suffixes are run against a copy of the key/value cache. scoreCandidatesReference runs every
// candidate as a full sequence; the tests check that both agree.
//
// All functions run without gradients and in eval mode (restored afterwards).
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

#include "training/config.h"
#include "training/network.h"

namespace flame::training {

struct JudgeQuery {
    std::vector<std::int32_t> prompt;                  // BOS + input tokens
    std::vector<std::vector<std::int32_t>> candidates; // target tokens, each ending with EOS
    // Segment id of each prompt token (fitPrompt's); required by networks with a segment
    // embedding, which see the candidates as kSegmentTail, as training sees targets.
    std::vector<std::uint8_t> segments;
};

// log p(candidate | prompt) (natural log, summed over the candidate's tokens) per candidate.
// `maxRows` bounds the prompts of one forward pass. On CPU, `streams` > 1 scores that many batches
// at once, each on one thread (the intra-op setting is restored afterwards); the batches are the
// same either way, so the scores equal those of one stream at one intra-op thread, bit for bit.
std::vector<std::vector<double>> scoreCandidates(TransformerImpl& model, const std::vector<JudgeQuery>& queries,
                                                 int maxRows = kJudgeRows, int streams = 1);
std::vector<std::vector<double>> scoreCandidatesReference(TransformerImpl& model, const std::vector<JudgeQuery>& queries);

// Greedy continuation of each prompt until EOS or `maxNew` tokens (EOS not included).
// `promptSegments` (one per prompt) is required by networks with a segment embedding.
std::vector<std::vector<std::int32_t>> greedyDecode(TransformerImpl& model,
                                                    const std::vector<std::vector<std::int32_t>>& prompts, int maxNew,
                                                    int maxRows = 16,
                                                    const std::vector<std::vector<std::uint8_t>>* promptSegments = nullptr);

// The indices i < count with i % shards == shard: one data-parallel rank's share of a set, so that
// the ranks' shares together cover it once.
std::vector<std::size_t> shardIndices(std::size_t count, int shard, int shards);

// The summed negative log-likelihood and the target-token count of fitted sequences (the
// evaluation loss), over the shard's sequences: the shards of several ranks add up to the whole
// set's (one all-reduce).
struct TargetLossSum {
    double total = 0;
    std::int64_t tokens = 0;
    double mean() const { return tokens ? total / double(tokens) : 0.0; } // per target token
};
TargetLossSum targetLossSum(TransformerImpl& model, const std::vector<std::vector<std::int32_t>>& sequences,
                            const std::vector<std::size_t>& targetStarts, int maxRows,
                            const std::vector<std::vector<std::uint8_t>>* segments, int shard = 0, int shards = 1);

} // namespace flame::training
