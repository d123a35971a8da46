/*
 * analytics.h - graph measures computed with igraph and kept on the graph:
 * degrees, weighted degree, PageRank, betweenness, community, weakly
 * connected component, and a 2-D layout for drawings.
 *
 * Nothing is computed until kgex_graph_analyze() is called; the writers
 * (GraphML, JSON-LD, GEXF, N-Quads, SVG) add the measures as node
 * attributes only when every node has them (kgex_graph_has_metrics()).
 * Adding nodes or edges afterwards leaves the old values in place: call
 * kgex_graph_analyze() again. The results are deterministic: igraph's
 * random number generator is seeded with a fixed seed for each call.
 */
#ifndef KGEX_ANALYTICS_H
#define KGEX_ANALYTICS_H

#include <stddef.h>

#include "common.h"
#include "graph.h"

/* Seed of igraph's default random number generator for the community
 * detection and the layout. */
#define KGEX_ANALYTICS_SEED 42

/* The measures themselves are the kgex_metrics struct in graph.h, kept in
 * each kgex_node (`metrics`, valid when `has_metrics` is 1). */

/* Compute the measures of every node and store them on the graph. On
 * error the graph's previous measures (if any) are kept. */
KGEX_EXTERN int kgex_graph_analyze(kgex_graph *graph);

/* 1 when kgex_graph_analyze() has run and every node has measures. */
KGEX_EXTERN int kgex_graph_has_metrics(const kgex_graph *graph);

/* The measures of node `index`; borrowed, valid until the graph is freed
 * or analyzed again. NULL when out of range or not computed. */
KGEX_EXTERN const kgex_metrics *kgex_graph_metrics(const kgex_graph *graph, size_t index);

#endif
