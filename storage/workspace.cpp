#include "storage/workspace.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

#include "model/hash.h"
#include "model/json.h"
#include "storage/schema.h"

namespace flame {

std::string utcNow() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {

bool fileExists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

Status connectionPragmas(db::Database& db, bool readOnly) {
    // Per-connection settings; none of them writes to the file.
    std::string sql = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; "
                      "PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;";
    if (!readOnly) sql += " PRAGMA synchronous = NORMAL;";
    return db.exec(sql);
}

} // namespace

Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

Expected<Workspace> Workspace::create(const std::string& path, const Catalog& catalog) {
    if (fileExists(path)) return Error::badInput("a file of that name exists already", path);
    auto opened = db::Database::open(path, db::OpenFlags::Create);
    if (!opened) return opened.error();
    Workspace ws;
    ws.m_db = std::move(opened).value();
    ws.m_path = path;
    auto fail = [&](const Error& e) {
        ws.m_db = db::Database();
        std::remove(path.c_str());
        std::remove((path + "-wal").c_str());
        std::remove((path + "-shm").c_str());
        return e;
    };
    if (auto s = ws.m_db.exec("PRAGMA journal_mode = WAL; PRAGMA application_id = " +
                              std::to_string(db::kApplicationId) + ";");
        !s)
        return fail(s.error());
    if (auto s = connectionPragmas(ws.m_db, false); !s) return fail(s.error());
    if (auto s = db::migrate(ws.m_db, 0, db::latestSchemaVersion()); !s) return fail(s.error());
    ws.m_schemaVersion = db::latestSchemaVersion();

    db::Transaction tx(ws.m_db);
    if (!tx.begun()) return fail(tx.begun().error());
    auto insertTask = ws.m_db.prepare(
        "INSERT INTO tasks(key, dataset, licence, collection, type, capability, ai_feedback, definition) "
        "VALUES(?,?,?,?,?,?,?,?)");
    auto insertInstr = ws.m_db.prepare(
        "INSERT INTO task_instructions(task_id, version, title, description, output_fields, author, created_at, message) "
        "VALUES(?,1,?,?,?,'catalog',?,'as shipped in the catalog')");
    auto point = ws.m_db.prepare("UPDATE tasks SET current_instruction_id = ? WHERE id = ?");
    if (!insertTask) return fail(insertTask.error());
    if (!insertInstr) return fail(insertInstr.error());
    if (!point) return fail(point.error());
    const std::string now = utcNow();
    for (const auto& t : catalog.tasks()) {
        insertTask->bind(1, t.key).bind(2, t.dataset).bind(3, t.licence).bind(4, toString(t.collection))
            .bind(5, toString(t.type)).bind(6, toString(t.capability)).bind(7, t.aiFeedback ? 1 : 0)
            .bind(8, t.sourceJson);
        if (auto s = insertTask->run(); !s) return fail(s.error());
        std::int64_t taskId = ws.m_db.lastInsertId();
        json::Array fields;
        for (const auto& f : t.instructions.outputFields) fields.emplace_back(f);
        insertInstr->bind(1, taskId).bind(2, t.instructions.title).bind(3, t.instructions.description)
            .bind(4, json::serialize(json::Value(std::move(fields)))).bind(5, now);
        if (auto s = insertInstr->run(); !s) return fail(s.error());
        point->bind(1, ws.m_db.lastInsertId()).bind(2, taskId);
        if (auto s = point->run(); !s) return fail(s.error());
    }
    std::string id = murmur3_128(path + now + std::to_string(std::clock())).hex().substr(0, 16);
    for (auto [k, v] : {std::pair<const char*, std::string>{"application", "flame-studio"},
                        {"workspace_id", id},
                        {"created_at", now},
                        {"generated", "false"}}) {
        auto st = ws.m_db.prepare("INSERT INTO meta(key, value) VALUES(?, ?)");
        if (!st) return fail(st.error());
        st->bind(1, std::string_view(k)).bind(2, v);
        if (auto s = st->run(); !s) return fail(s.error());
    }
    if (auto s = tx.commit(); !s) return fail(s.error());
    if (::mkdir(ws.artifactDir().c_str(), 0755) != 0 && errno != EEXIST)
        return fail(Error::internal(std::string("cannot create the artifact folder: ") + std::strerror(errno),
                                    ws.artifactDir()));
    if (auto s = ws.loadCatalog(); !s) return fail(s.error());
    return ws;
}

Expected<Workspace> Workspace::open(const std::string& path, WorkspaceMode mode) {
    if (!fileExists(path)) return Error::badInput("no such workspace", path);
    auto opened = db::Database::open(path, mode == WorkspaceMode::ReadOnly ? db::OpenFlags::ReadOnly
                                                                          : db::OpenFlags::ReadWrite);
    if (!opened) return opened.error();
    Workspace ws;
    ws.m_db = std::move(opened).value();
    ws.m_path = path;
    ws.m_mode = mode;

    // Identify the file before changing anything in it.
    auto notWorkspace = [&](const Error& e) {
        if ((ws.m_db.errorCode() & 0xff) == SQLITE_NOTADB)
            return Error::badInput("not a FLAMe Studio workspace (" + e.message + ")", path);
        return e;
    };
    auto appId = ws.m_db.queryInt("PRAGMA application_id");
    if (!appId) return notWorkspace(appId.error());
    auto version = ws.m_db.queryInt("PRAGMA user_version");
    if (!version) return notWorkspace(version.error());
    if (*appId != db::kApplicationId)
        return Error::badInput("not a FLAMe Studio workspace (the file is an SQLite database of another program)", path);
    const int latest = db::latestSchemaVersion();
    if (*version > latest)
        return Error::badInput("the workspace has schema version " + std::to_string(*version) +
                                   ", newer than this program understands (" + std::to_string(latest) +
                                   "); open it with a newer FLAMe Studio. Nothing was changed.",
                               path);
    // SQLite quietly opens an unwritable file read-only; say so now rather than at the first write.
    if (mode == WorkspaceMode::ReadWrite && sqlite3_db_readonly(ws.m_db.handle(), "main") == 1)
        return Error{ErrorKind::ReadOnly, "the workspace file cannot be written (open it read-only)", path, 0};
    if (auto s = connectionPragmas(ws.m_db, mode == WorkspaceMode::ReadOnly); !s) return s.error();
    if (*version < latest) {
        if (mode == WorkspaceMode::ReadOnly)
            return Error::badInput("the workspace has the older schema version " + std::to_string(*version) +
                                       " and must be migrated, which a read-only open cannot do",
                                   path);
        if (auto s = db::migrate(ws.m_db, int(*version), latest); !s) return s.error();
    }
    ws.m_schemaVersion = latest;
    if (auto s = ws.loadCatalog(); !s) return s.error();
    return ws;
}

Status Workspace::loadCatalog() {
    auto st = m_db.prepare("SELECT id, definition FROM tasks ORDER BY id");
    if (!st) return st.error();
    std::string text = "{\"tasks\":[";
    std::vector<std::int64_t> ids;
    bool first = true;
    while (st->step() == db::Statement::Step::Row) {
        if (!first) text += ',';
        first = false;
        ids.push_back(st->int64(0));
        text += st->text(1);
    }
    text += "]}";
    auto catalog = Catalog::fromJson(text, m_path + " (tasks table)");
    if (!catalog) return catalog.error();
    m_catalog = std::make_unique<Catalog>(std::move(catalog).value());
    m_taskIds.clear();
    m_tasksById.clear();
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const TaskDefinition& t = m_catalog->tasks()[i];
        m_taskIds[t.key] = ids[i];
        m_tasksById[ids[i]] = &t;
    }
    return {};
}

std::int64_t Workspace::taskId(std::string_view key) const {
    auto it = m_taskIds.find(std::string(key));
    return it == m_taskIds.end() ? 0 : it->second;
}

const TaskDefinition* Workspace::taskById(std::int64_t id) const {
    auto it = m_tasksById.find(id);
    return it == m_tasksById.end() ? nullptr : it->second;
}

Expected<std::string> Workspace::meta(const std::string& key) {
    auto st = m_db.prepare("SELECT value FROM meta WHERE key = ?");
    if (!st) return st.error();
    st->bind(1, key);
    if (st->step() == db::Statement::Step::Row) return st->string(0);
    return std::string();
}

Status Workspace::setMeta(const std::string& key, const std::string& value) {
    auto st = m_db.prepare("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!st) return st.error();
    st->bind(1, key).bind(2, value);
    return st->run();
}

Expected<std::int64_t> Workspace::addSource(const std::string& kind, const std::string& format,
                                            const std::string& path, bool aiFeedback,
                                            const std::string& optionsJson) {
    auto st = m_db.prepare("INSERT INTO sources(kind, format, path, feedback, options, created_at) VALUES(?,?,?,?,?,?)");
    if (!st) return st.error();
    st->bind(1, kind).bind(2, format).bind(3, path).bind(4, std::string_view(aiFeedback ? "ai" : "human"))
        .bind(5, optionsJson).bind(6, utcNow());
    if (auto s = st->run(); !s) return s.error();
    return m_db.lastInsertId();
}

} // namespace flame
