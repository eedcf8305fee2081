#include "storage/judgment_store.h"

namespace flame {

std::string searchText(const Judgment& j) {
    std::string text;
    for (const auto& f : j.context) {
        text += f.value;
        text += '\n';
    }
    for (const auto& f : j.target) {
        text += f.value;
        text += '\n';
    }
    return text;
}

Expected<JudgmentWriter> JudgmentWriter::create(Workspace& ws, std::int64_t sourceId) {
    JudgmentWriter w(ws, sourceId);
    auto insert = ws.db().prepare(
        "INSERT OR IGNORE INTO judgments(task_id, split, label, context, target, annotator, item, ai_feedback, source_id, content_hash) "
        "VALUES(?,?,?,?,?,?,?,?,?,?)");
    if (!insert) return insert.error();
    auto stats = ws.db().prepare(
        "INSERT INTO task_stats(task_id, split, count) VALUES(?,?,?) "
        "ON CONFLICT(task_id, split) DO UPDATE SET count = count + excluded.count");
    if (!stats) return stats.error();
    w.m_insert = std::move(insert).value();
    w.m_stats = std::move(stats).value();
    return w;
}

Expected<PreparedJudgment> prepareJudgment(const Workspace& ws, const Judgment& j) {
    PreparedJudgment p;
    p.taskId = ws.taskId(j.taskKey);
    if (p.taskId == 0) return Error::badInput("unknown task '" + j.taskKey + "'");
    p.split = int(j.split);
    p.aiFeedback = j.aiFeedback;
    p.label = j.label();
    p.context = fieldsToJson(j.context);
    p.target = fieldsToJson(j.target);
    p.annotator = j.annotator;
    p.item = j.item;
    p.hash = j.contentHash().bytes();
    return p;
}

Expected<JudgmentWriter::Outcome> JudgmentWriter::insert(const Judgment& j) {
    auto p = prepareJudgment(*m_ws, j);
    if (!p) return p.error();
    return insert(*p);
}

Expected<JudgmentWriter::Outcome> JudgmentWriter::insert(const PreparedJudgment& p) {
    m_insert.bind(1, p.taskId).bind(2, p.split).bindStatic(3, p.label).bindStatic(4, p.context)
        .bindStatic(5, p.target).bindStatic(6, p.annotator).bindStatic(7, p.item).bind(8, p.aiFeedback ? 1 : 0)
        .bind(9, m_sourceId).bindBlob(10, p.hash.data(), p.hash.size());
    if (auto s = m_insert.run(); !s) return s.error();
    if (m_ws->db().changes() == 0) {
        ++m_duplicates;
        return Outcome::Duplicate;
    }
    ++m_pendingStats[{p.taskId, p.split}];
    ++m_inserted;
    return Outcome::Inserted;
}

Status JudgmentWriter::flushStats() {
    for (const auto& [key, count] : m_pendingStats) {
        m_stats.bind(1, key.first).bind(2, key.second).bind(3, count);
        if (auto s = m_stats.run(); !s) return s;
    }
    m_pendingStats.clear();
    return {};
}

namespace {

bool readRow(Workspace& ws, const db::Statement& st, Judgment& out, std::string* error) {
    out.id = st.int64(0);
    const TaskDefinition* task = ws.taskById(st.int64(1));
    out.taskKey = task ? task->key : std::string();
    out.split = Split(st.int64(2));
    auto ctx = fieldsFromJson(st.text(3), error);
    auto tgt = fieldsFromJson(st.text(4), error);
    if (!ctx || !tgt) return false;
    out.context = std::move(*ctx);
    out.target = std::move(*tgt);
    out.annotator = st.string(5);
    out.item = st.string(6);
    out.aiFeedback = st.int64(7) != 0;
    return true;
}

constexpr const char* kColumns = "id, task_id, split, context, target, annotator, item, ai_feedback";

} // namespace

Status JudgmentCursor::fetchPage() {
    std::string sql = std::string("SELECT ") + kColumns + " FROM judgments WHERE id > ?";
    if (m_taskId) sql += " AND task_id = ?";
    if (m_split) sql += " AND split = ?";
    sql += " ORDER BY id LIMIT ?";
    auto st = m_ws.db().prepare(sql);
    if (!st) return st.error();
    int i = 1;
    st->bind(i++, m_lastId);
    if (m_taskId) st->bind(i++, m_taskId);
    if (m_split) st->bind(i++, int(*m_split));
    st->bind(i++, m_pageSize);
    m_page.clear();
    m_pos = 0;
    db::Statement::Step s;
    while ((s = st->step()) == db::Statement::Step::Row) {
        Judgment j;
        std::string error;
        if (!readRow(m_ws, *st, j, &error))
            return Error::internal("judgment " + std::to_string(st->int64(0)) + " is damaged: " + error, m_ws.path());
        m_page.push_back(std::move(j));
    }
    if (s == db::Statement::Step::Error) return m_ws.db().error(st->errorMessage());
    if (m_page.empty()) m_done = true;
    else m_lastId = m_page.back().id;
    return {};
}

Expected<bool> JudgmentCursor::next(Judgment& out) {
    if (m_pos >= m_page.size()) {
        if (m_done) return false;
        if (auto s = fetchPage(); !s) return s.error();
        if (m_done) return false;
    }
    out = std::move(m_page[m_pos++]);
    return true;
}

Expected<std::optional<Judgment>> loadJudgment(Workspace& ws, std::int64_t id) {
    auto st = ws.db().prepare(std::string("SELECT ") + kColumns + " FROM judgments WHERE id = ?");
    if (!st) return st.error();
    st->bind(1, id);
    auto s = st->step();
    if (s == db::Statement::Step::Error) return ws.db().error(st->errorMessage());
    if (s == db::Statement::Step::Done) return std::optional<Judgment>();
    Judgment j;
    std::string error;
    if (!readRow(ws, *st, j, &error))
        return Error::internal("judgment " + std::to_string(id) + " is damaged: " + error, ws.path());
    return std::optional<Judgment>(std::move(j));
}

} // namespace flame
