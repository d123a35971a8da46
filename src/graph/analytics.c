/*
 * analytics.c - graph measures and the layout with igraph
 * (include/kgex/analytics.h), and kgex_graph_components() (graph.h): the
 * only file that calls igraph.
 *
 * Each entry point builds igraph topologies from the graph's edge records
 * for the length of the call and copies the results into the kgex_metrics
 * of each node; it writes only the nodes' `metrics` and `has_metrics`:
 *   - the whole graph, directed, for the weakly connected components, and
 *     its undirected projection for the communities and the layout;
 *   - the actor graph, the states, organizations and officials with the
 *     relations between them, for PageRank and betweenness: a statement
 *     (an event node) takes no part and gets 0, so no quote outranks an
 *     actor, and actors are not ranked up by the statements made about
 *     them (each one would otherwise pass rank on like an actor).
 * Vertices are numbered in kgex_graph_node_order() (node id) order and
 * edges taken in kgex_graph_edge_order() order, so igraph sees the same
 * graph whatever order the documents were read in, and the results
 * (communities, layout, sampled betweenness) do not depend on it.
 *
 * igraph as Debian builds it is not thread-safe: its error and warning
 * handlers, its default random number generator and its cleanup stack are
 * process-wide. So every call into igraph here runs under one mutex, with
 * silent handlers and a generator of our own (seeded with
 * KGEX_ANALYTICS_SEED) installed for the call and the caller's restored
 * after it (guard_enter/guard_leave).
 *
 * Cost, for n nodes and m edges: degrees, PageRank (PRPACK), communities
 * (multilevel/Louvain) and components are near-linear. Betweenness is
 * O(n m) on the actor graph when computed exactly; when that is above
 * BETWEENNESS_WORK it is estimated from a sample of source actors (every
 * k-th in node id order), scaled by their number over the sample size
 * (Brandes and Pich, 2007). The layout, when asked for, is multilevel
 * (layout.c) and near-linear too.
 */
#include "kgex/analytics.h"

#include <igraph.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "graph/layout.h"

#define PAGERANK_DAMPING 0.85
#define BETWEENNESS_WORK 2e7 /* sources times (n + m) before sampling */

/* ---- igraph: one caller at a time, nothing left behind ------------------ */

static pthread_mutex_t igraph_lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct guard {
    igraph_error_handler_t *old_error;
    igraph_warning_handler_t *old_warning;
    igraph_rng_t *old_rng; /* the caller's default generator */
    igraph_rng_t old_copy; /* and what it held */
    igraph_rng_t rng;
    int have_rng;
} guard;

int kgex__from_igraph(igraph_error_t code)
{
    switch (code) {
        case IGRAPH_SUCCESS:
            return KGEX_OK;
        case IGRAPH_ENOMEM:
            return KGEX_ENOMEM;
        case IGRAPH_EINVAL:
        case IGRAPH_EINVVID:
            return KGEX_EINVAL;
        case IGRAPH_EOVERFLOW:
            return KGEX_ELIMIT;
        default:
            return KGEX_ERROR;
    }
}

static int guard_enter(guard *g)
{
    pthread_mutex_lock(&igraph_lock);
    g->old_error = igraph_set_error_handler(igraph_error_handler_ignore);
    g->old_warning = igraph_set_warning_handler(igraph_warning_handler_ignore);
    g->old_rng = igraph_rng_default();
    g->old_copy = *g->old_rng;
    g->have_rng = 0;
    if (igraph_rng_init(&g->rng, &igraph_rngtype_mt19937) != IGRAPH_SUCCESS)
        return KGEX_ENOMEM;
    g->have_rng = 1;
    igraph_rng_seed(&g->rng, KGEX_ANALYTICS_SEED);
    igraph_rng_set_default(&g->rng);
    return KGEX_OK;
}

static void guard_leave(guard *g)
{
    /* igraph 0.10 copies the generator given to igraph_rng_set_default()
     * into its default one (same address): copy the caller's back; a
     * version that keeps the pointer gets the caller's pointer back */
    if (igraph_rng_default() == g->old_rng)
        igraph_rng_set_default(&g->old_copy);
    else
        igraph_rng_set_default(g->old_rng);
    if (g->have_rng)
        igraph_rng_destroy(&g->rng);
    igraph_set_warning_handler(g->old_warning);
    igraph_set_error_handler(g->old_error);
    pthread_mutex_unlock(&igraph_lock);
}

/* ---- the work of one analysis ------------------------------------------ */

/* Everything one analysis holds; all starts zeroed, `have` says what to
 * destroy. Vertex v is the node order[v]; node i is the vertex rank[i]. */
typedef struct work {
    size_t n, e;
    size_t *order;     /* vertex -> node index (node id order) */
    size_t *rank;      /* node index -> vertex */
    long *actor;       /* vertex -> vertex of the actor graph, -1 for a statement */
    size_t actors_len; /* vertices of the actor graph */
    igraph_vector_int_t edges;
    igraph_vector_t weights;
    igraph_vector_int_t actor_edges;
    igraph_vector_t actor_weights;
    igraph_t directed;
    igraph_t undirected;
    igraph_t actors;
    igraph_vector_t pagerank;
    igraph_vector_t betweenness;
    igraph_vector_int_t community;
    igraph_matrix_int_t levels; /* Louvain membership after each level */
    igraph_vector_int_t component;
    igraph_matrix_t layout;
    unsigned have;
} work;

enum {
    HAVE_EDGES = 1u << 0,
    HAVE_WEIGHTS = 1u << 1,
    HAVE_DIRECTED = 1u << 2,
    HAVE_UNDIRECTED = 1u << 3,
    HAVE_PAGERANK = 1u << 4,
    HAVE_BETWEENNESS = 1u << 5,
    HAVE_COMMUNITY = 1u << 6,
    HAVE_LEVELS = 1u << 7,
    HAVE_COMPONENT = 1u << 8,
    HAVE_LAYOUT = 1u << 9,
    HAVE_ACTOR_EDGES = 1u << 10,
    HAVE_ACTOR_WEIGHTS = 1u << 11,
    HAVE_ACTORS = 1u << 12
};

static void work_destroy(work *w)
{
    if (w->have & HAVE_LAYOUT)
        igraph_matrix_destroy(&w->layout);
    if (w->have & HAVE_COMPONENT)
        igraph_vector_int_destroy(&w->component);
    if (w->have & HAVE_LEVELS)
        igraph_matrix_int_destroy(&w->levels);
    if (w->have & HAVE_COMMUNITY)
        igraph_vector_int_destroy(&w->community);
    if (w->have & HAVE_BETWEENNESS)
        igraph_vector_destroy(&w->betweenness);
    if (w->have & HAVE_PAGERANK)
        igraph_vector_destroy(&w->pagerank);
    if (w->have & HAVE_UNDIRECTED)
        igraph_destroy(&w->undirected);
    if (w->have & HAVE_DIRECTED)
        igraph_destroy(&w->directed);
    if (w->have & HAVE_ACTORS)
        igraph_destroy(&w->actors);
    if (w->have & HAVE_ACTOR_WEIGHTS)
        igraph_vector_destroy(&w->actor_weights);
    if (w->have & HAVE_ACTOR_EDGES)
        igraph_vector_int_destroy(&w->actor_edges);
    if (w->have & HAVE_WEIGHTS)
        igraph_vector_destroy(&w->weights);
    if (w->have & HAVE_EDGES)
        igraph_vector_int_destroy(&w->edges);
    kgex__free(w->order);
    kgex__free(w->rank);
    kgex__free(w->actor);
    w->order = w->rank = NULL;
    w->actor = NULL;
    w->have = 0;
}

/* igraph call -> KGEX code, jump to done on failure, mark `flag` made */
#define IG(call, flag)                                                                             \
    do {                                                                                           \
        error = kgex__from_igraph(call);                                                           \
        if (error < 0)                                                                             \
            goto done;                                                                             \
        w->have |= (flag);                                                                         \
    } while (0)

/* The actor graph: the vertices that are no statement, numbered in vertex
 * order, and the edges between them. */
static int build_actors(work *w, const kgex_graph *graph)
{
    igraph_integer_t i;
    int error = KGEX_OK;

    w->actor = kgex__malloc((w->n ? w->n : 1) * sizeof(*w->actor));
    if (!w->actor)
        return KGEX_ENOMEM;
    for (i = 0; i < (igraph_integer_t)w->n; i++)
        w->actor[i] = kgex_graph_node(graph, w->order[i])->kind != KGEX_KIND_EVENT
                          ? (long)w->actors_len++
                          : -1;
    IG(igraph_vector_int_init(&w->actor_edges, 0), HAVE_ACTOR_EDGES);
    IG(igraph_vector_init(&w->actor_weights, 0), HAVE_ACTOR_WEIGHTS);
    for (i = 0; i < (igraph_integer_t)w->e; i++) {
        long s = w->actor[VECTOR(w->edges)[2 * i]], t = w->actor[VECTOR(w->edges)[2 * i + 1]];

        if (s < 0 || t < 0)
            continue;
        IG(igraph_vector_int_push_back(&w->actor_edges, (igraph_integer_t)s), 0);
        IG(igraph_vector_int_push_back(&w->actor_edges, (igraph_integer_t)t), 0);
        IG(igraph_vector_push_back(&w->actor_weights, VECTOR(w->weights)[i]), 0);
    }
    IG(igraph_create(&w->actors, &w->actor_edges, (igraph_integer_t)w->actors_len, IGRAPH_DIRECTED),
       HAVE_ACTORS);
done:
    return error;
}

/* The vertex numbering, the edge list in edge order and the topologies
 * (directed; for an analysis, `weighted`, also undirected for communities
 * and layout, and the actor graph). */
static int build(work *w, const kgex_graph *graph, int weighted)
{
    size_t *edge_order = NULL;
    size_t i;
    int error;

    w->n = kgex_graph_node_count(graph);
    w->e = kgex_graph_edge_count(graph);
    if (w->n > (size_t)IGRAPH_INTEGER_MAX || w->e > (size_t)IGRAPH_INTEGER_MAX / 2)
        return KGEX_ELIMIT;
    w->rank = kgex__calloc(w->n, sizeof(*w->rank));
    if (!w->rank)
        return KGEX_ENOMEM;
    error = kgex_graph_node_order(graph, &w->order);
    if (error == KGEX_OK)
        error = kgex_graph_edge_order(graph, &edge_order);
    if (error < 0)
        goto done;
    for (i = 0; i < w->n; i++)
        w->rank[w->order[i]] = i;
    IG(igraph_vector_int_init(&w->edges, (igraph_integer_t)(2 * w->e)), HAVE_EDGES);
    if (weighted)
        IG(igraph_vector_init(&w->weights, (igraph_integer_t)w->e), HAVE_WEIGHTS);
    for (i = 0; i < w->e; i++) {
        const kgex_edge *edge = kgex_graph_edge(graph, edge_order[i]);

        VECTOR(w->edges)[2 * i] = (igraph_integer_t)w->rank[edge->source];
        VECTOR(w->edges)[2 * i + 1] = (igraph_integer_t)w->rank[edge->target];
        if (weighted)
            VECTOR(w->weights)[i] = (igraph_real_t)edge->weight;
    }
    IG(igraph_create(&w->directed, &w->edges, (igraph_integer_t)w->n, IGRAPH_DIRECTED),
       HAVE_DIRECTED);
    if (weighted)
        IG(igraph_create(&w->undirected, &w->edges, (igraph_integer_t)w->n, IGRAPH_UNDIRECTED),
           HAVE_UNDIRECTED);
    if (weighted)
        error = build_actors(w, graph);
done:
    kgex__free(edge_order); /* kgex_graph_edge_order allocates with the library's allocator */
    return error;
}

/* Directed betweenness on the actor graph: exact when small enough, else
 * estimated from every k-th actor as a source. */
static int betweenness(work *w)
{
    size_t n = w->actors_len;
    double per_source = (double)n + (double)igraph_ecount(&w->actors);
    size_t sources = (size_t)(BETWEENNESS_WORK / (per_source > 1 ? per_source : 1));
    igraph_vector_int_t sample;
    size_t i, step;
    int error;

    IG(igraph_vector_init(&w->betweenness, 0), HAVE_BETWEENNESS);
    if (sources >= n)
        return kgex__from_igraph(
            igraph_betweenness(&w->actors, &w->betweenness, igraph_vss_all(), 1, NULL));
    if (sources < 1)
        sources = 1;
    step = (n + sources - 1) / sources;
    if (igraph_vector_int_init(&sample, 0) != IGRAPH_SUCCESS)
        return KGEX_ENOMEM;
    for (i = step / 2; i < n && error == KGEX_OK; i += step) {
        if (igraph_vector_int_push_back(&sample, (igraph_integer_t)i) != IGRAPH_SUCCESS)
            error = KGEX_ENOMEM;
    }
    if (error == KGEX_OK)
        error = kgex__from_igraph(
            igraph_betweenness_subset(&w->actors, &w->betweenness, igraph_vss_all(), 1,
                                      igraph_vss_vector(&sample), igraph_vss_all(), NULL));
    if (error == KGEX_OK)
        igraph_vector_scale(&w->betweenness,
                            (igraph_real_t)n / (igraph_real_t)igraph_vector_int_size(&sample));
    igraph_vector_int_destroy(&sample);
done:
    return error;
}

/* ---- results ----------------------------------------------------------- */

/* Renumber igraph's group ids (community or component) from 0 in the
 * order the groups first appear among the vertices (node id order);
 * scratch has n entries. */
static void renumber(const igraph_vector_int_t *membership, size_t n, size_t *scratch, size_t *out)
{
    size_t v, next = 0;

    for (v = 0; v < n; v++)
        scratch[v] = (size_t)-1;
    for (v = 0; v < n; v++) {
        size_t group = (size_t)VECTOR(*membership)[v];

        if (group >= n)
            group = n - 1; /* cannot happen: igraph numbers groups 0..n-1 */
        if (scratch[group] == (size_t)-1)
            scratch[group] = next++;
        out[v] = scratch[group];
    }
}

/* Copy the results into `m` (indexed by node), the layout scaled into
 * [-1, 1] keeping its aspect ratio; scratch and groups have n entries. */
static void collect(work *w, const kgex_graph *graph, int with_layout, kgex_metrics *m,
                    size_t *scratch, size_t *groups)
{
    size_t i, n = w->n;

    for (i = 0; i < w->e; i++) {
        const kgex_edge *edge = kgex_graph_edge(graph, i);

        m[edge->source].out_degree++;
        m[edge->target].in_degree++;
        m[edge->source].weighted_degree += (double)edge->weight;
        m[edge->target].weighted_degree += (double)edge->weight;
    }
    renumber(&w->community, n, scratch, groups);
    for (i = 0; i < n; i++)
        m[w->order[i]].community = groups[i];
    renumber(&w->component, n, scratch, groups);
    if (with_layout)
        kgex__layout_fit(&w->layout);
    for (i = 0; i < n; i++) {
        kgex_metrics *mi = &m[w->order[i]];

        mi->component = groups[i];
        mi->pagerank = w->actor[i] < 0 ? 0 : VECTOR(w->pagerank)[w->actor[i]];
        mi->betweenness = w->actor[i] < 0 ? 0 : VECTOR(w->betweenness)[w->actor[i]];
        mi->x = with_layout ? MATRIX(w->layout, i, 0) : 0;
        mi->y = with_layout ? MATRIX(w->layout, i, 1) : 0;
    }
}

static int analyze(work *w, kgex_graph *graph, int with_layout, kgex_metrics *m)
{
    size_t *scratch = NULL, *groups = NULL;
    igraph_integer_t n;
    int error;

    error = build(w, graph, 1);
    if (error < 0)
        goto done;
    n = (igraph_integer_t)w->n;
    scratch = kgex__calloc(w->n, sizeof(*scratch));
    groups = kgex__calloc(w->n, sizeof(*groups));
    if (!scratch || !groups) {
        error = KGEX_ENOMEM;
        goto done;
    }
    IG(igraph_vector_init(&w->pagerank, 0), HAVE_PAGERANK);
    IG(igraph_pagerank(&w->actors, IGRAPH_PAGERANK_ALGO_PRPACK, &w->pagerank, NULL,
                       igraph_vss_all(), 1, PAGERANK_DAMPING, &w->actor_weights, NULL),
       0);
    error = betweenness(w);
    if (error < 0)
        goto done;
    IG(igraph_vector_int_init(&w->community, 0), HAVE_COMMUNITY);
    IG(igraph_matrix_int_init(&w->levels, 0, 0), HAVE_LEVELS);
    IG(igraph_community_multilevel(&w->undirected, &w->weights, 1.0, &w->community, &w->levels,
                                   NULL),
       0);
    IG(igraph_vector_int_init(&w->component, 0), HAVE_COMPONENT);
    IG(igraph_connected_components(&w->directed, &w->component, NULL, NULL, IGRAPH_WEAK), 0);
    if (with_layout) {
        IG(igraph_matrix_init(&w->layout, 0, 0), HAVE_LAYOUT);
        error = kgex__layout(&w->layout, &w->undirected, &w->levels);
        if (error < 0)
            goto done;
    }
    if (igraph_vector_size(&w->pagerank) != (igraph_integer_t)w->actors_len ||
        igraph_vector_size(&w->betweenness) != (igraph_integer_t)w->actors_len ||
        igraph_vector_int_size(&w->community) != n || igraph_vector_int_size(&w->component) != n ||
        (with_layout && igraph_matrix_nrow(&w->layout) != n)) {
        error = KGEX_ERROR;
        goto done;
    }
    collect(w, graph, with_layout, m, scratch, groups);
done:
    kgex__free(scratch);
    kgex__free(groups);
    return error;
}

int kgex_graph_analyze_ext(kgex_graph *graph, const kgex_analytics_options *opts)
{
    kgex_metrics *m = NULL;
    guard g;
    work w;
    size_t n, i;
    int with_layout = opts ? opts->layout : 1;
    int error;

    KGEX_ASSERT_ARG(graph, NULL);
    KGEX_ASSERT_ARG(!opts || opts->version == KGEX_ANALYTICS_OPTIONS_VERSION, NULL);
    memset(&w, 0, sizeof(w));
    n = kgex_graph_node_count(graph);
    if (n == 0)
        return KGEX_OK;
    m = kgex__calloc(n, sizeof(*m));
    if (!m)
        return KGEX_ENOMEM;
    error = guard_enter(&g);
    if (error == KGEX_OK)
        error = analyze(&w, graph, with_layout, m);
    work_destroy(&w);
    guard_leave(&g);
    if (error == KGEX_OK) {
        /* all computed: store. The node records belong to the graph,
         * which the caller passed as mutable; the view pointers are const
         * only to keep other callers from writing through them. */
        for (i = 0; i < n; i++) {
            kgex_node *node = (kgex_node *)kgex_graph_node(graph, i);

            node->metrics = m[i];
            node->has_metrics = 1;
        }
    }
    kgex__free(m);
    return error;
}

int kgex_graph_analyze(kgex_graph *graph)
{
    return kgex_graph_analyze_ext(graph, NULL);
}

int kgex_graph_has_metrics(const kgex_graph *graph)
{
    size_t i, n = kgex_graph_node_count(graph);

    if (n == 0)
        return 0;
    for (i = 0; i < n; i++) {
        if (!kgex_graph_node(graph, i)->has_metrics)
            return 0;
    }
    return 1;
}

const kgex_metrics *kgex_graph_metrics(const kgex_graph *graph, size_t index)
{
    const kgex_node *node = kgex_graph_node(graph, index);

    return node && node->has_metrics ? &node->metrics : NULL;
}

int kgex_graph_components(const kgex_graph *graph, size_t *out)
{
    igraph_integer_t count = 0;
    guard g;
    work w;
    int error;

    KGEX_ASSERT_ARG(graph, NULL);
    KGEX_ASSERT_ARG(out, NULL);
    memset(&w, 0, sizeof(w));
    error = guard_enter(&g);
    if (error == KGEX_OK)
        error = build(&w, graph, 0);
    if (error == KGEX_OK)
        error = kgex__from_igraph(
            igraph_connected_components(&w.directed, NULL, NULL, &count, IGRAPH_WEAK));
    if (error == KGEX_OK)
        *out = (size_t)count;
    work_destroy(&w);
    guard_leave(&g);
    return error;
}
