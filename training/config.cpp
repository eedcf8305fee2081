#include "training/config.h"

#include <algorithm>
#include <type_traits>

namespace flame::training {

std::int64_t ModelConfig::parameterCount() const {
    const std::int64_t d = dModel, f = dFF;
    const std::int64_t perLayer = 2 * 2 * d /*norms*/ + (3 * d * d + 3 * d) + (d * d + d) + (d * f + f) + (f * d + d);
    return std::int64_t(vocab) * d + std::int64_t(maxSeq + segments) * d + layers * perLayer + 2 * d;
}

ModelConfig presetModel(const PresetSpec& preset) {
    ModelConfig m;
    m.dModel = preset.dModel;
    m.layers = preset.layers;
    m.heads = preset.heads;
    m.dFF = preset.dFF;
    m.maxSeq = preset.maxSeq;
    m.segments = preset.segments;
    m.dropout = preset.dropout;
    return m;
}

const std::vector<std::string>& rmTasks() {
    static const std::vector<std::string> keys = {"helpsteer-pairwise", "prm800k-pairwise", "commitpack-pairwise",
                                                  "hh-rlhf-harmlessness"};
    return keys;
}

Expected<TrainConfig> defaultConfig(std::string_view variant, std::string_view presetName) {
    const PresetSpec* preset = findPresetSpec(presetName);
    if (!preset) return Error::badInput("unknown preset '" + std::string(presetName) + "' (tiny, small, base)");
    const std::optional<RunDefaults> d = runDefaults(*preset, variant);
    if (!d) return Error::badInput("unknown variant '" + std::string(variant) + "' (pretrain, flame, flame-rm, flame-opt-rm)");
    TrainConfig c;
    c.variant = std::string(variant);
    c.preset = std::string(preset->name);
    c.model = presetModel(*preset);
    c.batch = d->batch;
    c.steps = d->steps;
    c.optim.lr = d->lr;
    c.optim.warmup = d->warmup;
    c.evalEvery = d->evalEvery;
    c.checkpointEvery = d->checkpointEvery;
    if (variant == "pretrain") {
        // Next-token prediction over the instructions and fields of the training split, labels
        // left out: the stand-in for the paper's pretrained initial model.
        c.mixture = MixtureKind::Proportional;
        c.contextLoss = 1;
        c.targetLoss = 0;
    } else if (variant == "flame") {
        c.mixture = MixtureKind::Proportional;
    } else if (variant == "flame-rm") {
        c.mixture = MixtureKind::Equal; // the four-task RM mix
        c.tasks = rmTasks();
    } else {
        c.mixture = MixtureKind::Explicit; // the tail-patch weights
    }
    return c;
}

int microBatchFor(int requested, int perRank, int maxSeq, const std::string& device) {
    if (requested > 0) return requested;
    if (device != "cpu") return perRank;
    int rows = 1;
    for (int d = 1; d <= perRank; ++d)
        if (perRank % d == 0 && std::size_t(d) * std::size_t(std::max(1, maxSeq)) <= kCpuBatchTokens) rows = d;
    return rows;
}

std::string deviceForRank(const TrainConfig& c, int localRank) {
    if (c.device == "cuda") return "cuda:" + std::to_string(localRank);
    return c.device;
}

// ---------------------------------------------------------------------------------------------
// JSON

namespace {

struct Reader {
    const json::Value& v;
    std::string error;
    template <class T> void num(const char* key, T& out) {
        if (const json::Value* m = v.findNonNull(key)) {
            if (!m->isNumber()) error = std::string("'") + key + "' must be a number";
            else if constexpr (std::is_integral_v<T>) out = T(m->asInt());
            else out = T(m->asDouble());
        }
    }
    void str(const char* key, std::string& out) {
        if (const json::Value* m = v.findNonNull(key)) {
            if (!m->isString()) error = std::string("'") + key + "' must be a string";
            else out = m->asString();
        }
    }
    void boolean(const char* key, bool& out) {
        if (const json::Value* m = v.findNonNull(key)) {
            if (!m->isBool()) error = std::string("'") + key + "' must be true or false";
            else out = m->asBool();
        }
    }
};

json::Value categoryArray(const std::array<double, tailpatch::kCategoryCount>& a) {
    json::Array out;
    for (double x : a) out.emplace_back(x);
    return json::Value(std::move(out));
}

} // namespace

json::Value toJson(const ModelConfig& m) {
    json::Object o;
    o.emplace_back("vocab", json::Value(m.vocab));
    o.emplace_back("d_model", json::Value(m.dModel));
    o.emplace_back("layers", json::Value(m.layers));
    o.emplace_back("heads", json::Value(m.heads));
    o.emplace_back("d_ff", json::Value(m.dFF));
    o.emplace_back("max_seq", json::Value(m.maxSeq));
    o.emplace_back("dropout", json::Value(m.dropout));
    if (m.segments > 0) o.emplace_back("segments", json::Value(m.segments)); // absent: none (older runs)
    return json::Value(std::move(o));
}

Expected<ModelConfig> modelConfigFromJson(const json::Value& v) {
    if (!v.isObject()) return Error::badInput("the model configuration must be a JSON object");
    ModelConfig m;
    Reader r{v, {}};
    r.num("vocab", m.vocab);
    r.num("d_model", m.dModel);
    r.num("layers", m.layers);
    r.num("heads", m.heads);
    r.num("d_ff", m.dFF);
    r.num("max_seq", m.maxSeq);
    r.num("dropout", m.dropout);
    r.num("segments", m.segments);
    if (!r.error.empty()) return Error::badInput("model configuration: " + r.error);
    if (m.segments < 0 || m.segments > 256) return Error::badInput("model configuration: segments must be in [0, 256]");
    if (m.dModel <= 0 || m.layers <= 0 || m.heads <= 0 || m.dFF <= 0 || m.maxSeq < 16 || m.dModel % m.heads != 0)
        return Error::badInput("model configuration: sizes must be positive, max_seq >= 16 and d_model divisible by heads");
    if (m.dropout < 0 || m.dropout >= 1) return Error::badInput("model configuration: dropout must be in [0, 1)");
    return m;
}

json::Value toJson(const TrainConfig& c) {
    json::Object o;
    o.emplace_back("variant", json::Value(c.variant));
    o.emplace_back("preset", json::Value(c.preset));
    o.emplace_back("model", toJson(c.model));
    json::Object opt;
    opt.emplace_back("lr", json::Value(c.optim.lr));
    opt.emplace_back("weight_decay", json::Value(c.optim.weightDecay));
    opt.emplace_back("beta1", json::Value(c.optim.beta1));
    opt.emplace_back("beta2", json::Value(c.optim.beta2));
    opt.emplace_back("eps", json::Value(c.optim.eps));
    opt.emplace_back("warmup", json::Value(c.optim.warmup));
    opt.emplace_back("min_lr_ratio", json::Value(c.optim.minLrRatio));
    opt.emplace_back("clip", json::Value(c.optim.clip));
    o.emplace_back("optim", json::Value(std::move(opt)));
    o.emplace_back("steps", json::Value(c.steps));
    o.emplace_back("batch", json::Value(c.batch));
    o.emplace_back("micro_batch", json::Value(c.microBatch));
    o.emplace_back("seed", json::Value(std::int64_t(c.seed)));
    o.emplace_back("device", json::Value(c.device));
    o.emplace_back("nproc", json::Value(c.nproc));
    o.emplace_back("threads", json::Value(c.threads));
    o.emplace_back("eval_every", json::Value(c.evalEvery));
    o.emplace_back("eval_limit", json::Value(c.evalLimit));
    o.emplace_back("eval_set", json::Value(c.evalSet));
    o.emplace_back("eval_loss_examples", json::Value(c.evalLossExamples));
    o.emplace_back("checkpoint_every", json::Value(c.checkpointEvery));
    o.emplace_back("keep_checkpoints", json::Value(c.keepCheckpoints));
    o.emplace_back("max_target", json::Value(c.maxTarget));
    o.emplace_back("context_loss", json::Value(c.contextLoss));
    o.emplace_back("target_loss", json::Value(c.targetLoss));
    o.emplace_back("mixture", json::Value(toString(c.mixture)));
    o.emplace_back("cap", json::Value(c.cap));
    json::Object w;
    for (const auto& [k, x] : c.weights) w.emplace_back(k, json::Value(x));
    o.emplace_back("weights", json::Value(std::move(w)));
    json::Array tasks;
    for (const auto& t : c.tasks) tasks.emplace_back(t);
    o.emplace_back("tasks", json::Value(std::move(tasks)));
    o.emplace_back("ai_feedback", json::Value(c.aiFeedback));
    o.emplace_back("from_run", json::Value(c.fromRun));
    o.emplace_back("from_step", json::Value(c.fromStep));
    o.emplace_back("init_run", json::Value(c.initRun));
    o.emplace_back("init_step", json::Value(c.initStep));
    json::Object tp;
    const auto& t = c.tailpatch;
    tp.emplace_back("steps", json::Value(t.steps));
    tp.emplace_back("batch", json::Value(t.batch));
    tp.emplace_back("lr", json::Value(t.lr));
    tp.emplace_back("by", json::Value(t.by));
    tp.emplace_back("group_size", json::Value(t.groupSize));
    tp.emplace_back("dev_set", json::Value(t.devSet));
    tp.emplace_back("dev_limit", json::Value(t.devLimit));
    tp.emplace_back("mid", json::Value(t.mid));
    tp.emplace_back("measure", json::Value(t.measure));
    tp.emplace_back("init", json::Value(t.init));
    tp.emplace_back("strong", json::Value(t.rating.strong));
    tp.emplace_back("weak", json::Value(t.rating.weak));
    tp.emplace_back("harm", json::Value(t.rating.harm));
    tp.emplace_back("general_min_total", json::Value(t.bundles.generalMinTotal));
    tp.emplace_back("tau_mode", json::Value(tailpatch::toString(t.bundles.tauMode)));
    tp.emplace_back("tau", categoryArray(t.bundles.tau));
    tp.emplace_back("w_general", json::Value(t.weights.general));
    tp.emplace_back("w_specific", json::Value(t.weights.specific));
    tp.emplace_back("w_others", json::Value(t.weights.others));
    tp.emplace_back("w_top_specific", json::Value(t.weights.topSpecific));
    tp.emplace_back("top_count", json::Value(t.weights.topCount));
    tp.emplace_back("weight_scale", json::Value(t.weights.scale));
    o.emplace_back("tailpatch", json::Value(std::move(tp)));
    o.emplace_back("tokenizer", json::Value(c.tokenizer));
    o.emplace_back("tokenizer_hash", json::Value(c.tokenizerHash));
    o.emplace_back("nodes", json::Value(c.nodes));
    o.emplace_back("node_rank", json::Value(c.nodeRank));
    o.emplace_back("master_addr", json::Value(c.masterAddr));
    o.emplace_back("master_port", json::Value(c.masterPort));
    return json::Value(std::move(o));
}

Expected<TrainConfig> trainConfigFromJson(const json::Value& v) {
    if (!v.isObject()) return Error::badInput("a run configuration must be a JSON object");
    TrainConfig c;
    Reader r{v, {}};
    r.str("variant", c.variant);
    r.str("preset", c.preset);
    if (const json::Value* m = v.findNonNull("model")) {
        auto mc = modelConfigFromJson(*m);
        if (!mc) return mc.error();
        c.model = *mc;
    }
    if (const json::Value* o = v.findNonNull("optim")) {
        Reader ro{*o, {}};
        ro.num("lr", c.optim.lr);
        ro.num("weight_decay", c.optim.weightDecay);
        ro.num("beta1", c.optim.beta1);
        ro.num("beta2", c.optim.beta2);
        ro.num("eps", c.optim.eps);
        ro.num("warmup", c.optim.warmup);
        ro.num("min_lr_ratio", c.optim.minLrRatio);
        ro.num("clip", c.optim.clip);
        if (!ro.error.empty()) return Error::badInput("optim: " + ro.error);
    }
    r.num("steps", c.steps);
    r.num("batch", c.batch);
    r.num("micro_batch", c.microBatch);
    r.num("seed", c.seed);
    r.str("device", c.device);
    r.num("nproc", c.nproc);
    r.num("threads", c.threads);
    r.num("eval_every", c.evalEvery);
    r.num("eval_limit", c.evalLimit);
    r.str("eval_set", c.evalSet);
    r.num("eval_loss_examples", c.evalLossExamples);
    r.num("checkpoint_every", c.checkpointEvery);
    r.num("keep_checkpoints", c.keepCheckpoints);
    r.num("max_target", c.maxTarget);
    r.num("context_loss", c.contextLoss);
    r.num("target_loss", c.targetLoss);
    std::string mixture = toString(c.mixture);
    r.str("mixture", mixture);
    auto kind = parseMixtureKind(mixture);
    if (!kind) return Error::badInput("unknown mixture '" + mixture + "' (proportional, equal, explicit)");
    c.mixture = *kind;
    r.num("cap", c.cap);
    if (const json::Value* w = v.findNonNull("weights")) {
        if (!w->isObject()) return Error::badInput("'weights' must map task keys to numbers");
        for (const auto& [k, x] : w->asObject()) {
            if (!x.isNumber()) return Error::badInput("weight of task '" + k + "' must be a number");
            c.weights[k] = x.asDouble();
        }
    }
    if (const json::Value* t = v.findNonNull("tasks")) {
        if (!t->isArray()) return Error::badInput("'tasks' must be an array of task keys");
        for (const auto& k : t->asArray()) {
            if (!k.isString()) return Error::badInput("'tasks' must be an array of task keys");
            c.tasks.push_back(k.asString());
        }
    }
    r.boolean("ai_feedback", c.aiFeedback);
    r.num("from_run", c.fromRun);
    r.num("from_step", c.fromStep);
    r.num("init_run", c.initRun);
    r.num("init_step", c.initStep);
    if (const json::Value* t = v.findNonNull("tailpatch")) {
        Reader rt{*t, {}};
        auto& tp = c.tailpatch;
        rt.num("steps", tp.steps);
        rt.num("batch", tp.batch);
        rt.num("lr", tp.lr);
        rt.str("by", tp.by);
        rt.num("group_size", tp.groupSize);
        rt.str("dev_set", tp.devSet);
        rt.num("dev_limit", tp.devLimit);
        rt.boolean("mid", tp.mid);
        rt.str("measure", tp.measure);
        rt.str("init", tp.init);
        rt.num("strong", tp.rating.strong);
        rt.num("weak", tp.rating.weak);
        rt.num("harm", tp.rating.harm);
        rt.num("general_min_total", tp.bundles.generalMinTotal);
        std::string tau = tailpatch::toString(tp.bundles.tauMode);
        rt.str("tau_mode", tau);
        auto mode = tailpatch::parseTauMode(tau);
        if (!mode) return Error::badInput("tailpatch: tau_mode must be paper or relative");
        tp.bundles.tauMode = *mode;
        if (const json::Value* a = t->findNonNull("tau")) {
            if (!a->isArray() || a->asArray().size() != tailpatch::kCategoryCount)
                return Error::badInput("tailpatch: tau must hold 5 numbers (chat, chat_hard, math, coding, safety)");
            for (std::size_t i = 0; i < tailpatch::kCategoryCount; ++i) tp.bundles.tau[i] = a->asArray()[i].asDouble();
        }
        rt.num("w_general", tp.weights.general);
        rt.num("w_specific", tp.weights.specific);
        rt.num("w_others", tp.weights.others);
        rt.num("w_top_specific", tp.weights.topSpecific);
        rt.num("top_count", tp.weights.topCount);
        rt.num("weight_scale", tp.weights.scale);
        if (!rt.error.empty()) return Error::badInput("tailpatch: " + rt.error);
    }
    r.str("tokenizer", c.tokenizer);
    r.str("tokenizer_hash", c.tokenizerHash);
    r.num("nodes", c.nodes);
    r.num("node_rank", c.nodeRank);
    r.str("master_addr", c.masterAddr);
    r.num("master_port", c.masterPort);
    if (!r.error.empty()) return Error::badInput("run configuration: " + r.error);
    return c;
}

Expected<TrainConfig> parseTrainConfig(std::string_view text) {
    json::ParseError perr;
    auto v = json::parse(text, &perr);
    if (!v) return Error::badInput("run configuration is not valid JSON: " + perr.message);
    return trainConfigFromJson(*v);
}

Status validate(const TrainConfig& c) {
    auto bad = [](std::string m) { return Status(Error::badInput(std::move(m))); };
    if (c.variant != "pretrain" && c.variant != "flame" && c.variant != "flame-rm" && c.variant != "flame-opt-rm")
        return bad("unknown variant '" + c.variant + "' (pretrain, flame, flame-rm, flame-opt-rm)");
    if (c.steps < 1) return bad("--steps must be at least 1");
    if (c.batch < 1) return bad("--batch must be at least 1");
    if (c.nproc < 1 || c.nodes < 1) return bad("--nproc and --nnodes must be at least 1");
    if (c.nodeRank < 0 || c.nodeRank >= c.nodes) return bad("--node-rank must be in [0, nnodes)");
    const int world = worldSize(c);
    if (c.batch % world != 0)
        return bad("the global batch (" + std::to_string(c.batch) + ") must be divisible by the number of ranks (" +
                   std::to_string(world) + ")");
    const int perRank = c.batch / world;
    if (c.microBatch < 0 || (c.microBatch > 0 && perRank % c.microBatch != 0))
        return bad("--micro-batch must divide the per-rank batch (" + std::to_string(perRank) + ")");
    if (!(c.optim.lr > 0) || c.optim.lr > 1) return bad("--lr must be in (0, 1]");
    if (c.optim.warmup < 0) return bad("--warmup must be >= 0");
    if (c.model.maxSeq < 16) return bad("--max-seq must be at least 16");
    if (c.maxTarget < 2 || c.maxTarget >= c.model.maxSeq / 2) return bad("--max-target must be in [2, max_seq / 2)");
    if (!(c.contextLoss >= 0 && c.contextLoss <= 10)) return bad("--context-loss must be in [0, 10]");
    if (c.device != "cpu" && c.device != "cuda" && c.device.rfind("cuda:", 0) != 0)
        return bad("--device must be cpu, cuda or cuda:K");
    if (c.device.rfind("cuda:", 0) == 0 && c.nproc > 1)
        return bad("with several ranks use --device cuda (rank K uses cuda:K), not a single cuda:K");
    const bool fromParent = c.variant == "flame-rm" || c.variant == "flame-opt-rm";
    if (fromParent && c.fromRun <= 0) return bad("--variant " + c.variant + " needs --from RUN");
    if (!fromParent && c.fromRun > 0) return bad("--from is for flame-rm and flame-opt-rm (a FLAMe run starts from --init)");
    if (c.initRun > 0 && c.variant != "flame" && c.variant != "flame-opt-rm")
        return bad("--init is for flame and flame-opt-rm runs (FLAMe-RM continues its FLAMe parent's network)");
    if (!(c.targetLoss >= 0 && c.targetLoss <= 10)) return bad("the target-loss weight must be in [0, 10]");
    if (c.variant == "pretrain" && (c.targetLoss != 0 || !(c.contextLoss > 0)))
        return bad("a pretrain run learns from the context alone (target loss 0, context loss > 0)");
    if (c.variant != "pretrain" && !(c.targetLoss > 0)) return bad("only a pretrain run may leave the target out of the loss");
    if (c.mixture == MixtureKind::Explicit && c.weights.empty() && c.variant != "flame-opt-rm")
        return bad("an explicit mixture needs weights (--weights FILE)");
    if (c.tailpatch.by != "task" && c.tailpatch.by != "group") return bad("--tailpatch-by must be task or group");
    if (c.tailpatch.measure != "score" && c.tailpatch.measure != "length-controlled")
        return bad("--tailpatch-measure must be score or length-controlled");
    if (c.tailpatch.init != "scratch" && c.tailpatch.init != "base") return bad("--opt-init must be scratch or base");
    if (c.tailpatch.devSet == c.evalSet)
        return bad("tail-patching must be measured on a development set, not on the evaluation set '" + c.evalSet + "'");
    if (c.tailpatch.steps < 1 || c.tailpatch.batch < 1) return bad("--tailpatch-steps and its batch must be >= 1");
    return {};
}

} // namespace flame::training
