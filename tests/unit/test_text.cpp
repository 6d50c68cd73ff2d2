// test_text.cpp — text.cpp: decoding, repair, normalisation forms, classes.
// The normalisation cases live in data/normalize.txt (input -> expected),
// each failure naming its line, as utf8proc's normtest does.
#include "lede_catch.hpp"

#include "text.hpp"

#include <fstream>
#include <sstream>

using namespace lede;

namespace {

// Expands \uXXXX, \UXXXXXXXX, \xNN, \t and \\ escapes.
std::string unescape(const std::string &s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out.push_back(s[i]);
      continue;
    }
    char k = s[++i];
    if (k == 'u' || k == 'U') {
      size_t len = k == 'u' ? 4 : 8;
      append_utf8(out, static_cast<char32_t>(std::stoul(s.substr(i + 1, len), nullptr, 16)));
      i += len;
    } else if (k == 'x') {
      out.push_back(static_cast<char>(std::stoul(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else if (k == 't') {
      out.push_back('\t');
    } else {
      out.push_back(k);
    }
  }
  return out;
}

} // namespace

TEST_CASE("normalisation cases from data/normalize.txt") {
  std::ifstream in(std::string(LEDE_SOURCE_DIR) + "/tests/unit/data/normalize.txt");
  REQUIRE(in);
  std::string line;
  int lineno = 0, cases = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string form, input, expected;
    std::getline(ls, form, '\t');
    std::getline(ls, input, '\t');
    std::getline(ls, expected, '\t');
    input = unescape(input);
    expected = unescape(expected);
    std::string got;
    if (form == "NFC") got = normalize(input, NormForm::NFC);
    else if (form == "NFKC") got = normalize(input, NormForm::NFKC);
    else if (form == "CASEFOLD") got = normalize(input, NormForm::NFKC_CaseFold);
    else if (form == "MATCH") got = fold_for_match(input);
    else if (form == "REPAIR") got = encode_utf8(decode_utf8(input));
    else FAIL("normalize.txt:" << lineno << ": unknown form " << form);
    INFO("normalize.txt:" << lineno << ": " << form);
    CHECK(got == expected);
    ++cases;
  }
  CHECK(cases >= 30);
}

TEST_CASE("decode_utf8 counts replacements and keeps valid text") {
  size_t bad = 99;
  auto cps = decode_utf8("plain", &bad);
  CHECK(bad == 0);
  CHECK(cps.size() == 5);
  decode_utf8(std::string("a\xff\xfe" "b", 4), &bad);
  CHECK(bad == 2);
  CHECK(is_clean_utf8("caf\xc3\xa9"));
  CHECK_FALSE(is_clean_utf8(std::string("a\0b", 3)));
  CHECK_FALSE(is_clean_utf8("\xff"));
}

TEST_CASE("fold_punct is length-preserving and maps marks") {
  CHECK(fold_punct(0x201C) == '"');
  CHECK(fold_punct(0x2019) == '\'');
  CHECK(fold_punct(0x2014) == '-');
  CHECK(fold_punct(0x2011) == '-');
  CHECK(fold_punct(0x00A0) == ' ');
  CHECK(fold_punct('a') == 'a');
}

TEST_CASE("character classes") {
  CHECK(is_upper(U'\u00C9'));
  CHECK(is_lower(U'\u00E9'));
  CHECK(is_letter(U'\u4E2D'));
  CHECK(is_digit(U'\u0663')); // Arabic-Indic three
  CHECK(is_space(U'\u00A0'));
  CHECK(is_dash(U'\u2013'));
  CHECK(is_quote_mark(U'\u00AB'));
  CHECK(is_open_quote_mark(U'\u201E'));
  CHECK(is_close_quote_mark(U'\u2019'));
  CHECK_FALSE(is_quote_mark('a'));
}

TEST_CASE("ASCII fast paths agree with utf8proc") {
  for (char32_t c = 1; c < 0x80; ++c) {
    INFO("code point " << static_cast<uint32_t>(c));
    CHECK(is_letter(c) == detail::is_letter_slow(c));
    CHECK(is_upper(c) == detail::is_upper_slow(c));
    CHECK(is_lower(c) == detail::is_lower_slow(c));
    CHECK(is_digit(c) == detail::is_digit_slow(c));
    CHECK(is_alnum(c) == detail::is_alnum_slow(c));
    CHECK(to_lower(c) == detail::to_lower_slow(c));
    CHECK(fold_punct(c) == detail::fold_punct_slow(c));
    // fold_for_match's ASCII path against the full NFKC_CaseFold path.
    std::string w = "aB";
    w.push_back(static_cast<char>(c));
    w += "Zq";
    std::u32string cps = decode_utf8(w);
    for (auto &k : cps) k = detail::fold_punct_slow(k);
    CHECK(fold_for_match(w) == normalize(encode_utf8(cps), NormForm::NFKC_CaseFold));
  }
}
