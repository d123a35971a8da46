/*
 * test_analytics.c - kgex_graph_analyze(): degrees, weighted degree,
 * PageRank, betweenness, communities, components and layout on small
 * graphs whose answers are known, and determinism.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "kgex/analytics.h"
#include "kgex/errors.h"
#include "kgex/graph.h"

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
    };
    return cmocka_run_group_tests_name("analytics", tests, NULL, NULL);
}
