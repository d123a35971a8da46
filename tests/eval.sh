#!/usr/bin/env bash
# Score the built kgex on the evaluation sets beside the repository and
# print their tables; with --check, fail below the quality floor.
#
#   tests/eval.sh [BUILD_DIR] [--check] [-v]
#
# Sets, from $KGEX_SHARED_DIR (default ../shared):
#   seed  eval/texts, eval/gold           floor: entities F1 0.95, relations F1 0.90
#   news  eval/news/texts, eval/news/gold floor: entities F1 0.93, relations F1 0.85,
#         member_of, attacked and appealed_to F1 0.80 each, relation precision 0.90,
#         no duplicate nodes
# The scorer and the sets live beside the repository, not in it. Without
# them this prints why and exits 77 (skipped), which scripts/test.sh reports
# as a skipped step. A set that is missing is skipped with a note.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build
check=0
verbose=()
for arg in "$@"; do
    case $arg in
        --check) check=1 ;;
        -v) verbose=(-v) ;;
        *) build=$arg ;;
    esac
done
shared=${KGEX_SHARED_DIR:-$here/../shared}
if [ ! -f "$shared/eval/score.py" ]; then
    echo "eval.sh: skipped: no scorer at $shared/eval/score.py;" \
        "set KGEX_SHARED_DIR to the directory that holds eval/" >&2
    exit 77
fi
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# score NAME TEXTS GOLD: print the table, keep the numbers in $tmp/NAME.json
score() {
    local name=$1 texts=$2 gold=$3
    if [ ! -d "$texts" ] || [ ! -d "$gold" ]; then
        echo "eval.sh: $name set not found at $texts: skipped"
        return 0
    fi
    echo "== $name ($texts)"
    "$py" "$shared/eval/score.py" --gold "$gold" --texts "$texts" \
        --cmd "$build/kgex --quiet -o {out} {in}" --json "$tmp/$name.json" "${verbose[@]}" 2>&1 |
        grep -v '^\[[0-9]*/[0-9]*\]' || true
}
score seed "$shared/eval/texts" "$shared/eval/gold"
score news "$shared/eval/news/texts" "$shared/eval/news/gold"
[ "$check" -eq 1 ] || exit 0

"$py" - "$tmp" <<'PY'
import json, os, sys
tmp = sys.argv[1]
floors = {
    "seed": [("ENTITIES", "f1", 0.95), ("RELATIONS", "f1", 0.90)],
    "news": [("ENTITIES", "f1", 0.93), ("RELATIONS", "f1", 0.85), ("member_of", "f1", 0.80),
             ("attacked", "f1", 0.80), ("appealed_to", "f1", 0.80),
             ("RELATIONS", "precision", 0.90)],
}
bad = 0
for name, checks in floors.items():
    path = os.path.join(tmp, name + ".json")
    if not os.path.exists(path):
        continue
    res = json.load(open(path))
    if res["failures"]:
        print(f"eval.sh: {name}: {len(res['failures'])} documents failed to extract")
        bad += 1
    for row, metric, floor in checks:
        value = res["rows"][row][metric]
        if value < floor:
            print(f"eval.sh: {name}: {row} {metric} {value:.3f} is below {floor:.2f}")
            bad += 1
    if name == "news" and res["duplicates"]:
        print(f"eval.sh: {name}: {res['duplicates']} duplicate nodes")
        bad += 1
print("eval.sh: " + ("below the floor" if bad else "every floor held"))
sys.exit(1 if bad else 0)
PY
