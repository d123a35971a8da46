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
# and no temporary file. Then the promises of the README's "Robustness"
# section one by one: a file named on the command line that cannot be read
# fails the run and keeps the old output; several outputs are replaced all
# or none; SIGINT/SIGTERM leave no temporary file and a killed run's are
# removed later; links out of an input directory are not followed; long
# names and paths; an output that is an input; HTML nested deeper than
# the parser's default limit; "-o - -o -" and "- -"; --date; case of extensions;
# names with escape sequences; no test hook in the shipped library.
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

# no_tmp DIR: no temporary file (NAME.tmp-PID-XXXXXXXX) in DIR
no_tmp() { ! compgen -G "$1/*.tmp-*" >/dev/null; }
good=$in/good.txt

# 5. a file named on the command line that cannot be used fails the run and
# leaves the previous output as it was (it used to give exit 0 and an empty
# graph in place of the old one)
echo "old" >"$tmp/sole.graphml"
expect_exit "sole input binary: exit 3" 3 "$bin" -o "$tmp/sole.graphml" "$in/binary.txt"
has "sole input binary: says why" "$tmp/err" "binary.txt: binary file (NUL byte at offset"
truncate -s 1100M "$tmp/huge.txt"
expect_exit "sole input over the size cap: exit 3" 3 "$bin" -o "$tmp/sole.graphml" "$tmp/huge.txt"
has "input over the size cap: says so" "$tmp/err" "over the size limit"
rm -f "$tmp/huge.txt"
expect_exit "named input unreadable among good ones: exit 3" 3 \
    "$bin" -o "$tmp/sole.graphml" "$good" "$in/broken-link.txt"
if [ "$(cat "$tmp/sole.graphml")" = old ]; then ok "failed inputs: old output kept"; else not_ok "failed inputs: old output kept"; fi
mkdir -p "$tmp/allbad"
cp "$in/binary.txt" "$tmp/allbad/"
expect_exit "directory with nothing readable: exit 3" 3 "$bin" -o "$tmp/sole.graphml" "$tmp/allbad"
has "nothing readable: says no document was read" "$tmp/err" "no document read (1 skipped); no output written"
if [ "$(cat "$tmp/sole.graphml")" = old ] && no_tmp "$tmp"; then ok "nothing readable: old output kept, no temporary file"; else not_ok "nothing readable: old output kept, no temporary file"; fi

# 6. several outputs: all or none. The device is written after the files,
# so its failure comes before any file is replaced.
if [ -w /dev/full ]; then
    echo "old" >"$tmp/pair.graphml"
    expect_exit "second output fails: exit 4" 4 "$bin" -f graphml -o "$tmp/pair.graphml" -o /dev/full "$good"
    if [ "$(cat "$tmp/pair.graphml")" = old ] && no_tmp "$tmp"; then
        ok "second output fails: first output not replaced, no temporary file"
    else
        not_ok "second output fails: first output not replaced, no temporary file"
    fi
fi
mkdir -p "$tmp/pair"
echo "old" >"$tmp/pair/a.graphml"
mkdir -p "$tmp/pair/b.jsonld"
expect_exit "an output that is a directory: exit 4 before anything is written" 4 \
    "$bin" -o "$tmp/pair/a.graphml" -o "$tmp/pair/b.jsonld" "$good"
if [ "$(cat "$tmp/pair/a.graphml")" = old ] && no_tmp "$tmp/pair"; then ok "directory in the way: other output untouched"; else not_ok "directory in the way: other output untouched"; fi

# 7. signals: a run stopped while writing leaves no temporary file. The
# second output is a FIFO that nobody reads, so kgex waits there with the
# first output's temporary file made.
for sig in TERM INT; do
    sd=$tmp/sig-$sig
    mkdir -p "$sd"
    echo "old" >"$sd/g.graphml"
    mkfifo "$sd/pipe"
    # a background job ignores SIGINT unless job control is on: set -m
    (set -m; "$bin" -q -f graphml -o "$sd/g.graphml" -o "$sd/pipe" "$good" & echo $! >"$sd/pid"; wait) 2>/dev/null &
    waiter=$!
    for _ in $(seq 50); do compgen -G "$sd/g.graphml.tmp-*" >/dev/null && break; sleep 0.1; done
    if compgen -G "$sd/g.graphml.tmp-*" >/dev/null; then ok "SIG$sig: temporary file exists while writing"; else not_ok "SIG$sig: temporary file exists while writing"; fi
    kill -"$sig" "$(cat "$sd/pid")"
    wait "$waiter" 2>/dev/null
    if no_tmp "$sd" && [ "$(cat "$sd/g.graphml")" = old ]; then ok "SIG$sig: temporary file removed, old output kept"; else
        ls -la "$sd" >"$tmp/why"; not_ok "SIG$sig: temporary file removed, old output kept" "$tmp/why"
    fi
done
# a temporary file left by a run that was killed (-9) is removed by the next
# run with the same output; one of a running process is not
dead=4194303
while kill -0 "$dead" 2>/dev/null; do dead=$((dead - 1)); done
: >"$tmp/stale.graphml.tmp-$dead-0123abcd"
: >"$tmp/stale.graphml.tmp-$$-0123abcd"
expect_exit "stale temporary files: exit 0" 0 "$bin" -o "$tmp/stale.graphml" "$good"
if [ ! -e "$tmp/stale.graphml.tmp-$dead-0123abcd" ] && [ -e "$tmp/stale.graphml.tmp-$$-0123abcd" ]; then
    ok "stale temporary file of a dead run removed, a running one's kept"
else
    not_ok "stale temporary file of a dead run removed, a running one's kept"
fi
rm -f "$tmp/stale.graphml"*

# 8. symbolic links out of the input directory are not followed
mkdir -p "$tmp/tree/inner" "$tmp/outside"
printf 'Kazakhstan is a member of the CSTO.\n' >"$tmp/outside/secret.dat"
printf 'Armenia is a member of the CSTO.\n' >"$tmp/tree/inner/a.txt"
ln -s "$tmp/outside/secret.dat" "$tmp/tree/leak.txt"
ln -s "$tmp/outside" "$tmp/tree/outdir"
ln -s inner/a.txt "$tmp/tree/same.txt"
expect_exit "links out of the tree: exit 0" 0 "$bin" -o "$tmp/tree.graphml" "$tmp/tree"
has "link to a file outside: reported" "$tmp/err" "leak.txt: symbolic link to a place outside the input directory"
has "link to a directory outside: reported" "$tmp/err" "outdir: symbolic link to a place outside the input directory"
if grep -q "state/KAZ" "$tmp/tree.graphml"; then not_ok "link out of the tree: its text not read"; else ok "link out of the tree: its text not read"; fi
has "link inside the tree: followed" "$tmp/tree.graphml" "same.txt#"
expect_exit "--strict: a link out of the tree fails" 3 "$bin" --strict -o "$tmp/tree.graphml" "$tmp/tree"
expect_exit "--follow-symlinks: exit 0" 0 "$bin" --follow-symlinks -o "$tmp/tree.graphml" "$tmp/tree"
has "--follow-symlinks: the text is read" "$tmp/tree.graphml" "state/KAZ"

# 9. long names and long paths
long=$(printf 'n%.0s' $(seq 1 247)).graphml
expect_exit "a 255-byte output name: exit 0" 0 "$bin" -o "$tmp/$long" "$good"
if [ -s "$tmp/$long" ] && no_tmp "$tmp"; then ok "a 255-byte output name: written, no temporary file"; else not_ok "a 255-byte output name: written, no temporary file"; fi
rm -f "$tmp/$long"
deep=$tmp/no-such-dir
while [ ${#deep} -lt 600 ]; do deep=$deep/subdirectory; done
expect_exit "a long output path that cannot be written: exit 4" 4 "$bin" -o "$deep/g.graphml" "$good"
has "long path: the whole path is named" "$tmp/err" "$deep/g.graphml"
has "long path: the reason is kept" "$tmp/err" "No such file or directory"
if [ "$(grep -o "$deep/g.graphml" "$tmp/err" | wc -l)" -eq 1 ]; then ok "write error names the path once"; else not_ok "write error names the path once" "$tmp/err"; fi

# 10. an output that is an input is refused (it used to destroy the input)
cp "$good" "$tmp/self.txt"
expect_exit "output = input: exit 2" 2 "$bin" -f graphml -o "$tmp/self.txt" "$tmp/self.txt"
cmp -s "$good" "$tmp/self.txt" && ok "output = input: input untouched" || not_ok "output = input: input untouched"
ln "$tmp/self.txt" "$tmp/self-link.graphml"
expect_exit "output = input by a hard link: exit 2" 2 "$bin" -o "$tmp/self-link.graphml" "$tmp/self.txt"
mkdir -p "$tmp/selfdir"
cp "$good" "$tmp/selfdir/a.txt"
expect_exit "output = a file found in an input directory: exit 2" 2 "$bin" -f jsonld -o "$tmp/selfdir/a.txt" "$tmp/selfdir"
cmp -s "$good" "$tmp/selfdir/a.txt" && ok "output = file in input directory: untouched" || not_ok "output = file in input directory: untouched"
printf '{"kgex_lexicon": 1}\n' >"$tmp/lex.json"
expect_exit "output = lexicon: exit 2" 2 "$bin" -l "$tmp/lex.json" -o "$tmp/lex.json" "$good"
has "output = lexicon: lexicon untouched" "$tmp/lex.json" '"kgex_lexicon": 1'

# 11. HTML nested deeper than libxml2's default limit (256) is read, not
# dropped without a word; a tag with very many attributes is read in
# linear time, its attributes past the 256th cut with a warning
"${PYTHON:-python3}" - "$tmp/deep.html" "$tmp/attrs.html" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("<html><body>" + "<div>" * 400 + "<p>Armenia is a member of the CSTO.</p>" + "</div>" * 400 + "</body></html>")
with open(sys.argv[2], "w") as f:
    f.write("<html><body><p " + " ".join("a%d=x" % i for i in range(60000)) + ">Armenia is a member of the CSTO.</p></body></html>")
PY
expect_exit "HTML nested 400 deep: exit 0" 0 "$bin" --strict -o "$tmp/deep.graphml" "$tmp/deep.html"
has "HTML nested 400 deep: the text inside is read" "$tmp/deep.graphml" "state/ARM"
start=$(date +%s)
expect_exit "HTML tag with 60,000 attributes: read" 0 "$bin" -o "$tmp/attrs.graphml" "$tmp/attrs.html"
has "HTML tag with 60,000 attributes: warned" "$tmp/err" "with more than 256 attributes: only the first 256 kept"
has "HTML tag with 60,000 attributes: its text read" "$tmp/attrs.graphml" "state/ARM"
echo "# 60,000 attributes: $(($(date +%s) - start)) s"

# 12. one standard output, one standard input
expect_exit "-o - -o -: exit 2" 2 "$bin" -o - -o - "$good"
if [ -s "$tmp/out" ]; then not_ok "-o - -o -: nothing written"; else ok "-o - -o -: nothing written"; fi
expect_exit "- -: exit 2" 2 "$bin" - -
expect_exit "the same output twice: exit 2" 2 "$bin" -o "$tmp/twice.graphml" -o "$tmp/twice.graphml" "$good"
expect_exit "the same new output under two names: exit 2" 2 \
    "$bin" -o "$tmp/twice.graphml" -o "$tmp/../$(basename "$tmp")/./twice.graphml" "$good"
has "the same output under two names: says so" "$tmp/err" "is the same output as"

# 14. smaller ones
expect_exit "--date 0000-01-01: exit 2" 2 "$bin" --date 0000-01-01 "$good"
expect_exit "--date 2024-13-45: exit 2" 2 "$bin" --date 2024-13-45 "$good"
has "--date 2024-13-45: says what is wrong" "$tmp/err" "month 13 does not exist"
expect_exit "-o x.GRAPHML: exit 0" 0 "$bin" -o "$tmp/x.GRAPHML" "$good"
has "-o x.GRAPHML: GraphML written" "$tmp/x.GRAPHML" "<graphml"
esc=$tmp/$(printf 'evil\033[31mred.txt')
printf '\000binary' >"$esc"
expect_exit "name with an escape sequence: exit 3" 3 "$bin" -o "$tmp/esc.graphml" "$esc"
if grep -q $'\033' "$tmp/err"; then not_ok "name with an escape sequence: not sent to the terminal" "$tmp/err"; else ok "name with an escape sequence: not sent to the terminal"; fi
has "name with an escape sequence: shown as \\x1B" "$tmp/err" 'evil\x1B[31mred.txt'
expect_exit "unknown option: exit 2" 2 "$bin" --no-such-option "$good"
if grep -q "^kgex: unrecognized option" "$tmp/err"; then ok "getopt messages start with 'kgex:'"; else not_ok "getopt messages start with 'kgex:'" "$tmp/err"; fi
echo "secret" >"$tmp/private.graphml"
chmod 600 "$tmp/private.graphml"
expect_exit "replacing a 0600 file: exit 0" 0 "$bin" -o "$tmp/private.graphml" "$good"
if [ "$(stat -c %a "$tmp/private.graphml")" = 600 ]; then ok "replacing a 0600 file: still 0600"; else not_ok "replacing a 0600 file: still 0600"; fi
if [ -w /dev/full ]; then
    expect_exit "stdout full: exit 4" 4 sh -c "'$bin' '$good' >/dev/full"
    has "stdout full: the README's message" "$tmp/err" "kgex: <stdout>: cannot write graphml: No space left on device"
fi

# the fault-injection hook of the tests is not in the shipped library
lib=$(dirname "$bin")/libkgex.so
if command -v nm >/dev/null && [ -f "$lib" ]; then
    if nm "$lib" 2>/dev/null | grep -q "alloc_fail_after\|alloc_budget"; then not_ok "no test hook in libkgex.so"; else ok "no test hook in libkgex.so"; fi
fi

echo "# $passed passed, $failed failed"
[ "$failed" -eq 0 ]
