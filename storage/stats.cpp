#include "storage/stats.h"

#include "model/json.h"
#include "model/judgment.h"
#include "storage/search_index.h"

namespace flame {

Expected<WorkspaceStats> computeStats(Workspace& ws) {
    WorkspaceStats s;
    s.tasks = ws.catalog().flameTaskCount();
    for (TaskType t : kAllTaskTypes) s.byType[toString(t)] = 0;
    for (Capability c : kAllCapabilities) s.byCapability[toString(c)] = 0;
    for (Split sp : {Split::Train, Split::Dev, Split::Test}) s.bySplit[toString(sp)] = 0;
    for (const auto& t : ws.catalog().tasks()) s.byTask[t.key] = 0;

    auto st = ws.db().prepare("SELECT task_id, split, count FROM task_stats");
    if (!st) return st.error();
    db::Statement::Step step;
    while ((step = st->step()) == db::Statement::Step::Row) {
        const TaskDefinition* t = ws.taskById(st->int64(0));
        std::int64_t n = st->int64(2);
        if (!t || n == 0) continue;
        s.judgments += n;
        s.byType[toString(t->type)] += n;
        s.byCapability[toString(t->capability)] += n;
        s.bySplit[toString(Split(st->int64(1)))] += n;
        s.byTask[t->key] += n;
        (t->aiFeedback ? s.aiJudgments : s.humanJudgments) += n;
    }
    if (step == db::Statement::Step::Error) return ws.db().error(st->errorMessage());

    auto ev = ws.db().prepare("SELECT set_name, count(*) FROM eval_examples GROUP BY set_name");
    if (!ev) return ev.error();
    while (ev->step() == db::Statement::Step::Row) {
        s.evalBySet[ev->string(0)] = ev->int64(1);
        s.evalExamples += ev->int64(1);
    }
    auto bias = ws.db().queryInt("SELECT count(*) FROM bias_items");
    if (!bias) return bias.error();
    s.biasItems = *bias;
    auto search = searchIndexState(ws);
    if (!search) return search.error();
    s.searchPending = search->pending;
    auto gen = ws.meta("generated");
    if (!gen) return gen.error();
    s.generated = *gen == "true";
    return s;
}

std::string statsToJson(const WorkspaceStats& s) {
    using json::Object;
    using json::Value;
    auto counts = [](const std::map<std::string, std::int64_t>& m) {
        Object o;
        for (const auto& [k, v] : m) o.emplace_back(k, Value(v));
        return Value(std::move(o));
    };
    Object root;
    root.emplace_back("judgments", Value(s.judgments));
    root.emplace_back("tasks", Value(std::int64_t(s.tasks)));
    root.emplace_back("generated", Value(s.generated));
    // Fixed key order for the documented maps, so the output is stable.
    auto ordered = [](const std::map<std::string, std::int64_t>& m, std::initializer_list<const char*> keys) {
        Object o;
        for (const char* k : keys) o.emplace_back(k, Value(m.count(k) ? m.at(k) : 0));
        return Value(std::move(o));
    };
    root.emplace_back("by_type", ordered(s.byType, {"pairwise", "pointwise", "classification", "open-ended"}));
    root.emplace_back("by_capability", ordered(s.byCapability, {"quality", "factuality", "safety", "coding",
                                                                "instruction-tuning", "math"}));
    root.emplace_back("by_split", ordered(s.bySplit, {"train", "dev", "test"}));
    root.emplace_back("by_task", counts(s.byTask));
    root.emplace_back("by_feedback", Value(Object{{"human", Value(s.humanJudgments)}, {"ai", Value(s.aiJudgments)}}));
    root.emplace_back("eval_examples", Value(s.evalExamples));
    root.emplace_back("eval_sets", counts(s.evalBySet));
    root.emplace_back("bias_items", Value(s.biasItems));
    root.emplace_back("search_pending", Value(s.searchPending));
    return json::serialize(Value(std::move(root)));
}

} // namespace flame
