#include "ui/runs/results_models.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <map>

#include "model/bias.h"
#include "model/rewardbench_reference.h"
#include "model/scoring.h"
#include "storage/run_queries.h"
#include "storage/workspace.h"
#include "ui/labels.h"
#include "ui/runs/run_colors.h"

namespace flame::ui {

namespace {

QString fixed(double v, int decimals = 2) {
    return std::isnan(v) ? QStringLiteral("–") : QLocale().toString(v, 'f', decimals);
}

QString percent(double v) {
    return fixed(100.0 * v, 1);
}

QVariant referenceFont() {
    QFont f;
    f.setItalic(true);
    return f;
}

const char* const kCategoryKeys[] = {"chat", "chat_hard", "math", "coding", "safety"};

} // namespace

// === BiasModel ===================================================================================

BiasModel::BiasModel(QObject* parent) : QAbstractTableModel(parent) {}

void BiasModel::load(Workspace* ws, const QVector<QPair<qint64, QString>>& runs) {
    QVector<BiasEntry> entries;
    if (ws) {
        RunStore store(*ws);
        for (const auto& [id, label] : runs) {
            std::int64_t step = 0;
            auto values = store.biasResults(id, &step);
            if (!values || values->empty()) continue;
            std::map<std::string, double> v(values->begin(), values->end());
            BiasEntry e;
            e.label = label;
            e.runId = id;
            e.step = step;
            for (int i = 0; i < 6; ++i) e.values[std::size_t(i)] = v.count(bias::kColumns[i]) ? v[bias::kColumns[i]] : std::nan("");
            e.values[6] = v.count("average") ? v["average"] : std::nan("");
            entries.push_back(e);
        }
    }
    for (const auto& ref : bias::paperRows()) {
        BiasEntry e;
        e.label = QString::fromUtf8(ref.name);
        const auto v = bias::values(ref.row);
        for (int i = 0; i < 6; ++i) e.values[std::size_t(i)] = v[std::size_t(i)];
        e.values[6] = ref.row.average();
        entries.push_back(e);
    }
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

QString BiasModel::biasTitle(int index) {
    switch (index) {
    case 0: return tr("Order");
    case 1: return tr("Compassion");
    case 2: return tr("Length");
    case 3: return tr("Egocentric");
    case 4: return tr("Bandwagon");
    case 5: return tr("Attention");
    case 6: return tr("Average");
    }
    return {};
}

int BiasModel::valueIndex(int column) {
    if (column == Average) return 6;
    if (column >= Order && column <= Attention) return column - Order;
    return -1;
}

int BiasModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int BiasModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BiasModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size()) return {};
    const BiasEntry& e = m_entries[index.row()];
    const int vi = valueIndex(index.column());
    if (role == Qt::DisplayRole) {
        if (index.column() == Autorater) return e.reference() ? tr("%1 — reference").arg(e.label) : e.label;
        if (index.column() == Step) return e.reference() ? QString() : QString::number(e.step);
        return fixed(e.values[std::size_t(vi)]);
    }
    if (role == Qt::UserRole) {
        if (index.column() == Autorater) return e.label;
        if (index.column() == Step) return e.step;
        return e.values[std::size_t(vi)];
    }
    if (role == Qt::FontRole && e.reference()) return referenceFont();
    if (role == Qt::ForegroundRole && e.reference()) return QBrush(referenceColor().darker(130));
    if (role == Qt::DecorationRole && index.column() == Autorater)
        return e.reference() ? referenceColor() : runColor(e.runId);
    if (role == Qt::ToolTipRole && e.reference())
        return tr("FLAMe Table 4 (Koo et al. 2023 for the baselines): a 24B-parameter model on the real "
                  "CoBBLEr pairs; shown for reference, not measured here");
    if (role == Qt::TextAlignmentRole && index.column() != Autorater) return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant BiasModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole && section != Autorater && section != Step)
        return tr("Lower is better (0 = no bias)");
    if (role != Qt::DisplayRole) return {};
    if (section == Autorater) return tr("Autorater");
    if (section == Step) return tr("Step");
    return biasTitle(valueIndex(section));
}

// === TailpatchModel ==============================================================================

TailpatchModel::TailpatchModel(QObject* parent) : QAbstractTableModel(parent) {}

QString TailpatchModel::categoryTitle(int c) {
    switch (c) {
    case 0: return tr("Chat");
    case 1: return tr("Chat Hard");
    case 2: return tr("Math");
    case 3: return tr("Coding");
    case 4: return tr("Safety");
    }
    return {};
}

QString TailpatchModel::bundleTitle(const QString& b) {
    if (b == QLatin1String("general")) return tr("generally helpful");
    if (b == QLatin1String("others")) return tr("others");
    for (int c = 0; c < 5; ++c) {
        if (b == QLatin1String(kCategoryKeys[c])) return categoryTitle(c);
        if (b == QStringLiteral("top:") + QLatin1String(kCategoryKeys[c])) return tr("top-2 %1").arg(categoryTitle(c));
    }
    return b;
}

QColor TailpatchModel::heat(double delta, double maxAbs) {
    if (std::isnan(delta) || maxAbs <= 0) return {};
    const double t = std::clamp(delta / maxAbs, -1.0, 1.0);
    const QColor to = t >= 0 ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
    const double a = 0.15 + 0.6 * std::abs(t); // never fully opaque: the text stays readable
    QColor c = to;
    c.setAlphaF(std::abs(t) < 1e-9 ? 0.0 : a);
    return c;
}

void TailpatchModel::load(Workspace* ws, qint64 runId) {
    QVector<TailpatchEntry> entries;
    m_planned = false;
    m_maxAbs = 0;
    m_base = {};
    if (ws && runId > 0) {
        RunStore store(*ws);
        std::map<std::string, TailpatchEntry> byTask;
        if (auto rows = store.tailpatchResults(runId)) {
            for (const TailpatchRow& r : *rows) {
                TailpatchEntry& e = byTask[r.taskKey];
                e.task = QString::fromStdString(r.taskKey);
                for (int c = 0; c < 5; ++c)
                    if (r.category == kCategoryKeys[c]) {
                        e.base[std::size_t(c)] = r.base;
                        e.patched[std::size_t(c)] = r.patched;
                        e.rating[std::size_t(c)] = r.rating;
                        m_base[std::size_t(c)] = r.base;
                    }
            }
        }
        QJsonObject plan;
        if (auto doc = store.document(runId, "tailpatch_plan"); doc && *doc)
            plan = QJsonDocument::fromJson(QByteArray::fromStdString(**doc)).object();
        m_planned = !plan.isEmpty();
        QHash<QString, QStringList> bundles;
        auto addBundle = [&](const QJsonValue& list, const QString& name) {
            for (const QJsonValue& t : list.toArray()) bundles[t.toString()] << name;
        };
        addBundle(plan.value(QStringLiteral("general")), QStringLiteral("general"));
        for (const char* c : kCategoryKeys) {
            addBundle(plan.value(QStringLiteral("specific")).toObject().value(QLatin1String(c)), QLatin1String(c));
            addBundle(plan.value(QStringLiteral("top")).toObject().value(QLatin1String(c)),
                      QStringLiteral("top:") + QLatin1String(c));
        }
        addBundle(plan.value(QStringLiteral("others")), QStringLiteral("others"));
        const QJsonObject weights = plan.value(QStringLiteral("weights")).toObject();
        double sum = 0;
        for (const QJsonValue& w : weights) sum += w.toDouble();
        QHash<QString, QJsonObject> effects;
        for (const QJsonValue& e : plan.value(QStringLiteral("effects")).toArray())
            effects.insert(e.toObject().value(QStringLiteral("task")).toString(), e.toObject());
        for (auto& [key, e] : byTask) {
            if (const TaskDefinition* t = ws->catalog().find(key)) e.capability = capabilityName(t->capability);
            const QJsonObject effect = effects.value(e.task);
            e.rated = !effect.isEmpty();
            if (e.rated) {
                const QJsonObject ratings = effect.value(QStringLiteral("ratings")).toObject();
                for (int c = 0; c < 5; ++c)
                    e.rating[std::size_t(c)] = ratings.value(QLatin1String(kCategoryKeys[c])).toInt();
            }
            e.total = 0;
            for (int r : e.rating) e.total += r;
            e.bundles = bundles.value(e.task);
            e.weight = weights.value(e.task).toDouble();
            e.share = sum > 0 ? e.weight / sum : 0;
            for (int c = 0; c < 5; ++c) m_maxAbs = std::max(m_maxAbs, std::abs(e.delta(c)));
            entries.push_back(e);
        }
    }
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int TailpatchModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TailpatchModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TailpatchModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size()) return {};
    const TailpatchEntry& e = m_entries[index.row()];
    const int col = index.column();
    const bool category = col >= Chat && col <= Safety;
    const int c = col - Chat;
    if (role == Qt::DisplayRole) {
        switch (col) {
        case Task: return e.task;
        case Capability: return e.capability;
        case Total: return QString::number(e.total);
        case Bundles: {
            QStringList names;
            for (const QString& b : e.bundles) names << bundleTitle(b);
            return names.join(QStringLiteral(", "));
        }
        case Weight: return m_planned ? QLocale().toString(e.weight, 'f', 0) : QString();
        case Share: return m_planned ? fixed(100.0 * e.share, 2) + QStringLiteral(" %") : QString();
        default: break;
        }
        if (category) {
            const int r = e.rating[std::size_t(c)];
            return QStringLiteral("%1%2 (%3%4)")
                .arg(e.delta(c) >= 0 ? QStringLiteral("+") : QString(), fixed(100.0 * e.delta(c), 1))
                .arg(r > 0 ? QStringLiteral("+") : QString())
                .arg(r);
        }
    }
    if (role == Qt::UserRole) {
        if (category) return e.delta(c);
        switch (col) {
        case Total: return e.total;
        case Weight: return e.weight;
        case Share: return e.share;
        case Bundles: return e.bundles.join(QLatin1Char(','));
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::BackgroundRole && category) {
        const QColor h = heat(e.delta(c), m_maxAbs);
        if (h.isValid()) return QBrush(h);
    }
    if (role == Qt::ToolTipRole && category)
        return tr("%1: %2 → %3 on the development set (change %4 points, rating %5)")
            .arg(categoryTitle(c), percent(e.base[std::size_t(c)]), percent(e.patched[std::size_t(c)]),
                 fixed(100.0 * e.delta(c), 1))
            .arg(e.rating[std::size_t(c)]);
    if (role == Qt::TextAlignmentRole && col >= Chat && col != Bundles) return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TailpatchModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole && section >= Chat && section <= Safety)
        return tr("Change of the category score after tail-patching on the task, in points, and its rating "
                  "(+2 helpful, +1 somewhat, 0, -1 harmful)");
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Task: return tr("Task");
    case Capability: return tr("Capability");
    case Total: return tr("Total rating");
    case Bundles: return tr("Bundles");
    case Weight: return tr("Weight");
    case Share: return tr("Mixture share");
    default: return categoryTitle(section - Chat);
    }
}

// === LeaderboardModel ============================================================================

LeaderboardModel::LeaderboardModel(QObject* parent) : QAbstractTableModel(parent) {}

QString LeaderboardModel::kindName(LeaderEntry::Kind kind) {
    switch (kind) {
    case LeaderEntry::Kind::Run: return tr("run");
    case LeaderEntry::Kind::Checkpoint: return tr("checkpoint");
    case LeaderEntry::Kind::Baseline: return tr("baseline, same set");
    case LeaderEntry::Kind::Reference: return tr("reference (paper)");
    }
    return {};
}

void LeaderboardModel::load(Workspace* ws, const RunsSnapshot& runs, const QString& set, bool everyCheckpoint) {
    using rewardbench::Section;
    QVector<LeaderEntry> entries;
    auto fill = [](LeaderEntry& e, const rewardbench::Scores& s) {
        e.score = s.score;
        e.chat = s.section(Section::Chat);
        e.chatHard = s.section(Section::ChatHard);
        e.safety = s.section(Section::Safety);
        e.reasoning = s.section(Section::Reasoning);
    };
    if (ws) {
        for (const RunInfo& r : runs) {
            auto steps = evaluatedSteps(*ws, r.id(), set.toStdString());
            if (!steps || steps->empty()) continue;
            const bool finished = r.state() == RunState::Finished;
            for (std::size_t i = 0; i < steps->size(); ++i) {
                const bool last = i + 1 == steps->size();
                if (!(everyCheckpoint || (finished && last))) continue;
                const EvaluatedStep& s = (*steps)[i];
                LeaderEntry e;
                e.kind = finished && last ? LeaderEntry::Kind::Run : LeaderEntry::Kind::Checkpoint;
                e.name = runLabel(r);
                e.detail = variantName(r.variant());
                e.runId = r.id();
                e.step = s.step;
                e.examples = s.examples;
                e.evaluated = s.evaluated();
                fill(e, rewardbench::computeScores(s.accuracies, s.counts));
                entries.push_back(e);
            }
        }
        if (auto baselines = baselineScores(*ws, set.toStdString())) {
            for (const BaselineScores& b : *baselines) {
                LeaderEntry e;
                e.kind = LeaderEntry::Kind::Baseline;
                e.name = b.baseline == rewardbench::Baseline::Random         ? tr("Random")
                         : b.baseline == rewardbench::Baseline::AlwaysLonger ? tr("Always the longer response")
                                                                               : tr("Always the first response");
                e.evaluated = b.examples;
                fill(e, b.scores);
                entries.push_back(e);
            }
        }
    }
    for (const auto& ref : rewardbench::kPaperTable2) {
        LeaderEntry e;
        e.kind = LeaderEntry::Kind::Reference;
        e.name = QString::fromUtf8(ref.model);
        e.detail = QString::fromUtf8(ref.kind);
        e.score = ref.score;
        e.chat = ref.chat;
        e.chatHard = ref.chatHard;
        e.safety = ref.safety;
        e.reasoning = ref.reasoning;
        entries.push_back(e);
    }
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int LeaderboardModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LeaderboardModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeaderboardModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size()) return {};
    const LeaderEntry& e = m_entries[index.row()];
    const bool reference = e.kind == LeaderEntry::Kind::Reference;
    auto value = [&](int col) -> double {
        switch (col) {
        case Score: return e.score;
        case Chat: return e.chat;
        case ChatHard: return e.chatHard;
        case Safety: return e.safety;
        case Reasoning: return e.reasoning;
        }
        return 0;
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Model: return e.name;
        case Kind: return e.detail.isEmpty() ? kindName(e.kind) : kindName(e.kind) + QStringLiteral(" · ") + e.detail;
        case Step: return e.step >= 0 ? QString::number(e.step) : QString();
        case Evaluated: return e.evaluated > 0 ? formatCount(e.evaluated) : QString();
        default: return percent(value(index.column()));
        }
    }
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Model: return e.name;
        case Kind: return int(e.kind);
        case Step: return e.step;
        case Evaluated: return e.evaluated;
        default: return value(index.column());
        }
    }
    if (role == Qt::FontRole && reference) return referenceFont();
    if (role == Qt::ForegroundRole && reference) return QBrush(referenceColor().darker(130));
    if (role == Qt::DecorationRole && index.column() == Model && e.runId > 0) return runColor(e.runId);
    if (role == Qt::ToolTipRole) {
        if (reference)
            return tr("FLAMe Table 2: the official RewardBench leaderboard (15 Jul 2024) on the real benchmark; "
                      "for reference, not comparable with the workspace's sample evaluation set");
        if (e.kind == LeaderEntry::Kind::Checkpoint)
            return tr("Evaluated during training on %n example(s) of the set", nullptr, int(e.evaluated));
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Step) return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant LeaderboardModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Model: return tr("Model");
    case Kind: return tr("Kind");
    case Step: return tr("Step");
    case Evaluated: return tr("Examples evaluated");
    case Score: return tr("Score");
    case Chat: return tr("Chat");
    case ChatHard: return tr("Chat Hard");
    case Safety: return tr("Safety");
    case Reasoning: return tr("Reasoning");
    }
    return {};
}

// === DisagreementModel ===========================================================================

DisagreementModel::DisagreementModel(QObject* parent) : QAbstractTableModel(parent) {}

void DisagreementModel::load(Workspace* ws, qint64 runId) {
    QVector<DisagreementEntry> entries;
    m_step = -1;
    m_judged = m_agree = 0;
    if (ws && runId > 0) {
        if (auto s = predictionSummary(*ws, runId); s && s->step >= 0) {
            m_step = s->step;
            m_judged = s->judged;
            m_agree = s->agree;
            if (auto rows = disagreements(*ws, runId, s->step, kLimit))
                for (const Disagreement& d : *rows)
                    entries.push_back({d.judgmentId, QString::fromStdString(d.taskKey),
                                       QString::fromStdString(d.humanLabel), QString::fromStdString(d.predicted),
                                       d.confidence});
        }
    }
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int DisagreementModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int DisagreementModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DisagreementModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size()) return {};
    const DisagreementEntry& e = m_entries[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Judgment: return QString::number(e.judgmentId);
        case Task: return e.task;
        case Human: return e.human;
        case Predicted: return e.predicted;
        case Confidence: return percent(e.confidence) + QStringLiteral(" %");
        }
    }
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Judgment: return e.judgmentId;
        case Confidence: return e.confidence;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Judgment || index.column() == Confidence))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant DisagreementModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Judgment: return tr("Judgment");
    case Task: return tr("Task");
    case Human: return tr("Human label");
    case Predicted: return tr("Model's verdict");
    case Confidence: return tr("Confidence");
    }
    return {};
}

} // namespace flame::ui
