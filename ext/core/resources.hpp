// resources.hpp — lexicons and models compiled into the library.
//
// Every file in ext/data/ is embedded at build time (see CMakeLists.txt,
// lede_embed_data) and found here by its file name.
#pragma once

#include <string_view>
#include <vector>
#include <string>

namespace lede {

// The bytes of ext/data/<name>; empty when no such file was embedded.
std::string_view resource(std::string_view name);

// Lines of a text resource with '#' comments and blank lines dropped and
// surrounding white space trimmed.
std::vector<std::string_view> resource_lines(std::string_view name);

} // namespace lede

#include <unordered_set>
namespace lede {
// The lines of a text resource as a set (cached; thread-safe). Lines are
// taken as written: lexicons store the form they are looked up in.
const std::unordered_set<std::string_view> &resource_set(std::string_view name);
} // namespace lede
