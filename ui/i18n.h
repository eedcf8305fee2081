#pragma once
// Run-time language switching: the application's translations (translations/*.ts, compiled into
// the program) and Qt's own (standard dialogs). Widgets re-read their texts on LanguageChange.
#include <QObject>
#include <QStringList>

class QTranslator;

namespace flame::ui {

class Translations : public QObject {
    Q_OBJECT
public:
    explicit Translations(QObject* parent = nullptr);
    // "" follows the system locale; otherwise a language code ("en", "de").
    static QStringList languages();
    static QString languageName(const QString& code); // in that language ("Deutsch")
    void setLanguage(const QString& code);
    QString language() const { return m_code; }
    QString effectiveLanguage() const; // "en" or "de"

private:
    QString m_code;
    QTranslator* m_app;
    QTranslator* m_qt;
    bool m_installed = false;
};

} // namespace flame::ui
