#include "storage/schema.h"

#include <string>
#include <vector>

namespace flame::db {

namespace {

// Never edit a migration that has shipped: add a new one.
const std::vector<const char*>& migrations() {
    static const std::vector<const char*> list = {
        // 1: the corpus, the catalog and versioned instructions, evaluation and bias sets.
        R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE tasks(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  dataset TEXT NOT NULL,
  licence TEXT NOT NULL,
  collection TEXT NOT NULL,
  type TEXT NOT NULL CHECK(type IN ('pairwise','pointwise','classification','open-ended')),
  capability TEXT NOT NULL,
  ai_feedback INTEGER NOT NULL DEFAULT 0,
  definition TEXT NOT NULL,
  current_instruction_id INTEGER REFERENCES task_instructions(id)
);
CREATE TABLE task_instructions(
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  output_fields TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  parent_id INTEGER REFERENCES task_instructions(id),
  UNIQUE(task_id, version)
);
CREATE TABLE sources(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK(kind IN ('generated','import')),
  format TEXT NOT NULL,
  path TEXT NOT NULL,
  feedback TEXT NOT NULL CHECK(feedback IN ('human','ai')),
  options TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);
CREATE TABLE judgments(
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  split INTEGER NOT NULL CHECK(split IN (0,1,2)),
  label TEXT NOT NULL,
  context TEXT NOT NULL,
  target TEXT NOT NULL,
  annotator TEXT NOT NULL DEFAULT '',
  item TEXT NOT NULL DEFAULT '',
  ai_feedback INTEGER NOT NULL DEFAULT 0,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  content_hash BLOB NOT NULL
);
-- Uniqueness per task: the hash covers the task key anyway, and keying the index by task first
-- keeps a bulk write of one task inside one small range of the index (a global random key would
-- dirty every leaf of a 160 MB index on each commit at 5.3M rows).
CREATE UNIQUE INDEX judgments_identity ON judgments(task_id, content_hash);
CREATE INDEX judgments_task ON judgments(task_id);
CREATE TABLE task_stats(
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  split INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY(task_id, split)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE judgments_fts USING fts5(text, content='', columnsize=0, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE eval_examples(
  id INTEGER PRIMARY KEY,
  set_name TEXT NOT NULL,
  subset TEXT NOT NULL,
  prompt TEXT NOT NULL,
  chosen TEXT NOT NULL,
  rejected TEXT NOT NULL,
  chosen_model TEXT NOT NULL DEFAULT '',
  rejected_model TEXT NOT NULL DEFAULT '',
  external_id TEXT NOT NULL DEFAULT '',
  source_id INTEGER REFERENCES sources(id),
  content_hash BLOB NOT NULL UNIQUE
);
CREATE INDEX eval_examples_set ON eval_examples(set_name, subset);
CREATE TABLE bias_items(
  id INTEGER PRIMARY KEY,
  set_name TEXT NOT NULL,
  instruction TEXT NOT NULL,
  reference TEXT NOT NULL
);
CREATE TABLE bias_responses(
  item_id INTEGER NOT NULL REFERENCES bias_items(id),
  system TEXT NOT NULL,
  response TEXT NOT NULL,
  PRIMARY KEY(item_id, system)
) WITHOUT ROWID;
)sql",
        // 2: reviews and gold labels; training runs and everything they record.
        R"sql(
CREATE TABLE reviews(
  id INTEGER PRIMARY KEY,
  judgment_id INTEGER NOT NULL REFERENCES judgments(id),
  reviewer TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK(verdict IN ('agree','flag','relabel','note')),
  label TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  withdrawn INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX reviews_judgment ON reviews(judgment_id);
CREATE TABLE gold_labels(
  judgment_id INTEGER PRIMARY KEY REFERENCES judgments(id),
  label TEXT NOT NULL,
  adjudicator TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  variant TEXT NOT NULL,
  parent_run_id INTEGER REFERENCES runs(id),
  config TEXT NOT NULL,
  state TEXT NOT NULL CHECK(state IN ('queued','running','finished','failed','cancelled','interrupted')),
  device TEXT NOT NULL DEFAULT 'cpu',
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  pid INTEGER,
  host TEXT,
  heartbeat_at TEXT,
  step INTEGER NOT NULL DEFAULT 0,
  error TEXT
);
CREATE TABLE run_instructions(
  run_id INTEGER NOT NULL REFERENCES runs(id),
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  instruction_id INTEGER NOT NULL REFERENCES task_instructions(id),
  PRIMARY KEY(run_id, task_id)
) WITHOUT ROWID;
CREATE TABLE run_metrics(
  run_id INTEGER NOT NULL REFERENCES runs(id),
  name TEXT NOT NULL,
  step INTEGER NOT NULL,
  examples INTEGER NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY(run_id, name, step)
) WITHOUT ROWID;
CREATE TABLE checkpoints(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  step INTEGER NOT NULL,
  path TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE(run_id, step)
);
CREATE TABLE eval_results(
  run_id INTEGER NOT NULL REFERENCES runs(id),
  step INTEGER NOT NULL,
  set_name TEXT NOT NULL,
  subset TEXT NOT NULL,
  accuracy REAL NOT NULL,
  examples INTEGER NOT NULL,
  PRIMARY KEY(run_id, step, set_name, subset)
) WITHOUT ROWID;
CREATE TABLE bias_results(
  run_id INTEGER NOT NULL REFERENCES runs(id),
  step INTEGER NOT NULL,
  bias TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY(run_id, step, bias)
) WITHOUT ROWID;
CREATE TABLE tailpatch_results(
  run_id INTEGER NOT NULL REFERENCES runs(id),
  task_key TEXT NOT NULL,
  category TEXT NOT NULL,
  base REAL NOT NULL,
  patched REAL NOT NULL,
  rating INTEGER NOT NULL,
  PRIMARY KEY(run_id, task_key, category)
) WITHOUT ROWID;
)sql",
        // 3: training runs, for workers and the GUI: a cancel request any process can set (the
        // worker polls it with its heartbeat, so a run on another host can be cancelled too);
        // documents a run derives (its mixture, the tail-patch plan); the model's verdicts on
        // corpus judgments (to show where it disagrees with the human label).
        R"sql(
ALTER TABLE runs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
CREATE INDEX runs_state ON runs(state);
CREATE TABLE run_documents(
  run_id INTEGER NOT NULL REFERENCES runs(id),
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY(run_id, name)
) WITHOUT ROWID;
CREATE TABLE run_predictions(
  run_id INTEGER NOT NULL REFERENCES runs(id),
  step INTEGER NOT NULL,
  judgment_id INTEGER NOT NULL REFERENCES judgments(id),
  predicted TEXT NOT NULL,
  confidence REAL NOT NULL,
  agrees INTEGER NOT NULL,
  PRIMARY KEY(run_id, step, judgment_id)
) WITHOUT ROWID;
)sql",
    };
    return list;
}

} // namespace

int latestSchemaVersion() { return int(migrations().size()); }

Status migrate(Database& db, int from, int to) {
    for (int v = from + 1; v <= to; ++v) {
        Transaction tx(db);
        if (!tx.begun()) return tx.begun();
        if (auto s = db.exec(migrations()[std::size_t(v - 1)]); !s) {
            Error e = s.error();
            e.message = "migration to schema version " + std::to_string(v) + " failed: " + e.message;
            return e;
        }
        if (auto s = db.exec("PRAGMA user_version = " + std::to_string(v)); !s) return s;
        if (auto s = tx.commit(); !s) return s;
    }
    return {};
}

} // namespace flame::db
