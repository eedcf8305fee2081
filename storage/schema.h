#pragma once
// The workspace schema as numbered migrations (PRAGMA user_version). Migration N turns a
// version N-1 database into version N; each runs in its own transaction.
#include "model/error.h"
#include "storage/sqlite.h"

namespace flame::db {

inline constexpr int kApplicationId = 0x464C4D45; // "FLME", in the database header

int latestSchemaVersion();
// Applies the migrations after `from` up to and including `to`.
Status migrate(Database& db, int from, int to);

} // namespace flame::db
