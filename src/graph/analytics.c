/*
 * analytics.c - graph measures with igraph (include/kgex/analytics.h).
 *
 * kgex_graph_analyze() builds igraph topologies from the graph's edge
 * records for the length of the call, runs igraph's algorithms on them with
 * the mention counts as edge weights, and copies the results into the
 * kgex_metrics of each node:
 *   - the whole graph, directed, for the weakly connected components, and
 *     its undirected projection for the communities and the layout;
 *   - the actor graph, the states, organizations and officials with the
 *     relations between them, for PageRank and betweenness: a statement
 *     (an event node) takes no part and gets 0, so no quote outranks an
 *     actor, and actors are not ranked up by the statements made about
 *     them (each one would otherwise pass rank on like an actor).
 * Vertices are numbered in kgex_graph_node_order() order and edges added
 * in kgex_graph_edge_order() order, so the results do not depend on the
 * order the graph was built in. No igraph state outlives the call: igraph's
 * error and warning handlers are swapped for silent ones and restored, and
 * its random number generator is seeded with KGEX_ANALYTICS_SEED, so two
 * runs on the same graph give the same numbers. This file does not own the
 * nodes; it writes only their `metrics` and `has_metrics` fields.
 */
#include "kgex/analytics.h"

#include <igraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

#define PAGERANK_DAMPING  0.85
#define LAYOUT_ITERATIONS 500

static int from_igraph(igraph_error_t code)
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

/* Everything one analysis holds; all starts zeroed, `have` says what to
 * destroy. */
typedef struct work {
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
    HAVE_COMPONENT = 1u << 7,
    HAVE_LAYOUT = 1u << 8,
    HAVE_ACTOR_EDGES = 1u << 9,
    HAVE_ACTOR_WEIGHTS = 1u << 10,
    HAVE_ACTORS = 1u << 11
};

static void work_destroy(work *w)
{
    if (w->have & HAVE_LAYOUT)
        igraph_matrix_destroy(&w->layout);
    if (w->have & HAVE_COMPONENT)
        igraph_vector_int_destroy(&w->component);
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
    w->have = 0;
}

/* igraph call -> KGEX code, jump to done on failure, mark `flag` made */
#define IG(call, flag)                                                                             \
    do {                                                                                           \
        error = from_igraph(call);                                                                 \
        if (error < 0)                                                                             \
            goto done;                                                                             \
        w.have |= (flag);                                                                          \
    } while (0)

/* Renumber igraph's group ids (community or component) of vertices 0..n-1
 * from 0 in the order the groups first appear; scratch has n entries. */
static void renumber(const igraph_vector_int_t *membership, size_t n, size_t *scratch, size_t *out)
{
    size_t i, next = 0;

    for (i = 0; i < n; i++)
        scratch[i] = (size_t)-1;
    for (i = 0; i < n; i++) {
        size_t v = i;
        size_t group = (size_t)VECTOR(*membership)[v];

        if (group >= n)
            group = n - 1; /* cannot happen: igraph numbers groups 0..n-1 */
        if (scratch[group] == (size_t)-1)
            scratch[group] = next++;
        out[v] = scratch[group];
    }
}

/* Does node `index` take part in the actor graph (PageRank, betweenness)? */
static int is_actor(const kgex_graph *graph, size_t index)
{
    return kgex_graph_node(graph, index)->kind != KGEX_KIND_EVENT;
}

/* igraph call -> KGEX code, return on failure, mark `flag` made */
#define IGR(call, flag)                                                                            \
    do {                                                                                           \
        int rc_ = from_igraph(call);                                                               \
        if (rc_ < 0)                                                                               \
            return rc_;                                                                            \
        w->have |= (flag);                                                                         \
    } while (0)

/* The topologies of one analysis, vertices numbered by position in the
 * node order (pos[node]); the actor graph numbers the actors among them
 * (actor[v], -1 for events; *actors_len of them). Counts the degrees into
 * m[v]. */
static int build(work *w, const kgex_graph *graph, const size_t *pos, const size_t *edge_order,
                 const long *actor, size_t actors_len, kgex_metrics *m)
{
    size_t n = kgex_graph_node_count(graph), e = kgex_graph_edge_count(graph), i;

    IGR(igraph_vector_int_init(&w->edges, (igraph_integer_t)(2 * e)), HAVE_EDGES);
    IGR(igraph_vector_init(&w->weights, (igraph_integer_t)e), HAVE_WEIGHTS);
    IGR(igraph_vector_int_init(&w->actor_edges, 0), HAVE_ACTOR_EDGES);
    IGR(igraph_vector_init(&w->actor_weights, 0), HAVE_ACTOR_WEIGHTS);
    for (i = 0; i < e; i++) {
        const kgex_edge *edge = kgex_graph_edge(graph, edge_order[i]);
        size_t s = pos[edge->source], t = pos[edge->target];

        VECTOR(w->edges)[2 * i] = (igraph_integer_t)s;
        VECTOR(w->edges)[2 * i + 1] = (igraph_integer_t)t;
        VECTOR(w->weights)[i] = (igraph_real_t)edge->weight;
        m[s].out_degree++;
        m[t].in_degree++;
        m[s].weighted_degree += (double)edge->weight;
        m[t].weighted_degree += (double)edge->weight;
        if (actor[s] < 0 || actor[t] < 0)
            continue;
        IGR(igraph_vector_int_push_back(&w->actor_edges, (igraph_integer_t)actor[s]), 0);
        IGR(igraph_vector_int_push_back(&w->actor_edges, (igraph_integer_t)actor[t]), 0);
        IGR(igraph_vector_push_back(&w->actor_weights, (igraph_real_t)edge->weight), 0);
    }
    IGR(igraph_create(&w->directed, &w->edges, (igraph_integer_t)n, IGRAPH_DIRECTED),
        HAVE_DIRECTED);
    IGR(igraph_create(&w->undirected, &w->edges, (igraph_integer_t)n, IGRAPH_UNDIRECTED),
        HAVE_UNDIRECTED);
    IGR(igraph_create(&w->actors, &w->actor_edges, (igraph_integer_t)actors_len, IGRAPH_DIRECTED),
        HAVE_ACTORS);
    return KGEX_OK;
}

int kgex_graph_analyze(kgex_graph *graph)
{
    igraph_error_handler_t *old_error;
    igraph_warning_handler_t *old_warning;
    kgex_metrics *m = NULL;
    size_t *order = NULL;
    size_t *edge_order = NULL;
    size_t *pos = NULL;
    long *actor = NULL;
    size_t *scratch = NULL;
    size_t *groups = NULL;
    work w;
    size_t n, e, i, actors_len = 0;
    double min_x = 0, max_x = 0, min_y = 0, max_y = 0, span;
    int error = KGEX_OK;

    KGEX_ASSERT_ARG(graph, NULL);
    memset(&w, 0, sizeof(w));
    n = kgex_graph_node_count(graph);
    e = kgex_graph_edge_count(graph);
    if (n == 0)
        return KGEX_OK;
    if (n > (size_t)IGRAPH_INTEGER_MAX || e > (size_t)IGRAPH_INTEGER_MAX / 2)
        return KGEX_ELIMIT;

    old_error = igraph_set_error_handler(igraph_error_handler_ignore);
    old_warning = igraph_set_warning_handler(igraph_warning_handler_ignore);

    m = kgex__calloc(n, sizeof(*m));
    pos = kgex__calloc(n, sizeof(*pos));
    actor = kgex__calloc(n, sizeof(*actor));
    scratch = kgex__calloc(n, sizeof(*scratch));
    groups = kgex__calloc(n, sizeof(*groups));
    if (!m || !pos || !actor || !scratch || !groups) {
        error = KGEX_ENOMEM;
        goto done;
    }
    error = kgex_graph_node_order(graph, &order);
    if (error == KGEX_OK)
        error = kgex_graph_edge_order(graph, &edge_order);
    if (error < 0)
        goto done;
    for (i = 0; i < n; i++) {
        pos[order[i]] = i;
        actor[i] = is_actor(graph, order[i]) ? (long)actors_len++ : -1;
    }
    error = build(&w, graph, pos, edge_order, actor, actors_len, m);
    if (error < 0)
        goto done;

    IG(igraph_vector_init(&w.pagerank, 0), HAVE_PAGERANK);
    IG(igraph_pagerank(&w.actors, IGRAPH_PAGERANK_ALGO_PRPACK, &w.pagerank, NULL, igraph_vss_all(),
                       1, PAGERANK_DAMPING, &w.actor_weights, NULL),
       0);
    IG(igraph_vector_init(&w.betweenness, 0), HAVE_BETWEENNESS);
    IG(igraph_betweenness(&w.actors, &w.betweenness, igraph_vss_all(), 1, NULL), 0);

    IG(igraph_vector_int_init(&w.community, 0), HAVE_COMMUNITY);
    igraph_rng_seed(igraph_rng_default(), KGEX_ANALYTICS_SEED);
    IG(igraph_community_multilevel(&w.undirected, &w.weights, 1.0, &w.community, NULL, NULL), 0);
    IG(igraph_vector_int_init(&w.component, 0), HAVE_COMPONENT);
    IG(igraph_connected_components(&w.directed, &w.component, NULL, NULL, IGRAPH_WEAK), 0);

    IG(igraph_matrix_init(&w.layout, 0, 0), HAVE_LAYOUT);
    igraph_rng_seed(igraph_rng_default(), KGEX_ANALYTICS_SEED);
    IG(igraph_layout_fruchterman_reingold(&w.undirected, &w.layout, 0, LAYOUT_ITERATIONS,
                                          sqrt((double)n), IGRAPH_LAYOUT_NOGRID, NULL, NULL, NULL,
                                          NULL, NULL),
       0);

    if (igraph_vector_size(&w.pagerank) != (igraph_integer_t)actors_len ||
        igraph_vector_size(&w.betweenness) != (igraph_integer_t)actors_len ||
        igraph_vector_int_size(&w.community) != (igraph_integer_t)n ||
        igraph_vector_int_size(&w.component) != (igraph_integer_t)n ||
        igraph_matrix_nrow(&w.layout) != (igraph_integer_t)n) {
        error = KGEX_ERROR;
        goto done;
    }
    renumber(&w.community, n, scratch, groups);
    for (i = 0; i < n; i++)
        m[i].community = groups[i];
    renumber(&w.component, n, scratch, groups);
    for (i = 0; i < n; i++) {
        m[i].component = groups[i];
        m[i].pagerank = actor[i] < 0 ? 0 : VECTOR(w.pagerank)[actor[i]];
        m[i].betweenness = actor[i] < 0 ? 0 : VECTOR(w.betweenness)[actor[i]];
        m[i].x = MATRIX(w.layout, i, 0);
        m[i].y = MATRIX(w.layout, i, 1);
        if (i == 0 || m[i].x < min_x)
            min_x = m[i].x;
        if (i == 0 || m[i].x > max_x)
            max_x = m[i].x;
        if (i == 0 || m[i].y < min_y)
            min_y = m[i].y;
        if (i == 0 || m[i].y > max_y)
            max_y = m[i].y;
    }
    /* center and scale into [-1, 1], keeping the aspect ratio */
    span = fmax(max_x - min_x, max_y - min_y) / 2;
    for (i = 0; i < n; i++) {
        m[i].x = span > 0 ? (m[i].x - (min_x + max_x) / 2) / span : 0;
        m[i].y = span > 0 ? (m[i].y - (min_y + max_y) / 2) / span : 0;
    }

    /* all computed: store, vertex i being node order[i]. The node records
     * belong to the graph, which the caller passed as mutable; the view
     * pointers are const only to keep other callers from writing through
     * them. */
    for (i = 0; i < n; i++) {
        kgex_node *node = (kgex_node *)kgex_graph_node(graph, order[i]);

        node->metrics = m[i];
        node->has_metrics = 1;
    }
done:
    work_destroy(&w);
    igraph_set_warning_handler(old_warning);
    igraph_set_error_handler(old_error);
    kgex__free(m);
    kgex__free(order);
    kgex__free(edge_order);
    kgex__free(pos);
    kgex__free(actor);
    kgex__free(scratch);
    kgex__free(groups);
    return error;
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
