#!/usr/bin/env bash
# analytics.sh - time of the analytics and the drawings (GEXF + SVG) on
# generated news of a given size.
#
#   bash bench/analytics.sh [BUILD_DIR] [MEGABYTES]...     (default: build 10 100)
#   RUNS=3 bash bench/analytics.sh build 10
#
# For each size, a corpus of about MEGABYTES MB of news-style documents is
# generated (../shared/bench/gen_corpus.py when it is there: states,
# organizations and 5,000 invented officials in statements, attacks,
# appeals and memberships; else the project's examples/news repeated), and
# kgex is run RUNS times (default 3) two ways on it, in the same
# invocation:
#   - drawings: -o g.gexf -o g.svg (analytics with the layout, both writers);
#   - reference: -o g.graphml --no-analytics (the same extraction, one
#     plain writer).
# Printed per size: the graph (nodes, edges), the medians of kgex's own
# --timings phases (extract, analytics, write), the wall time, the peak
# resident memory, and the ratio of the drawing run's wall time to the
# reference's (compare that ratio across machines and days: the machines
# are shared and noisy). The analytics time is what this measures: before
# it was near-linear the layout alone took 96 s for 400 KB of text.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100)
runs=${RUNS:-3}
kgex=$build/kgex
gen=$root/../shared/bench/gen_corpus.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# corpus DIR MEGABYTES: about MEGABYTES MB of documents in DIR
corpus() {
    local dir=$1 mb=$2 i=0 bytes=0
    mkdir -p "$dir"
    if [ -f "$gen" ]; then
        /usr/bin/python3 "$gen" --docs $((mb * 590)) --out "$dir" >/dev/null
    else
        while [ "$bytes" -lt $((mb * 1000000)) ]; do
            for f in "$root"/examples/news/*.txt; do
                i=$((i + 1))
                cp "$f" "$dir/$(printf '%07d' "$i").txt"
                bytes=$((bytes + $(stat -c %s "$f")))
            done
        done
    fi
}

# run NAME ARGS...: RUNS runs; medians into the globals
run() {
    local name=$1 r s e
    shift
    : >"$tmp/t.extract"; : >"$tmp/t.analytics"; : >"$tmp/t.write"; : >"$tmp/t.wall"; : >"$tmp/t.rss"
    for r in $(seq "$runs"); do
        s=$(date +%s.%N)
        /usr/bin/time -f '%M' -o "$tmp/rss" "$kgex" --timings "$@" 2>"$tmp/err"
        e=$(date +%s.%N)
        echo "$e - $s" | bc -l >>"$tmp/t.wall"
        sed -n 's/.*extract \([0-9.]*\) s.*/\1/p' "$tmp/err" >>"$tmp/t.extract"
        sed -n 's/.*analytics \([0-9.]*\) s.*/\1/p' "$tmp/err" >>"$tmp/t.analytics"
        sed -n 's/.*write \([0-9.]*\) s.*/\1/p' "$tmp/err" >>"$tmp/t.write"
        cat "$tmp/rss" >>"$tmp/t.rss"
    done
    ext=$(median <"$tmp/t.extract"); ana=$(median <"$tmp/t.analytics")
    wr=$(median <"$tmp/t.write"); wall=$(median <"$tmp/t.wall"); rss=$(median <"$tmp/t.rss")
    printf '  %-10s extract %7.2f s  analytics %6.2f s  write %6.2f s  wall %7.2f s  peak RSS %5d MiB\n' \
        "$name" "$ext" "${ana:-0}" "$wr" "$wall" "$((rss / 1024))"
}

echo "$(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores; $(uname -m); runs: $runs; $("$kgex" --version)"
for mb in "${sizes[@]}"; do
    rm -rf "$tmp/docs"
    corpus "$tmp/docs" "$mb"
    echo "$mb MB: $(find "$tmp/docs" -type f | wc -l) documents, $(du -sb "$tmp/docs" | cut -f1) bytes"
    run drawings -o "$tmp/g.gexf" -o "$tmp/g.svg" "$tmp/docs"
    d_wall=$wall
    echo "  graph: $(grep -o '[0-9]* states, [0-9]* organizations, [0-9]* officials, [0-9]* events; [0-9]* relations' "$tmp/err" |
        awk '{print $1 + $3 + $5 + $7 " nodes (" $7 " statements), " $9 " edges"}')"
    run reference -q -o "$tmp/g.graphml" --no-analytics "$tmp/docs"
    printf '  drawings / reference wall time: %.2f\n' "$(echo "$d_wall / $wall" | bc -l)"
done
