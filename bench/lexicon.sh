#!/usr/bin/env bash
# lexicon.sh - load time of large lexicons (not a test: figures for bench/README.md).
#
#   bash bench/lexicon.sh [BUILD_DIR] [RUNS]
#
# Generates user lexicons of 25,000, 50,000, 100,000 and 200,000 entries
# (a quarter organizations, a quarter places, half officials with two
# dated roles each; names made up) and loads each with
# `kgex --no-default-lexicon --lexicon FILE --timings` on an empty input,
# RUNS times. Prints the median load time, the time per 1,000 entries
# (flat when loading is linear), the peak resident memory, and the ratio
# to a reference run in the same invocation: Python's json.load of the same
# file (the ratio is what to compare across machines and days). Also the
# default lexicon's load time and the size of the library.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
runs=${2:-5}
kgex=$build/kgex
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/empty.txt"

gen() {
    "$py" - "$1" "$2" <<'PY'
import json, sys
n, out = int(sys.argv[1]), sys.argv[2]
syl = ["ka", "ro", "ten", "mi", "sul", "dar", "vo", "len", "ash", "ur", "bel", "no", "tas", "ri"]
def word(i, k=3):
    s = ""
    for _ in range(k):
        s += syl[i % len(syl)]
        i //= len(syl)
    return s.capitalize()
states = [{"id": "Q%s" % "".join(chr(65 + (i // 26 ** j) % 26) for j in (1, 0)), "name": "Statia " + word(i, 4),
           "iso3": "Q%s" % "".join(chr(65 + (i // 26 ** j) % 26) for j in (1, 0)), "un_member": False}
          for i in range(200)]
orgs = [{"id": "org-%d" % i, "name": "%s %s Council" % (word(i), word(i * 7 + 3)), "type": "other",
         "acronyms": ["X%dQ" % i]} for i in range(n // 4)]
places = [{"name": "%s %s" % (word(i, 4), word(i * 3 + 1)), "state": states[i % 200]["id"], "kind": "city"}
          for i in range(n // 4)]
officials = [{"name": "%s %s %d" % (word(i), word(i * 11 + 5, 4), i), "roles": [
    {"of": "state/" + states[i % 200]["id"], "title": "Minister", "from": "2001-05", "to": "2006"},
    {"of": "org/org-%d" % (i % (n // 4)), "title": "Chair", "from": "2010"}]} for i in range(n - n // 2)]
json.dump({"kgex_lexicon": 1, "states": states, "organizations": orgs, "places": places,
           "officials": officials}, open(out, "w"))
PY
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "lexicon load: runs $runs; $(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores; $(uname -m)"
printf '%-9s %9s %12s %14s %9s %11s\n' entries MB "load (s)" "s per 1,000" "RSS MB" "ratio/json"
for n in 25000 50000 100000 200000; do
    f=$tmp/lex-$n.json
    gen "$n" "$f"
    : >"$tmp/t"; : >"$tmp/r"; : >"$tmp/m"
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%M' -o "$tmp/rss" "$kgex" -q --no-default-lexicon --lexicon "$f" --timings \
            -o "$tmp/out.graphml" "$tmp/empty.txt" 2>"$tmp/err"
        grep -o 'lexicon [0-9.]*' "$tmp/err" | awk '{print $2}' >>"$tmp/t"
        tail -1 "$tmp/rss" >>"$tmp/m"
        s=$(date +%s.%N)
        "$py" -c 'import json, sys; json.load(open(sys.argv[1]))' "$f"
        e=$(date +%s.%N)
        echo "$e - $s" | bc -l >>"$tmp/r"
    done
    t=$(median <"$tmp/t")
    r=$(median <"$tmp/r")
    m=$(median <"$tmp/m")
    printf '%-9s %9.1f %12.3f %14.4f %9.0f %11.2f\n' "$n" "$(echo "$(stat -c %s "$f") / 1000000" | bc -l)" \
        "$t" "$(echo "$t * 1000 / $n" | bc -l)" "$(echo "$m / 1024" | bc -l)" "$(echo "$t / $r" | bc -l)"
done
: >"$tmp/t"
for _ in $(seq "$runs"); do
    "$kgex" -q --timings -o "$tmp/out.graphml" "$tmp/empty.txt" 2>"$tmp/err"
    grep -o 'lexicon [0-9.]*' "$tmp/err" | awk '{print $2}' >>"$tmp/t"
done
echo "default lexicon: load $(median <"$tmp/t") s (median); library $(stat -L -c %s "$build/libkgex.so") bytes"
