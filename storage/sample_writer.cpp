#include "storage/sample_writer.h"

#include "model/json.h"
#include "storage/judgment_store.h"
#include "storage/pipeline.h"

namespace flame {

Expected<EvalWriter> EvalWriter::create(Workspace& ws, std::int64_t sourceId) {
    auto st = ws.db().prepare(
        "INSERT OR IGNORE INTO eval_examples(set_name, subset, prompt, chosen, rejected, chosen_model, rejected_model, "
        "external_id, source_id, content_hash) VALUES(?,?,?,?,?,?,?,?,?,?)");
    if (!st) return st.error();
    EvalWriter w;
    w.statement = std::move(st).value();
    w.sourceId = sourceId;
    w.ws = &ws;
    return w;
}

Expected<bool> EvalWriter::insert(const sample::EvalExample& e, const std::string& externalId) {
    HashBuilder h;
    h.add(e.set).add(e.subset).add(e.prompt).add(e.chosen).add(e.rejected).add(externalId);
    auto hash = h.finish().bytes();
    statement.bind(1, e.set).bind(2, e.subset).bind(3, e.prompt).bind(4, e.chosen).bind(5, e.rejected)
        .bind(6, e.chosenModel).bind(7, e.rejectedModel).bind(8, externalId).bind(9, sourceId)
        .bindBlob(10, hash.data(), hash.size());
    if (auto s = statement.run(); !s) return s.error();
    return ws->db().changes() > 0;
}

namespace {

constexpr std::int64_t kCommitEvery = 100000;
constexpr std::size_t kBatch = 2000;

} // namespace

Expected<SampleWriteResult> writeSampleCorpus(Workspace& ws, const sample::SampleOptions& options,
                                              const ProgressFn& progress) {
    if (ws.readOnly()) return Error{ErrorKind::ReadOnly, "the workspace is open read-only", ws.path(), 0};
    if (options.judgments < 0) return Error::badInput("the number of judgments must not be negative");
    SampleWriteResult result;
    auto plans = sample::planCorpus(ws.catalog(), options.judgments);
    json::Object opts{{"judgments", json::Value(options.judgments)},
                      {"seed", json::Value(std::int64_t(options.seed))},
                      {"eval_scale", json::Value(options.evalScale)}};
    auto source = ws.addSource("generated", "sample", "sample corpus (generated)", false,
                               json::serialize(json::Value(std::move(opts))));
    if (!source) return source.error();
    auto writer = JudgmentWriter::create(ws, *source);
    if (!writer) return writer.error();

    // Generation, serialisation and hashing run on the producer thread; this thread writes.
    BatchPipeline<std::vector<PreparedJudgment>> pipeline([&](const auto& push) -> std::string {
        std::vector<PreparedJudgment> batch;
        batch.reserve(kBatch);
        Judgment j;
        for (const auto& plan : plans) {
            for (std::int64_t i = 0; i < plan.count; ++i) {
                if (!sample::generateRow(plan, options.seed, i, j))
                    return "the generator cannot fill task '" + plan.task->key + "' (family '" + plan.task->sample.family + "')";
                auto prepared = prepareJudgment(ws, j);
                if (!prepared) return prepared.error().toString();
                batch.push_back(std::move(prepared).value());
                if (batch.size() == kBatch) {
                    if (!push(std::move(batch))) return {};
                    batch = {};
                    batch.reserve(kBatch);
                }
            }
        }
        if (!batch.empty()) push(std::move(batch));
        return {};
    });

    std::int64_t done = 0;
    std::vector<PreparedJudgment> batch;
    auto tx = std::make_unique<db::Transaction>(ws.db());
    if (!tx->begun()) return tx->begun().error();
    std::int64_t sinceCommit = 0;
    while (pipeline.pop(batch)) {
        for (const auto& j : batch) {
            auto r = writer->insert(j);
            if (!r) return r.error();
        }
        done += std::int64_t(batch.size());
        sinceCommit += std::int64_t(batch.size());
        if (sinceCommit >= kCommitEvery) {
            if (auto s = writer->flushStats(); !s) return s.error();
            if (auto s = tx->commit(); !s) return s.error();
            tx = std::make_unique<db::Transaction>(ws.db());
            if (!tx->begun()) return tx->begun().error();
            sinceCommit = 0;
        }
        if (progress && !progress(done, options.judgments)) {
            if (auto s = writer->flushStats(); !s) return s.error();
            if (auto s = tx->commit(); !s) return s.error();
            return Error::cancelled();
        }
    }
    if (std::string e = pipeline.error(); !e.empty()) return Error::internal(e);
    if (auto s = writer->flushStats(); !s) return s.error();

    // Held-out sets.
    auto eval = EvalWriter::create(ws, *source);
    if (!eval) return eval.error();
    // The development set is drawn disjoint from the evaluation set of the same options.
    const auto evaluation = sample::generateEvalSet("sample", options.evalScale, options.seed);
    std::vector<sample::EvalExample> rows;
    if (options.evalScale > 0) rows = evaluation;
    if (options.devScale > 0)
        for (auto& e : sample::generateDevSet("sample-dev", options.devScale, options.seed, evaluation))
            rows.push_back(std::move(e));
    for (const auto& e : rows) {
        auto r = eval->insert(e);
        if (!r) return r.error();
        result.evalExamples += *r ? 1 : 0;
    }
    auto existingBias = ws.db().queryInt("SELECT count(*) FROM bias_items WHERE set_name = 'sample'");
    if (!existingBias) return existingBias.error();
    if (*existingBias == 0 && options.biasInstructions > 0) {
        auto item = ws.db().prepare("INSERT INTO bias_items(set_name, instruction, reference) VALUES('sample', ?, ?)");
        auto resp = ws.db().prepare("INSERT INTO bias_responses(item_id, system, response) VALUES(?, ?, ?)");
        if (!item) return item.error();
        if (!resp) return resp.error();
        for (const auto& b : sample::generateBiasSet(options.biasInstructions, options.seed)) {
            item->bind(1, b.instruction).bind(2, b.reference);
            if (auto s = item->run(); !s) return s.error();
            std::int64_t id = ws.db().lastInsertId();
            for (const auto& [system, text] : b.responses) {
                resp->bind(1, id).bind(2, system).bind(3, text);
                if (auto s = resp->run(); !s) return s.error();
            }
            ++result.biasItems;
        }
    }
    if (auto s = ws.setMeta("generated", "true"); !s) return s.error();
    if (auto s = tx->commit(); !s) return s.error();
    result.inserted = writer->inserted();
    result.duplicates = writer->duplicates();
    return result;
}

} // namespace flame
