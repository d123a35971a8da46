#!/usr/bin/env bash
# graph_tools.sh - the graph tools read kgex's GraphML and GEXF back:
# NetworkX and python-igraph (py/graph_readers.py), Gephi Lite's importers
# graphology + graphology-graphml + graphology-gexf (js/graphology.mjs);
# Neo4j APOC's and Gephi's importers, modelled from their source
# (py/importer_rules.py: relationship and edge types, Gephi's edge merge);
# GraphML validates against the official schema and GEXF against the GEXF
# 1.3 RELAX NG grammar; GEXF 1.2 is read by NetworkX 2.8 (py/gexf_networkx.py);
# the SVG renders (rsvg-convert) to a picture that is
# not blank (Pillow counts its pixels). Inputs: examples/news and every text
# in tests/fixtures/news.
#
# Prints "ok - ..." per check; exits 1 on a failure, 77 (skipped) when a
# tool is missing outside CI.
set -uo pipefail
. "$(dirname "$0")/lib.bash"

require "python3-networkx and python3-igraph" "$py" -c "import networkx, igraph" || finish
require "node and tests/e2e/js/node_modules (graphology)" test -d "$KGEX_NODE_MODULES/graphology-gexf" || finish
require "rsvg-convert (librsvg2-bin)" command -v rsvg-convert || finish
require "python3-pil" "$py" -c "import PIL" || finish
make_outputs
run_checks "$py" "$here/py/importer_rules.py" selftest "$tmp"

for n in "${names[@]}"; do
    o=$tmp/out/$n
    check "$n: GraphML (with analytics) valid against graphml.xsd but for label/labels" \
        valid_graphml_but_tool_attrs "$o.graphml"
    check "$n: GEXF valid against the GEXF 1.3 RELAX NG schema" \
        xmllint --noout --nonet --relaxng "$src/schemas/gexf/gexf.rng" "$o.gexf"
    run_checks "$py" "$here/py/graph_readers.py" "$o.graphml"
    run_checks node "$here/js/graphology.mjs" "$o.graphml" "$o.gexf"
    run_checks "$py" "$here/py/importer_rules.py" apoc "$o.graphml"
    run_checks "$py" "$here/py/importer_rules.py" gephi-graphml "$o.graphml"
    if [ "$n" = examples ]; then # dated articles: the timeline plays everything
        run_checks "$py" "$here/py/importer_rules.py" gephi-gexf "$o.gexf" --timeline 0.95
    else
        run_checks "$py" "$here/py/importer_rules.py" gephi-gexf "$o.gexf"
    fi
    run_checks "$py" "$here/py/svg_layout.py" "$o.svg"
    check "$n: SVG renders with rsvg-convert $(rsvg-convert --version | awk '{print $3}')" \
        rsvg-convert -o "$o.png" "$o.svg"
    run_checks "$py" - "$o.png" "$n" <<'PY'
import sys
from PIL import Image
img = Image.open(sys.argv[1]).convert("RGB")
w, h = img.size
colours = img.getcolors(maxcolors=1 << 20) or []
ink = sum(c for c, rgb in colours if rgb != (255, 255, 255))
kinds = {(0x1f, 0x77, 0xb4), (0x2c, 0xa0, 0x2c), (0xff, 0x7f, 0x0e), (0x94, 0x67, 0xbd)}
seen = {rgb for _, rgb in colours} & kinds
ok = w >= 600 and h >= 400 and ink > 0.01 * w * h and len(seen) >= 2
print("%s - %s: PNG %dx%d not blank (%.1f%% non-white pixels, %d kind colours)"
      % ("ok" if ok else "not ok", sys.argv[2], w, h, 100.0 * ink / (w * h), len(seen)))
PY
done

# GEXF 1.2 (--gexf-version 1.2) for NetworkX 2.x, which refuses GEXF 1.3;
# graphology and the Gephi model read it as they read 1.3.
o=$tmp/out/g12
if "$bin" -q --analytics --gexf-version 1.2 -o "$o.gexf" -o "$o.graphml" \
    "$src/examples/news" 2>"$tmp/err" && "$bin" -q -o "$o.13.gexf" "$src/examples/news"; then
    run_checks "$py" "$here/py/gexf_networkx.py" "$o.gexf" "$o.13.gexf" "$o.graphml"
    run_checks node "$here/js/graphology.mjs" "$o.graphml" "$o.gexf"
    run_checks "$py" "$here/py/importer_rules.py" gephi-gexf "$o.gexf"
else
    not_ok "kgex --gexf-version 1.2" "$tmp/err"
fi
finish
