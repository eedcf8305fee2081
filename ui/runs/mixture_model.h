#pragma once
// The launch dialog's mixture preview: one row per task the run would train on, as `flame mixture
// --json` computes it (the engine's own task selection, cap and rates; the GUI does not re-derive
// them). Sort with a QSortFilterProxyModel: numeric columns sort by value (Qt::UserRole).
#include <QAbstractTableModel>
#include <QByteArray>
#include <QVector>

namespace flame::ui {

class MixtureModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Task, Capability, Type, Examples, Rate, PerStep, ColumnCount };
    struct Row {
        QString task, capability, type;
        qint64 examples = 0;
        double rate = 0, perStep = 0;
    };

    explicit MixtureModel(QObject* parent = nullptr);
    // Parses `flame mixture --json` output; false (and the rows cleared) when it is not that.
    bool setJson(const QByteArray& json);
    void setRows(QVector<Row> rows);
    void clear() { setRows({}); }
    const QVector<Row>& rows() const { return m_rows; }
    qint64 totalExamples() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Row> m_rows;
};

} // namespace flame::ui
