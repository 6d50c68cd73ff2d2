// claim_match.cpp — does a text support a claim? Scalar, evidence, and a
// search of the stored corpus.
//
//   SELECT claim_match('OpenAI loses $7 billion a year', text);          -- REAL in [0,1]
//   SELECT claim_match_explain('OpenAI loses $7 billion a year', text);  -- JSON evidence
//   SELECT article_id, sentence_idx, sentence, score
//     FROM claim_match('OpenAI loses $7 billion a year')                 -- corpus 'articles'
//    ORDER BY score DESC LIMIT 10;
//   SELECT * FROM claim_match('...', 'news');                            -- another corpus
//   SELECT sentence, stance FROM claim_match('...') WHERE stance = 'contradicts';
//
// Scalars: NULL in either argument gives NULL; a blob is an error naming
// the argument; numbers are read as their text. The claim's analysis is
// cached across rows with sqlite3_get_auxdata on argument 0, so scoring a
// column against one claim analyses the claim once.
//
// Table form schema given to sqlite3_declare_vtab:
//
//   CREATE TABLE x(article_id INTEGER, sentence_idx INTEGER, sentence TEXT,
//                  score REAL, claim HIDDEN, corpus HIDDEN, stance HIDDEN)
//
// `stance` ('supports', 'contradicts', 'neutral') is an output kept HIDDEN
// so that SELECT * shows the contract's four columns.
//
// xBestIndex plan (idxNum bits): 1 claim = ?, 2 corpus = ?; argv follows
// that order. An unusable claim constraint makes the plan unusable
// (SQLITE_CONSTRAINT); no claim at all is a named error in xFilter. Rows come
// best first, so ORDER BY score DESC is consumed.
//
// How the table form finds rows: the claim's heaviest words (each a quoted
// FTS5 string joined by OR, so no input reaches FTS5's syntax) select up to
// kCandidates articles from <corpus>_fts (one row per article body), ranked
// by lede_claim_bm25 — BM25 as FTS5's bm25() computes it, which also hands
// back each word's document frequency so the claim's term weights come from
// the corpus. Each sentence of those articles (cut from the body by the
// offsets in <corpus>_sentence) is scored with the scalar, its relevance
// blended with its article's BM25 divided by the BM25 of an article holding
// every query word once (0.6 sentence, 0.4 article: corpus evidence the
// scalar alone lacks; the core lets it count at most three times the
// sentence's own relevance, and weighs focus a little more here), and
// the rows are sorted by that score (ties by BM25). A contradiction still
// caps the score below 0.5. Pseudo-relevance feedback (claim_feedback)
// then raises the articles that say what the ten best say beyond the claim,
// never across 0.5. Articles that share no indexed word with the claim are
// never read.
#include "registry.hpp"

#include "raii.hpp"

#include "claim.hpp"
#include "text.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <vector>

namespace lede::sql {
namespace {

// ---- the parts of FTS5's public fts5.h used here (Debian's libsqlite3-dev
// ships no fts5.h; these layouts are fixed by FTS5's API version 2) --------
struct Fts5Context;
struct Fts5PhraseIter {
  const unsigned char *a;
  const unsigned char *b;
};
struct Fts5ExtensionApi {
  int iVersion;
  void *(*xUserData)(Fts5Context *);
  int (*xColumnCount)(Fts5Context *);
  int (*xRowCount)(Fts5Context *, sqlite3_int64 *pnRow);
  int (*xColumnTotalSize)(Fts5Context *, int iCol, sqlite3_int64 *pnToken);
  int (*xTokenize)(Fts5Context *, const char *pText, int nText, void *pCtx,
                   int (*xToken)(void *, int, const char *, int, int, int));
  int (*xPhraseCount)(Fts5Context *);
  int (*xPhraseSize)(Fts5Context *, int iPhrase);
  int (*xInstCount)(Fts5Context *, int *pnInst);
  int (*xInst)(Fts5Context *, int iIdx, int *piPhrase, int *piCol, int *piOff);
  sqlite3_int64 (*xRowid)(Fts5Context *);
  int (*xColumnText)(Fts5Context *, int iCol, const char **pz, int *pn);
  int (*xColumnSize)(Fts5Context *, int iCol, int *pnToken);
  int (*xQueryPhrase)(Fts5Context *, int iPhrase, void *pUserData,
                      int (*)(const Fts5ExtensionApi *, Fts5Context *, void *));
  int (*xSetAuxdata)(Fts5Context *, void *pAux, void (*xDelete)(void *));
  void *(*xGetAuxdata)(Fts5Context *, int bClear);
  int (*xPhraseFirst)(Fts5Context *, int iPhrase, Fts5PhraseIter *, int *, int *);
  void (*xPhraseNext)(Fts5Context *, Fts5PhraseIter *, int *piCol, int *piOff);
  int (*xPhraseFirstColumn)(Fts5Context *, int iPhrase, Fts5PhraseIter *, int *);
  void (*xPhraseNextColumn)(Fts5Context *, Fts5PhraseIter *, int *piCol);
};
using fts5_extension_function = void (*)(const Fts5ExtensionApi *, Fts5Context *, sqlite3_context *, int,
                                         sqlite3_value **);
struct fts5_api {
  int iVersion;
  int (*xCreateTokenizer)(fts5_api *, const char *, void *, void *, void (*)(void *));
  int (*xFindTokenizer)(fts5_api *, const char *, void **, void *);
  int (*xCreateFunction)(fts5_api *, const char *zName, void *pUserData, fts5_extension_function xFunction,
                         void (*xDestroy)(void *));
};

constexpr const char *kName = "claim_match";
constexpr const char *kStatsPtr = "lede_claim_stats"; // sqlite3_bind_pointer type
constexpr int kCandidates = 100;   // articles read from the index per query
constexpr size_t kQueryTerms = 32; // claim words put in the FTS5 query

// Column numbers of the table form.
enum Col { kArticleId, kSentenceIdx, kSentence, kScore, kClaim, kCorpus, kStance, kFeatures };
enum Plan { kHasClaim = 1, kHasCorpus = 2 };

// ---- lede_claim_bm25: FTS5's bm25 (k1 = 1.2, b = 0.75, one column), which
// also records each phrase's document frequency in the struct bound as its
// argument (pointer type kStatsPtr). -------------------------------------------
struct QueryStats {
  double rows = 0;
  std::vector<double> df; // per phrase
  bool filled = false;
};

struct Bm25Data {
  double avgdl = 1;
  std::vector<double> idf;
};

int count_hit(const Fts5ExtensionApi *, Fts5Context *, void *user) {
  ++*static_cast<sqlite3_int64 *>(user);
  return SQLITE_OK;
}

void bm25_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
             sqlite3_value **vals) noexcept {
  auto *data = static_cast<Bm25Data *>(api->xGetAuxdata(fts, 0));
  if (!data) {
    auto *d = new (std::nothrow) Bm25Data();
    if (!d) return sqlite3_result_error_nomem(ctx);
    sqlite3_int64 nrow = 0, ntok = 0;
    int rc = api->xRowCount(fts, &nrow);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &ntok);
    d->avgdl = nrow > 0 ? static_cast<double>(ntok) / static_cast<double>(nrow) : 1;
    int nphrase = api->xPhraseCount(fts);
    QueryStats *qs = nval > 0 ? static_cast<QueryStats *>(sqlite3_value_pointer(vals[0], kStatsPtr)) : nullptr;
    try {
      d->idf.resize(static_cast<size_t>(nphrase));
      if (qs) qs->df.assign(static_cast<size_t>(nphrase), 0);
    } catch (...) {
      delete d;
      return sqlite3_result_error_nomem(ctx);
    }
    for (int i = 0; rc == SQLITE_OK && i < nphrase; ++i) {
      sqlite3_int64 hits = 0;
      rc = api->xQueryPhrase(fts, i, &hits, count_hit);
      double idf = std::log((static_cast<double>(nrow - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
      d->idf[static_cast<size_t>(i)] = idf <= 0 ? 1e-6 : idf;
      if (qs) qs->df[static_cast<size_t>(i)] = static_cast<double>(hits);
    }
    if (qs) {
      qs->rows = static_cast<double>(nrow);
      qs->filled = rc == SQLITE_OK;
    }
    if (rc == SQLITE_OK) rc = api->xSetAuxdata(fts, d, [](void *p) { delete static_cast<Bm25Data *>(p); });
    else delete d;
    if (rc != SQLITE_OK) return sqlite3_result_error_code(ctx, rc);
    data = static_cast<Bm25Data *>(api->xGetAuxdata(fts, 0));
  }
  int ninst = 0, dl = 0;
  if (api->xInstCount(fts, &ninst) != SQLITE_OK || api->xColumnSize(fts, -1, &dl) != SQLITE_OK)
    return sqlite3_result_error_code(ctx, SQLITE_ERROR);
  // Phrase frequencies (claims are short lists of words: a small linear table).
  double freq[kQueryTerms + 1] = {0};
  for (int i = 0; i < ninst; ++i) {
    int ip = 0, ic = 0, io = 0;
    if (api->xInst(fts, i, &ip, &ic, &io) == SQLITE_OK && ip >= 0 && static_cast<size_t>(ip) < kQueryTerms) freq[ip] += 1;
  }
  const double k1 = 1.2, b = 0.75;
  double score = 0;
  for (size_t i = 0; i < data->idf.size() && i < kQueryTerms; ++i)
    if (freq[i] > 0)
      score += data->idf[i] * freq[i] * (k1 + 1) / (freq[i] + k1 * (1 - b + b * dl / data->avgdl));
  sqlite3_result_double(ctx, -score);
}

fts5_api *get_fts5_api(sqlite3 *db) {
  fts5_api *api = nullptr;
  sqlite3_stmt *st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api;
}

// ---- argument handling ---------------------------------------------------------
// The text of an argument, or nullopt for NULL; a blob is an error.
bool arg_text(sqlite3_value *v, const char *fn, int n, const char *what, std::string_view &out) {
  int type = sqlite3_value_type(v);
  if (type == SQLITE_NULL) return false;
  if (type == SQLITE_BLOB)
    fail(SQLITE_MISMATCH, format("%s: argument %d (%s) must be text, got blob", fn, n, what));
  const char *p = reinterpret_cast<const char *>(sqlite3_value_text(v));
  if (!p) throw std::bad_alloc();
  out = std::string_view(p, static_cast<size_t>(sqlite3_value_bytes(v)));
  return true;
}

struct ClaimHolder {
  std::shared_ptr<const lede::Claim> claim;
};

// The analysis of argument 0, cached on the statement while the argument
// stays the same.
const lede::Claim *cached_claim(sqlite3_context *ctx, std::string_view text) {
  if (auto *h = static_cast<ClaimHolder *>(sqlite3_get_auxdata(ctx, 0))) return h->claim.get();
  auto *h = new ClaimHolder{lede::analyse_claim(text)};
  const lede::Claim *c = h->claim.get();
  sqlite3_set_auxdata(ctx, 0, h, [](void *p) { delete static_cast<ClaimHolder *>(p); });
  // set_auxdata may have deleted h already (out of memory); re-read it.
  if (auto *again = static_cast<ClaimHolder *>(sqlite3_get_auxdata(ctx, 0))) return again->claim.get();
  (void)c;
  throw std::bad_alloc();
}

template <class F> void scalar(sqlite3_context *ctx, int, sqlite3_value **argv, const char *fn, F &&body) {
  guard_fn(ctx, [&] {
    std::string_view claim, text;
    bool has_claim = arg_text(argv[0], fn, 1, "claim", claim);
    bool has_text = arg_text(argv[1], fn, 2, "text", text);
    if (!has_claim || !has_text) return sqlite3_result_null(ctx);
    body(*cached_claim(ctx, claim), text);
  });
}

void claim_match_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv) noexcept {
  scalar(ctx, argc, argv, kName, [&](const lede::Claim &c, std::string_view text) {
    sqlite3_result_double(ctx, lede::score_claim(c, text).score);
  });
}

void claim_match_explain_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv) noexcept {
  scalar(ctx, argc, argv, "claim_match_explain", [&](const lede::Claim &c, std::string_view text) {
    result_text(ctx, lede::explain_claim(c, text));
  });
}

// ---- the table form ------------------------------------------------------------------
struct Vtab : sqlite3_vtab {
  sqlite3 *db;
};

struct Hit {
  int64_t article_id, idx;
  std::string sentence;
  double score, bm25;
  lede::Stance stance;
  lede::ClaimScore parts; // the scalar's parts (for the features column)
  double crel = -1;       // corpus relevance given to the scalar
  int rank = 0;           // the article's place in the BM25 candidates (0: first)
  double feedback = 0;    // the article's agreement with the best articles (claim_feedback)
};

struct Cursor : sqlite3_vtab_cursor {
  std::vector<Hit> rows;
  size_t pos = 0;
  std::string claim, corpus;
};

Vtab *vt(sqlite3_vtab *p) { return static_cast<Vtab *>(p); }
Cursor *cur(sqlite3_vtab_cursor *p) { return static_cast<Cursor *>(p); }

int xConnect(sqlite3 *db, void *, int, const char *const *, sqlite3_vtab **out, char **err) {
  return guard(err, [&] {
    int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(article_id INTEGER, sentence_idx INTEGER, sentence TEXT,"
                                      " score REAL, claim HIDDEN, corpus HIDDEN, stance HIDDEN, features HIDDEN)");
    if (rc != SQLITE_OK) fail(rc, format("%s: cannot declare the table: %s", kName, sqlite3_errmsg(db)));
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    auto v = std::make_unique<Vtab>();
    std::memset(static_cast<sqlite3_vtab *>(v.get()), 0, sizeof(sqlite3_vtab));
    v->db = db;
    *out = v.release();
    return SQLITE_OK;
  });
}

int xDisconnect(sqlite3_vtab *p) noexcept {
  delete vt(p);
  return SQLITE_OK;
}

int xBestIndex(sqlite3_vtab *, sqlite3_index_info *info) noexcept {
  int idx[2] = {-1, -1};
  bool claim_unusable = false;
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto &c = info->aConstraint[i];
    if (c.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    int slot = c.iColumn == kClaim ? 0 : c.iColumn == kCorpus ? 1 : -1;
    if (slot < 0) continue;
    if (!c.usable) {
      if (slot == 0) claim_unusable = true;
      continue;
    }
    idx[slot] = i;
  }
  if (claim_unusable && idx[0] < 0) return SQLITE_CONSTRAINT;
  int plan = 0, argv_index = 0;
  for (int s = 0; s < 2; ++s) {
    if (idx[s] < 0) continue;
    plan |= 1 << s;
    info->aConstraintUsage[idx[s]].argvIndex = ++argv_index;
    info->aConstraintUsage[idx[s]].omit = 1;
  }
  info->idxNum = plan;
  if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == kScore && info->aOrderBy[0].desc)
    info->orderByConsumed = 1;
  info->estimatedCost = (plan & kHasClaim) ? 1000 : 1e12;
  info->estimatedRows = kCandidates;
  return SQLITE_OK;
}

int xOpen(sqlite3_vtab *, sqlite3_vtab_cursor **out) noexcept {
  auto *c = new (std::nothrow) Cursor();
  if (!c) return SQLITE_NOMEM;
  *out = c;
  return SQLITE_OK;
}

int xClose(sqlite3_vtab_cursor *c) noexcept {
  delete cur(c);
  return SQLITE_OK;
}

void check_corpus(sqlite3 *db, const std::string &corpus) {
  Stmt st(db, format("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '%q_fts'", corpus.c_str()), kName);
  Stmt tmp(db, format("SELECT 1 FROM temp.sqlite_schema WHERE type = 'table' AND name = '%q_fts'", corpus.c_str()),
           kName);
  if (!st.step(db, kName) && !tmp.step(db, kName))
    fail(SQLITE_ERROR, format("%s: no corpus named '%s' (create one with CREATE VIRTUAL TABLE %s USING lede)", kName,
                              corpus.c_str(), corpus.c_str()));
}

void search(sqlite3 *db, Cursor *c) {
  auto first = lede::analyse_claim(c->claim);
  std::vector<std::string> words = lede::claim_query_words(*first, kQueryTerms);
  if (words.empty()) return;
  std::string query = lede::claim_fts_query(*first, kQueryTerms);
  QueryStats stats;
  // Candidate articles by BM25 over the body index, then their sentences
  // cut from the body by the code-point offsets in <corpus>_sentence.
  Stmt st(db,
          format("SELECT h.id, h.r, d.body FROM"
                 " (SELECT rowid AS id, lede_claim_bm25(\"%w_fts\", ?2) AS r FROM \"%w_fts\""
                 "   WHERE \"%w_fts\" MATCH ?1 ORDER BY r LIMIT %d) h"
                 " JOIN \"%w_doc\" d ON d.id = h.id ORDER BY h.r",
                 c->corpus.c_str(), c->corpus.c_str(), c->corpus.c_str(), kCandidates, c->corpus.c_str()),
          kName);
  Stmt sents(db, format("SELECT idx, start, \"end\" FROM \"%w_sentence\" WHERE article_id = ?1 ORDER BY idx",
                        c->corpus.c_str()),
             kName);
  st.bind(1, std::string_view(query));
  sqlite3_bind_pointer(st.get(), 2, &stats, kStatsPtr, nullptr);
  int rank = -1;
  while (st.step(db, kName)) {
    ++rank;
    int64_t article = st.int64(0);
    double bm25 = -st.real(1);
    std::string_view body = st.text(2);
    sents.reset().bind(1, article);
    size_t byte = 0, cp = 0; // walk the body forward: sentences come in order
    while (sents.step(db, kName)) {
      int64_t start = sents.int64(1), end = sents.int64(2);
      if (start < 0 || end < start) continue;
      while (byte < body.size() && cp < static_cast<size_t>(start)) lede::next_code_point(body, byte), ++cp;
      size_t b0 = std::min(byte, body.size());
      while (byte < body.size() && cp < static_cast<size_t>(end)) lede::next_code_point(body, byte), ++cp;
      Hit h;
      h.article_id = article;
      h.idx = sents.int64(0);
      h.sentence = std::string(body.substr(b0, std::min(byte, body.size()) - b0));
      h.bm25 = bm25;
      h.rank = rank;
      h.score = 0;
      h.stance = lede::Stance::Neutral;
      c->rows.push_back(std::move(h));
    }
  }
  // Term weights from the corpus: document frequency of each query word.
  // (Given even when the index gave none: a claim analysed with statistics
  // also carries its character 4-grams.)
  std::unordered_map<std::string, double> df;
  if (stats.filled && stats.df.size() == words.size())
    for (size_t i = 0; i < words.size(); ++i) df.emplace(words[i], stats.df[i]);
  lede::TermStats ts;
  ts.docs = df.empty() ? 0 : stats.rows;
  ts.df = [&](std::string_view w) {
    auto it = df.find(std::string(w));
    return it == df.end() ? -1.0 : it->second;
  };
  std::shared_ptr<const lede::Claim> claim = lede::analyse_claim(c->claim, &ts);
  // BM25 of a sentence holding each query word once, at average length.
  double self = 0;
  if (stats.filled)
    for (double df : stats.df) {
      double idf = std::log((stats.rows - df + 0.5) / (df + 0.5));
      self += idf <= 0 ? 1e-6 : idf;
    }
  std::vector<lede::TextTerms> terms(static_cast<size_t>(rank + 1)); // per candidate article, by rank
  for (Hit &h : c->rows) {
    h.crel = self > 0 ? h.bm25 / self : -1;
    lede::ClaimScore s = lede::score_claim(*claim, h.sentence, h.crel, &terms[static_cast<size_t>(h.rank)]);
    h.parts = s;
    h.score = s.score;
    h.stance = s.stance;
  }
  // Pseudo-relevance feedback: what the best articles say beyond the claim
  // raises the articles that say it too (never across 0.5).
  std::vector<double> best(terms.size(), 0.0);
  for (const Hit &h : c->rows) best[static_cast<size_t>(h.rank)] = std::max(best[static_cast<size_t>(h.rank)], h.score);
  std::vector<double> agree = lede::claim_feedback(terms, best);
  for (Hit &h : c->rows) {
    h.feedback = agree[static_cast<size_t>(h.rank)];
    h.score = lede::feedback_score(h.score, h.feedback);
  }
  std::stable_sort(c->rows.begin(), c->rows.end(), [](const Hit &a, const Hit &b) {
    return a.score != b.score ? a.score > b.score : a.bm25 > b.bm25;
  });
}

int xFilter(sqlite3_vtab_cursor *pc, int plan, const char *, int argc, sqlite3_value **argv) noexcept {
  Cursor *c = cur(pc);
  Vtab *v = vt(pc->pVtab);
  return guard(&v->zErrMsg, [&] {
    c->rows.clear();
    c->pos = 0;
    int a = 0;
    sqlite3_value *claim = (plan & kHasClaim) && a < argc ? argv[a++] : nullptr;
    sqlite3_value *corpus = (plan & kHasCorpus) && a < argc ? argv[a++] : nullptr;
    if (!claim)
      fail(SQLITE_ERROR, format("%s: a claim is required: SELECT * FROM %s('the claim')", kName, kName));
    c->corpus = "articles";
    if (corpus) {
      if (sqlite3_value_type(corpus) != SQLITE_TEXT)
        fail(SQLITE_MISMATCH, format("%s: corpus must be text, got %s", kName, type_name(corpus)));
      c->corpus = reinterpret_cast<const char *>(sqlite3_value_text(corpus));
    }
    std::string_view text;
    if (!arg_text(claim, kName, 1, "claim", text)) return SQLITE_OK; // NULL claim: no rows
    c->claim = std::string(text);
    check_corpus(v->db, c->corpus);
    search(v->db, c);
    return SQLITE_OK;
  });
}

int xNext(sqlite3_vtab_cursor *pc) noexcept {
  ++cur(pc)->pos;
  return SQLITE_OK;
}

int xEof(sqlite3_vtab_cursor *pc) noexcept { return cur(pc)->pos >= cur(pc)->rows.size(); }

std::string features_json(const Hit &h) {
  const lede::ClaimScore &p = h.parts;
  return format("{\"rank\":%d,\"bm25\":%.6g,\"crel\":%.6g,\"own\":%.6g,\"relevance\":%.6g,\"f\":%.6g,"
                "\"coverage\":%.6g,\"focus\":%.6g,\"bigrams\":%.6g,\"entities\":%.6g,\"text_weight\":%.6g,"
                "\"claim_weight\":%.6g,\"numbers_agree\":%d,\"numbers_conflict\":%d,\"numbers_missing\":%d,"
                "\"negation\":%d,\"antonym\":%d,\"chargrams\":%.6g,\"feedback\":%.6g,\"idx\":%d}",
                h.rank, h.bm25, h.crel, p.own, p.relevance, p.f, p.coverage, p.focus, p.bigrams, p.entities,
                p.text_weight, p.claim_weight, p.numbers_agree, p.numbers_conflict, p.numbers_missing,
                p.negation_conflict ? 1 : 0, p.antonym_conflict ? 1 : 0, p.chargrams, h.feedback,
                static_cast<int>(h.idx));
}

int xColumn(sqlite3_vtab_cursor *pc, sqlite3_context *ctx, int col) noexcept {
  Cursor *c = cur(pc);
  const Hit &h = c->rows[c->pos];
  switch (col) {
  case kArticleId: sqlite3_result_int64(ctx, h.article_id); break;
  case kSentenceIdx: sqlite3_result_int64(ctx, h.idx); break;
  case kSentence: result_text(ctx, h.sentence); break;
  case kScore: sqlite3_result_double(ctx, h.score); break;
  case kClaim: result_text(ctx, c->claim); break;
  case kCorpus: result_text(ctx, c->corpus); break;
  case kStance: sqlite3_result_text(ctx, lede::stance_name(h.stance), -1, SQLITE_STATIC); break;
  case kFeatures: return guard(&pc->pVtab->zErrMsg, [&] {
      result_text(ctx, features_json(h));
      return SQLITE_OK;
    });
  default: sqlite3_result_null(ctx);
  }
  return SQLITE_OK;
}

int xRowid(sqlite3_vtab_cursor *pc, sqlite_int64 *rowid) noexcept {
  *rowid = static_cast<sqlite_int64>(cur(pc)->pos);
  return SQLITE_OK;
}

sqlite3_module make_module() {
  sqlite3_module m;
  std::memset(&m, 0, sizeof m);
  m.iVersion = 1;
  m.xCreate = nullptr; // eponymous only
  m.xConnect = xConnect;
  m.xBestIndex = xBestIndex;
  m.xDisconnect = xDisconnect;
  m.xDestroy = xDisconnect;
  m.xOpen = xOpen;
  m.xClose = xClose;
  m.xFilter = xFilter;
  m.xNext = xNext;
  m.xEof = xEof;
  m.xColumn = xColumn;
  m.xRowid = xRowid;
  return m;
}

const sqlite3_module kModule = make_module();

} // namespace

int register_claim_match(sqlite3 *db) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = sqlite3_create_function_v2(db, "claim_match", 2, flags, nullptr, claim_match_fn, nullptr, nullptr, nullptr);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2(db, "claim_match_explain", 2, flags, nullptr, claim_match_explain_fn, nullptr,
                                    nullptr, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_create_module_v2(db, kName, &kModule, nullptr, nullptr);
  // Without FTS5 the scalars still work; the table form then reports
  // SQLite's own error when it queries the index.
  if (rc == SQLITE_OK) {
    if (fts5_api *api = get_fts5_api(db); api && api->iVersion >= 2)
      rc = api->xCreateFunction(api, "lede_claim_bm25", nullptr, bm25_fn, nullptr);
  }
  return rc;
}

} // namespace lede::sql
