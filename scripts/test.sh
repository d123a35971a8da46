#!/usr/bin/env bash
# test.sh - the whole test suite, as CI runs it (.ci/run).
#
#   bash scripts/test.sh
#
# Steps: scripts/setup.sh --no-build (install what is missing); the format
# check; a build with gcc in build/, warnings as errors, and ctest there; a
# second build with clang in build-asan/, warnings as errors, with
# AddressSanitizer and UBSan, and ctest there (the fuzz targets' replays
# included); valgrind over the unit tests, the fuzz target replays, the CLI
# and tests/e2e/cli.sh; the lexicon checks (tests/lexicon/check_lexicon.py
# and tools/gen_states.py, gen_places.py and gen_officials.py --check); the
# extraction score on ../shared/eval
# (tests/eval.sh --check: the seed texts and the 40 news texts, failing
# below the quality floor it states; skipped, and said so, when the
# evaluation sets are not beside the repository). Every step
# runs even after a failure; the last line is "N passed, M failed, K skipped"
# over the steps, and the exit status is non-zero when any step failed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
py=/usr/bin/python3
jobs=$(nproc 2>/dev/null || echo 2)

bash scripts/setup.sh --no-build

passed=0
failed=0
skipped=0
failures=()
skips=()

# step NAME CMD...: run CMD, count it as passed or failed.
# step_or_skip NAME CMD...: the same, but exit 77 counts as skipped.
step() { run_step 0 "$@"; }
step_or_skip() { run_step 1 "$@"; }
run_step() {
    local may_skip=$1 name=$2 rc=0
    shift 2
    echo
    echo "=== $name"
    "$@" || rc=$?
    if [ "$rc" -eq 0 ]; then
        echo "=== $name: passed"
        passed=$((passed + 1))
    elif [ "$rc" -eq 77 ] && [ "$may_skip" -eq 1 ]; then
        echo "=== $name: SKIPPED"
        skipped=$((skipped + 1))
        skips+=("$name")
    else
        echo "=== $name: FAILED (exit $rc)"
        failed=$((failed + 1))
        failures+=("$name")
    fi
}

# build_with DIR COMPILER [CMAKE OPTION]...: configure and build DIR with
# COMPILER, warnings as errors; warnings and errors are printed. A DIR
# configured before with another compiler is configured afresh (CMake would
# otherwise drop the options given along with the new compiler).
build_with() {
    local dir=$1 cc=$2 want cached
    local ccopt=()
    shift 2
    want=$(command -v "$cc") || { echo "$cc not found (scripts/setup.sh installs it)"; return 1; }
    if [ -f "$dir/CMakeCache.txt" ]; then
        cached=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$dir/CMakeCache.txt")
        case "$cached" in /*) ;; *) cached=$(command -v "$cached" || echo "$cached") ;; esac
        if [ "$(readlink -f "$cached")" != "$(readlink -f "$want")" ]; then
            echo "$dir: configured with $cached before; configuring afresh with $want"
            rm -rf "$dir/CMakeCache.txt" "$dir/CMakeFiles"
        fi
    fi
    [ -f "$dir/CMakeCache.txt" ] || ccopt=(-DCMAKE_C_COMPILER="$want")
    cmake -S . -B "$dir" "${ccopt[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKGEX_WERROR=ON "$@" \
        >/dev/null || return 1
    grep -q '^KGEX_WERROR:BOOL=ON' "$dir/CMakeCache.txt" || { echo "$dir: KGEX_WERROR is not on"; return 1; }
    cmake --build "$dir" --parallel "$jobs" >/dev/null
}

# the house format (.clang-format)
format_check() {
    command -v clang-format >/dev/null || { echo "clang-format not found (scripts/setup.sh installs it)"; return 1; }
    find src include tests examples -name '*.[ch]' -print0 | xargs -0 clang-format --dry-run --Werror
}
step "format (clang-format --dry-run)" format_check
step "build with gcc, -Werror (build/)" build_with build gcc
step "ctest (build/)" ctest --test-dir build --output-on-failure --parallel "$jobs"
# (not the libFuzzer build: its coverage instrumentation made the sanitizer
# tests three times slower, and the replays run the same target code)
step "build with clang, -Werror, ASan+UBSan (build-asan/)" \
    build_with build-asan clang-14 "-DKGEX_SANITIZE=address;undefined" -DKGEX_BUILD_FUZZERS=OFF
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if [ -x build-asan/kgex ]; then
    step "ctest (build-asan/, ASan+UBSan)" ctest --test-dir build-asan --output-on-failure --parallel "$jobs"
else
    step "ctest (build-asan/, ASan+UBSan)" false
fi
unset ASAN_OPTIONS UBSAN_OPTIONS
# valgrind: every unit test, the fuzz target replays and the CLI on the
# examples, failing on any invalid access or leak
valgrind_all() {
    local t rc=0 n=0
    local vg=(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect)
    for t in build/tests/test_*; do
        [ -x "$t" ] || continue
        n=$((n + 1))
        "${vg[@]}" "$t" >/dev/null 2>"build/valgrind-$(basename "$t").log" || { echo "valgrind: $t (see build/valgrind-$(basename "$t").log)"; rc=1; }
    done
    echo "valgrind: $n unit test programs"
    [ "$n" -gt 0 ] || { echo "valgrind: no unit test program in build/tests"; rc=1; }
    # the fuzz targets over their seeds and regressions (tests/fuzz/replay.c)
    for t in build/tests/fuzz/replay_*; do
        [ -x "$t" ] || continue
        t=${t##*/replay_}
        "${vg[@]}" "build/tests/fuzz/replay_$t" "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t" \
            >/dev/null 2>"build/valgrind-replay_$t.log" || { echo "valgrind: replay_$t (see build/valgrind-replay_$t.log)"; rc=1; }
    done
    "${vg[@]}" build/kgex -q -o build/valgrind.graphml -o build/valgrind.jsonld examples/news 2>build/valgrind-kgex.log || { echo "valgrind: kgex (see build/valgrind-kgex.log)"; cat build/valgrind-kgex.log; rc=1; }
    return $rc
}
step "valgrind (unit tests, fuzz replays and CLI)" valgrind_all
# the end-to-end CLI tests again, every kgex run under valgrind
step "valgrind (tests/e2e/cli.sh)" env KGEX_SOURCE_DIR="$root" \
    KGEX_REAL_BIN="$root/build/kgex" KGEX_BIN="$root/tests/support/valgrind-kgex.sh" \
    bash tests/e2e/cli.sh
step "lexicon check (tests/lexicon/check_lexicon.py)" "$py" tests/lexicon/check_lexicon.py
step "states.json up to date (tools/gen_states.py --check)" "$py" tools/gen_states.py --check
step "places.json up to date (tools/gen_places.py --check)" "$py" tools/gen_places.py --check
step "officials.json up to date (tools/gen_officials.py --check)" "$py" tools/gen_officials.py --check
step_or_skip "extraction score (tests/eval.sh --check)" bash tests/eval.sh build --check

echo
if [ "$skipped" -gt 0 ]; then
    printf 'skipped: %s\n' "${skips[@]}"
fi
if [ "$failed" -gt 0 ]; then
    printf 'failed: %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
