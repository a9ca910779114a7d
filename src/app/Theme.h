// Light and dark for the console. "System" keeps the platform's own style and palette;
// Light and Dark switch to Fusion with a palette of our own, because native styles
// (Windows, macOS) ignore palettes. Colours the console needs beyond the palette's roles
// (warnings, errors) are derived from the palette in use, so both themes stay readable.
#pragma once

#include <QColor>
#include <QString>

class QPalette;

namespace earshot::gui {

enum class ThemeMode { System, Light, Dark };

// "light", "dark"; anything else is System.
ThemeMode themeModeFromString(const QString& text);
QString themeModeToString(ThemeMode mode);

// The choice saved under QSettings "ui/theme".
ThemeMode savedThemeMode();
void saveThemeMode(ThemeMode mode);

// Applies to the whole application at once; widgets repaint themselves. Call first before
// anything else changes the style, so System can return to the platform's.
void applyTheme(ThemeMode mode);

// Text colours for a source in trouble that read well on the palette's Base and Window.
QColor warningTextColor(const QPalette& palette);
QColor errorTextColor(const QPalette& palette);
bool isDarkPalette(const QPalette& palette);

}  // namespace earshot::gui
