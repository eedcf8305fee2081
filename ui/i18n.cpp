#include "ui/i18n.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <QWidget>

namespace flame::ui {

Translations::Translations(QObject* parent)
    : QObject(parent), m_app(new QTranslator(this)), m_qt(new QTranslator(this)) {}

QStringList Translations::languages() {
    return {QString(), QStringLiteral("en"), QStringLiteral("de")};
}

QString Translations::languageName(const QString& code) {
    if (code == QLatin1String("de")) return QStringLiteral("Deutsch");
    if (code == QLatin1String("en")) return QStringLiteral("English");
    return QString();
}

QString Translations::effectiveLanguage() const {
    if (!m_code.isEmpty()) return m_code;
    return QLocale::system().language() == QLocale::German ? QStringLiteral("de")
                                                           : QStringLiteral("en");
}

void Translations::setLanguage(const QString& code) {
    m_code = code;
    if (m_installed) {
        QApplication::removeTranslator(m_app);
        QApplication::removeTranslator(m_qt);
        m_installed = false;
    }
    const QString lang = effectiveLanguage();
    // Numbers and dates follow the language too (5.300.000 in German).
    QLocale::setDefault(lang == QLatin1String("de")
                            ? QLocale(QLocale::German, QLocale::Germany)
                            : QLocale(QLocale::English, QLocale::UnitedStates));
    if (lang != QLatin1String("en")) {
        const bool app = m_app->load(QStringLiteral(":/i18n/flame_studio_%1.qm").arg(lang));
        const bool qt = m_qt->load(QStringLiteral("qtbase_%1").arg(lang),
                                   QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        if (app) QApplication::installTranslator(m_app);
        if (qt) QApplication::installTranslator(m_qt);
        m_installed = app || qt;
    }
    if (!m_installed) {
        // Still tell every widget: the locale (number format) may have changed.
        QEvent event(QEvent::LanguageChange);
        for (QWidget* w : QApplication::allWidgets())
            QApplication::sendEvent(w, &event);
    }
}

} // namespace flame::ui
