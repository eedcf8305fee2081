#include "ui/runs/log_panel.h"

#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace flame::ui {

namespace {

QString num(const QJsonObject& o, const char* key, int decimals = 4) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? QString::number(v.toDouble(), 'f', decimals) : QStringLiteral("–");
}

QString sci(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? QString::number(v.toDouble(), 'e', 2) : QStringLiteral("–");
}

} // namespace

LogPanel::LogPanel(QWidget* parent)
    : QWidget(parent), m_header(new QLabel(this)), m_text(new QPlainTextEdit(this)), m_timer(new QTimer(this)) {
    setObjectName(QStringLiteral("logPanel"));
    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setMaximumBlockCount(20000); // a long run's log stays cheap to show
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_header->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_text, 1);
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &LogPanel::poll);
    retranslate();
}

void LogPanel::setRun(qint64 runId, const QString& path, bool startedElsewhere) {
    if (runId == m_runId && path == m_path) return;
    m_runId = runId;
    m_path = path;
    m_elsewhere = startedElsewhere;
    m_offset = 0;
    m_partial.clear();
    m_text->clear();
    retranslate();
    if (runId > 0) {
        poll();
        m_timer->start();
    } else {
        m_timer->stop();
    }
}

QString LogPanel::text() const {
    return m_text->toPlainText();
}

void LogPanel::poll() {
    if (m_path.isEmpty()) return;
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly)) return;
    if (f.size() < m_offset) { // truncated or replaced: start again
        m_offset = 0;
        m_partial.clear();
        m_text->clear();
    }
    if (f.size() == m_offset) return;
    // At most 1 MB per tick: a huge log never freezes the window, it catches up over ticks.
    f.seek(m_offset);
    QByteArray chunk = f.read(1 << 20);
    m_offset += chunk.size();
    m_partial += chunk;
    const int last = m_partial.lastIndexOf('\n');
    if (last < 0) return;
    const QList<QByteArray> lines = m_partial.left(last).split('\n');
    m_partial.remove(0, last + 1);
    QScrollBar* bar = m_text->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    QStringList shown;
    for (const QByteArray& line : lines)
        if (!line.trimmed().isEmpty()) shown << formatLine(QString::fromUtf8(line));
    if (!shown.isEmpty()) m_text->appendPlainText(shown.join(QLatin1Char('\n')));
    if (atEnd) bar->setValue(bar->maximum()); // follow the end unless the user scrolled back
    if (m_elsewhere) retranslate(); // the file appeared after all (a tool ran from the studio)
}

QString LogPanel::formatLine(const QString& line) {
    if (!line.startsWith(QLatin1Char('{'))) return line;
    const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
    const QString event = o.value(QStringLiteral("event")).toString();
    const QString step = QString::number(qint64(o.value(QStringLiteral("step")).toDouble()));
    if (event == QLatin1String("step"))
        return tr("step %1  loss %2  lr %3  examples %4")
            .arg(step, num(o, "loss"), sci(o, "lr"))
            .arg(qint64(o.value(QStringLiteral("examples")).toDouble()));
    if (event == QLatin1String("eval"))
        return tr("evaluation at step %1: Chat %2  Chat Hard %3  Safety %4  Reasoning %5  Score %6  held-out loss %7")
            .arg(step, num(o, "chat", 3), num(o, "chat_hard", 3), num(o, "safety", 3), num(o, "reasoning", 3),
                 num(o, "score", 3), num(o, "loss"));
    if (event == QLatin1String("checkpoint"))
        return tr("checkpoint at step %1: %2").arg(step, o.value(QStringLiteral("path")).toString());
    if (event == QLatin1String("start")) {
        const QString started = tr("started: %1 on %2, rank %3 of %4")
                                    .arg(o.value(QStringLiteral("variant")).toString(),
                                         o.value(QStringLiteral("device")).toString())
                                    .arg(o.value(QStringLiteral("rank")).toInt())
                                    .arg(o.value(QStringLiteral("world")).toInt());
        // Not every engine version says where it starts; say it only when it does.
        return o.contains(QStringLiteral("step")) ? started + tr(", from step %1").arg(step) : started;
    }
    if (event == QLatin1String("end")) {
        const QString error = o.value(QStringLiteral("error")).toString();
        return error.isEmpty() ? tr("ended: %1").arg(o.value(QStringLiteral("state")).toString())
                               : tr("ended: %1 (%2)").arg(o.value(QStringLiteral("state")).toString(), error);
    }
    if (event == QLatin1String("tailpatch"))
        return tr("tail-patched %1 (%2 of %3)")
            .arg(o.value(QStringLiteral("group")).toString())
            .arg(o.value(QStringLiteral("done")).toInt())
            .arg(o.value(QStringLiteral("groups")).toInt());
    if (event == QLatin1String("tailpatch_plan")) return tr("tail-patch plan ready: mixture weights set");
    return line;
}

void LogPanel::retranslate() {
    if (m_runId <= 0) m_header->setText(tr("Select a run to follow its log."));
    else if (m_elsewhere && !QFile::exists(m_path))
        m_header->setText(tr("Run %1 was started outside the studio: its workers' output went to the terminal "
                             "that started them. Its state, metrics and results still come from the workspace.")
                              .arg(m_runId));
    else m_header->setText(tr("Log of run %1 — %2").arg(m_runId).arg(m_path));
}

void LogPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace flame::ui
