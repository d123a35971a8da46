#!/usr/bin/env python3
"""Print the relations of a kgex GraphML file with the text they were read from.

    tools/explain.py GRAPH.graphml [TEXT.txt]

Each edge's provenance (DOC#SENTENCE:START-END, character offsets; "%" and
white space in DOC percent-encoded) is looked up in TEXT (default: the
document named in the provenance).
"""
import sys
import xml.etree.ElementTree as ET
from urllib.parse import unquote

NS = "{http://graphml.graphdrawing.org/xmlns}"


def main():
    root = ET.parse(sys.argv[1]).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(NS + "key")}
    nodes = {}
    for n in root.iter(NS + "node"):
        d = {keys[x.get("key")]: x.text or "" for x in n.findall(NS + "data")}
        nodes[n.get("id")] = d
    texts = {}
    for e in root.iter(NS + "edge"):
        d = {keys[x.get("key")]: x.text or "" for x in e.findall(NS + "data")}
        src, dst = nodes[e.get("source")], nodes[e.get("target")]
        prov = d.get("provenance", "").split(" ")[0]
        snippet = ""
        if "#" in prov:
            doc, _, rest = prov.rpartition("#")
            doc = unquote(doc)  # provenance percent-encodes "%" and white space
            path = sys.argv[2] if len(sys.argv) > 2 else doc
            if path not in texts:
                try:
                    texts[path] = open(path, encoding="utf-8", errors="replace").read()
                except OSError:
                    texts[path] = ""
            a, b = (int(x) for x in rest.split(":")[1].split("-"))
            t = texts[path]
            snippet = t[max(0, a - 60):a] + "[[" + t[a:b] + "]]" + t[b:b + 60]
            snippet = snippet.replace("\n", " ")
        print(f"{d.get('relation'):12} {src.get('label')} -> {dst.get('label')}\n    {snippet}")


if __name__ == "__main__":
    main()
