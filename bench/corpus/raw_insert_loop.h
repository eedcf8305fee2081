#pragma once
// The peer of the corpus benchmarks: the plainest fast way to put rows into SQLite (one prepared
// INSERT into a table with no index, 100k-row transactions, WAL, synchronous=NORMAL), as in
// DESIGN.md section 1's measurement.
#include <sqlite3.h>

#include <cstdio>
#include <string>

namespace flame::bench {

class RawInsertLoop {
public:
    explicit RawInsertLoop(const std::string& path, const char* columns = "a TEXT, b INT, c TEXT, d TEXT, e TEXT") {
        std::remove(path.c_str());
        std::remove((path + "-wal").c_str());
        sqlite3_open(path.c_str(), &m_db);
        sqlite3_exec(m_db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr);
        sqlite3_exec(m_db, ("CREATE TABLE rows(" + std::string(columns) + ")").c_str(), nullptr, nullptr, nullptr);
        int n = 1;
        for (char c : std::string(columns)) n += c == ',';
        std::string sql = "INSERT INTO rows VALUES(?";
        for (int i = 1; i < n; ++i) sql += ",?";
        sql += ")";
        sqlite3_prepare_v2(m_db, sql.c_str(), -1, &m_stmt, nullptr);
        sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr);
    }
    ~RawInsertLoop() {
        sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_finalize(m_stmt);
        sqlite3_close(m_db);
    }
    sqlite3_stmt* statement() { return m_stmt; }
    void step() {
        sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        if (++m_rows % 100000 == 0) sqlite3_exec(m_db, "COMMIT; BEGIN", nullptr, nullptr, nullptr);
    }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    long m_rows = 0;
};

} // namespace flame::bench
