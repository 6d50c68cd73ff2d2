// text.cpp — see text.hpp. UTF-8 decoding is hand-written because utf8proc
// rejects a whole string on the first invalid byte, while lede must repair
// it (one U+FFFD per maximal invalid subsequence) and keep going.
#include "text.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <cstring>
#include <memory>

namespace lede {

std::u32string decode_utf8(std::string_view s, size_t *replaced) {
  std::u32string out;
  out.reserve(s.size());
  size_t n = s.size(), i = 0, bad = 0;
  const auto *p = reinterpret_cast<const unsigned char *>(s.data());
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == 0) {
        out.push_back(0xFFFD);
        ++bad;
      } else {
        out.push_back(c);
      }
      ++i;
      continue;
    }
    int len;
    char32_t cp;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the 2nd byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F; // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      out.push_back(0xFFFD);
      ++bad;
      ++i;
      continue;
    }
    int k = 1;
    for (; k < len; ++k) {
      if (i + k >= n) break;
      unsigned char b = p[i + k];
      if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) break;
      cp = (cp << 6) | (b & 0x3F);
    }
    if (k == len) {
      out.push_back(cp);
    } else {
      out.push_back(0xFFFD); // maximal subsequence: the valid prefix is eaten
      ++bad;
    }
    i += k;
  }
  if (replaced) *replaced = bad;
  return out;
}

void append_utf8(std::string &out, char32_t c) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string encode_utf8(std::u32string_view cps) {
  std::string out;
  out.reserve(cps.size() + cps.size() / 4);
  for (char32_t c : cps) append_utf8(out, c);
  return out;
}

bool is_clean_utf8(std::string_view s) {
  const auto *p = reinterpret_cast<const unsigned char *>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: no high bit set and no zero byte.
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      bool high = (w & 0x8080808080808080ull) != 0;
      bool zero = ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull) != 0;
      if (!high && !zero) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c && c < 0x80) {
      ++i;
      continue;
    }
    if (c == 0) return false;
    int len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + static_cast<size_t>(len) > n) return false;
    if (p[i + 1] < lo || p[i + 1] > hi) return false;
    for (int k = 2; k < len; ++k)
      if (p[i + static_cast<size_t>(k)] < 0x80 || p[i + static_cast<size_t>(k)] > 0xBF) return false;
    i += static_cast<size_t>(len);
  }
  return true;
}

bool nfc_quick_check(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = next_code_point(s, i);
    if (cp < 0x300 || (cp >= 0x2002 && cp < 0x20D0)) continue;
    return false;
  }
  return true;
}

std::string normalize(std::string_view in, NormForm form) {
  bool clean = is_clean_utf8(in);
  if (clean && form == NormForm::NFC && nfc_quick_check(in)) return std::string(in);
  std::string valid = clean ? std::string(in) : encode_utf8(decode_utf8(in));
  int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
  if (form != NormForm::NFC) options |= UTF8PROC_COMPAT;
  if (form == NormForm::NFKC_CaseFold) options |= UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
  utf8proc_uint8_t *dst = nullptr;
  utf8proc_ssize_t len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(valid.data()),
                                      static_cast<utf8proc_ssize_t>(valid.size()), &dst,
                                      static_cast<utf8proc_option_t>(options));
  if (len < 0) {
    if (len == UTF8PROC_ERROR_NOMEM) throw std::bad_alloc();
    return valid; // cannot happen on repaired input; keep the text rather than lose it
  }
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(dst, &std::free);
  return std::string(reinterpret_cast<char *>(dst), static_cast<size_t>(len));
}

char32_t detail::fold_punct_slow(char32_t c) {
  switch (c) {
  case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
  case 0x2039: case 0x203A: case 0x02BC: case 0x0060: case 0x00B4: case 0xFF07:
    return '\'';
  case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x2036:
  case 0x00AB: case 0x00BB: case 0x301D: case 0x301E: case 0xFF02:
    return '"';
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
  case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: case 0x00AD:
    return '-';
  case 0x00A0: case 0x2007: case 0x202F: case 0x2009: case 0x200A: case 0x2002:
  case 0x2003: case 0x2004: case 0x2005: case 0x2006: case 0x2008: case 0x205F:
  case 0x3000: case 0x1680:
    return ' ';
  case 0x2026:
    return 0x2026; // the ellipsis stays one code point (length-preserving)
  default:
    return c;
  }
}

std::string fold_for_match(std::string_view in) {
  // ASCII fast path (most words): NFKC leaves ASCII alone, case folding of
  // ASCII is A-Z -> a-z, and fold_punct maps only '`'. NUL bytes take the
  // slow path (they become U+FFFD).
  {
    std::string out(in);
    bool ascii = true;
    for (char &c : out) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (u - 1u >= 127u) { // NUL or not ASCII
        ascii = false;
        break;
      }
      c = detail::kAsciiFold.v[u];
    }
    if (ascii) return out;
  }
  // Punctuation first: NFKC would split a double prime into two primes.
  std::u32string cps = decode_utf8(in);
  for (auto &c : cps) c = fold_punct(c);
  return normalize(encode_utf8(cps), NormForm::NFKC_CaseFold);
}

char32_t detail::to_lower_slow(char32_t c) { return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))); }
char32_t to_upper(char32_t c) { return static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c))); }

static utf8proc_category_t cat(char32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c));
}

bool detail::is_letter_slow(char32_t c) {
  auto k = cat(c);
  return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}
bool detail::is_upper_slow(char32_t c) {
  auto k = cat(c);
  return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}
bool detail::is_lower_slow(char32_t c) { return cat(c) == UTF8PROC_CATEGORY_LL; }
bool detail::is_digit_slow(char32_t c) { return cat(c) == UTF8PROC_CATEGORY_ND; }
bool detail::is_alnum_slow(char32_t c) {
  auto k = cat(c);
  return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) || k == UTF8PROC_CATEGORY_ND ||
         (k >= UTF8PROC_CATEGORY_MN && k <= UTF8PROC_CATEGORY_ME);
}
bool is_newline(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85 || c == 0x0B || c == 0x0C;
}
bool detail::is_space_slow(char32_t c) {
  if (c == 0x85 || c == 0xA0 || c == 0xFEFF || c == 0x200B) return true;
  auto k = cat(c);
  return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL || k == UTF8PROC_CATEGORY_ZP;
}
bool is_open_quote_mark(char32_t c) {
  return c == 0x201C || c == 0x2018 || c == 0x00AB || c == 0x201E || c == 0x201A || c == 0x2039 ||
         c == 0x201F || c == 0x201B;
}
bool is_close_quote_mark(char32_t c) {
  return c == 0x201D || c == 0x2019 || c == 0x00BB || c == 0x203A;
}
bool is_quote_mark(char32_t c) {
  return c == '"' || c == '\'' || is_open_quote_mark(c) || is_close_quote_mark(c);
}

std::string lower_utf8(std::u32string_view cps) {
  std::string out(cps.size(), '\0');
  size_t i = 0; // ASCII (nearly every word) by the shared table
  for (; i < cps.size() && cps[i] < 0x80; ++i) out[i] = detail::kAsciiFold.v[cps[i]];
  if (i == cps.size()) return out;
  out.resize(i);
  for (; i < cps.size(); ++i) append_utf8(out, to_lower(fold_punct(cps[i])));
  return out;
}

const char *utf8proc_version_string() { return utf8proc_version(); }

} // namespace lede
