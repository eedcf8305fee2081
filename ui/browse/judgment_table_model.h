#pragma once
// The judgment table: a virtual model over every row of the current filter (5.3M with "all
// tasks"). Rows live in a lazy segmented cache of fixed-size blocks filled by the RowLoader
// thread; data() never touches the database: a row not loaded yet shows a placeholder and asks
// for its block (requests are coalesced per event-loop turn and replace older ones, so a fast
// scroll only fetches where it stops). Results carry the filter's generation and stale ones are
// dropped (DESIGN.md section 7).
#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <vector>

#include "storage/browse.h"
#include "ui/browse/row_loader.h"

namespace flame::ui {

class WorkspaceSession;

class JudgmentTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        TaskColumn,
        TypeColumn,
        SplitColumn,
        LabelColumn,
        AnnotatorColumn,
        ReviewColumn,
        TextColumn,
        ColumnCount
    };
    enum Role { JudgmentIdRole = Qt::UserRole + 1, LoadedRole, TaskIdRole };
    static constexpr qint64 kBlockRows = 128;
    static constexpr int kMaxBlocks = 256; // 32k rows cached at most

    explicit JudgmentTableModel(WorkspaceSession* session, QObject* parent = nullptr);
    ~JudgmentTableModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Starts browsing `filter` (a new generation). The search must already be valid.
    void setFilter(const BrowseFilter& filter);
    const BrowseFilter& filter() const { return m_filter; }
    const std::vector<SearchTerm>& searchTerms() const { return m_terms; }
    bool layoutKnown() const { return m_layoutKnown; }
    bool complete() const { return m_complete; }
    qint64 upperBound() const { return m_upperBound; }

    bool isRowLoaded(int row) const;
    // 0 when the row is not loaded.
    qint64 judgmentId(int row) const;
    const BrowseRow* rowData(int row) const;

    // Finds the row of a judgment (asynchronous): located() or locateFailed().
    void locate(qint64 judgmentId);
    // Judgment ids at rows [first, first + count) (asynchronous, scans on if needed): idsReady().
    void requestIds(qint64 first, qint64 count, int tag);
    // Forgets cached rows (after reviews changed) and reloads what is shown.
    void reloadRows();
    // Rows not yet requested are fetched with the next event-loop turn. (For tests and the
    // benchmark: how many blocks are waiting for the loader.)
    int pendingBlocks() const { return m_inFlight.size() + m_wanted.size(); }

signals:
    void layoutUpdated(qint64 knownRows, qint64 upperBound, bool complete);
    void located(qint64 judgmentId, int row);
    void locateFailed(qint64 judgmentId, bool notScannedYet);
    void idsReady(int tag, const QVector<qint64>& ids);
    void filterFailed(const QString& message, bool badSearch);
    void blocksLoaded(); // some rows arrived

private:
    struct Block {
        std::vector<BrowseRow> rows;
        quint64 lastUse = 0;
    };
    void startLoader();
    void stopLoader();
    const Block* block(qint64 index) const;
    void flushRequests();
    void onLayout(quint64 generation, qint64 known, qint64 upperBound, bool complete);
    void onRows(quint64 generation, const RowBlockPtr& block);
    QString reviewText(const BrowseRow& row) const;

    WorkspaceSession* m_session;
    RowLoader* m_loader = nullptr;
    BrowseFilter m_filter;
    std::vector<SearchTerm> m_terms;
    quint64 m_generation = 0;
    qint64 m_rows = 0;
    qint64 m_upperBound = 0;
    bool m_layoutKnown = false;
    bool m_complete = false;
    // mutable: data() is const but fills the cache's bookkeeping and the request list.
    mutable QHash<qint64, Block> m_blocks;
    mutable quint64 m_useClock = 0;
    mutable QVector<qint64> m_wanted; // blocks asked for during this event-loop turn, in order
    mutable QSet<qint64> m_inFlight;  // blocks sent with the latest request
    QTimer* m_flush;
};

} // namespace flame::ui
