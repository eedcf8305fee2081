#pragma once
// RAII over the SQLite C API: a connection, a prepared statement, a transaction. Failures come
// back as flame::Error values naming the database file.
#include <cstdint>
#include <string>
#include <string_view>

#include "model/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace flame::db {

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    bool valid() const { return m_stmt != nullptr; }

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text); // copied (SQLITE_TRANSIENT)
    Statement& bindStatic(int index, std::string_view text); // must outlive the step
    Statement& bindBlob(int index, const void* data, std::size_t size);
    Statement& bindNull(int index);

    enum class Step { Row, Done, Error };
    Step step();
    // Steps to completion, for statements that return no rows.
    Status run();
    void reset(); // also clears bindings

    int columnCount() const;
    std::int64_t int64(int col) const;
    double real(int col) const;
    std::string_view text(int col) const;
    std::string string(int col) const { return std::string(text(col)); }
    const void* blob(int col, std::size_t* size) const;
    bool isNull(int col) const;

    std::string errorMessage() const;
    int errorCode() const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

enum class OpenFlags { ReadWrite, ReadOnly, Create };

class Database {
public:
    Database() = default;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    static Expected<Database> open(const std::string& path, OpenFlags flags);

    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }
    bool valid() const { return m_db != nullptr; }

    Status exec(std::string_view sql);
    Expected<Statement> prepare(std::string_view sql);
    // Runs a query that returns one integer (or `fallback` when it returns no row).
    Expected<std::int64_t> queryInt(std::string_view sql, std::int64_t fallback = 0);
    std::int64_t lastInsertId() const;
    int changes() const;
    std::string errorMessage() const;
    int errorCode() const;
    Error error(const std::string& what) const; // Internal error naming the file
    // Interrupts a running statement from another thread (cancellation).
    void interrupt();

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
};

// BEGIN IMMEDIATE (or DEFERRED) on construction; ROLLBACK on destruction unless committed.
class Transaction {
public:
    enum class Mode { Deferred, Immediate };
    explicit Transaction(Database& db, Mode mode = Mode::Immediate);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    const Status& begun() const { return m_begun; }
    Status commit();
    void rollback();

private:
    Database& m_db;
    Status m_begun;
    bool m_open = false;
};

} // namespace flame::db
