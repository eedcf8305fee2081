#include "ui/workspace_controller.h"

#include <QFileInfo>
#include <QSettings>

#include <memory>

#include "storage/sample_writer.h"
#include "storage/search_index.h"
#include "ui/job_runner.h"
#include "ui/workspace_session.h"

namespace flame::ui {

WorkspaceController::WorkspaceController(WorkspaceSession* session, JobRunner* jobs,
                                         QObject* parent)
    : QObject(parent), m_session(session), m_jobs(jobs) {}

QStringList WorkspaceController::recentFiles() {
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void WorkspaceController::addRecent(const QString& path) {
    QStringList list = recentFiles();
    const QString abs = QFileInfo(path).absoluteFilePath();
    list.removeAll(abs);
    list.prepend(abs);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(QStringLiteral("recentFiles"), list);
    emit recentFilesChanged();
}

bool WorkspaceController::open(const QString& path, bool readOnly) {
    // The workspace is opened (and migrated if older) on the job's thread, then handed over:
    // a Workspace is used by one thread at a time, and this one is never used there again.
    auto result = std::make_shared<std::unique_ptr<Workspace>>();
    const std::string file = path.toStdString();
    const bool started = m_jobs->start(
        tr("Opening %1").arg(QFileInfo(path).fileName()),
        [result, file, readOnly](JobContext&) -> QString {
            auto ws = Workspace::open(file, readOnly ? WorkspaceMode::ReadOnly
                                                     : WorkspaceMode::ReadWrite);
            if (!ws) return errorText(ws.error());
            *result = std::make_unique<Workspace>(std::move(ws).value());
            return {};
        },
        [this, result, path](const JobOutcome& outcome) {
            if (!outcome.ok() || !*result) {
                emit finished(false, tr("Cannot open %1: %2").arg(path, outcome.error));
                return;
            }
            m_session->adopt(std::move(*result));
            addRecent(path);
            emit finished(true, tr("Opened %1").arg(path));
            indexForSearch();
        });
    if (started) m_session->close();
    return started;
}

bool WorkspaceController::create(const QString& path) {
    const std::string file = path.toStdString();
    return m_jobs->start(
        tr("Creating %1").arg(QFileInfo(path).fileName()),
        [file](JobContext&) -> QString {
            auto ws = Workspace::create(file);
            return ws ? QString() : errorText(ws.error());
        },
        [this, path](const JobOutcome& outcome) {
            if (!outcome.ok()) {
                emit finished(false, tr("Cannot create %1: %2").arg(path, outcome.error));
                return;
            }
            open(path);
        });
}

bool WorkspaceController::generateSample(const sample::SampleOptions& options) {
    if (!m_session->isOpen()) return false;
    const std::string file = m_session->path().toStdString();
    auto written = std::make_shared<SampleWriteResult>();
    return m_jobs->start(
        tr("Generating %1 sample judgments").arg(options.judgments),
        [file, options, written](JobContext& ctx) -> QString {
            // Its own connection: the writer commits batches while the GUI keeps reading.
            auto ws = Workspace::open(file, WorkspaceMode::ReadWrite);
            if (!ws) return errorText(ws.error());
            auto r = writeSampleCorpus(*ws, options, [&ctx](std::int64_t done, std::int64_t total) {
                return ctx.progress(done, total);
            });
            if (!r)
                return r.error().kind == ErrorKind::Cancelled ? QString() : errorText(r.error());
            *written = *r;
            return {};
        },
        [this, written](const JobOutcome& outcome) {
            m_session->refreshStats();
            if (outcome.cancelled)
                emit finished(false, tr("Sample generation cancelled; the batches written so far "
                                        "are kept (run it again to complete)."));
            else if (!outcome.ok())
                emit finished(false, tr("Sample generation failed: %1").arg(outcome.error));
            else
                emit finished(true, tr("Generated %1 sample judgments (%2 were already there). "
                                       "This data is generated, not human.")
                                        .arg(written->inserted)
                                        .arg(written->duplicates));
            indexForSearch();
        });
}

bool WorkspaceController::importFile(const QString& path, const ImportOptions& options) {
    if (!m_session->isOpen()) return false;
    const std::string file = m_session->path().toStdString();
    const std::string input = path.toStdString();
    auto result = std::make_shared<ImportResult>();
    return m_jobs->start(
        tr("Importing %1").arg(QFileInfo(path).fileName()),
        [file, input, options, result](JobContext& ctx) -> QString {
            auto ws = Workspace::open(file, WorkspaceMode::ReadWrite);
            if (!ws) return errorText(ws.error());
            ImportOptions o = options;
            o.progress = [&ctx](std::int64_t done, std::int64_t total) {
                return ctx.progress(done, total);
            };
            auto r = flame::importFile(*ws, input, o);
            if (!r)
                return r.error().kind == ErrorKind::Cancelled ? QString() : errorText(r.error());
            *result = *r;
            return {};
        },
        [this, path, result](const JobOutcome& outcome) {
            m_session->refreshStats();
            if (outcome.cancelled)
                emit finished(false, tr("Import cancelled; nothing was kept."));
            else if (!outcome.ok())
                emit finished(false, tr("Import of %1 failed: %2").arg(path, outcome.error));
            else
                emit finished(true, tr("Imported %1: %2 judgments added, %3 already present, %4 "
                                       "bad records skipped.")
                                        .arg(path)
                                        .arg(result->inserted)
                                        .arg(result->duplicates)
                                        .arg(result->badCount));
            indexForSearch();
        });
}

bool WorkspaceController::indexForSearch() {
    if (!m_session->isOpen() || m_session->readOnly() || m_session->stats().searchPending <= 0)
        return false;
    const std::string file = m_session->path().toStdString();
    return m_jobs->start(
        tr("Indexing %1 judgments for search").arg(m_session->stats().searchPending),
        [file](JobContext& ctx) -> QString {
            auto ws = Workspace::open(file, WorkspaceMode::ReadWrite);
            if (!ws) return errorText(ws.error());
            auto r = indexSearchText(*ws, [&ctx](std::int64_t done, std::int64_t total) {
                return ctx.progress(done, total);
            });
            if (!r)
                return r.error().kind == ErrorKind::Cancelled ? QString() : errorText(r.error());
            return {};
        },
        [this](const JobOutcome& outcome) {
            m_session->refreshStats();
            if (outcome.cancelled)
                emit finished(false, tr("Search indexing stopped; what was indexed is kept, the "
                                        "rest is indexed next time."));
            else if (!outcome.ok())
                emit finished(false, tr("Search indexing failed: %1").arg(outcome.error));
            else
                emit finished(true, tr("Every judgment is searchable."));
        });
}

} // namespace flame::ui
