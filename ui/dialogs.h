#pragma once
// Small dialogs: generate the sample corpus, import a file, list the keyboard shortcuts.
#include <QDialog>

#include "model/sample/corpus.h"
#include "storage/import.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace flame::ui {

class SampleDialog : public QDialog {
    Q_OBJECT
public:
    explicit SampleDialog(QWidget* parent = nullptr);
    sample::SampleOptions options() const;

private:
    QSpinBox* m_judgments;
    QSpinBox* m_seed;
};

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(const QStringList& taskKeys, QWidget* parent = nullptr);
    QString path() const;
    ImportOptions options() const;

private:
    QLineEdit* m_path;
    QComboBox* m_format;
    QComboBox* m_task;
    QComboBox* m_split;
    QCheckBox* m_skipBad;
};

// Every action with a shortcut under `root` (menus, views), read from the actions themselves so
// the list cannot drift from the keys.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget* root, QWidget* parent = nullptr);
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
};

} // namespace flame::ui
