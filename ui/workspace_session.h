#pragma once
// The workspace the GUI has open, on the GUI thread (DESIGN.md section 2: the GUI reads and writes
// the same database as the CLI and workers). Views read small things through it (one judgment, a
// task's instructions, the statistics table, reviews) and write reviews and instructions; every
// large read goes through a loader thread with its own connection (ui/browse/row_loader.h).
//
// Threading: GUI thread only. Its connection uses a short busy timeout so that a write while an
// import holds the write lock fails quickly with a message instead of freezing the window.
#include <QObject>
#include <QString>

#include <memory>

#include "storage/stats.h"
#include "storage/workspace.h"

namespace flame::ui {

class WorkspaceSession : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceSession(QObject* parent = nullptr);
    ~WorkspaceSession() override;

    bool isOpen() const { return m_ws != nullptr; }
    Workspace* workspace() const { return m_ws.get(); }
    QString path() const;
    bool readOnly() const;
    const WorkspaceStats& stats() const { return m_stats; }
    // "generated" meta flag: the sample corpus is generated data, and the GUI says so.
    bool generated() const { return m_stats.generated; }

    // Takes over a workspace opened elsewhere (on a worker thread); emits opened().
    void adopt(std::unique_ptr<Workspace> ws);
    void close();

    // Re-reads the statistics table (after an import or a sample run); emits statsChanged().
    void refreshStats();

    // The name recorded as author and reviewer (QSettings "user/name", default: login name).
    QString userName() const;
    void setUserName(const QString& name);

    // Views announce writes so that other views refresh.
    void notifyReviewsChanged(qint64 judgmentId) { emit reviewsChanged(judgmentId); }
    void notifyInstructionsChanged(const QString& taskKey) { emit instructionsChanged(taskKey); }

signals:
    void opened();
    void aboutToClose();
    void closed();
    void statsChanged();
    void reviewsChanged(qint64 judgmentId);
    void instructionsChanged(const QString& taskKey);
    void message(const QString& text); // for the status bar

private:
    std::unique_ptr<Workspace> m_ws;
    WorkspaceStats m_stats;
};

// Text of an Error for people (message and place).
QString errorText(const Error& error);

} // namespace flame::ui
