#include "training/judge.h"

#include <ATen/Parallel.h>
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "training/config.h"
#include "training/data.h"
#include "training/tokenizer.h"

namespace flame::training {

namespace {

// Puts the module in eval mode for the scope and restores the previous mode.
struct EvalScope {
    TransformerImpl& model;
    bool wasTraining;
    torch::NoGradGuard noGrad;
    explicit EvalScope(TransformerImpl& m) : model(m), wasTraining(m.is_training()) { model.eval(); }
    ~EvalScope() {
        if (wasTraining) model.train();
    }
};

at::TensorOptions longOn(const at::Device& d) { return at::TensorOptions().dtype(at::kLong).device(d); }

at::Device deviceOf(TransformerImpl& model) { return model.tok_emb->weight.device(); }

// The segment ids of a prompt for a network with a segment embedding (an error when missing).
const std::vector<std::uint8_t>* promptSegmentsOf(TransformerImpl& model, const std::vector<std::uint8_t>& segments,
                                                  std::size_t promptSize) {
    if (!model.hasSegments()) return nullptr;
    TORCH_CHECK(segments.size() == promptSize, "this network has a segment embedding: each prompt needs its segment ids");
    return &segments;
}

// A [rows, cols] int64 tensor on `dev`, or undefined when the network has no segment embedding.
at::Tensor segmentTensor(TransformerImpl& model, const std::vector<std::int64_t>& ids, std::int64_t rows, std::int64_t cols,
                         const at::Device& dev) {
    if (!model.hasSegments()) return {};
    return at::tensor(ids, at::TensorOptions().dtype(at::kLong)).view({rows, cols}).to(dev);
}

// Calls fn(0) ... fn(count - 1). With streams > 1, on that many threads of one intra-op thread
// each, taking the next index as they free up: at the tiny and small presets a batch is too small
// for intra-op threads to pay (a second thread gains ~2 % in judging), while independent batches
// side by side nearly double the throughput. fn(i) must touch only i's outputs; an exception in any
// stream is rethrown here after all have stopped.
template <class Fn>
void forEachConcurrently(std::size_t count, int streams, Fn&& fn) {
    const std::size_t threads = std::min<std::size_t>(count, std::size_t(std::max(1, streams)));
    if (threads <= 1) {
        for (std::size_t i = 0; i < count; ++i) fn(i);
        return;
    }
    // Without this, each stream thread gets its own malloc arena, whose heaps are mmapped pieces
    // of at most 64 MiB handed back eagerly: the per-batch activation buffers are page-faulted in
    // again and again (4x the faults of one thread), the faults serialise on the process's memory
    // map, and two streams measured no faster than one. On the main arena (configureThreads keeps
    // freed blocks there) they ran 1.5x faster. The setting only bounds arenas not yet created.
    ::mallopt(M_ARENA_MAX, 1);
    const int intraOp = at::get_num_threads();
    at::set_num_threads(1); // new threads take the global setting in at::init_num_threads
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex errorMutex;
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            at::init_num_threads();
            try {
                for (std::size_t i; !failed && (i = next++) < count;) fn(i);
            } catch (...) {
                std::lock_guard<std::mutex> lock(errorMutex);
                if (!error) error = std::current_exception();
                failed = true;
            }
        });
    for (auto& t : pool) t.join();
    at::set_num_threads(intraOp);
    if (error) std::rethrow_exception(error);
}

// log p(ids[k]) at hidden[rows[k], cols[k]] for every k, as a CPU double tensor.
at::Tensor logProbsAt(TransformerImpl& model, const at::Tensor& hidden, const std::vector<std::int64_t>& rows,
                      const std::vector<std::int64_t>& cols, const std::vector<std::int64_t>& ids) {
    const at::Device dev = hidden.device();
    at::Tensor h = hidden.index({at::tensor(rows, longOn(at::kCPU)).to(dev), at::tensor(cols, longOn(at::kCPU)).to(dev)});
    return at::log_softmax(model.logits(h).to(at::kFloat), -1)
        .gather(1, at::tensor(ids, longOn(at::kCPU)).to(dev).unsqueeze(1))
        .squeeze(1)
        .to(at::kCPU)
        .to(at::kDouble);
}

// Scores queries [q0, q1) as one batch into out[q0, q1). Touches nothing else, so batches can run
// on several threads at once (the caller holds the model in eval mode).
void scoreBatch(TransformerImpl& model, const std::vector<JudgeQuery>& queries, std::size_t q0, std::size_t q1,
                std::vector<std::vector<double>>& out) {
    torch::NoGradGuard noGrad; // thread-local: each stream needs its own
    const at::Device dev = deviceOf(model);
    const std::int64_t n = std::int64_t(q1 - q0);
    // Common prefix of the candidates (each keeps at least one suffix token).
    std::vector<std::size_t> common(static_cast<std::size_t>(n)), prefixLen(static_cast<std::size_t>(n));
    std::int64_t Lp = 1;
    for (std::int64_t i = 0; i < n; ++i) {
        const auto& q = queries[q0 + std::size_t(i)];
        std::size_t c = q.candidates.empty() ? 0 : q.candidates[0].size() - 1;
        for (const auto& cand : q.candidates) {
            c = std::min(c, cand.size() - 1);
            std::size_t k = 0;
            while (k < c && cand[k] == q.candidates[0][k]) ++k;
            c = k;
        }
        common[std::size_t(i)] = c;
        prefixLen[std::size_t(i)] = q.prompt.size() + c;
        Lp = std::max<std::int64_t>(Lp, std::int64_t(prefixLen[std::size_t(i)]));
    }
    std::vector<std::int64_t> tok(std::size_t(n * Lp), Tokenizer::kPad), pos(std::size_t(n * Lp), 0);
    std::vector<std::int64_t> seg(std::size_t(n * Lp), kSegmentHeader);
    std::vector<std::uint8_t> valid(std::size_t(n * Lp), 0);
    for (std::int64_t i = 0; i < n; ++i) {
        const auto& q = queries[q0 + std::size_t(i)];
        const auto* qseg = promptSegmentsOf(model, q.segments, q.prompt.size());
        const std::int64_t pad = Lp - std::int64_t(prefixLen[std::size_t(i)]);
        std::int64_t j = pad;
        auto put = [&](std::int32_t t, std::uint8_t s) {
            tok[std::size_t(i * Lp + j)] = t;
            pos[std::size_t(i * Lp + j)] = j - pad;
            seg[std::size_t(i * Lp + j)] = s;
            valid[std::size_t(i * Lp + j)] = 1;
            ++j;
        };
        for (std::size_t k = 0; k < q.prompt.size(); ++k) put(q.prompt[k], qseg ? (*qseg)[k] : kSegmentHeader);
        for (std::size_t k = 0; k < common[std::size_t(i)]; ++k) put(q.candidates[0][k], kSegmentTail);
    }
    at::Tensor tokens = at::tensor(tok, longOn(at::kCPU)).view({n, Lp}).to(dev);
    at::Tensor positions = at::tensor(pos, longOn(at::kCPU)).view({n, Lp}).to(dev);
    at::Tensor keyValid = at::tensor(std::vector<std::int64_t>(valid.begin(), valid.end()), longOn(at::kCPU))
                              .view({n, Lp}).to(at::kBool).to(dev);
    KVCache cache = model.emptyCache();
    at::Tensor hidden = model.forward(tokens, positions, &cache, keyValid, nullptr, segmentTensor(model, seg, n, Lp, dev)); // [n, Lp, d]

    // Log-probabilities read from the prefix pass: the common tokens and each suffix's first.
    std::vector<std::int64_t> rowsIdx, colsIdx, ids;
    std::vector<std::pair<std::size_t, std::size_t>> owner; // (query, candidate) or (query, npos) for common
    for (std::int64_t i = 0; i < n; ++i) {
        const auto& q = queries[q0 + std::size_t(i)];
        const std::int64_t pad = Lp - std::int64_t(prefixLen[std::size_t(i)]);
        for (std::size_t k = 0; k < common[std::size_t(i)]; ++k) {
            rowsIdx.push_back(i);
            colsIdx.push_back(pad + std::int64_t(q.prompt.size() + k) - 1);
            ids.push_back(q.candidates[0][k]);
            owner.push_back({std::size_t(i), SIZE_MAX});
        }
        for (std::size_t c = 0; c < q.candidates.size(); ++c) {
            rowsIdx.push_back(i);
            colsIdx.push_back(Lp - 1);
            ids.push_back(q.candidates[c][common[std::size_t(i)]]);
            owner.push_back({std::size_t(i), c});
        }
    }
    for (std::int64_t i = 0; i < n; ++i) out[q0 + std::size_t(i)].assign(queries[q0 + std::size_t(i)].candidates.size(), 0.0);
    if (!ids.empty()) {
        at::Tensor lp = logProbsAt(model, hidden, rowsIdx, colsIdx, ids);
        const double* p = lp.data_ptr<double>();
        for (std::size_t r = 0; r < owner.size(); ++r) {
            auto& scores = out[q0 + owner[r].first];
            if (owner[r].second == SIZE_MAX) for (double& s : scores) s += p[r]; // shared by all candidates
            else scores[owner[r].second] += p[r];
        }
    }

    // Suffix pass: candidates with more than one suffix token continue from a cache copy.
    std::vector<std::int64_t> srcRow;
    std::vector<std::pair<std::size_t, std::size_t>> suffixOwner;
    std::int64_t Ls = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        const auto& q = queries[q0 + std::size_t(i)];
        for (std::size_t c = 0; c < q.candidates.size(); ++c) {
            const std::int64_t m = std::int64_t(q.candidates[c].size() - common[std::size_t(i)]);
            if (m < 2) continue;
            srcRow.push_back(i);
            suffixOwner.push_back({std::size_t(i), c});
            Ls = std::max(Ls, m - 1);
        }
    }
    if (srcRow.empty()) return;
    const std::int64_t R = std::int64_t(srcRow.size());
    std::vector<std::int64_t> stok(std::size_t(R * Ls), Tokenizer::kPad), spos(std::size_t(R * Ls), 0), svalid(std::size_t(R * Ls), 0);
    std::vector<std::int64_t> tRows, tCols, tIds;
    std::vector<std::size_t> tOwner;
    for (std::int64_t r = 0; r < R; ++r) {
        const auto [qi, c] = suffixOwner[std::size_t(r)];
        const auto& cand = queries[q0 + qi].candidates[c];
        const std::size_t start = common[qi];
        const std::int64_t m = std::int64_t(cand.size() - start);
        for (std::int64_t t = 0; t < m - 1; ++t) {
            stok[std::size_t(r * Ls + t)] = cand[start + std::size_t(t)];
            spos[std::size_t(r * Ls + t)] = std::int64_t(prefixLen[qi]) + t;
            svalid[std::size_t(r * Ls + t)] = 1;
            tRows.push_back(r);
            tCols.push_back(t);
            tIds.push_back(cand[start + std::size_t(t) + 1]);
            tOwner.push_back(std::size_t(r));
        }
    }
    at::Tensor rowIndex = at::tensor(srcRow, longOn(at::kCPU)).to(dev);
    KVCache expanded = cache.select(rowIndex);
    at::Tensor sValid = at::tensor(svalid, longOn(at::kCPU)).view({R, Ls}).to(at::kBool).to(dev);
    at::Tensor fullValid = at::cat({expanded.keyValid, sValid}, 1);
    at::Tensor h2 = model.forward(at::tensor(stok, longOn(at::kCPU)).view({R, Ls}).to(dev),
                                  at::tensor(spos, longOn(at::kCPU)).view({R, Ls}).to(dev), &expanded, fullValid, nullptr,
                                  segmentTensor(model, std::vector<std::int64_t>(std::size_t(R * Ls), kSegmentTail), R, Ls, dev));
    at::Tensor lp = logProbsAt(model, h2, tRows, tCols, tIds);
    const double* p = lp.data_ptr<double>();
    for (std::size_t k = 0; k < tOwner.size(); ++k) {
        const auto [qi, c] = suffixOwner[tOwner[k]];
        out[q0 + qi][c] += p[k];
    }
}

// kCpuBatchTokens (config.h): 32 bias-probe prompts of 384 tokens per batch took 53-67 s for 240
// comparisons, batches of at most 1,024 prompt tokens 12.5 s (512: 15.1 s, 2,048: 13.2 s), and the
// evaluation set's shorter prompts 4.8 s instead of 5.9 s (tiny preset, two streams, 2026-11-29).

// Consecutive queries in batches [first, second) of at most `maxRows` queries and, beyond the first
// query of a batch, at most `maxTokens` padded prompt tokens (rows x the longest prompt).
std::vector<std::pair<std::size_t, std::size_t>> planBatches(const std::vector<JudgeQuery>& queries, int maxRows,
                                                             std::size_t maxTokens) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    const std::size_t rows = std::size_t(std::max(1, maxRows));
    for (std::size_t q0 = 0; q0 < queries.size();) {
        std::size_t q1 = q0 + 1, longest = queries[q0].prompt.size();
        while (q1 < queries.size() && q1 - q0 < rows) {
            const std::size_t l = std::max(longest, queries[q1].prompt.size());
            if ((q1 - q0 + 1) * l > maxTokens) break;
            longest = l;
            ++q1;
        }
        out.push_back({q0, q1});
        q0 = q1;
    }
    return out;
}

} // namespace

std::vector<std::vector<double>> scoreCandidates(TransformerImpl& model, const std::vector<JudgeQuery>& queries, int maxRows,
                                                 int streams) {
    EvalScope scope(model);
    std::vector<std::vector<double>> out(queries.size());
    const bool cpu = deviceOf(model).is_cpu();
    const auto batches = planBatches(queries, maxRows, cpu ? kCpuBatchTokens : SIZE_MAX);
    forEachConcurrently(batches.size(), cpu ? streams : 1, [&](std::size_t b) {
        scoreBatch(model, queries, batches[b].first, batches[b].second, out);
    });
    return out;
}

std::vector<std::vector<double>> scoreCandidatesReference(TransformerImpl& model, const std::vector<JudgeQuery>& queries) {
    EvalScope scope(model);
    const at::Device dev = deviceOf(model);
    std::vector<std::vector<double>> out;
    for (const auto& q : queries) {
        std::vector<double> scores;
        const auto* qseg = promptSegmentsOf(model, q.segments, q.prompt.size());
        for (const auto& cand : q.candidates) {
            std::vector<std::int64_t> seq(q.prompt.begin(), q.prompt.end());
            seq.insert(seq.end(), cand.begin(), cand.end());
            const std::int64_t L = std::int64_t(seq.size());
            std::vector<std::int64_t> seg(std::size_t(L), kSegmentTail);
            if (qseg) std::copy(qseg->begin(), qseg->end(), seg.begin());
            at::Tensor t = at::tensor(seq, longOn(at::kCPU)).view({1, L}).to(dev);
            at::Tensor h = model.forward(t, {}, nullptr, {}, nullptr, segmentTensor(model, seg, 1, L, dev));
            at::Tensor lp = at::log_softmax(model.logits(h).to(at::kFloat), -1)[0].to(at::kCPU).to(at::kDouble);
            double s = 0;
            for (std::size_t k = 0; k < cand.size(); ++k) {
                const std::int64_t position = std::int64_t(q.prompt.size() + k) - 1;
                s += lp[position][cand[k]].item<double>();
            }
            scores.push_back(s);
        }
        out.push_back(std::move(scores));
    }
    return out;
}

std::vector<std::vector<std::int32_t>> greedyDecode(TransformerImpl& model, const std::vector<std::vector<std::int32_t>>& prompts,
                                                    int maxNew, int maxRows,
                                                    const std::vector<std::vector<std::uint8_t>>* promptSegments) {
    EvalScope scope(model);
    const at::Device dev = deviceOf(model);
    const std::int64_t maxSeq = model.config().maxSeq;
    std::vector<std::vector<std::int32_t>> out(prompts.size());
    for (std::size_t q0 = 0; q0 < prompts.size(); q0 += std::size_t(std::max(1, maxRows))) {
        const std::size_t q1 = std::min(prompts.size(), q0 + std::size_t(std::max(1, maxRows)));
        const std::int64_t n = std::int64_t(q1 - q0);
        std::int64_t Lp = 1;
        for (std::size_t i = q0; i < q1; ++i) Lp = std::max<std::int64_t>(Lp, std::int64_t(prompts[i].size()));
        std::vector<std::int64_t> tok(std::size_t(n * Lp), Tokenizer::kPad), pos(std::size_t(n * Lp), 0), valid(std::size_t(n * Lp), 0);
        std::vector<std::int64_t> seg(std::size_t(n * Lp), kSegmentHeader);
        std::vector<std::int64_t> length(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) {
            const auto& p = prompts[q0 + std::size_t(i)];
            static const std::vector<std::uint8_t> kNone;
            const auto* pseg = promptSegmentsOf(model, promptSegments ? (*promptSegments)[q0 + std::size_t(i)] : kNone, p.size());
            const std::int64_t pad = Lp - std::int64_t(p.size());
            for (std::size_t k = 0; k < p.size(); ++k) {
                tok[std::size_t(i * Lp + pad) + k] = p[k];
                pos[std::size_t(i * Lp + pad) + k] = std::int64_t(k);
                valid[std::size_t(i * Lp + pad) + k] = 1;
                if (pseg) seg[std::size_t(i * Lp + pad) + k] = (*pseg)[k];
            }
            length[std::size_t(i)] = std::int64_t(p.size());
        }
        KVCache cache = model.emptyCache();
        at::Tensor keyValid = at::tensor(valid, longOn(at::kCPU)).view({n, Lp}).to(at::kBool).to(dev);
        at::Tensor h = model.forward(at::tensor(tok, longOn(at::kCPU)).view({n, Lp}).to(dev),
                                     at::tensor(pos, longOn(at::kCPU)).view({n, Lp}).to(dev), &cache, keyValid, nullptr,
                                     segmentTensor(model, seg, n, Lp, dev));
        at::Tensor next = model.logits(h.select(1, Lp - 1)).argmax(-1).to(at::kCPU);
        std::vector<bool> done(static_cast<std::size_t>(n), false);
        for (int step = 0; step < maxNew; ++step) {
            bool all = true;
            std::vector<std::int64_t> feed(static_cast<std::size_t>(n)), feedPos(static_cast<std::size_t>(n));
            for (std::int64_t i = 0; i < n; ++i) {
                const std::int32_t t = std::int32_t(next[i].item<std::int64_t>());
                if (!done[std::size_t(i)]) {
                    if (t == Tokenizer::kEos || length[std::size_t(i)] >= maxSeq) done[std::size_t(i)] = true;
                    else out[q0 + std::size_t(i)].push_back(t);
                }
                all = all && done[std::size_t(i)];
                feed[std::size_t(i)] = t;
                feedPos[std::size_t(i)] = std::min(length[std::size_t(i)], maxSeq - 1);
                ++length[std::size_t(i)];
            }
            if (all || step + 1 == maxNew) break;
            at::Tensor fv = at::cat({cache.keyValid, at::ones({n, 1}, at::TensorOptions().dtype(at::kBool).device(dev))}, 1);
            h = model.forward(at::tensor(feed, longOn(at::kCPU)).view({n, 1}).to(dev),
                              at::tensor(feedPos, longOn(at::kCPU)).view({n, 1}).to(dev), &cache, fv, nullptr,
                              segmentTensor(model, std::vector<std::int64_t>(std::size_t(n), kSegmentTail), n, 1, dev));
            next = model.logits(h.select(1, 0)).argmax(-1).to(at::kCPU);
        }
    }
    return out;
}

std::vector<std::size_t> shardIndices(std::size_t count, int shard, int shards) {
    std::vector<std::size_t> out;
    for (std::size_t i = std::size_t(std::max(0, shard)); i < count; i += std::size_t(std::max(1, shards))) out.push_back(i);
    return out;
}

TargetLossSum targetLossSum(TransformerImpl& model, const std::vector<std::vector<std::int32_t>>& sequences,
                            const std::vector<std::size_t>& targetStarts, int maxRows,
                            const std::vector<std::vector<std::uint8_t>>* segments, int shard, int shards) {
    TORCH_CHECK(!model.hasSegments() || segments, "this network has a segment embedding: the sequences need segment ids");
    EvalScope scope(model);
    const at::Device dev = deviceOf(model);
    const std::vector<std::size_t> mine = shardIndices(sequences.size(), shard, shards);
    TargetLossSum sum;
    const std::size_t rows = std::size_t(std::max(1, maxRows));
    for (std::size_t s0 = 0; s0 < mine.size(); s0 += rows) {
        std::vector<FittedSequence> part;
        for (std::size_t k = s0; k < std::min(mine.size(), s0 + rows); ++k) {
            const std::size_t i = mine[k];
            part.push_back({sequences[i], targetStarts[i], segments ? (*segments)[i] : std::vector<std::uint8_t>()});
        }
        HostBatch b = makeBatch(part, std::vector<std::uint64_t>(part.size(), 0));
        at::Tensor in = at::tensor(b.inputs, longOn(at::kCPU)).view({b.rows, b.length}).to(dev);
        at::Tensor lab = at::tensor(b.labels, longOn(at::kCPU)).view({b.rows, b.length}).to(dev);
        auto [loss, n] = model.lossSum(in, lab, nullptr, segmentTensor(model, b.segments, b.rows, b.length, dev));
        sum.total += loss.item<double>();
        sum.tokens += n;
    }
    return sum;
}

} // namespace flame::training
