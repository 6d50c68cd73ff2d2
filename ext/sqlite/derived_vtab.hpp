// derived_vtab.hpp — the shared machinery of the tables that read what
// ingest derived (sentences, quotes, entity_mentions).
//
// Each is an eponymous table-valued function with two HIDDEN inputs after
// its visible columns:
//
//   SELECT * FROM quotes;                        -- corpus 'articles'
//   SELECT * FROM quotes WHERE corpus = 'news';  -- another corpus
//   SELECT * FROM quotes WHERE article_id = 3;   -- one article (indexed)
//   SELECT * FROM quotes('some text');           -- the given text (doc)
//
// Corpus form reads the stored rows from the shadow table <corpus>_<suffix>
// (never re-extracting). Text form runs the core on the argument; there
// article_id is NULL and offsets point into the given text.
//
// xBestIndex plan (idxNum bits): 1 doc = ?, 2 corpus = ?, 4 article_id = ?,
// then 8, 16 for the table's indexed columns (entity_mentions: entity, type)
// compared with = under BINARY collation; argv follows that order. The
// indexed columns are pushed into the shadow-table query (served by its
// index) and re-checked by SQLite. A doc constraint that is not usable makes the
// plan unusable (SQLITE_CONSTRAINT), as for any table-valued function.
#pragma once

#include "raii.hpp"

#include "analysis.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace lede::sql {

// A value of a row computed in text form.
struct Cell {
  enum Kind { Null, Int, Real, Text } kind = Null;
  int64_t i = 0;
  double r = 0;
  std::string s;
  static Cell null() { return {}; }
  static Cell integer(int64_t v) { return {Int, v, 0, {}}; }
  static Cell real(double v) { return {Real, 0, v, {}}; }
  static Cell text(std::string v) { return {Text, 0, 0, std::move(v)}; }
  template <class T> static Cell opt(const T &o) { return o ? text(*o) : null(); }
};
using Row = std::vector<Cell>;

struct DerivedTable {
  const char *name;          // SQL name, also the prefix of error messages
  const char *columns;       // visible columns for sqlite3_declare_vtab
  int ncols;                 // number of visible columns
  int article_id_col;        // column holding article_id
  const char *shadow_suffix; // corpus table: <corpus>_<suffix>
  const char *select_list;   // its columns, in visible order
  // Rows for the text form (article_id column NULL).
  void (*rows_from_text)(std::string_view text, std::vector<Row> &out);
  // A column not stored but cut from <corpus>_doc.body between the code
  // point offsets in columns start_col and end_col (-1: none). The body is
  // read once per article and walked forward, so reading every sentence
  // of an article is linear in its length.
  int body_text_col = -1;
  int start_col = -1;
  int end_col = -1;
  // Up to two columns the shadow table indexes, in index order (the first
  // leads): `col = ?` on them is answered from the index.
  int indexed_cols[2] = {-1, -1};
  const char *indexed_names[2] = {nullptr, nullptr};
};

int register_derived(sqlite3 *db, const DerivedTable *table);

} // namespace lede::sql
