// test_resources.cpp — resources.cpp: data files embedded from ext/data/.
#include "lede_catch.hpp"

#include "resources.hpp"

#include <fstream>
#include <sstream>

TEST_CASE("every ext/data file is embedded byte for byte") {
  for (const char *name : {"abbreviations.txt", "furniture.txt", "sections.txt"}) {
    std::ifstream in(std::string(LEDE_SOURCE_DIR) + "/ext/data/" + name, std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    INFO(name);
    CHECK(lede::resource(name) == ss.str());
  }
  CHECK(lede::resource("no-such-file.txt").empty());
}

TEST_CASE("resource_lines drops comments and blanks; resource_set caches") {
  auto lines = lede::resource_lines("abbreviations.txt");
  REQUIRE_FALSE(lines.empty());
  for (auto l : lines) {
    CHECK_FALSE(l.empty());
    CHECK(l.front() != '#');
  }
  const auto &a = lede::resource_set("sentence_openers.txt");
  const auto &b = lede::resource_set("sentence_openers.txt");
  CHECK(&a == &b);
  CHECK(a.count("the") == 1);
  CHECK(a.count("# Words that clearly open a sentence: after an ambiguous abbreviation") == 0);
}
