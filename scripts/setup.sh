#!/usr/bin/env bash
# setup.sh — install the Debian/Ubuntu packages lede needs, only those missing.
# Works as root and through sudo. Used by demo.sh and test.sh.
set -euo pipefail
packages=(cmake g++ make pkg-config libsqlite3-dev sqlite3 libutf8proc-dev catch2 libstemmer-dev python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  echo "setup: please install: ${missing[*]} (needs root or sudo)" >&2
  exit 1
fi
