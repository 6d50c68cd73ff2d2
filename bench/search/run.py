#!/usr/bin/python3
"""run.py — claim_match benchmark: the table form's top-10 latency against an
FTS5 bm25 OR-query on the same corpus in the same run, and the scalar's
throughput in sentence pairs per second on one core.

Goal (bench/search/README.md): claim_match('claim') ORDER BY score DESC
LIMIT 10 takes at most 2x the FTS5 query; the scalar scores at least 500,000
sentence pairs per second.

  /usr/bin/python3 bench/search/run.py --mb 100 [--db /tmp/search100.db] [--queries 50]

The corpus comes from bench/ingest/generate.py (synthetic articles built
from samples/, seeded); --db keeps it for the next run. Claims are every
k-th stored sentence (deterministic), used as written. The FTS5 contender
quotes every word of the claim and joins them with OR and ranks articles by
bm25(); a second FTS5 contender drops the words in
ext/data/claim_stopwords.txt, as claim_match's own query does. Each query runs --repeat times; the table gives medians over
queries of the per-query best time. Python's sqlite3 in one thread: one core.
"""
import argparse
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import time
import json

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'bench', 'ingest'))
import generate  # noqa: E402


def connect(path, ext):
    conn = sqlite3.connect(path)
    conn.enable_load_extension(True)
    conn.load_extension(ext)
    return conn


def best_time(conn, sql, args, repeat):
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        rows = conn.execute(sql, args).fetchall()
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    return best, rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mb', type=float, default=100)
    ap.add_argument('--db', default=None)
    ap.add_argument('--ext', default=os.path.join(ROOT, 'build', 'lede'))
    ap.add_argument('--queries', type=int, default=50)
    ap.add_argument('--repeat', type=int, default=3)
    args = ap.parse_args()
    db = args.db or f'/tmp/lede-search-{args.mb:g}mb.db'
    fresh = not os.path.exists(db)
    conn = connect(db, args.ext)
    if fresh:
        t = time.time()
        conn.execute('CREATE VIRTUAL TABLE articles USING lede')
        n = 0
        with conn:
            for source, raw in generate.synthetic(args.mb):
                conn.execute('INSERT INTO articles(source, raw) VALUES (?, ?)', (source, raw))
                n += 1
        print(f'built {db}: {n} articles in {time.time() - t:.0f}s')
    mb = conn.execute('SELECT sum(length(CAST(raw AS BLOB))) / 1e6 FROM articles_doc').fetchone()[0]
    nsent = conn.execute('SELECT count(*) FROM articles_sentence').fetchone()[0]
    step = max(1, nsent // args.queries)
    claims = [r[0] for r in conn.execute(
        'SELECT substr(d.body, s.start + 1, s."end" - s.start) FROM articles_sentence s'
        ' JOIN articles_doc d ON d.id = s.article_id WHERE (s.article_id * 31 + s.idx) % ? = 0 LIMIT ?',
        (step, args.queries))]
    lede_sql = 'SELECT article_id, sentence_idx, sentence, score FROM claim_match(?) ORDER BY score DESC LIMIT 10'
    fts_sql = ('SELECT rowid, bm25(articles_fts) FROM articles_fts'
               ' WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT 10')
    stop = set(l.strip() for l in open(os.path.join(ROOT, 'ext', 'data', 'claim_stopwords.txt'))
               if l.strip() and not l.startswith('#'))
    lede_t, fts_t, fts2_t, found = [], [], [], 0
    for c in claims:
        words = sorted(set(w.lower() for w in re.findall(r'\w+', c)))
        q = ' OR '.join('"' + w.replace('"', '""') + '"' for w in words)
        tf, _ = best_time(conn, fts_sql, (q,), args.repeat)
        q2 = ' OR '.join('"' + w + '"' for w in words if w not in stop) or q
        tf2, _ = best_time(conn, fts_sql, (q2,), args.repeat)
        fts2_t.append(tf2)
        tl, rows = best_time(conn, lede_sql, (c,), args.repeat)
        fts_t.append(tf)
        lede_t.append(tl)
        found += any(r[2] == c for r in rows[:1])
    # Scalar throughput: one claim against every stored sentence.
    scan_t, score_t = [], []
    for c in claims[:5]:
        t0, _ = best_time(conn, 'SELECT sum(length(text)) FROM sentences', (), 1)
        t1, _ = best_time(conn, 'SELECT sum(claim_match(?, text)) FROM sentences', (c,), 1)
        scan_t.append(t0)
        score_t.append(t1)
    commit = subprocess.run(['git', 'rev-parse', '--short=12', 'HEAD'], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), '?')
    med_l, med_f = statistics.median(lede_t) * 1000, statistics.median(fts_t) * 1000
    pairs = nsent / statistics.median(score_t)
    pairs_net = nsent / max(1e-9, statistics.median(score_t) - statistics.median(scan_t))
    print(f'## {time.strftime("%Y-%m-%d")} commit {commit}, {cpu}, Python {platform.python_version()},'
          f' SQLite {sqlite3.sqlite_version}')
    print(f'corpus: {mb:.1f} MB raw, {nsent} sentences; {len(claims)} claims (stored sentences), best of {args.repeat}')
    print('| query | median ms | p90 ms | mean ms |')
    print('|---|---|---|---|')
    for name, ts in (('FTS5 bm25, OR of every word, LIMIT 10', fts_t),
                     ('FTS5 bm25, OR of the words minus claim_stopwords.txt, LIMIT 10', fts2_t),
                     ('claim_match(claim) LIMIT 10', lede_t)):
        ts = sorted(ts)
        print(f'| {name} | {statistics.median(ts) * 1000:.2f} | {ts[int(0.9 * (len(ts) - 1))] * 1000:.2f} |'
              f' {statistics.mean(ts) * 1000:.2f} |')
    med_f2 = statistics.median(fts2_t) * 1000
    print(f'ratio claim_match / FTS5 (medians): {med_l / med_f:.2f} against every word, {med_l / med_f2:.2f} against'
          f' the content words; claim found itself first: {found}/{len(claims)}')
    print(f'scalar: {pairs:,.0f} pairs/s through SQL (scan alone {statistics.median(scan_t) * 1000:.0f} ms,'
          f' with claim_match {statistics.median(score_t) * 1000:.0f} ms for {nsent} sentences;'
          f' {pairs_net:,.0f} pairs/s net of the scan)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
