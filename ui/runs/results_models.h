#pragma once
// Item models of the run results (issue 5, parts 4-7): the CoBBLEr bias table beside the paper's
// rows, the tail-patch effects of a FLAMe-Opt-RM run, the leaderboard beside Table 2 and the
// baselines, and the model's disagreements with human labels. Each loads from a Workspace on the
// GUI thread: these are small reads (tens to hundreds of rows over indexed tables), and the views
// reload them only when the runs change. Numeric columns sort by value through Qt::UserRole.
#include <QAbstractTableModel>
#include <QStringList>
#include <QVector>

#include <array>

#include "ui/runs/run_info.h"

namespace flame {
class Workspace;
}

namespace flame::ui {

// --- bias ----------------------------------------------------------------------------------------
struct BiasEntry {
    QString label;
    qint64 runId = 0; // 0: a reference row of the paper
    qint64 step = 0;
    std::array<double, 7> values{}; // order, compassion, length, egocentric, bandwagon, attention, average
    bool reference() const { return runId == 0; }
};

class BiasModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Autorater, Step, Average, Order, Compassion, Length, Egocentric, Bandwagon, Attention, ColumnCount };
    explicit BiasModel(QObject* parent = nullptr);
    // Measured rows of `runs` that have bias results, then the paper's reference rows.
    void load(Workspace* ws, const QVector<QPair<qint64, QString>>& runs);
    const QVector<BiasEntry>& entries() const { return m_entries; }
    static QString biasTitle(int index); // 0..5, 6 = average
    static int valueIndex(int column);   // column -> index into BiasEntry::values, -1 for others

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<BiasEntry> m_entries;
};

// --- tail-patch ----------------------------------------------------------------------------------
struct TailpatchEntry {
    QString task, capability;
    std::array<double, 5> base{}, patched{}; // Chat, Chat Hard, Math, Coding, Safety
    std::array<int, 5> rating{};
    int total = 0;
    bool rated = false;  // the plan exists (ratings final); before it, ratings come from each row
    QStringList bundles; // "general", "chat_hard", "top:safety", "others"
    double weight = 0, share = 0;
    double delta(int c) const { return patched[std::size_t(c)] - base[std::size_t(c)]; }
};

class TailpatchModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Task, Capability, Chat, ChatHard, Math, Coding, Safety, Total, Bundles, Weight, Share, ColumnCount };
    explicit TailpatchModel(QObject* parent = nullptr);
    // tailpatch_results (written as each task or group is measured) and the plan document.
    void load(Workspace* ws, qint64 runId);
    const QVector<TailpatchEntry>& entries() const { return m_entries; }
    bool planned() const { return m_planned; }
    double maxAbsDelta() const { return m_maxAbs; }
    std::array<double, 5> baseScores() const { return m_base; }
    static QString categoryTitle(int c);
    static QString bundleTitle(const QString& bundle);
    // The heat colour of a change (diverging: red loss, green gain, white none).
    static QColor heat(double delta, double maxAbs);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<TailpatchEntry> m_entries;
    bool m_planned = false;
    double m_maxAbs = 0;
    std::array<double, 5> m_base{};
};

// --- leaderboard ---------------------------------------------------------------------------------
struct LeaderEntry {
    enum class Kind { Run, Checkpoint, Baseline, Reference };
    Kind kind = Kind::Run;
    QString name, detail;
    qint64 runId = 0, step = -1, evaluated = 0, examples = 0;
    double score = 0, chat = 0, chatHard = 0, safety = 0, reasoning = 0;
};

class LeaderboardModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Model, Kind, Step, Evaluated, Score, Chat, ChatHard, Safety, Reasoning, ColumnCount };
    explicit LeaderboardModel(QObject* parent = nullptr);
    // Finished runs' last evaluation on `set`; with `everyCheckpoint`, every evaluated step of every
    // run; the baselines measured on the same set; the paper's Table 2 rows.
    void load(Workspace* ws, const RunsSnapshot& runs, const QString& set, bool everyCheckpoint);
    const QVector<LeaderEntry>& entries() const { return m_entries; }
    static QString kindName(LeaderEntry::Kind kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<LeaderEntry> m_entries;
};

// --- the model against humans --------------------------------------------------------------------
struct DisagreementEntry {
    qint64 judgmentId = 0;
    QString task, human, predicted;
    double confidence = 0;
};

class DisagreementModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Judgment, Task, Human, Predicted, Confidence, ColumnCount };
    explicit DisagreementModel(QObject* parent = nullptr);
    static constexpr int kLimit = 5000; // most confident first; the review queue takes these
    void load(Workspace* ws, qint64 runId);
    const QVector<DisagreementEntry>& entries() const { return m_entries; }
    qint64 step() const { return m_step; }
    qint64 judged() const { return m_judged; }
    qint64 agree() const { return m_agree; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<DisagreementEntry> m_entries;
    qint64 m_step = -1, m_judged = 0, m_agree = 0;
};

} // namespace flame::ui
