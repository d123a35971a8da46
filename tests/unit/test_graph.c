/*
 * test_graph.c - the graph store: find-or-create, weights, aliases,
 * ordering, provenance and components.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kgex/errors.h"
#include "kgex/graph.h"

static size_t add(kgex_graph *g, const char *id, kgex_kind kind, const char *label,
                  const kgex_provenance *prov)
{
    kgex_node_spec spec = {0};
    size_t index = (size_t)-1;

    spec.id = id;
    spec.kind = kind;
    spec.label = label;
    assert_int_equal(kgex_graph_add_node(g, &index, &spec, prov), KGEX_OK);
    return index;
}

static void graph_finds_or_creates_nodes_by_id(void **state)
{
    kgex_graph *g = NULL;
    kgex_provenance p = {"a.txt", 0, 0, 7, NULL};
    kgex_node_spec spec = {0};
    const kgex_node *n;
    size_t i, j, found;

    (void)state;
    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    i = add(g, "state/ARM", KGEX_KIND_STATE, "Armenia", &p);
    j = add(g, "state/ARM", KGEX_KIND_STATE, "Armenia again", &p);
    assert_int_equal(i, j);
    assert_int_equal(kgex_graph_node_count(g), 1);

    spec.id = "state/ARM";
    spec.kind = KGEX_KIND_STATE;
    spec.label = "x";
    spec.iso3 = "ARM";
    spec.wikidata = "Q399";
    assert_int_equal(kgex_graph_add_node(g, NULL, &spec, NULL), KGEX_OK);
    spec.iso3 = "XXX";
    assert_int_equal(kgex_graph_add_node(g, NULL, &spec, NULL), KGEX_OK);

    n = kgex_graph_node(g, i);
    assert_non_null(n);
    assert_string_equal(n->id, "state/ARM");
    assert_string_equal(n->label, "Armenia"); /* first label kept */
    assert_string_equal(n->iso3, "ARM");      /* first non-NULL kept */
    assert_string_equal(n->wikidata, "Q399");
    assert_null(n->role);
    assert_int_equal(n->mentions, 2); /* NULL provenance counts no mention */
    assert_int_equal(n->prov_len, 2);

    assert_int_equal(kgex_graph_find_node(g, &found, "state/ARM"), KGEX_OK);
    assert_int_equal(found, i);
    assert_int_equal(kgex_graph_find_node(g, &found, "state/AZE"), KGEX_ENOTFOUND);
    assert_null(kgex_graph_node(g, 5));
    assert_null(kgex_graph_edge(g, 0));
    kgex_graph_free(g);
}

static void graph_rejects_bad_arguments(void **state)
{
    kgex_graph *g = NULL;
    kgex_node_spec spec = {0};
    size_t index;

    (void)state;
    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    assert_int_equal(kgex_graph_add_node(g, &index, &spec, NULL), KGEX_EINVAL);
    spec.id = "x";
    assert_int_equal(kgex_graph_add_node(g, &index, &spec, NULL), KGEX_EINVAL); /* no label */
    spec.label = "X";
    spec.kind = (kgex_kind)42;
    assert_int_equal(kgex_graph_add_node(g, &index, &spec, NULL), KGEX_EINVAL);
    assert_int_equal(kgex_graph_add_edge(g, &index, 0, KGEX_REL_ABOUT, 0, NULL, NULL, NULL, NULL),
                     KGEX_EINVAL);
    assert_int_equal(kgex_graph_add_alias(g, 3, "a"), KGEX_EINVAL);
    assert_int_equal(kgex_graph_find_node(NULL, &index, "x"), KGEX_EINVAL);
    assert_int_equal(kgex_graph_node_count(NULL), 0);
    kgex_graph_free(g);
    kgex_graph_free(NULL); /* NULL-safe */
}

static void graph_raises_edge_weight_on_repeat(void **state)
{
    kgex_graph *g = NULL;
    kgex_provenance p1 = {"a.txt", 1, 10, 20, NULL};
    kgex_provenance p2 = {"b.txt", 4, 3, 9, NULL};
    const kgex_edge *e;
    size_t a, b, e1, e2, e3;

    (void)state;
    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    a = add(g, "state/ARM", KGEX_KIND_STATE, "Armenia", NULL);
    b = add(g, "org/csto", KGEX_KIND_ORGANIZATION, "CSTO", NULL);
    assert_int_equal(kgex_graph_add_edge(g, &e1, a, KGEX_REL_MEMBER_OF, b, NULL, NULL, NULL, &p1),
                     KGEX_OK);
    assert_int_equal(
        kgex_graph_add_edge(g, &e2, a, KGEX_REL_MEMBER_OF, b, NULL, "042", "2022-09-13", &p2),
        KGEX_OK);
    assert_int_equal(
        kgex_graph_add_edge(g, &e3, a, KGEX_REL_APPEALED_TO, b, NULL, "0233", NULL, NULL), KGEX_OK);
    assert_int_equal(e1, e2);
    assert_int_not_equal(e1, e3);
    assert_int_equal(kgex_graph_edge_count(g), 2);
    e = kgex_graph_edge(g, e1);
    assert_int_equal(e->weight, 2);
    assert_int_equal(e->source, a);
    assert_int_equal(e->target, b);
    assert_int_equal(e->relation, KGEX_REL_MEMBER_OF);
    assert_string_equal(e->cameo, "042");
    assert_string_equal(e->date, "2022-09-13");
    assert_null(e->role);
    assert_int_equal(e->prov_len, 2);
    assert_string_equal(e->prov[1].doc, "b.txt");
    assert_int_equal(e->prov[1].sentence, 4);
    assert_int_equal(e->prov[1].start, 3);
    assert_int_equal(e->prov[1].end, 9);
    e = kgex_graph_edge(g, e3);
    assert_int_equal(e->weight, 1); /* every add counts, with or without provenance */
    assert_int_equal(e->prov_len, 0);
    kgex_graph_free(g);
}

static void graph_keeps_aliases_sorted_and_unique(void **state)
{
    static const char *const added[] = {"Yerevan", "Armenian", "Hayastan", "Armenian",
                                        "Armenia", "",         "Yerevan"};
    static const char *const expected[] = {"Armenian", "Hayastan", "Yerevan"};
    kgex_graph *g = NULL;
    const kgex_node *n;
    size_t a, i;

    (void)state;
    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    a = add(g, "state/ARM", KGEX_KIND_STATE, "Armenia", NULL);
    for (i = 0; i < sizeof(added) / sizeof(added[0]); i++)
        assert_int_equal(kgex_graph_add_alias(g, a, added[i]), KGEX_OK);
    n = kgex_graph_node(g, a);
    assert_int_equal(n->aliases_len, sizeof(expected) / sizeof(expected[0]));
    for (i = 0; i < n->aliases_len; i++)
        assert_string_equal(n->aliases[i], expected[i]);
    kgex_graph_free(g);
}

static void graph_orders_nodes_by_id_and_edges_by_ends(void **state)
{
    kgex_graph *g = NULL;
    size_t *nodes = NULL, *edges = NULL;
    size_t z, a, m;

    (void)state;
    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    z = add(g, "state/ZZZ", KGEX_KIND_STATE, "Z", NULL);
    a = add(g, "org/a", KGEX_KIND_ORGANIZATION, "A", NULL);
    m = add(g, "person/m", KGEX_KIND_OFFICIAL, "M", NULL);
    assert_int_equal(kgex_graph_add_edge(g, NULL, z, KGEX_REL_MEMBER_OF, a, NULL, NULL, NULL, NULL),
                     KGEX_OK); /* 0: state/ZZZ member_of org/a */
    assert_int_equal(
        kgex_graph_add_edge(g, NULL, m, KGEX_REL_OFFICIAL_OF, z, "president", NULL, NULL, NULL),
        KGEX_OK); /* 1: person/m official_of state/ZZZ */
    assert_int_equal(
        kgex_graph_add_edge(g, NULL, m, KGEX_REL_OFFICIAL_OF, a, NULL, NULL, NULL, NULL),
        KGEX_OK); /* 2: person/m official_of org/a */
    assert_int_equal(
        kgex_graph_add_edge(g, NULL, m, KGEX_REL_APPEALED_TO, a, NULL, NULL, NULL, NULL),
        KGEX_OK); /* 3: person/m appealed_to org/a */

    assert_int_equal(kgex_graph_node_order(g, &nodes), KGEX_OK);
    assert_int_equal(nodes[0], a);
    assert_int_equal(nodes[1], m);
    assert_int_equal(nodes[2], z);
    assert_int_equal(kgex_graph_edge_order(g, &edges), KGEX_OK);
    assert_int_equal(edges[0], 3);
    assert_int_equal(edges[1], 2);
    assert_int_equal(edges[2], 1);
    assert_int_equal(edges[3], 0);
    free(nodes);
    free(edges);
    kgex_graph_free(g);
}

static void graph_interns_provenance_documents(void **state)
{
    kgex_graph *g = NULL;
    char doc1[] = "news/one.txt";
    char doc2[] = "news/one.txt";
    kgex_provenance p = {doc1, 0, 0, 1, NULL};
    const kgex_node *n1, *n2;
    size_t a, b;

    (void)state;
    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    a = add(g, "state/ARM", KGEX_KIND_STATE, "Armenia", &p);
    p.doc = doc2;
    p.sentence = 3;
    b = add(g, "state/AZE", KGEX_KIND_STATE, "Azerbaijan", &p);
    add(g, "state/AZE", KGEX_KIND_STATE, "Azerbaijan", &p);
    memset(doc1, 'x', sizeof(doc1) - 1); /* copied, not borrowed */
    n1 = kgex_graph_node(g, a);
    n2 = kgex_graph_node(g, b);
    assert_string_equal(n1->prov[0].doc, "news/one.txt");
    assert_ptr_equal(n1->prov[0].doc, n2->prov[0].doc); /* one copy per document */
    assert_ptr_equal(n2->prov[0].doc, n2->prov[1].doc);
    assert_int_equal(n2->prov[1].sentence, 3);
    assert_int_equal(n2->mentions, 2);
    kgex_graph_free(g);
}

/* The first-read role of an edge is chosen by document name: the graph
 * must compare its own copy of the name, not the caller's buffer, which
 * the caller may reuse for the next document. */
static void graph_keeps_the_first_read_role_when_the_caller_reuses_its_buffer(void **state)
{
    kgex_graph *g = NULL;
    char doc[16] = "b.txt";
    kgex_provenance p = {doc, 0, 0, 5, NULL};
    const kgex_edge *e;
    size_t a, b, edge;

    (void)state;
    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    a = add(g, "person/ada-moss", KGEX_KIND_OFFICIAL, "Ada Moss", NULL);
    b = add(g, "state/ARM", KGEX_KIND_STATE, "Armenia", NULL);
    assert_int_equal(
        kgex_graph_add_edge(g, &edge, a, KGEX_REL_OFFICIAL_OF, b, "Envoy", NULL, NULL, &p),
        KGEX_OK);
    strcpy(doc, "0.txt"); /* the caller's next document */
    p.doc = "a.txt";
    assert_int_equal(
        kgex_graph_add_edge(g, &edge, a, KGEX_REL_OFFICIAL_OF, b, "Ambassador", NULL, NULL, &p),
        KGEX_OK);
    e = kgex_graph_edge(g, edge);
    assert_string_equal(e->role, "Ambassador"); /* a.txt comes before b.txt */
    assert_string_equal(e->prov[0].doc, "b.txt");
    kgex_graph_free(g);
}

static void graph_counts_weak_components(void **state)
{
    kgex_graph *g = NULL;
    size_t count = 99, a, b, c;

    (void)state;
    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    assert_int_equal(kgex_graph_components(g, &count), KGEX_OK);
    assert_int_equal(count, 0);
    a = add(g, "a", KGEX_KIND_STATE, "A", NULL);
    b = add(g, "b", KGEX_KIND_STATE, "B", NULL);
    c = add(g, "c", KGEX_KIND_STATE, "C", NULL);
    add(g, "d", KGEX_KIND_STATE, "D", NULL);
    assert_int_equal(kgex_graph_components(g, &count), KGEX_OK);
    assert_int_equal(count, 4);
    /* a -> b <- c is one weak component */
    assert_int_equal(kgex_graph_add_edge(g, NULL, a, KGEX_REL_ATTACKED, b, NULL, NULL, NULL, NULL),
                     KGEX_OK);
    assert_int_equal(kgex_graph_add_edge(g, NULL, c, KGEX_REL_ATTACKED, b, NULL, NULL, NULL, NULL),
                     KGEX_OK);
    assert_int_equal(kgex_graph_components(g, &count), KGEX_OK);
    assert_int_equal(count, 2);
    kgex_graph_free(g);
}

static void graph_handles_many_nodes(void **state)
{
    kgex_graph *g = NULL;
    char id[32];
    size_t i, found, *order = NULL;

    (void)state;
    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    for (i = 0; i < 20000; i++) {
        snprintf(id, sizeof(id), "org/%zu", i);
        assert_int_equal(add(g, id, KGEX_KIND_ORGANIZATION, id, NULL), i);
        if (i > 0)
            assert_int_equal(
                kgex_graph_add_edge(g, NULL, i - 1, KGEX_REL_MEMBER_OF, i, NULL, NULL, NULL, NULL),
                KGEX_OK);
    }
    for (i = 0; i < 20000; i += 997) {
        snprintf(id, sizeof(id), "org/%zu", i);
        assert_int_equal(kgex_graph_find_node(g, &found, id), KGEX_OK);
        assert_int_equal(found, i);
    }
    assert_int_equal(kgex_graph_edge_count(g), 19999);
    assert_int_equal(kgex_graph_components(g, &found), KGEX_OK);
    assert_int_equal(found, 1);
    assert_int_equal(kgex_graph_node_order(g, &order), KGEX_OK);
    assert_string_equal(kgex_graph_node(g, order[0])->id, "org/0");
    assert_string_equal(kgex_graph_node(g, order[1])->id, "org/1");
    assert_string_equal(kgex_graph_node(g, order[2])->id, "org/10");
    free(order);
    kgex_graph_free(g);
}

static void graph_names_kinds_and_relations(void **state)
{
    (void)state;
    assert_string_equal(kgex_kind_name(KGEX_KIND_STATE), "state");
    assert_string_equal(kgex_kind_name(KGEX_KIND_EVENT), "event");
    assert_string_equal(kgex_relation_name(KGEX_REL_APPEALED_TO), "appealed_to");
    assert_string_equal(kgex_relation_name(KGEX_REL_ABOUT), "about");
    assert_string_equal(kgex_relation_name((kgex_relation)99), "unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(graph_finds_or_creates_nodes_by_id),
        cmocka_unit_test(graph_rejects_bad_arguments),
        cmocka_unit_test(graph_raises_edge_weight_on_repeat),
        cmocka_unit_test(graph_keeps_aliases_sorted_and_unique),
        cmocka_unit_test(graph_orders_nodes_by_id_and_edges_by_ends),
        cmocka_unit_test(graph_interns_provenance_documents),
        cmocka_unit_test(graph_keeps_the_first_read_role_when_the_caller_reuses_its_buffer),
        cmocka_unit_test(graph_counts_weak_components),
        cmocka_unit_test(graph_handles_many_nodes),
        cmocka_unit_test(graph_names_kinds_and_relations),
    };
    return cmocka_run_group_tests_name("graph", tests, NULL, NULL);
}
