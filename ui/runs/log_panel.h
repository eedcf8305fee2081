#pragma once
// The per-run log panel: follows the file the studio's workers and tools write for a run
// (<workspace>.d/runs/<id>/studio.log), reading only what was appended, every 250 ms. The
// workers' JSON events are shown as short readable lines; anything else (errors, warnings) as is.
// A run started from the CLI has no such file: the panel says where its output went.
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTimer;

namespace flame::ui {

class LogPanel : public QWidget {
    Q_OBJECT
public:
    explicit LogPanel(QWidget* parent = nullptr);

    // Follows `path` for run `runId` (0 and an empty path: nothing).
    void setRun(qint64 runId, const QString& path, bool startedElsewhere);
    qint64 runId() const { return m_runId; }
    QString text() const;
    void poll(); // reads what was appended (the timer calls it)

    // One line of a worker's output as the panel shows it.
    static QString formatLine(const QString& line);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLabel* m_header;
    QPlainTextEdit* m_text;
    QTimer* m_timer;
    qint64 m_runId = 0;
    QString m_path;
    bool m_elsewhere = false;
    qint64 m_offset = 0;
    QByteArray m_partial; // a line still being written
};

} // namespace flame::ui
