#!/usr/bin/python3
"""Debian's NetworkX reads kgex's GEXF 1.2 output (it knows 1.1draft and
1.2draft only, so GEXF 1.3 is refused with "No <graph> element").

  /usr/bin/python3 gexf_networkx.py FILE12.gexf FILE13.gexf FILE.graphml

Both GEXF files and the GraphML come from one run with --analytics. The 1.2
file must give the GraphML's nodes and edges with their kinds, relations,
labels, weights, positions and start dates; the 1.3 file must be the one
NetworkX cannot read (what --gexf-version 1.2 is for).
"""
import sys

import networkx as nx

import tap
from tap import report


def main(g12, g13, graphml):
    name = "%s: NetworkX %s read_gexf" % (g12, nx.__version__)
    g = nx.read_gexf(g12)
    ref = nx.read_graphml(graphml)
    report(g.number_of_nodes() == ref.number_of_nodes() and
           g.number_of_edges() == ref.number_of_edges(),
           "%s: %d nodes, %d edges (GraphML %d, %d)" % (name, g.number_of_nodes(),
                                                        g.number_of_edges(),
                                                        ref.number_of_nodes(),
                                                        ref.number_of_edges()))
    kinds = {d["canonical_id"]: d.get("kind") for _, d in g.nodes(data=True)}
    ref_kinds = {d["canonical_id"]: d.get("kind") for _, d in ref.nodes(data=True)}
    report(kinds == ref_kinds, name + ": every node with the kind the GraphML gives it")
    rels = sorted((u, d["relation"], v, d["weight"]) for u, v, d in g.edges(data=True))
    canon = {n: d["canonical_id"] for n, d in ref.nodes(data=True)}
    ref_rels = sorted((canon[u], d["relation"], canon[v], d["weight"])
                      for u, v, d in ref.edges(data=True))
    report(rels == ref_rels, name + ": the same relations and weights as the GraphML")
    report(all(isinstance(d.get("pagerank"), float) and isinstance(d.get("mentions"), int)
               for _, d in g.nodes(data=True)), name + ": pagerank float, mentions int")
    report(all("viz" in d and "position" in d["viz"] for _, d in g.nodes(data=True)),
           name + ": every node has a viz position")
    try:
        nx.read_gexf(g13)
        refused = False
    except nx.NetworkXError:
        refused = True
    report(refused, "%s: NetworkX %s refuses GEXF 1.3 (use --gexf-version 1.2)"
           % (g13, nx.__version__))
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
