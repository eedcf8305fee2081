#pragma once
// Opening, creating and filling workspaces, as background jobs (JobRunner): open (a migration may
// run), create, generate the sample corpus, import a file. Keeps the recent-files list. The main
// window only wires its actions to these.
#include <QObject>
#include <QStringList>

#include "model/sample/corpus.h"
#include "storage/import.h"

namespace flame::ui {

class JobRunner;
class WorkspaceSession;

class WorkspaceController : public QObject {
    Q_OBJECT
public:
    WorkspaceController(WorkspaceSession* session, JobRunner* jobs, QObject* parent = nullptr);

    // All asynchronous; the outcome is reported by finished() (and the session's signals).
    bool open(const QString& path, bool readOnly = false);
    bool create(const QString& path);
    bool generateSample(const sample::SampleOptions& options);
    bool importFile(const QString& path, const ImportOptions& options);
    // Brings the full-text index up to date (storage/search_index.h: it follows the rows, so
    // after a bulk write some judgments are not searchable yet). Runs after open, sample and
    // import by itself; false when nothing is pending or another job runs.
    bool indexForSearch();

    static QStringList recentFiles();
    static constexpr int kMaxRecent = 8;

signals:
    void finished(bool ok, const QString& message);
    void recentFilesChanged();

private:
    void addRecent(const QString& path);
    WorkspaceSession* m_session;
    JobRunner* m_jobs;
};

} // namespace flame::ui
