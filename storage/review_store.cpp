#include "storage/review_store.h"

#include <cstdio>
#include <fstream>

#include "model/json.h"

namespace flame {

const char* toString(Verdict v) {
    switch (v) {
    case Verdict::Agree:
        return "agree";
    case Verdict::Flag:
        return "flag";
    case Verdict::Relabel:
        return "relabel";
    case Verdict::Note:
        return "note";
    }
    return "?";
}

std::optional<Verdict> parseVerdict(std::string_view t) {
    if (t == "agree") return Verdict::Agree;
    if (t == "flag") return Verdict::Flag;
    if (t == "relabel") return Verdict::Relabel;
    if (t == "note") return Verdict::Note;
    return std::nullopt;
}

std::string checkLabel(const TaskDefinition& task, const std::string& label) {
    const auto allowed = task.candidateLabels();
    if (allowed.empty())
        return "task '" + task.key + "' has free-text targets, which cannot be relabelled here";
    for (const auto& a : allowed)
        if (a == label) return {};
    std::string list;
    for (const auto& a : allowed)
        list += (list.empty() ? "" : ", ") + a;
    return "'" + label + "' is not a label of task '" + task.key + "' (" + list + ")";
}

namespace {

constexpr const char* kColumns =
    "id, judgment_id, reviewer, verdict, label, note, created_at, withdrawn";

Review readReview(const db::Statement& st) {
    Review r;
    r.id = st.int64(0);
    r.judgmentId = st.int64(1);
    r.reviewer = st.string(2);
    r.verdict = parseVerdict(st.text(3)).value_or(Verdict::Note);
    r.label = st.isNull(4) ? std::string() : st.string(4);
    r.note = st.string(5);
    r.createdAt = st.string(6);
    r.withdrawn = st.int64(7) != 0;
    return r;
}

Status requireWritable(Workspace& ws) {
    if (ws.readOnly())
        return Error{ErrorKind::ReadOnly, "the workspace is open read-only", ws.path(), 0};
    return {};
}

// Writes lines produced by `fill` to path + ".part", then renames it onto `path`.
Expected<std::int64_t>
writeAtomically(const std::string& path,
                const std::function<Expected<std::int64_t>(std::ofstream&)>& fill) {
    const std::string part = path + ".part";
    std::int64_t lines = 0;
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        if (!out) return Error::badInput("cannot write the file", path);
        auto n = fill(out);
        if (!n) {
            out.close();
            std::remove(part.c_str());
            return n.error();
        }
        lines = *n;
        out.flush();
        if (!out) {
            std::remove(part.c_str());
            return Error::internal("writing failed", path);
        }
    }
    if (std::rename(part.c_str(), path.c_str()) != 0) {
        std::remove(part.c_str());
        return Error::internal("cannot move the finished file into place", path);
    }
    return lines;
}

// Each row of `sql` as one JSON line of `path`, written atomically; the number of lines.
Expected<std::int64_t> exportRows(Workspace& ws, const std::string& path, const std::string& sql,
                                  const std::function<json::Object(const db::Statement&)>& toObject) {
    return writeAtomically(path, [&](std::ofstream& out) -> Expected<std::int64_t> {
        auto st = ws.db().prepare(sql);
        if (!st) return st.error();
        std::int64_t n = 0;
        db::Statement::Step s;
        std::string line;
        while ((s = st->step()) == db::Statement::Step::Row) {
            line.clear();
            json::serializeTo(line, json::Value(toObject(*st)));
            line += '\n';
            out << line;
            ++n;
        }
        if (s == db::Statement::Step::Error) return ws.db().error(st->errorMessage());
        return n;
    });
}

} // namespace

Expected<std::string> ReviewStore::originalLabel(std::int64_t judgmentId,
                                                 const TaskDefinition** task) {
    auto st = m_ws.db().prepare("SELECT task_id, label FROM judgments WHERE id = ?");
    if (!st) return st.error();
    st->bind(1, judgmentId);
    auto s = st->step();
    if (s == db::Statement::Step::Error) return m_ws.db().error(st->errorMessage());
    if (s == db::Statement::Step::Done)
        return Error::badInput("no judgment with id " + std::to_string(judgmentId));
    *task = m_ws.taskById(st->int64(0));
    if (!*task)
        return Error::internal("judgment " + std::to_string(judgmentId) + " has an unknown task",
                               m_ws.path());
    return st->string(1);
}

Expected<Review> ReviewStore::add(std::int64_t judgmentId, const std::string& reviewer,
                                  Verdict verdict, const std::string& label,
                                  const std::string& note) {
    if (auto s = requireWritable(m_ws); !s) return s.error();
    if (reviewer.find_first_not_of(" \t") == std::string::npos)
        return Error::badInput("the reviewer's name is empty");
    const TaskDefinition* task = nullptr;
    auto original = originalLabel(judgmentId, &task);
    if (!original) return original.error();
    if (verdict == Verdict::Relabel) {
        if (std::string why = checkLabel(*task, label); !why.empty()) return Error::badInput(why);
        if (label == *original)
            return Error::badInput("the new label equals the original label '" + label +
                                   "': record an agreement instead");
    } else if (!label.empty()) {
        return Error::badInput(std::string("a '") + toString(verdict) + "' review takes no label");
    }
    if (verdict == Verdict::Note && note.find_first_not_of(" \t\r\n") == std::string::npos)
        return Error::badInput("a note needs text");
    auto st = m_ws.db().prepare("INSERT INTO reviews(judgment_id, reviewer, verdict, label, note, "
                                "created_at) VALUES(?,?,?,?,?,?)");
    if (!st) return st.error();
    st->bind(1, judgmentId).bind(2, reviewer).bind(3, std::string_view(toString(verdict)));
    if (verdict == Verdict::Relabel)
        st->bind(4, label);
    else
        st->bindNull(4);
    st->bind(5, note).bind(6, utcNow());
    if (auto s = st->run(); !s) return s.error();
    const std::int64_t id = m_ws.db().lastInsertId();
    auto read = m_ws.db().prepare(std::string("SELECT ") + kColumns + " FROM reviews WHERE id = ?");
    if (!read) return read.error();
    read->bind(1, id);
    if (read->step() != db::Statement::Step::Row) return m_ws.db().error("the new review vanished");
    return readReview(*read);
}

Status ReviewStore::withdraw(std::int64_t reviewId) {
    if (auto s = requireWritable(m_ws); !s) return s;
    auto st = m_ws.db().prepare("UPDATE reviews SET withdrawn = 1 WHERE id = ? AND withdrawn = 0");
    if (!st) return st.error();
    st->bind(1, reviewId);
    if (auto s = st->run(); !s) return s;
    if (m_ws.db().changes() == 0)
        return Error::badInput("review " + std::to_string(reviewId) +
                               " does not exist or was already withdrawn");
    return {};
}

Expected<std::vector<Review>> ReviewStore::forJudgment(std::int64_t judgmentId,
                                                       bool includeWithdrawn) {
    auto st = m_ws.db().prepare(std::string("SELECT ") + kColumns +
                                " FROM reviews WHERE judgment_id = ?" +
                                (includeWithdrawn ? "" : " AND withdrawn = 0") + " ORDER BY id");
    if (!st) return st.error();
    st->bind(1, judgmentId);
    std::vector<Review> out;
    db::Statement::Step s;
    while ((s = st->step()) == db::Statement::Step::Row)
        out.push_back(readReview(*st));
    if (s == db::Statement::Step::Error) return m_ws.db().error(st->errorMessage());
    return out;
}

Expected<std::vector<std::int64_t>> ReviewStore::disputed(std::int64_t afterId, int limit) {
    auto st = m_ws.db().prepare(std::string("SELECT j.id FROM judgments j WHERE j.id > ? AND ") +
                                kDisputedCondition + " ORDER BY j.id LIMIT ?");
    if (!st) return st.error();
    st->bind(1, afterId).bind(2, limit);
    std::vector<std::int64_t> out;
    db::Statement::Step s;
    while ((s = st->step()) == db::Statement::Step::Row)
        out.push_back(st->int64(0));
    if (s == db::Statement::Step::Error) return m_ws.db().error(st->errorMessage());
    return out;
}

Status ReviewStore::adjudicate(std::int64_t judgmentId, const std::string& label,
                               const std::string& adjudicator) {
    if (auto s = requireWritable(m_ws); !s) return s;
    if (adjudicator.find_first_not_of(" \t") == std::string::npos)
        return Error::badInput("the adjudicator's name is empty");
    const TaskDefinition* task = nullptr;
    auto original = originalLabel(judgmentId, &task);
    if (!original) return original.error();
    if (std::string why = checkLabel(*task, label); !why.empty()) return Error::badInput(why);
    auto st = m_ws.db().prepare(
        "INSERT INTO gold_labels(judgment_id, label, adjudicator, created_at) VALUES(?,?,?,?) "
        "ON CONFLICT(judgment_id) DO UPDATE SET label = excluded.label, adjudicator = "
        "excluded.adjudicator, "
        "created_at = excluded.created_at");
    if (!st) return st.error();
    st->bind(1, judgmentId).bind(2, label).bind(3, adjudicator).bind(4, utcNow());
    return st->run();
}

Status ReviewStore::clearGold(std::int64_t judgmentId) {
    if (auto s = requireWritable(m_ws); !s) return s;
    auto st = m_ws.db().prepare("DELETE FROM gold_labels WHERE judgment_id = ?");
    if (!st) return st.error();
    st->bind(1, judgmentId);
    return st->run();
}

Expected<std::optional<GoldLabel>> ReviewStore::gold(std::int64_t judgmentId) {
    auto st = m_ws.db().prepare("SELECT judgment_id, label, adjudicator, created_at FROM "
                                "gold_labels WHERE judgment_id = ?");
    if (!st) return st.error();
    st->bind(1, judgmentId);
    auto s = st->step();
    if (s == db::Statement::Step::Error) return m_ws.db().error(st->errorMessage());
    if (s == db::Statement::Step::Done) return std::optional<GoldLabel>();
    return std::optional<GoldLabel>(
        GoldLabel{st->int64(0), st->string(1), st->string(2), st->string(3)});
}

Expected<std::vector<ReviewLabel>> ReviewStore::labelledReviews() {
    // The latest active agree/relabel per (reviewer, judgment); an agree stands for the original
    // label.
    auto st = m_ws.db().prepare("SELECT j.task_id, r.reviewer, r.judgment_id, j.label, "
                                "CASE r.verdict WHEN 'agree' THEN j.label ELSE r.label END "
                                "FROM reviews r JOIN judgments j ON j.id = r.judgment_id "
                                "WHERE r.id IN (SELECT max(id) FROM reviews WHERE withdrawn = 0 "
                                "AND verdict IN ('agree','relabel') "
                                "               GROUP BY reviewer, judgment_id) "
                                "ORDER BY r.judgment_id, r.reviewer");
    if (!st) return st.error();
    std::vector<ReviewLabel> out;
    db::Statement::Step s;
    while ((s = st->step()) == db::Statement::Step::Row) {
        const TaskDefinition* t = m_ws.taskById(st->int64(0));
        out.push_back({t ? t->key : std::string("?"), st->string(1), st->int64(2), st->string(3),
                       st->string(4)});
    }
    if (s == db::Statement::Step::Error) return m_ws.db().error(st->errorMessage());
    return out;
}

Expected<std::int64_t> ReviewStore::exportReviews(const std::string& path, bool includeWithdrawn) {
    const std::string sql = "SELECT r.id, r.judgment_id, j.task_id, j.label, r.reviewer, r.verdict, r.label, r.note, "
                            "r.created_at, r.withdrawn FROM reviews r JOIN judgments j ON j.id = r.judgment_id" +
                            std::string(includeWithdrawn ? "" : " WHERE r.withdrawn = 0") + " ORDER BY r.id";
    return exportRows(m_ws, path, sql, [&](const db::Statement& st) {
        const TaskDefinition* t = m_ws.taskById(st.int64(2));
        json::Object o{{"review_id", json::Value(st.int64(0))},
                       {"judgment_id", json::Value(st.int64(1))},
                       {"task", json::Value(t ? t->key : std::string("?"))},
                       {"original_label", json::Value(st.string(3))},
                       {"reviewer", json::Value(st.string(4))},
                       {"verdict", json::Value(st.string(5))},
                       {"label", st.isNull(6) ? json::Value() : json::Value(st.string(6))},
                       {"note", json::Value(st.string(7))},
                       {"created_at", json::Value(st.string(8))}};
        if (includeWithdrawn) o.emplace_back("withdrawn", json::Value(st.int64(9) != 0));
        return o;
    });
}

Expected<std::int64_t> ReviewStore::exportGold(const std::string& path) {
    const std::string sql = "SELECT g.judgment_id, j.task_id, j.label, g.label, g.adjudicator, g.created_at "
                            "FROM gold_labels g JOIN judgments j ON j.id = g.judgment_id ORDER BY g.judgment_id";
    return exportRows(m_ws, path, sql, [&](const db::Statement& st) {
        const TaskDefinition* t = m_ws.taskById(st.int64(1));
        return json::Object{{"judgment_id", json::Value(st.int64(0))},
                            {"task", json::Value(t ? t->key : std::string("?"))},
                            {"original_label", json::Value(st.string(2))},
                            {"gold_label", json::Value(st.string(3))},
                            {"adjudicator", json::Value(st.string(4))},
                            {"created_at", json::Value(st.string(5))}};
    });
}

} // namespace flame
