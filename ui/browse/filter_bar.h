#pragma once
// The browser's filters: type, capability, split, label, review state, annotator, full-text
// search (checked as typed: a malformed expression shows an inline message and keeps the last
// good results) and "go to id". Text fields apply after a short pause; choices apply at once.
#include <QWidget>

#include "storage/browse.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;

namespace flame::ui {

class FilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FilterBar(QWidget* parent = nullptr);

    // Writes the bar's constraints into `filter` (tasks are not the bar's). False, with the
    // inline message shown, when the search text is malformed.
    bool fill(BrowseFilter& filter);
    // Labels offered in the label box (the selected tasks' labels).
    void setLabels(const QStringList& labels);
    void showSearchError(const QString& message); // e.g. FTS5 refusing an expression
    void showJumpMessage(const QString& message);
    void clear();
    QLineEdit* searchBox() const { return m_search; }
    QLineEdit* jumpBox() const { return m_jump; }
    QComboBox* labelBox() const { return m_label; }

signals:
    void changed();
    void jumpRequested(qint64 judgmentId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillCombos();
    QComboBox* m_type;
    QComboBox* m_capability;
    QComboBox* m_split;
    QComboBox* m_label;
    QComboBox* m_review;
    QLineEdit* m_annotator;
    QLineEdit* m_search;
    QLineEdit* m_jump;
    QLabel* m_message;
    QLabel* m_searchLabel;
    QLabel* m_jumpLabel;
    QTimer* m_debounce;
};

} // namespace flame::ui
