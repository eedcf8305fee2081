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

// Creates a small workspace that training runs can use: 3,000 generated judgments with small
// evaluation, development and bias sets, and a 1,000-piece tokenizer. Returns what failed, or
// an empty string.
inline QString createTrainableWorkspace(const QString& path) {
    for (const QStringList& args :
         {QStringList{"init", path},
          QStringList{"sample", path, "--judgments", "3000", "--eval-scale", "0.05", "--dev-scale", "0.02",
                      "--bias-instructions", "1", "-q"},
          QStringList{"tokenizer", path, "train", "--vocab", "1000"}}) {
        const auto r = runCli(args);
        if (r.exitCode != 0) return args.join(' ') + ": " + r.err;
    }
    return {};
}

} // namespace flame::test

// QVERIFY for Expected/Status values, printing the error.
#define FLAME_VERIFY_OK(expr)                                                                      \
    do {                                                                                           \
        const auto& flame_result_ = (expr);                                                        \
        QVERIFY2(flame_result_.ok(),                                                               \
                 flame_result_.ok() ? "" : flame_result_.error().toString().c_str());              \
    } while (0)
