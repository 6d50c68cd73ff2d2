// analysis.hpp — the whole ingest pipeline for one document.
//
// raw bytes -> repaired UTF-8 -> parsed article (title, date, byline,
// section, body) -> Document over the body -> entities -> quotes. Pure: the
// SQLite glue stores what this returns, in one transaction.
#pragma once

#include "article.hpp"
#include "document.hpp"
#include "entities.hpp"
#include "quotes.hpp"

#include <string_view>
#include <vector>

namespace lede {

// What to extract beyond the article, its sentences and the index. A
// corpus made with `USING lede(quotes=off, entities=off)` skips them: a
// search-only corpus ingests several times faster.
struct AnalysisOptions {
  bool entities = true;
  bool quotes = true;
};

struct Analysis {
  Article article;
  Document doc; // over article.body
  std::vector<EntityMention> entities;
  std::vector<Quote> quotes;
};

// Full pipeline for a stored article.
Analysis analyse_article(std::string_view raw, const AliasMap &aliases = {},
                         const AnalysisOptions &options = {});

// Pipeline for a text given directly (table-valued form): no page parsing,
// the text (repaired) is the body.
Analysis analyse_text(std::string_view text, const AliasMap &aliases = {},
                      const AnalysisOptions &options = {});

} // namespace lede
