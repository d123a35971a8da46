/*
 * export.h - writing a graph as GraphML, JSON-LD, GEXF, N-Quads,
 * N-Triples or an SVG picture.
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

/* GraphML flavors. The standard one is valid against the official schema.
 * The others add XML attributes that the schema does not allow but one
 * importer reads: GEPHI a `label` attribute on each edge (the relation, so
 * that Gephi keeps parallel edges of different relations apart), APOC also
 * a `labels` attribute on each node (":State", ...; Neo4j APOC's node
 * labels, and the edge `label` as the relationship type). */
typedef enum kgex_graphml_flavor {
    KGEX_GRAPHML_STANDARD = 0,
    KGEX_GRAPHML_GEPHI,
    KGEX_GRAPHML_APOC
} kgex_graphml_flavor;

KGEX_EXTERN int kgex_graphml_write_flavor(const kgex_graph *graph, FILE *fp,
                                          kgex_graphml_flavor flavor, kgex_error *err);
KGEX_EXTERN int kgex_graphml_write_file_flavor(const kgex_graph *graph, const char *path,
                                               kgex_graphml_flavor flavor, kgex_error *err);

/* Write one JSON-LD 1.1 document with an inline @context to `fp`. */
KGEX_EXTERN int kgex_jsonld_write(const kgex_graph *graph, FILE *fp, kgex_error *err);
KGEX_EXTERN int kgex_jsonld_write_file(const kgex_graph *graph, const char *path, kgex_error *err);

/* Write GEXF 1.3 (valid against the GEXF 1.3 RELAX NG schema), for Gephi:
 * node colour by kind, size by PageRank and position from the layout when
 * the graph has been analyzed (analytics.h), event dates as time intervals
 * (mode="dynamic", timeformat="date"), the relation as the edge kind. */
KGEX_EXTERN int kgex_gexf_write(const kgex_graph *graph, FILE *fp, kgex_error *err);
KGEX_EXTERN int kgex_gexf_write_file(const kgex_graph *graph, const char *path, kgex_error *err);

/* Write the triples of the JSON-LD output as N-Quads, each in the named
 * graph of the document it was read from (KGEX_DOC_GRAPH_BASE followed by
 * the percent-encoded document name); counts and analytics, which sum over
 * all documents, and facts without provenance are in the default graph. */
#define KGEX_DOC_GRAPH_BASE "https://w3id.org/kgex/doc/"
KGEX_EXTERN int kgex_nquads_write(const kgex_graph *graph, FILE *fp, kgex_error *err);
KGEX_EXTERN int kgex_nquads_write_file(const kgex_graph *graph, const char *path, kgex_error *err);

/* Write the same triples as N-Triples (no graph; each triple once). */
KGEX_EXTERN int kgex_ntriples_write(const kgex_graph *graph, FILE *fp, kgex_error *err);
KGEX_EXTERN int kgex_ntriples_write_file(const kgex_graph *graph, const char *path,
                                         kgex_error *err);

/* Draw the graph as an SVG 1.1 picture: nodes at the layout positions
 * (analytics.h; a circle when the graph has not been analyzed), coloured
 * by kind and sized by PageRank, edges coloured by relation, labels, and a
 * legend. */
KGEX_EXTERN int kgex_svg_write(const kgex_graph *graph, FILE *fp, kgex_error *err);
KGEX_EXTERN int kgex_svg_write_file(const kgex_graph *graph, const char *path, kgex_error *err);

#endif
