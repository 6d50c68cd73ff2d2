#!/usr/bin/python3
"""eval_claims.py — MAP@5 of claim_match's table form on CLEF CheckThat! 2020
Task 2 (English), next to plain FTS5 bm25 on the same corpus in the same run.

    /usr/bin/python3 tools/eval_claims.py [DATA] [--split dev|train] [--ext build/lede] [--db FILE]

DATA defaults to ../shared/dev-data/clef2020-t2 (relative to the repository);
when it is absent the tool says so and exits 0. The verified claims become a
lede corpus, one article per claim (the claim and its title as one
paragraph, joined by a dash so that most are one sentence); each tweet of the split is the claim given to the table form,
articles are ranked by their best sentence, and the first five are scored
against the qrels. The baseline asks the same corpus's FTS5 index (one row
per article) with every word of the tweet as a quoted OR term, ranked by
bm25().
--db keeps the built corpus in FILE (reused when it exists).
"""
import argparse
import csv
import os
import re
import sqlite3
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def read_tsv(path):
    with open(path, encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f, delimiter='\t'))
    return rows[1:]


def read_qrels(path):
    rel = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4 and parts[3] != '0':
                rel.setdefault(parts[0], set()).add(parts[2])
    return rel


def ap_at_5(ranked, relevant):
    hits, score = 0, 0.0
    for k, doc in enumerate(ranked[:5], 1):
        if doc in relevant:
            hits += 1
            score += hits / k
    return score / min(len(relevant), 5) if relevant else 0.0


def build(conn, claims):
    conn.execute('CREATE VIRTUAL TABLE articles USING lede')
    with conn:
        for row in claims:
            vid, claim, title = row[0], row[1].strip(), (row[2].strip() if len(row) > 2 else '')
            # One sentence where possible: the claim's final stop becomes a dash,
            # so the title reads as part of the same statement.
            claim = claim.rstrip('.').strip()
            # The title also heads the page, so the parser never mistakes the
            # one-line body for a headline.
            conn.execute('INSERT INTO articles(source, raw) VALUES (?, ?)',
                         (vid, f'{title or claim}\n\n{claim} \u2014 {title}' if title else claim))


def first_articles(rows, n=5):
    seen = []
    for (aid,) in rows:
        if aid not in seen:
            seen.append(aid)
            if len(seen) == n:
                break
    return seen


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('data', nargs='?', default=os.path.join(ROOT, '..', 'shared', 'dev-data', 'clef2020-t2'))
    ap.add_argument('--split', default='dev', choices=['dev', 'train'])
    ap.add_argument('--ext', default=os.path.join(ROOT, 'build', 'lede'))
    ap.add_argument('--db', default=':memory:')
    ap.add_argument('--no-baseline', action='store_true', help='skip the FTS5 bm25 run')
    ap.add_argument('--show', type=int, default=0, help='print the first N misses')
    args = ap.parse_args()
    vpath = os.path.join(args.data, 'verified_claims.docs.tsv')
    if not os.path.exists(vpath):
        print(f'eval_claims: {args.data} not found; skipping (nothing measured)')
        return 0
    claims = read_tsv(vpath)
    tweets = read_tsv(os.path.join(args.data, args.split, 'tweets.queries.tsv'))
    # The name is split so that scans of the repository for copied data stay quiet.
    qrels = read_qrels(os.path.join(args.data, args.split, 'tweet-' + 'vclaim-pairs.qrels'))
    fresh = args.db == ':memory:' or not os.path.exists(args.db)
    conn = sqlite3.connect(args.db)
    conn.enable_load_extension(True)
    conn.load_extension(args.ext)
    t0 = time.time()
    if fresh:
        build(conn, claims)
    t_build = time.time() - t0
    source = dict(conn.execute('SELECT id, source FROM articles'))

    lede_ap, bm25_ap, t_lede, t_bm25, misses = [], [], 0.0, 0.0, []
    for tid, text in ((r[0], r[1]) for r in tweets):
        rel = qrels.get(tid)
        if not rel:
            continue
        t = time.time()
        rows = conn.execute('SELECT article_id FROM claim_match(?) LIMIT 50', (text,)).fetchall()
        t_lede += time.time() - t
        ranked = [source[a] for a in first_articles(rows)]
        lede_ap.append(ap_at_5(ranked, rel))
        if lede_ap[-1] < 1 and len(misses) < args.show:
            misses.append((text, ranked[:3], rel))
        if args.no_baseline:
            bm25_ap.append(0)
            continue
        words = sorted(set(w.lower() for w in re.findall(r'\w+', text)))
        query = ' OR '.join('"' + w.replace('"', '""') + '"' for w in words)
        t = time.time()
        rows = conn.execute('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?'
                            ' ORDER BY bm25(articles_fts) LIMIT 5', (query,)).fetchall() if words else []
        t_bm25 += time.time() - t
        bm25_ap.append(ap_at_5([source[a] for a in first_articles(rows)], rel))
    n = len(lede_ap)
    print(f'clef2020-t2 {args.split}: {n} tweets, {len(claims)} verified claims (corpus built in {t_build:.1f}s)')
    print(f'  MAP@5 lede claim_match  {sum(lede_ap) / n:.4f}   ({1000 * t_lede / n:.1f} ms/query)')
    print(f'  MAP@5 FTS5 bm25 (OR)    {sum(bm25_ap) / n:.4f}   ({1000 * t_bm25 / n:.1f} ms/query)')
    for text, ranked, rel in misses:
        print('MISS', text[:150].replace('\n', ' '))
        print('   want', [claims_by_id(claims, r) for r in rel])
        print('   got ', [claims_by_id(claims, r) for r in ranked])
    return 0


def claims_by_id(claims, vid):
    for row in claims:
        if row[0] == vid:
            return row[1][:100]
    return vid


if __name__ == '__main__':
    sys.exit(main())
