#pragma once
// Helpers of the widget tests: a sample workspace on disk, settings kept out of the user's
// home, waiting on the event loop for asynchronous work (the loader thread, background jobs).
#include <QApplication>
#include <QHash>
#include <QImage>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "storage/workspace.h"
#include "tests/storage/storage_test_support.h"

namespace flame::test {

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

// Grabs `widget`, checks that the picture is real (at least 64 colours, no colour covering
// `maxDominantShare` or more of it) and saves it as <folder>/<name>.png.
inline void saveCheckedScreenshot(QWidget* widget, const QString& folder, const QString& name,
                                  double maxDominantShare) {
    const QImage image = widget->grab().toImage();
    QVERIFY(!image.isNull());
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y)];
    int top = 0;
    for (int c : counts)
        top = std::max(top, c);
    const double dominantShare = double(top) / double(image.width() * image.height());
    QVERIFY2(counts.size() >= 64,
             qPrintable(QStringLiteral("%1: only %2 colours").arg(name).arg(counts.size())));
    QVERIFY2(dominantShare < maxDominantShare,
             qPrintable(QStringLiteral("%1: one colour covers %2").arg(name).arg(dominantShare)));
    QVERIFY(image.save(folder + "/" + name + ".png"));
}

} // namespace flame::test
