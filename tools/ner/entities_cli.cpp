// entities_cli.cpp — runs extract_entities over documents from stdin.
//
// Input: UTF-8 documents separated by the byte 0x1E (record separator).
// Output, one line per mention: doc TAB start TAB end TAB type TAB entity
// TAB mention TAB value. Offsets are code points, as in SQL. Used by
// tools/eval_entities.py (--driver) when the SQLite extension is not built,
// and by bench/entities. With --time, prints to stderr the CPU seconds
// spent in make_document and in extract_entities (std::clock).
#include "analysis.hpp"
#include "document.hpp"
#include "entities.hpp"
#include "text.hpp"

#include <ctime>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char **argv) {
  const bool timing = argc > 1 && std::string(argv[1]) == "--time";
  std::clock_t t_doc = 0, t_ent = 0;
  std::ios::sync_with_stdio(false);
  std::ostringstream buf;
  buf << std::cin.rdbuf();
  const std::string all = std::move(buf).str();
  size_t p = 0, doc = 0;
  std::string out;
  while (p <= all.size()) {
    size_t e = all.find('\x1e', p);
    if (e == std::string::npos) e = all.size();
    const std::clock_t t0 = std::clock();
    lede::Document d = lede::make_document(lede::decode_utf8(std::string_view(all).substr(p, e - p)));
    const std::clock_t t1 = std::clock();
    const std::vector<lede::EntityMention> mentions = lede::extract_entities(d);
    t_doc += t1 - t0;
    t_ent += std::clock() - t1;
    // A name may run over a line break ('Gerard\nde Nooijer'): one line per
    // mention all the same.
    const auto field = [](std::string s) {
      for (char &c : s)
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
      return s;
    };
    for (const lede::EntityMention &m : mentions) {
      out += std::to_string(doc) + '\t' + std::to_string(m.span.start) + '\t' +
             std::to_string(m.span.end) + '\t' + m.type + '\t' + field(m.entity) + '\t' + field(m.mention) + '\t' +
             m.value.value_or("") + '\n';
    }
    std::cout << out;
    out.clear();
    ++doc;
    p = e + 1;
  }
  if (timing)
    std::cerr << "make_document " << double(t_doc) / CLOCKS_PER_SEC << " s, extract_entities "
              << double(t_ent) / CLOCKS_PER_SEC << " s (CPU)\n";
  return 0;
}
