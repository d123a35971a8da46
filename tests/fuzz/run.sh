#!/usr/bin/env bash
# run.sh - build the libFuzzer targets into build-fuzz/ and run one.
#
#   bash tests/fuzz/run.sh TARGET SECONDS [LIBFUZZER OPTION]...
#
# TARGET is fuzz_extract, fuzz_html, fuzz_lexicon or fuzz_analytics. Needs clang-14 and its
# runtime (Debian: apt-get install clang-14 libclang-rt-14-dev; not part of
# scripts/setup.sh). The seed corpus tests/fuzz/corpus/TARGET is copied to
# build-fuzz/corpus/TARGET, which grows as the fuzzer finds new inputs
# (the repository's seeds stay small); crashes are written to
# build-fuzz/artifacts/TARGET/. Prints libFuzzer's log; its last lines give
# the executions (#N) and coverage (cov:, ft:).
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 TARGET SECONDS [LIBFUZZER OPTION]..." >&2
    exit 2
fi
target=$1
seconds=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
cc=${CC:-$(command -v clang-14 || command -v clang || true)}
if [ -z "$cc" ]; then
    echo "run.sh: clang not found; apt-get install clang-14 libclang-rt-14-dev" >&2
    exit 1
fi

# one build at a time when several targets start together
exec 9>"${TMPDIR:-/tmp}/kgex-fuzz-build.lock"
flock 9
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER="$cc" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DKGEX_BUILD_FUZZERS=ON "-DKGEX_SANITIZE=address;undefined" >/dev/null
cmake --build build-fuzz --target "$target" --parallel "$(nproc 2>/dev/null || echo 2)" >/dev/null
flock -u 9

mkdir -p "build-fuzz/corpus/$target" "build-fuzz/artifacts/$target" "tests/fuzz/regressions/$target"
cp -n "tests/fuzz/corpus/$target"/* "build-fuzz/corpus/$target/" 2>/dev/null || true
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
dict=()
[ -f "tests/fuzz/$target.dict" ] && dict=("-dict=tests/fuzz/$target.dict")
exec "build-fuzz/tests/fuzz/$target" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=4096 \
    -max_len=65536 -print_final_stats=1 "-artifact_prefix=build-fuzz/artifacts/$target/" \
    "${dict[@]}" "$@" "build-fuzz/corpus/$target" "tests/fuzz/regressions/$target"
