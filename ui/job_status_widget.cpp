#include "ui/job_status_widget.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include "ui/job_runner.h"

namespace flame::ui {

JobStatusWidget::JobStatusWidget(JobRunner* runner, QWidget* parent)
    : QWidget(parent), m_runner(runner), m_label(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_cancel(new QToolButton(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->setMaximumWidth(220);
    m_bar->setTextVisible(true);
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    setVisible(false);
    retranslate();
    connect(m_cancel, &QToolButton::clicked, runner, &JobRunner::cancel);
    connect(runner, &JobRunner::started, this, [this](const QString& title) {
        m_label->setText(title);
        m_cancel->setEnabled(true);
        setVisible(true);
    });
    connect(runner, &JobRunner::progress, this, &JobStatusWidget::onProgress);
    connect(runner, &JobRunner::finished, this, &JobStatusWidget::onFinished);
}

void JobStatusWidget::onProgress(qint64 done, qint64 total) {
    if (total <= 0) {
        m_bar->setRange(0, 0); // busy indicator: the work does not know its size
        return;
    }
    // QProgressBar takes int: scale to per mille.
    m_bar->setRange(0, 1000);
    m_bar->setValue(int(1000.0 * double(done) / double(total)));
}

void JobStatusWidget::onFinished(const QString&, const JobOutcome&) {
    setVisible(false);
}

void JobStatusWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void JobStatusWidget::retranslate() {
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the background work (nothing half-done is kept)"));
}

} // namespace flame::ui
