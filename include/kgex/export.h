/*
 * export.h - writing a graph as GraphML, JSON-LD, GEXF, N-Quads,
 * N-Triples or an SVG picture: one options struct, two functions.
 *
 * kgex_export_write() writes to a caller's stream. kgex_export_write_file()
 * writes to a temporary file next to `path` and renames it into place only
 * when complete: on error the previous file at `path` is untouched and no
 * temporary file remains; `path` "-" writes to standard output.
 *
 * What each format holds is described in the README ("Output" and "Using
 * the graph elsewhere"). Every writer writes nodes sorted by id and edges
 * by (source id, relation, target id), so the output is deterministic, and
 * adds the analytics (analytics.h) when the graph has been analyzed.
 */
#ifndef KGEX_EXPORT_H
#define KGEX_EXPORT_H

#include <stdio.h>

#include "common.h"
#include "errors.h"
#include "graph.h"

typedef enum kgex_format {
    KGEX_FORMAT_GRAPHML = 0, /* GraphML 1.1 */
    KGEX_FORMAT_JSONLD,      /* one JSON-LD 1.1 document with an inline @context */
    KGEX_FORMAT_GEXF,        /* GEXF 1.3 (or 1.2, gexf_version), for Gephi */
    KGEX_FORMAT_NQUADS,      /* the JSON-LD triples, each in its document's graph */
    KGEX_FORMAT_NTRIPLES,    /* the same triples without graphs */
    KGEX_FORMAT_SVG          /* a picture: SVG 1.1 */
} kgex_format;

/* GraphML flavors. TOOLS (the default) is what the graph tools read
 * best: besides the data keys, each <edge> has a `label` attribute with
 * the relation (the edge type of Gephi's importer and the relationship
 * type of Neo4j APOC's, so that different relations between the same two
 * nodes stay apart) and each <node> a `labels` attribute (":State", ...;
 * APOC's node labels). The GraphML schema allows neither attribute. STRICT
 * leaves them out and is valid against the official GraphML 1.1 schema;
 * Gephi then merges edges between the same two nodes. */
typedef enum kgex_graphml_flavor {
    KGEX_GRAPHML_TOOLS = 0,
    KGEX_GRAPHML_STRICT
} kgex_graphml_flavor;

/* GEXF versions: 1.3 (the default; Gephi 0.9+, graphology) or 1.2 (the
 * "1.2draft" namespace, which NetworkX 2.x also reads). */
typedef enum kgex_gexf_version { KGEX_GEXF_1_3 = 0, KGEX_GEXF_1_2 } kgex_gexf_version;

#define KGEX_EXPORT_OPTIONS_VERSION 1

typedef struct kgex_export_options {
    int version; /* KGEX_EXPORT_OPTIONS_VERSION */
    kgex_format format;
    kgex_graphml_flavor graphml_flavor; /* GraphML only */
    kgex_gexf_version gexf_version;     /* GEXF only */
} kgex_export_options;

#define KGEX_EXPORT_OPTIONS_INIT                                                                   \
    {                                                                                              \
        KGEX_EXPORT_OPTIONS_VERSION, KGEX_FORMAT_GRAPHML, KGEX_GRAPHML_TOOLS, KGEX_GEXF_1_3        \
    }

/* Named graphs of the N-Quads output: KGEX_DOC_GRAPH_BASE followed by the
 * percent-encoded document name. */
#define KGEX_DOC_GRAPH_BASE "https://w3id.org/kgex/doc/"

/* Write `graph` to `fp` (which stays the caller's) in the format of `opts`
 * (NULL: the defaults of KGEX_EXPORT_OPTIONS_INIT, GraphML). KGEX_EINVAL
 * for an unknown format, flavor, version or options version; KGEX_EIO when
 * writing fails. */
KGEX_EXTERN int kgex_export_write(const kgex_graph *graph, FILE *fp,
                                  const kgex_export_options *opts, kgex_error *err);

/* The same into the file `path`, atomically (see above). */
KGEX_EXTERN int kgex_export_write_file(const kgex_graph *graph, const char *path,
                                       const kgex_export_options *opts, kgex_error *err);

#endif
