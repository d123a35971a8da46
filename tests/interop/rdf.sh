#!/usr/bin/env bash
# rdf.sh - RDF consumers read kgex's JSON-LD, N-Quads and N-Triples back:
# jsonld.js toRDF of the JSON-LD gives exactly the N-Triples, and the
# N-Quads hold the same triples in one graph per document (js/rdf_same.mjs);
# rdflib parses N-Quads and JSON-LD to the same triple set
# (py/rdflib_same.py); Oxigraph loads the N-Quads and answers SPARQL queries
# whose answers examples/README.md states (js/oxigraph.mjs); the JSON-LD
# conforms to the SHACL shapes schemas/shapes.ttl and the broken fixture
# does not (js/shacl.mjs, rdf-validate-shacl). Inputs: examples/news and
# every text in tests/fixtures/news.
#
# Prints "ok - ..." per check; exits 1 on a failure, 77 (skipped) when a
# tool is missing outside CI.
set -uo pipefail
. "$(dirname "$0")/lib.bash"

require "python3-rdflib" "$py" -c "import rdflib" || finish
require "node and tests/e2e/js/node_modules (jsonld, oxigraph, rdf-validate-shacl)" \
    test -d "$KGEX_NODE_MODULES/oxigraph" -a -d "$KGEX_NODE_MODULES/rdf-validate-shacl" || finish
make_outputs

jsonlds=()
for n in "${names[@]}"; do
    o=$tmp/out/$n
    jsonlds+=("$o.jsonld")
    run_checks node "$here/js/rdf_same.mjs" "$o.jsonld" "$o.nt" "$o.nq"
    if [ "$n" = examples ]; then
        run_checks "$py" "$here/py/rdflib_same.py" "$o.jsonld" "$o.nq" 3
        run_checks node "$here/js/oxigraph.mjs" "$o.nq" "$src/examples/README.md"
    else
        run_checks "$py" "$here/py/rdflib_same.py" "$o.jsonld" "$o.nq" 1
        run_checks node "$here/js/oxigraph.mjs" "$o.nq"
    fi
done
run_checks node "$here/js/shacl.mjs" "$src/schemas/shapes.ttl" "${jsonlds[@]}"
run_checks node "$here/js/shacl.mjs" "$src/schemas/shapes.ttl" --expect-fail \
    "$here/fixtures/broken.jsonld"
finish
