#!/bin/sh
# bench/entities — throughput of entity extraction, on one core.
# Input: the project's samples/ repeated to about 20 MB (no outside data),
# or, with a second argument, every *.txt under that directory once (real
# text that does not repeat, e.g. ../shared/dev-data/polnear; best of 5).
# Usage: bench/entities/run.sh [build-dir] [text-dir]
#   (after cmake --build build)
set -e
B=${1:-build}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if [ -n "${2:-}" ]; then
  if [ ! -d "$2" ]; then echo "bench/entities: no directory $2; skipping"; exit 0; fi
  find "$2" -name '*.txt' | sort | while read -r f; do cat "$f"; printf '\036'; done > "$T/in.txt"
  runs=5
else
  for f in samples/*.txt; do cat "$f"; printf '\036'; done > "$T/one.txt"
  n=$((20000000 / $(wc -c < "$T/one.txt") + 1))
  for i in $(seq "$n"); do cat "$T/one.txt"; done > "$T/in.txt"
  runs=1
fi
for r in $(seq "$runs"); do
  /usr/bin/time -f '%U' -o "$T/user" "$B/lede_entities_cli" --time < "$T/in.txt" > "$T/out.tsv" 2> "$T/parts"
  /usr/bin/python3 -c "import sys; b,u,m=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f'{b/1e6:.1f} MB, {m} mentions, {u:.2f} s user, {b/1e6/u:.1f} MB/s (make_document + extract_entities + output)')" \
    "$(wc -c < "$T/in.txt")" "$(cat "$T/user")" "$(wc -l < "$T/out.tsv")"
  # extract_entities alone (CPU time measured inside the driver)
  /usr/bin/python3 -c "import sys,re; b=int(sys.argv[1]); t=float(re.search(r'extract_entities ([0-9.]+)', sys.argv[2]).group(1)); print(f'extract_entities alone: {t:.2f} s CPU, {b/1e6/t:.1f} MB/s')" \
    "$(wc -c < "$T/in.txt")" "$(cat "$T/parts")"
done
