#pragma once
// Translated names of the domain's enumerations (the libraries below ui/ carry English keys only).
#include <QString>

#include "model/catalog.h"
#include "model/judgment.h"
#include "storage/browse.h"
#include "storage/review_store.h"
#include "storage/search_query.h"

namespace flame::ui {

QString taskTypeName(TaskType type);
QString capabilityName(Capability capability);
QString splitName(Split split);
QString reviewFilterName(ReviewFilter filter);
QString verdictName(Verdict verdict);
// The inline message for a malformed search.
QString searchErrorText(SearchError error);
// "1,234,567" in the current locale.
QString formatCount(qint64 n);
// Kappa or a share; "n/a" when undefined (NaN).
QString formatRatio(double value, int decimals = 2);

} // namespace flame::ui
