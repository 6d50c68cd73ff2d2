// entities_cli.cpp — runs extract_entities over documents from stdin.
//
// Input: UTF-8 documents separated by the byte 0x1E (record separator).
// Output, one line per mention: doc TAB start TAB end TAB type TAB entity
// TAB mention TAB value. Offsets are code points, as in SQL. Used by
// tools/eval_entities.py (--driver) when the SQLite extension is not built,
// and by bench/entities.
#include "analysis.hpp"
#include "document.hpp"
#include "entities.hpp"
#include "text.hpp"

#include <iostream>
#include <iterator>
#include <string>

int main() {
  std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  size_t p = 0, doc = 0;
  std::string out;
  while (p <= all.size()) {
    size_t e = all.find('\x1e', p);
    if (e == std::string::npos) e = all.size();
    lede::Document d = lede::make_document(lede::decode_utf8(std::string_view(all).substr(p, e - p)));
    for (const lede::EntityMention &m : lede::extract_entities(d)) {
      out += std::to_string(doc) + '\t' + std::to_string(m.span.start) + '\t' +
             std::to_string(m.span.end) + '\t' + m.type + '\t' + m.entity + '\t' + m.mention + '\t' +
             m.value.value_or("") + '\n';
    }
    std::cout << out;
    out.clear();
    ++doc;
    p = e + 1;
  }
  return 0;
}
