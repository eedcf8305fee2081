#include "training/predict.h"

#include <chrono>
#include <cmath>

#include "storage/judgment_store.h"
#include "storage/run_store.h"
#include "training/data.h"
#include "training/judge.h"
#include "training/model_io.h"
#include "training/runs.h"

namespace flame::training {

Expected<PredictReport> predictJudgments(Workspace& ws, const PredictRequest& request) {
    const auto t0 = std::chrono::steady_clock::now();
    auto split = parseSplit(request.split);
    if (!split) return Error::badInput("--split must be train, dev or test");
    const int threads = configureThreads(request.threads, 1); // on CPU, one scoring stream per thread
    auto loaded = loadRunModel(ws, request.runId, request.step, request.device, request.average);
    if (!loaded) return loaded.error();
    auto tasks = runTasks(ws, loaded->config);
    if (!tasks) return tasks.error();
    PredictReport report;
    report.step = loaded->state.step;
    RunStore runs(ws);
    const Tokenizer& tok = loaded->tokenizer;
    const int maxSeq = loaded->state.model.maxSeq;
    for (const TaskDefinition* task : *tasks) {
        if (!request.task.empty() && task->key != request.task) continue;
        const auto labels = task->candidateLabels();
        if (labels.empty() || task->outputFields.size() != 1) continue; // free-text targets are not judged
        auto instructions = runInstructions(ws, request.runId, task->key);
        if (!instructions) return instructions.error();
        std::vector<std::vector<std::int32_t>> candidates;
        int reserve = 0;
        for (const auto& label : labels) {
            candidates.emplace_back();
            tok.encodeAppend(targetText({{task->primaryField(), label}}), candidates.back());
            candidates.back().push_back(Tokenizer::kEos);
            reserve = std::max(reserve, int(candidates.back().size()));
        }
        std::vector<Judgment> rows;
        JudgmentCursor cursor(ws, ws.taskId(task->key), *split);
        Judgment j;
        while (request.limitPerTask <= 0 || std::int64_t(rows.size()) < request.limitPerTask) {
            auto more = cursor.next(j);
            if (!more) return more.error();
            if (!*more) break;
            rows.push_back(j);
        }
        if (rows.empty()) continue;
        std::vector<JudgeQuery> queries;
        for (const auto& r : rows) {
            JudgeQuery q;
            q.prompt = fitPrompt(tokenizeInput(tok, *instructions, r.context), maxSeq, reserve, &q.segments);
            q.candidates = candidates;
            queries.push_back(std::move(q));
        }
        auto scores = scoreCandidates(*loaded->model, queries, kJudgeRows, threads);
        std::vector<PredictionRow> stored;
        auto& tally = report.perTask[task->key];
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& s = scores[i];
            std::size_t best = 0;
            for (std::size_t c = 1; c < s.size(); ++c)
                if (s[c] > s[best]) best = c;
            double norm = 0;
            for (double x : s) norm += std::exp(x - s[best]);
            const bool agrees = labels[best] == rows[i].label();
            stored.push_back({rows[i].id, labels[best], 1.0 / norm, agrees});
            tally.first += agrees ? 1 : 0;
            ++tally.second;
        }
        report.judged += std::int64_t(rows.size());
        report.agree += tally.first;
        if (request.store && request.average == 1 && !ws.readOnly())
            if (auto st = runs.addPredictions(request.runId, report.step, stored); !st) return st.error();
    }
    if (report.judged == 0) return Error::badInput("no judgments to predict in split '" + request.split + "'");
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return report;
}

} // namespace flame::training
