/*
 * test_analytics.c - kgex_graph_analyze(): degrees, weighted degree,
 * PageRank, betweenness, communities, components and layout on small
 * graphs whose answers are known; determinism, independence of the order
 * in which the graph was built (also for a graph large enough for the
 * multilevel layout and the sampled betweenness), the layout only when
 * asked for, and calls beside other threads that leave igraph's own state
 * as it was.
 */
#include <igraph.h>
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "kgex/analytics.h"
#include "kgex/errors.h"
#include "kgex/extract.h"
#include "kgex/graph.h"
#include "kgex/lexicon.h"

static size_t add(kgex_graph *g, const char *id, kgex_kind kind)
{
    kgex_node_spec s = {0};
    size_t index;

    s.id = id;
    s.kind = kind;
    s.label = id;
    assert_int_equal(kgex_graph_add_node(g, &index, &s, NULL), KGEX_OK);
    return index;
}

static void connect(kgex_graph *g, size_t a, kgex_relation rel, size_t b, int times)
{
    while (times-- > 0)
        assert_int_equal(kgex_graph_add_edge(g, NULL, a, rel, b, NULL, NULL, NULL, NULL), KGEX_OK);
}

/* Two triangles of states joined by nothing, plus a lone official:
 * a/b/c -> org1 (b twice), d/e -> org2, x alone. */
static kgex_graph *make_graph(void)
{
    kgex_graph *g = NULL;
    size_t a, b, c, org1, d, e, org2;

    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    a = add(g, "state/AAA", KGEX_KIND_STATE);
    b = add(g, "state/BBB", KGEX_KIND_STATE);
    c = add(g, "state/CCC", KGEX_KIND_STATE);
    org1 = add(g, "org/one", KGEX_KIND_ORGANIZATION);
    d = add(g, "state/DDD", KGEX_KIND_STATE);
    e = add(g, "state/EEE", KGEX_KIND_STATE);
    org2 = add(g, "org/two", KGEX_KIND_ORGANIZATION);
    add(g, "person/x", KGEX_KIND_OFFICIAL);
    connect(g, a, KGEX_REL_MEMBER_OF, org1, 1);
    connect(g, b, KGEX_REL_MEMBER_OF, org1, 2);
    connect(g, c, KGEX_REL_MEMBER_OF, org1, 1);
    connect(g, a, KGEX_REL_ATTACKED, b, 1);
    connect(g, d, KGEX_REL_MEMBER_OF, org2, 1);
    connect(g, e, KGEX_REL_APPEALED_TO, org2, 1);
    return g;
}

static const kgex_metrics *metrics_of(kgex_graph *g, const char *id)
{
    size_t index;

    assert_int_equal(kgex_graph_find_node(g, &index, id), KGEX_OK);
    assert_non_null(kgex_graph_metrics(g, index));
    return kgex_graph_metrics(g, index);
}

static void analytics_are_absent_until_computed(void **state)
{
    kgex_graph *g = make_graph();

    (void)state;
    assert_int_equal(kgex_graph_has_metrics(g), 0);
    assert_null(kgex_graph_metrics(g, 0));
    assert_int_equal(kgex_graph_analyze(g), KGEX_OK);
    assert_int_equal(kgex_graph_has_metrics(g), 1);
    assert_null(kgex_graph_metrics(g, 1000));
    kgex_graph_free(g);
}

static void analytics_count_degrees_and_weights(void **state)
{
    kgex_graph *g = make_graph();
    const kgex_metrics *m;

    (void)state;
    assert_int_equal(kgex_graph_analyze(g), KGEX_OK);
    m = metrics_of(g, "org/one");
    assert_int_equal(m->in_degree, 3);
    assert_int_equal(m->out_degree, 0);
    assert_true(m->weighted_degree == 4.0); /* b counted twice */
    m = metrics_of(g, "state/AAA");
    assert_int_equal(m->out_degree, 2);
    assert_int_equal(m->in_degree, 0);
    m = metrics_of(g, "person/x");
    assert_int_equal(m->in_degree + m->out_degree, 0);
    kgex_graph_free(g);
}

static void analytics_rank_the_hub_first_and_sum_to_one(void **state)
{
    kgex_graph *g = make_graph();
    double total = 0;
    size_t i;

    (void)state;
    assert_int_equal(kgex_graph_analyze(g), KGEX_OK);
    for (i = 0; i < kgex_graph_node_count(g); i++)
        total += kgex_graph_metrics(g, i)->pagerank;
    assert_true(fabs(total - 1.0) < 1e-9);
    for (i = 0; i < kgex_graph_node_count(g); i++) {
        if (strcmp(kgex_graph_node(g, i)->id, "org/one") != 0)
            assert_true(kgex_graph_metrics(g, i)->pagerank <= metrics_of(g, "org/one")->pagerank);
    }
    assert_true(metrics_of(g, "person/x")->betweenness == 0.0);
    kgex_graph_free(g);
}

static void analytics_number_components_and_communities_in_id_order(void **state)
{
    kgex_graph *g = make_graph();

    (void)state;
    assert_int_equal(kgex_graph_analyze(g), KGEX_OK);
    /* id order: org/one, org/two, person/x, state/AAA ... */
    assert_int_equal(metrics_of(g, "org/one")->component, 0);
    assert_int_equal(metrics_of(g, "org/two")->component, 1);
    assert_int_equal(metrics_of(g, "person/x")->component, 2);
    assert_int_equal(metrics_of(g, "state/AAA")->component, 0);
    assert_int_equal(metrics_of(g, "state/EEE")->component, 1);
    assert_int_equal(metrics_of(g, "org/one")->community, 0);
    assert_int_equal(metrics_of(g, "state/CCC")->community, 0);
    assert_int_equal(metrics_of(g, "state/DDD")->community, metrics_of(g, "org/two")->community);
    assert_int_not_equal(metrics_of(g, "org/two")->community, 0);
    kgex_graph_free(g);
}

static void analytics_are_deterministic_and_layout_in_unit_square(void **state)
{
    kgex_graph *g1 = make_graph(), *g2 = make_graph();
    size_t i;

    (void)state;
    assert_int_equal(kgex_graph_analyze(g1), KGEX_OK);
    assert_int_equal(kgex_graph_analyze(g2), KGEX_OK);
    assert_int_equal(kgex_graph_analyze(g2), KGEX_OK); /* again: same numbers */
    for (i = 0; i < kgex_graph_node_count(g1); i++) {
        const kgex_metrics *a = kgex_graph_metrics(g1, i), *b = kgex_graph_metrics(g2, i);

        assert_memory_equal(a, b, sizeof(*a));
        assert_true(a->x >= -1.0 && a->x <= 1.0 && a->y >= -1.0 && a->y <= 1.0);
    }
    kgex_graph_free(g1);
    kgex_graph_free(g2);
}

static void analytics_betweenness_counts_paths_through_a_node(void **state)
{
    kgex_graph *g = NULL;
    size_t p, q, r;

    (void)state;
    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    p = add(g, "person/p", KGEX_KIND_OFFICIAL);
    q = add(g, "state/QQQ", KGEX_KIND_STATE);
    r = add(g, "org/r", KGEX_KIND_ORGANIZATION);
    connect(g, p, KGEX_REL_OFFICIAL_OF, q, 1);
    connect(g, q, KGEX_REL_MEMBER_OF, r, 1);
    assert_int_equal(kgex_graph_analyze(g), KGEX_OK);
    assert_true(kgex_graph_metrics(g, q)->betweenness == 1.0);
    assert_true(kgex_graph_metrics(g, p)->betweenness == 0.0);
    assert_true(kgex_graph_metrics(g, r)->pagerank > kgex_graph_metrics(g, p)->pagerank);
    kgex_graph_free(g);
}

/* A speaker with many statements, each about the same two states: the
 * statements would collect rank from the speaker and pass it on. */
static kgex_graph *make_talkative_graph(int reversed)
{
    static const char *const ids[] = {"state/AAA",  "state/BBB",  "person/speaker", "org/one",
                                      "event/d/s0", "event/d/s1", "event/d/s2"};
    static const kgex_kind kinds[] = {KGEX_KIND_STATE,        KGEX_KIND_STATE, KGEX_KIND_OFFICIAL,
                                      KGEX_KIND_ORGANIZATION, KGEX_KIND_EVENT, KGEX_KIND_EVENT,
                                      KGEX_KIND_EVENT};
    kgex_graph *g = NULL;
    size_t v[7], i, k;

    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    for (k = 0; k < 7; k++) {
        i = reversed ? 6 - k : k;
        v[i] = add(g, ids[i], kinds[i]);
    }
    for (k = 0; k < 3; k++) {
        i = reversed ? 6 - k : 4 + k;
        connect(g, v[2], KGEX_REL_STATED, v[i], 1);
        connect(g, v[i], KGEX_REL_ABOUT, v[0], 2);
        connect(g, v[i], KGEX_REL_ABOUT, v[1], 1);
    }
    connect(g, v[2], KGEX_REL_OFFICIAL_OF, v[3], 1);
    connect(g, v[0], KGEX_REL_MEMBER_OF, v[3], 1);
    return g;
}

static void analytics_never_rank_a_statement_above_an_actor(void **state)
{
    kgex_graph *g = make_talkative_graph(0);
    size_t i;

    (void)state;
    assert_int_equal(kgex_graph_analyze(g), KGEX_OK);
    for (i = 0; i < kgex_graph_node_count(g); i++) {
        const kgex_node *n = kgex_graph_node(g, i);

        if (n->kind == KGEX_KIND_EVENT) {
            assert_true(n->metrics.pagerank == 0);
            assert_true(n->metrics.betweenness == 0);
        } else {
            assert_true(n->metrics.pagerank > 0);
        }
    }
    /* the actors' ranks sum to 1; statements keep their degrees */
    assert_true(fabs(metrics_of(g, "state/AAA")->pagerank + metrics_of(g, "state/BBB")->pagerank +
                     metrics_of(g, "person/speaker")->pagerank +
                     metrics_of(g, "org/one")->pagerank - 1.0) < 1e-9);
    assert_int_equal(metrics_of(g, "event/d/s0")->out_degree, 2);
    kgex_graph_free(g);
}

static void analytics_do_not_depend_on_the_order_the_graph_was_built_in(void **state)
{
    kgex_graph *a = make_talkative_graph(0), *b = make_talkative_graph(1);
    size_t i;

    (void)state;
    assert_int_equal(kgex_graph_analyze(a), KGEX_OK);
    assert_int_equal(kgex_graph_analyze(b), KGEX_OK);
    for (i = 0; i < kgex_graph_node_count(a); i++) {
        const kgex_node *n = kgex_graph_node(a, i);

        assert_memory_equal(&n->metrics, metrics_of(b, n->id), sizeof(kgex_metrics));
    }
    kgex_graph_free(a);
    kgex_graph_free(b);
}

static void analytics_accept_empty_and_single_node_graphs(void **state)
{
    kgex_graph *g = NULL;

    (void)state;
    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    assert_int_equal(kgex_graph_analyze(g), KGEX_OK);
    assert_int_equal(kgex_graph_has_metrics(g), 0);
    add(g, "state/AAA", KGEX_KIND_STATE);
    assert_int_equal(kgex_graph_analyze(g), KGEX_OK);
    assert_true(fabs(kgex_graph_metrics(g, 0)->pagerank - 1.0) < 1e-9);
    assert_int_equal(kgex_graph_analyze(NULL), KGEX_EINVAL);
    kgex_graph_free(g);
}

/* A news-like graph of `events` statements: states in alliances, as many
 * officials of states (at least 400), each statement by an official about
 * one or two states or officials. Nodes and edges are added in the order of a
 * permutation picked by `shuffle` (0: as generated). */
typedef struct spec_edge {
    size_t a, b;
    kgex_relation rel;
} spec_edge;

static unsigned long long lcg(unsigned long long *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return *s >> 33;
}

static kgex_graph *make_news_graph(size_t events, unsigned shuffle)
{
    enum { STATES = 60, ORGS = 6 };
    const size_t officials = events > 400 ? events : 400;
    size_t n = STATES + ORGS + officials + events, m = 0, i, *order, *index;
    spec_edge *edges = calloc(4 * n, sizeof(*edges));
    char(*ids)[32] = calloc(n, sizeof(*ids));
    kgex_kind *kinds = calloc(n, sizeof(*kinds));
    unsigned long long seed = 17, mix = shuffle;
    kgex_graph *g = NULL;

    order = calloc(4 * n, sizeof(*order));
    index = calloc(n, sizeof(*index));
    assert_true(edges && ids && kinds && order && index);
    for (i = 0; i < n; i++) {
        if (i < STATES) {
            snprintf(ids[i], sizeof(ids[i]), "state/S%02zu", i);
            kinds[i] = KGEX_KIND_STATE;
        } else if (i < STATES + ORGS) {
            snprintf(ids[i], sizeof(ids[i]), "org/o%zu", i);
            kinds[i] = KGEX_KIND_ORGANIZATION;
        } else if (i < STATES + ORGS + officials) {
            snprintf(ids[i], sizeof(ids[i]), "person/p%zu", i);
            kinds[i] = KGEX_KIND_OFFICIAL;
        } else {
            snprintf(ids[i], sizeof(ids[i]), "event/d/%zu", i);
            kinds[i] = KGEX_KIND_EVENT;
        }
    }
    for (i = 0; i < STATES; i++) {
        edges[m++] = (spec_edge){i, STATES + lcg(&seed) % ORGS, KGEX_REL_MEMBER_OF};
        edges[m++] = (spec_edge){i, lcg(&seed) % STATES, KGEX_REL_ATTACKED};
    }
    for (i = STATES + ORGS; i < STATES + ORGS + officials; i++)
        edges[m++] = (spec_edge){i, lcg(&seed) % STATES, KGEX_REL_OFFICIAL_OF};
    for (i = STATES + ORGS + officials; i < n; i++) {
        edges[m++] = (spec_edge){STATES + ORGS + lcg(&seed) % officials, i, KGEX_REL_STATED};
        edges[m++] = (spec_edge){i, lcg(&seed) % STATES, KGEX_REL_ABOUT};
        if (lcg(&seed) % 3 == 0)
            edges[m++] = (spec_edge){i, STATES + ORGS + lcg(&seed) % officials, KGEX_REL_ABOUT};
    }
    /* the order of addition: a Fisher-Yates shuffle seeded by `shuffle` */
    for (i = 0; i < n; i++)
        order[i] = i;
    for (i = n; shuffle && i > 1; i--) {
        size_t j = lcg(&mix) % i, t = order[i - 1];

        order[i - 1] = order[j];
        order[j] = t;
    }
    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    for (i = 0; i < n; i++)
        index[order[i]] = add(g, ids[order[i]], kinds[order[i]]);
    for (i = 0; i < m; i++)
        order[i] = i;
    for (i = m; shuffle && i > 1; i--) {
        size_t j = lcg(&mix) % i, t = order[i - 1];

        order[i - 1] = order[j];
        order[j] = t;
    }
    for (i = 0; i < m; i++) {
        const spec_edge *e = &edges[order[i]];

        connect(g, index[e->a], e->rel, index[e->b], 1 + (int)(e->a % 2));
    }
    free(edges);
    free(ids);
    free(kinds);
    free(order);
    free(index);
    return g;
}

/* Every node of `a` has in `b` (a node of the same id) the same measures. */
static void assert_same_metrics(kgex_graph *a, kgex_graph *b)
{
    size_t i, j;

    assert_int_equal(kgex_graph_node_count(a), kgex_graph_node_count(b));
    for (i = 0; i < kgex_graph_node_count(a); i++) {
        const kgex_metrics *ma = kgex_graph_metrics(a, i), *mb;

        assert_int_equal(kgex_graph_find_node(b, &j, kgex_graph_node(a, i)->id), KGEX_OK);
        mb = kgex_graph_metrics(b, j);
        assert_non_null(ma);
        assert_non_null(mb);
        assert_int_equal(ma->in_degree, mb->in_degree);
        assert_int_equal(ma->out_degree, mb->out_degree);
        assert_int_equal(ma->community, mb->community);
        assert_int_equal(ma->component, mb->component);
        assert_true(ma->weighted_degree == mb->weighted_degree);
        assert_true(fabs(ma->pagerank - mb->pagerank) < 1e-12);
        assert_true(fabs(ma->betweenness - mb->betweenness) < 1e-6 * (1 + ma->betweenness));
        assert_true(fabs(ma->x - mb->x) < 1e-9 && fabs(ma->y - mb->y) < 1e-9);
    }
}

static void analytics_of_a_large_graph_do_not_depend_on_the_order_it_was_built(void **state)
{
    /* 100 events: the small layout; 4000: the multilevel layout, and the
     * betweenness of 4,066 actors estimated from a sample of sources */
    static const size_t sizes[] = {100, 4000};
    size_t s;

    (void)state;
    for (s = 0; s < 2; s++) {
        kgex_graph *a = make_news_graph(sizes[s], 0), *b = make_news_graph(sizes[s], 7);

        assert_int_equal(kgex_graph_analyze(a), KGEX_OK);
        assert_int_equal(kgex_graph_analyze(b), KGEX_OK);
        assert_same_metrics(a, b);
        kgex_graph_free(a);
        kgex_graph_free(b);
    }
}

/* Mean distance along edges and between random pairs of nodes. */
static void distances(kgex_graph *g, double *along, double *any)
{
    unsigned long long seed = 5;
    size_t i, n = kgex_graph_node_count(g), e = kgex_graph_edge_count(g);

    *along = *any = 0;
    for (i = 0; i < e; i++) {
        const kgex_metrics *a = kgex_graph_metrics(g, kgex_graph_edge(g, i)->source);
        const kgex_metrics *b = kgex_graph_metrics(g, kgex_graph_edge(g, i)->target);

        *along += hypot(a->x - b->x, a->y - b->y) / (double)e;
    }
    for (i = 0; i < e; i++) {
        const kgex_metrics *a = kgex_graph_metrics(g, lcg(&seed) % n);
        const kgex_metrics *b = kgex_graph_metrics(g, lcg(&seed) % n);

        *any += hypot(a->x - b->x, a->y - b->y) / (double)e;
    }
}

static void analytics_lay_out_only_when_asked_and_keep_neighbours_close(void **state)
{
    kgex_graph *with = make_news_graph(3000, 0), *without = make_news_graph(3000, 0);
    kgex_analytics_options opts = KGEX_ANALYTICS_OPTIONS_INIT;
    double along, any, min_x = 1, max_x = -1;
    size_t i;

    (void)state;
    opts.layout = 0;
    assert_int_equal(kgex_graph_analyze_ext(without, &opts), KGEX_OK);
    assert_int_equal(kgex_graph_analyze(with), KGEX_OK);
    for (i = 0; i < kgex_graph_node_count(with); i++) {
        const kgex_metrics *a = kgex_graph_metrics(with, i), *b = kgex_graph_metrics(without, i);

        assert_true(b->x == 0 && b->y == 0);
        assert_true(a->pagerank == b->pagerank && a->community == b->community);
        assert_true(a->x >= -1.0 && a->x <= 1.0 && a->y >= -1.0 && a->y <= 1.0);
        min_x = fmin(min_x, a->x);
        max_x = fmax(max_x, a->x);
    }
    assert_true(max_x - min_x > 1.0); /* spread out, not one heap */
    distances(with, &along, &any);
    assert_true(along < any / 2);
    opts.version = 99;
    assert_int_equal(kgex_graph_analyze_ext(with, &opts), KGEX_EINVAL);
    kgex_graph_free(with);
    kgex_graph_free(without);
}

static void *analyze_in_thread(void *graph)
{
    int i, error = KGEX_OK;

    for (i = 0; i < 3 && error == KGEX_OK; i++)
        error = kgex_graph_analyze(graph);
    return error == KGEX_OK ? graph : NULL;
}

/* Extract a few sentences into a graph of their own, 20 times over; the
 * graph's node count, or 0 on a failure. */
static size_t extract_sentences(const kgex_lexicon *lex)
{
    static const char text[] = "Armenia is a member of the CSTO. Azerbaijani forces shelled "
                               "Armenia on Tuesday, the Armenian Foreign Ministry said.";
    kgex_graph *graph = NULL;
    kgex_extractor *x = NULL;
    size_t nodes = 0;
    int i, error;

    error = kgex_graph_new(&graph);
    if (error == KGEX_OK)
        error = kgex_extractor_new(&x, lex, graph);
    for (i = 0; i < 20 && error == KGEX_OK; i++) {
        char name[16];

        snprintf(name, sizeof(name), "d%d.txt", i);
        error = kgex_extract_text(x, name, text, sizeof(text) - 1, NULL, NULL);
    }
    if (error == KGEX_OK)
        nodes = kgex_graph_node_count(graph);
    kgex_extractor_free(x);
    kgex_graph_free(graph);
    return nodes;
}

static void *extract_in_thread(void *lex)
{
    static size_t nodes;

    nodes = extract_sentences(lex);
    return &nodes;
}

static void analytics_run_beside_other_threads_and_leave_igraph_as_it_was(void **state)
{
    kgex_graph *g[4], *serial = make_news_graph(1500, 0);
    kgex_lexicon *lex = NULL;
    pthread_t threads[4], extractor;
    size_t alone;
    void *extracted = NULL;
    igraph_rng_t *rng = igraph_rng_default();
    igraph_error_handler_t *handler;
    igraph_integer_t before, after;
    size_t count;
    int i;

    (void)state;
    /* the caller's generator is neither reseeded nor used */
    igraph_rng_seed(rng, 1234);
    before = igraph_rng_get_integer(rng, 0, 1000000);
    igraph_rng_seed(rng, 1234);
    handler = igraph_set_error_handler(igraph_error_handler_printignore);
    assert_int_equal(kgex_graph_analyze(serial), KGEX_OK);
    assert_int_equal(kgex_graph_components(serial, &count), KGEX_OK);
    assert_ptr_equal(igraph_rng_default(), rng);
    after = igraph_rng_get_integer(rng, 0, 1000000);
    assert_int_equal(before, after);
    assert_ptr_equal(igraph_set_error_handler(handler), igraph_error_handler_printignore);
    /* four graphs analyzed at once, while documents are extracted in
     * another thread, give what one alone gives */
    assert_int_equal(kgex_lexicon_new_default(&lex, NULL), KGEX_OK);
    alone = extract_sentences(lex);
    assert_true(alone > 0);
    assert_int_equal(pthread_create(&extractor, NULL, extract_in_thread, lex), 0);
    for (i = 0; i < 4; i++) {
        g[i] = make_news_graph(1500, (unsigned)i);
        assert_int_equal(pthread_create(&threads[i], NULL, analyze_in_thread, g[i]), 0);
    }
    for (i = 0; i < 4; i++) {
        void *result = NULL;

        assert_int_equal(pthread_join(threads[i], &result), 0);
        assert_ptr_equal(result, g[i]);
        assert_same_metrics(serial, g[i]);
        kgex_graph_free(g[i]);
    }
    assert_int_equal(pthread_join(extractor, &extracted), 0);
    assert_int_equal(*(size_t *)extracted, alone);
    kgex_lexicon_free(lex);
    kgex_graph_free(serial);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(analytics_are_absent_until_computed),
        cmocka_unit_test(analytics_count_degrees_and_weights),
        cmocka_unit_test(analytics_rank_the_hub_first_and_sum_to_one),
        cmocka_unit_test(analytics_number_components_and_communities_in_id_order),
        cmocka_unit_test(analytics_are_deterministic_and_layout_in_unit_square),
        cmocka_unit_test(analytics_betweenness_counts_paths_through_a_node),
        cmocka_unit_test(analytics_accept_empty_and_single_node_graphs),
        cmocka_unit_test(analytics_never_rank_a_statement_above_an_actor),
        cmocka_unit_test(analytics_do_not_depend_on_the_order_the_graph_was_built_in),
        cmocka_unit_test(analytics_of_a_large_graph_do_not_depend_on_the_order_it_was_built),
        cmocka_unit_test(analytics_lay_out_only_when_asked_and_keep_neighbours_close),
        cmocka_unit_test(analytics_run_beside_other_threads_and_leave_igraph_as_it_was),
    };
    return cmocka_run_group_tests_name("analytics", tests, NULL, NULL);
}
