#!/usr/bin/env bash
# run.sh - throughput and memory of kgex on a generated corpus.
#
#   bash bench/run.sh [BUILD_DIR] [MEGABYTES] [RUNS]
#
# The corpus is the project's own example articles (examples/news) repeated
# to about MEGABYTES MB, once as many small documents (one file each) and
# once as a single large document. Each configuration runs RUNS times; the
# script prints the median of kgex's own --timings phases, the median wall
# time, the peak resident memory, and the ratio of kgex's wall time to a
# reference run of `wc -w` over the same files in the same invocation (the
# ratio is what to compare across machines and days: these machines are
# shared and noisy).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
mb=${2:-20}
runs=${3:-5}
kgex=$build/kgex
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/docs"
i=0
bytes=0
while [ "$bytes" -lt $((mb * 1000000)) ]; do
    for f in "$root"/examples/news/*.txt; do
        i=$((i + 1))
        cp "$f" "$tmp/docs/$(printf '%06d' "$i").txt"
        bytes=$((bytes + $(stat -c %s "$f")))
    done
done
cat "$tmp"/docs/*.txt >"$tmp/one.txt"
echo "corpus: $i documents, $bytes bytes; runs: $runs; $(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores; $(uname -m)"

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

bench() {
    local name=$1 input=$2 r
    : >"$tmp/t.extract"; : >"$tmp/t.write"; : >"$tmp/t.wall"; : >"$tmp/t.ref"; : >"$tmp/t.rss"
    for r in $(seq "$runs"); do
        local s e
        s=$(date +%s.%N)
        find $input -name "*.txt" -print0 | xargs -0 cat | wc -w >/dev/null
        e=$(date +%s.%N)
        echo "$e - $s" | bc -l >>"$tmp/t.ref"
        s=$(date +%s.%N)
        /usr/bin/time -f '%M' -o "$tmp/rss" "$kgex" --timings -o "$tmp/out.graphml" -o "$tmp/out.jsonld" $input 2>"$tmp/err"
        e=$(date +%s.%N)
        echo "$e - $s" | bc -l >>"$tmp/t.wall"
        sed -n 's/.*extract \([0-9.]*\) s.*/\1/p' "$tmp/err" >>"$tmp/t.extract"
        sed -n 's/.*write \([0-9.]*\) s.*/\1/p' "$tmp/err" >>"$tmp/t.write"
        cat "$tmp/rss" >>"$tmp/t.rss"
    done
    local ext wr wall ref rss
    ext=$(median <"$tmp/t.extract"); wr=$(median <"$tmp/t.write")
    wall=$(median <"$tmp/t.wall"); ref=$(median <"$tmp/t.ref"); rss=$(median <"$tmp/t.rss")
    printf '%-22s extract %6.3f s (%5.1f MB/s)  write %6.3f s  wall %6.3f s  peak RSS %4d MiB  wall/wc %5.1f\n' \
        "$name" "$ext" "$(echo "$bytes / 1000000 / $ext" | bc -l)" "$wr" "$wall" "$((rss / 1024))" \
        "$(echo "$wall / $ref" | bc -l)"
}

bench "many documents" "$tmp/docs"
bench "one document" "$tmp/one.txt"
