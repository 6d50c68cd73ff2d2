// document.hpp — the shared representation of a text under analysis.
//
// A Document is the text in code points plus the layers built on it, in
// order: tokens, sentences. Quotes and entity mentions refer to it by
// code-point offsets. Every extractor takes a `const Document &` so that
// tokenisation and sentence splitting happen once per text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

// True when `w` (a word without its final period, any case) is an
// abbreviation of ext/data/abbreviations.txt ('Mr', 'Inc', 'Calif', 'e.g'):
// its period belongs to it. Shared by the sentence splitter and the
// tagger's word splitter.
bool is_abbreviation(std::u32string_view w);

// Half-open range of code points [start, end).
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  bool operator==(const Span &o) const { return start == o.start && end == o.end; }
};

enum class TokenKind : uint8_t {
  Word,    // letters/digits, with inner apostrophes, hyphens, periods (U.S)
  Number,  // digits with inner , . (7.5, 7,000,000)
  Punct,   // any other single non-space code point
};

struct Token {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::Word;
  bool newline_before = false;  // a line break lies between this token and the previous
  bool paragraph_before = false; // a blank line lies between them
};

struct Sentence {
  uint32_t start = 0; // code points into Document::text
  uint32_t end = 0;
  uint32_t first_token = 0; // tokens [first_token, end_token)
  uint32_t end_token = 0;
  uint32_t paragraph = 0;   // 0-based paragraph number
};

struct Document {
  std::u32string text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  std::u32string_view view(uint32_t start, uint32_t end) const {
    return std::u32string_view(text).substr(start, end - start);
  }
  std::u32string_view view(const Token &t) const { return view(t.start, t.end); }
  std::string utf8(uint32_t start, uint32_t end) const;
  // Index of the sentence holding code point `pos` (the last one when past
  // the end); 0 when there are no sentences.
  uint32_t sentence_at(uint32_t pos) const;
};

// Builds tokens and sentences over `text` (already decoded and repaired).
Document make_document(std::u32string text);

} // namespace lede
