/*
 * writer.h - what the format writers share (include/kgex/export.h is the
 * public side): their entry points, called by export.c through the
 * kgex__write_fn signature of atomic.h with the kgex_export_options as
 * payload, and the CHECK macro of their `goto done` style. Private to the
 * library.
 */
#ifndef KGEX_EXPORT_WRITER_H
#define KGEX_EXPORT_WRITER_H

#include <stdio.h>

#include "kgex/errors.h"
#include "kgex/export.h"
#include "kgex/graph.h"

/* Run `call`, keep its result in `error`, and jump to `done` on failure. */
#define CHECK(call)                                                                                \
    do {                                                                                           \
        error = (call);                                                                            \
        if (error < 0)                                                                             \
            goto done;                                                                             \
    } while (0)

/* Each writes `graph` to `fp`; `path` names the output in messages (NULL:
 * a caller's stream); `payload` is the const kgex_export_options *. */
int kgex__graphml_write(const kgex_graph *graph, FILE *fp, const char *path, const void *payload,
                        kgex_error *err);
int kgex__jsonld_write(const kgex_graph *graph, FILE *fp, const char *path, const void *payload,
                       kgex_error *err);
int kgex__gexf_write(const kgex_graph *graph, FILE *fp, const char *path, const void *payload,
                     kgex_error *err);
/* N-Quads or N-Triples, by the options' format */
int kgex__rdf_write(const kgex_graph *graph, FILE *fp, const char *path, const void *payload,
                    kgex_error *err);
int kgex__svg_write(const kgex_graph *graph, FILE *fp, const char *path, const void *payload,
                    kgex_error *err);

#endif
