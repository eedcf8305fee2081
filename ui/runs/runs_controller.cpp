#include "ui/runs/runs_controller.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>

#include "ui/runs/run_service.h"
#include "ui/workspace_session.h"

namespace flame::ui {

namespace {

// The last few non-empty lines of a process's error output: CLI errors are one line.
QString lastLines(const QByteArray& bytes, int n = 3) {
    QStringList lines = QString::fromUtf8(bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    while (lines.size() > n) lines.removeFirst();
    return lines.join(QLatin1Char('\n')).trimmed();
}

} // namespace

RunsController::RunsController(WorkspaceSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_series(std::make_shared<SeriesBuffer>()),
      m_thread(new QThread(this)), m_service(new RunService(m_series)) {
    qRegisterMetaType<RunsSnapshot>();
    qRegisterMetaType<QVector<SeriesKey>>();
    m_thread->setObjectName(QStringLiteral("runs"));
    m_service->moveToThread(m_thread);
    connect(m_service, &RunService::snapshot, this, &RunsController::onSnapshot);
    connect(m_service, &RunService::seriesReady, this, &RunsController::seriesReady);
    connect(m_service, &RunService::commandFinished, this, &RunsController::commandFinished);
    connect(m_service, &RunService::problem, this, &RunsController::message);
    m_thread->start();
    setFlameProgram(QSettings().value(QStringLiteral("runs/flame"), defaultFlameProgram()).toString());
    connect(m_session, &WorkspaceSession::opened, this, &RunsController::onOpened);
    connect(m_session, &WorkspaceSession::aboutToClose, this, &RunsController::onClosing);
    if (m_session->isOpen()) onOpened();
}

RunsController::~RunsController() {
    for (QProcess* p : std::as_const(m_tools)) {
        p->disconnect(this);
        p->kill();
        p->waitForFinished(2000);
    }
    // The service and its timer die on their own thread; the workers it started live on.
    RunService* service = m_service;
    QMetaObject::invokeMethod(service, [service] { delete service; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

QString RunsController::defaultFlameProgram() {
    const QString env = qEnvironmentVariable("FLAME_CLI");
    if (!env.isEmpty()) return env;
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/flame");
    if (QFileInfo(beside).isExecutable()) return beside;
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("flame"));
    return onPath.isEmpty() ? QStringLiteral("flame") : onPath;
}

void RunsController::setFlameProgram(const QString& program) {
    if (program == m_flame) return;
    m_flame = program;
    QSettings().setValue(QStringLiteral("runs/flame"), program);
    QMetaObject::invokeMethod(m_service, [s = m_service, program] { s->setFlameProgram(program); });
    m_devices.clear();
}

void RunsController::setScheduling(bool on) {
    QMetaObject::invokeMethod(m_service, [s = m_service, on] { s->setScheduling(on); });
}

const RunInfo* RunsController::run(qint64 id) const {
    for (const RunInfo& r : m_runs)
        if (r.id() == id) return &r;
    return nullptr;
}

QString RunsController::runDirectory(qint64 runId) const {
    return m_session->isOpen() ? RunService::runDirectory(QFileInfo(m_session->path()).absoluteFilePath(), runId)
                               : QString();
}

QString RunsController::logPath(qint64 runId) const {
    return m_session->isOpen() ? RunService::logPath(QFileInfo(m_session->path()).absoluteFilePath(), runId)
                               : QString();
}

void RunsController::follow(const QVector<SeriesKey>& keys) {
    QMetaObject::invokeMethod(m_service, [s = m_service, keys] { s->follow(keys); });
}

void RunsController::onOpened() {
    const QString path = m_session->path();
    const bool readOnly = m_session->readOnly();
    QMetaObject::invokeMethod(m_service, [s = m_service, path, readOnly] { s->open(path, readOnly); });
}

void RunsController::onClosing() {
    // Blocking: the service must let go of the file before the session closes it (a workspace
    // opened next must not see a stale snapshot of this one).
    QMetaObject::invokeMethod(m_service, [s = m_service] { s->close(); }, Qt::BlockingQueuedConnection);
    m_runs.clear();
    m_haveSnapshot = false;
    emit runsChanged();
}

void RunsController::onSnapshot(const RunsSnapshot& runs) {
    if (!m_session->isOpen()) return; // a snapshot that was under way when the workspace closed
    m_runs = runs;
    m_haveSnapshot = true;
    emit runsChanged();
}

void RunsController::createRun(const QStringList& trainArgs, Created done) {
    if (!m_session->isOpen()) return done(0, tr("no workspace is open"));
    auto* p = new QProcess(this);
    const QStringList args = QStringList{QStringLiteral("train"), m_session->path()} + trainArgs +
                             QStringList{QStringLiteral("--queue"), QStringLiteral("--json")};
    connect(p, &QProcess::errorOccurred, this, [this, p, done](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart) return;
        done(0, tr("cannot start %1: %2").arg(m_flame, p->errorString()));
        p->deleteLater();
    });
    connect(p, &QProcess::finished, this, [this, p, done](int code, QProcess::ExitStatus status) {
        p->deleteLater();
        qint64 id = 0;
        for (const QByteArray& line : p->readAllStandardOutput().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("event")).toString() == QLatin1String("created"))
                id = qint64(o.value(QStringLiteral("run")).toDouble());
        }
        if (status != QProcess::NormalExit || code != 0 || id <= 0) {
            QString why = lastLines(p->readAllStandardError());
            if (why.isEmpty()) why = tr("`flame train` exited with status %1").arg(code);
            return done(0, why);
        }
        enqueue(id);
        done(id, QString());
    });
    p->start(m_flame, args);
}

void RunsController::enqueue(qint64 runId) {
    QMetaObject::invokeMethod(m_service, [s = m_service, runId] { s->enqueue(runId); });
}

void RunsController::cancel(qint64 runId) {
    QMetaObject::invokeMethod(m_service, [s = m_service, runId] { s->cancel(runId); });
}

void RunsController::resume(qint64 runId) {
    QMetaObject::invokeMethod(m_service, [s = m_service, runId] { s->resume(runId); });
}

void RunsController::remove(qint64 runId) {
    QMetaObject::invokeMethod(m_service, [s = m_service, runId] { s->remove(runId); });
}

QList<qint64> RunsController::liveWorkersHere() const {
    QList<qint64> out;
    for (const RunInfo& r : m_runs)
        if (r.launchedHere && r.workersAlive) out << r.id();
    return out;
}

void RunsController::cancelAllLaunched() {
    QMetaObject::invokeMethod(m_service, [s = m_service] { s->cancelAllLaunched(); },
                              Qt::BlockingQueuedConnection);
}

void RunsController::queryDevices() {
    if (m_devicesProcess) return;
    auto* p = new QProcess(this);
    m_devicesProcess = p;
    connect(p, &QProcess::finished, this, [this, p](int code, QProcess::ExitStatus status) {
        p->deleteLater();
        QStringList devices;
        if (status == QProcess::NormalExit && code == 0)
            for (const QJsonValue& v : QJsonDocument::fromJson(p->readAllStandardOutput()).array())
                devices << v.toString();
        if (devices.isEmpty()) {
            devices << QStringLiteral("cpu"); // a worker can always train on the CPU
            emit message(tr("Cannot list devices with %1; offering the CPU only").arg(m_flame));
        }
        m_devices = devices;
        emit devicesChanged();
    });
    connect(p, &QProcess::errorOccurred, this, [this, p](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart) return;
        p->deleteLater();
        m_devices = {QStringLiteral("cpu")};
        emit message(tr("Cannot start %1: %2").arg(m_flame, p->errorString()));
        emit devicesChanged();
    });
    p->start(m_flame, {QStringLiteral("devices"), QStringLiteral("--json")});
}

bool RunsController::runTool(qint64 runId, const QString& kind, const QStringList& extraArgs) {
    if (!m_session->isOpen() || m_tools.contains(runId)) return false;
    const QString log = logPath(runId);
    QDir().mkpath(QFileInfo(log).absolutePath());
    const QStringList args = QStringList{kind, m_session->path(), QStringLiteral("--run"), QString::number(runId)} +
                             extraArgs;
    QFile header(log);
    if (header.open(QIODevice::Append | QIODevice::Text))
        header.write(QStringLiteral("[studio %1] flame %2\n")
                         .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), args.join(QLatin1Char(' ')))
                         .toUtf8());
    header.close();
    auto* p = new QProcess(this);
    p->setStandardInputFile(QProcess::nullDevice());
    p->setStandardOutputFile(log, QIODevice::Append);
    p->setStandardErrorFile(log, QIODevice::Append);
    m_tools.insert(runId, p);
    auto finish = [this, p, runId, kind, log](bool ok, const QString& why) {
        m_tools.remove(runId);
        p->deleteLater();
        QString message = why;
        if (!ok && message.isEmpty()) {
            QFile f(log);
            if (f.open(QIODevice::ReadOnly)) {
                if (f.size() > 1000) f.seek(f.size() - 1000);
                message = lastLines(f.readAll(), 1);
            }
        }
        emit toolFinished(runId, kind, ok, message);
    };
    connect(p, &QProcess::finished, this, [finish](int code, QProcess::ExitStatus status) {
        finish(status == QProcess::NormalExit && code == 0, QString());
    });
    connect(p, &QProcess::errorOccurred, this, [this, p, finish](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) finish(false, tr("cannot start %1: %2").arg(m_flame, p->errorString()));
    });
    p->start(m_flame, args);
    return true;
}

} // namespace flame::ui
