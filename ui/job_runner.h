#pragma once
// Long work off the GUI thread (DESIGN.md section 7): opening a large workspace, generating the
// sample corpus, importing a file, exporting. One job at a time; the status bar shows its title,
// progress and a cancel button (ui/job_status_widget.h).
//
// Contract: the work function runs on its own thread and must not touch widgets or the GUI
// thread's Workspace; it opens its own connection if it needs one. It reports through the
// JobContext (thread-safe) and returns an error text, empty on success. `done` runs on the GUI
// thread after the work returned.
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>

class QThread;
class QTimer;

namespace flame::ui {

class JobContext {
public:
    // Records progress; returns false once cancel was requested (the work should stop).
    bool progress(qint64 done, qint64 total) {
        m_done = done;
        m_total = total;
        return !m_cancel;
    }
    bool cancelled() const { return m_cancel; }

private:
    friend class JobRunner;
    std::atomic<bool> m_cancel{false};
    std::atomic<qint64> m_done{0}, m_total{0};
};

struct JobOutcome {
    QString error; // empty on success
    bool cancelled = false;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

class JobRunner : public QObject {
    Q_OBJECT
public:
    using Work = std::function<QString(JobContext&)>;
    using Done = std::function<void(const JobOutcome&)>;

    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override; // cancels and waits

    // Starts a job; false (and nothing started) while another one runs.
    bool start(const QString& title, Work work, Done done = {});
    bool busy() const { return m_thread != nullptr; }
    QString title() const { return m_title; }
    // Cancels the running job and waits for its thread (used before closing a workspace). The
    // job's `done` still runs, before this returns.
    void cancelAndWait();

public slots:
    void cancel();

signals:
    void started(const QString& title);
    void progress(qint64 done, qint64 total);
    void finished(const QString& title, const JobOutcome& outcome);

private:
    void onThreadFinished();
    QThread* m_thread = nullptr;
    QTimer* m_poll = nullptr;
    JobContext* m_context = nullptr;
    QString m_title;
    Done m_done;
    JobOutcome m_outcome;
};

} // namespace flame::ui
