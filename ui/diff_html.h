#pragma once
// Word differences as HTML for Qt's rich-text widgets (model/worddiff.h does the diffing).
#include <QPalette>
#include <QString>

#include "model/catalog.h"
#include "model/worddiff.h"

namespace flame::ui {

struct DiffColors {
    QString removed, added, changed;
    static DiffColors forPalette(const QPalette& palette);
};

// One text: removed words struck through on red, added words on green.
QString inlineDiffHtml(const QString& before, const QString& after, const DiffColors& colors);
// One side of a side-by-side comparison: changed words marked; `markChanges` false shows plain
// text.
QString sideHtml(const std::vector<SidePiece>& side, const DiffColors& colors, bool markChanges);
// Two instruction versions, field by field (title, description, output fields); unchanged fields
// are shown plainly. `labels` are the translated field names.
QString instructionsDiffHtml(const Instructions& before, const Instructions& after,
                             const DiffColors& colors, const QString& titleLabel,
                             const QString& descriptionLabel, const QString& fieldsLabel);

QString joinFields(const std::vector<std::string>& fields);

} // namespace flame::ui
