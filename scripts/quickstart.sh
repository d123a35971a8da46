#!/usr/bin/env bash
# quickstart.sh - install and build what is missing (scripts/setup.sh), then
# extract the knowledge graph of the example articles in examples/news into
# out/examples.graphml and out/examples.jsonld.
#
#   bash scripts/quickstart.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/setup.sh
mkdir -p out
echo "quickstart: build/kgex -o out/examples.graphml -o out/examples.jsonld examples/news"
if ! summary=$(build/kgex -o out/examples.graphml -o out/examples.jsonld examples/news 2>&1); then
    printf '%s\n' "$summary" >&2
    exit 1
fi
printf '%s\n' "$summary"
echo "quickstart: GraphML: $root/out/examples.graphml"
echo "quickstart: JSON-LD: $root/out/examples.jsonld"
echo "quickstart: examples/README.md lists the entities and relations to expect"
