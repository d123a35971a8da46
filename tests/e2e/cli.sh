#!/usr/bin/env bash
# cli.sh - end-to-end test of the kgex command.
#
#   KGEX_BIN=build/kgex KGEX_SOURCE_DIR=. bash tests/e2e/cli.sh
#
# (ctest sets both variables.) Runs the CLI on examples/news and on every
# text in tests/fixtures/news, validates the GraphML against the official
# schema (schemas/graphml, xmllint) and the JSON-LD with jsonld.js (tests/e2e/js) and
# rdflib, reads the GraphML back with NetworkX and checks the facts listed in
# examples/README.md, then checks the command-line contract: options, exit
# codes, error messages, atomic replacement of outputs, stdin and directory
# inputs.
#
# Prints "ok - NAME", "not ok - NAME" or "skip - NAME" per check and a last
# line "N passed, M failed, K skipped"; exits 1 if any check failed, 77 only
# if no check could run, else 0. The jsonld.js checks need node and
# tests/e2e/js/node_modules (scripts/setup.sh runs npm ci there): without
# them they are reported as skipped, and under CI (CI set) as failed.
set -uo pipefail

src=${KGEX_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${KGEX_BIN:-$src/build/kgex}
py=/usr/bin/python3
jsdir=$src/tests/e2e/js
xsd=$src/schemas/graphml/graphml.xsd

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kgex-e2e.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
skipped=0

ok() {
    echo "ok - $1"
    passed=$((passed + 1))
}
not_ok() {
    echo "not ok - $1"
    failed=$((failed + 1))
    if [ $# -gt 1 ] && [ -s "$2" ]; then
        sed 's/^/#   /' "$2" | head -20
    fi
}
skip() {
    echo "skip - $1"
    skipped=$((skipped + 1))
}
# check NAME CMD...: ok when CMD exits 0; its output is shown on failure.
check() {
    local name=$1
    shift
    if "$@" >"$tmp/check.out" 2>&1; then
        ok "$name"
    else
        not_ok "$name" "$tmp/check.out"
    fi
}
# expect_exit NAME CODE CMD...: ok when CMD exits with CODE; CMD's stdout and
# stderr are left in $tmp/out and $tmp/err.
expect_exit() {
    local name=$1 want=$2 rc
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    if [ "$rc" -eq "$want" ]; then
        ok "$name"
    else
        echo "exit status $rc, expected $want" >"$tmp/why"
        cat "$tmp/err" >>"$tmp/why"
        not_ok "$name" "$tmp/why"
    fi
}
# Fail-or-pass on a condition: cond NAME TEST-ARGS...
cond() {
    local name=$1
    shift
    if "$@"; then ok "$name"; else not_ok "$name" "$tmp/err"; fi
}
no_tmp_files() { # DIR: no kgex temporary file left in DIR
    ! compgen -G "$1/*.tmp-*" >/dev/null
}

if [ ! -x "$bin" ]; then
    echo "not ok - kgex binary: $bin is not executable"
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi

# --- tools the checks use ---------------------------------------------------

have_node=1
if ! command -v node >/dev/null 2>&1 || [ ! -d "$jsdir/node_modules" ]; then
    have_node=0
    if [ -n "${CI:-}" ]; then
        not_ok "jsonld.js available (node and $jsdir/node_modules; run scripts/setup.sh)"
    else
        echo "# node or $jsdir/node_modules missing (run scripts/setup.sh): jsonld.js checks skipped"
    fi
fi
check "xmllint available" command -v xmllint
check "/usr/bin/python3 has rdflib and networkx" "$py" -c "import rdflib, networkx"

# The default GraphML flavor (tools) has two attributes the schema does not
# know, the edge `label` (relation) and node `labels` (APOC labels); all the
# rest must be valid.
validate_graphml() { # FILE...
    local f
    for f in "$@"; do
        sed -e '/<edge /s/ label="[a-z_]*"//' -e '/<node /s/ labels=":[A-Za-z]*"//' "$f" |
            xmllint --noout --nonet --schema "$xsd" - || return 1
    done
}
check_jsonld_node() { # FILE...
    (cd "$jsdir" && node check_jsonld.js "$@")
}
# check_node NAME CMD...: check, or skip when node cannot run (reported above)
check_node() {
    if [ "$have_node" -eq 1 ]; then check "$@"; else skip "$1"; fi
}

# --- the examples ------------------------------------------------------------

ex=$tmp/examples
mkdir -p "$ex"
expect_exit "examples: kgex writes GraphML and JSON-LD in one run" 0 \
    "$bin" -o "$ex/examples.graphml" -o "$ex/examples.jsonld" "$src/examples/news"
cp "$tmp/err" "$ex/summary"
cond "examples: summary line counts states, organizations and officials" \
    grep -Eq '[0-9]+ states, [0-9]+ organizations, [0-9]+ officials' "$ex/summary"
cond "examples: summary line counts 3 documents" grep -q '3 documents' "$ex/summary"
cond "examples: both files written" test -s "$ex/examples.graphml" -a -s "$ex/examples.jsonld"
check "examples: GraphML valid against graphml.xsd (but for label/labels)" validate_graphml "$ex/examples.graphml"
check_node "examples: JSON-LD expands and converts to N-Quads (jsonld.js)" \
    check_jsonld_node "$ex/examples.jsonld"
check "examples: JSON-LD parses with rdflib" "$py" "$src/tests/e2e/check_rdflib.py" "$ex/examples.jsonld"

# The facts of examples/README.md, read back with NetworkX; prints its own
# ok / not ok lines.
"$py" - "$src/examples/README.md" "$ex/examples.graphml" >"$tmp/facts.out" 2>&1 <<'EOF'
import re
import sys

import networkx as nx

readme, graphml = sys.argv[1], sys.argv[2]
g = nx.read_graphml(graphml)
results = []


def report(ok, name):
    results.append(ok)
    print(("ok - " if ok else "not ok - ") + name)


def norm(s):
    return " ".join(s.replace("\u2019", "'").split()).casefold()


def names_of(data):
    names = {norm(data.get("label", ""))}
    for alias in (data.get("aliases") or "").split("|"):
        if alias:
            names.add(norm(alias))
    return names


def find(name, kind=None):
    want = norm(name)
    return [n for n, d in g.nodes(data=True)
            if want in names_of(d) and (kind is None or d.get("kind") == kind)]


def edges(src, rel, dst=None):
    out = []
    for s in find(src):
        for _, t, d in g.out_edges(s, data=True):
            if d.get("relation") != rel:
                continue
            if dst is None or t in find(dst):
                out.append((s, t, d))
    return out


section = None
entities, relations, speakers = [], [], []
for line in open(readme, encoding="utf-8"):
    line = line.rstrip("\n")
    m = re.match(r"^#{2,3} (.*)", line)
    if m:
        section = m.group(1).strip()
        continue
    if not line.startswith("- "):
        continue
    body = line[2:]
    if section == "Entities":
        kind, _, names = body.partition(":")
        entities += [(kind.strip(), n.strip()) for n in names.split(";") if n.strip()]
    elif section == "Relations":
        m = re.match(r"^(\w+): (.+?) -> (.+?)(?: \(date (\d{4}-\d\d-\d\d)\))?$", body)
        if m:
            relations.append(m.groups())
        else:
            report(False, "examples/README.md: cannot read relation line %r" % body)
    elif section == "Statements":
        _, _, names = body.partition(":")
        speakers += [n.strip() for n in names.split(";") if n.strip()]

report(len(entities) >= 20 and len(relations) >= 15 and len(speakers) >= 10,
       "examples/README.md lists the expected graph (%d entities, %d relations, %d speakers)"
       % (len(entities), len(relations), len(speakers)))
kinds = {d.get("kind") for _, d in g.nodes(data=True)}
report(kinds <= {"state", "organization", "official", "event"} and "event" in kinds,
       "examples: every node has a known kind, and statements are event nodes")
relnames = {d.get("relation") for _, _, d in g.edges(data=True)}
report(relnames <= {"member_of", "official_of", "attacked", "appealed_to", "stated", "about"},
       "examples: every edge has a known relation")
weights = [d.get("weight") for _, _, d in g.edges(data=True)]
report(bool(weights) and all(isinstance(w, float) and w >= 1 for w in weights),
       "examples: NetworkX reads edge weight as a number >= 1")
for kind, name in entities:
    report(len(find(name, kind)) == 1, "examples: one %s node %s" % (kind, name))
for rel, src, dst, date in relations:
    found = edges(src, rel, dst)
    name = "examples: %s %s -> %s" % (rel, src, dst)
    if date:
        name += " dated %s" % date
        found = [e for e in found if e[2].get("date") == date]
    report(bool(found), name)
found = edges("Armenia", "appealed_to", "Collective Security Treaty Organization")
report(bool(found) and found[0][2].get("weight", 0) >= 3,
       "examples: appealed_to Armenia -> CSTO has weight >= 3 (stated in every article)")
for name in speakers:
    found = [t for _, t, _ in edges(name, "stated")
             if g.nodes[t].get("kind") == "event" and g.nodes[t].get("quote")]
    report(bool(found), "examples: %s stated (to an event node with a quote)" % name)
sys.exit(0 if all(results) else 1)
EOF
facts_rc=$?
cat "$tmp/facts.out"
passed=$((passed + $(grep -c '^ok - ' "$tmp/facts.out")))
failed=$((failed + $(grep -c '^not ok - ' "$tmp/facts.out")))
if [ "$facts_rc" -ne 0 ] && ! grep -q '^not ok - ' "$tmp/facts.out"; then
    not_ok "examples: NetworkX facts check ran (exit $facts_rc)"
fi

# --- the test texts, one at a time ------------------------------------------

ev=$tmp/texts
mkdir -p "$ev"
texts=("$src"/tests/fixtures/news/*.txt)
if [ ! -e "${texts[0]}" ]; then
    not_ok "test texts present in tests/fixtures/news"
else
    jsonlds=()
    for t in "${texts[@]}"; do
        base=$(basename "$t" .txt)
        if "$bin" --quiet -o "$ev/$base.graphml" -o "$ev/$base.jsonld" "$t" 2>"$tmp/err"; then
            ok "text $base: kgex exits 0"
            jsonlds+=("$ev/$base.jsonld")
            check "text $base: GraphML valid against graphml.xsd (but for label/labels)" validate_graphml "$ev/$base.graphml"
        else
            not_ok "text $base: kgex exits 0" "$tmp/err"
        fi
    done
    if [ ${#jsonlds[@]} -gt 0 ]; then
        check_node "texts: ${#jsonlds[@]} JSON-LD files expand and convert to N-Quads (jsonld.js)" \
            check_jsonld_node "${jsonlds[@]}"
        check "texts: ${#jsonlds[@]} JSON-LD files parse with rdflib" \
            "$py" "$src/tests/e2e/check_rdflib.py" "${jsonlds[@]}"
    fi
fi

# --- the command-line contract -----------------------------------------------

sentence='Armenian Foreign Minister Aram Karapetyan said on March 3, 2024 that Azerbaijani forces had shelled Armenia.'
printf '%s\n' "$sentence" >"$tmp/one.txt"

expect_exit "--help exits 0" 0 "$bin" --help
cond "--help prints usage" grep -q '^Usage: ' "$tmp/out"
expect_exit "--version exits 0" 0 "$bin" --version
cond "--version prints 'kgex 0.1.0'" test "$(cat "$tmp/out")" = "kgex 0.1.0"
expect_exit "no input: exit 2" 2 "$bin"
expect_exit "unknown option: exit 2" 2 "$bin" --no-such-option "$tmp/one.txt"
expect_exit "-f bogus: exit 2" 2 "$bin" -f bogus "$tmp/one.txt"
expect_exit "-o out.xyz without -f: exit 2" 2 "$bin" -o "$tmp/out.xyz" "$tmp/one.txt"
cond "-o out.xyz without -f: nothing written" test ! -e "$tmp/out.xyz"

expect_exit "missing input file: exit 3" 3 "$bin" -o "$tmp/x.graphml" "$tmp/no-such-file.txt"
cond "missing input file: stderr names the file" grep -qF "$tmp/no-such-file.txt" "$tmp/err"

printf '{\n  "kgex_lexicon": 1,\n  "organizations": [ oops ]\n}\n' >"$tmp/bad-syntax.json"
expect_exit "lexicon with a syntax error: exit 3" 3 "$bin" --lexicon "$tmp/bad-syntax.json" "$tmp/one.txt"
cond "lexicon with a syntax error: stderr gives file:3:column" \
    grep -Eq "$tmp/bad-syntax.json:3:[0-9]+:" "$tmp/err"

printf '%s\n' '{"kgex_lexicon": 1, "organizations": [' \
    '  {"id": "test-org", "name": "Test Org", "type": "ngo", "colour": "red"}]}' >"$tmp/unknown-field.json"
expect_exit "lexicon with an unknown field: exit 3" 3 "$bin" --lexicon "$tmp/unknown-field.json" "$tmp/one.txt"
cond "lexicon with an unknown field: stderr names the file and field path" \
    grep -q "unknown-field.json.*organizations\[0\]\.colour" "$tmp/err"

expect_exit "output into a nonexistent directory: exit 4" 4 \
    "$bin" -o "$tmp/no-such-dir/g.graphml" "$tmp/one.txt"
cond "output into a nonexistent directory: stderr names the path" \
    grep -qF "$tmp/no-such-dir/g.graphml" "$tmp/err"
cond "output into a nonexistent directory: nothing created" test ! -e "$tmp/no-such-dir"
mkdir -p "$tmp/rename-fails/g.graphml"
expect_exit "output path is a directory: exit 4" 4 "$bin" -o "$tmp/rename-fails/g.graphml" "$tmp/one.txt"
cond "output path is a directory: no temporary file left" no_tmp_files "$tmp/rename-fails"

# atomic replacement
rep=$tmp/replace
mkdir -p "$rep"
echo sentinel >"$rep/g.graphml"
echo sentinel >"$rep/g.jsonld"
expect_exit "existing outputs: exit 0" 0 "$bin" -o "$rep/g.graphml" -o "$rep/g.jsonld" "$tmp/one.txt"
cond "existing outputs: GraphML replaced" grep -q '<graphml' "$rep/g.graphml"
cond "existing outputs: JSON-LD replaced" grep -q '"@context"' "$rep/g.jsonld"
cond "existing outputs: no temporary file left" no_tmp_files "$rep"
cp "$rep/g.graphml" "$rep/before.graphml"
expect_exit "failed run (input missing): exit 3" 3 "$bin" -o "$rep/g.graphml" "$tmp/no-such-file.txt"
cond "failed run (input missing): old output unchanged" cmp -s "$rep/g.graphml" "$rep/before.graphml"
echo sentinel >"$rep/keep.graphml"
expect_exit "failed run (second output unwritable): exit 4" 4 \
    "$bin" -o "$rep/keep.graphml" -o "$tmp/no-such-dir/g.jsonld" "$tmp/one.txt"
cond "failed run: no temporary file left" no_tmp_files "$rep"

# standard input
printf '%s\n' "$sentence" | "$bin" --quiet - >"$tmp/stdin.graphml" 2>"$tmp/err"
rc=$?
cond "stdin '-': exit 0" test "$rc" -eq 0
cond "stdin '-': GraphML on stdout has Armenia" grep -q 'id="state:ARM"' "$tmp/stdin.graphml"
check "stdin '-': stdout GraphML valid against graphml.xsd (but for label/labels)" validate_graphml "$tmp/stdin.graphml"
printf '%s\n' "$sentence" | "$bin" --quiet -f jsonld -o - - >"$tmp/stdin.jsonld" 2>"$tmp/err"
cond "stdin '-' with -f jsonld -o -: JSON-LD on stdout" grep -q 'https://w3id.org/kgex/id/state/ARM' "$tmp/stdin.jsonld"
cond "stdin: provenance names <stdin>" grep -q '&lt;stdin&gt;#' "$tmp/stdin.graphml"

# directory input: *.txt only, recursively, in sorted order
d=$tmp/dir
mkdir -p "$d/sub"
printf 'Armenia asked the CSTO for help.\n' >"$d/sub/c.txt"
printf 'Armenia is a CSTO member.\n' >"$d/b.txt"
printf 'Armenia said nothing.\n' >"$d/a.txt"
printf 'Turkey is not read: this file is not a .txt file.\n' >"$d/notes.md"
expect_exit "directory input: exit 0" 0 "$bin" -o "$tmp/dir.graphml" "$d"
cond "directory input: 3 documents read" grep -q '3 documents' "$tmp/err"
cond "directory input: non-.txt file ignored" bash -c "! grep -q 'state:TUR' '$tmp/dir.graphml'"
"$py" - "$tmp/dir.graphml" "$d" >"$tmp/err" 2>&1 <<'EOF'
import sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
prov = g.nodes["state:ARM"]["provenance"].split()
docs = []
for p in prov:
    doc = p.rsplit("#", 1)[0]
    if doc not in docs:
        docs.append(doc)
d = sys.argv[2]
want = [d + "/a.txt", d + "/b.txt", d + "/sub/c.txt"]
print("documents in provenance order:", docs)
sys.exit(0 if docs == want else 1)
EOF
cond "directory input: files read in sorted order (a.txt, b.txt, sub/c.txt)" test $? -eq 0

# --quiet and the summary line
expect_exit "--quiet: exit 0" 0 "$bin" --quiet -o "$tmp/q.graphml" "$tmp/one.txt"
cond "--quiet: nothing on stderr" test ! -s "$tmp/err"
expect_exit "summary: exit 0" 0 "$bin" -o "$tmp/s.graphml" "$tmp/one.txt"
cond "summary: one line on stderr with states/organizations/officials" \
    grep -Eq '^kgex: 1 document, [0-9]+ sentences?: [0-9]+ states, [0-9]+ organizations, [0-9]+ officials' "$tmp/err"
count_kind() { grep -c "<data key=\"kind\">$1<" "$tmp/s.graphml"; }
counts="$(count_kind state) states, $(count_kind organization) organizations, $(count_kind official) officials, $(count_kind event) events"
cond "summary: counts agree with the graph ($counts)" grep -qF ": $counts;" "$tmp/err"

# --date resolves a weekday
printf 'Armenian Foreign Minister Aram Karapetyan said on Tuesday that Azerbaijani forces had shelled Armenia.\n' >"$tmp/tuesday.txt"
expect_exit "--date: exit 0" 0 "$bin" --quiet --date 2024-03-08 -o "$tmp/date.graphml" "$tmp/tuesday.txt"
cond "--date: 'on Tuesday' before 2024-03-08 is 2024-03-05" grep -q '>2024-03-05<' "$tmp/date.graphml"

echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ]; then
    exit 1
fi
if [ "$passed" -eq 0 ]; then
    exit 77
fi
exit 0
