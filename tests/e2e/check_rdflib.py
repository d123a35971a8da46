#!/usr/bin/python3
"""Check kgex JSON-LD files with rdflib (Debian python3-rdflib).

  /usr/bin/python3 check_rdflib.py FILE.jsonld...

Each file must parse as JSON-LD into more than zero triples, at least one of
them with a https://w3id.org/kgex/ns# predicate. Prints "FILE: N triples,
M kgex"; exits 1 on any failure, 2 on bad usage.
"""
import sys

import rdflib

KGEX_NS = "https://w3id.org/kgex/ns#"


def check(path):
    g = rdflib.Graph()
    g.parse(path, format="json-ld")
    total = len(g)
    kgex = sum(1 for _, p, _ in g if str(p).startswith(KGEX_NS))
    if total == 0:
        raise ValueError("no triples")
    if kgex == 0:
        raise ValueError("no triple with a %s predicate" % KGEX_NS)
    return total, kgex


def main(argv):
    if not argv:
        print("usage: check_rdflib.py FILE.jsonld...", file=sys.stderr)
        return 2
    status = 0
    for path in argv:
        try:
            total, kgex = check(path)
        except Exception as e:  # report every file, then fail
            print("%s: %s" % (path, e), file=sys.stderr)
            status = 1
            continue
        print("%s: %d triples, %d kgex" % (path, total, kgex))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
