// entities.cpp — see entities.hpp.
//
// Order of work for one document:
//   1. tagger words per sentence (ner::split_words), two-pass tagging;
//   2. value mentions: dates (dates.hpp), money and percentages
//      (numbers.hpp), bare years after 'in', 'since' ...;
//   3. products: lexicon families with their versions ('Llama 3.1') and
//      model codes ('R1', 'o1') next to an organisation or a product word;
//   4. tagger names, typed (LOC split into GPE / LOC), filtered (common
//      words opening a sentence, titles, months, weekdays);
//   5. overlaps resolved: values > products > names;
//   6. canonical names: user aliases, built-in aliases (countries.tsv,
//      entity-aliases.tsv), then the article's NameIndex.
// Every step is linear in the text; no step reads anything at run time
// but the embedded resources.
#include "entities.hpp"

#include "dates.hpp"
#include "names.hpp"
#include "ner.hpp"
#include "numbers.hpp"
#include "resources.hpp"
#include "text.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace lede {
namespace {

using ner::Tagger;

struct Lexicons {
  std::unordered_map<std::string, Alias> aliases; // folded mention -> canonical
  std::unordered_set<std::string> products;      // folded product names
  size_t product_words = 1;                      // longest product name, in words
  // First words of products, as a 4096-bit filter (false positives only).
  uint64_t product_first[64] = {};
  static uint32_t filter_bit(std::string_view w) {
    uint64_t h = 1469598103934665603ULL;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return static_cast<uint32_t>((h ^ (h >> 29)) & 4095);
  }
  bool may_start_product(std::string_view w) const {
    const uint32_t b = filter_bit(w);
    return product_first[b >> 6] >> (b & 63) & 1;
  }

  Lexicons() {
    auto load_aliases = [&](std::string_view name, const char *fixed_type) {
      for (std::string_view line : resource_lines(name)) {
        size_t t1 = line.find('\t');
        if (t1 == std::string_view::npos) continue;
        size_t t2 = line.find('\t', t1 + 1);
        std::string alias(line.substr(0, t1));
        std::string entity(line.substr(t1 + 1, t2 == std::string_view::npos ? std::string_view::npos : t2 - t1 - 1));
        std::string type = fixed_type ? fixed_type : t2 == std::string_view::npos ? "" : std::string(line.substr(t2 + 1));
        aliases[fold_for_match(alias)] = Alias{entity, type};
      }
    };
    load_aliases("countries.tsv", "GPE");
    load_aliases("entity-aliases.tsv", nullptr);
    for (std::string_view line : resource_lines("products.tsv")) {
      std::string f = fold_for_match(line);
      const uint32_t b = filter_bit(std::string_view(f).substr(0, f.find(' ')));
      product_first[b >> 6] |= uint64_t(1) << (b & 63);
      products.insert(std::move(f));
      product_words = std::max<size_t>(product_words, 1 + std::count(line.begin(), line.end(), ' '));
    }
  }
  static const Lexicons &get() {
    static const Lexicons l;
    return l;
  }
};

struct Raw {
  uint32_t start = 0, end = 0;
  std::string type;
  std::optional<std::string> value;
  int priority = 0; // 3 value, 2 product, 1 name
};

bool ascii_in(std::string_view folded, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (folded == s) return true;
  return false;
}

// Appends fold_for_match of one word, with a fast path for ASCII (most
// words; the same mapping as fold_for_match's).
void append_folded(std::u32string_view w, std::string &out) {
  const size_t at = out.size();
  for (char32_t c : w) {
    if (c >= 128 || c == 0) {
      out.resize(at);
      out += fold_for_match(encode_utf8(w));
      return;
    }
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c == 0x60 ? '\'' : c));
  }
}

bool is_month_or_weekday(std::string_view f) {
  if (f.size() < 3 || f.size() > 9) return false;
  switch (f[0]) { // first letters of the names below
  case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': case 't': case 'w': break;
  default: return false;
  }
  return ascii_in(f, {"january", "february", "march", "april", "may", "june", "july", "august",
                      "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                      "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "jan.", "feb.",
                      "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
                      "dec.", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"});
}

// Words of a product version: 'mini', 'Pro', '3.5', '4o', 'Sonnet'.
bool is_version_word(std::u32string_view w, std::string_view f) {
  for (char32_t c : w)
    if (is_digit(c)) return w.size() <= 8;
  return ascii_in(f, {"pro", "mini", "max", "ultra", "turbo", "plus", "lite", "nano", "sonnet",
                      "opus", "haiku", "flash", "air", "se", "vision", "preview", "instruct"});
}

// A model or chip code: 1-4 letters then digits, optional letter suffix or
// -mini/-pro ('R1', 'V3', 'o1', 'H100', 'M4', 'o3-mini'); not quarters,
// halves, groups or diseases.
bool is_model_code(std::u32string_view w, std::string_view f) {
  size_t i = 0, letters = 0, digits = 0;
  while (i < w.size() && letters <= 4 && is_letter(w[i]) && w[i] < 128) ++i, ++letters;
  if (letters == 0 || letters > 4) return false;
  if (i < w.size() && w[i] == '-') ++i;
  while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i, ++digits;
  if (digits == 0 || digits > 4) return false;
  std::u32string_view rest = w.substr(i);
  if (!(rest.empty() || rest == U"o" || rest == U"-mini" || rest == U"-pro" || rest == U"x"))
    return false;
  if (ascii_in(f, {"q1", "q2", "q3", "q4", "h1", "h2", "g7", "g8", "g20", "covid-19", "fy",
                   "b2b", "b2c", "k-12", "mp3", "mp4", "a1", "f1", "c1", "w-2"}))
    return false;
  if (f.rfind("fy", 0) == 0 || f.rfind("covid", 0) == 0) return false;
  // One lower-case letter is OpenAI's style ('o1'); otherwise the letters
  // are capitals ('R1', 'GB200').
  bool all_caps = true;
  for (size_t k = 0; k < letters; ++k) all_caps &= is_upper(w[k]);
  return all_caps || letters == 1;
}

bool is_product_cue(std::string_view f) {
  return ascii_in(f, {"model", "models", "chip", "chips", "gpu", "gpus", "processor",
                      "processors", "series", "family", "smartphone", "phone", "reasoning",
                      "llm", "llms", "accelerator", "accelerators", "version", "release"});
}

bool has_upper_cp(std::u32string_view w) {
  for (char32_t c : w)
    if (is_upper(c)) return true;
  return false;
}

bool is_name_particle(std::string_view f) {
  return ascii_in(f, {"of", "de", "del", "der", "den", "van", "von", "la", "le", "du", "da", "di",
                      "and", "for", "the", "y", "al", "bin", "ibn", "on", "upon", "at", "dos",
                      "das", "e", "zu", "ter", "ten", "st", "in"});
}

// Titles and newsroom labels that make no name on their own ('Chief
// Product Officer', 'Staff Writer', 'Business Correspondent').
bool is_role_word(std::string_view f) {
  return is_title_word(f) ||
         ascii_in(f, {"writer", "correspondent", "reporter", "editor", "staff", "contributor",
                      "columnist", "business", "science", "political", "associate", "desk",
                      "news", "team", "contributing", "bureau", "correspondents", "editors",
                      "writers", "key", "takeaways", "takeaway", "related", "recent", "summary"});
}

// All-caps words that are ordinary nouns in news, not names.
bool is_generic_acronym(std::string_view f) {
  return ascii_in(f, {"ai", "ceo", "cfo", "cto", "coo", "ipo", "gdp", "gpu", "gpus", "cpu", "api",
                      "llm", "llms", "pr", "hr", "it", "tv", "etf", "vc", "ev", "evs", "ar", "vr",
                      "saas", "b2b", "faq", "pdf", "usb", "os", "ui", "ux", "q&a", "m&a", "r&d",
                      "esg", "kpi", "roi", "eps", "yoy", "agi", "ml", "nlp", "ok", "am", "pm",
                      "et", "pt", "gmt", "utc", "ad", "ads", "id", "pc", "pcs"});
}

// Last words that make a name an organisation.
bool is_org_head(std::string_view f) {
  return ascii_in(f, {"inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "llc", "plc",
                      "sas", "gmbh", "ag", "s.a.", "co.", "group", "labs", "lab", "analytics",
                      "capital", "partners", "holdings", "technologies", "systems", "securities",
                      "bank", "university", "institute", "council", "department", "agency",
                      "commission", "association", "foundation", "ministry", "committee",
                      "airlines", "motors", "ventures", "fund", "authority", "party", "union",
                      "board", "court", "hospital", "school", "college", "company", "network",
                      "solutions", "software", "therapeutics", "pharmaceuticals", "insights",
                      "research", "media", "studios", "robotics", "semiconductor", "energy"});
}

struct TaggedDoc {
  std::vector<Span> words;
  std::string folded_text;             // fold_for_match of every word, end to end
  std::vector<std::string_view> folded; // each word's, in folded_text
  std::vector<uint8_t> tags;
  std::vector<uint8_t> starts;
};

} // namespace

std::vector<EntityMention> extract_entities(const Document &doc, const AliasMap &aliases,
                                            const std::string &published) {
  (void)published;
  const Lexicons &lex = Lexicons::get();
  const Tagger &tagger = Tagger::builtin();
  const std::u32string_view text(doc.text);

  // 1. Tagger words and labels.
  TaggedDoc td;
  ner::Input in;
  if (doc.sentences.empty()) {
    ner::split_words(text, 0, static_cast<uint32_t>(text.size()), td.words);
    td.starts.assign(td.words.size(), 0);
    if (!td.starts.empty()) td.starts[0] = 1;
  } else {
    for (const Sentence &s : doc.sentences) {
      size_t before = td.words.size();
      ner::split_words(text, s.start, s.end, td.words);
      td.starts.resize(td.words.size(), 0);
      if (td.words.size() > before) {
        // A sentence split after an initial or abbreviation ('S. Waugh',
        // 'Gen. Smith') does not cut a name for the tagger.
        bool after_abbr = false;
        if (before > 0) {
          const Span &p = td.words[before - 1];
          if (p.size() > 1 && text[p.end - 1] == '.' && is_upper(text[td.words[before].start]))
            after_abbr = (p.size() == 2 && is_upper(text[p.start])) ||
                         is_title_word(lower_utf8(text.substr(p.start, p.size())));
        }
        td.starts[before] = after_abbr ? 0 : 1;
      }
    }
  }
  in.words.reserve(td.words.size());
  for (const Span &w : td.words) in.words.push_back(text.substr(w.start, w.size()));
  in.sentence_start = td.starts;
  td.tags = tagger.tag(in);
  {
    std::vector<uint32_t> ends;
    ends.reserve(td.words.size());
    td.folded_text.reserve(text.size());
    for (const Span &w : td.words) {
      append_folded(text.substr(w.start, w.size()), td.folded_text);
      ends.push_back(static_cast<uint32_t>(td.folded_text.size()));
    }
    td.folded.reserve(td.words.size());
    uint32_t from = 0;
    for (uint32_t e : ends) {
      td.folded.push_back(std::string_view(td.folded_text).substr(from, e - from));
      from = e;
    }
  }

  std::vector<Raw> raw;

  // 2. Values.
  for (const Sentence &s : doc.sentences) {
    std::u32string_view st = text.substr(s.start, s.end - s.start);
    // Dates need digits (find_date); skip the byte conversion without them.
    const bool digits = std::any_of(st.begin(), st.end(), [](char32_t c) { return c >= '0' && c <= '9'; });
    std::string utf8 = digits ? encode_utf8(st) : std::string();
    // byte offset -> code point offset within the sentence
    std::vector<uint32_t> cp_at(utf8.size() + 1, 0);
    {
      uint32_t cp = 0;
      for (size_t b = 0; b < utf8.size(); ++b) {
        cp_at[b] = cp;
        if ((static_cast<unsigned char>(utf8[b]) & 0xC0) != 0x80) cp_at[b] = cp++;
      }
      cp_at[utf8.size()] = cp;
      // continuation bytes map to the following code point boundary
      for (size_t b = 0; b < utf8.size(); ++b)
        if ((static_cast<unsigned char>(utf8[b]) & 0xC0) == 0x80) cp_at[b] = cp_at[b - 1] + 1;
    }
    size_t pos = 0;
    while (pos < utf8.size()) {
      size_t b = 0, e = 0;
      auto iso = find_date(std::string_view(utf8).substr(pos), &b, &e);
      if (!iso || e == 0) break;
      Raw r;
      r.start = s.start + cp_at[pos + b];
      r.end = s.start + cp_at[pos + e];
      r.type = "DATE";
      r.value = *iso;
      r.priority = 3;
      if (r.end > r.start) raw.push_back(std::move(r));
      pos += e;
    }
    for (const Quantity &q : find_quantities(st)) {
      Raw r;
      r.start = s.start + q.start;
      r.end = s.start + q.end;
      r.priority = 3;
      if (q.kind == QuantityKind::Money) {
        r.type = "MONEY";
      } else if (q.kind == QuantityKind::Percent) {
        r.type = "PERCENT";
      } else if (is_year_like(q, st)) {
        // 'in 2024', 'since 2019': a year is a DATE after these words.
        size_t k = q.start;
        while (k > 0 && st[k - 1] == ' ') --k;
        size_t j = k;
        while (j > 0 && is_letter(st[j - 1])) --j;
        std::string prev = lower_utf8(st.substr(j, k - j));
        if (!ascii_in(prev, {"in", "since", "by", "until", "from", "during", "early", "late",
                             "mid", "before", "after", "through", "of", "fiscal", "year", "to"}))
          continue;
        r.type = "DATE";
        r.value = encode_utf8(st.substr(q.start, 4));
        raw.push_back(std::move(r));
        continue;
      } else {
        continue;
      }
      r.value = format_quantity(q);
      raw.push_back(std::move(r));
    }
  }

  // 3. Products from the lexicon, with their version words.
  const size_t n = td.words.size();
  std::vector<uint8_t> product_at(n, 0);
  for (size_t i = 0; i < n; ++i) {
    // A product's first word is this word's ('gpt-4o', 'claude 3.5').
    if (!lex.may_start_product(td.folded[i].substr(0, td.folded[i].find(' ')))) continue;
    size_t best = 0;
    std::string phrase;
    for (size_t len = 1; len <= lex.product_words && i + len <= n; ++len) {
      if (len > 1) phrase += ' ';
      phrase += td.folded[i + len - 1];
      if (lex.products.count(phrase)) best = len;
    }
    if (!best) continue;
    // Needs a capital or digit: 'windows', 'chrome' in lower case are words.
    std::u32string_view first = in.words[i];
    bool marked = false;
    for (char32_t c : first) marked |= is_upper(c) || is_digit(c);
    if (!marked) continue;
    size_t j = i + best;
    while (j < n && !td.starts[j] && is_version_word(in.words[j], td.folded[j])) ++j;
    Raw r;
    r.start = td.words[i].start;
    r.end = td.words[j - 1].end;
    r.type = "PRODUCT";
    r.priority = 2;
    raw.push_back(std::move(r));
    for (size_t k = i; k < j; ++k) product_at[k] = 1;
    i = j - 1;
  }
  // Model codes next to an organisation, a product or a product word.
  for (size_t i = 0; i < n; ++i) {
    if (product_at[i] || !is_model_code(in.words[i], td.folded[i])) continue;
    size_t p = i;
    while (p > 0 && (td.folded[p - 1] == "'s" || td.folded[p - 1] == "the" || td.folded[p - 1] == "its" ||
                     td.folded[p - 1] == "new"))
      --p;
    bool cue = (p > 0 && p < i && (ner::tag_type(td.tags[p - 1]) == 2 || product_at[p - 1])) ||
               (i > 0 && ner::tag_type(td.tags[i - 1]) == 2) ||
               (i + 1 < n && is_product_cue(td.folded[i + 1])) ||
               (i > 0 && is_product_cue(td.folded[i - 1]));
    if (!cue) continue;
    Raw r;
    r.start = td.words[i].start;
    r.end = td.words[i].end;
    r.type = "PRODUCT";
    r.priority = 2;
    raw.push_back(std::move(r));
  }

  // 'October 2024', 'Sept. 2025': month and year.
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!is_upper(in.words[i][0]) || !is_month_or_weekday(td.folded[i]) || td.folded[i].size() < 3 ||
        td.folded[i].back() == 'y')
      continue;
    std::u32string_view y = in.words[i + 1];
    if (y.size() != 4 || !std::all_of(y.begin(), y.end(), [](char32_t c) { return c >= '0' && c <= '9'; }))
      continue;
    std::string m = doc.utf8(td.words[i].start, td.words[i + 1].end);
    if (auto iso = parse_date(m)) {
      Raw r;
      r.start = td.words[i].start;
      r.end = td.words[i + 1].end;
      r.type = "DATE";
      r.value = *iso;
      r.priority = 3;
      raw.push_back(std::move(r));
    }
  }

  // User aliases name mentions the tagger may miss ('Larkspur').
  if (!aliases.empty()) {
    for (size_t i = 0; i < n; ++i) {
      if (!is_alnum(in.words[i][0])) continue;
      for (size_t len = std::min<size_t>(4, n - i); len >= 1; --len) {
        auto a = aliases.find(fold_for_match(doc.utf8(td.words[i].start, td.words[i + len - 1].end)));
        if (a == aliases.end() || a->second.type.empty()) continue;
        Raw r;
        r.start = td.words[i].start;
        r.end = td.words[i + len - 1].end;
        r.type = a->second.type;
        r.priority = 2;
        raw.push_back(std::move(r));
        i += len - 1;
        break;
      }
    }
  }

  // 4. Names from the tagger.
  const ner::Gazetteer &gaz = tagger.gazetteer();
  for (size_t i = 0; i < n;) {
    if (td.tags[i] == ner::O) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && td.tags[j] != ner::O && !ner::tag_begins(td.tags[j])) ++j;
    const uint8_t ty = ner::tag_type(td.tags[i]);
    size_t b = i, e = j;
    i = j;
    while (e > b && (td.folded[e - 1] == "'s" || td.folded[e - 1] == "'")) --e;
    // 'AI startup Larkspur Labs': a lower-case word that is not a name
    // particle ('Bank of England', 'van Gogh') ends what came before it.
    for (size_t k = e; k-- > b + 1;) {
      if (!has_upper_cp(in.words[k]) && is_letter(in.words[k][0]) && !is_name_particle(td.folded[k])) {
        b = k + 1;
        break;
      }
    }
    // Punctuation at the edges ('’ Rao') is not part of a name.
    while (b < e && !is_alnum(in.words[b][0])) ++b;
    while (e > b && !is_alnum(in.words[e - 1][0])) --e;
    if (e <= b) continue;
    if (e - b == 1 && is_generic_acronym(td.folded[b])) continue;
    // Not names: a common word opening a sentence or line ('However'),
    // titles alone ('Chief Product Officer'), months and weekdays.
    bool all_titles = true;
    for (size_t k = b; k < e; ++k) all_titles &= is_role_word(td.folded[k]);
    if (all_titles) continue;
    if (e - b == 1 && is_month_or_weekday(td.folded[b])) continue;
    std::vector<uint64_t> hs;
    for (size_t k = b; k < e; ++k) hs.push_back(ner::lower_hash(in.words[k]));
    uint32_t cls = gaz.lookup(hs.data(), hs.size());
    if (e - b == 1 && td.starts[b] && (cls & ner::Gazetteer::CommonWord) &&
        !(cls & (ner::Gazetteer::ProperNoun | ner::Gazetteer::Country | ner::Gazetteer::City |
                 ner::Gazetteer::Region)))
      continue;
    Raw r;
    r.start = td.words[b].start;
    r.end = td.words[e - 1].end;
    r.priority = 1;
    switch (ty) {
    case 1: r.type = "PERSON"; break;
    case 2: r.type = "ORG"; break;
    case 3: {
      // Places are GPE (countries, states, cities) unless they are known
      // physical or supra-national regions.
      bool region = false;
      for (size_t k = b; k < e; ++k)
        region |= ascii_in(td.folded[k], {"river", "ocean", "sea", "valley", "lake", "gulf",
                                          "mountains", "mountain", "mount", "desert", "island",
                                          "islands", "peninsula", "coast", "bay", "strait",
                                          "canal", "basin", "east", "west"}) &&
                  !(cls & (ner::Gazetteer::Country | ner::Gazetteer::Region | ner::Gazetteer::City));
      std::string whole;
      for (size_t k = b; k < e; ++k) {
        if (k > b) whole += ' ';
        whole += td.folded[k];
      }
      region |= ascii_in(whole, {"europe", "asia", "africa", "north america", "south america",
                                 "latin america", "middle east", "antarctica", "arctic",
                                 "pacific", "atlantic", "mediterranean", "silicon valley",
                                 "balkans", "caribbean", "scandinavia", "oceania",
                                 "southeast asia", "east asia", "central asia",
                                 "sub-saharan africa", "west bank", "gaza strip", "gaza"});
      r.type = region ? "LOC" : "GPE";
      break;
    }
    default: continue; // MISC: nationalities, events; products come from step 3
    }
    // The head word of a multi-word name settles its type when it is an
    // organisation's ('Brightwater Analytics', 'Veltro SAS') or a street's.
    if (e - b > 1) {
      const std::string_view head = td.folded[e - 1];
      if (is_org_head(head)) r.type = "ORG";
      else if (ascii_in(head, {"avenue", "street", "road", "boulevard", "square", "lane", "drive"}))
        r.type = "LOC";
    }
    raw.push_back(std::move(r));
  }

  // 5. Overlaps: higher priority wins, then the longer, then the earlier.
  std::sort(raw.begin(), raw.end(), [](const Raw &a, const Raw &b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
    return a.start < b.start;
  });
  std::vector<Raw> kept;
  {
    std::vector<std::pair<uint32_t, uint32_t>> taken; // sorted by start
    for (Raw &r : raw) {
      auto it = std::lower_bound(taken.begin(), taken.end(), std::make_pair(r.start, 0u));
      bool clash = (it != taken.end() && it->first < r.end) ||
                   (it != taken.begin() && std::prev(it)->second > r.start);
      if (clash) continue;
      taken.insert(it, {r.start, r.end});
      kept.push_back(std::move(r));
    }
  }
  std::sort(kept.begin(), kept.end(), [](const Raw &a, const Raw &b) { return a.start < b.start; });

  // 6. Canonical names.
  std::vector<EntityMention> out;
  out.reserve(kept.size());
  NameIndex index;
  std::vector<std::string> cleaned(kept.size());
  std::vector<const Alias *> hit(kept.size(), nullptr);
  std::vector<Alias> user_hits(kept.size());
  for (size_t k = 0; k < kept.size(); ++k) {
    const Raw &r = kept[k];
    EntityMention m;
    m.mention = doc.utf8(r.start, r.end);
    m.type = r.type;
    m.span = {r.start, r.end};
    m.sentence_idx = doc.sentence_at(r.start);
    m.value = r.value;
    if (r.value) {
      m.entity = *r.value;
    } else {
      cleaned[k] = clean_name(m.mention, m.type);
      if (cleaned[k].empty()) cleaned[k] = m.mention;
      std::string fm = fold_for_match(m.mention), fc = fold_for_match(cleaned[k]);
      auto u = aliases.find(fm);
      if (u == aliases.end()) u = aliases.find(fc);
      if (u != aliases.end()) {
        user_hits[k] = u->second;
        hit[k] = &user_hits[k];
      } else {
        auto b = lex.aliases.find(fm);
        if (b == lex.aliases.end()) b = lex.aliases.find(fc);
        if (b != lex.aliases.end()) hit[k] = &b->second;
      }
      if (hit[k]) {
        if (!hit[k]->type.empty()) m.type = hit[k]->type;
        m.entity = hit[k]->entity;
      } else {
        index.add(cleaned[k], m.type);
      }
    }
    out.push_back(std::move(m));
  }
  for (size_t k = 0; k < out.size(); ++k) {
    if (out[k].value || hit[k]) continue;
    out[k].entity = index.canonical(cleaned[k], out[k].type);
    // A user alias may name the canonical form itself.
    auto u = aliases.find(fold_for_match(out[k].entity));
    if (u != aliases.end()) {
      out[k].entity = u->second.entity;
      if (!u->second.type.empty()) out[k].type = u->second.type;
    }
  }
  return out;
}

} // namespace lede
