#!/usr/bin/python3
"""What Gephi and Neo4j APOC make of kgex's GraphML and GEXF, by their rules.

  /usr/bin/python3 importer_rules.py apoc FILE.graphml
  /usr/bin/python3 importer_rules.py gephi-graphml FILE.graphml
  /usr/bin/python3 importer_rules.py gephi-gexf FILE.gexf [--timeline MIN_SHARE]
  /usr/bin/python3 importer_rules.py selftest TMPDIR

Neither program can be installed here, so this module models, from their
source, the parts of their importers that decide what a file becomes:

- Neo4j APOC, apoc.import.graphml (apoc/export/graphml/XmlGraphMLReader.java)
  with readLabels: true. It reads the file as a stream of StAX events
  (coalesced characters). <key>: kept by id, for nodes when `for` is absent
  or "node", else for relationships; the property name is attr.name.
  <node>: labels from its `labels` attribute (split at ":"). <edge>: the
  relationship type is its `label` attribute; without one, the reader
  looks at the next events: whitespace is skipped, a <data key="label">
  start tag is skipped and the text after it becomes the type, and any
  other start tag is consumed and the type is the default ("UNKNOWN"; so
  that <data> element is lost). <data>: a node's data with key id
  "labels" adds labels; a relationship's data with key id "label" is not
  stored; everything else becomes a property named by the key's attr.name.
- Gephi, ImporterGraphML + DefaultProcessor: an edge's type is its `label`
  XML attribute (nothing else sets it); keys whose id or attr.name is
  "label" or "weight" (for="edge") set the edge label and weight, "label"
  (for="node") the node label; other keys become columns. DefaultProcessor
  then merges edges with the same source, target and type (default merge
  strategy SUM): the weights add up and the later edge's attributes replace
  the earlier one's.
- Gephi, ImporterGEXF: the edge type is the `kind` attribute; a `start`
  attribute (no spells) gives the element the interval [start, +inf) in a
  dynamic graph; the same DefaultProcessor merge.

Each command prints "ok - ..." or "not ok - ..." lines; exit 1 on a failure.
"""
import sys
import xml.sax

import tap
from tap import report

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
RELATIONS = {"member_of", "official_of", "attacked", "appealed_to", "stated", "about"}
APOC_LABELS = {"state": "State", "organization": "Organization", "official": "Official",
               "event": "Event"}


# --- a StAX-like event stream ------------------------------------------------

class _Events(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.events = []

    def startElementNS(self, name, qname, attrs):
        plain = {k[1]: v for k, v in attrs.items()}
        self.events.append(("start", name[1], plain))

    def endElementNS(self, name, qname):
        self.events.append(("end", name[1], None))

    def characters(self, content):
        # javax.xml.stream.isCoalescing: adjacent character data is one event
        if self.events and self.events[-1][0] == "chars":
            self.events[-1] = ("chars", self.events[-1][1] + content, None)
        else:
            self.events.append(("chars", content, None))


def events_of(path):
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    handler = _Events()
    parser.setContentHandler(handler)
    parser.parse(path)
    handler.events.append(("enddoc", None, None))
    return handler.events


def is_white(ev):
    return ev[0] == "chars" and ev[1].strip() == ""


# --- Neo4j APOC ----------------------------------------------------------------

def _parse(kind, value):
    kind = (kind or "string").strip().lower()
    if kind in ("int", "long"):
        return int(value)
    if kind in ("float", "double"):
        return float(value)
    if kind == "boolean":
        return value.lower() == "true"
    return value


def apoc_import(path, read_labels=True):
    """Nodes as {"id", "labels", "props"}, relationships as {"type", "props"}."""
    ev = events_of(path)
    i = 0
    node_keys, rel_keys = {}, {}
    nodes, by_id, rels = [], {}, []
    last = None

    def peek_skip_white(j):
        while is_white(ev[j]):
            j += 1
        return j

    def rel_type(j):
        # getRelationshipType: raw peeks from j; returns (type, next index)
        while True:
            e = ev[j]
            if read_labels:
                if e[0] == "chars" and not is_white(e):
                    return e[1].replace(":", "").strip(), j
                label_key = e[0] == "start" and e[2].get("key") == "label"
                if e[0] != "enddoc" and (e[0] == "chars" or e[0] != "start" or label_key):
                    j += 1
                    continue
            return "UNKNOWN", j + 1  # consumes the next event

    while ev[i][0] != "enddoc":
        kind, name, attrs = ev[i]
        i += 1
        if kind != "start" or name in ("graphml", "graph"):
            continue
        if name == "key":
            key = {"name": attrs.get("attr.name"), "type": attrs.get("attr.type")}
            if attrs.get("for") is None or attrs.get("for").lower() == "node":
                node_keys[attrs.get("id")] = key
            else:
                rel_keys[attrs.get("id")] = key
        elif name == "data":
            if last is None:
                continue
            kid = attrs.get("key")
            is_node = last in nodes
            key = (node_keys if is_node else rel_keys).get(kid, {"name": kid, "type": "string"})
            j = peek_skip_white(i)
            data = None
            while ev[j][0] == "chars":
                data = (data or "") + ev[j][1]
                j = peek_skip_white(j + 1)
            i = j
            if data is None or data.strip() == "":
                continue
            value = _parse(key["type"], data)
            if read_labels and is_node and kid == "labels":
                last["labels"] |= {p.strip() for p in value.split(":") if p.strip()}
            elif not read_labels or is_node or kid != "label":
                last["props"][key["name"]] = value
        elif name == "node":
            node = {"id": attrs.get("id"), "labels": set(), "props": {}}
            if read_labels and attrs.get("labels"):
                node["labels"] |= {p.strip() for p in attrs["labels"].split(":") if p.strip()}
            nodes.append(node)
            by_id[node["id"]] = node
            last = node
        elif name == "edge":
            label = attrs.get("label")
            if label is None:
                label, i = rel_type(i)
            rel = {"type": label, "source": attrs.get("source"), "target": attrs.get("target"),
                   "props": {}}
            rels.append(rel)
            last = rel
    return nodes, rels


def check_apoc(path):
    text = open(path, encoding="utf-8").read()
    n_nodes, n_edges = text.count("<node "), text.count("<edge ")
    nodes, rels = apoc_import(path, read_labels=True)
    name = "%s: Neo4j APOC import (readLabels: true)" % path
    report(len(nodes) == n_nodes and len(rels) == n_edges,
           "%s: %d nodes, %d relationships" % (name, len(nodes), len(rels)))
    bad = [r for r in rels if r["type"] != r["props"].get("relation")]
    report(not bad, "%s: every relationship's type is its relation (%d are not: %s)"
           % (name, len(bad), sorted({r["type"] for r in bad})[:3]))
    report({r["type"] for r in rels} <= RELATIONS,
           "%s: types %s" % (name, sorted({r["type"] for r in rels})))
    lost = [r for r in rels if "weight" not in r["props"] or "provenance" not in r["props"]]
    report(not lost, "%s: every relationship keeps weight and provenance (%d do not)"
           % (name, len(lost)))
    wrong = [n for n in nodes if n["labels"] != {APOC_LABELS.get(n["props"].get("kind"))}]
    report(not wrong, "%s: every node has its kind as its one label (%d do not)"
           % (name, len(wrong)))
    report(all(isinstance(n["props"].get("mentions"), int) for n in nodes),
           "%s: mentions are integers" % name)


# --- Gephi ---------------------------------------------------------------------

def _merge(edges):
    """DefaultProcessor: edges with the same (source, target, type) become one;
    strategy SUM adds the weights, the later attributes replace the earlier."""
    merged = {}
    for e in edges:
        k = (e["source"], e["target"], e["type"])
        if k in merged:
            m = merged[k]
            m["weight"] += e["weight"]
            m["attrs"] = dict(e["attrs"])
            m["count"] += 1
        else:
            merged[k] = dict(e, attrs=dict(e["attrs"]), count=1)
    return list(merged.values())


def gephi_graphml(path):
    ev = events_of(path)
    keys = {}  # id -> (for, role): role "label"/"weight"/"column"
    nodes, edges = {}, []
    cur = None
    i = 0
    while ev[i][0] != "enddoc":
        kind, name, attrs = ev[i]
        i += 1
        if kind != "start":
            continue
        if name == "key":
            kid, title, fr = attrs.get("id", ""), attrs.get("attr.name") or attrs.get("id"), \
                attrs.get("for", "all").lower()
            if fr == "node" and "label" in (kid, title):
                keys[kid] = ("node", "label")
            elif fr == "edge" and "label" in (kid, title):
                keys[kid] = ("edge", "label")
            elif fr == "edge" and "weight" in (kid, title):
                keys[kid] = ("edge", "weight")
            else:
                keys[kid] = (fr, "column")
        elif name == "node":
            cur = nodes.setdefault(attrs["id"], {"label": None, "attrs": {}})
        elif name == "edge":
            label = attrs.get("label")
            cur = {"source": attrs["source"], "target": attrs["target"],
                   "type": label.strip() if label and label.strip() else None,
                   "weight": 1.0, "label": None, "attrs": {}}
            edges.append(cur)
        elif name == "data":
            value = ""
            while ev[i][0] == "chars":
                value += ev[i][1].strip() and ev[i][1] or ""
                i += 1
            if not value:
                continue
            fr, role = keys.get(attrs.get("key"), ("all", "column"))
            is_edge = "source" in cur
            if role == "label" and fr == ("edge" if is_edge else "node"):
                cur["label"] = value
            elif role == "weight" and is_edge:
                cur["weight"] = float(value)
            elif fr in ("all", "edge" if is_edge else "node"):
                cur["attrs"][attrs.get("key")] = value
    return nodes, edges


def gephi_gexf(path):
    ev = events_of(path)
    nodes, edges = {}, []
    cur = None
    for kind, name, attrs in ev:
        if kind != "start":
            continue
        if name == "node":
            cur = nodes.setdefault(attrs["id"], {"label": attrs.get("label"),
                                                 "start": attrs.get("start"), "attrs": {}})
        elif name == "edge":
            cur = {"source": attrs["source"], "target": attrs["target"],
                   "type": attrs.get("kind") or None, "label": attrs.get("label"),
                   "weight": float(attrs.get("weight", "1")), "start": attrs.get("start"),
                   "attrs": {}}
            edges.append(cur)
        elif name == "attvalue" and cur is not None:
            cur["attrs"][attrs.get("for")] = attrs.get("value")
    return nodes, edges


def check_gephi(path, edges, relation_of, what):
    merged = _merge(edges)
    name = "%s: Gephi %s import" % (path, what)
    lost = [m for m in merged if m["count"] > 1]
    report(not lost, "%s: %d edges, %d after Gephi merges same source, target and type"
           " (%d merged: %s)" % (name, len(edges), len(merged), len(lost),
                                 ["%s->%s" % (m["source"], m["target"]) for m in lost[:3]]))
    wrong = [m for m in merged if m["type"] != relation_of(m)]
    report(not wrong, "%s: every edge's type is its relation (%d are not)" % (name, len(wrong)))
    return merged


SELFTEST = """<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="label" for="all" attr.name="label" attr.type="string"/>
  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a" labels=":State"/>
    <node id="b"><data key="label">B</data></node>
    <edge source="a" target="b" label="attr_type"><data key="relation">x</data></edge>
    <edge source="a" target="b">
      <data key="label">data_type</data>
      <data key="relation">y</data>
    </edge>
    <edge source="a" target="b">
      <data key="relation">lost</data>
    </edge>
  </graph>
</graphml>
"""


def selftest(tmpdir):
    """The three ways APOC finds a relationship type, as its source reads."""
    import os
    path = os.path.join(tmpdir, "selftest.graphml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(SELFTEST)
    nodes, rels = apoc_import(path)
    report([r["type"] for r in rels] == ["attr_type", "data_type", "UNKNOWN"],
           "APOC model: type from the label attribute, from a first <data key=\"label\">, "
           "else UNKNOWN: %s" % [r["type"] for r in rels])
    report(rels[1]["props"] == {"relation": "y"} and rels[2]["props"] == {},
           "APOC model: the data read as the type is no property, and the first <data> of an"
           " edge without a type is lost: %s" % [r["props"] for r in rels])
    report(nodes[0]["labels"] == {"State"} and nodes[1]["labels"] == set(),
           "APOC model: node labels from the labels attribute")
    _, edges = gephi_graphml(path)
    merged = _merge(edges)
    report(len(merged) == 2 and sorted(str(m["type"]) for m in merged) == ["None", "attr_type"],
           "Gephi model: edges without a type merge, an edge with one stays apart")


def main(argv):
    cmd, path = argv[0], argv[1]
    if cmd == "selftest":
        selftest(path)
    elif cmd == "apoc":
        check_apoc(path)
    elif cmd == "gephi-graphml":
        nodes, edges = gephi_graphml(path)
        rel_key = "relation"
        check_gephi(path, edges, lambda e: e["attrs"].get(rel_key), "GraphML")
        report(all(e["label"] in RELATIONS for e in edges),
               "%s: Gephi GraphML import: every edge's label is its relation" % path)
        report(all(n["label"] for n in nodes.values()),
               "%s: Gephi GraphML import: every node has a label" % path)
    elif cmd == "gephi-gexf":
        nodes, edges = gephi_gexf(path)
        check_gephi(path, edges, lambda e: e["attrs"].get("relation"), "GEXF")
        if "--timeline" in argv:
            need = float(argv[argv.index("--timeline") + 1])
            elems = list(nodes.values()) + edges
            timed = sum(1 for x in elems if x["start"])
            report(elems and timed >= need * len(elems),
                   "%s: Gephi GEXF import: %d of %d elements have a start on the timeline"
                   " (at least %.0f%% asked)" % (path, timed, len(elems), 100 * need))
    else:
        sys.exit("usage: importer_rules.py apoc|gephi-graphml|gephi-gexf FILE")
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
