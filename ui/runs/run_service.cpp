#include "ui/runs/run_service.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <exception>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace flame::ui {

namespace {

const std::vector<std::string> kHeadline = {"chat_hard", "safety", "score", "loss"};

// A free TCP port for the rendezvous of a multi-rank run (the kernel picks one; it is released
// before the workers bind it, the same small window `flame train` accepts).
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    int port = 0;
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

const RunInfo* findRun(const RunsSnapshot& runs, qint64 id) {
    for (const RunInfo& r : runs)
        if (r.id() == id) return &r;
    return nullptr;
}

QString text(const Error& e) {
    return QString::fromStdString(e.message);
}

} // namespace

RunService::RunService(std::shared_ptr<SeriesBuffer> series, QObject* parent)
    : QObject(parent), m_series(std::move(series)), m_timer(new QTimer(this)),
      m_host(QString::fromStdString(hostName())) {
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &RunService::tick);
    m_clock.start();
}

RunService::~RunService() = default;

QString RunService::runDirectory(const QString& workspacePath, qint64 runId) {
    // The training engine's layout (training/model_io.cpp runDirectory): <workspace>.d/runs/<id>.
    return workspacePath + QStringLiteral(".d/runs/") + QString::number(runId);
}

QString RunService::logPath(const QString& workspacePath, qint64 runId) {
    return runDirectory(workspacePath, runId) + QStringLiteral("/studio.log");
}

void RunService::open(const QString& path, bool readOnly) {
    close();
    try {
        auto ws = Workspace::open(path.toStdString(), readOnly ? WorkspaceMode::ReadOnly : WorkspaceMode::ReadWrite);
        if (!ws) {
            emit problem(tr("Runs: cannot open the workspace: %1").arg(text(ws.error())));
            return;
        }
        m_ws = std::make_unique<Workspace>(std::move(ws).value());
        // Workers write metrics in small transactions; waiting a little beats failing a tick.
        m_ws->db().exec("PRAGMA busy_timeout = 2000");
    } catch (const std::exception& e) {
        emit problem(tr("Runs: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    m_ticks = 0;
    m_haveLast = false;
    m_last.clear();
    m_lastState.clear();
    tick();
    m_timer->start();
}

void RunService::close() {
    m_timer->stop();
    m_ws.reset();
    m_path.clear();
    m_followed.clear();
    m_needsReset.clear();
    m_partialSinceMs.clear();
    if (m_haveLast) emit snapshot({});
    m_haveLast = false;
    m_last.clear();
}

void RunService::setFlameProgram(const QString& program) {
    m_flame = program;
}

void RunService::setScheduling(bool on) {
    m_scheduling = on;
}

void RunService::follow(const QVector<SeriesKey>& keys) {
    QHash<SeriesKey, qint64> next;
    for (const SeriesKey& k : keys) {
        auto it = m_followed.constFind(k);
        if (it != m_followed.constEnd()) {
            next.insert(k, *it);
        } else {
            next.insert(k, -1);
            m_needsReset.insert(k);
        }
    }
    m_followed = std::move(next);
    for (auto it = m_needsReset.begin(); it != m_needsReset.end();)
        it = m_followed.contains(*it) ? std::next(it) : m_needsReset.erase(it);
    // A newly shown run gets its points now, not on the next tick.
    if (m_ws) pollSeries(m_last);
}

void RunService::tick() {
    if (!m_ws) return;
    try {
        ++m_ticks;
        RunsSnapshot runs;
        if (!readSnapshot(runs)) return;
        if (!m_ws->readOnly()) {
            superviseLaunches(runs);
            schedule(runs);
        }
        // A run that (re)starts may rewrite steps after its last checkpoint: read it afresh.
        for (const RunInfo& r : runs) {
            const RunState before = m_lastState.value(r.id(), r.state());
            if (r.state() == RunState::Running && before != RunState::Running)
                for (auto it = m_followed.cbegin(); it != m_followed.cend(); ++it)
                    if (it.key().runId == r.id()) m_needsReset.insert(it.key());
        }
        pollSeries(runs);
        m_lastState.clear();
        for (const RunInfo& r : runs) m_lastState.insert(r.id(), r.state());
        if (!m_haveLast || runs != m_last) {
            m_last = runs;
            m_haveLast = true;
            emit snapshot(m_last);
        }
    } catch (const std::exception& e) {
        // Exceptions end at the thread's entry points (DESIGN.md section 7).
        emit problem(tr("Runs: %1").arg(QString::fromUtf8(e.what())));
    }
}

bool RunService::readSnapshot(RunsSnapshot& out) {
    RunStore store(*m_ws);
    if (m_ticks % kReconcileEveryTicks == 1) (void)store.reconcile();
    auto list = store.list();
    auto queue = studioQueue(*m_ws);
    auto launches = launchRecords(*m_ws);
    auto latest = latestMetrics(*m_ws, kHeadline);
    if (!list || !queue || !launches || !latest) {
        // Busy or damaged for a moment: keep the last snapshot rather than flicker to empty.
        const Error& e = !list ? list.error() : !queue ? queue.error() : !launches ? launches.error() : latest.error();
        emit problem(tr("Runs: cannot read the runs: %1").arg(text(e)));
        return false;
    }
    QHash<qint64, int> position;
    int p = 0;
    for (const QueueEntry& q : *queue) position.insert(q.runId, ++p);
    out.reserve(int(list->size()));
    for (RunRecord& rec : *list) {
        RunInfo info;
        info.record = std::move(rec);
        const QJsonObject cfg =
            QJsonDocument::fromJson(QByteArray::fromStdString(info.record.config)).object();
        info.preset = cfg.value(QStringLiteral("preset")).toString();
        info.steps = cfg.value(QStringLiteral("steps")).toInt();
        info.batch = cfg.value(QStringLiteral("batch")).toInt();
        info.nproc = std::max(1, cfg.value(QStringLiteral("nproc")).toInt(1));
        info.evalEvery = cfg.value(QStringLiteral("eval_every")).toInt();
        info.fromStep = qint64(cfg.value(QStringLiteral("from_step")).toDouble(-1));
        info.queuePosition = position.value(info.id(), 0);
        auto l = launches->find(info.id());
        if (l != launches->end() && QString::fromStdString(l->second.host) == m_host) {
            info.launchedHere = true;
            for (auto pid : l->second.pids) {
                info.pids.push_back(pid);
                info.workersAlive = info.workersAlive || processAlive(pid);
            }
        }
        out.push_back(std::move(info));
    }
    QHash<qint64, RunInfo*> byId;
    for (RunInfo& r : out) byId.insert(r.id(), &r);
    for (const LatestMetric& m : *latest)
        if (RunInfo* r = byId.value(m.runId)) {
            r->latest.insert(QString::fromStdString(m.name), m.point.value);
            r->latestStep.insert(QString::fromStdString(m.name), m.point.step);
        }
    return true;
}

void RunService::superviseLaunches(const RunsSnapshot& runs) {
    auto launches = launchRecords(*m_ws);
    if (!launches) return;
    RunStore store(*m_ws);
    bool reconcileNow = false;
    for (const auto& [id, launch] : *launches) {
        const RunInfo* r = findRun(runs, id);
        if (!r) {
            (void)clearLaunch(*m_ws, id);
            continue;
        }
        if (!r->launchedHere) continue; // another host's studio watches its own processes
        int alive = 0;
        for (qint64 pid : r->pids) alive += processAlive(pid) ? 1 : 0;
        if (launch.pids.empty() && r->state() == RunState::Queued && r->queuePosition == 0) {
            // Claimed, but no worker recorded: a studio is starting it right now, or one was
            // stopped (killed, say) in between. After a grace period the run goes back to the
            // head of the queue; nothing else would ever start it.
            const QDateTime claimed = QDateTime::fromString(QString::fromStdString(launch.startedAt), Qt::ISODate);
            if (claimed.isValid() && claimed.secsTo(QDateTime::currentDateTimeUtc()) < kClaimGraceSeconds) continue;
            if (enqueueRun(*m_ws, id, QueueEnd::Front)) {
                (void)clearLaunch(*m_ws, id);
                emit problem(tr("Run %1 was taken off the queue by a studio that stopped before starting it; "
                                "it is queued again")
                                 .arg(id));
            }
            continue;
        }
        if (alive == 0) {
            if (r->state() == RunState::Queued && r->queuePosition == 0) {
                // Died before rank 0 marked the run running (bad arguments, a missing shim...).
                const QString why = tr("the worker exited before it started the run") + tailOfLog(id);
                (void)store.finish(id, RunState::Failed, why.toStdString());
            } else if (r->state() == RunState::Running) {
                reconcileNow = true; // pid gone: RunStore::reconcile marks it interrupted
            }
            (void)clearLaunch(*m_ws, id);
            m_partialSinceMs.remove(id);
        } else if (alive < r->pids.size()) {
            // One rank died: the others would wait in a collective for ever. Stop them as
            // `flame train` does: SIGTERM after a grace period, SIGKILL after another.
            const qint64 now = m_clock.elapsed();
            const qint64 since = m_partialSinceMs.value(id, -1);
            if (since < 0) m_partialSinceMs.insert(id, now);
            else if (now - since > 40000) signalRanks(*r, SIGKILL);
            else if (now - since > 20000) signalRanks(*r, SIGTERM);
        }
    }
    if (reconcileNow) (void)store.reconcile();
}

void RunService::schedule(const RunsSnapshot& runs) {
    if (!m_scheduling || m_flame.isEmpty()) return;
    QSet<QString> busy;
    QVector<const RunInfo*> queued;
    for (const RunInfo& r : runs) {
        if (r.state() == RunState::Running || r.workersAlive)
            for (const QString& d : runDevices(r.device(), r.nproc)) busy.insert(d);
        if (r.queuePosition > 0) queued.push_back(&r);
    }
    std::sort(queued.begin(), queued.end(),
              [](const RunInfo* a, const RunInfo* b) { return a->queuePosition < b->queuePosition; });
    RunStore store(*m_ws);
    for (const RunInfo* r : queued) {
        if (r->state() != RunState::Queued) { // cancelled or started elsewhere meanwhile
            (void)claimQueuedRun(*m_ws, r->id());
            continue;
        }
        const QStringList devices = runDevices(r->device(), r->nproc);
        bool free = true;
        for (const QString& d : devices) free = free && !busy.contains(d);
        // Reserve the devices even when waiting: a later run on the same device must not jump
        // ahead, while a later run on another device starts now.
        for (const QString& d : devices) busy.insert(d);
        if (!free) continue;
        auto claimed = claimQueuedRunForLaunch(*m_ws, r->id(), m_host.toStdString());
        if (!claimed || !*claimed) continue; // another studio took it
        const QString error = launch(*r);
        if (!error.isEmpty()) {
            (void)store.finish(r->id(), RunState::Failed, error.toStdString());
            emit problem(tr("Run %1 could not start: %2").arg(r->id()).arg(error));
        }
    }
}

QString RunService::launch(const RunInfo& run) {
    const QString dir = runDirectory(m_path, run.id());
    if (!QDir().mkpath(dir)) return tr("cannot create the folder %1").arg(dir);
    const QString log = logPath(m_path, run.id());
    const int port = run.nproc > 1 ? freePort() : 0;
    QFile header(log);
    if (header.open(QIODevice::Append | QIODevice::Text))
        header.write(QStringLiteral("[studio %1] starting %2 worker(s) on %3\n")
                         .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
                         .arg(run.nproc)
                         .arg(run.device())
                         .toUtf8());
    header.close();
    LaunchRecord record;
    record.host = m_host.toStdString();
    record.logPath = log.toStdString();
    record.startedAt = utcNow();
    record.masterPort = port;
    for (int rank = 0; rank < run.nproc; ++rank) {
        QStringList args = {QStringLiteral("worker"), m_path, QStringLiteral("--run"), QString::number(run.id()),
                            QStringLiteral("--local-rank"), QString::number(rank)};
        if (port > 0) args << QStringLiteral("--master-port") << QString::number(port);
        const QString out = rank == 0 ? log : dir + QStringLiteral("/studio-rank%1.log").arg(rank);
        QProcess p;
        p.setProgram(m_flame);
        p.setArguments(args);
        p.setStandardInputFile(QProcess::nullDevice());
        p.setStandardOutputFile(out, QIODevice::Append);
        p.setStandardErrorFile(out, QIODevice::Append);
        qint64 pid = 0;
        if (!p.startDetached(&pid)) {
            for (auto started : record.pids) ::kill(pid_t(started), SIGKILL);
            return tr("cannot start %1: %2").arg(m_flame, p.errorString());
        }
        record.pids.push_back(pid);
    }
    if (auto s = recordLaunch(*m_ws, run.id(), record); !s)
        emit problem(tr("Run %1: %2").arg(run.id()).arg(text(s.error())));
    return {};
}

void RunService::pollSeries(const RunsSnapshot& runs) {
    if (!m_ws) return;
    bool poke = false;
    for (auto it = m_followed.begin(); it != m_followed.end(); ++it) {
        const SeriesKey& key = it.key();
        const RunInfo* r = findRun(runs, key.runId);
        const bool reset = m_needsReset.contains(key);
        const bool changed = r && m_lastState.value(key.runId, RunState::Queued) != r->state();
        // Finished runs are read once; live ones every tick; a state change gets a last read
        // (the worker flushes its final points just before it marks the run).
        if (!reset && !changed && !(r && r->state() == RunState::Running)) continue;
        auto points = metricsAfter(*m_ws, key.runId, key.metric.toStdString(), reset ? -1 : it.value());
        if (!points) continue;
        m_needsReset.remove(key);
        if (points->empty() && !reset) continue;
        if (!points->empty()) it.value() = points->back().step;
        else it.value() = -1;
        QVector<MetricPoint> v(points->begin(), points->end());
        poke = m_series->append(key, std::move(v), reset) || poke;
    }
    if (poke) emit seriesReady();
}

void RunService::signalRanks(const RunInfo& run, int signal) {
    for (qint64 pid : run.pids)
        if (processAlive(pid)) ::kill(pid_t(pid), signal);
    // Rank 0 of a run started elsewhere on this host (the CLI) also stops on SIGTERM.
    if (QString::fromStdString(run.record.host) == m_host && run.record.pid > 0 && processAlive(run.record.pid))
        ::kill(pid_t(run.record.pid), signal);
}

QString RunService::tailOfLog(qint64 runId) const {
    QFile f(logPath(m_path, runId));
    if (!f.open(QIODevice::ReadOnly)) return {};
    if (f.size() > 2000) f.seek(f.size() - 2000);
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    while (lines.size() > 3) lines.removeFirst();
    return lines.isEmpty() ? QString() : QStringLiteral(": ") + lines.join(QStringLiteral(" / "));
}

void RunService::done(const char* action, qint64 runId, const Status& status) {
    emit commandFinished(QString::fromLatin1(action), runId, status ? QString() : text(status.error()));
    tick(); // show the effect now, not a tick later
}

void RunService::enqueue(qint64 runId) {
    if (!m_ws) return emit commandFinished(QStringLiteral("enqueue"), runId, tr("no workspace is open"));
    done("enqueue", runId, enqueueRun(*m_ws, runId));
}

void RunService::cancel(qint64 runId) {
    if (!m_ws) return emit commandFinished(QStringLiteral("cancel"), runId, tr("no workspace is open"));
    RunStore store(*m_ws);
    auto run = store.require(runId);
    if (!run) return done("cancel", runId, run.error());
    const RunInfo* info = findRun(m_last, runId);
    const bool starting = info && info->workersAlive;
    if (run->state == RunState::Queued && !starting) {
        (void)claimQueuedRun(*m_ws, runId);
        return done("cancel", runId, store.finish(runId, RunState::Cancelled, "cancelled before it started"));
    }
    if (run->state != RunState::Running && !starting)
        return done("cancel", runId,
                    Error::badInput("run " + std::to_string(runId) + " is " + toString(run->state) + ", not running"));
    // The request reaches a worker anywhere (it polls it with its heartbeat); SIGTERM reaches the
    // ones on this host at once. Either way the worker checkpoints and stops at a step boundary.
    Status s = store.requestCancel(runId);
    RunInfo fresh = info ? *info : RunInfo{};
    fresh.record = *run;
    signalRanks(fresh, SIGTERM);
    done("cancel", runId, s);
}

void RunService::cancelAllLaunched() {
    if (!m_ws) return;
    RunStore store(*m_ws);
    for (const RunInfo& r : m_last)
        if (r.launchedHere && r.workersAlive) {
            (void)store.requestCancel(r.id());
            signalRanks(r, SIGTERM);
        }
}

void RunService::resume(qint64 runId) {
    if (!m_ws) return emit commandFinished(QStringLiteral("resume"), runId, tr("no workspace is open"));
    RunStore store(*m_ws);
    auto run = store.require(runId);
    if (!run) return done("resume", runId, run.error());
    if (run->state == RunState::Running || run->state == RunState::Finished || run->state == RunState::Queued)
        return done("resume", runId,
                    Error::badInput("run " + std::to_string(runId) + " is " + toString(run->state)));
    // The worker itself continues from the run's last checkpoint (or from the start if none).
    Status s = store.requeue(runId);
    if (s) s = clearLaunch(*m_ws, runId);
    if (s) s = enqueueRun(*m_ws, runId);
    done("resume", runId, s);
}

void RunService::remove(qint64 runId) {
    if (!m_ws) return emit commandFinished(QStringLiteral("remove"), runId, tr("no workspace is open"));
    const RunInfo* info = findRun(m_last, runId);
    if (info && info->workersAlive)
        return done("remove", runId,
                    Error::badInput("run " + std::to_string(runId) + " still has live workers; cancel it first"));
    Status s = deleteRun(*m_ws, runId);
    if (s) {
        const QString dir = runDirectory(m_path, runId);
        if (QFileInfo::exists(dir) && !QDir(dir).removeRecursively())
            s = Error::internal("the run's rows are deleted, but its folder could not be removed", dir.toStdString());
    }
    done("remove", runId, s);
}

} // namespace flame::ui
