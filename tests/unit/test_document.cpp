// test_document.cpp — document.cpp: tokens and sentence boundaries.
#include "lede_catch.hpp"

#include "document.hpp"
#include "text.hpp"

#include <string>
#include <vector>

using namespace lede;

namespace {

std::vector<std::string> split(const std::string &text) {
  Document d = make_document(decode_utf8(text));
  std::vector<std::string> out;
  for (const auto &s : d.sentences) out.push_back(d.utf8(s.start, s.end));
  return out;
}

using V = std::vector<std::string>;

} // namespace

TEST_CASE("sentences: abbreviations, initials, decimals and money") {
  CHECK(split("Dr. Smith paid $7.5 billion. U.S. officials said so.") ==
        V{"Dr. Smith paid $7.5 billion.", "U.S. officials said so."});
  CHECK(split("Mr. J. R. Smith arrived at 5 p.m. on Friday. He left.") ==
        V{"Mr. J. R. Smith arrived at 5 p.m. on Friday.", "He left."});
  CHECK(split("Sen. Ana Ruiz and Gov. Tom Ng met Jan. 8 in Washington.") ==
        V{"Sen. Ana Ruiz and Gov. Tom Ng met Jan. 8 in Washington."});
  CHECK(split("Prices rose 2.5% to $1,200.50 a share. Analysts shrugged.") ==
        V{"Prices rose 2.5% to $1,200.50 a share.", "Analysts shrugged."});
  CHECK(split("It sells tools, e.g. drills and saws, to Acme Inc. customers.") ==
        V{"It sells tools, e.g. drills and saws, to Acme Inc. customers."});
  CHECK(split("The firm moved to the U.S. The move cost $7B.") ==
        V{"The firm moved to the U.S.", "The move cost $7B."});
}

TEST_CASE("sentences: quotes, ellipses, questions") {
  CHECK(split("\u201cWe will win.\u201d She smiled.") == V{"\u201cWe will win.\u201d", "She smiled."});
  CHECK(split("\u201cWhy?\u201d he asked. Nobody knew.") == V{"\u201cWhy?\u201d he asked.", "Nobody knew."});
  CHECK(split("\"It works,\" she said. \"Really.\"") == V{"\"It works,\" she said.", "\"Really.\""});
  CHECK(split("He paused... Then it happened.") == V{"He paused...", "Then it happened."});
  CHECK(split("The plan \u2026 was never finished.") == V{"The plan \u2026 was never finished."});
  CHECK(split("Yahoo! said nothing.") == V{"Yahoo! said nothing."});
}

TEST_CASE("sentences: headings and bullets without final punctuation") {
  Document d = make_document(decode_utf8("Key Takeaways:\n- Costs fell 20%\n- Revenue rose\n\nThe big picture\n\n"
                                         "Sales rose. Costs fell."));
  std::vector<std::string> got;
  for (const auto &s : d.sentences) got.push_back(d.utf8(s.start, s.end));
  CHECK(got == V{"Key Takeaways:", "Costs fell 20%", "Revenue rose", "The big picture", "Sales rose.", "Costs fell."});
  REQUIRE(d.sentences.size() == 6);
  CHECK(d.sentences[0].paragraph == 0);
  CHECK(d.sentences[2].paragraph == 0);
  CHECK(d.sentences[3].paragraph == 1);
  CHECK(d.sentences[5].paragraph == 2);
}

TEST_CASE("sentences: offsets are code points") {
  Document d = make_document(decode_utf8("Caf\u00e9 \u201cok\u201d. Na\u00efve plan."));
  REQUIRE(d.sentences.size() == 2);
  CHECK(d.sentences[0].start == 0);
  CHECK(d.sentences[0].end == 10);
  CHECK(d.sentences[1].start == 11);
  CHECK(d.sentence_at(12) == 1);
  CHECK(d.sentence_at(3) == 0);
}

TEST_CASE("tokens: words keep inner marks, abbreviations keep their period") {
  Document d = make_document(decode_utf8("Don\u2019t ask Toronto-based U.S. firms for 7,000,000 dollars."));
  std::vector<std::string> toks;
  for (const auto &t : d.tokens) toks.push_back(d.utf8(t.start, t.end));
  CHECK(toks == V{"Don\u2019t", "ask", "Toronto-based", "U.S.", "firms", "for", "7,000,000", "dollars", "."});
  CHECK(d.tokens[6].kind == TokenKind::Number);
}

TEST_CASE("sentences: degenerate input stays linear and sane") {
  CHECK(split("").empty());
  CHECK(split("   \n\n  ").empty());
  CHECK(split("....!!!???") == V{"....!!!???"});
  // One million characters without a sentence end: one sentence.
  std::string big;
  for (int i = 0; i < 100000; ++i) big += "word word ";
  auto s = split(big);
  CHECK(s.size() == 1);
  // Many short sentences.
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "It rose. ";
  CHECK(split(many).size() == 20000);
}
