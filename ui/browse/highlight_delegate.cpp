#include "ui/browse/highlight_delegate.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace flame::ui {

QVector<QPair<int, int>> matchRanges(const QString& text, const std::vector<SearchTerm>& terms) {
    QVector<QPair<int, int>> out;
    if (terms.empty()) return out;
    const QByteArray utf8 = text.toUtf8();
    for (const auto& m :
         findMatches(std::string_view(utf8.constData(), std::size_t(utf8.size())), terms)) {
        const int begin = QString::fromUtf8(utf8.constData(), int(m.begin)).size();
        const int end = QString::fromUtf8(utf8.constData(), int(m.end)).size();
        out.append({begin, end - begin});
    }
    return out;
}

HighlightDelegate::HighlightDelegate(Terms terms, QObject* parent)
    : QStyledItemDelegate(parent), m_terms(std::move(terms)) {}

void HighlightDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const {
    const auto& terms = m_terms();
    if (terms.empty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem o = option;
    initStyleOption(&o, index);
    const QString full = o.text;
    o.text.clear();
    QStyle* style = o.widget ? o.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &o, painter, o.widget);
    const QRect r =
        style->subElementRect(QStyle::SE_ItemViewItemText, &o, o.widget).adjusted(3, 0, -3, 0);
    const QString text = o.fontMetrics.elidedText(full, Qt::ElideRight, r.width());

    QList<QTextLayout::FormatRange> formats;
    const bool dark = o.palette.color(QPalette::Base).lightness() < 128;
    for (const auto& [start, length] : matchRanges(text, terms)) {
        QTextLayout::FormatRange f;
        f.start = start;
        f.length = length;
        f.format.setBackground(dark ? QColor(0x8a, 0x6d, 0x00) : QColor(0xff, 0xe5, 0x6b));
        f.format.setForeground(dark ? QColor(Qt::white) : QColor(Qt::black));
        formats.append(f);
    }
    QTextLayout layout(text, o.font);
    layout.setFormats(formats);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(r.width());
    layout.endLayout();
    painter->save();
    const bool selected = o.state & QStyle::State_Selected;
    painter->setPen(o.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    layout.draw(painter, QPointF(r.left(), r.top() + (r.height() - line.height()) / 2.0));
    painter->restore();
}

} // namespace flame::ui
