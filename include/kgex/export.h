/*
 * export.h - writing a graph as GraphML or JSON-LD.
 *
 * The *_write_file functions write to a temporary file next to `path` and
 * rename it into place only when complete: on error the previous file at
 * `path` is untouched and no temporary file remains. `path` "-" writes to
 * standard output.
 */
#ifndef KGEX_EXPORT_H
#define KGEX_EXPORT_H

#include <stdio.h>

#include "common.h"
#include "errors.h"
#include "graph.h"

/* Write GraphML 1.1 (valid against the official schema) to `fp`. */
KGEX_EXTERN int kgex_graphml_write(const kgex_graph *graph, FILE *fp, kgex_error *err);
KGEX_EXTERN int kgex_graphml_write_file(const kgex_graph *graph, const char *path, kgex_error *err);

/* Write one JSON-LD 1.1 document with an inline @context to `fp`. */
KGEX_EXTERN int kgex_jsonld_write(const kgex_graph *graph, FILE *fp, kgex_error *err);
KGEX_EXTERN int kgex_jsonld_write_file(const kgex_graph *graph, const char *path, kgex_error *err);

#endif
