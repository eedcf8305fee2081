#include "training/bias_probe.h"

#include <chrono>

#include "model/hash.h"
#include "model/random.h"
#include "storage/run_store.h"
#include "training/data.h"
#include "training/judge.h"
#include "training/model_io.h"

namespace flame::training {

namespace {

struct Item {
    std::string instruction, reference;
    std::vector<std::pair<std::string, std::string>> responses; // (system, response)
};

Expected<std::vector<Item>> loadItems(Workspace& ws, const std::string& set, int limit) {
    auto st = ws.db().prepare("SELECT id, instruction, reference FROM bias_items WHERE set_name = ? ORDER BY id");
    if (!st) return st.error();
    st->bind(1, set);
    std::vector<std::pair<std::int64_t, Item>> items;
    while (st->step() == db::Statement::Step::Row) {
        items.push_back({st->int64(0), Item{st->string(1), st->string(2), {}}});
        if (limit > 0 && int(items.size()) >= limit) break;
    }
    if (items.empty()) return Error::badInput("the workspace has no bias set '" + set + "'");
    auto rs = ws.db().prepare("SELECT system, response FROM bias_responses WHERE item_id = ? ORDER BY system");
    if (!rs) return rs.error();
    std::vector<Item> out;
    for (auto& [id, item] : items) {
        rs->bind(1, id);
        while (rs->step() == db::Statement::Step::Row) item.responses.emplace_back(rs->string(0), rs->string(1));
        rs->reset();
        if (item.responses.size() < 2) return Error::badInput("bias item " + std::to_string(id) + " has fewer than two responses");
        out.push_back(std::move(item));
    }
    return out;
}

const char* const kDistractions[] = {"likes to eat apples and oranges.", "can do a 60-second handstand.",
                                     "enjoys playing soccer and basketball.", "has been around Europe twice."};

} // namespace

Expected<BiasReport> probeBias(Workspace& ws, const BiasRequest& request) {
    const auto t0 = std::chrono::steady_clock::now();
    const int threads = configureThreads(request.threads, 1); // on CPU, one scoring stream per thread
    auto loaded = loadRunModel(ws, request.runId, request.step, request.device, request.average);
    if (!loaded) return loaded.error();
    auto items = loadItems(ws, request.set, request.instructions);
    if (!items) return items.error();
    auto instructions = runInstructions(ws, request.runId, "cobbler-pairwise");
    if (!instructions) return instructions.error();
    TransformerImpl& model = *loaded->model;
    const Tokenizer& tok = loaded->tokenizer;
    const int maxSeq = loaded->state.model.maxSeq;
    BiasReport report;
    report.step = loaded->state.step;
    report.items = std::int64_t(items->size());

    // The model's own responses (egocentric): greedy continuation of "\nresponse:" in LIMA's format.
    const std::string selfName = "flame";
    if (request.selfResponses) {
        auto lima = runInstructions(ws, request.runId, "lima");
        if (!lima) return lima.error();
        std::vector<std::vector<std::int32_t>> prompts;
        std::vector<std::vector<std::uint8_t>> segments;
        std::vector<std::int32_t> cue;
        tok.encodeAppend("\nresponse:", cue);
        for (const auto& item : *items) {
            std::vector<std::uint8_t> seg;
            auto p = fitPrompt(tokenizeInput(tok, *lima, {{"prompt", item.instruction}}), maxSeq,
                               request.maxNew + int(cue.size()) + 1, &seg);
            p.insert(p.end(), cue.begin(), cue.end());
            seg.insert(seg.end(), cue.size(), kSegmentTail); // the start of the target, as in training
            prompts.push_back(std::move(p));
            segments.push_back(std::move(seg));
        }
        auto generated = greedyDecode(model, prompts, request.maxNew, 16, &segments);
        for (std::size_t i = 0; i < items->size(); ++i) {
            std::string text = tok.decode(std::vector<int>(generated[i].begin(), generated[i].end()));
            const auto first = text.find_first_not_of(" \n");
            text = first == std::string::npos ? std::string() : text.substr(first);
            if (report.selfExample.empty() && !text.empty()) report.selfExample = text;
            (*items)[i].responses.emplace_back(selfName, text);
        }
    }

    std::vector<std::int32_t> candA, candB;
    tok.encodeAppend(targetText({{"choice", "A"}}), candA);
    tok.encodeAppend(targetText({{"choice", "B"}}), candB);
    candA.push_back(Tokenizer::kEos);
    candB.push_back(Tokenizer::kEos);
    const int reserve = int(std::max(candA.size(), candB.size()));
    const std::string star = "System Star", square = "System Square";
    std::vector<bias::Comparison> comparisons[4];
    std::vector<JudgeQuery> queries;
    auto query = [&](const Item& item, const std::string& nameA, const std::string& a, const std::string& nameB,
                     const std::string& b, const std::string& note) {
        Fields context = {{"instruction", item.instruction}, {"reference", item.reference}, {"system_a", nameA},
                          {"response_a", a},                 {"system_b", nameB},            {"response_b", b},
                          {"note", note}};
        JudgeQuery q;
        q.prompt = fitPrompt(tokenizeInput(tok, *instructions, context), maxSeq, reserve, &q.segments);
        q.candidates = {candA, candB};
        queries.push_back(std::move(q));
    };
    for (std::size_t it = 0; it < items->size(); ++it) {
        const Item& item = (*items)[it];
        const int systems = int(item.responses.size());
        Rng rng(mix64(0xD15Full ^ std::uint64_t(it)));
        for (const auto& [s0, s1] : bias::itemPairs(systems, 939, int(it))) {
            const auto& r0 = item.responses[std::size_t(s0)];
            const auto& r1 = item.responses[std::size_t(s1)];
            bias::Comparison c;
            c.item = int(it);
            c.system0 = s0;
            c.system1 = s1;
            c.length0 = r0.second.size();
            c.length1 = r1.second.size();
            c.self = r0.first == selfName ? 0 : r1.first == selfName ? 1 : -1;
            for (auto& v : comparisons) v.push_back(c);
            auto named = [&](const std::string& s) { return s == selfName ? s + " (You)" : s; };
            // order
            query(item, star, r0.second, square, r1.second, "");
            query(item, star, r1.second, square, r0.second, "");
            // compassion
            query(item, named(r0.first), r0.second, named(r1.first), r1.second, "");
            query(item, named(r1.first), r1.second, named(r0.first), r0.second, "");
            // bandwagon
            const std::string pct = std::to_string(request.bandwagonPercent) + "% of people believe that ";
            query(item, star, r0.second, square, r1.second, pct + star + " is better.");
            query(item, star, r0.second, square, r1.second, pct + square + " is better.");
            // attention
            const char* d = kDistractions[rng.below(4)];
            query(item, star, r0.second, square, r1.second, star + " " + d);
            query(item, star, r0.second, square, r1.second, square + " " + d);
        }
    }
    auto scores = scoreCandidates(model, queries, kJudgeRows, threads);
    auto pick = [&](std::size_t q) {
        const double a = scores[q][0], b = scores[q][1];
        return a > b ? bias::Pick::First : a < b ? bias::Pick::Second : bias::Pick::None;
    };
    std::size_t q = 0;
    for (std::size_t i = 0; i < comparisons[0].size(); ++i) {
        for (int m = 0; m < 4; ++m) {
            comparisons[m][i].q1 = pick(q++);
            comparisons[m][i].q2 = pick(q++);
        }
    }
    report.comparisons = std::int64_t(comparisons[0].size());
    report.order = bias::orderStats(comparisons[0]);
    report.compassion = bias::orderStats(comparisons[1]);
    report.bandwagon = bias::inducedStats(comparisons[2]);
    report.attention = bias::inducedStats(comparisons[3]);
    report.row = bias::tableRow(report.order, report.compassion, report.bandwagon, report.attention);
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (request.store && request.average == 1 && !ws.readOnly()) { // an average is no checkpoint of the run
        RunStore runs(ws);
        std::vector<std::pair<std::string, double>> values;
        const auto v = bias::values(report.row);
        for (std::size_t i = 0; i < 6; ++i) values.emplace_back(bias::kColumns[i], v[i]);
        values.emplace_back("average", report.row.average());
        values.emplace_back("order_first", report.order.firstRate());
        values.emplace_back("order_last", report.order.lastRate());
        values.emplace_back("compassion_first", report.compassion.firstRate());
        values.emplace_back("compassion_last", report.compassion.lastRate());
        values.emplace_back("long", report.order.longRate());
        values.emplace_back("retention", report.order.retention());
        values.emplace_back("valid", report.order.validRate());
        if (auto s = runs.addBiasResults(request.runId, report.step, values); !s) return s.error();
    }
    return report;
}

} // namespace flame::training
