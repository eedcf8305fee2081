#pragma once
// Paints the table's text column with the search's words highlighted (the full-text index is
// contentless, so FTS5's highlight() cannot be used: matches are found again on the shown text).
#include <QStyledItemDelegate>

#include <functional>
#include <vector>

#include "storage/search_query.h"

namespace flame::ui {

class HighlightDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using Terms = std::function<const std::vector<SearchTerm>&()>;
    HighlightDelegate(Terms terms, QObject* parent = nullptr);
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

private:
    Terms m_terms;
};

// Character ranges (QString indices) of `text` matching `terms`.
QVector<QPair<int, int>> matchRanges(const QString& text, const std::vector<SearchTerm>& terms);

} // namespace flame::ui
