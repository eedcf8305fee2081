#pragma once
// One colour per run, the same in every list, legend and chart (Tableau 10: distinguishable, and
// readable on light and dark backgrounds). Reference rows of the paper are drawn in grey.
#include <QColor>

namespace flame::ui {

inline QColor runColor(qint64 runId) {
    static const QRgb palette[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                   0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0x79706e};
    const qint64 i = runId > 0 ? (runId - 1) % 10 : 0;
    return QColor(palette[i]);
}

inline QColor referenceColor() { return QColor(0x9e, 0x9e, 0x9e); }

} // namespace flame::ui
