#pragma once
// The data pipeline, without Torch: tokenized segments of the unified format, truncation of the
// context side, tokenized caches per task in the workspace folder, the mixture sampler and the
// host-side batches the trainer turns into tensors.
//
// A formatted example is cut into segments at the format's own boundaries:
//   [header "INSTRUCTIONS: ... CONTEXT:\n"] [one segment per context line] [tail "\nEVALUATION:"]
//   [target "\n<field>: <value>..."]
// and tokenized segment by segment, so that a long example is shortened by trimming the longest
// context fields (never the instructions, the EVALUATION header or the label) and training and
// judging see exactly the same tokens for the same text.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "model/catalog.h"
#include "model/format.h"
#include "model/random.h"
#include "training/tokenizer.h"

namespace flame {
class Workspace;
}

namespace flame::training {

// --- segments ---------------------------------------------------------------------------------

struct TextSegments {
    std::string header;
    std::vector<std::string> fields; // "name: value\n" per non-empty context field
    std::string tail;
};
// Splits formatInput(instructions, context) at the block boundaries. The concatenation of the
// segments always equals formatInput's text (if the formatter ever changes shape, the whole
// context becomes one segment).
TextSegments splitInput(const Instructions& instructions, const Fields& context);
// "\n" + formatTarget(target): the text after "EVALUATION:" in a full example.
std::string targetText(const Fields& target);

struct TokenSpan {
    const std::int32_t* data = nullptr;
    std::size_t size = 0;
};

// Fits an example into `maxSeq` tokens: [BOS] header fields tail target [EOS]. The target keeps at
// most maxTarget - 1 tokens (plus EOS); the context fields share what is left by water-filling
// (every field keeps min(length, c) leading tokens for the largest c that fits); the header is cut
// only when nothing else is left. Returns the sequence and the index of the first target token.
struct FittedSequence {
    std::vector<std::int32_t> tokens; // starts with BOS, ends with EOS when the target has one
    std::size_t targetStart = 0;      // tokens[targetStart..] are the target (and EOS)
    std::vector<std::uint8_t> segments; // one segment id per token (see segmentOfField)
};

// Segment ids, one per token, for networks with a segment embedding (ModelConfig::segments): the
// block of the unified format a token belongs to. BOS and the header are kSegmentHeader, the tail
// ("\nEVALUATION:") and the target kSegmentTail, context field i (in the order the formatter writes
// the non-empty fields: prompt, response_a, response_b, ...) segmentOfField(i); fields beyond the
// last id share it. They tell every token of a pairwise input which response it belongs to, which
// a small network trained from scratch does not otherwise learn behind a long header
// (tests/training/tst_pairwise_learning.cpp).
constexpr std::uint8_t kSegmentHeader = 0, kSegmentTail = 1;
constexpr int kSegmentCount = 16; // the embedding rows a network with segments has
inline std::uint8_t segmentOfField(std::size_t i) {
    return std::uint8_t(std::min<std::size_t>(2 + i, std::size_t(kSegmentCount - 1)));
}
FittedSequence fitSequence(TokenSpan header, const std::vector<TokenSpan>& fields, TokenSpan tail, TokenSpan target,
                           int maxSeq, int maxTarget, bool appendEos = true);
// The water-filling cap: the largest c with sum(min(len_i, c)) <= budget (budget >= 0).
std::size_t fieldCap(const std::vector<std::size_t>& lengths, std::size_t budget);

// An input tokenized by segments (for judging: the target candidates are added by the judge).
struct TokenizedInput {
    std::vector<std::int32_t> header, tail;
    std::vector<std::vector<std::int32_t>> fields;
};
TokenizedInput tokenizeInput(const Tokenizer& tok, const Instructions& instructions, const Fields& context);
// [BOS] + fitted input, leaving room for `reserve` target tokens; `segments` (when given) receives
// the segment id of each prompt token (the candidates that follow are kSegmentTail).
std::vector<std::int32_t> fitPrompt(const TokenizedInput& input, int maxSeq, int reserve,
                                    std::vector<std::uint8_t>* segments = nullptr);

// --- tokenized caches ---------------------------------------------------------------------------

// The tokenized train (or dev) judgments of one task, memory-mapped from
// <ws>.flame.d/cache/<tokenizer hash>/<task>.i<instruction id>.<split>.bin. A cache is rebuilt when
// its header does not match the tokenizer, the instruction version or the task's judgment count
// and largest id. Read-only after load; safe to read from several threads.
class TaskTokens {
public:
    struct Example {
        std::int64_t judgmentId = 0;
        std::vector<TokenSpan> fields;
        TokenSpan target;
    };
    TaskTokens() = default;
    TaskTokens(TaskTokens&&) noexcept;
    TaskTokens& operator=(TaskTokens&&) noexcept;
    ~TaskTokens();

    std::size_t size() const { return m_index.size(); }
    TokenSpan header() const { return {m_header.data(), m_header.size()}; }
    TokenSpan tail() const { return {m_tail.data(), m_tail.size()}; }
    Example example(std::size_t i) const;
    const std::string& path() const { return m_path; }
    bool rebuilt() const { return m_rebuilt; }

private:
    friend Expected<TaskTokens> loadTaskTokens(Workspace&, const Tokenizer&, const TaskDefinition&, std::int64_t,
                                               const Instructions&, int, bool);
    std::string m_path;
    void* m_map = nullptr;
    std::size_t m_mapSize = 0;
    const std::int32_t* m_tokens = nullptr;
    std::vector<std::int32_t> m_header, m_tail;
    struct Entry {
        std::int64_t judgmentId;
        std::uint64_t offset; // in int32 units into m_tokens: [nFields, len..., targetLen, tokens...]
    };
    std::vector<Entry> m_index;
    bool m_rebuilt = false;
};

// Loads (building when missing or stale) the cache of one task and split (0 train, 1 dev).
Expected<TaskTokens> loadTaskTokens(Workspace& ws, const Tokenizer& tok, const TaskDefinition& task,
                                    std::int64_t instructionId, const Instructions& instructions, int split,
                                    bool aiFeedback);

// --- mixture sampler ------------------------------------------------------------------------------

struct ExampleRef {
    std::uint32_t task = 0;    // index into the run's task list
    std::uint32_t example = 0; // index into that task's tokens
};

// Draws a task by the mixture rates, then the next example of that task's current shuffled epoch.
// Deterministic for the seed; state() captures everything needed to continue the same stream.
class MixtureSampler {
public:
    struct State {
        Rng::State rng;
        std::vector<std::uint64_t> epoch, position;
        std::uint64_t drawn = 0;
    };
    MixtureSampler(std::vector<std::size_t> taskSizes, std::vector<double> rates, std::uint64_t seed);
    ExampleRef next();
    State state() const;
    void setState(const State& s);
    std::uint64_t drawn() const { return m_drawn; }

private:
    void shuffle(std::size_t task);
    std::vector<std::size_t> m_sizes;
    std::vector<double> m_rates;
    std::uint64_t m_seed;
    Rng m_rng;
    std::vector<std::uint64_t> m_epoch, m_position;
    std::vector<std::vector<std::uint32_t>> m_perm;
    std::uint64_t m_drawn = 0;
};

// --- batches --------------------------------------------------------------------------------------

// One forward pass worth of rows, padded to the longest: inputs = sequence[:-1], labels =
// sequence[1:] with -100 where no loss is taken (context and padding). With `withContext`,
// contextLabels holds the other half: sequence[1:] on the context (input) positions, -100 on the
// target and padding, for the optional auxiliary next-token loss on the context.
struct HostBatch {
    int rows = 0, length = 0;
    std::vector<std::int64_t> inputs, labels;  // rows * length
    std::vector<std::int64_t> contextLabels;   // rows * length, or empty without withContext
    std::vector<std::int64_t> segments;        // rows * length: segment id of each input (0 at padding)
    std::vector<std::uint64_t> exampleIds;     // global example number of each row (dropout seeds)
    std::int64_t targetTokens = 0, contextTokens = 0;
};
HostBatch makeBatch(const std::vector<FittedSequence>& sequences, const std::vector<std::uint64_t>& exampleIds,
                    bool withContext = false);

// One optimizer step of one rank.
struct StepData {
    std::int64_t step = 0;                // 1-based step this data is for
    std::vector<HostBatch> microBatches;
    std::int64_t globalTargetTokens = 0;  // all ranks together: the loss normaliser
    std::int64_t globalContextTokens = 0; // all ranks together: the context loss's normaliser
    std::int64_t globalExamples = 0;
    MixtureSampler::State stateAfter;     // sampler state once this step's examples are drawn
    double buildSeconds = 0;              // time spent producing this step on the prefetch thread
};

struct PipelineConfig {
    int batch = 16;     // global batch
    int rank = 0, world = 1;
    int microBatch = 0; // 0: the whole per-rank share
    int maxSeq = 384, maxTarget = 96;
    int prefetch = 3;   // steps produced ahead
    bool contextLabels = false; // fill HostBatch::contextLabels (auxiliary context loss)
};

// Produces StepData for steps first..last on a background thread so the trainer never waits on
// data. Examples of a global batch are dealt to ranks round-robin (rank r takes slots r, r+W, ...),
// so any number of ranks sees the same global batch.
class Prefetcher {
public:
    Prefetcher(const std::vector<const TaskTokens*>& tasks, MixtureSampler sampler, PipelineConfig config,
               std::int64_t firstStep, std::int64_t lastStep);
    ~Prefetcher();
    // Blocks until the next step is ready; false after the last step. *waitSeconds: time blocked.
    bool pop(StepData& out, double* waitSeconds = nullptr);

private:
    void run();
    StepData produce(std::int64_t step);
    std::vector<const TaskTokens*> m_tasks;
    MixtureSampler m_sampler;
    PipelineConfig m_config;
    std::int64_t m_next, m_last;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<StepData> m_queue;
    bool m_stop = false, m_done = false;
    std::thread m_thread;
};

// The fitted training sequence of one example of a task.
FittedSequence fitExample(const TaskTokens& task, std::size_t index, int maxSeq, int maxTarget);

} // namespace flame::training
