#pragma once
// One judgment in detail: exactly what the model sees (the unified format of model/format.h with
// the task's current instructions, or an older version chosen from the list), the raw fields,
// where it came from, and its reviews. Reads one row by primary key on the GUI connection.
#include <QWidget>

#include <optional>
#include <vector>

#include "model/judgment.h"
#include "storage/search_query.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace flame::ui {

class WorkspaceSession;

class DetailPane : public QWidget {
    Q_OBJECT
public:
    explicit DetailPane(WorkspaceSession* session, QWidget* parent = nullptr);

    void showJudgment(qint64 judgmentId); // 0 clears
    qint64 judgmentId() const { return m_id; }
    void setSearchTerms(const std::vector<SearchTerm>& terms);
    QString formattedText() const;
    QComboBox* versionBox() const { return m_version; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    void fillVersions();
    void retranslate();
    WorkspaceSession* m_session;
    qint64 m_id = 0;
    std::optional<Judgment> m_judgment;
    std::vector<SearchTerm> m_terms;
    QLabel* m_header;
    QLabel* m_versionLabel;
    QComboBox* m_version;
    QPlainTextEdit* m_formatted;
    QTableWidget* m_fields;
    QLabel* m_reviews;
};

} // namespace flame::ui
