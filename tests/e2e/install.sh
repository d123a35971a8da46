#!/usr/bin/env bash
# install.sh - `cmake --install` puts the CLI, the library, the headers,
# the CMake package and kgex.pc in a prefix; a C program builds against them
# both with find_package(kgex 0.1 CONFIG REQUIRED) (tests/e2e/consumer) and
# with pkg-config, and runs; the package exports the library only and
# refuses versions it is not compatible with; each public header compiles
# on its own.
set -euo pipefail
src=${KGEX_SOURCE_DIR:?}
bin=${KGEX_BIN:?}
build=$(dirname "$bin")
if grep -Eq '^KGEX_SANITIZE:STRING=.+' "$build/CMakeCache.txt" 2>/dev/null; then
    echo "skipped: a sanitizer build links programs only with the sanitizer runtime"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail=0
check() { if "$@" >"$tmp/check.out" 2>&1; then echo "ok - ${name}"; else
    echo "not ok - ${name}"; sed 's/^/#   /' "$tmp/check.out" | tail -20; fail=1; fi; }

name="cmake --install into a prefix"
check cmake --install "$build" --prefix "$prefix"
libdir=$(ls -d "$prefix"/lib* | head -n 1)
pkgdir=$libdir/cmake/kgex
name="installed: CLI, library, headers, pkg-config file, CMake package with version file, LICENSE"
check test -x "$prefix/bin/kgex" -a -f "$prefix/include/kgex/kgex.h" \
    -a -f "$libdir/pkgconfig/kgex.pc" -a -f "$pkgdir/kgex-config.cmake" \
    -a -f "$pkgdir/kgex-config-version.cmake" -a -f "$pkgdir/kgexTargets.cmake" \
    -a -f "$prefix/share/doc/kgex/LICENSE"
name="the CMake package exports the library, not the command"
check bash -c "grep -q 'kgex::kgex' '$pkgdir/kgexTargets.cmake' && ! grep -q 'kgex_cli' '$pkgdir'/kgexTargets*.cmake"

# the version kgex reports, e.g. 0.1.0; find_package asks for 0.1
version=$("$bin" --version | awk '{print $2}')
IFS=. read -r vmaj vmin _ <<<"$version"
printf 'Russian Foreign Minister Ivan Sokolov said on Monday that talks would go on.\n' >"$tmp/in.txt"
want='Ivan Sokolov official_of Russia'

# find_package(kgex VERSION CONFIG REQUIRED) in tests/e2e/consumer
consumer() { # BUILD_DIR VERSION
    cmake -S "$src/tests/e2e/consumer" -B "$1" -DCMAKE_PREFIX_PATH="$prefix" \
        -DKGEX_WANT="$2" -DKGEX_EXAMPLE="$src/examples/c/extract.c" -DCMAKE_BUILD_TYPE=Release
}
# refused BUILD_DIR VERSION: configuring fails because of the version alone
# (CMake names the installed version, which it reads from the version file)
refused() {
    ! consumer "$@" >"$tmp/refused.out" 2>&1 || return 1
    tr -s ' \n' ' ' <"$tmp/refused.out" >"$tmp/refused.txt"
    grep -q "compatible with requested version \"$2\"" "$tmp/refused.txt" &&
        grep -qF "kgex-config.cmake, version: $version" "$tmp/refused.txt"
}
name="find_package(kgex $vmaj.$vmin CONFIG REQUIRED) finds the installed package ($version)"
check consumer "$tmp/cm" "$vmaj.$vmin"
name="a C program builds with find_package and kgex::kgex"
check cmake --build "$tmp/cm"
name="the find_package program finds a relation in a text"
check bash -c "'$tmp/cm/extract' '$tmp/in.txt' '$tmp/cm.graphml' | grep -qF '$want'"
name="find_package(kgex $vmaj.$((vmin + 1))) is refused (another minor version)"
check refused "$tmp/cm2" "$vmaj.$((vmin + 1))"
name="find_package(kgex $((vmaj + 1)).0) is refused"
check refused "$tmp/cm3" "$((vmaj + 1)).0"

name="a C program builds with pkg-config against the installed library"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
check cc -std=c11 -Wall -Werror "$src/examples/c/extract.c" \
    $(pkg-config --cflags --libs kgex) -Wl,-rpath,"$libdir" -o "$tmp/extract"
name="the pkg-config program finds a relation in a text"
check bash -c "'$tmp/extract' '$tmp/in.txt' '$tmp/out.graphml' | grep -qF '$want'"
name="the installed CLI runs"
check bash -c "LD_LIBRARY_PATH='$libdir' '$prefix/bin/kgex' --version | grep -q '^kgex '"
for h in "$src"/include/kgex/*.h; do
    name="header $(basename "$h") compiles alone"
    check bash -c "printf '#include <kgex/%s>\n' '$(basename "$h")' | cc -std=c11 -pedantic -Wall -Werror -fsyntax-only -I'$src/include' -x c -"
done
exit $fail
