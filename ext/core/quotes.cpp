// quotes.cpp — direct and partial quotations and who said them (see
// quotes.hpp).
//
// Four passes, each linear in the number of tokens:
//
// 1. Pairing. Every quotation-mark token is classified from its glyph and
//    its flanks (space or opening punctuation before and a word after: it can
//    open; a word before and space or punctuation after: it can close).
//    Marks pair within a *region* — a paragraph, or a line unless the next
//    line starts in lower case — on a stack of depth at most kMaxDepth, by
//    family (double " “ ” „ « », single ' ‘ ’ ‚ ‹ ›), so straight and curly
//    marks mix, single marks inside words are apostrophes and nested quotes
//    stay inside the outer one. A double quote still open at the end of its
//    region ends there (no runaway); if the next region opens with a mark of
//    the same family it is the first part of a multi-paragraph quote.
// 2. Cues. Every reporting verb outside quotes (ext/data/speech_verbs.txt)
//    gets its subject: a name (capitalised run, with a role prefix or an
//    appositive role), a pronoun (ext/data/speaker_pronouns.txt) or a common
//    noun phrase ('a spokesperson'); after a closing mark the subject may
//    follow the verb ('said Patrick Moorhead, founder of …').
// 3. Resolution, in text order: names go to their fullest form in the
//    article; a pronoun goes to the subject of the previous named
//    attribution when it is recent (two paragraphs) and of a compatible
//    gender, else to the most recent compatible person named nearby, else
//    stays unresolved (speaker NULL, never a guess).
// 4. Attribution of each quote from its frame: the words between it and the
//    nearest sentence end or neighbouring quote on each side. A cue right
//    after the quote, then one before it, then context (the previous quote of
//    the paragraph, the subject of the previous sentence's attribution).
//    A quote embedded in the writer's sentence is 'partial'; one with no cue
//    in its sentence, a title after 'titled', or a short term after
//    'so-called' is a scare quote and is dropped.
//
// Speaker names go through names.hpp (clean_name, NameIndex), the mechanism
// entity_mentions uses, filled with the article's PERSON and ORG mentions
// and its capitalised runs (so a tagger miss does not lose a full name).
#include "quotes.hpp"

#include "names.hpp"
#include "resources.hpp"
#include "text.hpp"
#include "wordset.hpp"

#include <algorithm>
#include <deque>
#include <iterator>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace lede {
namespace {

constexpr uint32_t kNone = UINT32_MAX;
constexpr size_t kMaxDepth = 3;      // open marks remembered per region
constexpr uint32_t kFrameTokens = 60; // how far a quote's frame reaches
constexpr uint32_t kNpTokens = 10;    // longest subject noun phrase
constexpr uint32_t kRoleTokens = 25;  // longest appositive role

// ---------------------------------------------------------------- lexicons

struct Lexicon {
  std::unordered_map<std::string, std::string> cue1;  // form -> lemma
  std::unordered_map<std::string, std::string> cue2;  // "form form" -> lemma
  std::unordered_map<std::string, char> pronouns;     // he -> 'm'
  const std::unordered_set<std::string_view> *roles = nullptr;
  const std::unordered_set<std::string_view> *stop = nullptr;
  const std::unordered_set<std::string_view> *adverbs = nullptr;
  const std::unordered_set<std::string_view> *titles = nullptr;
  const std::unordered_set<std::string_view> *orgs = nullptr;
  const std::unordered_set<std::string_view> *not_before_verb = nullptr;
  const std::unordered_set<std::string_view> *ly_nouns = nullptr;
  const std::unordered_set<std::string_view> *time_nouns = nullptr;
  const std::unordered_set<std::string_view> *speech_nouns = nullptr;
};

const Lexicon &lexicon() {
  static const Lexicon lex = [] {
    Lexicon l;
    for (auto line : resource_lines("speech_verbs.txt")) {
      size_t sp = line.find(' ');
      if (sp == std::string_view::npos) continue;
      std::string form(line.substr(0, sp)), lemma(line.substr(sp + 1));
      std::replace(lemma.begin(), lemma.end(), '_', ' ');
      size_t us = form.find('_');
      if (us == std::string::npos) l.cue1[form] = lemma;
      else l.cue2[form.substr(0, us) + " " + form.substr(us + 1)] = lemma;
    }
    for (auto line : resource_lines("speaker_pronouns.txt")) {
      size_t sp = line.find(' ');
      if (sp != std::string_view::npos && sp + 1 < line.size())
        l.pronouns[std::string(line.substr(0, sp))] = line[sp + 1];
    }
    l.roles = &resource_set("role_nouns.txt");
    l.stop = &resource_set("speaker_stopwords.txt");
    l.adverbs = &resource_set("cue_adverbs.txt");
    l.titles = &resource_set("speaker_titles.txt");
    l.orgs = &resource_set("org_words.txt");
    l.not_before_verb = &resource_set("cue_blockers.txt");
    l.ly_nouns = &resource_set("ly_nouns.txt");
    l.time_nouns = &resource_set("time_nouns.txt");
    l.speech_nouns = &resource_set("speech_nouns.txt");
    return l;
  }();
  return lex;
}

// ------------------------------------------------------- speaker names

// A speaker as written, made a name: spaces normalised (no-break spaces in
// 'Mr Hale'), then names.hpp's clean_name (titles, possessives).
std::string clean_speaker_name(std::u32string_view written, const char *type = "PERSON") {
  std::u32string s;
  for (char32_t c : written) s.push_back(is_space(c) ? U' ' : c);
  std::string u = encode_utf8(s);
  if (std::string_view(type) == "PERSON") {
    // Role words of ext/data/role_nouns.txt that names.cpp does not know
    // ('County Clerk Bernadette Shaw'): cut up to the last one.
    static const auto &roles = resource_set("role_nouns.txt");
    size_t cut = 0, pos = 0;
    std::string word;
    while (pos < u.size()) {
      size_t sp = u.find(' ', pos);
      if (sp == std::string::npos) break;
      const std::string_view w(u.data() + pos, sp - pos);
      bool ascii = true;
      for (char c : w) ascii &= static_cast<unsigned char>(c) < 0x80;
      if (ascii) { // (lower_utf8's ASCII table, without decoding)
        word.resize(w.size());
        for (size_t k = 0; k < w.size(); ++k) word[k] = detail::kAsciiFold.v[static_cast<unsigned char>(w[k])];
      } else {
        word = lower_utf8(decode_utf8(w));
      }
      if (roles.count(word)) cut = sp + 1;
      pos = sp + 1;
    }
    u = u.substr(cut);
  }
  return clean_name(u, type);
}

size_t word_count(const std::string &s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    if (c == ' ') in = false;
    else if (!in) { in = true; ++n; }
  }
  return n;
}

// ----------------------------------------------------------- the pass state

enum class Np { None, Name, Pronoun, Nominal };

struct Subject {
  Np kind = Np::None;
  uint32_t first = 0, last = 0;           // tokens [first, last)
  uint32_t role_first = 0, role_last = 0; // tokens of the role, if any
  uint32_t ref_first = 0, ref_last = 0;   // a relative 'who': its antecedent name
};

struct Event {           // a reporting verb with its subject
  uint32_t cue = 0;      // token of the verb (its first word)
  uint32_t cue_end = 0;  // one past its last word
  std::string lemma;
  Subject subj;
  std::optional<std::string> speaker; // resolved canonical name
  double confidence = 0;
};

struct Candidate {
  uint32_t open_tok = 0, close_tok = kNone; // kNone: closed by the region end
  uint32_t region = 0;
  Span content;
  bool continues = false;  // first part of a multi-paragraph quote
  bool continued = false;  // later part of one
};

bool is_terminal_cp(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

struct Extractor {
  Extractor(const Document &d, const std::vector<EntityMention> &e) : doc(d), entities(e) {}
  const Document &doc;
  const std::vector<EntityMention> &entities;
  const Lexicon &lx = lexicon();
  const std::u32string &t = doc.text;
  const std::vector<Token> &toks = doc.tokens;
  uint32_t ntok = static_cast<uint32_t>(doc.tokens.size());

  std::vector<uint32_t> region_of;   // token -> region number
  std::vector<uint32_t> region_start; // region -> first token
  std::vector<uint32_t> para_of;     // token -> paragraph number
  std::vector<uint8_t> in_quote;     // token lies inside a quote (marks included)
  std::vector<Candidate> cands;
  std::vector<Event> events;
  std::vector<uint32_t> event_at;    // token -> index in events, or kNone
  std::deque<Event> synthetic;       // subjects found from context, no verb

  // An attribution made from a subject found without a reporting verb of
  // its own (or borrowing `lemma` from one); stored in `synthetic`, whose
  // deque keeps the returned reference valid.
  const Event &attribute_from_context(const Subject &sub, const std::string &lemma = {}) {
    Event e;
    e.cue = sub.first;
    e.cue_end = sub.first;
    e.lemma = lemma;
    e.subj = sub;
    synthetic.push_back(std::move(e));
    return synthetic.back();
  }
  NameIndex names; // shared mechanism with entity_mentions (names.hpp)

  // ---- token helpers
  char32_t c0(uint32_t i) const { return t[toks[i].start]; }
  uint32_t len(uint32_t i) const { return toks[i].end - toks[i].start; }
  bool punct(uint32_t i, char32_t c) const {
    return toks[i].kind == TokenKind::Punct && len(i) == 1 && fold_punct(c0(i)) == c;
  }
  bool is_mark(uint32_t i) const {
    return toks[i].kind == TokenKind::Punct && len(i) == 1 && is_quote_mark(c0(i));
  }
  bool word(uint32_t i) const { return toks[i].kind != TokenKind::Punct; }
  // Lower-cased, punctuation-folded form of each token, made once per
  // document (run(), only when it has quote marks): the lexicon tests ask
  // for the same token many times.
  std::vector<std::string> lows;
  // Capitalised only because it opens a sentence ('Domestically, …',
  // 'Citing …', 'Asked …'): an -ly, -ing or -ed word never written with a
  // capital inside a sentence of the article.
  std::vector<uint8_t> plain_cap;
  void find_plain_caps() {
    plain_cap.assign(ntok, 0);
    auto initial = [&](uint32_t i) {
      return i == 0 || region_start[region_of[i]] == i || terminal(i - 1) || is_mark(i - 1) ||
             punct(i - 1, ':') || (toks[i - 1].kind == TokenKind::Punct && is_dash(c0(i - 1)));
    };
    auto suffixed = [&](const std::string &w) {
      auto ends = [&](const char *x) {
        size_t n = std::char_traits<char>::length(x);
        return w.size() > n + 2 && w.compare(w.size() - n, n, x) == 0;
      };
      return ends("ly") || ends("ing") || ends("ed");
    };
    std::unordered_set<std::string_view> inside;
    for (uint32_t i = 0; i < ntok; ++i)
      if (cap(i) && !initial(i)) inside.insert(lows[i]);
    for (uint32_t i = 0; i < ntok; ++i)
      if (cap(i) && initial(i) && suffixed(lows[i]) && !inside.count(lows[i]) && !given_name(i))
        plain_cap[i] = 1;
  }
  // 'Carly Fiorina', 'Jared Kushner': an -ly or -ed word right before a
  // capitalised word that is not a time noun ('Asked Tuesday …') reads as a
  // first name.
  bool given_name(uint32_t i) const {
    const std::string &w = lows[i];
    bool ly_ed = w.size() > 4 && (w.compare(w.size() - 2, 2, "ly") == 0 || w.compare(w.size() - 2, 2, "ed") == 0);
    return ly_ed && i + 1 < ntok && cap(i + 1) && toks[i + 1].start == toks[i].end + 1 &&
           !lx.time_nouns->count(lows[i + 1]) && !lx.stop->count(lows[i + 1]);
  }
  const std::string &low(uint32_t i) const { return lows[i]; }
  bool terminal(uint32_t i) const {
    // The period of an abbreviation closing a parenthesis ('(R-Fla.)') ends
    // no sentence.
    // Nor does one before a comma ('Mitch McConnell, R-Ky., said').
    return toks[i].kind == TokenKind::Punct && is_terminal_cp(t[toks[i].end - 1]) &&
           !(t[toks[i].end - 1] == '.' && i + 1 < ntok && toks[i + 1].start == toks[i].end &&
             t[toks[i].end] == ',') &&
           !(i + 1 < ntok && toks[i + 1].start == toks[i].end && t[toks[i].end] == ')' &&
             i > 0 && word(i - 1) && toks[i - 1].end == toks[i].start);
  }
  bool cap(uint32_t i) const {
    return toks[i].kind == TokenKind::Word && is_upper(c0(i));
  }
  // Two letters or more, none in lower case ('SACRAMENTO', 'AP').
  bool all_caps(uint32_t i) const {
    if (toks[i].kind != TokenKind::Word || toks[i].end - toks[i].start < 2) return false;
    for (uint32_t k = toks[i].start; k < toks[i].end; ++k)
      if (is_lower(t[k])) return false;
    return true;
  }
  bool stopword(uint32_t i) const {
    const std::string &w = low(i);
    if (lx.stop->count(w)) return true;
    if (w.size() < 3 || w.back() != 's') return false;
    // A contraction of one: 'It’s', 'That's', 'Here’s' ('He’s' stays,
    // as the pronoun's mention).
    for (std::string_view s : {std::string_view("\xE2\x80\x99s"), std::string_view("'s")})
      if (w.size() > s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0) {
        std::string_view base = std::string_view(w).substr(0, w.size() - s.size());
        return lx.stop->count(base) > 0 && base != "he" && base != "she";
      }
    return false;
  }
  bool name_token(uint32_t i) const { return cap(i) && !stopword(i) && !pronoun(i) && !plain_cap[i]; }
  char pronoun(uint32_t i) const {
    if (!word(i)) return 0;
    auto it = lx.pronouns.find(low(i));
    return it == lx.pronouns.end() ? 0 : it->second;
  }
  bool role_word(uint32_t i) const { return word(i) && lx.roles->count(low(i)) > 0; }
  bool title_word(uint32_t i) const { return word(i) && lx.titles->count(low(i)) > 0; }

  // Lemma of a cue starting at token i (and its end), or null.
  const std::string *cue_at(uint32_t i, uint32_t *end) const {
    if (!word(i)) return nullptr;
    const std::string &w = low(i);
    if (i + 1 < ntok && word(i + 1)) {
      auto it = lx.cue2.find(w + " " + low(i + 1));
      if (it != lx.cue2.end()) {
        *end = i + 2;
        return &it->second;
      }
    }
    auto it = lx.cue1.find(w);
    if (it == lx.cue1.end()) return nullptr;
    *end = i + 1;
    return &it->second;
  }

  // ---- pass 0: regions and paragraphs
  void build_regions() {
    region_of.assign(ntok, 0);
    para_of.assign(ntok, 0);
    uint32_t region = 0, para = 0;
    region_start.push_back(0);
    // A page saved with one line per paragraph and no blank lines (long
    // lines, not hard-wrapped ones): each line is a paragraph, as the
    // article parser makes it in the corpus.
    bool lines_are_paragraphs = false;
    {
      uint32_t long_lines = 0, line_start = 0;
      bool blank = false;
      for (uint32_t i = 1; i <= ntok && !blank; ++i) {
        if (i < ntok && !toks[i].newline_before) continue;
        const uint32_t end = i < ntok ? toks[i].start : static_cast<uint32_t>(t.size());
        long_lines += end - line_start > 120; // hard-wrapped text has none
        line_start = end;
        blank = i < ntok && toks[i].paragraph_before;
      }
      lines_are_paragraphs = !blank && long_lines >= 2;
    }
    for (uint32_t i = 0; i < ntok; ++i) {
      if (i > 0 && (toks[i].paragraph_before || (lines_are_paragraphs && toks[i].newline_before))) ++para;
      if (i > 0 && (toks[i].paragraph_before || (toks[i].newline_before && !is_lower(c0(i))))) {
        ++region;
        region_start.push_back(i);
      }
      region_of[i] = region;
      para_of[i] = para;
    }
    region_start.push_back(ntok);
  }

  // ---- pass 1: pairing
  struct Flank {
    bool open = false, close = false;
  };

  static bool opening_context(char32_t c) {
    return c == '(' || c == '[' || c == '{' || c == '/' || is_dash(c) || is_quote_mark(c) ||
           c == ':' ;
  }

  Flank flank(uint32_t i) const {
    uint32_t p = toks[i].start;
    char32_t c = t[p];
    char32_t prev = p > 0 ? t[p - 1] : U' ';
    char32_t next = p + 1 < t.size() ? t[p + 1] : U' ';
    bool sb = p == 0 || is_space(prev), sa = p + 1 >= t.size() || is_space(next);
    bool left = !sa && (sb || opening_context(prev));
    bool right = !sb && (sa || !is_alnum(next)) && !(opening_context(prev) && !is_quote_mark(prev) && !sa);
    Flank f;
    bool dbl = fold_punct(c) == '"';
    if (dbl) {
      if (c == '"') {
        f.open = left || !right;
        f.close = right || !left;
      } else if (is_open_quote_mark(c)) { // “ „ ‟ «
        f.open = left || !right;
        f.close = right && !left;
      } else { // ” »
        f.close = right || !left;
        f.open = left && !right;
      }
    } else {
      bool digit_next = is_digit(next);
      if (is_open_quote_mark(c)) { // ‘ ‚ ‛ ‹
        f.open = left && !digit_next;
        f.close = right && !left;
      } else if (c == '\'') {
        f.open = left && !right && !digit_next;
        f.close = right && !left;
      } else { // ’ ›
        f.close = right;
        f.open = left && !right && is_upper(next);
      }
    }
    return f;
  }

  bool family_double(uint32_t i) const { return fold_punct(c0(i)) == '"'; }

  void pair_marks() {
    struct Open {
      uint32_t tok;
      bool dbl;
    };
    std::vector<Open> stack;
    stack.reserve(kMaxDepth);
    uint32_t nregions = static_cast<uint32_t>(region_start.size()) - 1;
    for (uint32_t r = 0; r < nregions; ++r) {
      stack.clear();
      uint32_t b = region_start[r], e = region_start[r + 1];
      for (uint32_t i = b; i < e; ++i) {
        if (!is_mark(i)) continue;
        Flank f = flank(i);
        bool dbl = family_double(i);
        if (f.close) {
          size_t k = stack.size();
          while (k > 0 && stack[k - 1].dbl != dbl) --k;
          if (k > 0) {
            uint32_t open = stack[k - 1].tok;
            stack.resize(k - 1);
            if (stack.empty()) add_candidate(open, i, r);
            continue;
          }
        }
        if (f.open && stack.size() < kMaxDepth) stack.push_back({i, dbl});
      }
      // A double quote left open ends with its region.
      if (!stack.empty() && stack.front().dbl) {
        uint32_t open = stack.front().tok;
        bool cont = false;
        if (e < ntok && toks[e].paragraph_before == toks[e].paragraph_before && is_mark(e) &&
            family_double(e) && flank(e).open)
          cont = true;
        add_candidate(open, kNone, r);
        if (!cands.empty() && cands.back().open_tok == open) cands.back().continues = cont;
      }
    }
    for (size_t k = 1; k < cands.size(); ++k)
      if (cands[k - 1].continues && cands[k].region == cands[k - 1].region + 1 &&
          cands[k].open_tok == region_start[cands[k].region])
        cands[k].continued = true;
  }

  void add_candidate(uint32_t open, uint32_t close, uint32_t region) {
    uint32_t s = toks[open].end;
    uint32_t e = close == kNone ? toks[region_start[region + 1] - 1].end : toks[close].start;
    if (close == kNone && region_start[region + 1] - 1 == open) return;
    while (s < e && is_space(t[s])) ++s;
    while (e > s && (is_space(t[e - 1]) || t[e - 1] == ',' || t[e - 1] == ';' || t[e - 1] == ':' ||
                     (close != kNone && is_dash(t[e - 1]))))
      --e;
    if (e <= s) return;
    Candidate c;
    c.open_tok = open;
    c.close_tok = close;
    c.region = region;
    c.content = {s, e};
    cands.push_back(c);
  }

  void mark_quoted() {
    in_quote.assign(ntok, 0);
    for (auto &c : cands) {
      uint32_t end = c.close_tok == kNone ? region_start[c.region + 1] : c.close_tok + 1;
      for (uint32_t i = c.open_tok; i < end; ++i) in_quote[i] = 1;
    }
  }

  // ---- pass 2: subjects of cues

  // Skips words that may sit between a subject and its verb, backwards.
  uint32_t skip_adverbs_back(uint32_t j, uint32_t lo) const {
    for (;;) {
      while (j > lo && word(j - 1) && (lx.adverbs->count(low(j - 1)) || ly_adverb(j - 1))) --j;
      // A time phrase: 'last week', 'in the past', 'earlier this month'.
      if (j > lo + 1 && word(j - 1) && lx.time_nouns->count(low(j - 1)) && word(j - 2)) {
        const std::string &d = low(j - 2);
        if (d == "last" || d == "this" || d == "next" || d == "that" || d == "the" || d == "each" ||
            d == "on") {
          j -= 2;
          if (j > lo && word(j - 1) && (low(j - 1) == "in" || low(j - 1) == "on" ||
                                        low(j - 1) == "at" || low(j - 1) == "during"))
            --j;
          continue;
        }
      }
      // A year after a preposition: 'McConnell, who in 2010 said'.
      if (j > lo + 2 && word(j - 1) && year(j - 1) && word(j - 2) &&
          (low(j - 2) == "in" || low(j - 2) == "during")) {
        j -= 2;
        continue;
      }
      // A bare weekday: 'Priebus later Thursday told'.
      if (j > lo + 1 && weekday(j - 1)) {
        --j;
        continue;
      }
      return j;
    }
  }

  // The same forwards: 'Trump on Thursday ratcheted up …', 'Reid last week
  // called …'.
  uint32_t skip_adverbs_forward(uint32_t j, uint32_t hi) const {
    for (;;) {
      while (j < hi && word(j) && (lx.adverbs->count(low(j)) || ly_adverb(j))) ++j;
      if (j < hi && weekday(j)) {
        ++j;
        continue;
      }
      uint32_t k = j;
      if (k < hi && word(k) && (low(k) == "in" || low(k) == "on" || low(k) == "at" || low(k) == "during"))
        ++k;
      if (k < hi && word(k)) {
        const std::string &d = low(k);
        if (d == "last" || d == "this" || d == "next" || d == "that" || d == "the" || d == "each" ||
            d == "late" || d == "early" || d == "earlier")
          ++k;
      }
      if (k > j && k < hi && word(k) && lx.time_nouns->count(low(k))) {
        j = k + 1;
        continue;
      }
      return j;
    }
  }

  // Four digits from 1000 to 2999: a year.
  bool year(uint32_t i) const {
    const std::string &w = low(i);
    return w.size() == 4 && (w[0] == '1' || w[0] == '2') &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  // A capitalised time noun of ext/data/time_nouns.txt: a weekday.
  bool weekday(uint32_t i) const { return cap(i) && lx.time_nouns->count(low(i)) > 0; }

  // A lower-case adverb in -ly ('increasingly', 'generally'), not a noun of
  // ext/data/ly_nouns.txt ('family').
  bool ly_adverb(uint32_t i) const {
    if (!word(i) || !is_lower(c0(i))) return false;
    const std::string &w = low(i);
    return w.size() >= 5 && w.compare(w.size() - 2, 2, "ly") == 0 && !lx.ly_nouns->count(w);
  }

  // Noun phrase ending just before token `end` (exclusive), not before
  // `lo`. Names win over the role words written before them.
  Subject np_before(uint32_t end, uint32_t lo) const {
    Subject s;
    if (end <= lo) return s;
    if (end - lo >= 3 && punct(end - 1, ')')) {
      // A party label or aside after the name: 'Sen. Marco Rubio (R-Fla.)'.
      uint32_t k = end - 1;
      while (k > lo && end - 1 - k < 8 && !punct(k - 1, '(') && !in_quote[k - 1]) --k;
      if (k > lo + 1 && punct(k - 1, '(')) end = k - 1;
    }
    uint32_t j = end - 1;
    if (in_quote[j] || !word(j)) return s;
    if (pronoun(j)) {
      s = {Np::Pronoun, j, j + 1, 0, 0};
      return s;
    }
    if (quantifier(low(j)) && (j == lo || !word(j - 1) || is_opener(low(j - 1)))) {
      // A quantifier standing for people, opening its clause: 'Some
      // chanted', 'Others, reacting to …, shouted'.
      return {Np::Nominal, j, j + 1, 0, 0};
    }
    if (name_token(j) || (cap(j) && title_word(j))) {
      uint32_t a = j;
      while (a > lo && end - a < kNpTokens) {
        uint32_t p = a - 1;
        if (in_quote[p] || !word(p)) break;
        if (name_token(p) || title_word(p)) { a = p; continue; }
        // name particles: Ursula von der Leyen, Charles de Gaulle
        if (is_lower(c0(p)) && len(p) <= 3 && p > lo && name_token(p - 1) &&
            (low(p) == "de" || low(p) == "von" || low(p) == "van" || low(p) == "der" ||
             low(p) == "bin" || low(p) == "al" || low(p) == "da" || low(p) == "del" ||
             low(p) == "la" || low(p) == "le" || low(p) == "di")) {
          a = p;
          continue;
        }
        break;
      }
      // Leading role words of the run ('President', 'Sen.') become the role;
      // not in an organisation's name ('National Highway Traffic Safety
      // Administration', 'State Department').
      uint32_t n = a;
      if (!lx.orgs->count(low(j)))
        while (n < j && role_word(n) && !title_word(n)) ++n;
      s.kind = Np::Name;
      s.first = n;
      s.last = j + 1;
      uint32_t r = n;
      while (r > lo && n - r < kNpTokens) {
        uint32_t p = r - 1;
        if (in_quote[p]) break;
        if (role_word(p) || (cap(p) && !stopword(p)) ||
            (word(p) && (low(p).size() > 2 && low(p).substr(low(p).size() - 2) == "'s"))) {
          r = p;
          continue;
        }
        if (punct(p, '&') || (word(p) && low(p) == "of" && r < n)) {
          r = p;
          continue;
        }
        break;
      }
      while (r < n && !role_word(r) && !cap(r)) ++r; // never start on 'of'
      if (r < n) {
        s.role_first = r;
        s.role_last = n;
      }
      return s;
    }
    // A common noun phrase: back to its determiner or a capitalised word
    // ('the company', 'White House officials'); without one, only the head
    // noun ('officials said').
    if (!plain_word(j)) return s;
    uint32_t a = j + 1;
    bool anchored = false;
    while (a > lo && j + 1 - a < 6) {
      uint32_t p = a - 1;
      if (in_quote[p] || !word(p)) break;
      const std::string &w = low(p);
      if (determiner(w)) {
        a = p;
        anchored = true;
        break;
      }
      if (cap(p)) { // 'the presumptive Republican nominee', 'White House officials'
        a = p;
        anchored = true;
        continue;
      }
      if (!plain_word(p)) break;
      a = p;
    }
    if (!anchored) a = j;
    return {Np::Nominal, a, j + 1, 0, 0};
  }

  static bool is_opener(const std::string &w) {
    return w == "and" || w == "but" || w == "so" || w == "yet" || w == "then" || w == "still" ||
           w == "also" || w == "now" || w == "meanwhile" || w == "instead" || w == "even" ||
           w == "again" || w == "or" || w == "thus" || w == "indeed";
  }

  static bool quantifier(const std::string &w) {
    return w == "some" || w == "others" || w == "many" || w == "several" || w == "both" ||
           w == "most" || w == "few" || w == "all";
  }

  static bool determiner(const std::string &w) {
    return w == "a" || w == "an" || w == "the" || w == "his" || w == "her" || w == "their" ||
           w == "its" || w == "our" || w == "some" || w == "many" || w == "several" ||
           w == "other" || w == "one" || w == "another" || w == "this" || w == "that" ||
           w == "these" || w == "those" || w == "two" || w == "three" || w == "both";
  }

  // A lower-case content word that can sit inside a noun phrase.
  bool plain_word(uint32_t i) const {
    if (!word(i) || pronoun(i) || cap(i)) return false;
    const std::string &w = low(i);
    uint32_t dummy;
    if (lx.stop->count(w) || lx.adverbs->count(w) || lx.not_before_verb->count(w) ||
        ly_adverb(i) || cue_at(i, &dummy))
      return false;
    return w != "to" && w != "that" && w != "and" && w != "or" && w != "but" && w != "not" &&
           w != "be" && w != "been" && w != "being" && w != "are" && w != "were" && w != "am";
  }

  // Noun phrase starting at token `a`, before `hi`: a pronoun, a name with
  // its role prefix, or a determiner and up to three words.
  Subject np_after(uint32_t a, uint32_t hi) const {
    if (a >= hi || in_quote[a] || !word(a)) return {};
    if (pronoun(a)) return {Np::Pronoun, a, a + 1, 0, 0};
    uint32_t e = a;
    while (e < hi && e - a < kNpTokens && word(e) &&
           (name_token(e) || title_word(e) || (role_word(e) && (e > a || cap(e))) ||
            (e > a && role_word(e))))
      ++e;
    while (e > a && !name_token(e - 1)) --e; // end on a name word
    if (e > a) {
      Subject s = np_before(e, a);
      if (s.kind == Np::Name) return s;
      return {};
    }
    if (determiner(low(a))) {
      uint32_t k = a + 1;
      while (k < hi && k - a < 6 && (plain_word(k) || (cap(k) && !stopword(k) && !pronoun(k)))) ++k;
      if (k > a + 1) return {Np::Nominal, a, k, 0, 0};
    }
    return {};
  }

  // The next possible end after `after` of a prepositional phrase ('of',
  // 'for', 'at', 'from', 'with') at token `a`, before `hi`: its object is
  // a determiner (first) and up to six names or content words. `a` when
  // there is none.
  uint32_t pp_object(uint32_t a, uint32_t hi, uint32_t after) const {
    if (a + 1 >= hi || !word(a)) return a;
    const std::string &w = low(a);
    if (w != "of" && w != "for" && w != "at" && w != "from" && w != "with") return a;
    for (uint32_t k = a + 1; k < hi && k - a <= 7 && word(k) && !in_quote[k]; ++k) {
      bool content = name_token(k) || plain_word(k);
      if (!content && !(k == a + 1 && determiner(low(k)))) break;
      if (content && k + 1 > after) return k + 1;
    }
    return a;
  }

  // Subject of the clause a verb at `cue` belongs to, when the words right
  // before the verb are not one ('and said', 'by saying', 'to say'): the
  // first noun phrase after the sentence start or a comma that is followed
  // by a lower-case word ('Hours later, Trump returned …, telling').
  // The first token after a dateline opening the sentence at `lo` ('SACRAMENTO,
  // Calif. — ', 'PHOENIX (AP) — ': a place in capitals, a state or an agency,
  // then a dash), or `lo`: a dateline is no subject.
  uint32_t after_dateline(uint32_t lo, uint32_t hi) const {
    if (lo >= hi || !all_caps(lo)) return lo;
    for (uint32_t k = lo + 1; k < hi && k - lo < 10; ++k) {
      if (!word(k) && is_dash(c0(k))) return k + 1;
      if (!(cap(k) || punct(k, ',') || punct(k, '.') || punct(k, '(') || punct(k, ')'))) break;
    }
    return lo;
  }

  Subject clause_subject(uint32_t lo, uint32_t cue) const {
    lo = after_dateline(lo, cue);
    // 'And then Trump went on the attack, saying': openers are no subject.
    while (lo + 1 < cue && word(lo) && is_opener(low(lo))) ++lo;
    for (uint32_t p = lo; p < cue; ++p) {
      // A clause starts the sentence, follows a comma or a dash ('PHOENIX
      // (AP) — Trump launched …').
      if (!(p == lo || punct(p - 1, ',') || (!word(p - 1) && is_dash(c0(p - 1))))) continue;
      Subject s = np_after(p, cue);
      if (s.kind == Np::None) continue;
      auto verb_next = [&](uint32_t nx) {
        if (nx + 2 < cue && punct(nx, '(')) {
          // a party label: 'Gov. Pat McCrory (R) blamed'
          uint32_t k = nx + 1;
          while (k < cue && k - nx < 8 && !punct(k, ')')) ++k;
          if (k < cue && punct(k, ')')) nx = k + 1;
        }
        nx = skip_adverbs_forward(nx, cue);
        // 'Reeves late Thursday night issued': a time noun is skipped, but
        // 'Eight years ago, he …' is a time phrase, no subject.
        if (nx < cue && word(nx) && lx.time_nouns->count(low(nx))) {
          ++nx;
          std::string w = nx < cue && word(nx) ? low(nx) : std::string();
          if (w == "ago" || w == "earlier" || w == "later" || w == "before") return false;
          nx = skip_adverbs_forward(nx, cue);
        }
        return nx == cue ||
               (nx < cue && word(nx) && is_lower(c0(nx)) && !determiner(low(nx)) &&
                !lx.not_before_verb->count(low(nx)) && !lx.time_nouns->count(low(nx)) &&
                low(nx) != "and" && low(nx) != "or");
      };
      if (s.kind == Np::Nominal && s.last == cue) {
        // A phrase running up to the quote took its verb ('the former
        // governor loves “…”'): the longest shorter phrase before a verb.
        for (uint32_t l = s.last - 1; l > s.first + 1; --l)
          if (!cap(l) && verb_next(l)) return {Np::Nominal, s.first, l, 0, 0};
      }
      if (verb_next(s.last)) return s;
      if (s.kind == Np::Name && s.last + 1 < cue && word(s.last) && low(s.last) == "and") {
        // Two subjects: 'Trump and Ryan issued a statement', 'Netanyahu and
        // other leaders shunned …' — one common noun phrase as the mention.
        Subject t = np_after(s.last + 1, cue);
        if (t.kind != Np::Name) t = {};
        if (word(s.last + 1) && low(s.last + 1) == "other") {
          for (uint32_t k = s.last + 2; k < cue && k - s.last < 7 && (plain_word(k) || name_token(k)); ++k)
            if (!cap(k) && low(k).back() == 's' && verb_next(k + 1)) { // 'other' + plural
              t = {Np::Nominal, s.last + 1, k + 1, 0, 0};
              break;
            }
        }
        if ((t.kind == Np::Name || t.kind == Np::Nominal) && verb_next(t.last)) {
          uint32_t first = s.role_last > s.role_first ? std::min(s.first, s.role_first) : s.first;
          return {Np::Nominal, first, t.last, 0, 0};
        }
      }
      if (s.kind == Np::Nominal) {
        // The phrase may have taken the verb ('the ad targets a …'): the
        // longest shorter phrase followed by a verb-like word.
        for (uint32_t l = s.last - 1; l > s.first + 1; --l)
          if (!cap(l) && verb_next(l)) return {Np::Nominal, s.first, l, 0, 0};
      }
      // A prepositional phrase after a common noun: 'A spokesman for Platte
      // River declined …, but said', 'Attorneys for Clinton appeared …,
      // saying' (the shortest object followed by a verb-like word).
      if (s.kind == Np::Nominal || (s.kind == Np::Name && s.last == s.first + 1 && !role_word(s.first) && !title_word(s.first))) {
        for (uint32_t pp = pp_object(s.last, cue, s.last); pp > s.last; pp = pp_object(s.last, cue, pp))
          if (verb_next(pp)) return {Np::Nominal, s.first, pp, 0, 0};
      }
      uint32_t nx = s.last;
      while (nx < cue && word(nx) && lx.adverbs->count(low(nx))) ++nx;
      if (p == lo && s.kind == Np::Name && nx < cue && punct(nx, ',')) return s; // 'X, the chair, was …'
    }
    return {};
  }

  // Appositive-aware subject before a verb at `cue`: 'X, a researcher at Y,
  // said' or 'the company's chief executive, Dr. Y, said'.
  Subject subject_before(uint32_t cue, uint32_t lo) const {
    uint32_t j = skip_adverbs_back(cue, lo);
    if (j > lo + 1 && word(j - 1) && (low(j - 1) == "who" || low(j - 1) == "which")) {
      // A relative clause: 'Barack Obama, who called …' — the mention is
      // 'who', the speaker its antecedent name.
      uint32_t w = j - 1, a = w;
      if (punct(a - 1, ',')) --a;
      Subject ante = np_before(a, lo);
      if (ante.kind == Np::Name) return {Np::Name, w, w + 1, ante.role_first, ante.role_last, ante.first, ante.last};
      // A common noun set off by a comma ('said one Democrat …, who added'):
      // 'who' again, the phrase as its role; a restrictive clause ('a
      // general who suggested …') is no subject of its own.
      if (ante.kind == Np::Nominal && a < w) return {Np::Nominal, w, w + 1, ante.first, ante.last};
      return {};
    }
    if (j > lo + 1 && punct(j - 1, ',') && punct(j - 2, ')')) {
      // A party label set off by a comma: 'Gov. John Kasich (R-OH), said'
      // (capitalised words only, not an aside such as '(a Republican PAC)').
      bool label = true;
      uint32_t k = j - 2;
      for (; k > lo && j - 2 - k < 8 && !punct(k - 1, '('); --k)
        if (word(k - 1) && !is_upper(c0(k - 1))) label = false;
      Subject s = label && k > lo && punct(k - 1, '(') ? np_before(j - 1, lo) : Subject{};
      if (s.kind == Np::Name) return s;
    }
    if (j > lo + 2 && !word(j - 1) && is_dash(c0(j - 1)) && !in_quote[j - 1]) {
      // An aside between dashes: 'Jason Sims — a teacher from Mount
      // Pleasant — says'.
      uint32_t close = j - 1, k = close;
      while (k > lo && close - k < kRoleTokens && !in_quote[k - 1] && !terminal(k - 1) &&
             !(!word(k - 1) && is_dash(c0(k - 1))))
        --k;
      if (k > lo + 1 && k < close && !word(k - 1) && is_dash(c0(k - 1))) {
        Subject head = np_before(k - 1, lo);
        if (head.kind == Np::Name && head.role_last == 0) {
          head.role_first = k;
          head.role_last = close;
        }
        if (head.kind == Np::Name || head.kind == Np::Pronoun) return head;
      }
      return {};
    }
    if (j > lo && punct(j - 1, ',')) {
      uint32_t close = j - 1;
      uint32_t k = close;
      while (k > lo && close - k < kRoleTokens && !punct(k - 1, ',') && !in_quote[k - 1] &&
             !terminal(k - 1))
        --k;
      if (k > lo && punct(k - 1, ',') && k < close) {
        Subject head = np_before(k - 1, lo);
        Subject app = np_before(close, k);
        std::string first = low(k);
        bool clause = first == "who" || first == "which" || first == "whose" || first == "where";
        if (head.kind == Np::Name || head.kind == Np::Pronoun) {
          // The 'head' is itself inside a chain of commas ('Clinton, during
          // a meeting in Columbus, Ohio, said'; 'In Salem, New Hampshire,
          // Trump went after Bush, calling'): the clause's subject wins.
          Subject cs = clause_subject(lo, cue);
          // So is a 'head' that ends an opening phrase before a clause
          // ('Here in Columbia, Sanders stepped up …, saying').
          if ((cs.kind == Np::Name || cs.kind == Np::Pronoun) && cs.first != head.first &&
              ((head.first > lo && punct(head.first - 1, ',')) ||
               (cs.first < head.first && cs.last < cue && punct(cs.last, ',')) || cs.first == k))
            return cs;
        }
        if (head.kind == Np::Name || head.kind == Np::Pronoun) {
          if (head.role_last == 0 && !clause) {
            head.role_first = k;
            head.role_last = close;
          }
          return head;
        }
        if (head.kind == Np::Nominal && app.kind == Np::Name && app.first == k) {
          app.role_first = head.first;
          app.role_last = head.last;
          return app;
        }
        if (head.kind == Np::Nominal) return head;
      }
      return {};
    }
    return np_before(j, lo);
  }

  // Subject after an inverted verb: 'said Patrick Moorhead, founder of X'.
  Subject subject_after(uint32_t from, uint32_t hi, bool any_np = false) const {
    Subject s;
    if (from >= hi) return s;
    if (pronoun(from) && lx.pronouns.at(low(from)) != 'n') return {Np::Pronoun, from, from + 1, 0, 0};
    uint32_t j = from;
    // role prefix: 'said Y chief executive X'
    uint32_t e = from;
    while (e < hi && e - from < kNpTokens && word(e) && !in_quote[e] &&
           (name_token(e) || role_word(e) || title_word(e) || (cap(e) && !stopword(e))))
      ++e;
    if (e < hi && !any_np) {
      // Lower-case words of a role before the name ('said Republican
      // political consultant Chris Russell', 'said retired Army Lt. Gen.
      // X'): taken only when the phrase ends on a name.
      uint32_t k = from;
      while (k < hi && k - from < kNpTokens && word(k) && !in_quote[k] &&
             (name_token(k) || role_word(k) || title_word(k) || (cap(k) && !stopword(k)) ||
              plain_word(k) || (k > from && low(k) == "of" && k + 1 < hi && word(k + 1))))
        ++k;
      if (k > e && name_token(k - 1) && (k >= hi || !word(k) || !is_lower(c0(k)) || low(k) == "of"))
        e = k;
    }
    if (e == from) {
      // a common noun phrase: 'said a spokesperson for the company'; never
      // 'that' ('said that …').
      std::string w = low(from);
      if (!any_np && (!determiner(w) || w == "that")) return s;
      if (!word(from)) return s;
      uint32_t k = from + 1;
      while (k < hi && k - from < 6 && word(k) && !in_quote[k]) ++k;
      return {Np::Nominal, from, k, 0, 0};
    }
    // the name is the last run of name tokens in [from, e)
    uint32_t nb = e;
    while (nb > from && (name_token(nb - 1) || (title_word(nb - 1) && cap(nb - 1))) &&
           !(role_word(nb - 1) && !title_word(nb - 1)))
      --nb;
    if (nb == e) {
      // A role written before its name: 'said Rubio’s deputy campaign
      // manager, Rich Beeson'.
      if (e > from && e + 1 < hi && punct(e, ',') && role_word(e - 1)) {
        Subject app = np_after(e + 1, hi);
        if (app.kind == Np::Name && app.first == e + 1) {
          app.role_first = from;
          app.role_last = e;
          return app;
        }
      }
      return s;
    }
    s.kind = Np::Name;
    s.first = nb;
    s.last = e;
    if (nb > j) {
      s.role_first = j;
      s.role_last = nb;
    } else if (e + 1 < hi && punct(e, ',')) {
      uint32_t k = e + 1;
      std::string first = low(k);
      if (!(first == "who" || first == "which" || first == "whose")) {
        uint32_t r = k;
        while (r < hi && r - k < kRoleTokens && !in_quote[r] && !terminal(r) && !punct(r, ',') &&
               !punct(r, ';'))
          ++r;
        if (r > k) {
          s.role_first = k;
          s.role_last = r;
        }
      }
    }
    (void)j;
    return s;
  }

  // Subject of the main clause after a sentence-opening participle clause:
  // the first noun phrase after a comma (inside a quote or not) that is
  // followed by a lower-case verb-like word, within the sentence.
  Subject main_clause_subject(uint32_t from) const {
    uint32_t hi = std::min<uint32_t>(region_start[region_of[from > 0 ? from - 1 : 0] + 1],
                                     from + kFrameTokens);
    for (uint32_t k = from; k < hi; ++k)
      if (!in_quote[k] && terminal(k)) {
        hi = k;
        break;
      }
    for (uint32_t q = from + 1; q < hi; ++q) {
      if (in_quote[q] || !word(q)) continue;
      uint32_t b = q - 1;
      if (is_mark(b) && b > from) --b;
      if (!punct(b, ',')) continue;
      Subject s = np_after(q, hi);
      if (s.kind == Np::None) continue;
      uint32_t nx = s.last;
      while (nx < hi && word(nx) && (lx.adverbs->count(low(nx)) || ly_adverb(nx))) ++nx;
      if (nx < hi && word(nx) && is_lower(c0(nx)) && !determiner(low(nx)) &&
          !lx.not_before_verb->count(low(nx)) && low(nx) != "and" && low(nx) != "or")
        return s;
    }
    return {};
  }

  uint32_t sentence_first_token(uint32_t i) const {
    uint32_t si = doc.sentence_at(toks[i].start);
    if (si < doc.sentences.size()) return std::min<uint32_t>(doc.sentences[si].first_token, i);
    return 0;
  }

  void find_cues() {
    event_at.assign(ntok, kNone);
    for (uint32_t i = 0; i < ntok; ++i) {
      if (in_quote[i]) continue;
      uint32_t end = 0;
      const std::string *lemma = cue_at(i, &end);
      if (!lemma || !(is_lower(c0(i)) || i == sentence_first_token(i))) continue;
      // After a determiner or a preposition the word is a noun ('his home
      // state', 'the call').
      if (i > 0 && word(i - 1) && !in_quote[i - 1]) {
        std::string prev = low(i - 1);
        if (lx.not_before_verb->count(prev)) continue;
        if (prev.size() > 2 && prev.compare(prev.size() - 2, 2, "'s") == 0 && !pronoun(i - 1)) continue;
      }
      // A cue after a participle-less 'to' (to say) or 'will' keeps its subject.
      uint32_t lo = std::max(sentence_first_token(i), i > 40 ? i - 40 : 0);
      lo = after_dateline(std::max(lo, region_start[region_of[i]]), i);
      Event ev;
      ev.cue = i;
      ev.cue_end = end;
      ev.lemma = *lemma;
      uint32_t hi_sent = std::min<uint32_t>(region_start[region_of[i] + 1], end + kNpTokens + kRoleTokens);
      for (uint32_t k = end; k < hi_sent; ++k)
        if (in_quote[k] || terminal(k)) {
          hi_sent = k;
          break;
        }
      std::string form = low(i);
      bool gerund = form.size() > 4 && form.compare(form.size() - 3, 3, "ing") == 0;
      if (*lemma == "according to") ev.subj = subject_after(end, hi_sent, true);
      else if (gerund) {
        ev.subj = subject_before(i, lo);
        if (ev.subj.kind != Np::Name && ev.subj.kind != Np::Pronoun) {
          // 'with many marchers and spectators chanting “…”': the noun
          // phrase after 'with' is the participle's own subject.
          uint32_t w = i;
          while (w > lo && i - w < 7 && word(w - 1) && !in_quote[w - 1] && low(w - 1) != "with" &&
                 (plain_word(w - 1) || name_token(w - 1) || title_word(w - 1) ||
                  determiner(low(w - 1)) || quantifier(low(w - 1)) || low(w - 1) == "and"))
            --w;
          if (w > lo && w < i && word(w - 1) && low(w - 1) == "with" && low(w) != "and") {
            Subject np = np_before(i, w);
            ev.subj = np.kind == Np::Name && np.first == w ? np : Subject{Np::Nominal, w, i, 0, 0};
          } else {
            ev.subj = clause_subject(lo, i);
          }
        }
        // '“…,” he said, adding, “…”': the subject of the verb just before.
        if (i > 1 && punct(i - 1, ',') && !events.empty()) {
          const Event &pv = events.back();
          bool near = pv.cue_end < i && i - pv.cue_end <= 6 && pv.subj.kind != Np::None &&
                      sentence_first_token(pv.cue) == sentence_first_token(i);
          for (uint32_t k = pv.cue_end; near && k + 1 < i; ++k)
            if (in_quote[k] || (!word(k) && !punct(k, ','))) near = false;
          if (near) ev.subj = pv.subj;
        }
        // '… with Trump tweeting that it was a “…” and asking, “…”': a
        // participle coordinated with an earlier one of its sentence shares
        // its subject.
        if (i > 1 && word(i - 1) && low(i - 1) == "and" && !events.empty()) {
          const Event &pv = events.back();
          const std::string &pf = low(pv.cue);
          bool pv_gerund = pf.size() > 4 && pf.compare(pf.size() - 3, 3, "ing") == 0;
          if (pv_gerund && pv.subj.kind != Np::None && pv.cue_end < i && i - pv.cue_end <= kFrameTokens &&
              sentence_first_token(pv.cue) == sentence_first_token(i))
            ev.subj = pv.subj;
        }
      } else {
        ev.subj = subject_before(i, lo);
        if (ev.subj.kind == Np::None) ev.subj = clause_subject(lo, i);
      }
      if (ev.subj.kind == Np::None && !gerund && *lemma != "according to" && i > lo &&
          punct(i - 1, ',')) {
        // Inverted after a clause: '“…” if she lost, said David Wasserman'.
        Subject sub = subject_after(end, hi_sent);
        if (sub.kind == Np::Name || sub.kind == Np::Nominal) ev.subj = sub;
      }
      // Inverted: right after a closing mark ('”, said X' / '” said X').
      uint32_t p = i;
      if (p > 0 && punct(p - 1, ',')) --p;
      bool after_mark = p > 0 && in_quote[p - 1] && is_mark(p - 1);
      bool initial_cue = is_upper(c0(i)) && *lemma != "according to";
      if (initial_cue && gerund && !after_mark) {
        // A participle opening its sentence: 'Citing the attack, Will
        // urged …', 'Acknowledging that Trump “…,” though, Allen did …'.
        ev.subj = main_clause_subject(end);
      } else if ((after_mark || initial_cue) && *lemma != "according to" && !(gerund && after_mark)) {
        // (A participle is never inverted: '“…,” saying the city …' keeps
        // the subject of its clause.)
        ev.subj = subject_after(end, hi_sent);
        if (ev.subj.kind == Np::None) {
          // '”, he said' where the pronoun comes first is handled by
          // subject_before on the token after the mark, which is the cue
          // here, so nothing; a verb phrase such as 'said in a statement'
          // leaves the subject to context.
        }
      }
      if (ev.subj.kind == Np::Pronoun && lx.pronouns.at(low(ev.subj.first)) == 'n' &&
          !after_mark) {
        // 'it said' is a company or a document: keep it as a nominal.
        ev.subj.kind = Np::Nominal;
      }
      events.push_back(std::move(ev));
      event_at[i] = static_cast<uint32_t>(events.size() - 1);
      i = end - 1;
    }
  }

  // ---- pass 3: names and resolution

  std::string written(uint32_t a, uint32_t b) const {
    return encode_utf8(doc.view(toks[a].start, toks[b - 1].end));
  }

  bool org_like(uint32_t a, uint32_t b) const {
    for (uint32_t i = a; i < b; ++i)
      if (word(i) && lx.orgs->count(low(i))) return true;
    return false;
  }

  struct Person {
    std::string name;
    uint32_t tok;
    uint32_t para;
    char gender; // 'm', 'f' or 0
  };
  std::vector<Person> mentioned;                 // person-like names, text order
  std::unordered_map<std::string, char> gender_of; // canonical -> 'm'/'f'

  // Regions written in Title Case (headlines: 'Hillary Clinton Says No To
  // Fox News'): four words or more, none of four letters or more in lower
  // case. Their capitalised runs are no names.
  std::vector<uint8_t> title_case;
  bool find_title_case() {
    bool any = false;
    uint32_t nregions = static_cast<uint32_t>(region_start.size()) - 1;
    title_case.assign(nregions, 0);
    for (uint32_t r = 0; r < nregions; ++r) {
      uint32_t words = 0;
      bool lower = false;
      for (uint32_t k = region_start[r]; k < region_start[r + 1] && !lower; ++k) {
        if (!word(k) || in_quote[k]) continue;
        ++words;
        lower = is_lower(c0(k)) && len(k) >= 4;
      }
      title_case[r] = !lower && words >= 4;
      any = any || title_case[r];
    }
    return any;
  }

  void collect_names() {
    bool have_persons = false;
    // An article names the same entity many times: clean each distinct
    // (type, text) once. Every mention is still added (NameIndex counts).
    std::unordered_map<std::string, std::string> cleaned;
    auto clean_once = [&](const std::string &text, const char *type) -> const std::string & {
      std::string key = std::string(type) + '\x1f' + text;
      auto it = cleaned.find(key);
      if (it == cleaned.end()) it = cleaned.emplace(std::move(key), clean_speaker_name(decode_utf8(text), type)).first;
      return it->second;
    };
    // Mentions inside a headline in Title Case are left out, and so is an
    // entity name that ran over one ('Mark Cuban Just Revealed Who …'): a
    // mention linked to it keeps its own text.
    bool any_title = find_title_case();
    std::unordered_set<std::string_view> body_names; // name words outside headlines, made on demand
    auto body_name = [&](uint32_t e) {
      if (body_names.empty())
        for (uint32_t k = 0; k < ntok; ++k)
          if (cap(k) && !title_case[region_of[k]] && name_token(k)) body_names.insert(low(k));
      return body_names.count(low(e)) > 0;
    };
    auto in_title = [&](const EntityMention &m) {
      return any_title && title_case[region_of[token_at(m.span.start)]] != 0;
    };
    std::unordered_set<std::string_view> title_entities;
    if (any_title)
      for (auto &m : entities)
        if (!m.entity.empty() && in_title(m)) title_entities.insert(m.entity);
    auto text_of = [&](const EntityMention &m) -> const std::string & {
      return m.entity.empty() || (!title_entities.empty() && title_entities.count(m.entity)) ? m.mention : m.entity;
    };
    for (auto &m : entities) {
      if (m.type == "PERSON") have_persons = true;
      if ((m.type == "PERSON" || m.type == "ORG") && !in_title(m))
        names.add(clean_once(text_of(m), m.type.c_str()), m.type);
    }
    // Capitalised runs of two words or more: candidate people (each
    // distinct run cleaned once).
    std::unordered_map<std::u32string_view, std::string> run_cleaned;
    auto clean_run = [&](std::u32string_view run) -> const std::string & {
      auto it = run_cleaned.find(run);
      if (it == run_cleaned.end()) it = run_cleaned.emplace(run, clean_speaker_name(run)).first;
      return it->second;
    };
    uint32_t i = 0;
    while (i < ntok) {
      if (!name_token(i) && !(cap(i) && title_word(i))) {
        ++i;
        continue;
      }
      uint32_t a = i;
      while (i < ntok && (name_token(i) || (cap(i) && title_word(i))) &&
             (i == a || (!toks[i].newline_before && toks[i].start <= toks[i - 1].end + 1)))
        ++i;
      if (title_case[region_of[a]]) {
        // In a headline only the first two or three words of a run, when
        // the text also writes the words after the first as names ('Jon
        // Cohen' of 'Jon Cohen Explains …'; initials pass).
        for (uint32_t e = a + 1; e < i && e < a + 3; ++e) {
          bool initial = len(e) == 2 && t[toks[e].end - 1] == '.';
          if (!initial && !body_name(e)) break;
          if (initial) continue;
          const std::string &nm = clean_run(doc.view(toks[a].start, toks[e].end));
          if (word_count(nm) >= 2) names.add(nm, "PERSON");
          break;
        }
        continue;
      }
      uint32_t n = a;
      while (n < i && (role_word(n) || title_word(n))) ++n;
      if (i - n >= 2 && i - n <= 4 && !org_like(n, i)) {
        std::string nm = clean_run(doc.view(toks[a].start, toks[i - 1].end));
        if (word_count(nm) >= 2) names.add(nm, "PERSON");
        char g = 0;
        for (uint32_t k = a; k < n; ++k) {
          std::string w = low(k);
          if (w == "mr." || w == "mr") g = 'm';
          if (w == "mrs." || w == "mrs" || w == "ms." || w == "ms" || w == "miss") g = 'f';
        }
        mentioned.push_back({nm, a, para_of[a], g});
      }
    }
    // Single words that are short forms of a full name seen ('Tsai').
    if (!have_persons) {
      std::vector<Person> singles;
      for (uint32_t k = 0; k < ntok; ++k) {
        if (!name_token(k) || (k > 0 && name_token(k - 1)) || (k + 1 < ntok && name_token(k + 1)))
          continue;
        std::string w = clean_speaker_name(doc.view(toks[k]));
        std::string full = names.canonical(w, "PERSON");
        if (full != w) singles.push_back({full, k, para_of[k], 0});
      }
      std::vector<Person> merged;
      std::merge(mentioned.begin(), mentioned.end(), singles.begin(), singles.end(),
                 std::back_inserter(merged),
                 [](const Person &a, const Person &b) { return a.tok < b.tok; });
      mentioned.swap(merged);
    }
    if (have_persons) {
      mentioned.clear();
      for (auto &m : entities)
        if (m.type == "PERSON" && !in_title(m)) {
          uint32_t tok = token_at(m.span.start);
          mentioned.push_back({names.canonical(clean_once(text_of(m), "PERSON"), "PERSON"), tok, para_of[tok], 0});
        }
    }
  }

  uint32_t token_at(uint32_t pos) const {
    auto it = std::lower_bound(toks.begin(), toks.end(), pos,
                               [](const Token &k, uint32_t p) { return k.end <= p; });
    if (it == toks.end()) return ntok ? ntok - 1 : 0;
    return static_cast<uint32_t>(it - toks.begin());
  }

  // Canonical name of a named subject: its fullest form in the NameIndex.
  std::string canonical_of(const Subject &sub) const {
    Subject s = sub;
    if (s.ref_last > s.ref_first) { // 'Barack Obama, who called …'
      s.first = s.ref_first;
      s.last = s.ref_last;
    }
    uint32_t b = toks[s.first].start, e = toks[s.last - 1].end;
    // The type comes from ext/data/org_words.txt rather than the tagger,
    // which may read 'Budget Director Alan Pruitt' as one ORG.
    const char *type = org_like(s.first, s.last) ? "ORG" : "PERSON";
    return names.canonical(clean_speaker_name(doc.view(b, e), type), type);
  }

  void resolve() {
    struct Last {
      std::string name;
      uint32_t para = 0;
      bool set = false;
      uint32_t sentence = UINT32_MAX; // where a named attribution set it
    } last;
    size_t mi = 0;
    std::vector<const Person *> recent;
    std::vector<Event *> order;
    for (auto &e : events) order.push_back(&e);
    for (auto &e : synthetic) order.push_back(&e);
    std::stable_sort(order.begin(), order.end(), [](const Event *a, const Event *b) {
      return std::min(a->cue, a->subj.first) < std::min(b->cue, b->subj.first);
    });
    for (Event *evp : order) {
      Event &ev = *evp;
      uint32_t para = para_of[ev.cue];
      while (mi < mentioned.size() && mentioned[mi].tok < ev.cue) {
        recent.push_back(&mentioned[mi]);
        if (mentioned[mi].gender) gender_of[names.canonical(mentioned[mi].name, "PERSON")] = mentioned[mi].gender;
        ++mi;
      }
      if (ev.subj.kind == Np::Name) {
        ev.speaker = canonical_of(ev.subj);
        ev.confidence = 0.9;
        uint32_t nf = ev.subj.ref_last ? ev.subj.ref_first : ev.subj.first;
        uint32_t nl = ev.subj.ref_last ? ev.subj.ref_last : ev.subj.last;
        if (!org_like(nf, nl) && nl - nf >= 1) {
          last = {*ev.speaker, para, true, doc.sentence_at(toks[ev.cue].start)};
        }
      } else if (ev.subj.kind == Np::Pronoun) {
        const std::string &pw = low(ev.subj.first);
        // a possessive ('his remark that “…”') has the gender of its pronoun
        char g = pw == "his" ? 'm' : pw == "her" ? 'f' : pw == "their" ? 'p' : pw == "its" ? 'n' : lx.pronouns.at(pw);
        ev.confidence = 0.5;
        if (g != 'm' && g != 'f') continue;
        auto compatible = [&](const std::string &n) {
          auto it = gender_of.find(n);
          return it == gender_of.end() || it->second == g;
        };
        std::optional<std::string> prev_subject =
            previous_sentence_subject(ev.subj.first, last.set ? last.sentence : UINT32_MAX, last.name);
        // A new paragraph naming one person before 'He said' ('The
        // committee's top Republican, Sen. Ted Cruz, voted against the
        // bill. He said …'): that person, not the speaker of an earlier
        // paragraph.
        std::optional<std::string> named_before;
        if (!prev_subject && (!last.set || last.para != para)) {
          const uint32_t si = doc.sentence_at(toks[ev.subj.first].start);
          for (size_t k = recent.size(); k-- > 0 && !named_before;) {
            if (recent[k]->para != para) break;
            const uint32_t sk = doc.sentence_at(toks[recent[k]->tok].start);
            if (sk + 1 < si) break;
            if (sk + 1 != si || in_quote[recent[k]->tok]) continue;
            std::string n = names.canonical(recent[k]->name, "PERSON");
            if (compatible(n)) named_before = n;
          }
        }
        if (prev_subject && compatible(*prev_subject)) {
          ev.speaker = prev_subject;
        } else if (named_before) {
          ev.speaker = named_before;
        } else if (last.set && para - last.para <= 2 && compatible(last.name)) {
          ev.speaker = last.name;
        } else {
          for (size_t k = recent.size(); k-- > 0;) {
            if (para - recent[k]->para > 1) break;
            std::string n = names.canonical(recent[k]->name, "PERSON");
            if (compatible(n)) {
              ev.speaker = n;
              break;
            }
          }
        }
        if (ev.speaker) {
          ev.confidence = 0.75;
          gender_of.emplace(*ev.speaker, g);
          last = {*ev.speaker, para, true};
        }
      } else if (ev.subj.kind == Np::Nominal) {
        ev.confidence = 0.8;
      }
    }
  }

  // The person named as the subject of the sentence before the one holding
  // token `tok`, in the same paragraph ('Hale rejected the criticism. “…,”
  // he said.'); sentences that open inside a quote are passed over unless
  // they hold the last named attribution (`named_sentence`, `named`:
  // 'Critics are less sure. “…,” said Edwin Lyman. He warned …' is Lyman).
  std::optional<std::string> previous_sentence_subject(uint32_t tok, uint32_t named_sentence,
                                                       const std::string &named) const {
    uint32_t si = doc.sentence_at(toks[tok].start);
    for (int hops = 0; hops < 3 && si > 0; ++hops) {
      --si;
      const Sentence &sn = doc.sentences[si];
      if (sn.first_token >= ntok || para_of[sn.first_token] != para_of[tok]) return std::nullopt;
      if (in_quote[sn.first_token]) {
        if (si == named_sentence) return named;
        continue;
      }
      Subject sub = clause_subject(sn.first_token, std::min<uint32_t>(sn.end_token, tok));
      if (sub.kind != Np::Name || org_like(sub.first, sub.last)) return std::nullopt;
      return canonical_of(sub);
    }
    return std::nullopt;
  }

  // ---- pass 4: quotes

  // A subject that is a relative pronoun ('who', 'which').
  bool relative(const Subject &s) const {
    return s.kind != Np::None && (s.ref_last > s.ref_first || low(s.first) == "who" || low(s.first) == "which");
  }

  // Frame of a candidate: tokens [lb, open) and (close, re).
  void frame(size_t ci, uint32_t *lb, uint32_t *re) const {
    const Candidate &c = cands[ci];
    uint32_t rb = region_start[c.region];
    uint32_t lo = rb;
    if (ci > 0 && cands[ci - 1].region == c.region && cands[ci - 1].close_tok != kNone)
      lo = std::max(lo, cands[ci - 1].close_tok + 1);
    uint32_t a = c.open_tok;
    while (a > lo && c.open_tok - a < kFrameTokens && !terminal(a - 1)) --a;
    *lb = a;
    if (c.close_tok == kNone) {
      *re = c.close_tok;
      return;
    }
    uint32_t hi = region_start[c.region + 1];
    if (ci + 1 < cands.size() && cands[ci + 1].region == c.region) hi = std::min(hi, cands[ci + 1].open_tok);
    uint32_t b = c.close_tok + 1;
    // A quote that ended its own sentence ('… now.” The next …') has no
    // right frame unless the text goes on in lower case ('?” asked X').
    char32_t last_in = c.content.end > 0 ? t[toks[c.close_tok].start - 1] : U' ';
    if (is_terminal_cp(last_in) && b < hi && !is_lower(c0(b)) && !punct(b, ',')) {
      // … unless a short attribution follows ('?” Smith said.'): a cue
      // within a few words, ending its sentence or a clause.
      uint32_t k = b;
      while (k < hi && k - b < kNpTokens && event_at[k] == kNone && !terminal(k)) ++k;
      bool attribution = false;
      if (k < hi && event_at[k] != kNone) {
        const Event &ev = events[event_at[k]];
        uint32_t after = ev.cue_end;
        std::string nx = after < hi && word(after) ? low(after) : std::string();
        // 'ask' and 'tell' take an object ('?” Todd asked the mogul.'); a
        // weekday may follow any verb ('?” Todd said Friday.').
        bool takes_object = ev.lemma == "ask" || ev.lemma == "tell";
        // '“…” He added, “…”': the verb introduces the next quote.
        bool introduces = after + 1 < ntok && (punct(after, ',') || punct(after, ':')) &&
                          in_quote[after + 1] && is_mark(after + 1);
        // The subject may start with a title or role ('?” Sen. Glenn
        // Thompson said').
        uint32_t sb = ev.subj.first;
        if (ev.subj.role_last > ev.subj.role_first) sb = std::min(sb, ev.subj.role_first);
        while (sb > b && sb - b <= 3 && (title_word(sb - 1) || punct(sb - 1, '.'))) --sb;
        attribution = !introduces && ev.subj.kind != Np::None && sb == b &&
                      (after >= hi || !word(after) || takes_object || weekday(after) ||
                       (is_lower(c0(after)) && nx != "that" && !determiner(nx) && !pronoun(after)));
      }
      if (!attribution) {
        *re = b;
        return;
      }
    }
    while (b < hi && b - c.close_tok < kFrameTokens && !terminal(b)) ++b;
    *re = b;
  }

  // The reporting clause that ends the sentence of a quote, set off by a
  // comma or a closing mark: '…, he said.', '…, said X, a pollster.',
  // '…, according to Y.' Null when the sentence ends otherwise.
  const Event *final_attribution(const Candidate &c) const {
    if (c.close_tok == kNone) return nullptr;
    uint32_t hi = region_start[c.region + 1];
    const Event *last = nullptr;
    // A quote ending in '.', '?' or '!' before a capital ends the sentence.
    auto mark_ends = [&](uint32_t m) {
      return is_mark(m) && toks[m].start > 0 && is_terminal_cp(t[toks[m].start - 1]) && m + 1 < hi &&
             ((word(m + 1) && !is_lower(c0(m + 1))) || is_mark(m + 1));
    };
    if (mark_ends(c.close_tok)) return nullptr;
    uint32_t k = c.close_tok + 1;
    for (; k < hi && k - c.close_tok < kFrameTokens; ++k) {
      if (!in_quote[k] && terminal(k)) break;
      if (in_quote[k] && mark_ends(k)) return nullptr;
      if (!in_quote[k] && event_at[k] != kNone) {
        const Event &e = events[event_at[k]];
        if (e.subj.kind != Np::None) last = &e;
      }
    }
    if (!last || k >= hi || k - c.close_tok >= kFrameTokens) return nullptr;
    const Subject &s = last->subj;
    uint32_t start = std::min(last->cue, s.first), end = std::max(last->cue_end, s.last);
    if (s.role_last > s.role_first) {
      start = std::min(start, s.role_first);
      end = std::max(end, s.role_last);
    }
    if (start > c.close_tok + 1 && word(start - 1) && low(start - 1) == "the") --start; // 'the Sentinel'
    // Right after the closing mark only a clause naming where the words were
    // read ('…,” according to the report.', '…,” the Sentinel reported.').
    bool sourcing = last->lemma == "according to" || last->lemma == "report";
    if (start <= c.close_tok || (start == c.close_tok + 1 && !sourcing) || end > k || k - end > 3)
      return nullptr;
    // Right after another quote ('…, “…,” he said.'), the clause is that
    // quote's.
    uint32_t before = start - 1;
    if (before > c.close_tok && punct(before, ',')) --before;
    if (before > c.close_tok && in_quote[before]) return nullptr;
    if (!(punct(start - 1, ',') || (in_quote[start - 1] && is_mark(start - 1)))) return nullptr;
    for (uint32_t j = end; j < k; ++j) // 'on Monday', ', on Monday'
      if ((!word(j) && !punct(j, ',')) || in_quote[j]) return nullptr;
    return last;
  }

  // Title of a work: Title Case words after 'titled', 'entitled'.
  bool title_of_work(const Candidate &c) const {
    if (c.open_tok == 0) return false;
    uint32_t p = c.open_tok - 1;
    std::string w = word(p) ? low(p) : std::string();
    return w == "titled" || w == "entitled" || w == "headlined" || w == "so-called" ||
           w == "dubbed" || w == "nicknamed";
  }

  // The word before the quote is a verb of naming ('calls', 'termed').
  bool named_term(const Candidate &c) const {
    if (c.open_tok == 0 || !word(c.open_tok - 1)) return false;
    static const auto &kNaming = resource_set("naming_verbs.txt");
    if (!kNaming.count(low(c.open_tok - 1))) return false;
    // Named by a thing, not a person: 'which it calls', 'what is called',
    // 'the so-called' (a person's naming is a partial quote in news: 'what
    // Trump called “a witch hunt”').
    if (c.open_tok < 2 || !word(c.open_tok - 2)) return false;
    const std::string &b = low(c.open_tok - 2);
    return b == "it" || b == "which" || b == "is" || b == "are" || b == "was" || b == "be" || b == "been" ||
           b == "often" || b == "sometimes" || b == "also";
  }

  uint32_t words_in(const Candidate &c) const {
    uint32_t n = 0;
    uint32_t end = c.close_tok == kNone ? region_start[c.region + 1] : c.close_tok;
    for (uint32_t i = c.open_tok + 1; i < end; ++i) n += word(i);
    return n;
  }

  std::vector<Quote> run() {
    std::vector<Quote> out;
    if (ntok == 0) return out;
    build_regions();
    pair_marks();
    if (cands.empty()) return out;
    lows.reserve(ntok);
    for (uint32_t i = 0; i < ntok; ++i) lows.push_back(lower_utf8(doc.view(toks[i])));
    find_plain_caps();
    mark_quoted();
    find_cues();
    collect_names();

    std::vector<const Event *> chosen(cands.size(), nullptr);
    std::vector<bool> keep(cands.size(), false), partial(cands.size(), false),
        context(cands.size(), false);
    std::vector<const Event *> last_resort(cands.size(), nullptr);
    for (size_t ci = 0; ci < cands.size(); ++ci) {
      const Candidate &c = cands[ci];
      uint32_t lb = 0, re = kNone;
      frame(ci, &lb, &re);
      uint32_t rs = c.close_tok == kNone ? kNone : c.close_tok + 1;
      // Right: '”, X said' / '” said X' — the cue within a few words.
      const Event *right = nullptr, *right_far = nullptr;
      bool governed = false;
      if (rs != kNone) {
        uint32_t k = rs;
        if (k < re && (punct(k, ',') || is_dash(c0(k)))) ++k;
        for (uint32_t i = k; i < re; ++i) {
          if (event_at[i] == kNone) continue;
          const Event &ev = events[event_at[i]];
          // '“…,” referring to …': a participle whose subject stands before
          // the quote attributes nothing after it.
          if (ev.subj.kind != Np::None && ev.subj.first < c.open_tok) {
            governed = i == k; // still no scare quote ('deemed “…,” saying')
            break;
          }
          if (!right_far) right_far = &ev;
          uint32_t subj_start = ev.subj.role_last ? std::min(ev.subj.role_first, ev.subj.first) : ev.subj.first;
          bool adjacent = (ev.subj.kind != Np::None && subj_start >= k && subj_start <= k + 2) || i == k;
          if (!adjacent && subj_start > k && ev.subj.last <= i && subj_start - k <= kNpTokens &&
              (ev.subj.kind == Np::Name ||
               (ev.subj.kind == Np::Nominal && word(k) && determiner(low(k))))) {
            // A longer role before the name: '“…,” former State policy
            // planning director Anne-Marie Slaughter wrote', or a noun
            // phrase cut at 'and' ('the Florida senator and Republican
            // presidential candidate said').
            adjacent = true;
            // (coordinate adjectives: 'the bespectacled, 71-year-old diplomat')
            for (uint32_t w = k; w < subj_start; ++w)
              if ((!word(w) && !(ev.subj.kind == Np::Nominal && w > k && punct(w, ','))) || in_quote[w] ||
                  (word(w) && !is_lower(c0(w)) && !cap(w) && !is_digit(c0(w))))
                adjacent = false;
            if (adjacent && ev.subj.kind == Np::Nominal && i - k <= kNpTokens + kRoleTokens) {
              Event e = ev; // the whole phrase is the mention
              e.subj.first = k;
              synthetic.push_back(std::move(e));
              right = &synthetic.back();
              break;
            }
          }
          if (adjacent && i - k <= kNpTokens + kRoleTokens) right = &ev;
          if (!adjacent && i - k <= kNpTokens + kRoleTokens) {
            // '“…,” Nate Silver, the polling guru who founded X tweeted': an
            // appositive without its closing comma hides the name.
            Subject sub = np_after(k, i);
            if (sub.kind == Np::Name && sub.last < i && punct(sub.last, ',') &&
                (ev.subj.kind == Np::None || ev.subj.first > sub.last)) {
              right = &attribute_from_context(sub, ev.lemma);
            }
          }
          break;
        }
      }
      auto word_before = [&](uint32_t i) {
        while (i > 0 && punct(i - 1, ',')) --i;
        return i > 0 && word(i - 1) ? low(i - 1) : std::string();
      };
      auto starts = [&](const Event *e) {
        return e->subj.role_last ? std::min(e->subj.role_first, e->subj.first) : e->subj.first;
      };
      static const WordSet kSubordinate{
          "when", "after", "while", "although", "though", "as", "if", "before", "since",
          "once", "until", "because", "whether"};
      static const WordSet kHolds{"while", "although", "after", "whom", "who"};
      auto comma_between = [&](uint32_t a, uint32_t b) {
        for (uint32_t k = a; k < b; ++k)
          if (!in_quote[k] && punct(k, ',')) return true;
        return false;
      };
      auto subordinate = [&](const Event *e) {
        return e->subj.kind != Np::None && kSubordinate.has(word_before(starts(e)));
      };
      // Left: 'X said: “…”', 'X said in a statement, “…”', 'X said the … “…”'.
      const Event *left = nullptr, *outer = nullptr;
      bool left_frame = false;
      for (uint32_t i = c.open_tok; i > lb; --i) {
        uint32_t k = i - 1;
        if (event_at[k] == kNone) continue;
        const Event *e = &events[event_at[k]];
        if (!left) {
          left = e;
          uint32_t last = c.open_tok - 1;
          left_frame = left->cue_end == c.open_tok || punct(last, ',') || punct(last, ':');
        }
        // A relative clause before a nearer verb is embedded in its
        // antecedent's phrase ('Petrilli, who thinks …, called the law
        // “…”'): it governs nothing after it.
        if (e != left && relative(e->subj)) continue;
        // A subordinate clause ends the search: before a nearer verb it is
        // an adverbial of that verb's clause ('While Trump argued …, Rubio
        // said only that his “…”'); as the nearest verb it holds the quote
        // ('Axelrod tweeted after Clinton argued that “…”').
        if (e != left && subordinate(e) && comma_between(e->cue_end, starts(left))) break;
        if (e->subj.kind == Np::Name || e->subj.kind == Np::Pronoun ||
            (e->subj.kind != Np::None && (!outer || outer->subj.kind == Np::Pronoun)))
          outer = e;
      }
      // A fragment's sentence may hold earlier quotes ('Trump has hailed the
      // vote as “fantastic,” telling reporters that he thinks it is “…”',
      // 'He told ABC’s “GMA” that he agrees Trump is a “…”'): the outer
      // verb is looked for before them too, up to the sentence start.
      // Not past a clause of its own ('…, and Trump vowed to “…”', '…, but
      // he also noted the “…”', 'whom he described as “…”').
      auto own_clause = [&](const Event *e) {
        if (!e || (e->subj.kind != Np::Name && e->subj.kind != Np::Pronoun)) return false;
        std::string w = word_before(e->subj.first);
        static const std::unordered_set<std::string> kStop = {
            "and", "but", "while", "as", "yet", "or", "who", "whom", "which", "whose"};
        return kStop.count(w) > 0 || low(e->subj.first) == "who";
      };
      const Event *frame_outer = outer;
      uint32_t xlb = own_clause(outer) ? c.open_tok : lb;
      for (size_t pj = ci; pj > 0 && ci - pj < kMaxDepth;) {
        const Candidate &p = cands[pj - 1];
        if (p.region != c.region || p.close_tok == kNone || p.close_tok + 1 != xlb) break;
        uint32_t pe = toks[p.close_tok].start;
        while (pe > p.content.start && is_space(t[pe - 1])) --pe;
        char32_t last_in = pe > 0 ? t[pe - 1] : U' ';
        if (is_terminal_cp(last_in) && !(xlb < c.open_tok && word(xlb) && is_lower(c0(xlb)))) break;
        uint32_t lo = region_start[c.region];
        if (pj > 1 && cands[pj - 2].region == c.region && cands[pj - 2].close_tok != kNone)
          lo = std::max(lo, cands[pj - 2].close_tok + 1);
        uint32_t a = p.open_tok;
        while (a > lo && c.open_tok - a < kFrameTokens && !terminal(a - 1)) --a;
        if (a == p.open_tok) break;
        for (uint32_t k = xlb; k-- > a;) {
          if (in_quote[k] || event_at[k] == kNone) continue;
          const Event *e = &events[event_at[k]];
          // 'a clip that X called “…”': a relative clause naming the quote.
          std::string wb = e->subj.kind == Np::None ? std::string() : word_before(e->subj.first);
          if (e->lemma == "call" || wb == "that" || wb == "which" || wb == "whom") continue;
          if (e->subj.kind == Np::Name || e->subj.kind == Np::Pronoun ||
              (e->subj.kind != Np::None && (!outer || outer->subj.kind == Np::Pronoun)))
            outer = e;
        }
        xlb = a;
        --pj;
        if (a != lo) break;
      }
      bool initial = lb == c.open_tok;
      bool colon = c.open_tok > lb && punct(c.open_tok - 1, ':');
      char32_t end_in = U' ';
      if (c.close_tok != kNone) {
        uint32_t p = toks[c.close_tok].start;
        while (p > c.content.start && is_space(t[p - 1])) --p;
        end_in = p > 0 ? t[p - 1] : U' ';
      }
      bool ends_like_speech = c.close_tok == kNone || end_in == ',' || is_terminal_cp(end_in) ||
                              is_dash(end_in) || end_in == ':';
      // Right after its verb a quote is direct ('Trump said “We will …”'),
      // but not a lower-case fragment the sentence goes on past ('had
      // promised “a new front door for the town” in 2021').
      const bool fragment_after_verb = left && left_frame && !colon && !ends_like_speech &&
                                       is_lower(t[c.content.start]) && !c.continued;
      bool direct = (initial && (ends_like_speech || right)) || colon || (left && left_frame) ||
                    c.continued;
      if (c.close_tok == kNone && !initial && !colon && !(left && left_frame) && !c.continued) {
        // An unclosed mark inside the writer's sentence: a stray mark.
        continue;
      }
      if (title_of_work(c)) continue;
      // A term the writer names with a naming verb ('agents, which it
      // calls “colleagues”,', 'what it terms “alignment”'): a word or two
      // ending without speech punctuation, not a quote.
      if (!ends_like_speech && words_in(c) <= 2 && named_term(c)) continue;
      const Event *ev = nullptr;
      auto has = [](const Event *e) { return e && e->subj.kind != Np::None; };
      // 'Obama said “…” every time he thinks about …': a verb introducing
      // the quote directly wins over a later clause that does not open
      // right after the closing mark.
      bool right_loose = right && rs != kNone && right->subj.kind != Np::None &&
                         std::min(right->cue, right->subj.first) > rs + (punct(rs, ',') ? 1u : 0u);
      bool left_tight = left && left->subj.kind != Np::None && left->cue_end == c.open_tok &&
                        !(right_loose && final_attribution(c)); // not before '…, Song wrote.'
      // 'Trump attacked Romney, calling him, “…!” Romney fired back in
      // March': a quote set off by a comma or colon after its verb and
      // ending its sentence is that verb's; the capitalised clause after
      // it opens a new sentence.
      bool left_intro = has(left) && left_frame && c.open_tok > 0 &&
                        (punct(c.open_tok - 1, ',') || punct(c.open_tok - 1, ':')) &&
                        is_terminal_cp(end_in) && has(right) && rs != kNone && rs < ntok && word(rs) &&
                        !is_lower(c0(rs));
      if (direct) {
        if (left_intro) ev = left;
        else if (has(right) && !(right_loose && left_tight)) ev = right;
        else if (has(right) && left_tight) ev = left;
        else if (!initial && !colon && (ev = final_attribution(c))) {
          // '…, saying “…,” CNN reported.'
        }
        else if (has(left)) {
          ev = left;
          // 'Benjamin said he believes “…”', 'McCain said that he was
          // referring to …, “…”': the outer speaker, unless the nearer verb
          // opens a clause of its own ('…, and Trump said “…”').
          static const std::unordered_set<std::string> kLeftOwn = {
              "and", "but", "yet", "or", "though", "although", "while", "as", "who", "whom", "which"};
          uint32_t ls = starts(left);
          bool left_own = (ls > 0 && punct(ls - 1, ',')) || kLeftOwn.count(word_before(ls)) > 0 ||
                          low(left->subj.first) == "who" || left->lemma == "call";
          // ', and when pressed, she replied': a new clause after a comma.
          for (uint32_t k = frame_outer ? frame_outer->cue_end : ls; !left_own && k + 1 < ls; ++k)
            if ((punct(k, ',') && word(k + 1) && (low(k + 1) == "and" || low(k + 1) == "but")) ||
                punct(k, ';'))
              left_own = true;
          if (frame_outer && frame_outer != left && frame_outer->cue < ls && !left_own &&
              !kSubordinate.has(word_before(starts(frame_outer))))
            ev = frame_outer;
        } else if (has(right_far) && right_far->subj.first > right_far->cue &&
                 right_far->subj.kind == Np::Name)
          ev = right_far; // '“…,” in contrast to …, says Dante Scala'
      } else {
        // A fragment belongs to the verb of its sentence: the one before it,
        // else one right after it.
        // The nearest verb opening a relative clause holds the fragment
        // ('…,” said Weaver, who said there are “…”').
        if (has(left) && relative(left->subj)) ev = left;
        // So does one opening a contrastive, temporal or relative clause of
        // its own ('Rubio suggested …, while Cruz said that the “…”',
        // 'Axelrod tweeted after Clinton argued that “…”', 'whom he
        // describes as having “…”').
        else if (has(left) && left != outer && kHolds.has(word_before(starts(left)))) ev = left;
        else if (has(outer)) ev = outer;
        else if (has(right)) ev = right;
        else if (has(right_far)) ev = right_far;
        // A reporting clause closing the sentence governs all of it ('… was
        // “…” as donors waited, he said.', '…, according to the report.').
        if (const Event *fin = final_attribution(c)) ev = fin;
      }
      if (!direct && words_in(c) <= 2 && !ends_like_speech && !left && !right && !governed) {
        // A short term not governed by a reporting verb: a scare quote
        // ('four “war rooms”', 'its “weights”').
        continue;
      }
      keep[ci] = true;
      partial[ci] = !direct || fragment_after_verb; // (the speaker is found as for a direct quote)
      chosen[ci] = ev && ev->subj.kind != Np::None ? ev : nullptr;
      if (!chosen[ci] && direct && rs != kNone && (end_in == ',' || end_in == '?' || end_in == '!') &&
          !right) {
        // '“…,” Toomey fumed': a verb missing from the lexicon, in the place
        // of one ('NAME verb' or 'verb NAME' right after the quote).
        uint32_t k = rs;
        if (k < re && punct(k, ',')) ++k;
        Subject sub = np_after(k, re);
        if (sub.kind != Np::None) {
          uint32_t v = sub.last;
          if (!(v < re && word(v) && is_lower(c0(v)) && !determiner(low(v)) && low(v) != "and" &&
                low(v) != "that"))
            sub = {};
        } else if (k < re && word(k) && is_lower(c0(k)) && low(k).size() > 3 &&
                   low(k).compare(low(k).size() - 2, 2, "ed") == 0) {
          sub = subject_after(k + 1, re);
          if (sub.kind != Np::Name) sub = {};
        }
        if (sub.kind != Np::None) {
          chosen[ci] = &attribute_from_context(sub);
        }
      }
      if (!chosen[ci] && direct && c.close_tok != kNone && c.close_tok + 2 < ntok) {
        // A signature line: '“…” ― Carla Sanchez.', or '- Hillary Clinton.'
        // opening the next paragraph.
        uint32_t k = c.close_tok + 1;
        if (k < ntok && punct(k, '.')) ++k;
        bool same = region_of[k] == c.region;
        bool next_para = region_of[k] == c.region + 1 && k == region_start[region_of[k]];
        if (k + 1 < ntok && (same || next_para) && toks[k].kind == TokenKind::Punct &&
            is_dash(c0(k))) {
          uint32_t hi = region_start[region_of[k] + 1];
          Subject sub = subject_after(k + 1, hi);
          uint32_t after = sub.last;
          if (sub.kind == Np::Name &&
              (after >= hi || punct(after, ',') || punct(after, '.') || punct(after, '('))) {
            chosen[ci] = &attribute_from_context(sub);
          }
        }
      }
      if (!chosen[ci] && direct && (c.close_tok == kNone || c.close_tok + 1 == region_start[c.region + 1]) &&
          c.region + 2 < region_start.size()) {
        // A pull quote signed on its own line inside the marks, ending the
        // paragraph: '"… stimulus. / Josh Bivens, Economic Policy
        // Institute."' — a name, an optional affiliation, no verb.
        uint32_t a = region_start[c.region + 1], hi = region_start[c.region + 2];
        bool ok = para_of[a] == para_of[c.open_tok] && (hi >= ntok || para_of[hi] != para_of[a]) &&
                  hi - a <= kNpTokens + 4 && word(a) && cap(a);
        uint32_t e = hi;
        while (ok && e > a && (is_mark(e - 1) || punct(e - 1, '.'))) --e;
        ok = ok && e < hi && punct(e, '.');
        for (uint32_t k = a; ok && k < e; ++k)
          if (event_at[k] != kNone || in_quote[k] || !(word(k) || punct(k, ','))) ok = false;
        Subject sub = ok ? subject_after(a, e) : Subject{};
        if (sub.kind == Np::Name && sub.first == a && (sub.last == e || punct(sub.last, ','))) {
          chosen[ci] = &attribute_from_context(sub);
        }
      }
      if (!chosen[ci] && colon) {
        // 'Pollsters agree - Carl Bialik: “…”', 'More from Jones: “…”'; not
        // the object of a preposition ('… broke down what was wrong to the
        // newspaper NRC Handelsblad: “…”', 'quoting X in Italian: “…”'),
        // which leaves the clause subject below.
        Subject sub = np_before(c.open_tok - 1, lb);
        uint32_t from = sub.role_last > sub.role_first ? std::min(sub.first, sub.role_first) : sub.first;
        // … back over a noun phrase before the name ('the Dutch newspaper').
        for (uint32_t k = from; k > lb + 1 && from - k < 4 && word(k - 1); --k) {
          if (determiner(low(k - 1))) {
            from = k - 1;
            break;
          }
          if (!plain_word(k - 1) && !cap(k - 1)) break;
        }
        static const WordSet kPrep{"to", "in", "on", "at", "with", "for", "by",
                                                             "about", "into", "of", "against"};
        if ((sub.kind == Np::Name || sub.kind == Np::Pronoun) &&
            !(from > lb && word(from - 1) && kPrep.has(low(from - 1)))) {
          chosen[ci] = &attribute_from_context(sub);
        }
      }
      if (!chosen[ci] && initial && c.open_tok == region_start[c.region] && c.open_tok > 0 &&
          punct(c.open_tok - 1, ':') && !in_quote[c.open_tok - 1]) {
        // A block quote after 'X issued the following statement:' ending
        // the paragraph before: the subject of that clause.
        uint32_t colon_tok = c.open_tok - 1;
        uint32_t from = sentence_first_token(colon_tok);
        if (colon_tok - from > kFrameTokens) from = colon_tok - kFrameTokens;
        Subject sub = clause_subject(from, colon_tok);
        if (sub.kind == Np::Name || sub.kind == Np::Pronoun || sub.kind == Np::Nominal) {
          chosen[ci] = &attribute_from_context(sub);
        }
      }
      if (!chosen[ci] && !direct && c.open_tok > lb + 1) {
        // A fragment after a noun of speech with a possessive: 'her remark
        // that “…”', 'his call for “…”', 'Trump’s claim that Obama “…”'.
        uint32_t k = c.open_tok;
        for (int skip = 0; skip < 2 && k > lb + 1 && !word(k - 1); ++skip) --k; // ','
        if (k > lb + 1 && word(k - 1) && (low(k - 1) == "of" || low(k - 1) == "for")) --k;
        // … or a that-clause holding the quote ('her claim that she “…”')
        for (uint32_t j = k; j > lb + 1 && k - j < 8; --j) {
          if (in_quote[j - 1] || event_at[j - 1] != kNone || punct(j - 1, ';')) break;
          if (word(j - 1) && low(j - 1) == "that") {
            k = j - 1;
            if (k > lb + 1 && punct(k - 1, ',')) --k;
            break;
          }
        }
        if (k > lb + 1 && word(k - 1) && !in_quote[k - 1] && lx.speech_nouns->count(low(k - 1))) {
          static const WordSet kMonths{"january", "february", "march",     "april",   "may",      "june",
                                       "july",    "august",   "september", "october", "november", "december"};
          uint32_t p = k - 1;
          for (int m = 0; m < 2 && p > lb && word(p - 1) && !in_quote[p - 1] &&
                          (plain_word(p - 1) || lx.time_nouns->count(low(p - 1)) || kMonths.has(low(p - 1))) &&
                          !determiner(low(p - 1));
               ++m)
            --p; // 'her March comment', 'his repeated call'
          if (p > lb && word(p - 1) && !in_quote[p - 1]) {
            const std::string &w = low(p - 1);
            Subject sub;
            if (w == "his" || w == "her" || w == "their") {
              sub = {Np::Pronoun, p - 1, p, 0, 0};
            } else if (cap(p - 1) && w.size() > 2 &&
                       (w.compare(w.size() - 2, 2, "'s") == 0 ||
                        (w.size() > 4 && w.compare(w.size() - 4, 4, "\xE2\x80\x99s") == 0))) {
              sub = np_before(p, lb);
              if (sub.kind != Np::Name) sub = {};
            }
            if (sub.kind != Np::None) chosen[ci] = &attribute_from_context(sub);
          }
        }
      }
      if (!chosen[ci] && !initial) {
        // No reporting verb with a subject: the subject of the writer's
        // clause ('Hillary Clinton’s slogan is “…”', 'He then turned to the
        // crowd: “…”').
        Subject sub = clause_subject(lb, c.open_tok);
        for (uint32_t k = lb; sub.kind == Np::None && k < lb + 2 && k + 1 < c.open_tok && word(k) &&
                              (kSubordinate.has(low(k)) || is_opener(low(k)));
             ++k)
          sub = clause_subject(k + 1, c.open_tok); // 'even if he reserved his passion for “…”'
        if (sub.kind != Np::None) {
          chosen[ci] = &attribute_from_context(sub);
        } else if (ci > 0 && cands[ci - 1].close_tok != kNone && cands[ci - 1].close_tok + 1 >= lb &&
                   lb > region_start[c.region]) {
          // The frame starts after an earlier quote of the sentence ('Fiorina
          // characterizes herself as a “…” who “…”'): the clause subject of
          // the sentence, when the context below finds no speaker.
          uint32_t from = std::max(sentence_first_token(c.open_tok), region_start[c.region]);
          if (c.open_tok - from <= kFrameTokens) sub = clause_subject(from, c.open_tok);
          if (sub.kind != Np::None) last_resort[ci] = &attribute_from_context(sub);
        }
      }
      context[ci] = !chosen[ci] || chosen[ci]->lemma.empty();
    }
    resolve();

    // Context: a later part of the same multi-paragraph quote, the previous
    // quote of the paragraph, the previous sentence's attribution.
    for (size_t ci = cands.size(); ci-- > 1;)
      if (keep[ci] && keep[ci - 1] && !chosen[ci - 1] && cands[ci - 1].continues && chosen[ci])
        chosen[ci - 1] = chosen[ci];
    size_t evi = 0;
    const Event *last_event = nullptr;
    for (size_t ci = 0; ci < cands.size(); ++ci) {
      const Candidate &c = cands[ci];
      while (evi < events.size() && events[evi].cue < c.open_tok) {
        // Not a relative clause ('said O'Donnell, who wrote about it. “…”'):
        // the sentence's attribution is its main verb.
        if (events[evi].subj.kind != Np::None &&
            !(relative(events[evi].subj) && last_event &&
              sentence_first_token(last_event->cue) == sentence_first_token(events[evi].cue)))
          last_event = &events[evi];
        ++evi;
      }
      if (!keep[ci] || chosen[ci]) continue;
      const Event *prev = nullptr;
      for (size_t k = ci; k-- > 0;) {
        if (!keep[k]) continue;
        if (para_of[cands[k].open_tok] + 1 >= para_of[c.open_tok] && chosen[k]) prev = chosen[k];
        // A reporting clause of this paragraph written after that quote
        // ('Clinton touted her record. “…”') is the nearer attribution.
        if (prev && last_event && last_event->cue > cands[k].open_tok &&
            para_of[last_event->cue] == para_of[c.open_tok])
          prev = last_event;
        break;
      }
      if (!prev && last_event && para_of[last_event->cue] + 1 >= para_of[c.open_tok] &&
          (cands[ci].open_tok == region_start[c.region] ||
           para_of[last_event->cue] == para_of[c.open_tok]))
        prev = last_event;
      if (prev && partial[ci] && para_of[prev->cue] != para_of[c.open_tok]) prev = nullptr;
      chosen[ci] = prev ? prev : last_resort[ci];
    }

    for (size_t ci = 0; ci < cands.size(); ++ci) {
      if (!keep[ci]) continue;
      const Candidate &c = cands[ci];
      Quote q;
      q.content = c.content;
      q.quote = doc.utf8(c.content.start, c.content.end);
      q.kind = partial[ci] ? "partial" : "direct";
      q.sentence_idx = doc.sentence_at(c.content.start);
      if (const Event *ev = chosen[ci]) {
        const Subject &s = ev->subj;
        q.speaker_span = Span{toks[s.first].start, toks[s.last - 1].end};
        q.speaker_mention = written(s.first, s.last);
        q.speaker = ev->speaker;
        if (s.role_last > s.role_first) {
          std::string role = written(s.role_first, s.role_last);
          for (const char *art : {"a ", "an "})
            if (role.rfind(art, 0) == 0) role = role.substr(std::char_traits<char>::length(art));
          q.speaker_role = role;
        }
        if (!ev->lemma.empty()) q.cue = ev->lemma;
        q.confidence = ev->confidence;
        if (context[ci]) q.confidence = std::min(q.confidence, 0.5);
      }
      out.push_back(std::move(q));
    }
    return out;
  }
};

} // namespace

std::vector<Quote> extract_quotes(const Document &doc, const std::vector<EntityMention> &entities) {
  Extractor x(doc, entities);
  return x.run();
}

} // namespace lede
