#include "ui/editor/history_model.h"

namespace flame::ui {

void HistoryModel::setVersions(std::vector<InstructionVersion> versions) {
    beginResetModel();
    m_versions = std::move(versions);
    endResetModel();
}

const InstructionVersion* HistoryModel::at(int row) const {
    return row >= 0 && row < int(m_versions.size()) ? &m_versions[std::size_t(row)] : nullptr;
}

const InstructionVersion* HistoryModel::byVersion(int version) const {
    for (const auto& v : m_versions)
        if (v.version == version) return &v;
    return nullptr;
}

int HistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_versions.size());
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
    const InstructionVersion* v = index.isValid() ? at(index.row()) : nullptr;
    if (!v) return {};
    switch (role) {
    case Qt::DisplayRole: {
        QString text =
            tr("v%1 · %2 · %3")
                .arg(v->version)
                .arg(QString::fromStdString(v->author), QString::fromStdString(v->createdAt));
        if (!v->message.empty())
            text += QStringLiteral("\n    ") + QString::fromStdString(v->message);
        if (index.row() == 0) text = tr("%1  (current)").arg(text);
        return text;
    }
    case Qt::ToolTipRole:
        return QString::fromStdString(v->instructions.title);
    case VersionRole:
        return v->version;
    case IdRole:
        return qlonglong(v->id);
    }
    return {};
}

} // namespace flame::ui
