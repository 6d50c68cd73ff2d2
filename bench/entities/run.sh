#!/bin/sh
# bench/entities — throughput of entity extraction, on one core.
# Input: the project's samples/ repeated to about 20 MB (no outside data).
# Usage: bench/entities/run.sh [build-dir]     (after cmake --build build)
set -e
B=${1:-build}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for f in samples/*.txt; do cat "$f"; printf '\036'; done > "$T/one.txt"
n=$((20000000 / $(wc -c < "$T/one.txt") + 1))
for i in $(seq "$n"); do cat "$T/one.txt"; done > "$T/in.txt"
/usr/bin/time -f '%U' -o "$T/user" "$B/lede_entities_cli" --time < "$T/in.txt" > "$T/out.tsv" 2> "$T/parts"
/usr/bin/python3 -c "import sys; b,u,m=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f'{b/1e6:.1f} MB, {m} mentions, {u:.2f} s user, {b/1e6/u:.1f} MB/s (make_document + extract_entities + output)')" \
  "$(wc -c < "$T/in.txt")" "$(cat "$T/user")" "$(wc -l < "$T/out.tsv")"
# extract_entities alone (CPU time measured inside the driver)
/usr/bin/python3 -c "import sys,re; b=int(sys.argv[1]); t=float(re.search(r'extract_entities ([0-9.]+)', sys.argv[2]).group(1)); print(f'extract_entities alone: {t:.2f} s CPU, {b/1e6/t:.1f} MB/s')" \
  "$(wc -c < "$T/in.txt")" "$(cat "$T/parts")"
