#include "ui/runs/mixture_model.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "ui/labels.h"

namespace flame::ui {

MixtureModel::MixtureModel(QObject* parent) : QAbstractTableModel(parent) {}

bool MixtureModel::setJson(const QByteArray& json) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray()) {
        clear();
        return false;
    }
    QVector<Row> rows;
    for (const QJsonValue& v : doc.array()) {
        const QJsonObject o = v.toObject();
        Row r;
        r.task = o.value(QStringLiteral("task")).toString();
        r.capability = o.value(QStringLiteral("capability")).toString();
        r.type = o.value(QStringLiteral("type")).toString();
        r.examples = qint64(o.value(QStringLiteral("examples")).toDouble());
        r.rate = o.value(QStringLiteral("rate")).toDouble();
        r.perStep = o.value(QStringLiteral("per_step")).toDouble();
        rows.push_back(r);
    }
    setRows(std::move(rows));
    return true;
}

void MixtureModel::setRows(QVector<Row> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

qint64 MixtureModel::totalExamples() const {
    qint64 n = 0;
    for (const Row& r : m_rows) n += r.examples;
    return n;
}

int MixtureModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MixtureModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MixtureModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size()) return {};
    const Row& r = m_rows[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Task: return r.task;
        case Capability: {
            const auto c = parseCapability(r.capability.toStdString());
            return c ? capabilityName(*c) : r.capability;
        }
        case Type: {
            const auto t = parseTaskType(r.type.toStdString());
            return t ? taskTypeName(*t) : r.type;
        }
        case Examples: return formatCount(r.examples);
        case Rate: return QLocale().toString(100.0 * r.rate, 'f', 2) + QStringLiteral(" %");
        case PerStep: return QLocale().toString(r.perStep, 'f', 2);
        }
    }
    if (role == Qt::UserRole) { // sort key
        switch (index.column()) {
        case Examples: return r.examples;
        case Rate: return r.rate;
        case PerStep: return r.perStep;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Examples)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant MixtureModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Task: return tr("Task");
    case Capability: return tr("Capability");
    case Type: return tr("Type");
    case Examples: return tr("Examples");
    case Rate: return tr("Sampling rate");
    case PerStep: return tr("Examples per step");
    }
    return {};
}

} // namespace flame::ui
