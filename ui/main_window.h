#pragma once
// The main window composes the views, docks, menus and the status bar, and wires them together;
// the work itself lives in the views, the WorkspaceController (open/create/sample/import as
// background jobs) and the WorkspaceSession. Views are tabs of the central widget; later issues
// add theirs with addView().
#include <QMainWindow>

class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;

namespace flame::ui {

class BrowserView;
class DetailPane;
class InstructionEditor;
class JobRunner;
class ReviewView;
class RunsWorkbench;
class TaskTreeModel;
class TaskTreeView;
class Translations;
class WorkspaceController;
class WorkspaceSession;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class View { Browse, Instructions, Review, Runs };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openWorkspace(const QString& path, bool readOnly = false); // in the background
    void openMostRecent();
    int
    addView(QWidget* view,
            const char* untranslatedTitle); // the title goes through tr() on every language change
    void showView(View view);

    WorkspaceSession* session() const { return m_session; }
    JobRunner* jobs() const { return m_jobs; }
    WorkspaceController* controller() const { return m_controller; }
    BrowserView* browser() const { return m_browser; }
    DetailPane* detail() const { return m_detail; }
    TaskTreeView* taskTree() const { return m_tree; }
    InstructionEditor* editor() const { return m_editor; }
    ReviewView* review() const { return m_review; }
    RunsWorkbench* runs() const { return m_runs; }
    QTabWidget* views() const { return m_views; }
    Translations* translations() const { return m_translations; }
    void setLanguage(const QString& code); // "" system, "en", "de"
    void setTheme(const QString& key);     // "system", "light", "dark"

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void wire();
    void retranslate();
    void rebuildRecentMenu();
    void updateTitle();
    void saveLayout();
    void restoreLayout();
    void newWorkspace();
    void openDialog();
    void generateSample();
    void importFile();
    void showShortcuts();
    void about();

    WorkspaceSession* m_session;
    JobRunner* m_jobs;
    WorkspaceController* m_controller;
    Translations* m_translations;
    QTabWidget* m_views;
    QList<QPair<QWidget*, const char*>> m_viewTitles;
    BrowserView* m_browser;
    InstructionEditor* m_editor;
    ReviewView* m_review;
    RunsWorkbench* m_runs;
    TaskTreeModel* m_treeModel;
    TaskTreeView* m_tree;
    DetailPane* m_detail;
    QDockWidget* m_treeDock;
    QDockWidget* m_detailDock;
    QLabel* m_generatedMarker;
    QMenu* m_fileMenu;
    QMenu* m_recentMenu;
    QMenu* m_editMenu;
    QMenu* m_viewMenu;
    QMenu* m_themeMenu;
    QMenu* m_languageMenu;
    QMenu* m_helpMenu;
    QActionGroup* m_themeGroup;
    QActionGroup* m_languageGroup;
    QHash<QString, QAction*> m_actions;
    bool m_layoutRestored = false;
};

} // namespace flame::ui
