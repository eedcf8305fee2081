#pragma once
// Hand-over of new metric points from the RunService's thread to the curves (DESIGN.md section 7,
// the PlotJuggler pattern): the producer appends under a short lock and pokes the view; the view
// takes everything pending when its coalescing timer fires, so a burst of points costs one redraw.
//
// Contract: append() and take() may be called from any thread; nothing else is shared.
#include <QHash>
#include <QMutex>
#include <QString>
#include <QVector>

#include "storage/run_store.h"

namespace flame::ui {

struct SeriesKey {
    qint64 runId = 0;
    QString metric; // run_metrics.name: "chat_hard", "safety", "loss", ...
    bool operator==(const SeriesKey& o) const { return runId == o.runId && metric == o.metric; }
    bool operator!=(const SeriesKey& o) const { return !(*this == o); }
};
inline size_t qHash(const SeriesKey& k, size_t seed = 0) {
    return ::qHash(k.runId, seed) ^ ::qHash(k.metric, seed);
}

struct SeriesChunk {
    SeriesKey key;
    bool reset = false; // drop what the view holds for this series before appending
    QVector<MetricPoint> points;
};

class SeriesBuffer {
public:
    // Returns true when the buffer was empty before (the caller pokes the view only then).
    bool append(const SeriesKey& key, QVector<MetricPoint> points, bool reset) {
        QMutexLocker lock(&m_mutex);
        const bool wasEmpty = m_pending.isEmpty();
        auto it = m_pending.find(key);
        if (it == m_pending.end()) {
            m_pending.insert(key, SeriesChunk{key, reset, std::move(points)});
        } else if (reset) {
            *it = SeriesChunk{key, true, std::move(points)};
        } else {
            it->points += points;
        }
        return wasEmpty;
    }
    QVector<SeriesChunk> take() {
        QMutexLocker lock(&m_mutex);
        QVector<SeriesChunk> out;
        out.reserve(m_pending.size());
        for (auto& c : m_pending) out.push_back(std::move(c));
        m_pending.clear();
        return out;
    }

private:
    QMutex m_mutex;
    QHash<SeriesKey, SeriesChunk> m_pending;
};

} // namespace flame::ui
