// resources.cpp — lookup of the data files embedded from ext/data/.
//
// The build generates `lede_data_table.cpp` (CMake, lede_embed_data), which
// defines `lede_data_entries`: name, pointer, size for every file, the bytes
// placed with the assembler's .incbin so large models cost no compile time.
#include "resources.hpp"

#include <cstddef>
#include <cstring>

struct LedeDataEntry {
  const char *name;
  const unsigned char *data;
  const unsigned char *end;
};
extern "C" const LedeDataEntry lede_data_entries[];
extern "C" const size_t lede_data_count;

namespace lede {

std::string_view resource(std::string_view name) {
  for (size_t i = 0; i < lede_data_count; ++i) {
    const auto &e = lede_data_entries[i];
    if (name == e.name)
      return std::string_view(reinterpret_cast<const char *>(e.data),
                              static_cast<size_t>(e.end - e.data));
  }
  return {};
}

std::vector<std::string_view> resource_lines(std::string_view name) {
  std::vector<std::string_view> out;
  std::string_view all = resource(name);
  while (!all.empty()) {
    size_t nl = all.find('\n');
    std::string_view line = all.substr(0, nl);
    all = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    out.push_back(line);
  }
  return out;
}

} // namespace lede

#include <map>
#include <mutex>

namespace lede {

const std::unordered_set<std::string_view> &resource_set(std::string_view name) {
  static std::mutex mu;
  static std::map<std::string, std::unordered_set<std::string_view>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  auto lines = resource_lines(name);
  auto &set = cache[std::string(name)];
  set.insert(lines.begin(), lines.end());
  return set;
}

} // namespace lede
