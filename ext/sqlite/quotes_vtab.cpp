// quotes_vtab.cpp — the `quotes` table: who said what.
//
//   SELECT speaker, quote FROM quotes WHERE article_id = 1;
//   SELECT * FROM quotes('“It works,” she said.');
//
// Schema: CREATE TABLE x(article_id INTEGER, idx INTEGER, quote TEXT,
//   speaker TEXT, speaker_mention TEXT, speaker_start INTEGER,
//   speaker_end INTEGER, speaker_role TEXT, cue TEXT, kind TEXT,
//   start INTEGER, "end" INTEGER, sentence_idx INTEGER, confidence REAL,
//   doc HIDDEN, corpus HIDDEN)
// Corpus rows were stored at ingest; the text form runs the pipeline.
#include "registry.hpp"

#include "derived_vtab.hpp"

namespace lede::sql {
namespace {

void rows(std::string_view text, std::vector<Row> &out) {
  lede::Analysis a = lede::analyse_text(text);
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const auto &q = a.quotes[i];
    Row r{Cell::null(), Cell::integer(static_cast<int64_t>(i)), Cell::text(q.quote), Cell::opt(q.speaker),
          Cell::opt(q.speaker_mention)};
    r.push_back(q.speaker_span ? Cell::integer(q.speaker_span->start) : Cell::null());
    r.push_back(q.speaker_span ? Cell::integer(q.speaker_span->end) : Cell::null());
    r.push_back(Cell::opt(q.speaker_role));
    r.push_back(Cell::opt(q.cue));
    r.push_back(Cell::text(q.kind));
    r.push_back(Cell::integer(q.content.start));
    r.push_back(Cell::integer(q.content.end));
    r.push_back(Cell::integer(q.sentence_idx));
    r.push_back(Cell::real(q.confidence));
    out.push_back(std::move(r));
  }
}

const DerivedTable kTable = {
    "quotes",
    "article_id INTEGER, idx INTEGER, quote TEXT, speaker TEXT, speaker_mention TEXT,"
    " speaker_start INTEGER, speaker_end INTEGER, speaker_role TEXT, cue TEXT, kind TEXT,"
    " start INTEGER, \"end\" INTEGER, sentence_idx INTEGER, confidence REAL",
    14,
    0,
    "quote",
    "article_id, idx, quote, speaker, speaker_mention, speaker_start, speaker_end, speaker_role,"
    " cue, kind, start, \"end\", sentence_idx, confidence",
    rows,
};

} // namespace

int register_quotes(sqlite3 *db) { return register_derived(db, &kTable); }

} // namespace lede::sql
