#!/usr/bin/env python3
"""Consistency check for the hand-written annotations of samples/.

Every opening quotation mark in a sample must be accounted for by exactly one
row of quotes.tsv or scare_quotes.tsv, and every row must match the text.
Also checks expected.tsv: titles appear verbatim as a line of their file.
Run from the repository root: python3 samples/check-annotations.py
"""
import csv, glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OPEN = re.compile(r'(?:^|(?<=[\s(\-—]))([“"‘«„])(?=\S)', re.M)
STRIP = ',.;:!?”"’»“'


def norm(s):
    return s.replace('\u00a0', ' ').replace('\r\n', '\n')


def start_words(s, i):
    """First four words of the quote that opens at s[i], stopping at its close."""
    rest = s[i + 1:].split('\n')[0]
    close = re.search(r'[”"»“]|’(?![A-Za-z])', rest)
    if close:
        rest = rest[:close.start()]
    words = rest.split()[:4]
    if words:
        words[-1] = words[-1].rstrip(STRIP)
    return ' '.join(words)


def read_tsv(name):
    with open(os.path.join(HERE, name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))


def main():
    errors = []
    texts = {}
    for p in sorted(glob.glob(os.path.join(HERE, '*.txt'))):
        texts['samples/' + os.path.basename(p)] = norm(open(p, encoding='utf-8', newline='').read())
    expected = read_tsv('expected.tsv')
    if sorted(r['source'] for r in expected) != sorted(texts):
        errors.append('expected.tsv does not list exactly the sample files')
    for r in expected:
        t = texts.get(r['source'], '')
        if r['title'] != 'NULL' and r['title'] not in [l.strip() for l in t.split('\n')]:
            errors.append(f"{r['source']}: title not a line of the file")
        if r['section'] != 'NULL' and r['section'] not in t:
            errors.append(f"{r['source']}: section not in file")
        for name in ([] if r['byline'] == 'NULL' else r['byline'].split(', ')):
            if name not in t.split('\n\n')[0] and name not in '\n'.join(t.split('\n')[:12]):
                errors.append(f"{r['source']}: byline name {name!r} not near the top")
    wanted = {}
    for r in read_tsv('quotes.tsv'):
        wanted.setdefault(r['source'], []).append(r['quote_start_words'])
        if r['kind'] not in ('direct', 'partial'):
            errors.append(f"quotes.tsv: bad kind {r['kind']!r}")
    for r in read_tsv('scare_quotes.tsv'):
        wanted.setdefault(r['source'], []).append(start_words(' ' + r['text'], 0))
    for src, t in texts.items():
        found = [start_words(t, m.start(1)) for m in OPEN.finditer(t)]
        want = wanted.get(src, [])
        for w in set(found) | set(want):
            if found.count(w) != want.count(w):
                errors.append(f'{src}: {w!r} opens {found.count(w)}x in text, annotated {want.count(w)}x')
    for e in errors:
        print(e)
    print('ok' if not errors else f'{len(errors)} problem(s)')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
