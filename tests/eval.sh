#!/usr/bin/env bash
# Score the built kgex on ../shared/eval with its scorer and print the table.
#   tests/eval.sh [BUILD_DIR] [score.py options, e.g. -v or --min-f1 0.9]
# The evaluation set and its scorer live beside the repository, not in it
# ($KGEX_SHARED_DIR, default ../shared). Without them this prints why and
# exits 77 (skipped), which scripts/test.sh reports as a skipped step.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
[ $# -gt 0 ] && shift
shared=${KGEX_SHARED_DIR:-$here/../shared}
if [ ! -f "$shared/eval/score.py" ] || [ ! -d "$shared/eval/gold" ] || [ ! -d "$shared/eval/texts" ]; then
    echo "eval.sh: skipped: no evaluation set at $shared/eval (score.py, gold/, texts/);" \
        "set KGEX_SHARED_DIR to the directory that holds eval/" >&2
    exit 77
fi
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
exec "$py" "$shared/eval/score.py" --gold "$shared/eval/gold" --texts "$shared/eval/texts" \
    --cmd "$build/kgex --quiet -o {out} {in}" "$@"
