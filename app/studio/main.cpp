// flame-studio [WORKSPACE]: the curation studio (Qt Widgets). Opens WORKSPACE, or the most recent
// one, in the background; everything else is in ui/.
#include <QApplication>
#include <QCommandLineParser>

#include "ui/main_window.h"
#include "ui/studio_app.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    flame::ui::initApplication(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "FLAMe Studio: curate human quality judgments and train autoraters"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("workspace"),
        QCoreApplication::translate("main", "Workspace file (*.flame) to open"));
    parser.process(app);
    flame::ui::MainWindow window;
    window.show();
    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty())
        window.openWorkspace(args.first());
    else
        window.openMostRecent();
    return app.exec();
}
