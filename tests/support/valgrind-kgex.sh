#!/usr/bin/env bash
# valgrind-kgex.sh - run kgex under valgrind, failing (exit 99) on any
# invalid access or leak; otherwise kgex's own exit status. Used by
# scripts/test.sh to run the end-to-end CLI tests under valgrind:
#   KGEX_REAL_BIN=build/kgex KGEX_BIN=tests/support/valgrind-kgex.sh bash tests/e2e/cli.sh
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    "${KGEX_REAL_BIN:?}" "$@"
