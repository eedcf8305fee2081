#include "ui/studio_app.h"

#include <QApplication>
#include <QSettings>

#include "ui/theme.h"

namespace flame::ui {

void initApplication(QApplication& app) {
    QCoreApplication::setOrganizationName(QStringLiteral("FLAMe Studio"));
    QCoreApplication::setApplicationName(QStringLiteral("flame-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    rememberSystemPalette();
    applyTheme(themeFromKey(
        QSettings().value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString()));
    (void)app;
}

} // namespace flame::ui
