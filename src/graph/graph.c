/*
 * graph.c - the knowledge graph store (include/kgex/graph.h).
 *
 * Nodes and edges live in our own records, one allocation each, so the
 * views handed out by kgex_graph_node()/kgex_graph_edge() stay put while
 * the graph grows. Three hash indexes make the find-or-create calls O(1)
 * expected: node id -> node, (source, relation, target) -> edge, and
 * two pools of interned strings, document names and dates (every
 * provenance record of a document points at one shared name, every dated
 * mention at one shared date). Components are counted with igraph in
 * analytics.c, the one file that calls igraph.
 *
 * What a node or edge keeps does not depend on the order its mentions
 * arrive in: its date is the earliest of its mentions' dates (date_cmp),
 * and its role, quote and CAMEO code are those of its first mention in
 * (document name, sentence, offset) order, each kept with the place it was
 * read (a `pick`).
 */
#include "kgex/graph.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "graph/date.h"
#include "graph/hashmap.h"

/* Where the value of a field was read: its mention's document, sentence
 * and offset; `set` 0 for a value given without provenance. */
typedef struct pick {
    const char *doc;
    size_t sentence;
    size_t start;
    int set;
} pick;

typedef struct node_rec {
    kgex_node pub;
    size_t aliases_cap;
    size_t prov_cap;
    pick role, quote, cameo;
} node_rec;

typedef struct edge_rec {
    kgex_edge pub;
    size_t prov_cap;
    pick role, cameo;
} edge_rec;

/* Interned strings: one copy each, found by hash. */
typedef struct strpool {
    char **items;
    size_t len;
    size_t cap;
    kgex__hashmap index;
} strpool;

struct kgex_graph {
    node_rec **nodes;
    size_t nodes_len;
    size_t nodes_cap;
    edge_rec **edges;
    size_t edges_len;
    size_t edges_cap;
    strpool docs;           /* document names */
    strpool dates;          /* dates of mentions and documents */
    const char **doc_dates; /* by index in docs: the document's date (in dates), or NULL */
    size_t doc_dates_cap;
    kgex__hashmap node_index;
    kgex__hashmap edge_index;
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

static void strpool_free(strpool *pool)
{
    size_t i;

    for (i = 0; i < pool->len; i++)
        kgex__free(pool->items[i]);
    kgex__free(pool->items);
    kgex__hashmap_free(&pool->index);
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
    strpool_free(&graph->docs);
    strpool_free(&graph->dates);
    kgex__free(graph->doc_dates);
    kgex__hashmap_free(&graph->node_index);
    kgex__hashmap_free(&graph->edge_index);
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

static int pool_eq(size_t value, const void *key, const void *payload)
{
    const strpool *pool = payload;

    return strcmp(pool->items[value], key) == 0;
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

/* The pool's one copy of `s` (NULL stays NULL) and its index there. */
static int intern(strpool *pool, const char **out, size_t *index_out, const char *s)
{
    uint64_t hash;
    size_t index;
    char *copy = NULL;
    int error;

    *out = NULL;
    if (!s)
        return KGEX_OK;
    hash = kgex__hashmap_hash_str(s);
    if (kgex__hashmap_find(&pool->index, &index, hash, s, pool_eq, pool) == KGEX_OK) {
        *out = pool->items[index];
        if (index_out)
            *index_out = index;
        return KGEX_OK;
    }
    error = kgex__grow((void **)&pool->items, &pool->cap, pool->len + 1, sizeof(*pool->items));
    if (error < 0)
        goto done;
    copy = kgex__strdup(s);
    if (!copy) {
        error = KGEX_ENOMEM;
        goto done;
    }
    error = kgex__hashmap_insert(&pool->index, hash, pool->len);
    if (error < 0)
        goto done;
    if (index_out)
        *index_out = pool->len;
    pool->items[pool->len++] = copy;
    *out = copy;
    copy = NULL;
done:
    kgex__free(copy);
    return error;
}

/* Append a copy of *prov (doc and date interned, the date being `date`:
 * the one its sentence gives, or NULL) to a provenance array. */
static int add_prov(kgex_graph *graph, kgex_provenance **items, size_t *len, size_t *cap,
                    const kgex_provenance *prov, const char *date)
{
    kgex_provenance rec;
    int error;

    rec.doc = NULL;
    rec.sentence = prov->sentence;
    rec.start = prov->start;
    rec.end = prov->end;
    error = kgex__grow((void **)items, cap, *len + 1, sizeof(**items));
    if (error == KGEX_OK)
        error = intern(&graph->docs, &rec.doc, NULL, prov->doc);
    if (error == KGEX_OK)
        error = intern(&graph->dates, &rec.date, NULL, date);
    if (error < 0)
        return error;
    (*items)[(*len)++] = rec;
    return KGEX_OK;
}

/* Order of two places where something was read: by document name, then
 * sentence, then offset; a value with a place comes before one without. */
static int pick_cmp(const pick *a, const pick *b)
{
    int c;

    if (a->set != b->set)
        return a->set ? -1 : 1;
    if (!a->set)
        return 0;
    c = strcmp(a->doc ? a->doc : "", b->doc ? b->doc : "");
    if (c == 0)
        c = (a->sentence > b->sentence) - (a->sentence < b->sentence);
    if (c == 0)
        c = (a->start > b->start) - (a->start < b->start);
    return c;
}

/* Keep in *field the value read first (pick_cmp): replace it with a copy
 * of `value`, read at `at`, when there is none or `at` comes before. */
static int keep_earliest_read(const char **field, pick *where, const char *value, const pick *at)
{
    char *copy;

    if (!value || (*field && pick_cmp(at, where) >= 0))
        return KGEX_OK;
    if (*field && strcmp(*field, value) == 0) {
        *where = *at;
        return KGEX_OK;
    }
    copy = kgex__strdup(value);
    if (!copy)
        return KGEX_ENOMEM;
    kgex__free((char *)*field);
    *field = copy;
    *where = *at;
    return KGEX_OK;
}

/* Keep in *field the earliest date: a copy of `date` when *field is unset
 * or later. */
static int keep_earliest_date(const char **field, const char *date)
{
    char *copy;

    if (!date || (*field && kgex__date_cmp(*field, date) <= 0))
        return KGEX_OK;
    copy = kgex__strdup(date);
    if (!copy)
        return KGEX_ENOMEM;
    kgex__free((char *)*field);
    *field = copy;
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

/* The place of `prov` (NULL: none), with the graph's own copy of its
 * document name: the caller's may not outlive the call. */
static int pick_of(kgex_graph *graph, const kgex_provenance *prov, pick *out)
{
    pick p = {NULL, 0, 0, 0};
    int error = KGEX_OK;

    if (prov) {
        error = intern(&graph->docs, &p.doc, NULL, prov->doc);
        p.sentence = prov->sentence;
        p.start = prov->start;
        p.set = 1;
    }
    *out = p;
    return error;
}

static int fill_node(kgex_graph *graph, node_rec *n, const kgex_node_spec *spec,
                     const kgex_provenance *prov)
{
    pick at;
    int error = pick_of(graph, prov, &at);

    if (error == KGEX_OK)
        error = keep_first(&n->pub.iso3, spec->iso3);
    if (error == KGEX_OK)
        error = keep_first(&n->pub.wikidata, spec->wikidata);
    if (error == KGEX_OK)
        error = keep_earliest_read(&n->pub.role, &n->role, spec->role, &at);
    if (error == KGEX_OK)
        error = keep_earliest_read(&n->pub.quote, &n->quote, spec->quote, &at);
    if (error == KGEX_OK)
        error = keep_earliest_date(&n->pub.date, spec->date);
    if (error == KGEX_OK)
        error = keep_earliest_read(&n->pub.cameo, &n->cameo, spec->cameo, &at);
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

        error = fill_node(graph, old, spec, prov);
        if (error < 0)
            goto done;
        if (prov) {
            error = add_prov(graph, &old->pub.prov, &old->pub.prov_len, &old->prov_cap, prov,
                             spec->date);
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
    error = fill_node(graph, n, spec, prov);
    if (error < 0)
        goto done;
    if (prov) {
        error = add_prov(graph, &n->pub.prov, &n->pub.prov_len, &n->prov_cap, prov, spec->date);
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
    pick at;
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
    error = pick_of(graph, prov, &at);
    if (error == KGEX_OK)
        error = keep_earliest_read(&rec->pub.role, &rec->role, role, &at);
    if (error == KGEX_OK)
        error = keep_earliest_read(&rec->pub.cameo, &rec->cameo, cameo, &at);
    if (error == KGEX_OK)
        error = keep_earliest_date(&rec->pub.date, date);
    if (error == KGEX_OK && prov)
        error = add_prov(graph, &rec->pub.prov, &rec->pub.prov_len, &rec->prov_cap, prov, date);
    if (error < 0)
        goto done;
    rec->pub.weight++;
    if (index_out)
        *index_out = index;
done:
    edge_rec_free(e);
    return error;
}

/* --- documents ---------------------------------------------------------- */

int kgex_graph_set_document_date(kgex_graph *graph, const char *doc, const char *date)
{
    const char *name, *interned;
    size_t index, old_cap, i;
    int error;

    KGEX_ASSERT_ARG(graph, NULL);
    KGEX_ASSERT_ARG(doc, NULL);
    KGEX_ASSERT_ARG(!date || kgex__date_xsd_type(date), NULL);
    error = intern(&graph->docs, &name, &index, doc);
    if (error < 0)
        return error;
    old_cap = graph->doc_dates_cap;
    error = kgex__grow((void **)&graph->doc_dates, &graph->doc_dates_cap, graph->docs.len,
                       sizeof(*graph->doc_dates));
    if (error < 0)
        return error;
    for (i = old_cap; i < graph->doc_dates_cap; i++)
        graph->doc_dates[i] = NULL;
    error = intern(&graph->dates, &interned, NULL, date);
    if (error < 0)
        return error;
    graph->doc_dates[index] = interned;
    return KGEX_OK;
}

const char *kgex_graph_document_date(const kgex_graph *graph, const char *doc)
{
    size_t index;

    if (!graph || !doc ||
        kgex__hashmap_find(&graph->docs.index, &index, kgex__hashmap_hash_str(doc), doc, pool_eq,
                           &graph->docs) < 0 ||
        index >= graph->doc_dates_cap)
        return NULL;
    return graph->doc_dates[index];
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
