#include "ui/browse/row_loader.h"

#include <QElapsedTimer>

namespace flame::ui {

RowLoader::RowLoader(const QString& workspacePath, QObject* parent)
    : QThread(parent), m_path(workspacePath) {
    qRegisterMetaType<flame::ui::RowBlockPtr>();
    qRegisterMetaType<QVector<qint64>>();
}

RowLoader::~RowLoader() {
    stop();
    wait();
}

void RowLoader::stop() {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    if (m_db) m_db->interrupt();
    m_wake.notify_all();
}

bool RowLoader::hasWork() const {
    return m_stop || m_pendingFilter || !m_rowRequests.empty() || !m_idRequests.empty() ||
           !m_locates.empty() || m_sessionScanning;
}

void RowLoader::setFilter(const BrowseFilter& filter, quint64 generation) {
    std::lock_guard lock(m_mutex);
    m_generation = generation;
    m_pendingFilter = filter;
    m_rowRequests.clear();
    m_idRequests.clear();
    m_locates.clear();
    m_sessionScanning = false;
    // Whatever runs now belongs to an older filter. If the loader is between statements the
    // interrupt is a no-op (SQLite clears it when the next statement starts); if it lands on a
    // statement of the new generation, that statement is retried.
    if (m_db) m_db->interrupt();
    m_wake.notify_all();
}

void RowLoader::requestRows(const QVector<QPair<qint64, qint64>>& ranges, quint64 generation) {
    std::lock_guard lock(m_mutex);
    if (generation != m_generation) return;
    m_rowRequests.assign(ranges.begin(), ranges.end());
    m_wake.notify_all();
}

void RowLoader::requestIds(qint64 first, qint64 count, quint64 generation, int tag) {
    std::lock_guard lock(m_mutex);
    if (generation != m_generation) return;
    m_idRequests.push_back({first, count, tag});
    m_wake.notify_all();
}

void RowLoader::locate(qint64 judgmentId, quint64 generation) {
    std::lock_guard lock(m_mutex);
    if (generation != m_generation) return;
    m_locates.push_back(judgmentId);
    m_wake.notify_all();
}

void RowLoader::scanStep(BrowseSession& session, quint64 generation) {
    QElapsedTimer t;
    t.start();
    auto r = session.scanStep(m_budget);
    if (!r) {
        if (r.error().kind == ErrorKind::Cancelled)
            return; // superseded, or retried on the next turn
        emit failed(generation, QString::fromStdString(r.error().message),
                    r.error().kind == ErrorKind::BadInput);
        std::lock_guard lock(m_mutex);
        m_sessionScanning = false;
        return;
    }
    // Steps of about 15 ms keep a newly visible page waiting at most that long.
    const qint64 ms = t.elapsed();
    if (ms < 8)
        m_budget = std::min<qint64>(m_budget * 2, 1 << 20);
    else if (ms > 25)
        m_budget = std::max<qint64>(m_budget / 2, 1000);
}

void RowLoader::run() {
    auto opened = Workspace::open(m_path.toStdString(), WorkspaceMode::ReadOnly);
    if (!opened) {
        emit failed(0, QString::fromStdString(opened.error().toString()), false);
        return;
    }
    Workspace ws = std::move(opened).value();
    {
        std::lock_guard lock(m_mutex);
        m_db = &ws.db();
        if (m_stop) {
            m_db = nullptr;
            return;
        }
    }
    std::optional<BrowseSession> session;
    QElapsedTimer sinceLayout;
    sinceLayout.start();
    qint64 lastKnown = -1;

    for (;;) {
        enum class Kind { Filter, Rows, Ids, Locate, Scan } kind;
        BrowseFilter filter;
        QPair<qint64, qint64> rows;
        IdRequest ids{};
        qint64 locateId = 0;
        quint64 generation = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return hasWork(); });
            if (m_stop) break;
            generation = m_generation;
            if (m_pendingFilter) {
                kind = Kind::Filter;
                filter = std::move(*m_pendingFilter);
                m_pendingFilter.reset();
            } else if (!m_rowRequests.empty()) {
                kind = Kind::Rows;
                rows = m_rowRequests.front();
                m_rowRequests.pop_front();
            } else if (!m_locates.empty()) {
                kind = Kind::Locate;
                locateId = m_locates.front();
                m_locates.pop_front();
            } else if (!m_idRequests.empty()) {
                kind = Kind::Ids;
                ids = m_idRequests.front();
                m_idRequests.pop_front();
            } else {
                kind = Kind::Scan;
            }
        }
        auto stillCurrent = [&] {
            std::lock_guard lock(m_mutex);
            return generation == m_generation && !m_pendingFilter;
        };
        auto publishLayout = [&](bool force) {
            const bool complete = session->complete();
            // While the first screenful is being found every step is published (the view is
            // waiting for it); after that at most every 100 ms (each one costs the GUI a row
            // insertion and a repaint).
            const bool early = lastKnown < 1000 && session->knownRows() > lastKnown;
            if (!force && !complete && !early && sinceLayout.elapsed() < 100) return;
            if (!force && session->knownRows() == lastKnown && !complete) return;
            lastKnown = session->knownRows();
            sinceLayout.restart();
            emit layoutChanged(generation, session->knownRows(), session->upperBound(), complete);
        };

        switch (kind) {
        case Kind::Filter: {
            session.reset();
            auto created = BrowseSession::create(ws, filter);
            if (!created) {
                if (created.error().kind == ErrorKind::Cancelled && stillCurrent()) {
                    std::lock_guard lock(m_mutex);
                    m_pendingFilter = filter; // interrupted by a stale interrupt: try again
                    continue;
                }
                if (stillCurrent())
                    emit failed(generation, QString::fromStdString(created.error().message),
                                created.error().kind == ErrorKind::BadInput);
                continue;
            }
            session.emplace(std::move(created).value());
            m_sessionGeneration = generation;
            // Small first steps find the first screenful soon, even from a cold cache; the
            // steps then grow while they stay fast.
            m_budget = 2000;
            lastKnown = -1;
            {
                std::lock_guard lock(m_mutex);
                if (generation == m_generation) m_sessionScanning = !session->complete();
            }
            publishLayout(true);
            break;
        }
        case Kind::Rows: {
            if (!session || m_sessionGeneration != generation) break;
            auto fetched = session->fetch(rows.first, rows.second);
            if (!fetched) {
                if (fetched.error().kind == ErrorKind::Cancelled) {
                    if (stillCurrent()) {
                        std::lock_guard lock(m_mutex);
                        m_rowRequests.push_front(rows);
                    }
                } else {
                    emit failed(generation, QString::fromStdString(fetched.error().message),
                                fetched.error().kind == ErrorKind::BadInput);
                }
                break;
            }
            auto block = std::make_shared<RowBlock>();
            block->first = rows.first;
            block->rows = std::move(fetched).value();
            emit rowsLoaded(generation, RowBlockPtr(std::move(block)));
            break;
        }
        case Kind::Locate: {
            if (!session || m_sessionGeneration != generation) break;
            auto where = session->locate(locateId);
            if (!where) {
                if (where.error().kind == ErrorKind::Cancelled && stillCurrent()) {
                    std::lock_guard lock(m_mutex);
                    m_locates.push_front(locateId);
                }
                break;
            }
            if (where->state == BrowseSession::Locate::NotScannedYet && !session->complete()) {
                // Not reached yet: scan on and ask again after the next steps.
                scanStep(*session, generation);
                publishLayout(false);
                std::lock_guard lock(m_mutex);
                if (generation == m_generation) {
                    m_locates.push_back(locateId);
                    m_sessionScanning = !session->complete();
                }
                break;
            }
            emit located(generation, locateId, int(where->state), where->row);
            break;
        }
        case Kind::Ids: {
            if (!session || m_sessionGeneration != generation) break;
            // The review queue wants ids that may lie beyond the scan: scan until they are known.
            while (!session->complete() && session->knownRows() < ids.first + ids.count &&
                   stillCurrent()) {
                scanStep(*session, generation);
                publishLayout(false);
            }
            auto got = session->fetchIds(ids.first, ids.count);
            if (!got) {
                if (got.error().kind != ErrorKind::Cancelled)
                    emit failed(generation, QString::fromStdString(got.error().message), false);
                break;
            }
            emit idsLoaded(generation, ids.tag, QVector<qint64>(got->begin(), got->end()));
            break;
        }
        case Kind::Scan: {
            if (!session || m_sessionGeneration != generation) {
                std::lock_guard lock(m_mutex);
                if (generation == m_generation) m_sessionScanning = false;
                break;
            }
            scanStep(*session, generation);
            publishLayout(false);
            std::lock_guard lock(m_mutex);
            if (generation == m_generation && m_sessionScanning)
                m_sessionScanning = !session->complete();
            break;
        }
        }
    }
    std::lock_guard lock(m_mutex);
    m_db = nullptr;
}

} // namespace flame::ui
