// char_grams.cpp — see char_grams.hpp.
#include "char_grams.hpp"

#include "resources.hpp"
#include "text.hpp"

#include <algorithm>
#include <cmath>

namespace lede {
namespace {

constexpr unsigned kBits = 16;
constexpr size_t kBuckets = size_t{1} << kBits;

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

// Calls f(hash) for each 4-gram of the normalised bytes (the generator's
// normalise(): one space between kept runs, none at either end).
template <class F> void for_each_gram(std::string_view text, F &&f) {
  uint32_t win = 0; // the last four bytes, oldest in the high byte
  size_t n = 0;     // bytes emitted
  bool pending_space = false;
  auto emit = [&](unsigned char c) {
    win = (win << 8) | c;
    if (++n >= 4) f(static_cast<uint16_t>((win * 2654435761u) >> (32 - kBits))); // Fibonacci hashing
  };
  auto put = [&](unsigned char c) {
    if (pending_space) emit(' '), pending_space = false;
    emit(c);
  };
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
          put(c);
          continue;
        }
      } else {
        size_t k0 = k;
        if (is_alnum(next_code_point(w, k))) { // other scripts: letters kept as written
          for (size_t m = k0; m < k; ++m) put(static_cast<unsigned char>(w[m]));
          continue;
        }
      }
      if (n > 0) pending_space = true;
    }
    if (n > 0) pending_space = true;
  }
}

// IDF per hash bucket: the resource's bytes / 16 (16 for every bucket when
// the resource is missing).
const unsigned char *idf_bytes() {
  static const std::vector<unsigned char> table = [] {
    std::vector<unsigned char> t(kBuckets, 16);
    std::string_view bytes = resource("claim_chargram_idf.bin");
    if (bytes.size() == t.size()) std::copy(bytes.begin(), bytes.end(), t.begin());
    return t;
  }();
  return table.data();
}

} // namespace

void char_gram_vector(std::string_view text, GramVector &out) {
  thread_local std::vector<uint16_t> keys;
  out.v.clear();
  out.present.assign(kBuckets / 64, 0);
  keys.clear();
  for_each_gram(text, [&](uint16_t h) { keys.push_back(h); });
  std::sort(keys.begin(), keys.end());
  const unsigned char *idf = idf_bytes();
  double norm2 = 0;
  for (size_t i = 0; i < keys.size();) {
    size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    float w = (1.0f + std::log(static_cast<float>(j - i))) * (static_cast<float>(idf[keys[i]]) / 16.0f);
    if (w > 0) {
      out.v.emplace_back(keys[i], w);
      out.present[keys[i] >> 6] |= uint64_t{1} << (keys[i] & 63);
      norm2 += static_cast<double>(w) * w;
    }
    i = j;
  }
  if (norm2 <= 0) return;
  float inv = static_cast<float>(1.0 / std::sqrt(norm2));
  for (auto &kv : out.v) kv.second *= inv;
}

double gram_cosine(const GramVector &claim, std::string_view text) {
  if (claim.v.empty()) return 0;
  const unsigned char *idf = idf_bytes();
  const uint64_t *present = claim.present.data();
  uint64_t dot = 0; // in (idf * 16) units
  double dotw = 0;
  uint64_t norm2 = 0;
  for_each_gram(text, [&](uint16_t h) {
    uint32_t w = idf[h];
    norm2 += w * w;
    if (!(present[h >> 6] & (uint64_t{1} << (h & 63)))) return;
    auto it = std::lower_bound(claim.v.begin(), claim.v.end(), h,
                               [](const std::pair<uint16_t, float> &a, uint16_t k) { return a.first < k; });
    dotw += static_cast<double>(w) * it->second;
    ++dot;
  });
  if (norm2 == 0 || dot == 0) return 0;
  return std::min(1.0, std::max(0.0, dotw / std::sqrt(static_cast<double>(norm2))));
}

} // namespace lede
