#pragma once
// Helpers shared by the tests: temporary workspaces in a QTemporaryDir, fixture paths, running
// the `flame` CLI as a real child process.
#include <QDir>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <string>

namespace flame::test {

inline QString fixture(const QString& name) { return QStringLiteral(FLAME_FIXTURES_DIR "/") + name; }
inline std::string fixturePath(const char* name) { return fixture(QString::fromUtf8(name)).toStdString(); }

struct CliResult {
    int exitCode = -1;
    QString out, err;
};

// Runs the real `flame` executable with `args`, waiting at most `timeoutMs`.
inline CliResult runCli(const QStringList& args, int timeoutMs = 120000) {
    QProcess p;
    p.start(QStringLiteral(FLAME_CLI), args);
    CliResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace flame::test

// QVERIFY for Expected/Status values, printing the error.
#define FLAME_VERIFY_OK(expr)                                                                      \
    do {                                                                                           \
        const auto& flame_result_ = (expr);                                                        \
        QVERIFY2(flame_result_.ok(),                                                               \
                 flame_result_.ok() ? "" : flame_result_.error().toString().c_str());              \
    } while (0)
