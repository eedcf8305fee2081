#pragma once
// The status bar's view of background work: what runs, how far it is, and a cancel button.
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace flame::ui {

class JobRunner;
struct JobOutcome;

class JobStatusWidget : public QWidget {
    Q_OBJECT
public:
    JobStatusWidget(JobRunner* runner, QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onProgress(qint64 done, qint64 total);
    void onFinished(const QString& title, const JobOutcome& outcome);
    void retranslate();
    JobRunner* m_runner;
    QLabel* m_label;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
};

} // namespace flame::ui
