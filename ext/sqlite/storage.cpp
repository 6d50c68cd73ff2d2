// storage.cpp — see storage.hpp.
#include "storage.hpp"

#include "text.hpp"

#include <cstring>

namespace lede::sql {

const char *const kShadowSuffixes[] = {"config", "doc", "sentence", "quote", "entity", "fts", nullptr};

bool is_shadow_suffix(const char *suffix) {
  for (const char *const *s = kShadowSuffixes; *s; ++s)
    if (std::strcmp(*s, suffix) == 0) return true;
  return false;
}

static constexpr int kSchemaVersion = 1;

Storage::Storage(sqlite3 *db, std::string schema, std::string name)
    : db_(db), schema_(std::move(schema)), name_(std::move(name)), who_(name_.c_str()) {}

std::string Storage::table(const char *suffix) const {
  return format("\"%w\".\"%w_%s\"", schema_.c_str(), name_.c_str(), suffix);
}

void Storage::create(const lede::AnalysisOptions &options) {
  options_ = options;
  const char *s = schema_.c_str(), *n = name_.c_str();
  std::string sql = format(
      "CREATE TABLE \"%w\".\"%w_config\"(key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
      "INSERT INTO \"%w\".\"%w_config\" VALUES('version', %d), ('entities', %d), ('quotes', %d);"
      "CREATE TABLE \"%w\".\"%w_doc\"(id INTEGER PRIMARY KEY, source TEXT NOT NULL UNIQUE,"
      " title TEXT, published TEXT, byline TEXT, section TEXT, body TEXT NOT NULL,"
      " words INTEGER NOT NULL, raw);"
      "CREATE TABLE \"%w\".\"%w_sentence\"(article_id INTEGER NOT NULL, idx INTEGER NOT NULL,"
      " start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, PRIMARY KEY(article_id, idx)) WITHOUT ROWID;"
      "CREATE TABLE \"%w\".\"%w_quote\"(article_id INTEGER NOT NULL, idx INTEGER NOT NULL,"
      " quote TEXT NOT NULL, speaker TEXT, speaker_mention TEXT, speaker_start INTEGER,"
      " speaker_end INTEGER, speaker_role TEXT, cue TEXT, kind TEXT NOT NULL,"
      " start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, sentence_idx INTEGER NOT NULL,"
      " confidence REAL NOT NULL, PRIMARY KEY(article_id, idx)) WITHOUT ROWID;"
      "CREATE TABLE \"%w\".\"%w_entity\"(article_id INTEGER NOT NULL, idx INTEGER NOT NULL,"
      " entity TEXT NOT NULL, type TEXT NOT NULL, mention TEXT NOT NULL, start INTEGER NOT NULL,"
      " \"end\" INTEGER NOT NULL, sentence_idx INTEGER NOT NULL, value TEXT,"
      " PRIMARY KEY(article_id, idx)) WITHOUT ROWID;"
      "CREATE INDEX \"%w\".\"%w_entity_by_name\" ON \"%w_entity\"(entity, type);"
      "CREATE TABLE \"%w\".\"%w_alias\"(alias TEXT PRIMARY KEY, entity TEXT NOT NULL, type TEXT)"
      " WITHOUT ROWID;"
      "CREATE VIRTUAL TABLE \"%w\".\"%w_fts\" USING fts5(body, content='%q_doc',"
      " content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');",
      s, n, s, n, kSchemaVersion, options.entities ? 1 : 0, options.quotes ? 1 : 0, s, n, s, n, s, n, s, n, s, n, n, s, n, s, n, n);
  exec(db_, sql, who_);
}

void Storage::destroy() {
  std::string sql;
  for (const char *suffix : {"fts", "alias", "entity", "quote", "sentence", "doc", "config"})
    sql += format("DROP TABLE IF EXISTS \"%w\".\"%w_%s\";", schema_.c_str(), name_.c_str(), suffix);
  exec(db_, sql, who_);
}

void Storage::check() {
  Stmt st(db_, format("SELECT key, value FROM \"%w\".\"%w_config\"", schema_.c_str(), name_.c_str()), who_);
  bool versioned = false;
  while (st.step(db_, who_)) {
    std::string_view key = st.text(0);
    if (key == "version") versioned = st.int64(1) == kSchemaVersion;
    else if (key == "entities") options_.entities = st.int64(1) != 0;
    else if (key == "quotes") options_.quotes = st.int64(1) != 0;
  }
  if (!versioned)
    fail(SQLITE_CORRUPT_VTAB,
         format("%s: shadow table %s_config has no schema version %d", who_, who_, kSchemaVersion));
}

// Statement slots, each prepared on first use.
enum Slot {
  kInsDoc, kInsSent, kInsFts, kInsQuote, kInsEntity, kFindSource, kExists, kDelFtsSel, kDelFts,
  kDelSent, kDelQuote, kDelEntity, kDelDoc, kUpdDoc, kUpdRaw, kUpdSource, kAliases, kIds, kRaw,
  kSlotCount
};

Stmt &Storage::stmt(int slot, const char *sql_fmt) {
  if (stmts_.empty()) stmts_.resize(kSlotCount);
  Stmt &st = stmts_[static_cast<size_t>(slot)];
  if (!st) {
    // Templates name tables as {X} for "schema"."name_X".
    std::string sql;
    for (const char *p = sql_fmt; *p; ++p) {
      if (*p == '{') {
        const char *e = std::strchr(p, '}');
        std::string key(p + 1, static_cast<size_t>(e - p - 1));
        // {fts_cmd}: the FTS5 command column, named after its table
        sql += key == "fts_cmd" ? format("\"%w_fts\"", name_.c_str()) : table(key.c_str());
        p = e;
      } else {
        sql.push_back(*p);
      }
    }
    st = Stmt(db_, sql, who_, true);
  }
  return st.reset();
}

std::optional<int64_t> Storage::find_source(std::string_view source) {
  Stmt &st = stmt(kFindSource, "SELECT id FROM {doc} WHERE source = ?1");
  st.bind(1, source);
  std::optional<int64_t> id;
  if (st.step(db_, who_)) id = st.int64(0);
  st.reset();
  return id;
}

bool Storage::exists(int64_t id) {
  Stmt &st = stmt(kExists, "SELECT 1 FROM {doc} WHERE id = ?1");
  st.bind(1, id);
  bool found = st.step(db_, who_);
  st.reset();
  return found;
}

static void bind_fields(Stmt &st, int first, const lede::Article &a) {
  st.bind_opt(first, a.title);
  st.bind_opt(first + 1, a.published);
  st.bind_opt(first + 2, a.byline);
  st.bind_opt(first + 3, a.section);
  st.bind(first + 4, std::string_view(a.body));
  st.bind(first + 5, a.words);
}

int64_t Storage::insert(int64_t id, std::string_view source, sqlite3_value *raw_value,
                        std::string_view raw_bytes, bool raw_is_blob, const lede::Analysis &a) {
  Stmt &st = stmt(kInsDoc, "INSERT INTO {doc}(id, source, title, published, byline, section, body,"
                           " words, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (id) st.bind(1, id);
  st.bind(2, source);
  bind_fields(st, 3, a.article);
  if (raw_value) {
    st.bind(9, raw_value);
  } else if (raw_is_blob) {
    sqlite3_bind_blob64(st.get(), 9, raw_bytes.data(), raw_bytes.size(), SQLITE_STATIC);
  } else {
    sqlite3_bind_text64(st.get(), 9, raw_bytes.data(), raw_bytes.size(), SQLITE_STATIC, SQLITE_UTF8);
  }
  st.run(db_, who_);
  int64_t new_id = id ? id : sqlite3_last_insert_rowid(db_);
  write_derived(new_id, a);
  return new_id;
}

void Storage::write_derived(int64_t id, const lede::Analysis &a) {
  const lede::Document &d = a.doc;
  Stmt &sent = stmt(kInsSent, "INSERT INTO {sentence}(article_id, idx, start, \"end\") VALUES (?1, ?2, ?3, ?4)");
  for (size_t i = 0; i < d.sentences.size(); ++i) {
    const auto &s = d.sentences[i];
    sent.reset().bind(1, id).bind(2, static_cast<int64_t>(i)).bind(3, s.start).bind(4, s.end);
    sent.run(db_, who_);
  }
  // One index row per article: bm25 finds articles, claim_match then
  // scores their sentences. Per-sentence rows cost more than FTS5's whole
  // ingest (bench/ingest/README.md).
  Stmt &fts = stmt(kInsFts, "INSERT INTO {fts}(rowid, body) VALUES (?1, ?2)");
  fts.bind(1, id).bind(2, std::string_view(a.article.body));
  fts.run(db_, who_);
  Stmt &q = stmt(kInsQuote,
                 "INSERT INTO {quote}(article_id, idx, quote, speaker, speaker_mention, speaker_start,"
                 " speaker_end, speaker_role, cue, kind, start, \"end\", sentence_idx, confidence)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const auto &x = a.quotes[i];
    q.reset().bind(1, id).bind(2, static_cast<int64_t>(i)).bind(3, std::string_view(x.quote));
    q.bind_opt(4, x.speaker).bind_opt(5, x.speaker_mention);
    if (x.speaker_span) q.bind(6, x.speaker_span->start).bind(7, x.speaker_span->end);
    q.bind_opt(8, x.speaker_role).bind_opt(9, x.cue).bind(10, std::string_view(x.kind));
    q.bind(11, x.content.start).bind(12, x.content.end).bind(13, x.sentence_idx);
    q.bind(14, x.confidence);
    q.run(db_, who_);
  }
  Stmt &e = stmt(kInsEntity,
                 "INSERT INTO {entity}(article_id, idx, entity, type, mention, start, \"end\","
                 " sentence_idx, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const auto &x = a.entities[i];
    e.reset().bind(1, id).bind(2, static_cast<int64_t>(i)).bind(3, std::string_view(x.entity));
    e.bind(4, std::string_view(x.type)).bind(5, std::string_view(x.mention));
    e.bind(6, x.span.start).bind(7, x.span.end).bind(8, x.sentence_idx).bind_opt(9, x.value);
    e.run(db_, who_);
  }
}

void Storage::delete_derived(int64_t id) {
  // The external-content FTS index needs the old body to forget a row.
  Stmt &sel = stmt(kDelFtsSel, "SELECT body FROM {doc} WHERE id = ?1");
  Stmt &del = stmt(kDelFts, "INSERT INTO {fts}({fts_cmd}, rowid, body) VALUES ('delete', ?1, ?2)");
  sel.bind(1, id);
  if (sel.step(db_, who_)) {
    del.reset().bind(1, id).bind(2, sel.text(0));
    del.run(db_, who_);
  }
  sel.reset();
  stmt(kDelSent, "DELETE FROM {sentence} WHERE article_id = ?1").bind(1, id).run(db_, who_);
  stmt(kDelQuote, "DELETE FROM {quote} WHERE article_id = ?1").bind(1, id).run(db_, who_);
  stmt(kDelEntity, "DELETE FROM {entity} WHERE article_id = ?1").bind(1, id).run(db_, who_);
}

void Storage::remove(int64_t id) {
  delete_derived(id);
  stmt(kDelDoc, "DELETE FROM {doc} WHERE id = ?1").bind(1, id).run(db_, who_);
}

void Storage::rewrite(int64_t id, const lede::Analysis &a) {
  delete_derived(id);
  Stmt &st = stmt(kUpdDoc, "UPDATE {doc} SET title = ?2, published = ?3, byline = ?4, section = ?5,"
                           " body = ?6, words = ?7 WHERE id = ?1");
  st.bind(1, id);
  bind_fields(st, 2, a.article);
  st.run(db_, who_);
  write_derived(id, a);
}

void Storage::set_raw(int64_t id, sqlite3_value *raw) {
  stmt(kUpdRaw, "UPDATE {doc} SET raw = ?2 WHERE id = ?1").bind(1, id).bind(2, raw).run(db_, who_);
}

void Storage::set_source(int64_t id, std::string_view source) {
  stmt(kUpdSource, "UPDATE {doc} SET source = ?2 WHERE id = ?1").bind(1, id).bind(2, source).run(db_, who_);
}

void Storage::fts_command(const std::string &cmd) {
  exec(db_, format("INSERT INTO %s(\"%w_fts\") VALUES (%Q)", table("fts").c_str(), name_.c_str(), cmd.c_str()),
       who_);
}

lede::AliasMap Storage::aliases() {
  Stmt &st = stmt(kAliases, "SELECT alias, entity, type FROM {alias}");
  lede::AliasMap m;
  while (st.step(db_, who_)) {
    if (st.is_null(0) || st.is_null(1)) continue;
    m[lede::fold_for_match(st.text(0))] = lede::Alias{std::string(st.text(1)),
                                                      std::string(st.text(2))};
  }
  st.reset();
  return m;
}

std::vector<int64_t> Storage::ids() {
  Stmt &st = stmt(kIds, "SELECT id FROM {doc} ORDER BY id");
  std::vector<int64_t> out;
  while (st.step(db_, who_)) out.push_back(st.int64(0));
  st.reset();
  return out;
}

std::string Storage::raw(int64_t id, bool *is_blob) {
  Stmt &st = stmt(kRaw, "SELECT raw FROM {doc} WHERE id = ?1");
  st.bind(1, id);
  std::string out;
  if (st.step(db_, who_)) {
    if (is_blob) *is_blob = sqlite3_column_type(st.get(), 0) == SQLITE_BLOB;
    const void *p = sqlite3_column_blob(st.get(), 0);
    int n = sqlite3_column_bytes(st.get(), 0);
    if (p && n > 0) out.assign(static_cast<const char *>(p), static_cast<size_t>(n));
  }
  st.reset();
  return out;
}

} // namespace lede::sql
