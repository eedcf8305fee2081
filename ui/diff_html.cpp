#include "ui/diff_html.h"

namespace flame::ui {

DiffColors DiffColors::forPalette(const QPalette& palette) {
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (dark)
        return {QStringLiteral("#6b2a2f"), QStringLiteral("#24572f"), QStringLiteral("#6b5a1e")};
    return {QStringLiteral("#f6c6cb"), QStringLiteral("#c8ecd0"), QStringLiteral("#fbe7a1")};
}

namespace {

QString escape(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped().replace(QLatin1Char('\n'),
                                                             QStringLiteral("<br>"));
}

} // namespace

QString inlineDiffHtml(const QString& before, const QString& after, const DiffColors& c) {
    QString html;
    for (const auto& p : diffWords(before.toStdString(), after.toStdString())) {
        switch (p.op) {
        case DiffOp::Equal:
            html += escape(p.text);
            break;
        case DiffOp::Removed:
            html += QStringLiteral(
                        "<span style=\"background:%1; text-decoration: line-through;\">%2</span>")
                        .arg(c.removed, escape(p.text));
            break;
        case DiffOp::Added:
            html += QStringLiteral("<span style=\"background:%1;\">%2</span>")
                        .arg(c.added, escape(p.text));
            break;
        }
    }
    return html;
}

QString sideHtml(const std::vector<SidePiece>& side, const DiffColors& c, bool markChanges) {
    QString html;
    for (const auto& p : side) {
        if (p.changed && markChanges)
            html += QStringLiteral("<span style=\"background:%1;\">%2</span>")
                        .arg(c.changed, escape(p.text));
        else
            html += escape(p.text);
    }
    return html;
}

QString joinFields(const std::vector<std::string>& fields) {
    QStringList out;
    for (const auto& f : fields)
        out << QString::fromStdString(f);
    return out.join(QStringLiteral(", "));
}

QString instructionsDiffHtml(const Instructions& a, const Instructions& b, const DiffColors& c,
                             const QString& titleLabel, const QString& descriptionLabel,
                             const QString& fieldsLabel) {
    auto block = [&](const QString& label, const QString& x, const QString& y) {
        return QStringLiteral("<p><b>%1</b><br>%2</p>")
            .arg(label.toHtmlEscaped(), inlineDiffHtml(x, y, c));
    };
    return block(titleLabel, QString::fromStdString(a.title), QString::fromStdString(b.title)) +
           block(descriptionLabel, QString::fromStdString(a.description),
                 QString::fromStdString(b.description)) +
           block(fieldsLabel, joinFields(a.outputFields), joinFields(b.outputFields));
}

} // namespace flame::ui
