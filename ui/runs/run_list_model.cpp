#include "ui/runs/run_list_model.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QSet>

#include "ui/runs/run_colors.h"

namespace flame::ui {

namespace {

QString percent(double v) {
    return std::isnan(v) ? QStringLiteral("–") : QLocale().toString(100.0 * v, 'f', 1);
}

QString localTime(const std::string& utc) {
    if (utc.empty()) return {};
    QDateTime t = QDateTime::fromString(QString::fromStdString(utc), Qt::ISODate);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString::fromStdString(utc);
}

} // namespace

RunListModel::RunListModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunListModel::setRuns(const RunsSnapshot& runs) {
    // Both lists are ordered by id: remove what is gone, then walk both to insert and update.
    QSet<qint64> ids;
    for (const RunInfo& r : runs) ids.insert(r.id());
    for (int i = int(m_rows.size()) - 1; i >= 0; --i)
        if (!ids.contains(m_rows[i].id())) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    int i = 0;
    for (const RunInfo& r : runs) {
        if (i < m_rows.size() && m_rows[i].id() == r.id()) {
            if (m_rows[i] != r) {
                m_rows[i] = r;
                emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            }
        } else {
            beginInsertRows({}, i, i);
            m_rows.insert(i, r);
            endInsertRows();
        }
        ++i;
    }
}

int RunListModel::rowOf(qint64 runId) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id() == runId) return i;
    return -1;
}

int RunListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunListModel::note(const RunInfo& r) {
    if (r.queuePosition > 0) return tr("waiting in the queue (place %1)").arg(r.queuePosition);
    if (r.state() == RunState::Queued && r.workersAlive) return tr("starting");
    if (r.state() == RunState::Queued) return tr("created; not in the studio's queue (resume or start it)");
    if (r.record.cancelRequested && r.state() == RunState::Running) return tr("stopping at the next step");
    if (!r.record.error.empty()) return QString::fromStdString(r.record.error);
    if (r.state() == RunState::Running && !r.launchedHere)
        return tr("worker started outside the studio (%1)").arg(QString::fromStdString(r.record.host));
    return {};
}

QVariant RunListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size()) return {};
    const RunInfo& r = m_rows[index.row()];
    if (role == RunIdRole) return r.id();
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (index.column()) {
        case Id: return sort ? QVariant(r.id()) : QVariant(QString::number(r.id()));
        case Name: return r.name();
        case Variant: return variantName(r.variant());
        case State: return stateName(r.state());
        case Progress:
            if (sort) return r.steps > 0 ? double(r.record.step) / r.steps : 0.0;
            return r.steps > 0 ? tr("%1 / %2").arg(r.record.step).arg(r.steps) : QString::number(r.record.step);
        case Device:
            return r.nproc > 1 ? tr("%1 × %2").arg(r.device()).arg(r.nproc) : r.device();
        case ChatHard: return sort ? QVariant(r.value(QStringLiteral("chat_hard"))) : percent(r.value(QStringLiteral("chat_hard")));
        case Safety: return sort ? QVariant(r.value(QStringLiteral("safety"))) : percent(r.value(QStringLiteral("safety")));
        case Score: return sort ? QVariant(r.value(QStringLiteral("score"))) : percent(r.value(QStringLiteral("score")));
        case Started: return sort ? QVariant(QString::fromStdString(r.record.startedAt)) : localTime(r.record.startedAt);
        case Note: return note(r);
        }
    }
    if (role == Qt::DecorationRole && index.column() == Id) return runColor(r.id());
    if (role == Qt::ToolTipRole) {
        if (index.column() == Note || index.column() == State) return note(r);
        if (index.column() == Started) return QString::fromStdString(r.record.startedAt);
    }
    if (role == Qt::ForegroundRole && index.column() == State) {
        switch (r.state()) {
        case RunState::Failed:
        case RunState::Interrupted: return QBrush(QColor(0xc6, 0x28, 0x28));
        case RunState::Running: return QBrush(QColor(0x2e, 0x7d, 0x32));
        default: break;
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Progress && index.column() <= Score &&
        index.column() != Device)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole && section >= ChatHard && section <= Score)
        return tr("Latest periodic evaluation, in percent (RewardBench-style, on the workspace's evaluation set)");
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Id: return tr("Run");
    case Name: return tr("Name");
    case Variant: return tr("Variant");
    case State: return tr("State");
    case Progress: return tr("Step");
    case Device: return tr("Device");
    case ChatHard: return tr("Chat Hard");
    case Safety: return tr("Safety");
    case Score: return tr("Score");
    case Started: return tr("Started");
    case Note: return tr("Note");
    }
    return {};
}

} // namespace flame::ui
