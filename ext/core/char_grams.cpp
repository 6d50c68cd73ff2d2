// char_grams.cpp — see char_grams.hpp.
#include "char_grams.hpp"

#include "resources.hpp"
#include "text.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace lede {
namespace {

constexpr unsigned kBits = 16;
constexpr size_t kGram = 4;

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c | 32);
    if (c != static_cast<unsigned char>(prefix[i])) return false;
  }
  return true;
}

bool space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The normalised bytes (see char_gram_vector); the generator's normalise().
void normalise(std::string_view text, std::string &out) {
  out.clear();
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && space(static_cast<unsigned char>(text[i]))) ++i;
    size_t j = i;
    while (j < text.size() && !space(static_cast<unsigned char>(text[j]))) ++j;
    std::string_view w = text.substr(i, j - i);
    i = j;
    if (w.empty() || starts_with_ci(w, "http://") || starts_with_ci(w, "https://") || starts_with_ci(w, "www.") ||
        starts_with_ci(w, "pic.twitter.com/"))
      continue;
    for (size_t k = 0; k < w.size();) {
      unsigned char c = static_cast<unsigned char>(w[k]);
      if (c < 0x80) {
        ++k;
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c | 32);
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
          out.push_back(static_cast<char>(c));
          continue;
        }
      } else {
        size_t k0 = k;
        if (is_alnum(next_code_point(w, k))) { // other scripts: letters kept as written
          out.append(w.substr(k0, k - k0));
          continue;
        }
      }
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    }
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
}

uint16_t gram_hash(const char *p) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < kGram; ++i) h = (h ^ static_cast<unsigned char>(p[i])) * 16777619u;
  return static_cast<uint16_t>(h & ((1u << kBits) - 1));
}

// IDF per hash bucket (the resource's bytes / 16); 1 for every bucket when
// the resource is missing.
const float *idf_table() {
  static const std::vector<float> table = [] {
    std::vector<float> t(size_t{1} << kBits, 1.0f);
    std::string_view bytes = resource("claim_chargram_idf.bin");
    if (bytes.size() == t.size())
      for (size_t i = 0; i < t.size(); ++i) t[i] = static_cast<float>(static_cast<unsigned char>(bytes[i])) / 16.0f;
    return t;
  }();
  return table.data();
}

} // namespace

void char_gram_vector(std::string_view text, GramVector &out) {
  thread_local std::string norm;
  thread_local std::vector<uint16_t> keys;
  out.clear();
  normalise(text, norm);
  if (norm.size() < kGram) return;
  keys.clear();
  for (size_t i = 0; i + kGram <= norm.size(); ++i) keys.push_back(gram_hash(norm.data() + i));
  std::sort(keys.begin(), keys.end());
  const float *idf = idf_table();
  double norm2 = 0;
  for (size_t i = 0; i < keys.size();) {
    size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    float w = (1.0f + std::log(static_cast<float>(j - i))) * idf[keys[i]];
    if (w > 0) {
      out.emplace_back(keys[i], w);
      norm2 += static_cast<double>(w) * w;
    }
    i = j;
  }
  if (norm2 <= 0) return;
  float inv = static_cast<float>(1.0 / std::sqrt(norm2));
  for (auto &kv : out) kv.second *= inv;
}

double gram_cosine(const GramVector &a, const GramVector &b) {
  double s = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) ++i;
    else if (b[j].first < a[i].first) ++j;
    else s += static_cast<double>(a[i++].second) * b[j++].second;
  }
  return std::min(1.0, std::max(0.0, s));
}

} // namespace lede
