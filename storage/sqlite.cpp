#include "storage/sqlite.h"

#include <sqlite3.h>

#include <utility>

namespace flame::db {

namespace {
// One mapping from SQLite result codes to error kinds, for statements and connections alike.
Error makeError(sqlite3* db, const std::string& what) {
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    Error e = Error::internal(what, file ? file : "");
    int code = (db ? sqlite3_extended_errcode(db) : SQLITE_MISUSE) & 0xff;
    if (code == SQLITE_READONLY) e.kind = ErrorKind::ReadOnly;
    if (code == SQLITE_INTERRUPT) e.kind = ErrorKind::Cancelled;
    if (code == SQLITE_FULL || (sqlite3_extended_errcode(db) == SQLITE_IOERR_WRITE))
        e.message += " (is the disk full or a file-size limit reached? nothing of this operation was kept)";
    return e;
}
} // namespace

Statement::Statement(Statement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        if (m_stmt) sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement::~Statement() {
    if (m_stmt) sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}
Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}
Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}
Statement& Statement::bindStatic(int index, std::string_view text) {
    sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
    return *this;
}
Statement& Statement::bindBlob(int index, const void* data, std::size_t size) {
    sqlite3_bind_blob64(m_stmt, index, data, size, SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Statement::Step Statement::step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return Step::Row;
    if (rc == SQLITE_DONE) return Step::Done;
    return Step::Error;
}

Status Statement::run() {
    Step s;
    while ((s = step()) == Step::Row) {
    }
    if (s == Step::Error) {
        Error e = makeError(m_db, errorMessage());
        sqlite3_reset(m_stmt);
        return e;
    }
    sqlite3_reset(m_stmt);
    return {};
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }
std::int64_t Statement::int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
double Statement::real(int col) const { return sqlite3_column_double(m_stmt, col); }
std::string_view Statement::text(int col) const {
    const unsigned char* p = sqlite3_column_text(m_stmt, col);
    if (!p) return {};
    return std::string_view(reinterpret_cast<const char*>(p), std::size_t(sqlite3_column_bytes(m_stmt, col)));
}
const void* Statement::blob(int col, std::size_t* size) const {
    const void* p = sqlite3_column_blob(m_stmt, col);
    if (size) *size = std::size_t(sqlite3_column_bytes(m_stmt, col));
    return p;
}
bool Statement::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
std::string Statement::errorMessage() const { return m_db ? sqlite3_errmsg(m_db) : "no database"; }
int Statement::errorCode() const { return m_db ? sqlite3_extended_errcode(m_db) : SQLITE_MISUSE; }

// ---------------------------------------------------------------------------------------------

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        if (m_db) sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Database::~Database() {
    if (m_db) sqlite3_close_v2(m_db);
}

Expected<Database> Database::open(const std::string& path, OpenFlags flags) {
    // Memory statistics take a global mutex on every allocation; nothing here reads them.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return sqlite3_initialize() == SQLITE_OK;
    }();
    (void)configured;
    int f = SQLITE_OPEN_NOMUTEX; // one connection per thread (DESIGN.md section 7)
    switch (flags) {
    case OpenFlags::ReadWrite: f |= SQLITE_OPEN_READWRITE; break;
    case OpenFlags::ReadOnly: f |= SQLITE_OPEN_READONLY; break;
    case OpenFlags::Create: f |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    sqlite3* handle = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &handle, f, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
        if (handle) sqlite3_close_v2(handle);
        return Error::badInput("cannot open: " + msg, path);
    }
    sqlite3_extended_result_codes(handle, 1);
    // Before the first statement: another process may hold the write lock right now.
    sqlite3_busy_timeout(handle, 10000);
    Database db;
    db.m_db = handle;
    db.m_path = path;
    return db;
}

Status Database::exec(std::string_view sql) {
    std::string copy(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(m_db, copy.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        return error(msg);
    }
    return {};
}

Expected<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(m_db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return error(std::string(sqlite3_errmsg(m_db)) + " in: " + std::string(sql.substr(0, 120)));
    return Statement(m_db, stmt);
}

Expected<std::int64_t> Database::queryInt(std::string_view sql, std::int64_t fallback) {
    auto st = prepare(sql);
    if (!st) return st.error();
    auto s = st->step();
    if (s == Statement::Step::Error) return error(st->errorMessage());
    if (s == Statement::Step::Done) return fallback;
    return st->int64(0);
}

std::int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }
std::string Database::errorMessage() const { return m_db ? sqlite3_errmsg(m_db) : "no database"; }
int Database::errorCode() const { return m_db ? sqlite3_extended_errcode(m_db) : SQLITE_MISUSE; }
Error Database::error(const std::string& what) const {
    Error e = makeError(m_db, what);
    e.file = m_path;
    return e;
}
void Database::interrupt() {
    if (m_db) sqlite3_interrupt(m_db);
}

// ---------------------------------------------------------------------------------------------

Transaction::Transaction(Database& db, Mode mode) : m_db(db) {
    m_begun = db.exec(mode == Mode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN");
    m_open = m_begun.ok();
}

Transaction::~Transaction() { rollback(); }

Status Transaction::commit() {
    if (!m_open) return m_begun.ok() ? Status(Error::internal("transaction already ended")) : m_begun;
    Status s = m_db.exec("COMMIT");
    if (s.ok()) m_open = false;
    return s;
}

void Transaction::rollback() {
    if (m_open) {
        m_db.exec("ROLLBACK");
        m_open = false;
    }
}

} // namespace flame::db
