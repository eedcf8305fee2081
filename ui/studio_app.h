#pragma once
// Application-wide setup shared by flame-studio, the widget tests and the GUI benchmark:
// organisation and application names (QSettings), the Fusion style and the saved theme.
class QApplication;

namespace flame::ui {

void initApplication(QApplication& app);

} // namespace flame::ui
