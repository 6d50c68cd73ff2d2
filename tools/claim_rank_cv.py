#!/usr/bin/python3
"""claim_rank_cv.py — can a learned combination rank claim_match's candidates
better than the shipped score? Cross-validated on CLEF CheckThat! 2020
Task 2 train (tweets split in 5 folds by position).

    /usr/bin/python3 tools/claim_rank_cv.py [DATA] [--ext build/lede] [--db FILE] [--folds 5]

Reads, for each train tweet, every candidate row of the table form with its
hidden `features` column (BM25 rank and score, the scalar's parts, the
character 4-gram cosine), then prints MAP@5 on the held-out folds of
  shipped   the table form's own order (no fitting),
  bonus     the shipped relevance with the 4-gram bonus weight g in
            x + g cos (1 - x) chosen on the other folds from a grid,
  pairwise  a linear model over all features fitted on the other folds by
            pairwise logistic loss (RankNet-style, averaged SGD, each
            relevant article against the 100 best-ranked others).
Deterministic (fixed seed). DATA as in tools/eval_claims.py; absent: says
so and exits 0. Pure Python, about two minutes.
"""
import argparse
import json
import math
import os
import random
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import eval_claims as ec  # noqa: E402

SHIPPED_BONUS = 0.5  # ext/core/claim.cpp kGramBonus
GRID = (0.0, 0.3, 0.5, 0.7, 1.0)


def vector(f, top):
    crel = max(f['crel'], 0.0)
    cw = f['claim_weight']
    return [min(crel, 1.0), math.log1p(f['bm25']), f['bm25'] / top if top > 0 else 0.0,
            1.0 / (1 + f['rank']), f['own'], f['f'], f['coverage'], f['focus'], f['bigrams'],
            f['entities'], math.log1p(f['text_weight']), min(f['text_weight'] / cw, 5.0) if cw > 0 else 0.0,
            float(f['numbers_agree'] > 0), float(f['numbers_conflict'] > 0), float(f['numbers_missing'] > 0),
            float(f['negation']), float(f['antonym']), f['chargrams'], f['relevance']]


def base_relevance(f):
    """The relevance before the 4-gram bonus (inverting x + g c (1 - x))."""
    c = SHIPPED_BONUS * f['chargrams']
    return (f['relevance'] - c) / (1 - c) if c < 1 else f['relevance']


def map5(queries, key):
    total = 0.0
    for rel, rows in queries:
        best = {}
        for a, s, f, x in rows:
            v = key(s, f, x)
            if a not in best or v > best[a]:
                best[a] = v
        total += ec.ap_at_5(sorted(best, key=lambda a: -best[a]), rel)
    return total / len(queries) if queries else 0.0


def fit_pairwise(queries, epochs=10, lr=0.05, l2=1e-4, negatives=100, seed=1):
    pairs = []
    for rel, rows in queries:
        pos = [x for a, _, _, x in rows if a in rel]
        neg = [x for a, _, _, x in rows if a not in rel][:negatives]
        pairs += [[p - n for p, n in zip(px, nx)] for px in pos for nx in neg]
    n = len(queries[0][1][0][3])
    w, avg, count = [0.0] * n, [0.0] * n, 0
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(pairs)
        for d in pairs:
            z = sum(a * b for a, b in zip(w, d))
            g = 1 / (1 + math.exp(z)) if z > -30 else 1.0
            w = [wi + lr * (g * di - l2 * wi) for wi, di in zip(w, d)]
            avg = [a + wi for a, wi in zip(avg, w)]
            count += 1
    return [a / max(count, 1) for a in avg]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('data', nargs='?', default=os.path.join(ec.ROOT, '..', 'shared', 'dev-data', 'clef2020-t2'))
    ap.add_argument('--ext', default=os.path.join(ec.ROOT, 'build', 'lede'))
    ap.add_argument('--db', default=':memory:')
    ap.add_argument('--folds', type=int, default=5)
    args = ap.parse_args()
    vpath = os.path.join(args.data, 'verified_claims.docs.tsv')
    if not os.path.exists(vpath):
        print(f'claim_rank_cv: {args.data} not found; skipping (nothing measured)')
        return 0
    claims = ec.read_tsv(vpath)
    tweets = ec.read_tsv(os.path.join(args.data, 'train', 'tweets.queries.tsv'))
    qrels = ec.read_qrels(os.path.join(args.data, 'train', 'tweet-' + 'vclaim-pairs.qrels'))
    fresh = args.db == ':memory:' or not os.path.exists(args.db)
    conn = sqlite3.connect(args.db)
    conn.enable_load_extension(True)
    conn.load_extension(args.ext)
    if fresh:
        ec.build(conn, claims)
    source = dict(conn.execute('SELECT id, source FROM articles'))
    queries = []
    for tid, text in ((r[0], r[1]) for r in tweets):
        if not qrels.get(tid):
            continue
        rows = []
        for a, s, fj in conn.execute('SELECT article_id, score, features FROM claim_match(?)', (text,)):
            rows.append((source[a], s, json.loads(fj)))
        top = max((f['bm25'] for _, _, f in rows), default=0.0)
        queries.append((qrels[tid], [(a, s, f, vector(f, top)) for a, s, f in rows]))
    k = args.folds

    def bonus(g):
        return lambda s, f, x: base_relevance(f) + g * f['chargrams'] * (1 - base_relevance(f))
    held = {'shipped': 0.0, 'bonus': 0.0, 'pairwise': 0.0}
    chosen = []
    for fold in range(k):
        test = [q for i, q in enumerate(queries) if i % k == fold]
        train = [q for i, q in enumerate(queries) if i % k != fold and q[1]]
        held['shipped'] += map5(test, lambda s, f, x: s) * len(test)
        g = max(GRID, key=lambda g: map5(train, bonus(g)))
        chosen.append(g)
        held['bonus'] += map5(test, bonus(g)) * len(test)
        w = fit_pairwise(train)
        held['pairwise'] += map5(test, lambda s, f, x: sum(a * b for a, b in zip(w, x))) * len(test)
    n = len(queries)
    print(f'clef2020-t2 train: {n} tweets, {k}-fold cross-validation, MAP@5 on held-out folds')
    print(f'  shipped order                     {held["shipped"] / n:.4f}')
    print(f'  4-gram bonus, weight from grid    {held["bonus"] / n:.4f}   (chosen per fold: {chosen})')
    print(f'  pairwise linear model             {held["pairwise"] / n:.4f}')
    print('  bonus weight on all of train (relevance order, no contradiction caps): ' +
          ', '.join(f'{g}: {map5(queries, bonus(g)):.4f}' for g in GRID))
    return 0


if __name__ == '__main__':
    sys.exit(main())
