/*
 * analytics.h - graph measures computed with igraph and kept on the graph:
 * degrees, weighted degree, PageRank, betweenness, community, weakly
 * connected component, and a 2-D layout for drawings.
 *
 * Nothing is computed until kgex_graph_analyze() is called; the writers
 * (GraphML, JSON-LD, GEXF, N-Quads, SVG) add the measures as node
 * attributes only when every node has them (kgex_graph_has_metrics()).
 * Adding nodes or edges afterwards leaves the old values in place: call
 * kgex_graph_analyze() again.
 *
 * The results are deterministic and do not depend on the order in which
 * nodes and edges were added: igraph gets the vertices in node id order and
 * the edges in kgex_graph_edge_order(), and a random number generator of
 * its own, seeded with KGEX_ANALYTICS_SEED, for each call. The time is
 * near-linear in the size of the graph (see kgex_metrics in graph.h for
 * the betweenness estimate and the layout of large graphs).
 *
 * Thread safety: the analysis reads the graph and writes the nodes'
 * measures, so no other thread may use the same graph during the call;
 * other graphs (extraction into them, writing them) may be used in other
 * threads meanwhile. igraph as built by Debian keeps its error handlers,
 * default random number generator and cleanup stack process-wide, so
 * kgex serializes its own igraph calls (this file and
 * kgex_graph_components()) with a mutex, and installs its handlers and
 * generator only for the length of each call, restoring the caller's. An
 * application that itself calls igraph from other threads at the same
 * time must not: that is igraph's limit, not kgex's.
 */
#ifndef KGEX_ANALYTICS_H
#define KGEX_ANALYTICS_H

#include <stddef.h>

#include "common.h"
#include "graph.h"

/* Seed of the random number generator given to igraph for the community
 * detection and the layout. */
#define KGEX_ANALYTICS_SEED 42

/* The measures themselves are the kgex_metrics struct in graph.h, kept in
 * each kgex_node (`metrics`, valid when `has_metrics` is 1). */

#define KGEX_ANALYTICS_OPTIONS_VERSION 1

typedef struct kgex_analytics_options {
    int version; /* KGEX_ANALYTICS_OPTIONS_VERSION */
    /* 1: also compute the layout (kgex_metrics x and y), which only
     * drawings use (GEXF, SVG); 0: leave x and y at 0. */
    int layout;
} kgex_analytics_options;

#define KGEX_ANALYTICS_OPTIONS_INIT                                                                \
    {                                                                                              \
        KGEX_ANALYTICS_OPTIONS_VERSION, 1                                                          \
    }

/* Compute the measures of every node and store them on the graph; `opts`
 * may be NULL (KGEX_ANALYTICS_OPTIONS_INIT: with the layout). On error
 * (KGEX_ENOMEM, KGEX_ELIMIT, KGEX_EINVAL for a bad options version) the
 * graph's previous measures (if any) are kept. */
KGEX_EXTERN int kgex_graph_analyze_ext(kgex_graph *graph, const kgex_analytics_options *opts);

/* kgex_graph_analyze_ext(graph, NULL). */
KGEX_EXTERN int kgex_graph_analyze(kgex_graph *graph);

/* 1 when kgex_graph_analyze() has run and every node has measures. */
KGEX_EXTERN int kgex_graph_has_metrics(const kgex_graph *graph);

/* The measures of node `index`; borrowed, valid until the graph is freed
 * or analyzed again. NULL when out of range or not computed. */
KGEX_EXTERN const kgex_metrics *kgex_graph_metrics(const kgex_graph *graph, size_t index);

#endif
