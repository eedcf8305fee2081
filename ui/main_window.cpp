#include "ui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

#include "storage/search_query.h"
#include "ui/browse/browser_view.h"
#include "ui/browse/detail_pane.h"
#include "ui/browse/filter_bar.h"
#include "ui/browse/judgment_table_model.h"
#include "ui/browse/task_tree_model.h"
#include "ui/dialogs.h"
#include "ui/editor/instruction_editor.h"
#include "ui/i18n.h"
#include "ui/job_runner.h"
#include "ui/job_status_widget.h"
#include "ui/review/review_view.h"
#include "ui/runs/runs_workbench.h"
#include "ui/theme.h"
#include "ui/workspace_controller.h"
#include "ui/workspace_session.h"

namespace flame::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_session(new WorkspaceSession(this)), m_jobs(new JobRunner(this)),
      m_controller(new WorkspaceController(m_session, m_jobs, this)),
      m_translations(new Translations(this)), m_views(new QTabWidget(this)),
      m_generatedMarker(new QLabel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    m_browser = new BrowserView(m_session, this);
    m_editor = new InstructionEditor(m_session, this);
    m_review = new ReviewView(
        m_session, m_browser->model(), [this] { return m_browser->firstVisibleRow(); }, this);
    m_runs = new RunsWorkbench(m_session, this);
    m_treeModel = new TaskTreeModel(this);
    m_tree = new TaskTreeView(m_treeModel, this);
    m_tree->setObjectName(QStringLiteral("taskTree"));
    m_detail = new DetailPane(m_session, this);
    m_views->setObjectName(QStringLiteral("views"));
    m_views->setDocumentMode(true);
    addView(m_browser, QT_TR_NOOP("Browse"));
    addView(m_editor, QT_TR_NOOP("Instructions"));
    addView(m_review, QT_TR_NOOP("Review"));
    addView(m_runs, QT_TR_NOOP("Runs"));
    setCentralWidget(m_views);
    statusBar()->addPermanentWidget(m_generatedMarker);
    statusBar()->addPermanentWidget(new JobStatusWidget(m_jobs, this));
    m_generatedMarker->setVisible(false);
    createDocks();
    createActions();
    createMenus();
    wire();
    restoreLayout();
    retranslate();
    updateTitle();
}

MainWindow::~MainWindow() {
    m_jobs->cancelAndWait();
    m_session->close();
}

int MainWindow::addView(QWidget* view, const char* untranslatedTitle) {
    m_viewTitles.append({view, untranslatedTitle});
    return m_views->addTab(view, tr(untranslatedTitle));
}

void MainWindow::showView(View view) {
    QWidget* w = view == View::Browse         ? static_cast<QWidget*>(m_browser)
                 : view == View::Instructions ? static_cast<QWidget*>(m_editor)
                 : view == View::Runs         ? static_cast<QWidget*>(m_runs)
                                              : static_cast<QWidget*>(m_review);
    m_views->setCurrentWidget(w);
    if (view == View::Review) m_review->setFocus();
}

void MainWindow::createDocks() {
    m_treeDock = new QDockWidget(this);
    m_treeDock->setObjectName(QStringLiteral("tasksDock"));
    m_treeDock->setWidget(m_tree);
    m_tree->setMinimumWidth(220); // task keys stay readable however the window is squeezed
    m_detail->setMinimumWidth(280);
    addDockWidget(Qt::LeftDockWidgetArea, m_treeDock);
    m_detailDock = new QDockWidget(this);
    m_detailDock->setObjectName(QStringLiteral("detailDock"));
    m_detailDock->setWidget(m_detail);
    addDockWidget(Qt::RightDockWidgetArea, m_detailDock);
}

void MainWindow::createActions() {
    auto add = [this](const QString& name, const QKeySequence& key, auto slot) {
        auto* a = new QAction(this);
        a->setObjectName(name);
        if (!key.isEmpty()) a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        addAction(a); // window-wide even when the menu bar is hidden
        m_actions.insert(name, a);
        return a;
    };
    add(QStringLiteral("newWorkspace"), QKeySequence::New, [this] { newWorkspace(); });
    add(QStringLiteral("openWorkspace"), QKeySequence::Open, [this] { openDialog(); });
    add(QStringLiteral("closeWorkspace"), QKeySequence(Qt::CTRL | Qt::Key_W), [this] {
        m_jobs->cancelAndWait();
        m_session->close();
        updateTitle();
    });
    add(QStringLiteral("generateSample"), QKeySequence(), [this] { generateSample(); });
    add(QStringLiteral("importFile"), QKeySequence(Qt::CTRL | Qt::Key_I), [this] { importFile(); });
    add(QStringLiteral("exportReviews"), QKeySequence(), [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export reviews"), QString(),
                                                          tr("JSON Lines (*.jsonl)"));
        if (!path.isEmpty()) m_review->exportReviews(path);
    });
    add(QStringLiteral("exportGold"), QKeySequence(), [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export gold labels"), QString(),
                                                          tr("JSON Lines (*.jsonl)"));
        if (!path.isEmpty()) m_review->exportGold(path);
    });
    add(QStringLiteral("quit"), QKeySequence::Quit, [this] { close(); });
    add(QStringLiteral("showBrowse"), QKeySequence(Qt::CTRL | Qt::Key_1),
        [this] { showView(View::Browse); });
    add(QStringLiteral("showInstructions"), QKeySequence(Qt::CTRL | Qt::Key_2),
        [this] { showView(View::Instructions); });
    add(QStringLiteral("showReview"), QKeySequence(Qt::CTRL | Qt::Key_3),
        [this] { showView(View::Review); });
    add(QStringLiteral("showRuns"), QKeySequence(Qt::CTRL | Qt::Key_4),
        [this] { showView(View::Runs); });
    add(QStringLiteral("findText"), QKeySequence::Find, [this] {
        showView(View::Browse);
        m_browser->filterBar()->searchBox()->setFocus();
        m_browser->filterBar()->searchBox()->selectAll();
    });
    add(QStringLiteral("goToId"), QKeySequence(Qt::CTRL | Qt::Key_J), [this] {
        showView(View::Browse);
        m_browser->filterBar()->jumpBox()->setFocus();
        m_browser->filterBar()->jumpBox()->selectAll();
    });
    add(QStringLiteral("clearFilters"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
        [this] { m_browser->filterBar()->clear(); });
    add(QStringLiteral("resetLayout"), QKeySequence(), [this] {
        removeDockWidget(m_treeDock);
        removeDockWidget(m_detailDock);
        addDockWidget(Qt::LeftDockWidgetArea, m_treeDock);
        addDockWidget(Qt::RightDockWidgetArea, m_detailDock);
        m_treeDock->show();
        m_detailDock->show();
    });
    add(QStringLiteral("shortcuts"), QKeySequence::HelpContents, [this] { showShortcuts(); });
    add(QStringLiteral("about"), QKeySequence(), [this] { about(); });

    m_themeGroup = new QActionGroup(this);
    for (const QString& key :
         {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")}) {
        auto* a = new QAction(this);
        a->setCheckable(true);
        a->setData(key);
        a->setObjectName(QStringLiteral("theme_") + key);
        m_themeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, key] { setTheme(key); });
    }
    m_languageGroup = new QActionGroup(this);
    for (const QString& code : Translations::languages()) {
        auto* a = new QAction(this);
        a->setCheckable(true);
        a->setData(code);
        a->setObjectName(QStringLiteral("language_") +
                         (code.isEmpty() ? QStringLiteral("system") : code));
        m_languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { setLanguage(code); });
    }
}

void MainWindow::createMenus() {
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_actions[QStringLiteral("newWorkspace")]);
    m_fileMenu->addAction(m_actions[QStringLiteral("openWorkspace")]);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addAction(m_actions[QStringLiteral("closeWorkspace")]);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_actions[QStringLiteral("generateSample")]);
    m_fileMenu->addAction(m_actions[QStringLiteral("importFile")]);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_actions[QStringLiteral("exportReviews")]);
    m_fileMenu->addAction(m_actions[QStringLiteral("exportGold")]);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_actions[QStringLiteral("quit")]);

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_editor->undoAction());
    m_editMenu->addAction(m_editor->redoAction());
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_actions[QStringLiteral("findText")]);
    m_editMenu->addAction(m_actions[QStringLiteral("goToId")]);
    m_editMenu->addAction(m_actions[QStringLiteral("clearFilters")]);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_actions[QStringLiteral("showBrowse")]);
    m_viewMenu->addAction(m_actions[QStringLiteral("showInstructions")]);
    m_viewMenu->addAction(m_actions[QStringLiteral("showReview")]);
    m_viewMenu->addAction(m_actions[QStringLiteral("showRuns")]);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_treeDock->toggleViewAction());
    m_viewMenu->addAction(m_detailDock->toggleViewAction());
    m_viewMenu->addAction(m_actions[QStringLiteral("resetLayout")]);
    m_viewMenu->addSeparator();
    m_themeMenu = m_viewMenu->addMenu(QString());
    m_themeMenu->addActions(m_themeGroup->actions());
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->addActions(m_languageGroup->actions());

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_actions[QStringLiteral("shortcuts")]);
    m_helpMenu->addAction(m_actions[QStringLiteral("about")]);
    rebuildRecentMenu();
}

void MainWindow::wire() {
    connect(m_tree, &TaskTreeView::selectionChangedTo, m_browser, &BrowserView::setTasks);
    connect(m_tree, &TaskTreeView::taskActivated, m_editor, &InstructionEditor::setTask);
    connect(m_browser, &BrowserView::currentJudgmentChanged, m_detail, &DetailPane::showJudgment);
    connect(m_browser, &BrowserView::filterApplied, this, [this](const BrowseFilter& f) {
        m_detail->setSearchTerms(f.search.empty() ? std::vector<SearchTerm>{}
                                                  : parseSearch(f.search).terms);
    });
    auto rebuildTree = [this] { m_treeModel->rebuild(m_session->workspace(), m_session->stats()); };
    connect(m_session, &WorkspaceSession::opened, this, rebuildTree);
    connect(m_session, &WorkspaceSession::statsChanged, this, rebuildTree);
    connect(m_session, &WorkspaceSession::closed, this, rebuildTree);
    connect(m_session, &WorkspaceSession::opened, this, &MainWindow::updateTitle);
    connect(m_session, &WorkspaceSession::statsChanged, this, &MainWindow::updateTitle);
    connect(m_session, &WorkspaceSession::closed, this, &MainWindow::updateTitle);
    connect(m_session, &WorkspaceSession::message, this,
            [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(m_controller, &WorkspaceController::finished, this,
            [this](bool ok, const QString& m) { statusBar()->showMessage(m, ok ? 8000 : 0); });
    connect(m_controller, &WorkspaceController::recentFilesChanged, this,
            &MainWindow::rebuildRecentMenu);
    // Model-human disagreements of a run become a review queue.
    connect(m_runs, &RunsWorkbench::reviewRequested, this,
            [this](const QVector<qint64>& ids, const QString& origin) {
                m_review->setQueue(ids, origin);
                showView(View::Review);
            });
    connect(m_views, &QTabWidget::currentChanged, this, [this] {
        if (m_views->currentWidget() == m_review) m_review->setFocus();
    });
}

void MainWindow::retranslate() {
    for (const auto& [view, title] : std::as_const(m_viewTitles))
        m_views->setTabText(m_views->indexOf(view), tr(title));
    m_treeDock->setWindowTitle(tr("Tasks"));
    m_detailDock->setWindowTitle(tr("Judgment"));
    m_browser->setProperty("areaName", tr("Browser"));
    m_editor->setProperty("areaName", tr("Instruction editor"));
    m_review->setProperty("areaName", tr("Review"));
    m_runs->setProperty("areaName", tr("Runs"));
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &recent"));
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    m_themeMenu->setTitle(tr("&Theme"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    auto text = [this](const char* name, const QString& t) {
        m_actions[QString::fromLatin1(name)]->setText(t);
    };
    text("newWorkspace", tr("&New workspace…"));
    text("openWorkspace", tr("&Open workspace…"));
    text("closeWorkspace", tr("&Close workspace"));
    text("generateSample", tr("&Generate sample corpus…"));
    text("importFile", tr("&Import judgments…"));
    text("exportReviews", tr("Export &reviews (JSON Lines)…"));
    text("exportGold", tr("Export &gold labels (JSON Lines)…"));
    text("quit", tr("&Quit"));
    text("showBrowse", tr("&Browse"));
    text("showInstructions", tr("&Instructions"));
    text("showReview", tr("&Review"));
    text("showRuns", tr("R&uns"));
    text("findText", tr("&Find text…"));
    text("goToId", tr("&Go to judgment id…"));
    text("clearFilters", tr("C&lear filters"));
    text("resetLayout", tr("Reset &layout"));
    text("shortcuts", tr("&Keyboard shortcuts"));
    text("about", tr("&About FLAMe Studio"));
    for (QAction* a : m_themeGroup->actions()) {
        const QString key = a->data().toString();
        a->setText(key == QLatin1String("system")  ? tr("Follow the &system")
                   : key == QLatin1String("light") ? tr("&Light")
                                                   : tr("&Dark"));
        a->setChecked(themeFromKey(key) == currentTheme());
    }
    for (QAction* a : m_languageGroup->actions()) {
        const QString code = a->data().toString();
        a->setText(code.isEmpty() ? tr("Follow the &system") : Translations::languageName(code));
        a->setChecked(code == m_translations->language());
    }
    m_generatedMarker->setText(tr("GENERATED sample data"));
    m_generatedMarker->setToolTip(
        tr("This workspace holds the generated sample corpus, not human judgments"));
    updateTitle();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_treeModel->rebuild(m_session->workspace(), m_session->stats());
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::updateTitle() {
    QString title = tr("FLAMe Studio");
    if (m_session->isOpen()) {
        title = QFileInfo(m_session->path()).fileName() + QStringLiteral(" — ") + title;
        if (m_session->readOnly()) title += QStringLiteral(" ") + tr("(read-only)");
    }
    setWindowTitle(title);
    m_generatedMarker->setVisible(m_session->isOpen() && m_session->generated());
    for (const char* name :
         {"closeWorkspace", "generateSample", "importFile", "exportReviews", "exportGold"})
        m_actions[QString::fromLatin1(name)]->setEnabled(m_session->isOpen());
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = WorkspaceController::recentFiles();
    for (const QString& f : files) {
        QAction* a = m_recentMenu->addAction(f);
        connect(a, &QAction::triggered, this, [this, f] { openWorkspace(f); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::openWorkspace(const QString& path, bool readOnly) {
    if (!m_controller->open(path, readOnly))
        statusBar()->showMessage(
            tr("Busy with “%1”; cancel it or wait before opening another workspace.")
                .arg(m_jobs->title()));
}

void MainWindow::openMostRecent() {
    const QStringList files = WorkspaceController::recentFiles();
    if (!files.isEmpty() && QFileInfo::exists(files.first())) openWorkspace(files.first());
}

void MainWindow::newWorkspace() {
    const QString path = QFileDialog::getSaveFileName(this, tr("New workspace"), QString(),
                                                      tr("FLAMe workspaces (*.flame)"));
    if (path.isEmpty()) return;
    m_controller->create(path.endsWith(QLatin1String(".flame")) ? path
                                                                : path + QStringLiteral(".flame"));
}

void MainWindow::openDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open workspace"), QString(),
                                                      tr("FLAMe workspaces (*.flame)"));
    if (!path.isEmpty()) openWorkspace(path);
}

void MainWindow::generateSample() {
    SampleDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) m_controller->generateSample(dialog.options());
}

void MainWindow::importFile() {
    QStringList keys;
    if (Workspace* ws = m_session->workspace())
        for (const auto& t : ws->catalog().tasks())
            keys << QString::fromStdString(t.key);
    ImportDialog dialog(keys, this);
    if (dialog.exec() == QDialog::Accepted && !dialog.path().isEmpty())
        m_controller->importFile(dialog.path(), dialog.options());
}

void MainWindow::showShortcuts() {
    ShortcutsDialog dialog(this, this);
    dialog.exec();
}

void MainWindow::about() {
    QMessageBox::about(
        this, tr("About FLAMe Studio"),
        tr("<b>FLAMe Studio</b><p>Curate a large corpus of human quality judgments in one unified "
           "text-to-text format and train autoraters the way the FLAMe paper does (Vu et al. "
           "2024).</p>"));
}

void MainWindow::setLanguage(const QString& code) {
    m_translations->setLanguage(code);
    QSettings().setValue(QStringLiteral("ui/language"), code);
}

void MainWindow::setTheme(const QString& key) {
    applyTheme(themeFromKey(key));
    QSettings().setValue(QStringLiteral("ui/theme"), key);
    for (QAction* a : m_themeGroup->actions())
        a->setChecked(a->data().toString() == key);
    // Colours chosen in code (diff marks, highlights) follow on the next render.
    m_detail->showJudgment(m_detail->judgmentId());
}

void MainWindow::saveLayout() {
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("browser/header"), m_browser->saveState());
    s.setValue(QStringLiteral("window/view"), m_views->currentIndex());
}

void MainWindow::restoreLayout() {
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 860);
    m_layoutRestored = restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    m_browser->restoreState(s.value(QStringLiteral("browser/header")).toByteArray());
    m_views->setCurrentIndex(s.value(QStringLiteral("window/view"), 0).toInt());
    const QString language = s.value(QStringLiteral("ui/language")).toString();
    m_translations->setLanguage(language);
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (!m_layoutRestored) {
        // First start: docks sized for their content (only possible once the window has a size).
        m_layoutRestored = true;
        QTimer::singleShot(0, this, [this] {
            resizeDocks({m_treeDock, m_detailDock}, {280, 400}, Qt::Horizontal);
        });
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_jobs->busy()) {
        const auto answer = QMessageBox::question(
            this, tr("Background work is running"),
            tr("“%1” is still running. Cancel it and quit?").arg(m_jobs->title()));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_jobs->cancelAndWait();
    }
    if (!m_runs->confirmClose()) { // training workers started here outlive the window, if wanted
        event->ignore();
        return;
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace flame::ui
