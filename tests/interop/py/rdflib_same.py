#!/usr/bin/python3
"""rdflib reads kgex's N-Quads and JSON-LD and gets the same triples.

  /usr/bin/python3 rdflib_same.py FILE.jsonld FILE.nq [DOCS]

The JSON-LD is parsed offline (its @context is inline). The union of the
N-Quads graphs must equal the JSON-LD graph triple for triple, literals
compared by value and datatype; every named graph must be a kgex document
graph, and with DOCS given there must be that many. Prints "ok - ..." per
check; exits 1 on any failure.
"""
import sys
from urllib.parse import unquote

import rdflib

DOC_BASE = "https://w3id.org/kgex/doc/"
KGEX = rdflib.Namespace("https://w3id.org/kgex/ns#")
failed = 0


def report(ok, name, detail=None):
    global failed
    print(("ok - " if ok else "not ok - ") + name)
    if not ok:
        failed += 1
        if detail:
            for line in detail:
                print("#   %s" % (line,))


def main(jsonld_path, nq_path, docs=None):
    js = rdflib.Graph()
    js.parse(jsonld_path, format="json-ld")
    ds = rdflib.Dataset()
    ds.parse(nq_path, format="nquads")
    union = set()
    graphs = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        union.add((s, p, o))
        # rdflib 6 puts default-graph triples into a graph named by the
        # file's URL (or DATASET_DEFAULT_GRAPH_ID): those are not named
        if g is not None and str(g) != str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID) \
                and not str(g).startswith("file:"):
            graphs.add(str(g))
    jset = set(js)
    name = "%s: rdflib %s" % (nq_path, rdflib.__version__)
    report(len(jset) > 0 and union == jset,
           name + ": N-Quads union = JSON-LD graph (%d and %d triples)" % (len(union), len(jset)),
           [("missing", t) for t in list(jset - union)[:3]] +
           [("extra", t) for t in list(union - jset)[:3]])
    report(all(g.startswith(DOC_BASE) for g in graphs),
           name + ": every named graph is a document (%d)" % len(graphs))
    if docs is not None:
        report(len(graphs) == docs, name + ": %d document graphs, expected %d" % (len(graphs), docs))
    # provenance literals sit in the graph of their own document
    ok = True
    for s, p, o, g in ds.quads((None, KGEX.provenance, None, None)):
        doc = str(o).rsplit("#", 1)[0]
        if g is not None and str(g).startswith(DOC_BASE):
            ok = ok and unquote(str(g)[len(DOC_BASE):]) == doc.replace("%25", "%")
    report(ok, name + ": each kgex:provenance literal is in its document's graph")
    return 1 if failed else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(args[0], args[1], int(args[2]) if len(args) > 2 else None))
