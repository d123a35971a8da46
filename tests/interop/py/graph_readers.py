#!/usr/bin/python3
"""Read kgex GraphML with NetworkX and python-igraph and check what they get.

  /usr/bin/python3 graph_readers.py FILE.graphml...

The files must have been written with --analytics. For each file, both
readers must see every node and edge (counted in the file itself), the
kinds and relations kgex writes, and the attribute types: weight, pagerank,
betweenness and weighted_degree as floats, mentions, degrees, community and
component as ints, with degrees that match the edges read and PageRank
summing to 1. Prints "ok - ..." per check; exits 1 on any failure.
"""
import math
import re
import sys

import igraph
import networkx as nx

import tap
from tap import report

KINDS = {"state", "organization", "official", "event"}
RELATIONS = {"member_of", "official_of", "attacked", "appealed_to", "stated", "about"}


def counts_in_file(path):
    text = open(path, encoding="utf-8").read()
    return len(re.findall(r"<node ", text)), len(re.findall(r"<edge ", text))


def check_networkx(path, n_nodes, n_edges):
    g = nx.read_graphml(path)
    name = "%s: NetworkX %s" % (path, nx.__version__)
    report(isinstance(g, nx.MultiDiGraph) or g.is_directed(), name + " reads a directed graph")
    report(g.number_of_nodes() == n_nodes and g.number_of_edges() == n_edges,
           name + " reads %d nodes and %d edges (file has %d, %d)"
           % (g.number_of_nodes(), g.number_of_edges(), n_nodes, n_edges))
    nodes = list(g.nodes(data=True))
    report(all(d.get("kind") in KINDS for _, d in nodes), name + ": every node has a known kind")
    report(all(isinstance(d.get("mentions"), int) for _, d in nodes), name + ": mentions are int")
    report(all(isinstance(d.get(k), float) for _, d in nodes
               for k in ("pagerank", "betweenness", "weighted_degree")),
           name + ": pagerank, betweenness, weighted_degree are float")
    report(all(isinstance(d.get(k), int) for _, d in nodes
               for k in ("in_degree", "out_degree", "community", "component")),
           name + ": in_degree, out_degree, community, component are int")
    if nodes:
        total = sum(d["pagerank"] for _, d in nodes)
        report(abs(total - 1.0) < 1e-6, name + ": PageRank sums to 1 (%.9f)" % total)
    edges = list(g.edges(data=True))
    report(all(d.get("relation") in RELATIONS for _, _, d in edges),
           name + ": every edge has a known relation")
    report(all(isinstance(d.get("weight"), float) and d["weight"] >= 1 for _, _, d in edges),
           name + ": weight is a float >= 1")
    ok = all(d["out_degree"] == g.out_degree(v) and d["in_degree"] == g.in_degree(v)
             for v, d in nodes)
    report(ok, name + ": in_degree/out_degree equal the degrees NetworkX counts")
    # what a user's first analysis calls: NetworkX's PageRank needs numpy and
    # scipy (scripts/setup.sh installs them)
    try:
        pr = nx.pagerank(nx.DiGraph(g), weight="weight") if nodes else {}
        ok, why = abs(sum(pr.values()) - 1.0) < 1e-6 or not nodes, ""
    except ImportError as e:
        ok, why = False, " (%s)" % e
    report(ok, name + ": nx.pagerank runs" + why)
    comps = {}
    for v, d in nodes:
        comps.setdefault(d["component"], set()).add(v)
    weak = [set(c) for c in nx.weakly_connected_components(g)] if nodes else []
    report(sorted(map(sorted, comps.values())) == sorted(map(sorted, weak)),
           name + ": component equals NetworkX's weakly connected components (%d)" % len(weak))
    return g


def check_igraph(path, n_nodes, n_edges, nxg):
    g = igraph.Graph.Read_GraphML(path)
    name = "%s: python-igraph %s" % (path, igraph.__version__)
    report(g.is_directed(), name + " reads a directed graph")
    report(g.vcount() == n_nodes and g.ecount() == n_edges,
           name + " reads %d nodes and %d edges" % (g.vcount(), g.ecount()))
    if g.vcount() == 0:
        return
    report(set(g.vs["kind"]) <= KINDS, name + ": kinds")
    report(all(isinstance(x, float) and x >= 1 for x in g.es["weight"]) if g.ecount() else True,
           name + ": weight is a number >= 1")
    report(all(isinstance(x, float) for x in g.vs["pagerank"]), name + ": pagerank is a number")
    # igraph reads GraphML int as float: compare values
    report(all(float(x) == float(nxg.nodes[i]["mentions"])
               for x, i in zip(g.vs["mentions"], g.vs["id"])),
           name + ": mentions equal NetworkX's")
    # kgex ranks the actors (states, organizations, officials) on the graph
    # of the relations between them; statements take no part and get 0
    actors = g.induced_subgraph([v.index for v in g.vs if v["kind"] != "event"])
    pr = actors.pagerank(weights="weight" if actors.ecount() else None, directed=True)
    diff = max([abs(a - b) for a, b in zip(pr, actors.vs["pagerank"])] + [0])
    report(diff < 1e-6, name + ": kgex pagerank equals igraph's own on the actor graph read "
           "(max diff %.2g)" % diff)
    events = [v["pagerank"] for v in g.vs if v["kind"] == "event"]
    least_actor = min(actors.vs["pagerank"]) if actors.vcount() else 0
    report(all(x == 0 for x in events) and all(x <= least_actor for x in events),
           name + ": no statement outranks an actor (%d statements, PageRank 0)" % len(events))
    rel = set(g.es["relation"]) if g.ecount() else set()
    report(rel <= RELATIONS, name + ": relations")


def main(paths):
    for path in paths:
        n_nodes, n_edges = counts_in_file(path)
        nxg = check_networkx(path, n_nodes, n_edges)
        check_igraph(path, n_nodes, n_edges, nxg)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
