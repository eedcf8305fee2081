#include "ui/job_runner.h"

#include <QThread>
#include <QTimer>

#include <exception>

namespace flame::ui {

JobRunner::JobRunner(QObject* parent) : QObject(parent), m_poll(new QTimer(this)) {
    // Progress is polled, not signalled per row: the work may report a million times a second.
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (m_context) emit progress(m_context->m_done, m_context->m_total);
    });
}

JobRunner::~JobRunner() {
    cancelAndWait();
}

bool JobRunner::start(const QString& title, Work work, Done done) {
    if (m_thread) return false;
    m_title = title;
    m_done = std::move(done);
    m_outcome = {};
    m_context = new JobContext;
    JobContext* ctx = m_context;
    JobOutcome* outcome = &m_outcome;
    m_thread = QThread::create([work = std::move(work), ctx, outcome] {
        // Exceptions end at the thread's entry point (DESIGN.md section 7).
        try {
            outcome->error = work(*ctx);
        } catch (const std::exception& e) {
            outcome->error = QStringLiteral("internal error: %1").arg(QString::fromUtf8(e.what()));
        } catch (...) {
            outcome->error = QStringLiteral("internal error");
        }
        outcome->cancelled = ctx->cancelled();
    });
    // A finished() still queued after cancelAndWait() handled the thread must not end a later job.
    QThread* thread = m_thread;
    connect(thread, &QThread::finished, this, [this, thread] {
        if (thread == m_thread) onThreadFinished();
    });
    m_thread->start();
    m_poll->start();
    emit started(title);
    emit progress(0, 0);
    return true;
}

void JobRunner::cancel() {
    if (m_context) m_context->m_cancel = true;
}

void JobRunner::cancelAndWait() {
    if (!m_thread) return;
    cancel();
    m_thread->wait();
    onThreadFinished();
}

void JobRunner::onThreadFinished() {
    if (!m_thread) return; // already handled by cancelAndWait()
    m_poll->stop();
    m_thread->deleteLater();
    m_thread = nullptr;
    delete m_context;
    m_context = nullptr;
    const JobOutcome outcome = m_outcome;
    const QString title = m_title;
    Done done = std::move(m_done);
    m_done = {};
    if (done) done(outcome);
    emit finished(title, outcome);
}

} // namespace flame::ui
