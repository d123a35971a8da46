#!/usr/bin/env bash
# setup.sh - install what kgex needs on Debian 12 and build it into build/.
#
#   bash scripts/setup.sh          # as root, or as a user who may sudo
#   bash scripts/setup.sh --no-build   # packages and npm only (scripts/test.sh
#                                      # builds build/ itself, with -Werror)
#
# Idempotent and quick when there is nothing to do: apt-get runs only when a
# package is missing (checked with dpkg-query), npm ci only when
# tests/e2e/js/node_modules is missing, and the cmake build is incremental.
# When started with sudo, npm and the build run as the invoking user, so the
# work tree does not fill with root-owned files.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=1
case "${1:-}" in
    --no-build) build=0 ;;
    "") ;;
    *)
        echo "usage: $0 [--no-build]" >&2
        exit 2
        ;;
esac

say() { printf 'setup: %s\n' "$*"; }

# Run a command as the user who invoked sudo, if any; else as ourselves.
as_user() {
    if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
        sudo -u "$SUDO_USER" -- "$@"
    else
        "$@"
    fi
}

packages=(build-essential cmake pkg-config libigraph-dev libxml2-dev libxml2-utils
          libjansson-dev libcmocka-dev iso-codes python3 python3-rdflib
          python3-jsonschema python3-networkx python3-numpy python3-scipy python3-igraph
          python3-pil librsvg2-bin
          valgrind wamerican clang-14 libclang-rt-14-dev clang-format)
# clang-14 with its sanitizer and libFuzzer runtimes (libclang-rt-14-dev):
# scripts/test.sh builds once with gcc and once with clang (with ASan and
# UBSan), warnings as errors, and tests/fuzz/run.sh fuzzes; clang-format
# checks the house format.
# Node.js for tests/e2e/js: a node or npm already on PATH (e.g. NodeSource's
# nodejs, which ships its own npm) is used as it is; Debian's npm package
# would conflict with it.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for p in "${packages[@]}"; do
        status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
        [ "$status" = installed ] || missing+=("$p")
    done
else
    say "no dpkg-query (not Debian): skipping package installation"
fi

if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then
        sudo=()
    elif command -v sudo >/dev/null 2>&1; then
        sudo=(sudo)
    else
        say "error: not root and no sudo; as root run: apt-get install ${missing[*]}" >&2
        exit 1
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
else
    say "system packages: all installed"
fi

if [ ! -f tests/e2e/js/node_modules/.package-lock.json ] ||
    [ tests/e2e/js/package-lock.json -nt tests/e2e/js/node_modules/.package-lock.json ]; then
    say "npm ci in tests/e2e/js"
    (cd tests/e2e/js && as_user npm ci --no-audit --no-fund)
else
    say "tests/e2e/js/node_modules: up to date"
fi

[ "$build" -eq 1 ] || exit 0
say "building build/ (RelWithDebInfo)"
as_user cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
as_user cmake --build build --parallel "$(nproc 2>/dev/null || echo 2)" >/dev/null
say "built build/kgex"
