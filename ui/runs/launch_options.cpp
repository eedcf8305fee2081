#include "ui/runs/launch_options.h"

#include "model/run_defaults.h"

#include <QCoreApplication>

#include <algorithm>

namespace flame::ui {

namespace {

const PresetSpec& presetOrTiny(const QString& name) {
    const PresetSpec* p = findPresetSpec(name.toStdString());
    return p ? *p : presetSpecs().front();
}

} // namespace

LaunchOptions LaunchOptions::defaults(const QString& variant, const QString& preset) {
    const PresetSpec& p = presetOrTiny(preset);
    LaunchOptions o;
    o.variant = variant;
    o.preset = QString::fromLatin1(p.name.data(), qsizetype(p.name.size()));
    // Anything but the four variants gets FLAMe's defaults.
    const RunDefaults d = runDefaults(p, variant.toStdString()).value_or(*runDefaults(p, "flame"));
    o.steps = d.steps;
    o.batch = d.batch;
    o.lr = d.lr;
    o.evalEvery = d.evalEvery;
    o.checkpointEvery = d.checkpointEvery;
    return o;
}

QStringList LaunchOptions::trainArgs() const {
    QStringList a = {QStringLiteral("--variant"), variant, QStringLiteral("--preset"), preset};
    auto add = [&a](const char* flag, const QString& value) { a << QString::fromLatin1(flag) << value; };
    if (!name.trimmed().isEmpty()) add("--name", name.trimmed());
    if (needsParent()) {
        add("--from", QString::number(fromRun));
        if (fromStep >= 0) add("--from-step", QString::number(fromStep));
    }
    if (takesInit() && initRun > 0) {
        add("--init", QString::number(initRun));
        if (initStep >= 0) add("--init-step", QString::number(initStep));
    }
    add("--steps", QString::number(steps));
    add("--batch", QString::number(batch));
    add("--lr", QString::number(lr, 'g', 10));
    add("--seed", QString::number(seed));
    add("--eval-every", QString::number(evalEvery));
    add("--eval-limit", QString::number(evalLimit));
    add("--checkpoint-every", QString::number(checkpointEvery));
    add("--device", device);
    add("--nproc", QString::number(nproc));
    // A run from an initial network takes that network's architecture (the engine's adoptNetwork),
    // so size overrides would be ignored: none are passed.
    const bool sized = !(takesInit() && initRun > 0);
    if (sized && layers > 0) add("--layers", QString::number(layers));
    if (sized && dModel > 0) add("--d-model", QString::number(dModel));
    if (sized && heads > 0) add("--heads", QString::number(heads));
    if (sized && dFF > 0) add("--d-ff", QString::number(dFF));
    if (sized && segments >= 0) add("--segments", QString::number(segments));
    if (sized && maxSeq > 0) {
        add("--max-seq", QString::number(maxSeq));
        // The engine requires max_target < max_seq / 2; its default (96) needs max_seq > 192.
        add("--max-target", QString::number(std::min(96, maxSeq / 2 - 1)));
    }
    if (variant == QLatin1String("flame-opt-rm")) {
        add("--tailpatch-steps", QString::number(tailpatchSteps));
        add("--tailpatch-by", tailpatchBy);
        add("--tailpatch-measure", tailpatchMeasure);
        add("--dev-limit", QString::number(devLimit));
    }
    return a;
}

QJsonObject LaunchOptions::toJson() const {
    return QJsonObject{
        {QStringLiteral("variant"), variant},
        {QStringLiteral("preset"), preset},
        {QStringLiteral("name"), name},
        {QStringLiteral("from_run"), double(fromRun)},
        {QStringLiteral("from_step"), double(fromStep)},
        {QStringLiteral("init_run"), double(initRun)},
        {QStringLiteral("init_step"), double(initStep)},
        {QStringLiteral("steps"), steps},
        {QStringLiteral("batch"), batch},
        {QStringLiteral("lr"), lr},
        {QStringLiteral("seed"), double(seed)},
        {QStringLiteral("eval_every"), evalEvery},
        {QStringLiteral("eval_limit"), double(evalLimit)},
        {QStringLiteral("checkpoint_every"), checkpointEvery},
        {QStringLiteral("device"), device},
        {QStringLiteral("nproc"), nproc},
        {QStringLiteral("layers"), layers},
        {QStringLiteral("d_model"), dModel},
        {QStringLiteral("heads"), heads},
        {QStringLiteral("d_ff"), dFF},
        {QStringLiteral("max_seq"), maxSeq},
        {QStringLiteral("segments"), segments},
        {QStringLiteral("tailpatch_steps"), tailpatchSteps},
        {QStringLiteral("tailpatch_by"), tailpatchBy},
        {QStringLiteral("tailpatch_measure"), tailpatchMeasure},
        {QStringLiteral("dev_limit"), double(devLimit)},
    };
}

LaunchOptions LaunchOptions::fromJson(const QJsonObject& o) {
    LaunchOptions d = defaults(o.value(QStringLiteral("variant")).toString(QStringLiteral("flame")),
                               o.value(QStringLiteral("preset")).toString(QStringLiteral("tiny")));
    auto str = [&o](const char* k, QString& v) { v = o.value(QLatin1String(k)).toString(v); };
    auto num = [&o](const char* k, auto& v) {
        using T = std::decay_t<decltype(v)>;
        v = T(o.value(QLatin1String(k)).toDouble(double(v)));
    };
    str("name", d.name);
    num("from_run", d.fromRun);
    num("from_step", d.fromStep);
    num("init_run", d.initRun);
    num("init_step", d.initStep);
    num("steps", d.steps);
    num("batch", d.batch);
    num("lr", d.lr);
    num("seed", d.seed);
    num("eval_every", d.evalEvery);
    num("eval_limit", d.evalLimit);
    num("checkpoint_every", d.checkpointEvery);
    str("device", d.device);
    num("nproc", d.nproc);
    num("layers", d.layers);
    num("d_model", d.dModel);
    num("heads", d.heads);
    num("d_ff", d.dFF);
    num("max_seq", d.maxSeq);
    num("segments", d.segments);
    num("tailpatch_steps", d.tailpatchSteps);
    str("tailpatch_by", d.tailpatchBy);
    str("tailpatch_measure", d.tailpatchMeasure);
    num("dev_limit", d.devLimit);
    return d;
}

LaunchOptions LaunchOptions::fromRunConfig(const QJsonObject& c, const QString& runName) {
    LaunchOptions o = defaults(c.value(QStringLiteral("variant")).toString(QStringLiteral("flame")),
                               c.value(QStringLiteral("preset")).toString(QStringLiteral("tiny")));
    o.name = runName.isEmpty() ? QString() : tr("%1 (copy)").arg(runName);
    o.fromRun = qint64(c.value(QStringLiteral("from_run")).toDouble(0));
    o.fromStep = qint64(c.value(QStringLiteral("from_step")).toDouble(-1));
    // A FLAMe-Opt-RM run records the initial network it inherited; only FLAMe's is a choice.
    if (o.takesInit()) {
        o.initRun = qint64(c.value(QStringLiteral("init_run")).toDouble(0));
        o.initStep = o.initRun > 0 ? qint64(c.value(QStringLiteral("init_step")).toDouble(-1)) : -1;
    }
    o.steps = c.value(QStringLiteral("steps")).toInt(o.steps);
    o.batch = c.value(QStringLiteral("batch")).toInt(o.batch);
    o.lr = c.value(QStringLiteral("optim")).toObject().value(QStringLiteral("lr")).toDouble(o.lr);
    o.seed = qint64(c.value(QStringLiteral("seed")).toDouble(double(o.seed)));
    o.evalEvery = c.value(QStringLiteral("eval_every")).toInt(o.evalEvery);
    o.evalLimit = qint64(c.value(QStringLiteral("eval_limit")).toDouble(0));
    o.checkpointEvery = c.value(QStringLiteral("checkpoint_every")).toInt(o.checkpointEvery);
    o.device = c.value(QStringLiteral("device")).toString(o.device);
    o.nproc = c.value(QStringLiteral("nproc")).toInt(1);
    // Only sizes that differ from the preset become overrides.
    const PresetSpec& p = presetOrTiny(o.preset);
    const QJsonObject m = c.value(QStringLiteral("model")).toObject();
    auto over = [&m](const char* key, int presetValue) {
        const int v = m.value(QLatin1String(key)).toInt(presetValue);
        return v == presetValue ? 0 : v;
    };
    o.dModel = over("d_model", p.dModel);
    o.layers = over("layers", p.layers);
    o.heads = over("heads", p.heads);
    o.dFF = over("d_ff", p.dFF);
    o.maxSeq = over("max_seq", p.maxSeq);
    // 0 is a size here ("no segment embedding", and what a run from before segments records).
    const int segments = m.value(QStringLiteral("segments")).toInt(0);
    o.segments = segments == p.segments ? -1 : segments;
    const QJsonObject t = c.value(QStringLiteral("tailpatch")).toObject();
    o.tailpatchSteps = t.value(QStringLiteral("steps")).toInt(o.tailpatchSteps);
    o.tailpatchBy = t.value(QStringLiteral("by")).toString(o.tailpatchBy);
    o.tailpatchMeasure = t.value(QStringLiteral("measure")).toString(o.tailpatchMeasure);
    o.devLimit = qint64(t.value(QStringLiteral("dev_limit")).toDouble(0));
    // A FLAMe-Opt-RM run records the step it tail-patched from; a copy may choose again.
    return o;
}

QStringList validateLaunch(const LaunchOptions& o, const LaunchContext& ctx) {
    QStringList problems;
    if (!ctx.tokenizer)
        problems << LaunchOptions::tr("The workspace has no tokenizer yet: train it first (Train tokenizer, or "
                       "`flame tokenizer WS train`).");
    if (o.steps < 1) problems << LaunchOptions::tr("Steps must be at least 1.");
    if (o.batch < 1) problems << LaunchOptions::tr("The batch must hold at least one example.");
    if (o.nproc < 1) problems << LaunchOptions::tr("At least one rank is needed.");
    else if (o.batch % o.nproc != 0)
        problems << LaunchOptions::tr("The batch (%1) must be divisible by the number of ranks (%2).").arg(o.batch).arg(o.nproc);
    if (!(o.lr > 0) || o.lr > 1) problems << LaunchOptions::tr("The learning rate must be greater than 0 and at most 1.");
    if (o.evalEvery < 0) problems << LaunchOptions::tr("The evaluation interval cannot be negative.");
    if (o.checkpointEvery < 1) problems << LaunchOptions::tr("Checkpoint at least every %1 steps.").arg(o.steps);
    if (o.dModel > 0 && o.heads > 0 && o.dModel % o.heads != 0)
        problems << LaunchOptions::tr("The model width (%1) must be divisible by the number of heads (%2).").arg(o.dModel).arg(o.heads);
    if (o.maxSeq > 0 && o.maxSeq < 16) problems << LaunchOptions::tr("The longest sequence must be at least 16 tokens.");
    // Devices: a single CUDA device takes one rank; "cuda" spreads ranks over the first devices.
    const int cudaCount = int(std::count_if(ctx.devices.begin(), ctx.devices.end(), [](const QString& d) {
        return d.startsWith(QLatin1String("cuda:"));
    }));
    if (o.device.startsWith(QLatin1String("cuda:")) && o.nproc > 1)
        problems << LaunchOptions::tr("Several ranks need all CUDA devices (cuda), not the single device %1.").arg(o.device);
    else if (o.device == QLatin1String("cuda") && o.nproc > cudaCount)
        problems << LaunchOptions::tr("%1 ranks need %1 CUDA devices; %2 found.").arg(o.nproc).arg(cudaCount);
    else if (o.device != QLatin1String("cuda") && !ctx.devices.contains(o.device))
        problems << LaunchOptions::tr("The device %1 is not available here.").arg(o.device);
    // A run the options name (parent or initial network): listed, of the right variant, with the
    // chosen checkpoint. Returns the problem, empty when there is none.
    auto checkRun = [&ctx](qint64 id, qint64 step, const char* variant, const QString& missing,
                           const QString& wrongVariant) -> QString {
        const auto it = std::find_if(ctx.runs.begin(), ctx.runs.end(), [id](const auto& r) { return r.id == id; });
        if (id <= 0 || it == ctx.runs.end()) return missing;
        if (it->variant != QLatin1String(variant)) return wrongVariant;
        if (it->checkpointSteps.isEmpty()) return LaunchOptions::tr("Run %1 has no checkpoint yet.").arg(id);
        if (step >= 0 && !it->checkpointSteps.contains(step))
            return LaunchOptions::tr("Run %1 has no checkpoint at step %2.").arg(id).arg(step);
        return {};
    };
    if (o.needsParent()) {
        const QString problem = checkRun(
            o.fromRun, o.fromStep, "flame",
            LaunchOptions::tr("%1 continues a FLAMe run: choose the parent run.")
                .arg(o.variant == QLatin1String("flame-rm") ? QStringLiteral("FLAMe-RM") : QStringLiteral("FLAMe-Opt-RM")),
            LaunchOptions::tr("The parent must be a FLAMe run (run %1 is not).").arg(o.fromRun));
        if (!problem.isEmpty()) problems << problem;
    }
    if (o.takesInit() && o.initRun > 0) {
        const QString problem = checkRun(
            o.initRun, o.initStep, "pretrain",
            LaunchOptions::tr("Run %1, the initial network, does not exist.").arg(o.initRun),
            LaunchOptions::tr("The initial network must come from a pretraining run (run %1 is not one).").arg(o.initRun));
        if (!problem.isEmpty()) problems << problem;
    }
    if (o.variant == QLatin1String("flame-opt-rm") && o.tailpatchSteps < 1)
        problems << LaunchOptions::tr("Tail-patching needs at least one step per task.");
    return problems;
}

} // namespace flame::ui
