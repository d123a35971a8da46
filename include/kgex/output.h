/*
 * output.h - replacing output files all together or not at all.
 *
 * An output set gives a stream for each output path. A file is written to
 * a temporary file next to it ("NAME.tmp-PID-XXXXXXXX", created with mode
 * 0600, its name shortened when NAME is too long for it) and nothing at the
 * paths changes until kgex_output_set_commit(), which checks and syncs
 * every temporary file and only then renames them all into place. When a
 * rename fails, the outputs already renamed are put back (from a hard link
 * of each old file made just before), so the paths hold either all the new
 * files or all the old ones. A replaced file keeps its permission bits; a
 * new one gets 0666 less the umask. Adding a path also removes the
 * temporary files of that path that a process no longer running left
 * behind (a run killed with SIGKILL or a power cut).
 *
 * "-" is standard output, and a path that is a device, a FIFO or a socket
 * is written as it is: those streams cannot be taken back, so write them
 * last. A directory is refused (KGEX_EIO) when it is added.
 *
 * Thread safety: one set is used by one thread at a time; different sets
 * may be used in different threads. kgex_output_set_discard() is
 * async-signal-safe: call it from a SIGINT or SIGTERM handler.
 */
#ifndef KGEX_OUTPUT_H
#define KGEX_OUTPUT_H

#include <stdio.h>

#include "common.h"
#include "errors.h"

typedef struct kgex_output_set kgex_output_set;

/* A new, empty set; caller frees with kgex_output_set_free(). */
KGEX_EXTERN int kgex_output_set_new(kgex_output_set **out);

/* Add the output `path` (copied) and give the stream to write it to in
 * *out (owned by the set: do not close it). Errors: KGEX_EIO (the message
 * says why; err->source is the path), KGEX_ENOMEM, KGEX_EINVAL (a set
 * already committed). */
KGEX_EXTERN int kgex_output_set_add(FILE **out, kgex_output_set *set, const char *path,
                                    kgex_error *err);

/* Flush, check and sync every stream, then rename every temporary file
 * into place. On error (KGEX_EIO, err->source naming the output) every
 * temporary file is removed and every path holds what it held before
 * (but standard output and devices, written already). Either way the set
 * is finished: only kgex_output_set_free() remains. */
KGEX_EXTERN int kgex_output_set_commit(kgex_output_set *set, kgex_error *err);

/* Give up: remove the temporary files, and put back the old files if a
 * commit was under way. Async-signal-safe (it calls only unlinkat,
 * renameat and faccessat); it closes nothing and frees nothing. NULL-safe. */
KGEX_EXTERN void kgex_output_set_discard(kgex_output_set *set);

/* Discard what was not committed, close the streams and free the set.
 * NULL-safe. */
KGEX_EXTERN void kgex_output_set_free(kgex_output_set *set);

#endif
