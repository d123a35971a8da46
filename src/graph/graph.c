/*
 * graph.c - the knowledge graph store (include/kgex/graph.h).
 *
 * Nodes and edges live in our own records, one allocation each, so the
 * views handed out by kgex_graph_node()/kgex_graph_edge() stay put while
 * the graph grows. Three hash indexes make the find-or-create calls O(1)
 * expected: node id -> node, (source, relation, target) -> edge, and
 * document name -> interned copy (every provenance record of a document
 * points at one shared string). igraph is used only to count components,
 * on a topology built for that call; no igraph state outlives it.
 */
#include "kgex/graph.h"

#include <igraph.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "graph/hashmap.h"

typedef struct node_rec {
    kgex_node pub;
    size_t aliases_cap;
    size_t prov_cap;
} node_rec;

typedef struct edge_rec {
    kgex_edge pub;
    size_t prov_cap;
} edge_rec;

struct kgex_graph {
    node_rec **nodes;
    size_t nodes_len;
    size_t nodes_cap;
    edge_rec **edges;
    size_t edges_len;
    size_t edges_cap;
    char **docs; /* interned document names */
    size_t docs_len;
    size_t docs_cap;
    kgex__hashmap node_index;
    kgex__hashmap edge_index;
    kgex__hashmap doc_index;
};

typedef struct edge_key {
    size_t source;
    kgex_relation relation;
    size_t target;
} edge_key;

static const char *const kind_names[] = {"state", "organization", "official", "event"};
static const char *const relation_names[] = {"member_of",   "official_of", "attacked",
                                             "appealed_to", "stated",      "about"};

#define KIND_COUNT     (sizeof(kind_names) / sizeof(kind_names[0]))
#define RELATION_COUNT (sizeof(relation_names) / sizeof(relation_names[0]))

const char *kgex_kind_name(kgex_kind kind)
{
    return (unsigned)kind < KIND_COUNT ? kind_names[kind] : "unknown";
}

const char *kgex_relation_name(kgex_relation relation)
{
    return (unsigned)relation < RELATION_COUNT ? relation_names[relation] : "unknown";
}

static void node_rec_free(node_rec *n)
{
    size_t i;

    if (!n)
        return;
    kgex__free((char *)n->pub.id);
    kgex__free((char *)n->pub.label);
    for (i = 0; i < n->pub.aliases_len; i++)
        kgex__free(n->pub.aliases[i]);
    kgex__free(n->pub.aliases);
    kgex__free((char *)n->pub.iso3);
    kgex__free((char *)n->pub.wikidata);
    kgex__free((char *)n->pub.role);
    kgex__free((char *)n->pub.quote);
    kgex__free((char *)n->pub.date);
    kgex__free((char *)n->pub.cameo);
    kgex__free(n->pub.prov); /* docs are owned by the graph */
    kgex__free(n);
}

static void edge_rec_free(edge_rec *e)
{
    if (!e)
        return;
    kgex__free((char *)e->pub.role);
    kgex__free((char *)e->pub.cameo);
    kgex__free((char *)e->pub.date);
    kgex__free(e->pub.prov);
    kgex__free(e);
}

int kgex_graph_new(kgex_graph **out)
{
    kgex_graph *graph;

    KGEX_ASSERT_ARG(out, NULL);
    *out = NULL;
    graph = kgex__calloc(1, sizeof(*graph));
    if (!graph)
        return KGEX_ENOMEM;
    *out = graph;
    return KGEX_OK;
}

void kgex_graph_free(kgex_graph *graph)
{
    size_t i;

    if (!graph)
        return;
    for (i = 0; i < graph->nodes_len; i++)
        node_rec_free(graph->nodes[i]);
    kgex__free(graph->nodes);
    for (i = 0; i < graph->edges_len; i++)
        edge_rec_free(graph->edges[i]);
    kgex__free(graph->edges);
    for (i = 0; i < graph->docs_len; i++)
        kgex__free(graph->docs[i]);
    kgex__free(graph->docs);
    kgex__hashmap_free(&graph->node_index);
    kgex__hashmap_free(&graph->edge_index);
    kgex__hashmap_free(&graph->doc_index);
    kgex__free(graph);
}

/* --- lookups ------------------------------------------------------------ */

static int node_id_eq(size_t value, const void *key, const void *payload)
{
    const kgex_graph *graph = payload;

    return strcmp(graph->nodes[value]->pub.id, key) == 0;
}

static int edge_key_eq(size_t value, const void *key, const void *payload)
{
    const kgex_graph *graph = payload;
    const edge_key *k = key;
    const kgex_edge *e = &graph->edges[value]->pub;

    return e->source == k->source && e->relation == k->relation && e->target == k->target;
}

static int doc_eq(size_t value, const void *key, const void *payload)
{
    const kgex_graph *graph = payload;

    return strcmp(graph->docs[value], key) == 0;
}

static uint64_t edge_key_hash(const edge_key *k)
{
    uint64_t h = kgex__hashmap_hash_mix(0, (uint64_t)k->source);

    h = kgex__hashmap_hash_mix(h, (uint64_t)k->relation);
    return kgex__hashmap_hash_mix(h, (uint64_t)k->target);
}

int kgex_graph_find_node(const kgex_graph *graph, size_t *index_out, const char *id)
{
    KGEX_ASSERT_ARG(graph, NULL);
    KGEX_ASSERT_ARG(index_out, NULL);
    KGEX_ASSERT_ARG(id, NULL);
    return kgex__hashmap_find(&graph->node_index, index_out, kgex__hashmap_hash_str(id), id,
                              node_id_eq, graph);
}

/* The graph's one copy of `doc` (NULL stays NULL). */
static int intern_doc(kgex_graph *graph, const char **out, const char *doc)
{
    uint64_t hash;
    size_t index;
    char *copy = NULL;
    int error;

    if (!doc) {
        *out = NULL;
        return KGEX_OK;
    }
    hash = kgex__hashmap_hash_str(doc);
    if (kgex__hashmap_find(&graph->doc_index, &index, hash, doc, doc_eq, graph) == KGEX_OK) {
        *out = graph->docs[index];
        return KGEX_OK;
    }
    error = kgex__grow((void **)&graph->docs, &graph->docs_cap, graph->docs_len + 1,
                       sizeof(*graph->docs));
    if (error < 0)
        goto done;
    copy = kgex__strdup(doc);
    if (!copy) {
        error = KGEX_ENOMEM;
        goto done;
    }
    error = kgex__hashmap_insert(&graph->doc_index, hash, graph->docs_len);
    if (error < 0)
        goto done;
    graph->docs[graph->docs_len++] = copy;
    *out = copy;
    copy = NULL;
done:
    kgex__free(copy);
    return error;
}

/* Append a copy of *prov (doc interned) to a provenance array. */
static int add_prov(kgex_graph *graph, kgex_provenance **items, size_t *len, size_t *cap,
                    const kgex_provenance *prov)
{
    kgex_provenance rec = *prov;
    int error;

    error = kgex__grow((void **)items, cap, *len + 1, sizeof(**items));
    if (error < 0)
        return error;
    error = intern_doc(graph, &rec.doc, prov->doc);
    if (error < 0)
        return error;
    (*items)[(*len)++] = rec;
    return KGEX_OK;
}

/* Set *field to a copy of value when it is unset and value is not NULL. */
static int keep_first(const char **field, const char *value)
{
    char *copy;

    if (*field || !value)
        return KGEX_OK;
    copy = kgex__strdup(value);
    if (!copy)
        return KGEX_ENOMEM;
    *field = copy;
    return KGEX_OK;
}

static int fill_node(node_rec *n, const kgex_node_spec *spec)
{
    int error = KGEX_OK;

    if (error == KGEX_OK)
        error = keep_first(&n->pub.iso3, spec->iso3);
    if (error == KGEX_OK)
        error = keep_first(&n->pub.wikidata, spec->wikidata);
    if (error == KGEX_OK)
        error = keep_first(&n->pub.role, spec->role);
    if (error == KGEX_OK)
        error = keep_first(&n->pub.quote, spec->quote);
    if (error == KGEX_OK)
        error = keep_first(&n->pub.date, spec->date);
    if (error == KGEX_OK)
        error = keep_first(&n->pub.cameo, spec->cameo);
    return error;
}

/* --- nodes -------------------------------------------------------------- */

int kgex_graph_add_node(kgex_graph *graph, size_t *index_out, const kgex_node_spec *spec,
                        const kgex_provenance *prov)
{
    node_rec *n = NULL;
    uint64_t hash;
    size_t index;
    int error;

    KGEX_ASSERT_ARG(graph, NULL);
    KGEX_ASSERT_ARG(spec, NULL);
    KGEX_ASSERT_ARG(spec->id && spec->id[0], NULL);
    KGEX_ASSERT_ARG(spec->label, NULL);
    KGEX_ASSERT_ARG((unsigned)spec->kind < KIND_COUNT, NULL);

    hash = kgex__hashmap_hash_str(spec->id);
    if (kgex__hashmap_find(&graph->node_index, &index, hash, spec->id, node_id_eq, graph) ==
        KGEX_OK) {
        node_rec *old = graph->nodes[index];

        error = fill_node(old, spec);
        if (error < 0)
            goto done;
        if (prov) {
            error = add_prov(graph, &old->pub.prov, &old->pub.prov_len, &old->prov_cap, prov);
            if (error < 0)
                goto done;
            old->pub.mentions++;
        }
        if (index_out)
            *index_out = index;
        goto done;
    }

    error = kgex__grow((void **)&graph->nodes, &graph->nodes_cap, graph->nodes_len + 1,
                       sizeof(*graph->nodes));
    if (error < 0)
        goto done;
    n = kgex__calloc(1, sizeof(*n));
    if (!n) {
        error = KGEX_ENOMEM;
        goto done;
    }
    n->pub.kind = spec->kind;
    n->pub.id = kgex__strdup(spec->id);
    n->pub.label = kgex__strdup(spec->label);
    if (!n->pub.id || !n->pub.label) {
        error = KGEX_ENOMEM;
        goto done;
    }
    error = fill_node(n, spec);
    if (error < 0)
        goto done;
    if (prov) {
        error = add_prov(graph, &n->pub.prov, &n->pub.prov_len, &n->prov_cap, prov);
        if (error < 0)
            goto done;
        n->pub.mentions = 1;
    }
    index = graph->nodes_len;
    error = kgex__hashmap_insert(&graph->node_index, hash, index);
    if (error < 0)
        goto done;
    graph->nodes[graph->nodes_len++] = n;
    n = NULL;
    if (index_out)
        *index_out = index;
done:
    node_rec_free(n);
    return error;
}

int kgex_graph_add_alias(kgex_graph *graph, size_t node, const char *alias)
{
    node_rec *n;
    size_t lo, hi;
    char *copy;
    int error;

    KGEX_ASSERT_ARG(graph, NULL);
    KGEX_ASSERT_ARG(node < graph->nodes_len, NULL);
    KGEX_ASSERT_ARG(alias, NULL);
    n = graph->nodes[node];
    if (!alias[0] || strcmp(alias, n->pub.label) == 0)
        return KGEX_OK;

    /* binary search for the insertion point; equal means already there */
    lo = 0;
    hi = n->pub.aliases_len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(n->pub.aliases[mid], alias);

        if (c == 0)
            return KGEX_OK;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    error = kgex__grow((void **)&n->pub.aliases, &n->aliases_cap, n->pub.aliases_len + 1,
                       sizeof(*n->pub.aliases));
    if (error < 0)
        return error;
    copy = kgex__strdup(alias);
    if (!copy)
        return KGEX_ENOMEM;
    memmove(&n->pub.aliases[lo + 1], &n->pub.aliases[lo],
            (n->pub.aliases_len - lo) * sizeof(*n->pub.aliases));
    n->pub.aliases[lo] = copy;
    n->pub.aliases_len++;
    return KGEX_OK;
}

/* --- edges -------------------------------------------------------------- */

int kgex_graph_add_edge(kgex_graph *graph, size_t *index_out, size_t source, kgex_relation relation,
                        size_t target, const char *role, const char *cameo, const char *date,
                        const kgex_provenance *prov)
{
    edge_rec *e = NULL;
    edge_rec *rec;
    edge_key key;
    uint64_t hash;
    size_t index;
    int error;

    KGEX_ASSERT_ARG(graph, NULL);
    KGEX_ASSERT_ARG(source < graph->nodes_len, NULL);
    KGEX_ASSERT_ARG(target < graph->nodes_len, NULL);
    KGEX_ASSERT_ARG((unsigned)relation < RELATION_COUNT, NULL);

    key.source = source;
    key.relation = relation;
    key.target = target;
    hash = edge_key_hash(&key);
    if (kgex__hashmap_find(&graph->edge_index, &index, hash, &key, edge_key_eq, graph) == KGEX_OK) {
        rec = graph->edges[index];
    } else {
        error = kgex__grow((void **)&graph->edges, &graph->edges_cap, graph->edges_len + 1,
                           sizeof(*graph->edges));
        if (error < 0)
            goto done;
        e = kgex__calloc(1, sizeof(*e));
        if (!e) {
            error = KGEX_ENOMEM;
            goto done;
        }
        e->pub.source = source;
        e->pub.relation = relation;
        e->pub.target = target;
        index = graph->edges_len;
        error = kgex__hashmap_insert(&graph->edge_index, hash, index);
        if (error < 0)
            goto done;
        graph->edges[graph->edges_len++] = e;
        rec = e;
        e = NULL;
    }
    /* a new edge is in the index now: failures below leave it with what it
     * had so far, which is still a consistent edge */
    error = keep_first(&rec->pub.role, role);
    if (error == KGEX_OK)
        error = keep_first(&rec->pub.cameo, cameo);
    if (error == KGEX_OK)
        error = keep_first(&rec->pub.date, date);
    if (error == KGEX_OK && prov)
        error = add_prov(graph, &rec->pub.prov, &rec->pub.prov_len, &rec->prov_cap, prov);
    if (error < 0)
        goto done;
    rec->pub.weight++;
    if (index_out)
        *index_out = index;
done:
    edge_rec_free(e);
    return error;
}

/* --- views -------------------------------------------------------------- */

size_t kgex_graph_node_count(const kgex_graph *graph)
{
    return graph ? graph->nodes_len : 0;
}

size_t kgex_graph_edge_count(const kgex_graph *graph)
{
    return graph ? graph->edges_len : 0;
}

const kgex_node *kgex_graph_node(const kgex_graph *graph, size_t index)
{
    return graph && index < graph->nodes_len ? &graph->nodes[index]->pub : NULL;
}

const kgex_edge *kgex_graph_edge(const kgex_graph *graph, size_t index)
{
    return graph && index < graph->edges_len ? &graph->edges[index]->pub : NULL;
}

/* --- ordering ----------------------------------------------------------- */

typedef struct node_sort {
    const char *id;
    size_t index;
} node_sort;

typedef struct edge_sort {
    const char *source;
    const char *relation;
    const char *target;
    size_t index;
} edge_sort;

static int node_sort_cmp(const void *a, const void *b)
{
    const node_sort *x = a, *y = b;

    return strcmp(x->id, y->id);
}

static int edge_sort_cmp(const void *a, const void *b)
{
    const edge_sort *x = a, *y = b;
    int c = strcmp(x->source, y->source);

    if (c == 0)
        c = strcmp(x->relation, y->relation);
    if (c == 0)
        c = strcmp(x->target, y->target);
    return c;
}

int kgex_graph_node_order(const kgex_graph *graph, size_t **out)
{
    node_sort *tmp = NULL;
    size_t *order = NULL;
    size_t i, n;
    int error = KGEX_OK;

    KGEX_ASSERT_ARG(graph, NULL);
    KGEX_ASSERT_ARG(out, NULL);
    *out = NULL;
    n = graph->nodes_len;
    tmp = kgex__calloc(n, sizeof(*tmp));
    order = kgex__calloc(n, sizeof(*order));
    if (!tmp || !order) {
        error = KGEX_ENOMEM;
        goto done;
    }
    for (i = 0; i < n; i++) {
        tmp[i].id = graph->nodes[i]->pub.id;
        tmp[i].index = i;
    }
    if (n > 1)
        qsort(tmp, n, sizeof(*tmp), node_sort_cmp);
    for (i = 0; i < n; i++)
        order[i] = tmp[i].index;
    *out = order;
    order = NULL;
done:
    kgex__free(tmp);
    kgex__free(order);
    return error;
}

int kgex_graph_edge_order(const kgex_graph *graph, size_t **out)
{
    edge_sort *tmp = NULL;
    size_t *order = NULL;
    size_t i, n;
    int error = KGEX_OK;

    KGEX_ASSERT_ARG(graph, NULL);
    KGEX_ASSERT_ARG(out, NULL);
    *out = NULL;
    n = graph->edges_len;
    tmp = kgex__calloc(n, sizeof(*tmp));
    order = kgex__calloc(n, sizeof(*order));
    if (!tmp || !order) {
        error = KGEX_ENOMEM;
        goto done;
    }
    for (i = 0; i < n; i++) {
        const kgex_edge *e = &graph->edges[i]->pub;

        tmp[i].source = graph->nodes[e->source]->pub.id;
        tmp[i].relation = kgex_relation_name(e->relation);
        tmp[i].target = graph->nodes[e->target]->pub.id;
        tmp[i].index = i;
    }
    if (n > 1)
        qsort(tmp, n, sizeof(*tmp), edge_sort_cmp);
    for (i = 0; i < n; i++)
        order[i] = tmp[i].index;
    *out = order;
    order = NULL;
done:
    kgex__free(tmp);
    kgex__free(order);
    return error;
}

/* --- components (igraph) ------------------------------------------------ */

static int kgex__from_igraph(igraph_error_t code)
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

int kgex_graph_components(const kgex_graph *graph, size_t *out)
{
    igraph_error_handler_t *old_error;
    igraph_warning_handler_t *old_warning;
    igraph_vector_int_t edges;
    igraph_t g;
    igraph_integer_t count = 0;
    int have_edges = 0, have_graph = 0;
    size_t i;
    int error;

    KGEX_ASSERT_ARG(graph, NULL);
    KGEX_ASSERT_ARG(out, NULL);
    if (graph->nodes_len > (size_t)IGRAPH_INTEGER_MAX ||
        graph->edges_len > (size_t)IGRAPH_INTEGER_MAX / 2)
        return KGEX_ELIMIT;

    old_error = igraph_set_error_handler(igraph_error_handler_ignore);
    old_warning = igraph_set_warning_handler(igraph_warning_handler_ignore);

    error =
        kgex__from_igraph(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * graph->edges_len)));
    if (error < 0)
        goto done;
    have_edges = 1;
    for (i = 0; i < graph->edges_len; i++) {
        VECTOR(edges)[2 * i] = (igraph_integer_t)graph->edges[i]->pub.source;
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)graph->edges[i]->pub.target;
    }
    error = kgex__from_igraph(
        igraph_create(&g, &edges, (igraph_integer_t)graph->nodes_len, IGRAPH_DIRECTED));
    if (error < 0)
        goto done;
    have_graph = 1;
    error = kgex__from_igraph(igraph_connected_components(&g, NULL, NULL, &count, IGRAPH_WEAK));
    if (error < 0)
        goto done;
    *out = (size_t)count;
done:
    if (have_graph)
        igraph_destroy(&g);
    if (have_edges)
        igraph_vector_int_destroy(&edges);
    igraph_set_warning_handler(old_warning);
    igraph_set_error_handler(old_error);
    return error;
}
