// Any bytes typed into the search box: either an error the GUI can show inline, or an FTS5
// expression that SQLite accepts (never an SQL error); highlight ranges stay inside the text,
// in order and without overlap.
#include <sqlite3.h>

#include <cstdlib>
#include <string>

#include "storage/search_query.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static sqlite3* db = [] {
        sqlite3* d = nullptr;
        sqlite3_open(":memory:", &d);
        sqlite3_exec(d,
                     "CREATE VIRTUAL TABLE f USING fts5(text, content='', columnsize=0, tokenize='unicode61 remove_diacritics 2');"
                     "INSERT INTO f(rowid, text) VALUES (1, 'How do I cook lentil soup? Don''t burn it.'),"
                     "(2, 'A-b testing of the caf\xC3\xA9 menu'), (3, 'NOT a question: AND or OR')",
                     nullptr, nullptr, nullptr);
        return d;
    }();
    std::string_view text(reinterpret_cast<const char*>(data), size);
    flame::SearchQuery q = flame::parseSearch(text);
    if (!q.ok()) {
        if (q.errorOffset > size) std::abort();
        return 0;
    }
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT rowid FROM f WHERE f MATCH ?", -1, &st, nullptr) != SQLITE_OK) std::abort();
    sqlite3_bind_text(st, 1, q.expression.c_str(), int(q.expression.size()), SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) std::abort(); // the parser let through something FTS5 rejects
    std::size_t last = 0;
    for (const auto& m : flame::findMatches(text, q.terms)) {
        if (m.begin < last || m.end <= m.begin || m.end > size) std::abort();
        last = m.end;
    }
    return 0;
}
