#pragma once
// The runs of the workspace as a table: state, progress, device, the latest Chat Hard, Safety and
// score, and a note (queue place, error, who started it). Updated in place from each snapshot
// (rows keyed by run id), so selections survive the 4 Hz refresh.
#include <QAbstractTableModel>

#include "ui/runs/run_info.h"

namespace flame::ui {

class RunListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Name, Variant, State, Progress, Device, ChatHard, Safety, Score, Started, Note, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1, SortRole };

    explicit RunListModel(QObject* parent = nullptr);
    void setRuns(const RunsSnapshot& runs);
    const RunsSnapshot& runs() const { return m_rows; }
    int rowOf(qint64 runId) const; // -1 when absent
    const RunInfo* runAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString note(const RunInfo& run);

private:
    RunsSnapshot m_rows; // by run id, as RunStore lists them
};

} // namespace flame::ui
