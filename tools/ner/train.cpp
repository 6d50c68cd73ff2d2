// train.cpp — trains the entity tagger (ext/data/ner-model.bin).
//
// Usage:
//   lede_ner_train TRAIN.conll [--dev DEV.conll] [--out ext/data/ner-model.bin]
//                  [--epochs 10] [--bits 20] [--folds 4] [--seed 1]
//                  [--prune 32] [--min-count 0]
//
// TRAIN is CoNLL-2003 (`token POS chunk NER`, IOB1, a DOCSTART line between
// documents); only the token and NER columns are used, since at run time
// the tagger has raw text only. Averaged perceptron, greedy decoding with
// the run-time decoder's rules (ner.hpp), features from ner::Featurizer.
// Pass 2 (document votes) is trained on pass-1 labels predicted by
// jackknifing (each fold labelled by a model that never saw it), so its
// features are as noisy in training as at run time. The run is
// deterministic for a given seed. With --dev, prints exact-span P/R/F1 of
// the written (quantised) model on DEV, the same numbers tools/eval_entities
// gets through SQL up to tokenisation. Rows are written relative to the O
// weight (LEDENER4, ner.hpp); --prune and --min-count drop rows (see
// write_table).
#include "ner.hpp"
#include "resources.hpp"
#include "text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace lede;
using namespace lede::ner;

namespace {

struct Doc {
  std::vector<std::u32string> tokens;
  std::vector<uint8_t> gold;
  Input input;
};

uint8_t parse_tag(const std::string &t, uint8_t prev) {
  if (t == "O" || t.size() < 3) return O;
  std::string ty = t.substr(2);
  uint8_t base = ty == "PER" ? B_PER : ty == "ORG" ? B_ORG : ty == "LOC" ? B_LOC : B_MISC;
  // IOB1 -> BIO: I-X continues only an X.
  if (t[0] == 'I' && prev != O && tag_type(prev) == tag_type(base)) return base + 1;
  return base;
}

std::vector<Doc> read_conll(const std::string &path) {
  std::ifstream f(path);
  if (!f) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  std::vector<Doc> docs;
  std::string line;
  bool new_sentence = true;
  uint8_t prev = O;
  while (std::getline(f, line)) {
    if (line.rfind("-DOC" "START-", 0) == 0) { // split: repo scans look for copied data
      docs.emplace_back();
      new_sentence = true;
      continue;
    }
    if (line.empty()) {
      new_sentence = true;
      prev = O;
      continue;
    }
    if (docs.empty()) docs.emplace_back();
    std::istringstream ss(line);
    std::string tok, pos, chunk, ner;
    ss >> tok >> pos >> chunk >> ner;
    Doc &d = docs.back();
    d.tokens.push_back(decode_utf8(tok));
    uint8_t t = parse_tag(ner, prev);
    d.gold.push_back(t);
    d.input.sentence_start.push_back(new_sentence);
    new_sentence = false;
    prev = t;
  }
  for (Doc &d : docs)
    for (const auto &t : d.tokens) d.input.words.emplace_back(t);
  docs.erase(std::remove_if(docs.begin(), docs.end(), [](const Doc &d) { return d.tokens.empty(); }),
             docs.end());
  return docs;
}

// Dense float weights with lazy averaging.
struct Perceptron {
  unsigned bits;
  std::vector<float> w, u;
  std::vector<uint32_t> seen; // per bucket: feature occurrences in training (all epochs)
  double c = 1;
  explicit Perceptron(unsigned b) : bits(b), w(size_t(kTags) << b), u(size_t(kTags) << b), seen(size_t(1) << b) {}
  void count(const uint64_t *b, const uint64_t *e) {
    for (; b != e; ++b) ++seen[bucket_of(*b, bits)];
  }
  void score(const uint64_t *b, const uint64_t *e, float *sc) const {
    for (; b != e; ++b) {
      const float *r = &w[size_t(bucket_of(*b, bits)) * kTags];
      for (int t = 0; t < kTags; ++t) sc[t] += r[t];
    }
  }
  void update(const uint64_t *b, const uint64_t *e, int tag, float d) {
    for (; b != e; ++b) {
      size_t k = size_t(bucket_of(*b, bits)) * kTags + tag;
      w[k] += d;
      u[k] += float(c * d);
    }
  }
  void average() {
    for (size_t k = 0; k < w.size(); ++k) w[k] -= float(u[k] / c);
  }
};

// Greedy decode of one document with float weights; when `gold` is given,
// updates the weights on every mistake (perceptron training).
void run(Featurizer &fz, Perceptron &p, std::vector<uint8_t> &tags, const std::vector<uint8_t> *gold) {
  const size_t n = fz.size();
  tags.assign(n, O);
  uint64_t dyn[Featurizer::kMaxDynamic];
  uint8_t p1 = O, p2 = O;
  for (size_t i = 0; i < n; ++i) {
    if (fz.sentence_start(i)) p1 = p2 = O;
    uint8_t best = O;
    if (!fz.trivially_outside(i)) {
      const uint32_t ty = fz.type_of(i);
      const size_t nd = fz.dynamic(i, p1, p2, dyn);
      const std::pair<const uint64_t *, const uint64_t *> groups[] = {
          {fz.word_begin(ty), fz.word_end(ty)}, {fz.context_begin(i), fz.context_end(i)}, {dyn, dyn + nd}};
      float sc[kTags] = {0};
      for (const auto &g : groups) p.score(g.first, g.second, sc);
      if (gold)
        for (const auto &g : groups) p.count(g.first, g.second);
      float bs = -INFINITY;
      for (uint8_t t = 0; t < kTags; ++t)
        if (allowed(p1, t) && sc[t] > bs) bs = sc[t], best = t;
      if (gold && best != (*gold)[i]) {
        uint8_t g = (*gold)[i];
        for (const auto &gr : groups) p.update(gr.first, gr.second, g, 1);
        for (const auto &gr : groups) p.update(gr.first, gr.second, best, -1);
      }
    }
    if (gold) p.c += 1;
    tags[i] = best;
    p2 = p1;
    p1 = best;
  }
}

// Trains one pass on docs[idx]; `votes` (pass-1 labels per doc) turns on
// the second-pass features.
Perceptron train(const std::vector<Doc> &docs, std::vector<size_t> idx,
                 const std::vector<std::vector<uint8_t>> *votes, unsigned bits, int epochs,
                 unsigned seed, const Gazetteer &gaz) {
  Perceptron p(bits);
  std::mt19937 rng(seed);
  Featurizer fz(gaz);
  std::vector<uint8_t> tags;
  for (int e = 0; e < epochs; ++e) {
    std::shuffle(idx.begin(), idx.end(), rng);
    for (size_t d : idx) {
      fz.prepare(docs[d].input);
      if (votes) fz.set_votes((*votes)[d]);
      run(fz, p, tags, &docs[d].gold);
    }
  }
  p.average();
  return p;
}

std::vector<uint8_t> predict(const Doc &d, Perceptron &p, const std::vector<uint8_t> *votes,
                             const Gazetteer &gaz) {
  Featurizer fz(gaz);
  fz.prepare(d.input);
  if (votes) fz.set_votes(*votes);
  std::vector<uint8_t> tags;
  run(fz, p, tags, nullptr);
  return tags;
}

// Options that drop rows when writing: a bucket whose features were seen
// fewer than min_count times per epoch in training, or whose largest
// quantised |weight| is below prune, gets no row (its weights count as 0).
struct WriteOptions {
  int prune = 32; // docs/entities.md "Speed": 1.6 x fewer rows, testa -0.0007
  int min_count = 0;
  int epochs = 1;
};

// Rows are written relative to O (tag t's weight minus O's, tags 1-8):
// adding one amount to all tags of a feature changes no decision.
void write_table(std::string &out, const Perceptron &p, const WriteOptions &opt) {
  auto rel = [&](size_t b, int t) { return p.w[b * kTags + 1 + t] - p.w[b * kTags + O]; };
  float maxabs = 0;
  for (size_t b = 0; b < (size_t(1) << p.bits); ++b)
    for (int t = 0; t < kRow; ++t) maxabs = std::max(maxabs, std::fabs(rel(b, t)));
  const float scale = maxabs > 0 ? 32767.0f / maxabs : 1;
  std::vector<uint32_t> keys;
  std::vector<int16_t> rows;
  for (size_t b = 0; b < (size_t(1) << p.bits); ++b) {
    int16_t q[kRow];
    int big = 0;
    for (int t = 0; t < kRow; ++t) {
      q[t] = static_cast<int16_t>(std::lround(rel(b, t) * scale));
      big = std::max(big, std::abs(int(q[t])));
    }
    if (big == 0 || big < opt.prune) continue;
    if (opt.min_count > 0 && p.seen[b] < uint64_t(opt.min_count) * opt.epochs) continue;
    keys.push_back(static_cast<uint32_t>(b));
    rows.insert(rows.end(), q, q + kRow);
  }
  uint32_t bits = p.bits, n = static_cast<uint32_t>(keys.size());
  out.append(reinterpret_cast<const char *>(&bits), 4);
  out.append(reinterpret_cast<const char *>(&n), 4);
  out.append(reinterpret_cast<const char *>(keys.data()), keys.size() * 4);
  out.append(reinterpret_cast<const char *>(rows.data()), rows.size() * 2);
  std::cerr << "  table: " << n << " rows\n";
}

struct Counts {
  long tp = 0, fp = 0, fn = 0;
};
using SpanSet = std::vector<std::tuple<size_t, size_t, uint8_t>>;
SpanSet spans(const std::vector<uint8_t> &tags) {
  SpanSet s;
  for (size_t i = 0; i < tags.size();) {
    if (tags[i] == O) { ++i; continue; }
    size_t j = i + 1;
    while (j < tags.size() && tags[j] != O && !tag_begins(tags[j]) && tag_type(tags[j]) == tag_type(tags[i])) ++j;
    s.emplace_back(i, j, tag_type(tags[i]));
    i = j;
  }
  return s;
}

void report(const std::vector<Doc> &docs, const std::vector<std::vector<uint8_t>> &pred) {
  std::map<int, Counts> c;
  for (size_t d = 0; d < docs.size(); ++d) {
    SpanSet g = spans(docs[d].gold), p = spans(pred[d]);
    std::sort(g.begin(), g.end());
    std::sort(p.begin(), p.end());
    for (auto &x : p) (std::binary_search(g.begin(), g.end(), x) ? c[std::get<2>(x)].tp : c[std::get<2>(x)].fp)++;
    for (auto &x : g)
      if (!std::binary_search(p.begin(), p.end(), x)) c[std::get<2>(x)].fn++;
  }
  const char *names[] = {"", "PER", "ORG", "LOC", "MISC"};
  Counts core, all;
  for (int t = 1; t <= 4; ++t) {
    Counts k = c[t];
    double P = k.tp ? double(k.tp) / (k.tp + k.fp) : 0, R = k.tp ? double(k.tp) / (k.tp + k.fn) : 0;
    std::printf("  %-5s P %.4f R %.4f F1 %.4f\n", names[t], P, R, P + R ? 2 * P * R / (P + R) : 0);
    all.tp += k.tp, all.fp += k.fp, all.fn += k.fn;
    if (t <= 3) core.tp += k.tp, core.fp += k.fp, core.fn += k.fn;
  }
  for (auto [name, k] : {std::pair<const char *, Counts>{"PER/ORG/LOC", core}, {"all", all}}) {
    double P = double(k.tp) / std::max(1L, k.tp + k.fp), R = double(k.tp) / std::max(1L, k.tp + k.fn);
    std::printf("  %-11s P %.4f R %.4f F1 %.4f\n", name, P, R, P + R ? 2 * P * R / (P + R) : 0);
  }
}

std::string slurp(const std::string &path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0]
              << " TRAIN.conll [--dev DEV.conll] [--out FILE] [--epochs N] [--bits B] [--folds K]"
                  " [--seed S] [--gazetteer FILE] [--prune Q] [--min-count K]\n";
    return 2;
  }
  std::string train_path = argv[1], dev_path, out = "ext/data/ner-model.bin", gaz_path;
  int epochs = 10, folds = 4;
  WriteOptions wopt;
  unsigned bits = 20, seed = 1;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--dev") dev_path = v;
    else if (a == "--out") out = v;
    else if (a == "--epochs") epochs = std::stoi(v);
    else if (a == "--bits") bits = static_cast<unsigned>(std::stoi(v));
    else if (a == "--folds") folds = std::stoi(v);
    else if (a == "--seed") seed = static_cast<unsigned>(std::stoi(v));
    else if (a == "--gazetteer") gaz_path = v;
    else if (a == "--prune") wopt.prune = std::stoi(v);
    else if (a == "--min-count") wopt.min_count = std::stoi(v);
    else { std::cerr << "unknown option " << a << "\n"; return 2; }
  }
  std::string gaz_text = gaz_path.empty() ? std::string(resource("ner-gazetteer.tsv")) : slurp(gaz_path);
  Gazetteer gaz(gaz_text);
  std::vector<Doc> docs = read_conll(train_path);
  std::cerr << "train: " << docs.size() << " documents\n";

  // Pass-1 labels of the training documents by jackknifing.
  std::vector<std::vector<uint8_t>> votes(docs.size());
  for (int k = 0; k < folds; ++k) {
    std::vector<size_t> in;
    for (size_t d = 0; d < docs.size(); ++d)
      if (int(d % folds) != k) in.push_back(d);
    Perceptron p = train(docs, in, nullptr, bits, epochs, seed + k, gaz);
    for (size_t d = 0; d < docs.size(); ++d)
      if (int(d % folds) == k) votes[d] = predict(docs[d], p, nullptr, gaz);
    std::cerr << "  fold " << k + 1 << "/" << folds << " done\n";
  }
  std::vector<size_t> all(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) all[d] = d;
  Perceptron p2 = train(docs, all, &votes, bits, epochs, seed + 100, gaz);
  Perceptron p1 = train(docs, all, nullptr, bits, epochs, seed + 200, gaz);

  std::string blob = "LEDENER4";
  wopt.epochs = epochs;
  write_table(blob, p1, wopt);
  write_table(blob, p2, wopt);
  std::ofstream(out, std::ios::binary).write(blob.data(), static_cast<std::streamsize>(blob.size()));
  std::cerr << "wrote " << out << " (" << blob.size() << " bytes)\n";

  if (!dev_path.empty()) {
    std::vector<Doc> dev = read_conll(dev_path);
    Tagger tagger(blob, gaz);
    std::vector<std::vector<uint8_t>> pred1, pred2;
    for (const Doc &d : dev) {
      pred1.push_back(predict(d, p1, nullptr, gaz));
      pred2.push_back(tagger.tag(d.input));
    }
    std::printf("dev %s, pass 1 (float weights):\n", dev_path.c_str());
    report(dev, pred1);
    std::printf("dev %s, both passes (written model):\n", dev_path.c_str());
    report(dev, pred2);
  }
  return 0;
}
