#!/usr/bin/env bash
# setup.sh - install what kgex needs on Debian 12 and build it into build/.
#
#   bash scripts/setup.sh
#
# Idempotent: apt-get runs only when a package is missing (checked with
# dpkg-query), npm ci only when tests/e2e/js/node_modules is missing, and the
# cmake build is incremental. Needs root (or sudo) only when it installs.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

say() { printf 'setup: %s\n' "$*"; }

packages=(build-essential cmake pkg-config libigraph-dev libxml2-dev libxml2-utils
          libjansson-dev libcmocka-dev iso-codes python3 python3-rdflib
          python3-jsonschema python3-networkx valgrind)
# Node.js: a node/npm already on PATH (e.g. from NodeSource, which ships npm
# inside its nodejs package) is used as it is; Debian's npm would conflict.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = installed ]
}

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for p in "${packages[@]}"; do
        installed "$p" || missing+=("$p")
    done
else
    say "dpkg-query not found: not a Debian system, skipping package installation"
fi

if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then
        sudo=()
    elif command -v sudo >/dev/null 2>&1; then
        sudo=(sudo)
    else
        say "error: not root and no sudo; install as root: ${missing[*]}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update
    "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
else
    say "system packages: all installed"
fi

if [ ! -d tests/e2e/js/node_modules ]; then
    say "npm ci in tests/e2e/js"
    (cd tests/e2e/js && npm ci --no-audit --no-fund)
else
    say "tests/e2e/js/node_modules: present"
fi

say "building into build/ (RelWithDebInfo)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --parallel "$(nproc 2>/dev/null || echo 2)" >/dev/null
say "built build/kgex"
