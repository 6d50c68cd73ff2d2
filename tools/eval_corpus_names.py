#!/usr/bin/python3
"""eval_corpus_names.py — lone family names resolved across a corpus.

    /usr/bin/python3 tools/eval_corpus_names.py [--ext build/lede]
                                                [--data ../shared/dev-data/polnear]
                                                [--sample 30] [--seed 7]

Loads every PolNeAR text (train and dev) into one corpus and reports the
PERSON mentions of one word that took a full name the article itself does
not write (docs/entities.md, "Across the corpus"): how many, the names
most often given, and a random sample with its sentence, to be judged by
reading; and the full names with middle names or initials that took
the usual full name ('Donald J. Trump' -> 'Donald Trump'). Exits 0 with
a message when the data is absent.
"""
import argparse, glob, os, random, sqlite3, sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ext", default="build/lede")
    ap.add_argument("--data", default="../shared/dev-data/polnear")
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.data, "**", "*.txt"), recursive=True))
    if not files:
        print(f"eval_corpus_names: no PolNeAR texts under {args.data}; skipping")
        return 0
    con = sqlite3.connect(":memory:")
    con.enable_load_extension(True)
    con.load_extension(args.ext)
    con.execute("CREATE VIRTUAL TABLE articles USING lede")
    with con:
        for f in files:
            with open(f, encoding="utf-8", errors="replace") as fh:
                con.execute("INSERT INTO articles(source, raw) VALUES (?, ?)", (f, fh.read()))
    one = lambda sql: con.execute(sql).fetchone()[0]
    mentions = one("SELECT count(*) FROM entity_mentions WHERE type = 'PERSON'")
    distinct = one("SELECT count(DISTINCT entity) FROM entity_mentions WHERE type = 'PERSON'")
    print(f"{len(files)} articles, {mentions} PERSON mentions, {distinct} distinct PERSON entities")
    # Lone mentions whose full name the article does not write itself.
    across = """FROM entity_mentions e WHERE e.type = 'PERSON' AND instr(e.mention, ' ') = 0
                  AND instr(e.entity, ' ') > 0 AND NOT EXISTS (
                    SELECT 1 FROM entity_mentions f WHERE f.article_id = e.article_id
                       AND f.entity = e.entity AND instr(f.mention, ' ') > 0)"""
    rows = con.execute(f"SELECT e.entity, e.mention, count(*) {across} GROUP BY 1, 2 ORDER BY 3 DESC").fetchall()
    print(f"lone mentions given a full name from other articles: {sum(r[2] for r in rows)} ({len(rows)} names)")
    left = one("SELECT count(*) FROM entity_mentions WHERE type = 'PERSON' AND instr(entity, ' ') = 0")
    print(f"lone PERSON mentions left: {left}")
    for entity, mention, n in rows[:20]:
        print(f"  {n:5d}  {mention} -> {entity}")
    # Full names with middle names or initials that took the usual name.
    variants = con.execute("""SELECT l.name, e.entity, count(*) FROM articles_lone l
                                JOIN articles_entity e ON e.article_id = l.article_id AND e.idx = l.idx
                               WHERE l.kind = 0 AND instr(l.name, ' ') > 0 AND e.entity <> l.name
                               GROUP BY 1, 2 ORDER BY 3 DESC""").fetchall()
    print(f"variants given the usual full name: {sum(v[2] for v in variants)} mentions ({len(variants)} names)")
    for name, entity, n in variants[:12]:
        print(f"  {n:5d}  {name} -> {entity}")
    sample = con.execute(f"""SELECT e.entity, e.mention, s.text {across.replace('FROM entity_mentions e',
                          'FROM entity_mentions e JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx')}
                          ORDER BY e.article_id, e.start""").fetchall()
    random.seed(args.seed)
    print(f"random sample of {min(args.sample, len(sample))} (judge by reading):")
    for entity, mention, text in random.sample(sample, min(args.sample, len(sample))):
        print(f"  {mention} -> {entity} | {' '.join(text.split())[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
