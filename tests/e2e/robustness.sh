#!/usr/bin/env bash
# robustness.sh - the kgex command on whatever a scraped folder holds.
#
#   KGEX_BIN=build/kgex KGEX_SOURCE_DIR=. bash tests/e2e/robustness.sh
#
# (ctest sets the variables.) A temporary directory gets a good text file,
# an HTML page, a binary file, an unreadable file (as root, which can read
# anything, a broken symbolic link stands in for it), an empty file, a
# UTF-16 file, invalid UTF-8, CRLF line ends and a file with one 50 MB line;
# kgex must read the good ones, skip the others with a reason, say so in the
# summary, and fail with --strict. Then the output side: a full device
# (/dev/full as standard output) and a closed pipe give exit 4 and a clear
# message, and an unwritable output directory leaves the old file untouched
# and no temporary file.
#
# Prints "ok - NAME" or "not ok - NAME" per check; exits 1 if any failed.
set -uo pipefail

src=${KGEX_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${KGEX_BIN:-$src/build/kgex}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kgex-robust.XXXXXX")
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

passed=0
failed=0
ok() {
    echo "ok - $1"
    passed=$((passed + 1))
}
not_ok() {
    echo "not ok - $1"
    failed=$((failed + 1))
    if [ $# -gt 1 ] && [ -s "$2" ]; then
        sed 's/^/#   /' "$2" | head -20
    fi
}
# expect_exit NAME CODE CMD...: stdout/stderr left in $tmp/out, $tmp/err
expect_exit() {
    local name=$1 want=$2 rc
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    if [ "$rc" -eq "$want" ]; then
        ok "$name"
    else
        { echo "exit status $rc, expected $want"; cat "$tmp/err"; } >"$tmp/why"
        not_ok "$name" "$tmp/why"
    fi
}
# has NAME FILE PATTERN: FILE contains the fixed string PATTERN
has() {
    if grep -qF -- "$3" "$2"; then ok "$1"; else
        { echo "no '$3' in:"; cat "$2"; } >"$tmp/why"
        not_ok "$1" "$tmp/why"
    fi
}

in=$tmp/in
mkdir -p "$in/sub"
printf 'Armenia is a member of the CSTO. Foreign Minister Ararat Mirzoyan said on Tuesday that "the shelling must stop".\n' >"$in/good.txt"
cat >"$in/page.html" <<'HTML'
<!DOCTYPE html><html><head><title>Kazakhstan joins talks</title>
<meta property="article:published_time" content="2024-03-08T10:00:00Z">
<script>var s = "Russia attacked Finland";</script><style>p{}</style></head>
<body><nav><p>Belarus news menu</p></nav><article><h1>Kazakhstan joins talks</h1>
<p>Kazakhstan is a member of the Shanghai Cooperation Organisation.</p></article></body></html>
HTML
head -c 4096 "$bin" >"$in/binary.txt"
: >"$in/empty.txt"
printf '\xff\xfeU\x00k\x00r\x00a\x00i\x00n\x00e\x00 \x00i\x00s\x00 \x00a\x00 \x00m\x00e\x00m\x00b\x00e\x00r\x00 \x00o\x00f\x00 \x00t\x00h\x00e\x00 \x00U\x00N\x00.\x00\n\x00' >"$in/utf16.txt"
printf 'Georgia \xff is a member of the UN.\r\nMoldova is a member of the UN.\r' >"$in/sub/crlf-invalid.txt"
ln -s "$in/no-such-file.txt" "$in/broken-link.txt"
expected_unreadable=0
if [ "$(id -u)" -ne 0 ]; then
    printf 'Secret text.\n' >"$in/unreadable.txt"
    chmod 000 "$in/unreadable.txt"
    expected_unreadable=1
fi

# 1. a folder of mixed inputs
expect_exit "mixed folder: exit 0" 0 "$bin" -o "$tmp/g.graphml" "$in"
cp "$tmp/err" "$tmp/mixed.err"
has "binary file skipped with its reason" "$tmp/mixed.err" "binary.txt: binary file (NUL byte at offset"
has "broken symbolic link reported" "$tmp/mixed.err" "broken-link.txt: broken symbolic link, skipped"
if [ "$expected_unreadable" -eq 1 ]; then
    has "unreadable file reported" "$tmp/mixed.err" "unreadable.txt: cannot open: Permission denied, skipped"
else
    echo "# running as root: chmod 000 does not stop root; the broken link stands in"
fi
has "invalid UTF-8 warned with file and byte offset" "$tmp/mixed.err" \
    "crlf-invalid.txt: warning: invalid UTF-8 at byte offset 8 (1 sequence replaced by U+FFFD)"
skipped=$((2 + expected_unreadable))
has "summary counts documents and skips" "$tmp/mixed.err" "kgex: 5 documents ($skipped skipped)"
has "summary says why" "$tmp/mixed.err" "kgex: $skipped skipped: 1 binary"
has "HTML page read (its facts are in the graph)" "$tmp/g.graphml" "page.html#"
has "HTML page: its state is in the graph" "$tmp/g.graphml" "state/KAZ"
if grep -q "state/BLR\|state/FIN" "$tmp/g.graphml"; then
    not_ok "HTML navigation and scripts dropped" "$tmp/g.graphml"
else
    ok "HTML navigation and scripts dropped"
fi
has "UTF-16 file converted and read" "$tmp/g.graphml" "state/UKR"
has "CRLF file read" "$tmp/g.graphml" "state/MDA"
has "HTML date used for the document" "$tmp/mixed.err" "5 documents"

# 2. --strict: every skip or warning fails, nothing is written
expect_exit "--strict with skips: exit 3" 3 "$bin" --strict -o "$tmp/strict.graphml" "$in"
has "--strict says why" "$tmp/err" "--strict:"
if [ -e "$tmp/strict.graphml" ]; then not_ok "--strict writes no output"; else ok "--strict writes no output"; fi
expect_exit "--strict on clean input: exit 0" 0 "$bin" --strict -o "$tmp/clean.graphml" "$in/good.txt"
expect_exit "--input html on a .txt file" 0 "$bin" --input html -f jsonld "$in/good.txt"
expect_exit "--input with a bad value: exit 2" 2 "$bin" --input pdf "$in/good.txt"

# 3. one 50 MB line (no newline at all), in bounded time; 10 MB in a
# sanitizer build, which is several times slower
mb=50
if ldd "$bin" 2>/dev/null | grep -q 'libasan\|libubsan'; then mb=10; fi
big=$tmp/big
mkdir -p "$big"
"${PYTHON:-python3}" - "$big/line.txt" "$mb" <<'PY'
import sys
chunk = b"Armenia said the CSTO, Russia and Belarus talked; " * 20
with open(sys.argv[1], "wb") as f:
    n = 0
    while n < int(sys.argv[2]) * 1024 * 1024:
        f.write(chunk)
        n += len(chunk)
PY
start=$(date +%s)
expect_exit "a single $mb MB line is processed" 0 "$bin" -q -o "$tmp/big.graphml" "$big/line.txt"
echo "# $mb MB line: $(($(date +%s) - start)) s"
rm -rf "$big"

# 4. output errors
if [ -w /dev/full ]; then
    expect_exit "stdout on a full device: exit 4" 4 sh -c "'$bin' '$in/good.txt' >/dev/full"
    has "full device: clear message" "$tmp/err" "No space left on device"
fi
"$bin" "$in/good.txt" 2>"$tmp/pipe.err" | head -c 10 >/dev/null
rc=${PIPESTATUS[0]}
if [ "$rc" -eq 0 ] || [ "$rc" -eq 4 ]; then ok "closed stdout pipe: no crash (exit $rc)"; else
    echo "exit status $rc" >"$tmp/why"; cat "$tmp/pipe.err" >>"$tmp/why"; not_ok "closed stdout pipe: no crash" "$tmp/why"
fi
# a pipe closed before anything is written: a certain write error
mkfifo "$tmp/fifo"
( exec 3<"$tmp/fifo"; exec 3<&- ) &
"$bin" "$in/good.txt" >"$tmp/fifo" 2>"$tmp/pipe.err"
rc=$?
wait
if [ "$rc" -eq 4 ] && grep -q "Broken pipe" "$tmp/pipe.err"; then ok "closed pipe before writing: exit 4, clear message"; else
    { echo "exit status $rc"; cat "$tmp/pipe.err"; } >"$tmp/why"; not_ok "closed pipe before writing: exit 4, clear message" "$tmp/why"
fi
if [ "$(id -u)" -ne 0 ]; then
    ro=$tmp/ro
    mkdir -p "$ro"
    echo "old" >"$ro/g.graphml"
    chmod 555 "$ro"
    expect_exit "unwritable output directory: exit 4" 4 "$bin" -o "$ro/g.graphml" "$in/good.txt"
    has "unwritable directory: message names the file" "$tmp/err" "$ro/g.graphml"
    if [ "$(cat "$ro/g.graphml")" = old ]; then ok "unwritable directory: old file untouched"; else not_ok "unwritable directory: old file untouched"; fi
    if compgen -G "$ro/*.tmp-*" >/dev/null; then not_ok "unwritable directory: no temporary file"; else ok "unwritable directory: no temporary file"; fi
    chmod 755 "$ro"
else
    # root writes anywhere; an output directory that does not exist is the
    # case that still cannot be written
    expect_exit "missing output directory: exit 4" 4 "$bin" -o "$tmp/no/such/dir/g.graphml" "$in/good.txt"
    echo "# running as root: chmod 555 does not stop root; a missing directory stands in"
fi
# replacing a file: the old one stays until the new one is complete
echo "old" >"$tmp/keep.graphml"
expect_exit "failed run keeps the previous output" 3 "$bin" --strict -o "$tmp/keep.graphml" "$in"
if [ "$(cat "$tmp/keep.graphml")" = old ] && ! compgen -G "$tmp/*.tmp-*" >/dev/null; then
    ok "previous output untouched, no temporary file"
else
    not_ok "previous output untouched, no temporary file"
fi

echo "# $passed passed, $failed failed"
[ "$failed" -eq 0 ]
