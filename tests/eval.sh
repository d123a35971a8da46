#!/usr/bin/env bash
# Score the built kgex on ../shared/eval with its scorer and print the table.
#   tests/eval.sh [BUILD_DIR] [score.py options, e.g. -v or --min-f1 0.9]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
[ $# -gt 0 ] && shift
shared=${KGEX_SHARED_DIR:-$here/../shared}
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
exec "$py" "$shared/eval/score.py" --gold "$shared/eval/gold" --texts "$shared/eval/texts" \
    --cmd "$build/kgex --quiet -o {out} {in}" "$@"
