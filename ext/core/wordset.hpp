// wordset.hpp — a fixed set of short words (string literals), built once,
// for membership tests on hot paths: one hash and usually one comparison,
// instead of a scan of the list (or a std::string and std::hash per test).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace lede {

class WordSet {
public:
  // The words must outlive the set (string literals do).
  WordSet(std::initializer_list<std::string_view> words) : WordSet(words.size()) {
    for (std::string_view w : words) insert(w);
  }
  // An empty set sized for `expected` words, filled by insert().
  explicit WordSet(size_t expected) {
    size_t cap = 8;
    while (cap < expected * 4) cap *= 2;
    slots_.assign(cap, std::string_view());
    mask_ = cap - 1;
  }
  void insert(std::string_view w) {
    if (w.empty() || has(w)) return;
    lengths_ |= uint64_t(1) << (w.size() < 64 ? w.size() : 63);
    size_t s = hash(w) & mask_;
    while (!slots_[s].empty()) s = (s + 1) & mask_;
    slots_[s] = w;
  }
  bool has(std::string_view w) const {
    if (!(lengths_ >> (w.size() < 64 ? w.size() : 63) & 1)) return false;
    for (size_t s = hash(w) & mask_; !slots_[s].empty(); s = (s + 1) & mask_)
      if (slots_[s] == w) return true;
    return false;
  }

private:
  static size_t hash(std::string_view w) {
    uint64_t h = 1469598103934665603ULL;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return static_cast<size_t>(h ^ (h >> 29));
  }
  std::vector<std::string_view> slots_;
  size_t mask_ = 0;
  uint64_t lengths_ = 0;
};

} // namespace lede
