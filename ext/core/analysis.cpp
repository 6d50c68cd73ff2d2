// analysis.cpp — the ingest pipeline (see analysis.hpp).
#include "analysis.hpp"

#include "text.hpp"

namespace lede {

static void extract(Analysis &a, std::u32string body, const AliasMap &aliases, const AnalysisOptions &o) {
  a.doc = make_document(std::move(body));
  if (o.entities) a.entities = extract_entities(a.doc, aliases, a.article.published.value_or(std::string()));
  if (o.quotes) a.quotes = extract_quotes(a.doc, a.entities);
}

Analysis analyse_article(std::string_view raw, const AliasMap &aliases, const AnalysisOptions &o) {
  Analysis a;
  std::string valid = is_clean_utf8(raw) ? std::string(raw) : encode_utf8(decode_utf8(raw));
  a.article = parse_article(valid);
  extract(a, decode_utf8(a.article.body), aliases, o);
  return a;
}

Analysis analyse_text(std::string_view text, const AliasMap &aliases, const AnalysisOptions &o) {
  Analysis a;
  std::u32string cps = decode_utf8(text);
  a.article.words = count_words(cps);
  a.article.body = encode_utf8(cps);
  extract(a, std::move(cps), aliases, o);
  return a;
}

} // namespace lede
