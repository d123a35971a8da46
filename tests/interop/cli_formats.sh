#!/usr/bin/env bash
# cli_formats.sh - the command line of the interop features: formats from
# extensions and -f, --analytics defaults (off for plain GraphML/JSON-LD, on
# for GEXF, SVG and --report), --report on stdout or stderr, and what it
# says about examples/news (the attack of examples/README.md with its date
# and sources). Prints "ok - ..." per check; exits 1 on any failure.
set -uo pipefail
. "$(dirname "$0")/lib.bash"

[ -x "$bin" ] || { not_ok "kgex binary: $bin is not executable"; finish; }
news=$src/examples/news
o=$tmp

"$bin" -q -o "$o/plain.graphml" -o "$o/plain.jsonld" "$news"
check "no analytics in plain GraphML by default" bash -c "! grep -q pagerank '$o/plain.graphml'"
no_metrics_jsonld() { ! grep -Eq '"pagerank": [0-9]' "$1"; }
check "no analytics in plain JSON-LD by default" no_metrics_jsonld "$o/plain.jsonld"
"$bin" -q -o "$o/with.graphml" -o "$o/with.gexf" "$news"
check "analytics on with a GEXF output" grep -q '<data key="pagerank">' "$o/with.graphml"
"$bin" -q --no-analytics -o "$o/none.gexf" "$news"
check "--no-analytics: GEXF without positions" bash -c "! grep -q viz:position '$o/none.gexf'"
check "--no-analytics: GEXF still valid" \
    xmllint --noout --nonet --relaxng "$src/schemas/gexf/gexf.rng" "$o/none.gexf"
"$bin" -q -f nquads -o - "$news" >"$o/stdout.nq"
check "-f nquads -o -: N-Quads on stdout" grep -q '<https://w3id.org/kgex/doc/' "$o/stdout.nq"
"$bin" -q -f ntriples "$news" >"$o/stdout.nt"
check "-f ntriples: N-Triples on stdout, no graphs" bash -c "test -s '$o/stdout.nt' && ! grep -q 'kgex/doc/' '$o/stdout.nt'"
"$bin" -q -o "$o/x.out" -f svg "$news"
check "-f svg with an unknown extension" grep -q '<svg ' "$o/x.out"
"$bin" -q -f bogus "$news" 2>"$o/err" >/dev/null
check "-f bogus names the formats" grep -q 'gexf, nquads, ntriples or svg' "$o/err"

"$bin" -q --report -o "$o/r.graphml" "$news" >"$o/report" 2>"$o/err"
check "--report: on stdout" grep -q '^kgex report: 3 documents' "$o/report"
check "--report: counts by kind and relation" grep -q '^edges by relation: member_of' "$o/report"
check "--report: top actors by PageRank (the CSTO, which its members point to, then Armenia)" \
    grep -Pzq '\n +1\. [0-9.]+  Collective Security Treaty Organization \(organization\)\n +2\. [0-9.]+  Armenia \(state\)\n' "$o/report"
check "--report: the attack with its date and sources" \
    grep -Eq '^  Azerbaijan -> Armenia, 2024-03-03, .*01_tavush_shelling.txt#[0-9]+.*03_invasion_condemned.txt#[0-9]+' "$o/report"
check "--report: the appeal to the UN" grep -q '^  Armenia -> United Nations' "$o/report"
"$bin" -q --report "$news" >"$o/g.graphml" 2>"$o/report2"
check "--report with the graph on stdout: report on stderr" grep -q '^kgex report:' "$o/report2"
check "--report with the graph on stdout: stdout is only GraphML" valid_graphml_but_tool_attrs "$o/g.graphml"

mkdir -p "$o/dir with space"
cp "$news/01_tavush_shelling.txt" "$o/dir with space/100% shelling.txt"
(cd "$o" && "$bin" -q -o explain.graphml "dir with space/100% shelling.txt" &&
    "$py" "$src/tools/explain.py" explain.graphml >explain.out)
check "tools/explain.py percent-decodes document names (a space and a %): it finds the text" \
    grep -q '\[\[Armenian\]\]' "$o/explain.out"
check "tools/explain.py shows the text of every relation" \
    bash -c "test -s '$o/explain.out' && ! grep -q '^    \[\[\]\]' '$o/explain.out'"

"$bin" -q --graphml-flavor strict -o "$o/strict.graphml" "$news"
check "--graphml-flavor strict: valid against graphml.xsd as it is" \
    xmllint --noout --nonet --schema "$src/schemas/graphml/graphml.xsd" "$o/strict.graphml"
strip_tool_attrs "$o/plain.graphml" >"$o/plain-stripped.graphml"
check "the default flavor is the strict one plus an edge label and node labels" \
    cmp "$o/plain-stripped.graphml" "$o/strict.graphml"
"$bin" -q --graphml-flavor apoc -o "$o/x.graphml" "$news" 2>"$o/err"
check "--graphml-flavor apoc: a usage error naming the flavors" grep -q 'expected tools or strict' "$o/err"
finish
