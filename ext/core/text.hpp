// text.hpp — Unicode text handling for lede's core, on top of utf8proc.
//
// Everything in the core works on code points (std::u32string) because the
// SQL contract counts offsets in code points. This file owns the only
// conversions between bytes and code points, the classification helpers the
// other modules share, and the normalisation forms (NFC, NFKC, case folding,
// folding of typographic punctuation) that matching relies on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lede {

// Decodes UTF-8. Each maximal invalid subsequence (stray continuation byte,
// truncated sequence, overlong form, surrogate, > U+10FFFF) becomes one
// U+FFFD, as the WHATWG decoder does; NUL bytes become U+FFFD too, since no
// article text means a NUL. Never throws except std::bad_alloc.
// `replaced` (optional) counts the replacements made.
std::u32string decode_utf8(std::string_view bytes, size_t *replaced = nullptr);

// Encodes code points as UTF-8. Invalid code points become U+FFFD.
std::string encode_utf8(std::u32string_view cps);
void append_utf8(std::string &out, char32_t cp);

// Reads the code point at byte `i` of valid UTF-8 and advances `i` past it
// (repaired text only: no validation here).
inline char32_t next_code_point(std::string_view s, size_t &i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (int k = 1; k < len && i + static_cast<size_t>(k) < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
  i += static_cast<size_t>(len);
  return cp;
}

// True when NFC cannot change `utf8`: every code point is below U+0300 (no
// combining marks can follow a base) or typographic punctuation and
// currency signs (U+2002..U+20CF). Nearly every English page qualifies, and
// then normalize(.., NFC) returns the text without calling utf8proc.
bool nfc_quick_check(std::string_view utf8);

// True when `bytes` is well-formed UTF-8 without NUL bytes.
bool is_clean_utf8(std::string_view bytes);

enum class NormForm { NFC, NFKC, NFKC_CaseFold };

// Normalises valid or invalid UTF-8 (invalid input is first repaired as
// decode_utf8 does). NFKC_CaseFold is utf8proc's NFKC_Casefold.
std::string normalize(std::string_view utf8, NormForm form);

// Maps typographic punctuation to its plain form, one code point for one:
// curly and angle quotes and primes to ' or ", dashes and minus signs and
// non-breaking hyphens to '-', no-break and other spaces to ' '. Anything
// else is returned unchanged. Length-preserving, so offsets survive.
inline char32_t fold_punct(char32_t c);

// The form used to compare words: NFKC, case folded, punctuation folded.
std::string fold_for_match(std::string_view utf8);

// Simple lower-casing of one code point (utf8proc_tolower).
inline char32_t to_lower(char32_t c);
char32_t to_upper(char32_t c);

// Character classes (utf8proc categories).
inline bool is_letter(char32_t c);
inline bool is_upper(char32_t c);   // uppercase or titlecase letter
inline bool is_lower(char32_t c);
inline bool is_digit(char32_t c);   // decimal digit, any script
inline bool is_alnum(char32_t c);
inline bool is_space(char32_t c);   // Unicode white space, including U+00A0
bool is_newline(char32_t c); // \n \r U+2028 U+2029 U+0085
inline bool is_dash(char32_t c);    // '-' and every Unicode dash
// Quotation marks, straight or typographic (" ' “ ” ‘ ’ « » „ ‚ ‹ › ‟ ‛).
bool is_quote_mark(char32_t c);
bool is_open_quote_mark(char32_t c);   // marks that can only open: “ ‘ « „ ‚ ‹ ‟ ‛
bool is_close_quote_mark(char32_t c);  // marks that can only close: ” ’ » ›

// Lower-cased UTF-8 of a code-point range, for lexicon look-ups.
std::string lower_utf8(std::u32string_view cps);

// Version string of the utf8proc library in use.
const char *utf8proc_version_string();

// ---- inline definitions: an ASCII fast path, utf8proc beyond it ----------
namespace detail {
char32_t fold_punct_slow(char32_t c);
char32_t to_lower_slow(char32_t c);
bool is_letter_slow(char32_t c);
bool is_upper_slow(char32_t c);
bool is_lower_slow(char32_t c);
bool is_digit_slow(char32_t c);
bool is_alnum_slow(char32_t c);
bool is_space_slow(char32_t c);

// Classes of the ASCII code points, one byte each: a load instead of range
// tests on the hottest paths (tokenisers and scanners).
enum : uint8_t { kAsciiUpper = 1, kAsciiLower = 2, kAsciiDigit = 4, kAsciiSpace = 8 };
inline constexpr struct AsciiClasses {
  uint8_t v[128];
  constexpr AsciiClasses() : v() {
    for (int c = 'A'; c <= 'Z'; ++c) v[c] = kAsciiUpper;
    for (int c = 'a'; c <= 'z'; ++c) v[c] = kAsciiLower;
    for (int c = '0'; c <= '9'; ++c) v[c] = kAsciiDigit;
    for (int c : {int(' '), int('\t'), int('\n'), int('\r'), 0x0B, 0x0C}) v[c] = kAsciiSpace;
  }
} kAsciiClasses{};
// to_lower(fold_punct(c)) of the ASCII code points, which is also what
// fold_for_match does to ASCII text: A-Z to a-z, '`' to '\''.
inline constexpr struct AsciiFold {
  char v[128];
  constexpr AsciiFold() : v() {
    for (int c = 0; c < 128; ++c) v[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c == 0x60 ? '\'' : c);
  }
} kAsciiFold{};
} // namespace detail

inline char32_t fold_punct(char32_t c) {
  if (c < 0x80) return c == 0x60 ? U'\'' : c;
  return detail::fold_punct_slow(c);
}
inline char32_t to_lower(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  return detail::to_lower_slow(c);
}
inline bool is_letter(char32_t c) {
  if (c < 0x80) return detail::kAsciiClasses.v[c] & (detail::kAsciiUpper | detail::kAsciiLower);
  return detail::is_letter_slow(c);
}
inline bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return detail::is_upper_slow(c);
}
inline bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return detail::is_lower_slow(c);
}
inline bool is_digit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return detail::is_digit_slow(c);
}
inline bool is_alnum(char32_t c) {
  if (c < 0x80) return detail::kAsciiClasses.v[c] & (detail::kAsciiUpper | detail::kAsciiLower | detail::kAsciiDigit);
  return detail::is_alnum_slow(c);
}
inline bool is_space(char32_t c) {
  if (c < 0x80) return detail::kAsciiClasses.v[c] & detail::kAsciiSpace;
  return detail::is_space_slow(c);
}
inline bool is_dash(char32_t c) {
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 ||
         c == 0xFF0D;
}

} // namespace lede
