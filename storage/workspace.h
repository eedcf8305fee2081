#pragma once
// A workspace: one SQLite file (*.flame) plus a sibling folder for large artifacts
// (<file>.d/: tokenizer, caches, checkpoints, exports). DESIGN.md section 3.
//
// Threading: a Workspace owns one connection and is used from one thread at a time. Readers in
// other threads or processes open their own Workspace; WAL lets them read while one writes.
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "model/catalog.h"
#include "model/error.h"
#include "storage/sqlite.h"

namespace flame {

enum class WorkspaceMode { ReadWrite, ReadOnly };

struct TaskRecord {
    std::int64_t id = 0;
    const TaskDefinition* definition = nullptr;
};

class Workspace {
public:
    // Creates a new workspace with the given catalog; fails if `path` exists.
    static Expected<Workspace> create(const std::string& path, const Catalog& catalog = Catalog::builtin());
    // Opens an existing workspace. An older schema is migrated (ReadWrite only); a newer one is
    // refused before anything is written.
    static Expected<Workspace> open(const std::string& path, WorkspaceMode mode = WorkspaceMode::ReadWrite);

    Workspace(Workspace&&) noexcept;
    Workspace& operator=(Workspace&&) noexcept;
    ~Workspace();

    db::Database& db() { return m_db; }
    const std::string& path() const { return m_path; }
    std::string artifactDir() const { return m_path + ".d"; }
    bool readOnly() const { return m_mode == WorkspaceMode::ReadOnly; }
    int schemaVersion() const { return m_schemaVersion; }

    // The task catalog as stored in this workspace.
    const Catalog& catalog() const { return *m_catalog; }
    // Database id of a task, or 0.
    std::int64_t taskId(std::string_view key) const;
    const TaskDefinition* taskById(std::int64_t id) const;

    Expected<std::string> meta(const std::string& key);
    Status setMeta(const std::string& key, const std::string& value);

    // Records where judgments come from; returns the source id.
    Expected<std::int64_t> addSource(const std::string& kind, const std::string& format,
                                     const std::string& path, bool aiFeedback,
                                     const std::string& optionsJson = "{}");

private:
    Workspace() = default;
    Status loadCatalog();

    db::Database m_db;
    std::string m_path;
    WorkspaceMode m_mode = WorkspaceMode::ReadWrite;
    int m_schemaVersion = 0;
    std::unique_ptr<Catalog> m_catalog;
    std::unordered_map<std::string, std::int64_t> m_taskIds;
    std::unordered_map<std::int64_t, const TaskDefinition*> m_tasksById;
};

// "2026-11-28T11:08:09Z"
std::string utcNow();

} // namespace flame
