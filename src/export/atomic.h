/*
 * atomic.h - replace a file all at once: write to a temporary file next to
 * the target, then rename it into place. Used by both writers so that an
 * error never leaves a half-written output, and the previous file at the
 * path stays as it was. The path "-" means standard output (written
 * directly, checked, never closed). Private to the library.
 */
#ifndef KGEX_EXPORT_ATOMIC_H
#define KGEX_EXPORT_ATOMIC_H

#include <stdio.h>

#include "kgex/errors.h"
#include "kgex/graph.h"

typedef struct kgex__atomic {
    FILE *fp;         /* where to write; stdout for "-" */
    const char *path; /* borrowed: the target, for messages */
    char *tmp_path;   /* NULL for stdout and devices */
    int direct;       /* a device or pipe opened as it is: closed, not renamed */
} kgex__atomic;

/* Create the temporary file for `path` (or take stdout for "-"); on error
 * KGEX_EIO (message names the path) or KGEX_ENOMEM, nothing is left. */
int kgex__atomic_open(kgex__atomic *a, const char *path, kgex_error *err);

/* Flush, check, sync, close and rename into place. On error the temporary
 * file is removed, the target untouched, and KGEX_EIO returned with a
 * message naming the path. `a` is finished either way. */
int kgex__atomic_commit(kgex__atomic *a, kgex_error *err);

/* Give up: close and remove the temporary file. NULL-safe, idempotent. */
void kgex__atomic_abort(kgex__atomic *a);

/* A writer: writes `graph` to `fp`; `path` names the output in messages
 * ("<stdout>" for standard output); `payload` is the writer's own. */
typedef int (*kgex__write_fn)(const kgex_graph *graph, FILE *fp, const char *path,
                              const void *payload, kgex_error *err);

/* Run `write` into a temporary file next to `path` (or standard output for
 * "-") and rename it into place when it succeeded; on error nothing is
 * left behind and the old file at `path` is untouched. */
int kgex__atomic_write(const kgex_graph *graph, const char *path, kgex__write_fn write,
                       const void *payload, kgex_error *err);

/* The error record for a writer's result: KGEX_ENOMEM as "out of memory",
 * KGEX_EIO as "cannot write 'PATH': REASON" (strerror(saved), else
 * `fallback`), other codes as "cannot write FORMAT: ..."; KGEX_OK as is. */
int kgex__write_error(kgex_error *err, int error, const char *path, int saved, const char *format,
                      const char *fallback);

#endif
