# lib.bash - shared by the tests/interop/*.sh scripts (sourced; not a test
# itself, so not named *.sh): paths, ok/not ok counting, and the kgex runs
# whose outputs the consumers read.
#
# After sourcing: $src $bin $py $tmp, ok/not_ok/check/run_checks,
# require_tools, make_outputs (fills $tmp/out with NAME.{graphml,jsonld,
# gexf,nq,nt,svg} for examples/news ("examples") and every text in
# tests/fixtures/news, one at a time).

src=${KGEX_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
bin=${KGEX_BIN:-$src/build/kgex}
py=/usr/bin/python3
here=$src/tests/interop
export KGEX_NODE_MODULES=$src/tests/e2e/js/node_modules

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kgex-interop.XXXXXX")
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
# check NAME CMD...: ok when CMD exits 0
check() {
    local name=$1
    shift
    if "$@" >"$tmp/check.out" 2>&1; then
        ok "$name"
    else
        not_ok "$name" "$tmp/check.out"
    fi
}
# run_checks CMD...: CMD prints its own "ok - " / "not ok - " lines; count
# them, and fail when CMD fails without saying why.
run_checks() {
    local rc=0
    "$@" >"$tmp/checks.out" 2>&1 || rc=$?
    cat "$tmp/checks.out"
    passed=$((passed + $(grep -c '^ok - ' "$tmp/checks.out")))
    failed=$((failed + $(grep -c '^not ok - ' "$tmp/checks.out")))
    if [ "$rc" -ne 0 ] && ! grep -q '^not ok - ' "$tmp/checks.out"; then
        not_ok "$* (exit $rc)"
    fi
}
# require TEST-CMD WHAT: a missing tool fails under CI, else skips the script
require() {
    local what=$1
    shift
    if ! "$@" >/dev/null 2>&1; then
        if [ -n "${CI:-}" ]; then
            not_ok "$what available (run scripts/setup.sh)"
        else
            echo "# $what missing (run scripts/setup.sh): skipped"
            skipped=1
        fi
        return 1
    fi
}
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -gt 0 ] && exit 1
    [ "$skipped" -eq 1 ] && exit 77
    exit 0
}

# The default GraphML flavor (tools) with its two attributes the schema does
# not know removed: the edge `label` (relation) and the node `labels`.
strip_tool_attrs() { # FILE
    sed -e '/<edge /s/ label="[a-z_]*"//' -e '/<node /s/ labels=":[A-Za-z]*"//' "$1"
}
valid_graphml_but_tool_attrs() { # FILE
    strip_tool_attrs "$1" | xmllint --noout --nonet --schema "$src/schemas/graphml/graphml.xsd" -
}

# The outputs of one kgex run per input, all formats at once.
names=()
make_outputs() {
    local t base
    mkdir -p "$tmp/out"
    if [ ! -x "$bin" ]; then
        not_ok "kgex binary: $bin is not executable"
        finish
    fi
    run_one examples "$src/examples/news"
    for t in "$src"/tests/fixtures/news/*.txt; do
        [ -e "$t" ] || { not_ok "test texts present in tests/fixtures/news"; continue; }
        base=$(basename "$t" .txt)
        run_one "$base" "$t"
    done
}
run_one() { # NAME INPUT
    local o=$tmp/out/$1
    if "$bin" --quiet --analytics -o "$o.graphml" -o "$o.jsonld" -o "$o.gexf" -o "$o.nq" \
        -o "$o.nt" -o "$o.svg" "$2" 2>"$tmp/err"; then
        names+=("$1")
    else
        not_ok "$1: kgex --analytics writes all six formats" "$tmp/err"
    fi
}
