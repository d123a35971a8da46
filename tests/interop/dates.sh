#!/usr/bin/env bash
# dates.sh - dates per document and per mention, and facts that do not
# depend on the order of the inputs. Two reports of one attack
# (fixtures/dates): a_shelling.txt, dateline "YEREVAN, March 5, 2024 -",
# "shelled ... on Monday" (CAMEO 194); b_attack.txt, dateline March 12,
# "attacked ... on March 11, 2024" (CAMEO 190).
#   - the dateline is the report's date: a's attack is Monday 2024-03-04;
#   - each document's named graph in the N-Quads holds its own date of the
#     attack, typed xsd:date, and no other document's;
#   - kgex a b and kgex b a give the same graph but for the order of the
#     provenance records (the edge keeps the earliest date and the CAMEO
#     code of the first mention in document order);
#   - the GEXF timeline starts the attack at its earliest date and every
#     other element at its document's date.
# Prints "ok - ..." per check; exits 1 on any failure.
set -uo pipefail
. "$(dirname "$0")/lib.bash"

[ -x "$bin" ] || { not_ok "kgex binary: $bin is not executable"; finish; }
cd "$here/fixtures/dates" || exit 1
a=a_shelling.txt
b=b_attack.txt
o=$tmp

"$bin" -q -o "$o/ab.graphml" -o "$o/ab.nq" "$a" "$b"
"$bin" -q -o "$o/ba.graphml" -o "$o/ba.nq" "$b" "$a"
"$bin" -q -o "$o/ab.gexf" "$a" "$b"
"$bin" -q -o "$o/a.graphml" "$a"

attack_field() { # FILE KEY: the KEY data of the attacked edge
    "$py" - "$1" "$2" <<'PY'
import sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
print(" ".join(sorted(str(d.get(sys.argv[2])) for _, _, d in g.edges(data=True)
                      if d["relation"] == "attacked")))
PY
}
check "a dateline is the report's date: 'on Monday' after 'YEREVAN, March 5, 2024 -' is 2024-03-04" \
    test "$(attack_field "$o/a.graphml" date)" = 2024-03-04
check "the attack keeps the earliest date of its mentions, whatever the input order" \
    test "$(attack_field "$o/ab.graphml" date) $(attack_field "$o/ba.graphml" date)" = "2024-03-04 2024-03-04"
check "the attack keeps the CAMEO code of its first mention in document order, whatever the input order" \
    test "$(attack_field "$o/ab.graphml" cameo) $(attack_field "$o/ba.graphml" cameo)" = "194 194"
same_but_provenance() {
    cmp <(grep -v 'provenance">' "$1") <(grep -v 'provenance">' "$2")
}
check "kgex a b and kgex b a: the same GraphML but for the order of provenance records" \
    same_but_provenance "$o/ab.graphml" "$o/ba.graphml"

run_checks "$py" - "$o/ab.nq" "$a" "$b" <<'PY'
import sys
from urllib.parse import quote
import rdflib
KGEX = rdflib.Namespace("https://w3id.org/kgex/ns#")
XSD_DATE = rdflib.URIRef("http://www.w3.org/2001/XMLSchema#date")
ds = rdflib.Dataset()
ds.parse(sys.argv[1], format="nquads")
expect = {sys.argv[2]: "2024-03-04", sys.argv[3]: "2024-03-11"}
for doc, date in expect.items():
    g = ds.graph(rdflib.URIRef("https://w3id.org/kgex/doc/" + quote(doc, safe="")))
    dates = {o for r in g.subjects(KGEX.relation, rdflib.Literal("attacked"))
             for o in g.objects(r, KGEX.date)}
    ok = dates == {rdflib.Literal(date, datatype=XSD_DATE)}
    print("%s - N-Quads: the graph of %s dates the attack %s only, as xsd:date (has %s)"
          % ("ok" if ok else "not ok", doc, date, sorted(str(d) for d in dates)))
PY

gexf_start() { # ID-SUBSTRING: start of the first element whose line has it
    grep -m1 "$1" "$o/ab.gexf" | sed -n 's/.* start="\([0-9-]*\)".*/\1/p'
}
check "GEXF: the attack starts at its earliest date" test "$(gexf_start 'kind="attacked"')" = 2024-03-04
check "GEXF: an undated membership starts at its document's date (the dateline)" \
    test "$(gexf_start 'kind="member_of"')" = 2024-03-12
check "GEXF: a state starts at its first document's date" \
    test "$(gexf_start '<node id="state/ARM"')" = 2024-03-05
finish
