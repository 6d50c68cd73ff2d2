// test_analysis.cpp — analysis.cpp: the pipeline ties the layers together.
#include "lede_catch.hpp"

#include "analysis.hpp"
#include "text.hpp"

using namespace lede;

TEST_CASE("analyse_article: parsed fields, document over the body, offsets agree") {
  Analysis a = analyse_article("Mayor Backs Plan\n\nBy Ana Diaz\n\n\xe2\x80\x9cWe need it,\xe2\x80\x9d said Mayor Lee "
                               "Park. The plan costs $7.5 billion.\n\nSubscribe now\n");
  CHECK(a.article.title == std::optional<std::string>("Mayor Backs Plan"));
  CHECK(a.article.body == "\xe2\x80\x9cWe need it,\xe2\x80\x9d said Mayor Lee Park. The plan costs $7.5 billion.");
  CHECK(encode_utf8(a.doc.text) == a.article.body);
  REQUIRE(a.doc.sentences.size() == 2);
  for (const auto &e : a.entities) CHECK(a.doc.utf8(e.span.start, e.span.end) == e.mention);
  for (const auto &q : a.quotes) CHECK(a.doc.utf8(q.content.start, q.content.end) == q.quote);
}

TEST_CASE("analyse_text: no page parsing, invalid bytes repaired one for one") {
  Analysis a = analyse_text("Headline Like Line\n\nBody. \xff End.");
  CHECK_FALSE(a.article.title);
  CHECK(a.doc.text.size() == 32);
  CHECK(a.doc.text[26] == 0xFFFD);
  Analysis empty = analyse_text("");
  CHECK(empty.doc.sentences.empty());
  CHECK(empty.entities.empty());
  CHECK(empty.quotes.empty());
}
