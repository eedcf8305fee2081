#pragma once
// Light and dark palettes (Fusion style). "System" follows the platform's palette: Qt 6.4 has
// no colour-scheme query, so the platform palette is what the desktop (GNOME, KDE, qt6ct) sets.
#include <QString>

class QApplication;

namespace flame::ui {

enum class Theme { System, Light, Dark };

QString themeKey(Theme theme); // "system", "light", "dark"
Theme themeFromKey(const QString& key);
// Remembers the platform palette; call once before any theme is applied.
void rememberSystemPalette();
void applyTheme(Theme theme);
Theme currentTheme();
// True when the effective palette is dark (for colours chosen in code).
bool darkPaletteActive();

} // namespace flame::ui
