#!/usr/bin/python3
"""Generates ext/data/ner-gazetteer.tsv and ext/data/countries.tsv from Debian
data packages, so the gazetteers are reproducible and need no download:

  iso-codes  /usr/share/iso-codes/json/iso_3166-{1,2,3}.json  countries, regions
  tzdata     /usr/share/zoneinfo/zone1970.tab, zone.tab        cities
  wamerican  /usr/share/dict/american-english                  proper nouns (P),
                                                               common words (W)
  ieee-data  /usr/share/ieee-data/{oui,mam,oui36,iab}.csv      organisations (O)

ner-gazetteer.tsv: lower-cased phrase TAB class letters (C country, R region
or state, T city, P proper noun, W common word, O organisation). The tagger
uses the classes as features only: which class predicts which label is
learned from data.

Organisations come from the IEEE registration authority's public listing of
the companies that hold hardware address blocks (about 30,000 names: 'Apple,
Inc.', 'Amazon Technologies Inc.', 'Cisco Systems, Inc'). Each name is added
without its legal suffixes ('apple', 'cisco systems') and, when it ends in a
generic business word, also without that word ('cisco', 'amazon').
countries.tsv: alias TAB canonical country name (GPE canonical forms).

Usage: tools/ner/make_gazetteer.py [ext/data]   (run from the repository root)
"""
import csv
import json
import os
import re
import sys

ISO = '/usr/share/iso-codes/json'
out_dir = sys.argv[1] if len(sys.argv) > 1 else 'ext/data'
classes = {}


def add(phrase, cls):
    p = ' '.join(phrase.lower().split())
    if len(p) < 2:
        return
    classes.setdefault(p, set()).add(cls)


aliases = {}
for e in json.load(open(f'{ISO}/iso_3166-1.json'))['3166-1']:
    canon = e.get('common_name') or e['name']
    if ',' in canon:  # 'Congo, The Democratic Republic of the'
        canon = e.get('official_name') or canon
    for key in ('name', 'common_name', 'official_name'):
        n = e.get(key)
        if n and ',' not in n:
            add(n, 'C')
            aliases[n] = canon
for e in json.load(open(f'{ISO}/iso_3166-3.json'))['3166-3']:
    n = e['name']
    if ',' not in n:
        add(n, 'C')
for e in json.load(open(f'{ISO}/iso_3166-2.json'))['3166-2']:
    n = e['name']
    if ',' not in n and '(' not in n:
        add(n, 'R')
for tab in ('zone1970.tab', 'zone.tab'):
    for line in open(f'/usr/share/zoneinfo/{tab}', encoding='utf-8'):
        if line.startswith('#'):
            continue
        f = line.split('\t')
        if len(f) >= 3:
            add(f[2].strip().split('/')[-1].replace('_', ' '), 'T')
for line in open('/usr/share/dict/american-english', encoding='utf-8'):
    w = line.strip()
    if not w or "'" in w:
        continue
    add(w, 'P' if w[0].isupper() else 'W')

# Legal forms and generic business words at the end of a registered name.
LEGAL = {'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd',
         'limited', 'llc', 'l.l.c', 'gmbh', 'ag', 'sa', 's.a', 'sas', 'plc', 'lp',
         'l.p', 'pty', 'pvt', 'pte', 'srl', 's.r.l', 's.r.o', 'spa', 's.p.a', 'bv',
         'b.v', 'nv', 'n.v', 'oy', 'ab', 'as', 'a/s', 'kg', 'kft', 'sro', 'ltda',
         'a.s', 'd.o.o', 'sdn', 'bhd', 'mbh', 'co.ltd', 'co.,ltd', 'ltd.co',
         '&', 'and', 'the'}
GENERIC = {'technologies', 'technology', 'systems', 'electronics', 'group',
           'international', 'holdings', 'industries', 'solutions', 'networks',
           'communications', 'labs', 'enterprises'}
# Registry entries that are not names of organisations.
NOT_NAMES = {'private', 'ieee registration authority'}


def org_words(name):
    """The words of a registered name without parenthesised parts ('(UK)'),
    legal forms and a leading 'the'."""
    n = re.sub(r'\([^)]*\)', ' ', name)
    words = [w for w in re.split(r'[\s,]+', n.lower()) if w]
    while words and words[-1].strip('.') in LEGAL:
        words.pop()
    while words and words[0] == 'the':
        words.pop(0)
    return words


def usable(form):
    return form not in NOT_NAMES and len(form) >= 3 and any(c.isalpha() for c in form)


# A word that opens many different registered names is a place or a
# qualifier ('Shenzhen ...', 'Digital ...', 'Advanced ...'), not a company.
IEEE = '/usr/share/ieee-data'
registered = []
for fn in ('oui.csv', 'mam.csv', 'oui36.csv', 'iab.csv'):
    with open(os.path.join(IEEE, fn), encoding='utf-8', errors='replace') as f:
        registered += [row[2] for row in csv.reader(f) if len(row) >= 3 and row[0] != 'Registry']
openers = {}
for words in {tuple(org_words(r)) for r in registered}:
    if words:
        openers[words[0]] = openers.get(words[0], 0) + 1
# Blocks registered per form: the whole name, and the name without a final
# generic word ('Amazon Technologies' -> 'amazon'), which must be a company
# that registered several blocks (not 'Europe Technologies' once).
whole, short = {}, {}
for r in registered:
    words = org_words(r)
    if not words or len(words) > 6:
        continue
    form = ' '.join(words)
    whole[form] = whole.get(form, 0) + 1
    if len(words) >= 2 and words[-1] in GENERIC:
        form = ' '.join(words[:-1])
        short[form] = short.get(form, 0) + 1
for form in set(whole) | set(short):
    # Single words only: the document pass looks words up one at a time.
    if ' ' in form or not usable(form) or (openers.get(form, 0) > 20 and form not in whole):
        continue
    if form in whole or short[form] >= 3:
        add(form, 'O')

with open(os.path.join(out_dir, 'ner-gazetteer.tsv'), 'w', encoding='utf-8') as f:
    f.write('# Generated by tools/ner/make_gazetteer.py from iso-codes, tzdata, wamerican, ieee-data.\n')
    for p in sorted(classes):
        f.write(f"{p}\t{''.join(sorted(classes[p]))}\n")
with open(os.path.join(out_dir, 'countries.tsv'), 'w', encoding='utf-8') as f:
    f.write('# Generated by tools/ner/make_gazetteer.py from iso-codes: alias TAB canonical.\n')
    for a in sorted(aliases):
        f.write(f'{a}\t{aliases[a]}\n')
