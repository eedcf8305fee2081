#include "ui/workspace_session.h"

#include <QSettings>

namespace flame::ui {

QString errorText(const Error& error) {
    return QString::fromStdString(error.toString());
}

WorkspaceSession::WorkspaceSession(QObject* parent) : QObject(parent) {}

WorkspaceSession::~WorkspaceSession() = default;

QString WorkspaceSession::path() const {
    return m_ws ? QString::fromStdString(m_ws->path()) : QString();
}

bool WorkspaceSession::readOnly() const {
    return m_ws && m_ws->readOnly();
}

void WorkspaceSession::adopt(std::unique_ptr<Workspace> ws) {
    if (m_ws) close();
    m_ws = std::move(ws);
    // Reads never wait in WAL mode; a write that finds an import's lock gives up after 300 ms
    // rather than freezing the window for the connection's default 10 s.
    m_ws->db().exec("PRAGMA busy_timeout = 300");
    auto stats = computeStats(*m_ws);
    m_stats = stats ? stats.value() : WorkspaceStats{};
    emit opened();
}

void WorkspaceSession::close() {
    if (!m_ws) return;
    emit aboutToClose();
    m_ws.reset();
    m_stats = {};
    emit closed();
}

void WorkspaceSession::refreshStats() {
    if (!m_ws) return;
    auto stats = computeStats(*m_ws);
    if (!stats) {
        emit message(tr("Cannot read the statistics: %1").arg(errorText(stats.error())));
        return;
    }
    m_stats = std::move(stats).value();
    emit statsChanged();
}

QString WorkspaceSession::userName() const {
    QSettings settings;
    QString name = settings.value(QStringLiteral("user/name")).toString();
    if (name.isEmpty()) name = qEnvironmentVariable("USER", QStringLiteral("curator"));
    return name;
}

void WorkspaceSession::setUserName(const QString& name) {
    QSettings().setValue(QStringLiteral("user/name"), name.trimmed());
}

} // namespace flame::ui
