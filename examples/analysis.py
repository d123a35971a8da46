#!/usr/bin/python3
"""A short analysis of a kgex graph with NetworkX and python-igraph.

  build/kgex --analytics -o out/graph.graphml examples/news
  /usr/bin/python3 examples/analysis.py out/graph.graphml

Prints the actors kgex ranked highest by PageRank, who attacked whom and
who appealed to whom (with dates), the communities kgex found, and checks
the PageRank against igraph's own on the graph it read. Needs Debian's
python3-networkx and python3-igraph.
"""
import sys
from collections import defaultdict

import igraph
import networkx as nx

path = sys.argv[1] if len(sys.argv) > 1 else "out/graph.graphml"
g = nx.read_graphml(path)  # a MultiDiGraph: one edge per relation
print("%d nodes, %d edges" % (g.number_of_nodes(), g.number_of_edges()))

actors = [(d.get("pagerank", 0.0), d["label"], d["kind"])
          for _, d in g.nodes(data=True) if d["kind"] != "event"]
print("\ntop actors by PageRank (kgex --analytics):")
for pr, label, kind in sorted(actors, reverse=True)[:10]:
    print("  %.4f  %s (%s)" % (pr, label, kind))

for rel in ("attacked", "appealed_to"):
    print("\n%s:" % rel)
    for s, t, d in g.edges(data=True):
        if d["relation"] == rel:
            print("  %s -> %s  %s  weight %g" % (g.nodes[s]["label"], g.nodes[t]["label"],
                                                d.get("date", "-"), d["weight"]))

communities = defaultdict(list)
for _, d in g.nodes(data=True):
    if d["kind"] != "event" and "community" in d:
        communities[d["community"]].append(d["label"])
print("\ncommunities (multilevel on the undirected graph):")
for c, members in sorted(communities.items()):
    print("  %d: %s" % (c, ", ".join(sorted(members))))

ig = igraph.Graph.Read_GraphML(path)
if ig.ecount() and "pagerank" in ig.vs.attributes():
    own = ig.pagerank(weights="weight", directed=True)
    diff = max(abs(a - b) for a, b in zip(own, ig.vs["pagerank"]))
    print("\nigraph %s PageRank vs kgex's: max difference %.2g" % (igraph.__version__, diff))
