// entity_mentions_vtab.cpp — the `entity_mentions` table.
//
//   SELECT entity, type, count(*) FROM entity_mentions GROUP BY 1, 2;
//   SELECT * FROM entity_mentions('OpenAI CEO Sam Altman said $7B.');
//
// Schema: CREATE TABLE x(article_id INTEGER, entity TEXT, type TEXT,
//   mention TEXT, start INTEGER, "end" INTEGER, sentence_idx INTEGER,
//   value TEXT, doc HIDDEN, corpus HIDDEN)
// `entity = ?` (and `type = ?` with it) is answered from the shadow index
// <corpus>_entity_by_name: one entity's mentions without a scan.
// Canonical names use the corpus's alias table (articles_alias) at ingest;
// the text form uses the built-in aliases only.
#include "registry.hpp"

#include "derived_vtab.hpp"

namespace lede::sql {
namespace {

void rows(std::string_view text, std::vector<Row> &out) {
  lede::Analysis a = lede::analyse_text(text);
  for (const auto &e : a.entities) {
    out.push_back({Cell::null(), Cell::text(e.entity), Cell::text(e.type), Cell::text(e.mention),
                   Cell::integer(e.span.start), Cell::integer(e.span.end), Cell::integer(e.sentence_idx),
                   Cell::opt(e.value)});
  }
}

const DerivedTable kTable = {
    "entity_mentions",
    "article_id INTEGER, entity TEXT, type TEXT, mention TEXT, start INTEGER, \"end\" INTEGER,"
    " sentence_idx INTEGER, value TEXT",
    8,
    0,
    "entity",
    "article_id, entity, type, mention, start, \"end\", sentence_idx, value",
    rows,
    -1, -1, -1,
    {1, 2},
    {"entity", "type"}, // <corpus>_entity_by_name(entity, type)
};

} // namespace

int register_entity_mentions(sqlite3 *db) { return register_derived(db, &kTable); }

} // namespace lede::sql
