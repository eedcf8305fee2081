#include "training/evaluation.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "storage/run_store.h"
#include "training/data.h"
#include "training/judge.h"
#include "training/model_io.h"
#include "training/tokenizer.h"

namespace flame::training {

Expected<std::vector<EvalRow>> loadEvalSet(Workspace& ws, const std::string& set, std::int64_t limit) {
    auto st = ws.db().prepare("SELECT id, subset, prompt, chosen, rejected FROM eval_examples WHERE set_name = ? ORDER BY id");
    if (!st) return st.error();
    st->bind(1, set);
    std::vector<EvalRow> all;
    for (;;) {
        auto step = st->step();
        if (step == db::Statement::Step::Done) break;
        if (step == db::Statement::Step::Error) return ws.db().error("reading the evaluation set");
        all.push_back({st->int64(0), st->string(1), st->string(2), st->string(3), st->string(4)});
    }
    if (all.empty())
        return Error::badInput("the workspace has no evaluation set '" + set +
                               "' (the sample corpus writes 'sample' and 'sample-dev'; import a RewardBench file for 'rewardbench')");
    return stratifiedRows(std::move(all), limit);
}

std::vector<EvalRow> stratifiedRows(std::vector<EvalRow> all, std::int64_t limit) {
    if (limit <= 0 || limit >= std::int64_t(all.size())) return all;
    std::map<std::string, std::int64_t> perSubset;
    for (const auto& r : all) ++perSubset[r.subset];
    std::map<std::string, std::int64_t> keep;
    for (const auto& [name, n] : perSubset)
        keep[name] = std::max<std::int64_t>(1, std::llround(double(n) * double(limit) / double(all.size())));
    std::vector<EvalRow> out;
    for (auto& r : all)
        if (keep[r.subset]-- > 0) out.push_back(std::move(r));
    return out;
}

void finishOutcome(EvalOutcome& outcome) {
    outcome.scores = rewardbench::computeScores(outcome.tallies);
    outcome.verdictScores = rewardbench::computeScores(outcome.verdictTallies.empty() ? outcome.tallies : outcome.verdictTallies);
    for (rewardbench::Category c : rewardbench::kCategories)
        outcome.categories[tailpatch::index(c)] = rewardbench::categoryScore(c, outcome.scores.subsets);
}

std::vector<PairLogProbs> judgeShard(TransformerImpl& model, const Tokenizer& tok, const Instructions& instructions,
                                     const std::vector<EvalRow>& rows, int maxSeq, int shard, int shards, int maxRows,
                                     int streams) {
    std::vector<std::int32_t> candA, candB;
    tok.encodeAppend(targetText({{"choice", "A"}}), candA);
    tok.encodeAppend(targetText({{"choice", "B"}}), candB);
    candA.push_back(Tokenizer::kEos);
    candB.push_back(Tokenizer::kEos);
    const int reserve = int(std::max(candA.size(), candB.size()));
    const std::vector<std::size_t> mine = shardIndices(rows.size(), shard, shards);
    std::vector<JudgeQuery> queries;
    queries.reserve(mine.size() * 2);
    for (std::size_t i : mine) {
        const EvalRow& r = rows[i];
        for (int order = 0; order < 2; ++order) {
            const std::string& a = order == 0 ? r.chosen : r.rejected;
            const std::string& b = order == 0 ? r.rejected : r.chosen;
            Fields context = {{"prompt", r.prompt}, {"response_a", a}, {"response_b", b}};
            JudgeQuery q;
            q.prompt = fitPrompt(tokenizeInput(tok, instructions, context), maxSeq, reserve, &q.segments);
            q.candidates = {candA, candB};
            queries.push_back(std::move(q));
        }
    }
    auto scores = scoreCandidates(model, queries, maxRows, streams);
    std::vector<PairLogProbs> out(rows.size(), PairLogProbs{0, 0, 0, 0});
    for (std::size_t k = 0; k < mine.size(); ++k)
        out[mine[k]] = {scores[2 * k][0], scores[2 * k][1], scores[2 * k + 1][0], scores[2 * k + 1][1]};
    return out;
}

EvalOutcome outcomeFromLogProbs(const std::vector<EvalRow>& rows, const std::vector<PairLogProbs>& logProbs) {
    EvalOutcome out;
    rewardbench::CategoryLengthSplits splits;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        PairJudgment j;
        j.firstA = logProbs[i][0];
        j.firstB = logProbs[i][1];
        j.secondA = logProbs[i][2];
        j.secondB = logProbs[i][3];
        j.result = rewardbench::orderResult(j.margin(), 0.0);
        j.verdictResult = rewardbench::bothOrdersResult(rewardbench::orderResult(j.firstA, j.firstB),
                                                        rewardbench::orderResult(j.secondB, j.secondA));
        out.tallies[rows[i].subset].add(j.result);
        out.verdictTallies[rows[i].subset].add(j.verdictResult);
        out.judgments.push_back(j);
        rewardbench::addToCategoryLengthSplits(splits, rows[i].subset, j.result, rows[i].chosen.size(),
                                               rows[i].rejected.size());
    }
    finishOutcome(out);
    for (std::size_t c = 0; c < tailpatch::kCategoryCount; ++c)
        out.lengthControlledCategories[c] = splits[c].balanced().value_or(out.categories[c]);
    return out;
}

EvalOutcome judgePairs(TransformerImpl& model, const Tokenizer& tok, const Instructions& instructions,
                       const std::vector<EvalRow>& rows, int maxSeq, int maxRows, int streams) {
    const auto t0 = std::chrono::steady_clock::now();
    EvalOutcome out = outcomeFromLogProbs(rows, judgeShard(model, tok, instructions, rows, maxSeq, 0, 1, maxRows, streams));
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return out;
}

EvalOutcome baselineOutcome(rewardbench::Baseline baseline, const std::vector<EvalRow>& rows, std::uint64_t seed) {
    EvalOutcome out;
    for (const auto& r : rows) {
        PairJudgment j;
        j.result = rewardbench::baselineResult(baseline, r.chosen.size(), r.rejected.size(), seed, std::uint64_t(r.id));
        out.tallies[r.subset].add(j.result);
        out.judgments.push_back(j);
    }
    finishOutcome(out);
    return out;
}

std::vector<SubsetRow> subsetRows(const EvalOutcome& outcome) {
    std::vector<SubsetRow> out;
    for (const auto& [name, t] : outcome.tallies) out.push_back({name, t.accuracy(), t.count});
    return out;
}

Expected<EvalReport> evaluateRun(Workspace& ws, const EvalRequest& request) {
    const int threads = configureThreads(request.threads, 1); // on CPU, one batch stream per thread
    auto loaded = loadRunModel(ws, request.runId, request.step, request.device, request.average);
    if (!loaded) return loaded.error();
    auto rows = loadEvalSet(ws, request.set, request.limit);
    if (!rows) return rows.error();
    auto instructions = runInstructions(ws, request.runId, "rewardbench-pairwise");
    if (!instructions) return instructions.error();
    EvalReport report;
    report.set = request.set;
    report.step = loaded->state.step;
    report.averagedSteps = loaded->averagedSteps;
    report.examples = std::int64_t(rows->size());
    report.model = judgePairs(*loaded->model, loaded->tokenizer, *instructions, *rows, loaded->state.model.maxSeq, kJudgeRows, threads);
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const EvalRow& r = (*rows)[i];
        report.rows.push_back({r.id, r.subset, r.chosen.size(), r.rejected.size()});
        rewardbench::addToLengthSplits(report.lengthSplits, r.subset, report.model.judgments[i].result, r.chosen.size(),
                                       r.rejected.size());
    }
    for (auto b : {rewardbench::Baseline::Random, rewardbench::Baseline::AlwaysLonger, rewardbench::Baseline::AlwaysFirst})
        report.baselines.emplace_back(b, baselineOutcome(b, *rows, loaded->config.seed));
    if (request.store && request.average == 1 && !ws.readOnly()) { // an average is no checkpoint of the run
        RunStore runs(ws);
        std::vector<EvalResultRow> stored;
        for (const auto& r : subsetRows(report.model)) stored.push_back({r.subset, r.accuracy, r.examples});
        if (auto s = runs.addEvalResults(request.runId, report.step, request.set, stored); !s) return s.error();
    }
    return report;
}

} // namespace flame::training
