/*
 * layout.h - the 2-D layout of the analytics (analytics.c): a multilevel
 * force-directed layout whose time is near-linear in the size of the
 * graph. Private to the library; called with analytics.c's igraph guard
 * held (the igraph calls here need the handlers and the seeded random
 * number generator it installs).
 */
#ifndef KGEX_GRAPH_LAYOUT_H
#define KGEX_GRAPH_LAYOUT_H

#include <igraph.h>

/* Vertices up to which the layout is igraph's Fruchterman-Reingold on all
 * pairs, 500 iterations. */
#define KGEX__LAYOUT_SMALL 300

/* igraph's error code as a KGEX_* code (analytics.c). */
int kgex__from_igraph(igraph_error_t code);

/* Lay out the undirected graph `g` into `out` (resized to n x 2), in no
 * particular scale: a small graph directly; a larger one along `levels`,
 * the membership of each vertex after each level of the multilevel
 * (Louvain) community detection on `g`, finest first (igraph's
 * `memberships`). KGEX_OK, KGEX_ENOMEM. */
int kgex__layout(igraph_matrix_t *out, const igraph_t *g, const igraph_matrix_int_t *levels);

/* Center `pos` and scale it into [-1, 1] on both axes, keeping its aspect
 * ratio (all 0 when every row is at one place). */
void kgex__layout_fit(igraph_matrix_t *pos);

#endif
