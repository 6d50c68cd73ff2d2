// storage.hpp — a corpus's shadow tables: schema, writes, reads.
//
// A corpus named X keeps its state in ordinary tables so that tools
// without the extension can read it:
//
//   X_config    (key PRIMARY KEY, value)          schema version, options
//   X_doc       (id INTEGER PRIMARY KEY, source UNIQUE, title, published,
//                byline, section, body, words, raw)
//   X_sentence  (article_id, idx, start, end)       offsets into X_doc.body
//   X_quote     (article_id, idx, quote, speaker, speaker_mention,
//                speaker_start, speaker_end, speaker_role, cue, kind,
//                start, end, sentence_idx, confidence)
//   X_entity    (article_id, idx, entity, type, mention, start, end,
//                sentence_idx, value)
//   X_fullname  (article_id, word, entity)         people an article names
//                in full, by family name ('altman', 'Sam Altman')
//   X_surname   (word, entity, articles)            the same, counted over
//                the corpus: lone family names take the usual full name
//   X_givenname (word PRIMARY KEY, articles)        articles naming people
//                with this given name ('John' is no family name to resolve)
//   X_lone      (article_id, kind, idx, word, name) entity rows (kind 0) and
//                quotes (1) naming a person by the family name alone, or
//                by a fuller form of a name ('Donald J. Trump'): they
//                follow the usual full name (docs/entities.md)
//   X_alias     (alias PRIMARY KEY, entity, type)  — written by users
//   X_fts       FTS5 index over X_doc.body, one row per article
//               (external content; rowid = article id)
//
// kShadowSuffixes lists every suffix; the module's xShadowName answers
// from it (except 'alias', which users write, so it must stay writable
// when SQLITE_DBCONFIG_DEFENSIVE is on). Like fts5_storage.c, this file
// owns every statement that touches those tables; statements are prepared
// once per corpus connection (SQLITE_PREPARE_PERSISTENT) and reset.
#pragma once

#include "raii.hpp"

#include "analysis.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lede::sql {

extern const char *const kShadowSuffixes[];
bool is_shadow_suffix(const char *suffix);

class Storage {
public:
  // `name` is the corpus (virtual table) name, `schema` its database.
  Storage(sqlite3 *db, std::string schema, std::string name);

  // CREATE: makes every shadow table and records `options`. Throws Error.
  void create(const lede::AnalysisOptions &options);
  // DROP: removes them.
  void destroy();
  // Checks the shadow tables exist and reads the options (xConnect).
  void check();
  const lede::AnalysisOptions &options() const { return options_; }

  // Stores an analysed document under `id` (0: a new id). `raw` is bound
  // as given (text or blob, byte-exact). Returns the id.
  int64_t insert(int64_t id, std::string_view source, sqlite3_value *raw_value,
                 std::string_view raw_bytes, bool raw_is_blob, const lede::Analysis &a);
  // Removes an article and everything derived from it.
  void remove(int64_t id);
  // Replaces the derived rows and parsed fields of `id` (UPDATE of raw,
  // 'rebuild'); source and raw are written by the caller.
  void rewrite(int64_t id, const lede::Analysis &a);
  void set_raw(int64_t id, sqlite3_value *raw);
  void set_source(int64_t id, std::string_view source);

  // Id of the article with this source, if any.
  std::optional<int64_t> find_source(std::string_view source);
  bool exists(int64_t id);

  // Passes 'optimize' or 'integrity-check' to the FTS5 index.
  void fts_command(const std::string &cmd);

  // User aliases from X_alias.
  lede::AliasMap aliases();

  // All ids, in order (rebuild).
  std::vector<int64_t> ids();
  // raw of one article as bytes.
  std::string raw(int64_t id, bool *is_blob = nullptr);

  const std::string &name() const { return name_; }
  const std::string &schema() const { return schema_; }
  // "schema"."name_suffix", quoted for SQL.
  std::string table(const char *suffix) const;

private:
  void write_derived(int64_t id, const lede::Analysis &a);
  void delete_derived(int64_t id);
  // The full name a lone family name (folded) stands for in the corpus.
  std::optional<std::string> usual_full_name(const std::string &word);
  // Records a lone family name (or a fuller form of a name) of family
  // name `word`, written `name`, in row `idx` of article `id`'s entities
  // (kind 0) or quotes (kind 1).
  void add_lone(int64_t id, int kind, int64_t idx, std::string_view word, std::string_view name);
  // Records that article `id` names the person `entity`, of family name
  // `key`, in full.
  void add_full_name(int64_t id, std::string_view key, std::string_view entity);
  // Adds delta to the counts of articles naming people with these given names.
  void count_given_names(const std::set<std::string> &given, int delta);
  // The counts of one family name: its full names with the articles
  // naming each, and the articles using the word as a given name.
  struct Family {
    std::vector<std::pair<std::string, int64_t>> named;
    int64_t as_given = 0;
  };
  // (`gaining`: the caller adds full names with it, so the given-name
  // count matters even when the corpus has none yet.)
  Family family(const std::string &word, bool gaining);
  // Adds (+1) or removes (-1) an article's full names (family name ->
  // names) and given names in the counts; lone rows follow.
  void count_names(int64_t id, const std::map<std::string, std::set<std::string>> &full,
                   const std::set<std::string> &given, int delta);
  // Sets the lone rows of family name `key` to `after` (or their own word).
  void move_lone(const std::string &key, const std::optional<std::string> &after);
  void upgrade_from_1();
  Stmt &stmt(int slot, const char *sql_fmt);

  sqlite3 *db_;
  std::string schema_, name_;
  lede::AnalysisOptions options_;
  std::vector<Stmt> stmts_;
  const char *who_;
};

} // namespace lede::sql
