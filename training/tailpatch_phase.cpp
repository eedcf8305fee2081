// FLAMe-Opt-RM's tail-patch phase (paper section 4.3): from a partially trained FLAMe checkpoint,
// fine-tune on each task (or group of tasks) alone, measure every RewardBench category on the
// development set half-way and at the end, then rate, bundle and weigh (model/tailpatch.h).
// Measurements are stored after every group (run document "tailpatch" and tailpatch_results), so
// a stopped run resumes with the next unmeasured group.
#include <algorithm>
#include <unordered_set>

#include "model/hash.h"
#include "model/sample/corpus.h"
#include "training/checkpoint.h"
#include "training/model_io.h"
#include "training/worker_internal.h"

namespace flame::training {

namespace {

using Categories = std::array<double, tailpatch::kCategoryCount>;

json::Value toJson(const Categories& c) {
    json::Object o;
    for (rewardbench::Category cat : rewardbench::kCategories)
        o.emplace_back(rewardbench::toString(cat), json::Value(c[tailpatch::index(cat)]));
    return json::Value(std::move(o));
}

std::optional<Categories> categoriesFromJson(const json::Value* v) {
    if (!v || !v->isObject()) return std::nullopt;
    Categories c{};
    for (rewardbench::Category cat : rewardbench::kCategories) {
        const json::Value* x = v->find(rewardbench::toString(cat));
        if (!x || !x->isNumber()) return std::nullopt;
        c[tailpatch::index(cat)] = x->asDouble();
    }
    return c;
}

// The development rows without the pairs that also occur in the evaluation set (a workspace made
// before the sample writer drew its development set disjoint has 75 such pairs in 270), and how
// many were left out. Without an evaluation set there is nothing to leave out.
Expected<std::pair<std::vector<EvalRow>, std::int64_t>> withoutEvaluationPairs(Workspace& ws, std::vector<EvalRow> dev,
                                                                                const std::string& evalSet) {
    auto evaluation = loadEvalSet(ws, evalSet);
    if (!evaluation) return std::pair{std::move(dev), std::int64_t(0)};
    auto key = [](const EvalRow& r) { return sample::pairIdentity(r.prompt, r.chosen, r.rejected); };
    std::unordered_set<std::string> inEvaluation;
    for (const auto& r : *evaluation) inEvaluation.insert(key(r));
    const std::size_t before = dev.size();
    dev.erase(std::remove_if(dev.begin(), dev.end(), [&](const EvalRow& r) { return inEvaluation.count(key(r)) > 0; }),
              dev.end());
    if (dev.empty())
        return Error::badInput("every pair of the development set is also in the evaluation set '" + evalSet + "'");
    return std::pair{std::move(dev), std::int64_t(before - dev.size())};
}

struct GroupResult {
    std::vector<std::string> tasks;
    std::optional<Categories> mid;
    Categories patched{};
};

json::Value planToJson(const tailpatch::Plan& plan, const Categories& base) {
    json::Object o;
    auto list = [](const std::vector<std::string>& v) {
        json::Array a;
        for (const auto& s : v) a.emplace_back(s);
        return json::Value(std::move(a));
    };
    o.emplace_back("base", toJson(base));
    o.emplace_back("general", list(plan.general));
    json::Object specific, top;
    for (rewardbench::Category c : rewardbench::kCategories) {
        specific.emplace_back(rewardbench::toString(c), list(plan.specific[tailpatch::index(c)]));
        top.emplace_back(rewardbench::toString(c), list(plan.top[tailpatch::index(c)]));
    }
    o.emplace_back("specific", json::Value(std::move(specific)));
    o.emplace_back("top", json::Value(std::move(top)));
    o.emplace_back("others", list(plan.others));
    json::Object weights;
    for (const auto& [k, w] : plan.weights) weights.emplace_back(k, json::Value(w));
    o.emplace_back("weights", json::Value(std::move(weights)));
    json::Array effects;
    for (const auto& e : plan.effects) {
        json::Object eo;
        eo.emplace_back("task", json::Value(e.key));
        json::Object ratings;
        for (rewardbench::Category c : rewardbench::kCategories)
            ratings.emplace_back(rewardbench::toString(c), json::Value(e.ratings[tailpatch::index(c)]));
        eo.emplace_back("ratings", json::Value(std::move(ratings)));
        eo.emplace_back("total", json::Value(e.total()));
        effects.emplace_back(std::move(eo));
    }
    o.emplace_back("effects", json::Value(std::move(effects)));
    return json::Value(std::move(o));
}

} // namespace

Expected<std::map<std::string, double>> runTailpatchPhase(WorkerContext& ctx) {
    const TrainConfig& cfg = ctx.config;
    const TailpatchConfig& tp = cfg.tailpatch;
    // A finished phase left its plan: use it (every rank reads the same document).
    auto planDoc = ctx.runs->document(ctx.run.id, "tailpatch_plan");
    if (!planDoc) return planDoc.error();
    if (*planDoc) {
        json::ParseError perr;
        auto v = json::parse(**planDoc, &perr);
        const json::Value* w = v ? v->find("weights") : nullptr;
        if (!w || !w->isObject()) return Error::internal("the stored tail-patch plan is damaged");
        std::map<std::string, double> weights;
        for (const auto& [k, x] : w->asObject()) weights[k] = x.asDouble();
        return weights;
    }

    // Groups to patch, and what earlier attempts already measured.
    std::vector<tailpatch::PatchGroup> groups;
    if (tp.by == "task") {
        for (const TaskDefinition* t : ctx.tasks) groups.push_back({t->key, {t->key}});
    } else {
        groups = tailpatch::groupTasks(ctx.tasks, tp.groupSize);
    }
    std::optional<Categories> base;
    std::map<std::string, GroupResult> measured;
    json::Object doc;
    if (auto d = ctx.runs->document(ctx.run.id, "tailpatch"); d && *d) {
        json::ParseError perr;
        if (auto v = json::parse(**d, &perr); v && v->isObject()) {
            base = categoriesFromJson(v->find("base"));
            if (const json::Value* g = v->find("groups"); g && g->isObject()) {
                for (const auto& [name, gv] : g->asObject()) {
                    auto patched = categoriesFromJson(gv.find("patched"));
                    if (!patched) continue;
                    GroupResult r;
                    r.patched = *patched;
                    r.mid = categoriesFromJson(gv.find("mid"));
                    if (const json::Value* ts = gv.find("tasks"); ts && ts->isArray())
                        for (const auto& t : ts->asArray()) r.tasks.push_back(t.asString());
                    measured[name] = r;
                }
            }
        }
    }

    // Every rank loads the development set: its evaluations are sharded over the ranks.
    if (tp.devSet == cfg.evalSet)
        return Error::badInput("tail-patching must not be measured on the evaluation set '" + cfg.evalSet + "'");
    auto loadedDev = loadEvalSet(*ctx.ws, tp.devSet);
    if (!loadedDev) return loadedDev.error();
    auto disjoint = withoutEvaluationPairs(*ctx.ws, std::move(*loadedDev), cfg.evalSet);
    if (!disjoint) return disjoint.error();
    const std::vector<EvalRow> devRows = stratifiedRows(std::move(disjoint->first), tp.devLimit);
    const std::int64_t devDropped = disjoint->second;
    auto parent = findCheckpoint(*ctx.ws, cfg.fromRun, cfg.fromStep);
    if (!parent) return parent.error();
    if (auto s = readCheckpoint(parent->second); !s) return s.error();
    torch::manual_seed(cfg.seed);
    Transformer model(cfg.model);
    if (auto s = loadCheckpointWeights(parent->second, *model); !s) return s.error();
    model->to(at::Device(ctx.device));
    const std::vector<char> baseWeights = stateDictBytes(*model);

    auto saveDoc = [&]() -> Status {
        json::Object d;
        d.emplace_back("base", toJson(*base));
        d.emplace_back("measure", json::Value(tp.measure));
        d.emplace_back("from_run", json::Value(cfg.fromRun));
        d.emplace_back("from_step", json::Value(cfg.fromStep));
        json::Object g;
        for (const auto& [name, r] : measured) {
            json::Object go;
            json::Array ts;
            for (const auto& t : r.tasks) ts.emplace_back(t);
            go.emplace_back("tasks", json::Value(std::move(ts)));
            if (r.mid) go.emplace_back("mid", toJson(*r.mid));
            go.emplace_back("patched", toJson(r.patched));
            g.emplace_back(name, json::Value(std::move(go)));
        }
        d.emplace_back("groups", json::Value(std::move(g)));
        return ctx.runs->setDocument(ctx.run.id, "tailpatch", json::serialize(json::Value(std::move(d))));
    };
    // The categories the ratings compare (TailpatchConfig::measure).
    const bool lengthControlled = tp.measure == "length-controlled";
    auto measure = [&]() -> Categories {
        EvalOutcome o = evaluateRows(ctx, *model, devRows);
        return lengthControlled ? o.lengthControlledCategories : o.categories;
    };
    if (!base) { // every rank read the same stored document, so all of them agree on this
        base = measure();
        if (ctx.primary)
            if (auto s = saveDoc(); !s) return s.error();
    }

    std::int64_t patchExamples = 0;
    for (const auto& group : groups) {
        if (measured.count(group.name)) continue;
        if (ctx.stopRequested()) return Error::cancelled();
        if (auto s = loadStateDictBytes(baseWeights, *model, "base checkpoint"); !s) return s.error();
        OptimConfig oc = cfg.optim;
        oc.lr = tp.lr;
        oc.warmup = std::min(5, std::max(1, tp.steps / 4));
        oc.minLrRatio = 1.0; // constant after warm-up: short fine-tunes
        auto optimizer = makeOptimizer(*model, oc);
        std::vector<const TaskDefinition*> tasks;
        std::vector<const TaskTokens*> tokens;
        for (std::size_t i = 0; i < ctx.tasks.size(); ++i)
            if (std::find(group.keys.begin(), group.keys.end(), ctx.tasks[i]->key) != group.keys.end()) {
                tasks.push_back(ctx.tasks[i]);
                tokens.push_back(&ctx.tokens[i]);
            }
        auto rates = runRates(ctx, tasks, tokens, MixtureKind::Proportional, {});
        if (!rates) continue; // no training examples in this group: nothing to patch
        std::vector<std::size_t> sizes;
        for (const auto* t : tokens) sizes.push_back(t->size());
        MixtureSampler sampler(sizes, *rates, cfg.seed ^ murmur3_128(group.name).low);
        LoopOptions lo;
        lo.firstStep = 1;
        lo.lastStep = tp.steps;
        lo.totalSteps = tp.steps;
        lo.batch = tp.batch;
        lo.rank = ctx.rank;
        lo.world = ctx.world;
        lo.microBatch = microBatchFor(0, tp.batch / ctx.world, cfg.model.maxSeq, ctx.device);
        lo.optim = oc;
        lo.dropout = cfg.model.dropout;
        lo.seed = cfg.seed;
        lo.maxSeq = cfg.model.maxSeq;
        lo.maxTarget = cfg.maxTarget;
        lo.contextLoss = cfg.contextLoss;
        lo.evalEvery = tp.mid && tp.steps >= 2 ? tp.steps / 2 : 0;
        lo.checkpointAtEnd = false;
        lo.bf16 = ctx.device != "cpu";
        lo.phase = "tailpatch:" + group.name;
        if (ctx.world > 1 && tp.batch % ctx.world != 0)
            return Error::badInput("the tail-patch batch must be divisible by the number of ranks");
        GroupResult result;
        result.tasks = group.keys;
        LoopHooks hooks;
        hooks.collective = ctx.collective.get();
        hooks.stopRequested = [&](std::int64_t) { return ctx.stopRequested(); }; // --stop-after counts main steps only
        hooks.evaluate = [&](std::int64_t step, std::int64_t) -> Status { // all ranks: sharded
            Categories c = measure();
            if (step < tp.steps) result.mid = c;
            else result.patched = c;
            return {};
        };
        auto end = runLoop(*model, *optimizer, tokens, std::move(sampler), lo, hooks);
        if (!end) return end.error();
        if (*end == LoopEnd::Stopped) return Error::cancelled();
        patchExamples += std::int64_t(tp.steps) * tp.batch;
        if (!ctx.primary) continue;
        measured[group.name] = result;
        if (auto s = saveDoc(); !s) return s.error();
        std::vector<TailpatchRow> rows;
        for (const auto& key : group.keys)
            for (rewardbench::Category c : rewardbench::kCategories) {
                tailpatch::Measurement m{(*base)[tailpatch::index(c)], result.patched[tailpatch::index(c)],
                                         result.mid ? std::optional<double>((*result.mid)[tailpatch::index(c)]) : std::nullopt};
                rows.push_back({key, rewardbench::toString(c), m.base, m.patched, tailpatch::rate(m, tp.rating)});
            }
        if (auto s = ctx.runs->addTailpatchResults(ctx.run.id, rows); !s) return s.error();
        json::Object e;
        e.emplace_back("event", json::Value("tailpatch"));
        e.emplace_back("group", json::Value(group.name));
        json::Array ts;
        for (const auto& t : group.keys) ts.emplace_back(t);
        e.emplace_back("tasks", json::Value(std::move(ts)));
        e.emplace_back("base", toJson(*base));
        if (result.mid) e.emplace_back("mid", toJson(*result.mid));
        e.emplace_back("patched", toJson(result.patched));
        e.emplace_back("done", json::Value(std::int64_t(measured.size())));
        e.emplace_back("groups", json::Value(std::int64_t(groups.size())));
        ctx.emit(std::move(e));
    }

    // Rank 0 plans; the weights reach every rank through one all-reduce.
    std::vector<double> weightVector(ctx.tasks.size(), 0.0);
    if (ctx.primary) {
        std::vector<tailpatch::TaskEffect> effects;
        for (const TaskDefinition* t : ctx.tasks) {
            for (const auto& [name, r] : measured) {
                if (std::find(r.tasks.begin(), r.tasks.end(), t->key) == r.tasks.end()) continue;
                tailpatch::TaskEffect e;
                e.key = t->key;
                for (std::size_t c = 0; c < tailpatch::kCategoryCount; ++c)
                    e.measurements[c] = {(*base)[c], r.patched[c], r.mid ? std::optional<double>((*r.mid)[c]) : std::nullopt};
                effects.push_back(std::move(e));
                break;
            }
        }
        tailpatch::Plan plan = tailpatch::planMixture(std::move(effects), tp.rating, tp.bundles, tp.weights);
        if (auto s = ctx.runs->setDocument(ctx.run.id, "tailpatch_plan", json::serialize(planToJson(plan, *base))); !s)
            return s.error();
        for (std::size_t i = 0; i < ctx.tasks.size(); ++i) {
            auto it = plan.weights.find(ctx.tasks[i]->key);
            weightVector[i] = it == plan.weights.end() ? 0.0 : it->second;
        }
        ctx.config.weights = plan.weights;
        if (auto s = ctx.runs->updateConfig(ctx.run.id, json::serialize(toJson(ctx.config))); !s) return s.error();
        if (auto s = ctx.runs->addMetrics(ctx.run.id, 0, 0, {{"tailpatch_examples", double(patchExamples)}}); !s)
            return s.error();
        json::Object e = planToJson(plan, *base).asObject();
        e.insert(e.begin(), {"event", json::Value("tailpatch_plan")});
        e.emplace_back("tailpatch_examples", json::Value(patchExamples));
        e.emplace_back("dev_pairs", json::Value(std::int64_t(devRows.size())));
        e.emplace_back("dev_pairs_in_eval_set", json::Value(devDropped)); // left out
        ctx.emit(std::move(e));
    }
    if (ctx.collective) {
        at::Tensor w = at::tensor(weightVector, at::TensorOptions().dtype(at::kDouble));
        ctx.collective->allReduceSum(w);
        for (std::size_t i = 0; i < weightVector.size(); ++i) weightVector[i] = w[std::int64_t(i)].item<double>();
    }
    std::map<std::string, double> weights;
    for (std::size_t i = 0; i < ctx.tasks.size(); ++i) weights[ctx.tasks[i]->key] = weightVector[i];
    return weights;
}

} // namespace flame::training
