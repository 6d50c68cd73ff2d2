// storage.cpp — see storage.hpp.
#include "storage.hpp"

#include "names.hpp"
#include "text.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <cstring>

namespace lede::sql {

const char *const kShadowSuffixes[] = {"config",   "doc",     "sentence",  "quote", "entity",
                                       "fullname", "surname", "givenname", "lone",  "fts",
                                       nullptr};

bool is_shadow_suffix(const char *suffix) {
  for (const char *const *s = kShadowSuffixes; *s; ++s)
    if (std::strcmp(*s, suffix) == 0) return true;
  return false;
}

// 2: X_fullname, X_surname, X_givenname and X_lone (corpus-wide family
// names); a version 1 corpus gains them when opened (Storage::check), its
// lone family names taking the usual full names at once and its fuller
// forms ('Donald J. Trump') at 'rebuild'.
static constexpr int kSchemaVersion = 2;

// The shadow tables of corpus-wide family names (version 2).
static const char *const kFamilyTables =
    "CREATE TABLE \"%w\".\"%w_fullname\"(article_id INTEGER NOT NULL, word TEXT NOT NULL,"
    " entity TEXT NOT NULL, PRIMARY KEY(article_id, word, entity)) WITHOUT ROWID;"
    "CREATE TABLE \"%w\".\"%w_surname\"(word TEXT NOT NULL, entity TEXT NOT NULL,"
    " articles INTEGER NOT NULL, PRIMARY KEY(word, entity)) WITHOUT ROWID;"
    "CREATE TABLE \"%w\".\"%w_givenname\"(word TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE \"%w\".\"%w_lone\"(article_id INTEGER NOT NULL, kind INTEGER NOT NULL, idx INTEGER NOT NULL,"
    " word TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY(article_id, kind, idx)) WITHOUT ROWID;"
    "CREATE INDEX \"%w\".\"%w_lone_by_word\" ON \"%w_lone\"(word);";

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
  sql += format(kFamilyTables, s, n, s, n, s, n, s, n, s, n, n);
  exec(db_, sql, who_);
}

void Storage::destroy() {
  std::string sql;
  for (const char *suffix : {"fts", "alias", "lone", "givenname", "surname", "fullname", "entity", "quote", "sentence", "doc", "config"})
    sql += format("DROP TABLE IF EXISTS \"%w\".\"%w_%s\";", schema_.c_str(), name_.c_str(), suffix);
  exec(db_, sql, who_);
}

void Storage::check() {
  Stmt st(db_, format("SELECT key, value FROM \"%w\".\"%w_config\"", schema_.c_str(), name_.c_str()), who_);
  int64_t version = 0;
  while (st.step(db_, who_)) {
    std::string_view key = st.text(0);
    if (key == "version") version = st.int64(1);
    else if (key == "entities") options_.entities = st.int64(1) != 0;
    else if (key == "quotes") options_.quotes = st.int64(1) != 0;
  }
  st = Stmt();
  // (A read-only database is read as it is: no write can happen anyway.)
  if (version == 1 && sqlite3_db_readonly(db_, schema_.c_str()) != 1) {
    upgrade_from_1();
    version = kSchemaVersion;
  } else if (version == 1) {
    version = kSchemaVersion;
  }
  if (version != kSchemaVersion)
    fail(SQLITE_CORRUPT_VTAB,
         format("%s: shadow table %s_config has no schema version %d", who_, who_, kSchemaVersion));
}

// Version 1 -> 2: the family-name tables, filled from the stored names.
void Storage::upgrade_from_1() {
  const char *s = schema_.c_str(), *n = name_.c_str();
  exec(db_, "SAVEPOINT lede_upgrade", who_);
  try {
    exec(db_, format(kFamilyTables, s, n, s, n, s, n, s, n, s, n, n), who_);
    Stmt names(db_, format("SELECT DISTINCT article_id, entity FROM %s WHERE type = 'PERSON'", table("entity").c_str()),
               who_);
    while (names.step(db_, who_))
      if (const std::string key = lede::family_name_key(names.text(1)); !key.empty())
        add_full_name(names.int64(0), key, names.text(1));
    names = Stmt();
    exec(db_,
         format("INSERT INTO %s(word, entity, articles) SELECT word, entity, count(*) FROM %s GROUP BY word, entity;"
                "UPDATE %s SET value = %d WHERE key = 'version';",
                table("surname").c_str(), table("fullname").c_str(), table("config").c_str(), kSchemaVersion),
         who_);
    // Lone family names: the PERSON rows of one word in articles that do
    // not name the person in full, and the quotes whose speaker they are.
    Stmt lone(db_, format("SELECT article_id, idx, entity FROM %s WHERE type = 'PERSON' AND value IS NULL"
                          " AND instr(entity, ' ') = 0", table("entity").c_str()), who_);
    std::vector<std::tuple<int64_t, int64_t, std::string>> rows1;
    while (lone.step(db_, who_)) rows1.emplace_back(lone.int64(0), lone.int64(1), std::string(lone.text(2)));
    lone = Stmt();
    Stmt own(db_, format("SELECT 1 FROM %s WHERE article_id = ?1 AND word = ?2", table("fullname").c_str()), who_);
    Stmt speakers(db_, format("SELECT idx FROM %s WHERE article_id = ?1 AND speaker = ?2", table("quote").c_str()),
                  who_);
    for (const auto &[article, idx, name] : rows1) {
      const std::string key = lede::lone_name_key(name);
      if (key.empty()) continue;
      own.reset().bind(1, article).bind(2, std::string_view(key));
      const bool named = own.step(db_, who_);
      own.reset();
      if (named) continue;
      add_lone(article, 0, idx, key, name);
      speakers.reset().bind(1, article).bind(2, std::string_view(name));
      std::vector<int64_t> qs;
      while (speakers.step(db_, who_)) qs.push_back(speakers.int64(0));
      speakers.reset();
      for (int64_t q : qs) add_lone(article, 1, q, key, name);
    }
    // Given names: once per article.
    Stmt full(db_, format("SELECT article_id, entity FROM %s ORDER BY article_id", table("fullname").c_str()), who_);
    std::vector<std::pair<int64_t, std::string>> rows;
    while (full.step(db_, who_)) rows.emplace_back(full.int64(0), std::string(full.text(1)));
    full = Stmt();
    for (size_t b = 0; b < rows.size();) {
      size_t e = b;
      std::set<std::string> given;
      for (; e < rows.size() && rows[e].first == rows[b].first; ++e) given.insert(lede::given_name_key(rows[e].second));
      count_given_names(given, +1);
      b = e;
    }
  } catch (...) {
    exec(db_, "ROLLBACK TO lede_upgrade; RELEASE lede_upgrade", who_);
    throw;
  }
  exec(db_, "RELEASE lede_upgrade", who_);
}

// Statement slots, each prepared on first use.
enum Slot {
  kInsDoc, kInsSent, kInsFts, kInsQuote, kInsEntity, kFindSource, kExists, kDelFtsSel, kDelFts,
  kDelSent, kDelQuote, kDelEntity, kDelDoc, kUpdDoc, kUpdRaw, kUpdSource, kAliases, kIds, kRaw,
  kInsFull, kSurnames, kCountUp, kFullOf, kCountDrop, kDelFull, kGiven, kGivenUp, kGivenDrop, kInsLone, kLoneOf, kDelLone, kSetEntity, kSetSpeaker,
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

namespace {
bool is_person_name(const lede::EntityMention &e) { return !e.value && e.type == "PERSON"; }
} // namespace

Storage::Family Storage::family(const std::string &word, bool gaining) {
  Family f;
  Stmt &st = stmt(kSurnames, "SELECT entity, articles FROM {surname} WHERE word = ?1");
  st.bind(1, std::string_view(word));
  while (st.step(db_, who_)) f.named.emplace_back(std::string(st.text(0)), st.int64(1));
  st.reset();
  // (Most given names are no family name at all: none before or after,
  // unless the article adds one.)
  if (f.named.empty() && !gaining) return f;
  Stmt &g = stmt(kGiven, "SELECT articles FROM {givenname} WHERE word = ?1");
  g.bind(1, std::string_view(word));
  f.as_given = g.step(db_, who_) ? g.int64(0) : 0;
  g.reset();
  return f;
}

std::optional<std::string> Storage::usual_full_name(const std::string &word) {
  const Family f = family(word, false);
  return lede::dominant_full_name(f.named, f.as_given);
}

// Adds (delta +1) or takes away (-1) an article's full names and given
// names in the counts, and moves the lone rows of each family name whose
// usual full name changes with it. The counts after are computed from
// those before, not read again.
void Storage::count_names(int64_t id, const std::map<std::string, std::set<std::string>> &full,
                          const std::set<std::string> &given, int delta) {
  std::map<std::string, Family> fams;
  for (const auto &[key, names] : full) fams.emplace(key, family(key, delta > 0));
  for (const std::string &w : given)
    if (!w.empty() && !fams.count(w)) fams.emplace(w, family(w, false));
  std::map<std::string, std::optional<std::string>> before;
  for (const auto &[key, f] : fams) before[key] = lede::dominant_full_name(f.named, f.as_given);
  count_given_names(given, delta);
  Stmt &up = stmt(kCountUp, "INSERT INTO {surname}(word, entity, articles) VALUES (?1, ?2, ?3)"
                            " ON CONFLICT(word, entity) DO UPDATE SET articles = articles + ?3");
  for (const auto &[key, names] : full) {
    auto &named = fams[key].named;
    for (const std::string &name : names) {
      if (delta > 0) add_full_name(id, key, name);
      up.reset().bind(1, std::string_view(key)).bind(2, std::string_view(name)).bind(3, int64_t(delta)).run(db_, who_);
      if (delta < 0)
        stmt(kCountDrop, "DELETE FROM {surname} WHERE word = ?1 AND entity = ?2 AND articles <= 0")
            .bind(1, std::string_view(key)).bind(2, std::string_view(name)).run(db_, who_);
      auto it = std::find_if(named.begin(), named.end(), [&](const auto &x) { return x.first == name; });
      if (it != named.end()) it->second += delta;
      else named.emplace_back(name, delta);
    }
  }
  for (const std::string &w : given)
    if (auto it = fams.find(w); it != fams.end()) it->second.as_given += delta;
  for (const auto &[key, f] : fams) {
    std::optional<std::string> after = lede::dominant_full_name(f.named, f.as_given);
    if (after != before[key]) move_lone(key, after);
  }
}

void Storage::count_given_names(const std::set<std::string> &given, int delta) {
  for (const std::string &w : given) {
    if (w.empty()) continue;
    stmt(kGivenUp, "INSERT INTO {givenname}(word, articles) VALUES (?1, ?2)"
                   " ON CONFLICT(word) DO UPDATE SET articles = articles + ?2")
        .bind(1, std::string_view(w)).bind(2, int64_t(delta)).run(db_, who_);
    if (delta < 0)
      stmt(kGivenDrop, "DELETE FROM {givenname} WHERE word = ?1 AND articles <= 0")
          .bind(1, std::string_view(w)).run(db_, who_);
  }
}

void Storage::add_lone(int64_t id, int kind, int64_t idx, std::string_view word, std::string_view name) {
  stmt(kInsLone, "INSERT OR IGNORE INTO {lone}(article_id, kind, idx, word, name) VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, id).bind(2, int64_t(kind)).bind(3, idx).bind(4, word).bind(5, name).run(db_, who_);
}

void Storage::add_full_name(int64_t id, std::string_view key, std::string_view entity) {
  Stmt &st = stmt(kInsFull, "INSERT OR IGNORE INTO {fullname}(article_id, word, entity) VALUES (?1, ?2, ?3)");
  st.bind(1, id).bind(2, key).bind(3, entity).run(db_, who_);
}

void Storage::write_derived(int64_t id, const lede::Analysis &a) {
  const lede::Document &d = a.doc;
  // Corpus-wide family names (names.hpp): the article's full names of
  // people, by family name; a lone family name the article does not
  // resolve itself takes the corpus's usual full name, in the entity rows
  // and in the quotes' speakers.
  std::set<std::string_view> people; // distinct names, each folded once below
  for (const auto &x : a.entities)
    if (is_person_name(x)) people.insert(x.entity);
  std::map<std::string_view, lede::FullNameKeys> keys; // names of two words or more
  std::map<std::string, std::set<std::string>> full;   // family name -> full names
  std::set<std::string> given;                          // their given names
  for (std::string_view p : people) {
    if (p.find(' ') == std::string_view::npos) continue;
    const lede::FullNameKeys &k = keys[p] = lede::full_name_keys(p);
    if (k.family.empty()) continue;
    full[k.family].insert(std::string(p));
    given.insert(k.given);
  }
  struct Lone {
    std::string key;                 // folded
    std::optional<std::string> full; // the usual full name now
  };
  // (Also a full name with middle names or initials: 'Donald J. Trump'
  // takes the usual 'Donald Trump', 'Hillary Rodham Clinton' the usual
  // 'Hillary Clinton'.)
  std::map<std::string, Lone, std::less<>> lone; // name as written -> its family name
  for (std::string_view p : people) {
    std::string k = lede::lone_name_key(p);
    if (!k.empty()) {
      if (full.count(k)) continue;
      std::optional<std::string> u = usual_full_name(k);
      lone.emplace(std::string(p), Lone{std::move(k), std::move(u)});
      continue;
    }
    if (std::count(p.begin(), p.end(), ' ') < 2 || (k = keys[p].family).empty()) continue;
    std::optional<std::string> u = usual_full_name(k);
    if (u && !lede::name_variant_of(p, *u)) u.reset();
    lone.emplace(std::string(p), Lone{std::move(k), std::move(u)});
  }
  auto resolved = [&](const std::string &name) -> std::string_view {
    auto it = lone.find(name);
    return it != lone.end() && it->second.full ? std::string_view(*it->second.full) : std::string_view(name);
  };
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
    if (x.speaker) q.bind(4, resolved(*x.speaker));
    q.bind_opt(5, x.speaker_mention);
    if (x.speaker_span) q.bind(6, x.speaker_span->start).bind(7, x.speaker_span->end);
    q.bind_opt(8, x.speaker_role).bind_opt(9, x.cue).bind(10, std::string_view(x.kind));
    q.bind(11, x.content.start).bind(12, x.content.end).bind(13, x.sentence_idx);
    q.bind(14, x.confidence);
    q.run(db_, who_);
    if (x.speaker)
      if (auto it = lone.find(*x.speaker); it != lone.end())
        add_lone(id, 1, static_cast<int64_t>(i), it->second.key, it->first);
  }
  Stmt &e = stmt(kInsEntity,
                 "INSERT INTO {entity}(article_id, idx, entity, type, mention, start, \"end\","
                 " sentence_idx, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const auto &x = a.entities[i];
    e.reset().bind(1, id).bind(2, static_cast<int64_t>(i));
    e.bind(3, is_person_name(x) ? resolved(x.entity) : std::string_view(x.entity));
    e.bind(4, std::string_view(x.type)).bind(5, std::string_view(x.mention));
    e.bind(6, x.span.start).bind(7, x.span.end).bind(8, x.sentence_idx).bind_opt(9, x.value);
    e.run(db_, who_);
    if (is_person_name(x))
      if (auto it = lone.find(x.entity); it != lone.end())
        add_lone(id, 0, static_cast<int64_t>(i), it->second.key, it->first);
  }
  // Count the article's full names and given names (a given name counts
  // against the word as a family name: 'John').
  count_names(id, full, given, +1);
}

// The usual full name for family name `key` is now `after`: the lone
// mentions and speakers stored so far (X_lone) take it, or their own word
// when there is none.
void Storage::move_lone(const std::string &key, const std::optional<std::string> &after) {
  Stmt &st = stmt(kLoneOf, "SELECT kind, article_id, idx, name FROM {lone} WHERE word = ?1");
  st.bind(1, std::string_view(key));
  struct Row {
    int64_t kind, article, idx;
    std::string name;
  };
  std::vector<Row> rows;
  while (st.step(db_, who_)) rows.push_back({st.int64(0), st.int64(1), st.int64(2), std::string(st.text(3))});
  st.reset();
  for (const Row &r : rows) {
    // A lone word takes any usual name; a full name only one it is a variant of.
    const bool take = after && (r.name.find(' ') == std::string::npos || lede::name_variant_of(r.name, *after));
    const std::string_view to = take ? std::string_view(*after) : std::string_view(r.name);
    Stmt &up = r.kind == 0 ? stmt(kSetEntity, "UPDATE {entity} SET entity = ?3 WHERE article_id = ?1 AND idx = ?2")
                           : stmt(kSetSpeaker, "UPDATE {quote} SET speaker = ?3 WHERE article_id = ?1 AND idx = ?2");
    up.bind(1, r.article).bind(2, r.idx).bind(3, to).run(db_, who_);
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
  // Its full names count no more; lone mentions elsewhere follow the
  // usual full name if it changes.
  Stmt &names = stmt(kFullOf, "SELECT word, entity FROM {fullname} WHERE article_id = ?1");
  names.bind(1, id);
  std::vector<std::pair<std::string, std::string>> gone;
  while (names.step(db_, who_)) gone.emplace_back(std::string(names.text(0)), std::string(names.text(1)));
  names.reset();
  std::map<std::string, std::set<std::string>> full;
  std::set<std::string> given;
  for (const auto &[word, entity] : gone) {
    full[word].insert(entity);
    given.insert(lede::given_name_key(entity));
  }
  stmt(kDelFull, "DELETE FROM {fullname} WHERE article_id = ?1").bind(1, id).run(db_, who_);
  stmt(kDelLone, "DELETE FROM {lone} WHERE article_id = ?1").bind(1, id).run(db_, who_);
  count_names(id, full, given, -1);
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
                                                      std::string(st.text(2)), std::string()};
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
