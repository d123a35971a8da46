#!/usr/bin/env bash
# `cmake --install` puts the CLI, the library, the headers and kgex.pc in a
# prefix; a C program builds against them with pkg-config and runs; each
# public header compiles on its own.
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
fail=0
check() { if "$@"; then echo "ok - ${name}"; else echo "not ok - ${name}"; fail=1; fi; }

name="cmake --install into a prefix"
check bash -c "cmake --install '$build' --prefix '$tmp/prefix' >/dev/null"
libdir=$(ls -d "$tmp"/prefix/lib* | head -n 1)
name="installed files: CLI, library, headers, pkg-config file, CMake package"
check test -x "$tmp/prefix/bin/kgex" -a -f "$tmp/prefix/include/kgex/kgex.h" \
    -a -f "$libdir/pkgconfig/kgex.pc" -a -f "$libdir/cmake/kgex/kgex-config.cmake"
name="a C program builds with pkg-config against the installed library"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
check cc -std=c11 -Wall -Werror "$src/examples/c/extract.c" \
    $(pkg-config --cflags --libs kgex) -Wl,-rpath,"$libdir" -o "$tmp/extract"
name="the program finds a relation in a text"
printf 'Russian Foreign Minister Ivan Sokolov said on Monday that talks would go on.\n' >"$tmp/in.txt"
check bash -c "'$tmp/extract' '$tmp/in.txt' '$tmp/out.graphml' | grep -q 'Ivan Sokolov official_of Russia'"
name="the installed CLI runs"
check bash -c "LD_LIBRARY_PATH='$libdir' '$tmp/prefix/bin/kgex' --version | grep -q '^kgex '"
for h in "$src"/include/kgex/*.h; do
    name="header $(basename "$h") compiles alone"
    check bash -c "printf '#include <kgex/%s>\n' '$(basename "$h")' | cc -std=c11 -pedantic -Wall -Werror -fsyntax-only -I'$src/include' -x c -"
done
exit $fail
