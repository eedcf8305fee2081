#pragma once
// The review view: a reviewer works through a queue with the keyboard. Pairwise judgments show the
// prompt on top and responses A and B side by side, with a word-level difference highlight (D)
// and the human label shown or hidden (H, blind mode); other judgments show the response with its
// label. Verdicts (agree, prefer A/B, a rating or label by number, flag, note) go to the reviews
// table and never change the judgment; U or Ctrl+Z withdraws the last one. A judgment whose
// reviews disagree with its label can be given a gold label. The agreement panel sits beside it.
#include <QVector>
#include <QWidget>

#include <optional>

#include "model/judgment.h"
#include "storage/browse.h"
#include "storage/review_store.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;
class QToolButton;
class QHBoxLayout;

namespace flame::ui {

class AgreementPanel;
class JudgmentTableModel;
class WorkspaceSession;

class ReviewView : public QWidget {
    Q_OBJECT
public:
    // `browser` supplies queues built from the browser's current filter; `startRow` says where
    // the browser's view is (the queue starts there).
    ReviewView(WorkspaceSession* session, JudgmentTableModel* browser,
               std::function<int()> startRow, QWidget* parent = nullptr);

    static constexpr int kQueueSize = 500;

    // Queues.
    void buildQueueFromBrowser(); // asynchronous: queueReady() when the ids arrived
    void setQueue(const QVector<qint64>& ids, const QString& origin);
    bool loadDisputedQueue();
    const QVector<qint64>& queue() const { return m_queue; }
    int position() const { return m_index; }
    qint64 currentJudgment() const;

    // The verdicts behind the keys (tests call them as the keys do).
    bool agree();
    bool prefer(const QString& side); // "A" or "B"
    bool chooseLabel(int number);     // key 1..9 (and 0 for a rating of 0)
    bool flag();
    bool addNote(const QString& text);
    bool undoLast();
    void next();
    void previous();
    bool adjudicate(const QString& label);
    void setBlind(bool blind);
    void setDiff(bool on);
    bool blind() const { return m_blind; }
    bool diffShown() const { return m_diffOn; }

    bool exportReviews(const QString& path);
    bool exportGold(const QString& path);

    QString promptText() const;
    QString sideText(int side) const; // 0: A (or the response), 1: B
    QString sideHtml(int side) const;
    QString labelText() const;
    QString statusText() const;
    AgreementPanel* agreementPanel() const { return m_agreement; }
    QList<QAction*> reviewActions() const { return m_actions; }

signals:
    void queueReady(int size);

protected:
    void changeEvent(QEvent* event) override;

private:
    bool record(Verdict verdict, const std::string& label, const QString& note, bool advance);
    void showCurrent();
    void renderSides();
    void rebuildLabelButtons();
    void retranslate();
    void setStatus(const QString& text);
    QAction* addKeyAction(const QKeySequence& key, const std::function<void()>& slot,
                          const char* name);

    WorkspaceSession* m_session;
    JudgmentTableModel* m_browser;
    std::function<int()> m_startRow;
    int m_requestTag = 0;
    QVector<qint64> m_queue;
    QString m_origin;
    int m_index = -1;
    std::optional<Judgment> m_judgment;
    const TaskDefinition* m_task = nullptr;
    bool m_blind = false;
    bool m_diffOn = true;
    struct Recorded {
        qint64 reviewId, judgmentId;
        int index;
    };
    QVector<Recorded> m_recorded; // this session's reviews, for undo

    QLabel* m_queueLabel;
    QPushButton* m_fromBrowser;
    QPushButton* m_disputed;
    QToolButton* m_blindButton;
    QToolButton* m_diffButton;
    QLabel* m_header;
    QTextBrowser* m_prompt;
    QLabel* m_sideLabelA;
    QLabel* m_sideLabelB;
    QTextBrowser* m_sideA;
    QTextBrowser* m_sideB;
    QWidget* m_sideBBox;
    QLabel* m_label;
    QLabel* m_reviews;
    QHBoxLayout* m_verdictRow;
    QHBoxLayout* m_labelRow;
    QVector<QPushButton*> m_verdictButtons;
    QVector<QPushButton*> m_labelButtons;
    QLineEdit* m_note;
    QComboBox* m_goldChoice;
    QPushButton* m_goldButton;
    QLabel* m_goldLabel;
    QLabel* m_status;
    QPushButton* m_exportReviews;
    QPushButton* m_exportGold;
    AgreementPanel* m_agreement;
    QList<QAction*> m_actions;
    QString m_sideTextA, m_sideTextB;
};

} // namespace flame::ui
