#pragma once
// The browser's one loader thread (DESIGN.md section 7; pattern: DB Browser for SQLite's
// RowLoader). It owns its own read-only connection and a BrowseSession for the current filter,
// and serves, in this order of priority: a new filter, the row blocks the view needs now, jumps
// to a judgment id, id lists for the review queue, and, when idle, the next step of a scanned
// filter (which makes the known row count grow).
//
// Contract (cross-thread):
//   - every public method is called from the GUI thread and returns at once;
//   - every request carries the generation of the filter it was made for; a new filter bumps the
//     generation, drops queued requests of older ones and interrupts (sqlite3_interrupt) a
//     statement still running for an older one; results carry their generation, and the model
//     drops those that are not current;
//   - requestRows() replaces the queued row requests: blocks the view no longer needs are not
//     fetched (superseded fetches are cancelled);
//   - signals are emitted on the loader thread; connect them with (automatic) queued connections.
#include <QThread>
#include <QVector>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

#include "storage/browse.h"

namespace flame::db {
class Database;
}

namespace flame::ui {

struct RowBlock {
    qint64 first = 0;
    std::vector<BrowseRow> rows;
};
using RowBlockPtr = std::shared_ptr<const RowBlock>;

class RowLoader : public QThread {
    Q_OBJECT
public:
    explicit RowLoader(const QString& workspacePath, QObject* parent = nullptr);
    ~RowLoader() override; // stops and waits

    void setFilter(const BrowseFilter& filter, quint64 generation);
    // Row ranges (first row, count) wanted now, most urgent first; replaces queued ones.
    void requestRows(const QVector<QPair<qint64, qint64>>& ranges, quint64 generation);
    void requestIds(qint64 first, qint64 count, quint64 generation, int tag);
    void locate(qint64 judgmentId, quint64 generation);
    void stop();

signals:
    void layoutChanged(quint64 generation, qint64 knownRows, qint64 upperBound, bool complete);
    void rowsLoaded(quint64 generation, flame::ui::RowBlockPtr block);
    void idsLoaded(quint64 generation, int tag, const QVector<qint64>& ids);
    // state: BrowseSession::Locate as int
    void located(quint64 generation, qint64 judgmentId, int state, qint64 row);
    // badInput: the filter itself is wrong (a search FTS5 rejects), not the database.
    void failed(quint64 generation, const QString& message, bool badInput);

protected:
    void run() override;

private:
    struct IdRequest {
        qint64 first, count;
        int tag;
    };
    bool hasWork() const; // with m_mutex held
    void scanStep(BrowseSession& session, quint64 generation);

    const QString m_path;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    quint64 m_generation = 0; // the current filter's generation
    quint64 m_sessionGeneration =
        0;                          // generation the loader's session was built for (loader thread)
    bool m_sessionScanning = false; // the session exists and is not complete (guarded)
    std::optional<BrowseFilter> m_pendingFilter;
    std::deque<QPair<qint64, qint64>> m_rowRequests;
    std::deque<IdRequest> m_idRequests;
    std::deque<qint64> m_locates;
    db::Database* m_db = nullptr; // the loader's connection, for interrupt() (guarded)
    qint64 m_budget = 2000;       // scan step size (ids), adapted to about 15 ms a step
};

} // namespace flame::ui

Q_DECLARE_METATYPE(flame::ui::RowBlockPtr)
