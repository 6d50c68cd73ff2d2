// document.cpp — tokens and sentences (see document.hpp).
//
// Tokenisation keeps together what a reader sees as one word: inner
// apostrophes and hyphens (don’t, Toronto-based), inner periods (U.S, 7.5,
// OpenAI.com), digit groups (7,000,000). A word that is a known
// abbreviation, an initial or a dotted form keeps its final period
// ("U.S.", "Dr.", "J."), so the splitter can ask one token whether it ends a
// sentence.
//
// Sentence boundaries: a blank line; a line break before a bullet, a
// capitalised line or after a line that ends a sentence (headings and list
// items have no final punctuation); and . ! ? … followed by closing quotes
// or brackets, white space and a capital, digit or opening mark — unless
// the period belongs to an abbreviation (ext/data/abbreviations.txt), an
// initial or a decimal. Everything is one pass over the text.
#include "document.hpp"

#include "resources.hpp"
#include "text.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace lede {

std::string Document::utf8(uint32_t start, uint32_t end) const {
  return encode_utf8(view(start, end));
}

uint32_t Document::sentence_at(uint32_t pos) const {
  if (sentences.empty()) return 0;
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](uint32_t p, const Sentence &s) { return p < s.start; });
  if (it == sentences.begin()) return 0;
  return static_cast<uint32_t>((it - sentences.begin()) - 1);
}

namespace {

enum class AbbrevKind { None, Title, Month, Other };

const std::unordered_map<std::string, AbbrevKind> &abbreviations() {
  static const auto table = [] {
    std::unordered_map<std::string, AbbrevKind> m;
    for (auto line : resource_lines("abbreviations.txt")) {
      size_t sp = line.find(' ');
      if (sp == std::string_view::npos) continue;
      std::string key(line.substr(0, sp));
      std::string_view kind = line.substr(sp + 1);
      m[key] = kind == "title" ? AbbrevKind::Title
               : kind == "month" ? AbbrevKind::Month
                                 : AbbrevKind::Other;
    }
    return m;
  }();
  return table;
}

// Kind of a word (without its final period) as an abbreviation.
AbbrevKind abbrev_kind(std::u32string_view w) {
  if (w.empty() || w.size() > 8) return AbbrevKind::None;
  std::string key = lower_utf8(w);
  auto &t = abbreviations();
  auto it = t.find(key);
  return it == t.end() ? AbbrevKind::None : it->second;
}

} // namespace

bool is_abbreviation(std::u32string_view w) { return abbrev_kind(w) != AbbrevKind::None; }

namespace {

bool is_word_joiner(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == '-' || c == 0x2010 || c == 0x2011 ||
         c == '&' || c == '.' || c == ',' || c == '/' || c == '_' || c == '@';
}

bool is_bullet(char32_t c) {
  return c == '-' || c == '*' || c == 0x2022 || c == 0x00B7 || c == 0x25AA || c == 0x25CF ||
         c == 0x2013 || c == 0x2014 || c == 0x25E6 || c == 0x2043 || c == 0x27A2 || c == 0x25BA;
}

bool is_closing(char32_t c) {
  return c == '"' || c == '\'' || is_close_quote_mark(c) || c == ')' || c == ']' || c == '}';
}

bool is_opening(char32_t c) {
  return c == '"' || c == '\'' || is_open_quote_mark(c) || c == '(' || c == '[';
}

} // namespace

static std::vector<Token> tokenize(const std::u32string &t) {
  std::vector<Token> out;
  out.reserve(t.size() / 5 + 4);
  const uint32_t n = static_cast<uint32_t>(t.size());
  uint32_t i = 0;
  int newlines = 0;
  while (i < n) {
    char32_t c = t[i];
    if (is_space(c)) {
      if (c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85) ++newlines;
      else if (c == '\r' && !(i + 1 < n && t[i + 1] == '\n')) ++newlines;
      ++i;
      continue;
    }
    Token tok;
    tok.start = i;
    tok.newline_before = newlines > 0;
    tok.paragraph_before = newlines > 1;
    newlines = 0;
    if (is_alnum(c)) {
      bool all_digits = true;
      uint32_t j = i;
      while (j < n) {
        char32_t d = t[j];
        if (is_alnum(d)) {
          if (!is_digit(d)) all_digits = false;
          ++j;
          continue;
        }
        if (is_word_joiner(d) && j + 1 < n && is_alnum(t[j + 1])) {
          // ',' only joins digit groups: '7,000' but not 'however,the'.
          if (d == ',' && !(is_digit(t[j - 1]) && is_digit(t[j + 1]))) break;
          if (d != '.' && d != ',') all_digits = false;
          j += 2;
          continue;
        }
        break;
      }
      tok.kind = all_digits ? TokenKind::Number : TokenKind::Word;
      // Keep the final period of abbreviations, initials and dotted forms.
      if (!all_digits && j < n && t[j] == '.') {
        std::u32string_view w(t.data() + i, j - i);
        bool dotted = w.find('.') != std::u32string_view::npos;
        bool initial = w.size() == 1 && is_upper(w[0]);
        if (dotted || initial || abbrev_kind(w) != AbbrevKind::None) ++j;
      }
      tok.end = j;
      i = j;
    } else {
      uint32_t j = i + 1;
      if (c == '.' || c == '!' || c == '?' || c == '-') {
        while (j < n && (t[j] == c || (c != '-' && (t[j] == '!' || t[j] == '?')))) ++j;
      }
      tok.kind = TokenKind::Punct;
      tok.end = j;
      i = j;
    }
    out.push_back(tok);
  }
  return out;
}

namespace {

struct Splitter {
  const std::u32string &t;
  const std::vector<Token> &toks;

  std::u32string_view text(const Token &k) const {
    return std::u32string_view(t).substr(k.start, k.end - k.start);
  }
  bool starts_upper(const Token &k) const { return is_upper(t[k.start]); }
  bool starts_lower(const Token &k) const { return is_lower(t[k.start]); }

  // Does token `i` (a line's first token) look like a list bullet?
  bool bullet_at(size_t i) const {
    const Token &k = toks[i];
    if (k.kind == TokenKind::Punct && k.end - k.start == 1 && is_bullet(t[k.start])) return true;
    if (k.kind == TokenKind::Number && i + 1 < toks.size()) {
      const Token &n = toks[i + 1];
      char32_t c = t[n.start];
      return n.start == k.end && (c == '.' || c == ')') && n.end - n.start == 1;
    }
    return false;
  }

  // Is token `i` the last of its sentence, given what follows? `next` is
  // the index of the first token after any closing marks.
  bool ends_sentence(size_t i, size_t next) const {
    const Token &k = toks[i];
    if (next >= toks.size()) return true;
    const Token &n = toks[next];
    if (n.newline_before) return false; // handled by the line rule
    std::u32string_view w = text(k);
    char32_t last = w.back();
    // The next token must open a sentence: capital, digit, opening mark.
    char32_t c0 = t[n.start];
    bool opener = is_upper(c0) || is_digit(c0) || is_opening(c0) || c0 == '$' || c0 == 0x20AC ||
                  c0 == 0xA3;
    if (is_opening(c0) && n.end < t.size()) {
      // an opening mark followed by lower case continues the sentence
      uint32_t p = n.end;
      if (p < t.size() && is_lower(t[p])) opener = false;
    }
    if (!opener) return false;
    if (k.kind == TokenKind::Punct) {
      if (last == '!' || last == '?') return true;
      if (last == 0x2026 || (w.size() >= 2 && last == '.')) // ellipsis
        return is_upper(c0) || is_opening(c0);
      return last == '.';
    }
    if (last != '.') return false;
    // A word that kept its period: abbreviation, initial or dotted form.
    std::u32string_view stem = w.substr(0, w.size() - 1);
    AbbrevKind kind = abbrev_kind(stem);
    if (kind == AbbrevKind::Title) return false;
    if (stem.size() == 1 && is_upper(stem[0])) {
      // An initial before a capitalised word is part of a name (J. Smith).
      return !is_upper(c0);
    }
    if (kind == AbbrevKind::Month) return !is_digit(c0) && sentence_opener(n);
    return sentence_opener(n) || is_opening(c0);
  }

  bool sentence_opener(const Token &n) const {
    static const auto &set = resource_set("sentence_openers.txt");
    std::string w = lower_utf8(text(n));
    return set.count(w) > 0;
  }

  bool terminal(const Token &k) const {
    std::u32string_view w = text(k);
    char32_t last = w.back();
    return last == '.' || last == '!' || last == '?' || last == 0x2026 || last == ':';
  }
};

} // namespace

static std::vector<Sentence> split(const std::u32string &t, const std::vector<Token> &toks) {
  std::vector<Sentence> out;
  Splitter sp{t, toks};
  const size_t n = toks.size();
  size_t begin = 0; // first token of the current sentence
  auto emit = [&](size_t first, size_t end_tok) {
    if (first >= end_tok) return;
    Sentence s;
    s.first_token = static_cast<uint32_t>(first);
    s.end_token = static_cast<uint32_t>(end_tok);
    s.start = toks[first].start;
    s.end = toks[end_tok - 1].end;
    out.push_back(s);
  };
  for (size_t i = 0; i < n; ++i) {
    const Token &k = toks[i];
    if (i > begin && k.newline_before) {
      bool boundary = k.paragraph_before || sp.bullet_at(i) || sp.terminal(toks[i - 1]) ||
                      sp.starts_upper(k) || !sp.starts_lower(k);
      if (i > 0 && is_closing(t[toks[i - 1].start]) && toks[i - 1].end - toks[i - 1].start == 1)
        boundary = true;
      if (boundary) {
        emit(begin, i);
        begin = i;
      }
    }
    if (i == begin && k.newline_before && sp.bullet_at(i) && k.kind == TokenKind::Punct) {
      begin = i + 1; // a bullet mark is not part of the sentence
      continue;
    }
    std::u32string_view w = sp.text(k);
    char32_t last = w.back();
    bool candidate = last == '.' || last == '!' || last == '?' || last == 0x2026;
    if (!candidate) continue;
    // Decimal points are inside number tokens already; a Number never ends
    // here with '.', so only words and punctuation reach this point.
    size_t j = i + 1;
    while (j < n && !toks[j].newline_before && toks[j].start == toks[j - 1].end &&
           toks[j].kind == TokenKind::Punct && is_closing(t[toks[j].start]))
      ++j;
    if (sp.ends_sentence(i, j)) {
      emit(begin, j);
      begin = j;
      i = j - 1;
    }
  }
  emit(begin, n);
  return out;
}

Document make_document(std::u32string text) {
  Document d;
  d.text = std::move(text);
  d.tokens = tokenize(d.text);
  d.sentences = split(d.text, d.tokens);
  uint32_t para = 0;
  size_t tok = 1; // token 0 opens paragraph 0 whatever precedes it
  for (auto &s : d.sentences) {
    for (; tok <= s.first_token && tok < d.tokens.size(); ++tok)
      if (d.tokens[tok].paragraph_before) ++para;
    s.paragraph = para;
  }
  return d;
}

} // namespace lede
