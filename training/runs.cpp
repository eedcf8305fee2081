#include "training/runs.h"

#include <algorithm>
#include <cmath>

#include "model/mixture.h"
#include "storage/instruction_store.h"
#include "storage/run_store.h"
#include "training/checkpoint.h"
#include "training/tokenizer.h"

namespace flame::training {

namespace {

std::string runDir(const Workspace& ws, std::int64_t runId) { return ws.artifactDir() + "/runs/" + std::to_string(runId); }

} // namespace

Expected<std::vector<std::pair<const TaskDefinition*, std::int64_t>>> trainCounts(Workspace& ws, bool aiFeedback) {
    auto st = ws.db().prepare("SELECT task_id, count FROM task_stats WHERE split = 0");
    if (!st) return st.error();
    std::map<std::int64_t, std::int64_t> counts;
    while (st->step() == db::Statement::Step::Row) counts[st->int64(0)] += st->int64(1);
    std::vector<std::pair<const TaskDefinition*, std::int64_t>> out;
    for (const auto& t : ws.catalog().tasks()) {
        if (t.aiFeedback && !aiFeedback) continue;
        out.emplace_back(&t, counts[ws.taskId(t.key)]);
    }
    return out;
}

Expected<std::vector<const TaskDefinition*>> runTasks(Workspace& ws, const TrainConfig& config) {
    std::vector<const TaskDefinition*> out;
    if (!config.tasks.empty()) {
        for (const auto& key : config.tasks) {
            const TaskDefinition* t = ws.catalog().find(key);
            if (!t) return Error::badInput("unknown task '" + key + "'");
            if (t->collection == Collection::Eval) return Error::badInput("task '" + key + "' is an evaluation task");
            if (t->aiFeedback && !config.aiFeedback)
                return Error::badInput("task '" + key + "' has AI-feedback labels; FLAMe trains on human labels only "
                                       "(pass --ai-feedback to include it)");
            out.push_back(t);
        }
        return out;
    }
    auto counts = trainCounts(ws, config.aiFeedback);
    if (!counts) return counts.error();
    for (const auto& [t, n] : *counts)
        if (n > 0 && (t->collection == Collection::Flame || (config.aiFeedback && t->aiFeedback))) out.push_back(t);
    if (out.empty()) return Error::badInput("the workspace has no training judgments (run `flame sample` or `flame import`)");
    return out;
}

namespace {

// The checkpoint steps of a run, or an error naming the run when it has none.
Expected<std::vector<std::pair<std::int64_t, std::string>>> requireCheckpoints(const Workspace& ws, std::int64_t run) {
    auto ckpts = listCheckpoints(runDir(ws, run));
    if (ckpts.empty()) return Error::badInput("run " + std::to_string(run) + " has no checkpoint to start from");
    return ckpts;
}

Status requireStep(const std::vector<std::pair<std::int64_t, std::string>>& ckpts, std::int64_t run, std::int64_t step) {
    for (const auto& k : ckpts)
        if (k.first == step) return {};
    return Error::badInput("run " + std::to_string(run) + " has no checkpoint at step " + std::to_string(step));
}

// A run that continues another run's network takes its architecture and tokenizer.
void adoptNetwork(TrainConfig& c, const TrainConfig& from) {
    c.model = from.model;
    c.maxTarget = from.maxTarget;
    c.preset = from.preset;
    c.tokenizer = from.tokenizer;
    c.tokenizerHash = from.tokenizerHash;
}

// The initial network (--init): FLAMe-Opt-RM trained from scratch inherits its FLAMe parent's, as
// the paper's variants all start from the same pretrained model; a FLAMe run takes the init run's
// architecture and tokenizer. The checkpoint step is fixed now, so later runs of the init run
// change nothing here.
Status resolveInit(Workspace& ws, TrainConfig& c, const TrainConfig* parent) {
    if (c.variant == "flame-opt-rm") {
        if (c.tailpatch.init == "base") {
            if (c.initRun > 0) return Error::badInput("--init and --opt-init base both name FLAMe-Opt-RM's starting network");
            return {};
        }
        if (c.initRun <= 0 && parent) {
            c.initRun = parent->initRun;
            c.initStep = parent->initStep;
        }
    }
    if (c.initRun <= 0) return {};
    RunStore runs(ws);
    auto init = runs.require(c.initRun);
    if (!init) return init.error();
    auto ic = parseTrainConfig(init->config);
    if (!ic) return ic.error();
    if (parent) {
        if (ic->tokenizerHash != parent->tokenizerHash ||
            json::serialize(toJson(ic->model)) != json::serialize(toJson(parent->model)))
            return Error::badInput("run " + std::to_string(c.initRun) + " has another network or tokenizer than run " +
                                   std::to_string(c.fromRun));
    } else {
        adoptNetwork(c, *ic);
    }
    auto ckpts = requireCheckpoints(ws, c.initRun);
    if (!ckpts) return ckpts.error();
    if (c.initStep < 0) c.initStep = ckpts->back().first;
    return requireStep(*ckpts, c.initRun, c.initStep);
}

} // namespace

Status resolveConfig(Workspace& ws, TrainConfig& c) {
    RunStore runs(ws);
    std::optional<TrainConfig> parentConfig;
    if (c.variant == "flame-rm" || c.variant == "flame-opt-rm") {
        if (c.fromRun <= 0) return Error::badInput("--variant " + c.variant + " needs --from RUN (a FLAMe run)");
        auto parent = runs.require(c.fromRun);
        if (!parent) return parent.error();
        auto pc = parseTrainConfig(parent->config);
        if (!pc) return pc.error();
        // The child continues the parent's network: same architecture and tokenizer.
        adoptNetwork(c, *pc);
        parentConfig = *pc;
        auto found = requireCheckpoints(ws, c.fromRun);
        if (!found) return found.error();
        const auto& ckpts = *found;
        if (c.fromStep < 0) {
            if (c.variant == "flame-rm") {
                c.fromStep = ckpts.back().first; // FLAMe's final checkpoint
            } else {
                // A partially trained checkpoint (paper: "decent but not optimal"): the one nearest
                // half of the parent's steps, never the last unless it is the only one.
                const double half = 0.5 * double(pc->steps);
                std::int64_t best = ckpts.front().first;
                for (const auto& [step, path] : ckpts)
                    if (std::fabs(double(step) - half) < std::fabs(double(best) - half)) best = step;
                if (best == ckpts.back().first && ckpts.size() > 1) best = ckpts[ckpts.size() - 2].first;
                c.fromStep = best;
            }
        }
        if (auto s = requireStep(ckpts, c.fromRun, c.fromStep); !s) return s;
    } else if (c.initRun <= 0) {
        std::string rel;
        auto tok = loadWorkspaceTokenizer(ws, &rel);
        if (!tok) return tok.error();
        c.tokenizer = rel;
        c.tokenizerHash = tok->hash();
        c.model.vocab = tok->vocabSize();
    }
    if (auto s = resolveInit(ws, c, parentConfig ? &*parentConfig : nullptr); !s) return s;
    if (c.variant == "flame-rm" && c.tasks.empty()) c.tasks = rmTasks();
    auto tasks = runTasks(ws, c);
    if (!tasks) return tasks.error();
    if (c.cap == 0) {
        auto counts = trainCounts(ws, c.aiFeedback);
        if (!counts) return counts.error();
        std::int64_t total = 0;
        for (const auto& [t, n] : *counts)
            if (std::find(tasks->begin(), tasks->end(), t) != tasks->end()) total += n;
        c.cap = scaledCap(total);
    }
    if (c.variant == "flame-opt-rm") c.mixture = MixtureKind::Explicit;
    for (const auto& [key, w] : c.weights)
        if (!ws.catalog().find(key)) return Error::badInput("mixture weight for unknown task '" + key + "'");
    return validate(c);
}

Expected<std::int64_t> createRun(Workspace& ws, TrainConfig config, const std::string& name) {
    if (auto s = resolveConfig(ws, config); !s) return s.error();
    RunStore runs(ws);
    NewRun nr;
    nr.variant = config.variant;
    nr.name = name.empty() ? config.variant + " " + config.preset : name;
    nr.parentRunId = config.fromRun;
    nr.config = json::serialize(toJson(config));
    nr.device = config.device;
    auto id = runs.create(nr);
    if (!id) return id.error();
    // Every task's current instruction version, evaluation tasks included: the run formats with
    // these forever, whatever is edited later.
    InstructionStore store(ws);
    std::vector<std::pair<std::int64_t, std::int64_t>> versions;
    for (const auto& t : ws.catalog().tasks()) {
        auto v = store.current(t.key);
        if (!v) return v.error();
        versions.emplace_back(ws.taskId(t.key), v->id);
    }
    if (auto s = runs.recordInstructions(*id, versions); !s) return s.error();
    return *id;
}

Expected<std::vector<MixtureRow>> mixturePreview(Workspace& ws, const TrainConfig& config) {
    auto tasks = runTasks(ws, config);
    if (!tasks) return tasks.error();
    auto counts = trainCounts(ws, config.aiFeedback);
    if (!counts) return counts.error();
    std::map<const TaskDefinition*, std::int64_t> n;
    for (const auto& [t, c] : *counts) n[t] = c;
    std::vector<MixtureTask> mt;
    for (const TaskDefinition* t : *tasks) {
        auto w = config.weights.find(t->key);
        mt.push_back({t->key, n[t], w == config.weights.end() ? 0.0 : w->second});
    }
    MixtureSpec spec{config.mixture, config.cap > 0 ? config.cap : kPaperCap};
    auto rates = mixtureRates(mt, spec);
    if (!rates) return rates.error();
    std::vector<MixtureRow> out;
    for (std::size_t i = 0; i < tasks->size(); ++i) {
        const TaskDefinition* t = (*tasks)[i];
        out.push_back({t->key, toString(t->capability), toString(t->type), n[t], (*rates)[i], (*rates)[i] * config.batch});
    }
    return out;
}

} // namespace flame::training
