#pragma once
// How far reviewers agree with the original annotators (and with each other): share of agreement
// and Cohen's kappa per task, per reviewer and per pair of reviewers (formulas in
// model/agreement.h).
#include <QAbstractTableModel>
#include <QWidget>

#include "model/agreement.h"

class QComboBox;
class QLabel;
class QTableView;
class QCustomPlot;

namespace flame::ui {

class WorkspaceSession;

class AgreementModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Grouping { ByTask, ByReviewer, BetweenReviewers };
    enum Column { GroupColumn, ItemsColumn, ShareColumn, KappaColumn, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setReport(const AgreementReport& report, Grouping grouping);
    const std::vector<AgreementRow>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<AgreementRow> m_rows;
};

class AgreementPanel : public QWidget {
    Q_OBJECT
public:
    explicit AgreementPanel(WorkspaceSession* session, QWidget* parent = nullptr);
    void refresh();
    AgreementModel* model() const { return m_model; }
    const AgreementReport& report() const { return m_report; }
    void setGrouping(AgreementModel::Grouping grouping);
    QCustomPlot* chart() const { return m_chart; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateChart();
    WorkspaceSession* m_session;
    AgreementReport m_report;
    QLabel* m_title;
    QComboBox* m_grouping;
    QTableView* m_table;
    QLabel* m_overall;
    QCustomPlot* m_chart; // agreement and kappa of the shown groups, side by side
    AgreementModel* m_model;
};

} // namespace flame::ui
