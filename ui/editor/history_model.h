#pragma once
// The versions of one task's instructions, newest first (every save is kept).
#include <QAbstractListModel>

#include <vector>

#include "storage/instruction_store.h"

namespace flame::ui {

class HistoryModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { VersionRole = Qt::UserRole + 1, IdRole };
    using QAbstractListModel::QAbstractListModel;

    void setVersions(std::vector<InstructionVersion> versions);
    const std::vector<InstructionVersion>& versions() const { return m_versions; }
    const InstructionVersion* at(int row) const;
    const InstructionVersion* byVersion(int version) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::vector<InstructionVersion> m_versions;
};

} // namespace flame::ui
