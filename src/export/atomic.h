/*
 * atomic.h - the writers' side of the output sets (include/kgex/output.h):
 * one file written through a set of one, so that an error never leaves a
 * half-written output and the previous file at the path stays as it was;
 * and the writers' error record. The path "-" means standard output
 * (written directly, checked, never closed). Private to the library.
 */
#ifndef KGEX_EXPORT_ATOMIC_H
#define KGEX_EXPORT_ATOMIC_H

#include <stdio.h>

#include "kgex/errors.h"
#include "kgex/graph.h"

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
 * KGEX_EIO as "cannot write: REASON" with PATH as the source (strerror(saved),
 * else `fallback`; "cannot write FORMAT: REASON" when `path` is NULL),
 * other codes as "cannot write FORMAT: ..."; KGEX_OK as is. */
int kgex__write_error(kgex_error *err, int error, const char *path, int saved, const char *format,
                      const char *fallback);

#endif
