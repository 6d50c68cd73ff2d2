// sentences_vtab.cpp — the `sentences` table.
//
//   SELECT * FROM sentences WHERE article_id = 1;
//   SELECT * FROM sentences('Dr. Smith paid $7.5 billion. U.S. officials said so.');
//
// Schema: CREATE TABLE x(article_id INTEGER, idx INTEGER, text TEXT,
//                        start INTEGER, "end" INTEGER, doc HIDDEN, corpus HIDDEN)
// Offsets are code points into articles.body (or into the given text).
// Plans and corpus rules: derived_vtab.hpp.
#include "registry.hpp"

#include "derived_vtab.hpp"

#include "text.hpp"

namespace lede::sql {
namespace {

void rows(std::string_view text, std::vector<Row> &out) {
  lede::Document d = lede::make_document(lede::decode_utf8(text));
  for (size_t i = 0; i < d.sentences.size(); ++i) {
    const auto &s = d.sentences[i];
    out.push_back({Cell::null(), Cell::integer(static_cast<int64_t>(i)), Cell::text(d.utf8(s.start, s.end)),
                   Cell::integer(s.start), Cell::integer(s.end)});
  }
}

const DerivedTable kTable = {
    "sentences",
    "article_id INTEGER, idx INTEGER, text TEXT, start INTEGER, \"end\" INTEGER",
    5,
    0,
    "sentence",
    "article_id, idx, NULL, start, \"end\"", // text is cut from the body
    rows,
    2,
    3,
    4,
};

} // namespace

int register_sentences(sqlite3 *db) { return register_derived(db, &kTable); }

} // namespace lede::sql
