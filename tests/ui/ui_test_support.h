#pragma once
// Helpers of the widget tests: a sample workspace on disk, settings kept out of the user's
// home, waiting on the event loop for asynchronous work (the loader thread, background jobs).
#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "model/sample/corpus.h"
#include "storage/sample_writer.h"
#include "storage/search_index.h"
#include "storage/workspace.h"

namespace flame::test {

// Creates `path` with `judgments` generated judgments (fails the test binary if it cannot).
inline void makeSampleWorkspace(const QString& path, std::int64_t judgments) {
    auto ws = Workspace::create(path.toStdString());
    if (!ws) qFatal("%s", ws.error().toString().c_str());
    sample::SampleOptions o;
    o.judgments = judgments;
    o.evalScale = 0;
    o.devScale = 0;
    o.biasInstructions = 0;
    auto r = writeSampleCorpus(*ws, o);
    if (!r) qFatal("%s", r.error().toString().c_str());
    auto indexed = indexSearchText(*ws);
    if (!indexed) qFatal("%s", indexed.error().toString().c_str());
}

// Settings of this test run live in `dir`, not in ~/.config.
inline void isolateSettings(const QTemporaryDir& dir) {
    QCoreApplication::setOrganizationName(QStringLiteral("FLAMe Studio Tests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    QSettings().clear();
}

} // namespace flame::test

#include "ui/browse/browser_view.h"
#include "ui/browse/judgment_table_model.h"
#include "ui/main_window.h"
#include "ui/workspace_session.h"

namespace flame::test {

// Opens `path` in the window (a background job) and waits until the browser has its layout.
inline bool openAndWait(ui::MainWindow& window, const QString& path) {
    window.openWorkspace(path);
    return QTest::qWaitFor(
        [&] { return window.session()->isOpen() && window.browser()->model()->layoutKnown(); },
        20000);
}

// Waits until the browser's model has a complete layout and the visible rows are loaded.
inline bool waitForRows(ui::MainWindow& window) {
    return QTest::qWaitFor(
        [&] {
            return window.browser()->model()->layoutKnown() &&
                   window.browser()->model()->complete() && window.browser()->visibleRowsLoaded();
        },
        20000);
}

} // namespace flame::test
