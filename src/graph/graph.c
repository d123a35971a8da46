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

#include "arena.h"
#include "common.h"
#include "graph/date.h"
#include "graph/hashmap.h"

/* Where the value of a field was read: its mention's document, sentence
 * and offset, in 16 bytes. `doc` is 0 for a value given without
 * provenance, 1 for provenance without a document name, else the name's
 * index in the graph's pool of names + 2. A sentence number that does not
 * fit in 32 bits is kept as the largest that does. */
typedef struct pick {
    uint32_t doc;
    uint32_t sentence;
    uint64_t start;
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
    node_rec **node_blocks; /* nodes in blocks of REC_BLOCK: they never move */
    size_t node_blocks_len, node_blocks_cap;
    size_t nodes_len;
    edge_rec **edge_blocks;
    size_t edge_blocks_len, edge_blocks_cap;
    size_t edges_len;
    kgex__arena text;       /* ids, labels, quotes and aliases, and the pools' strings */
    strpool docs;           /* document names */
    strpool dates;          /* dates of mentions and documents */
    strpool values;         /* iso3, wikidata, role, CAMEO code, dates of nodes and edges */
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

#define REC_BLOCK 1024

static node_rec *node_at(const kgex_graph *graph, size_t i)
{
    return &graph->node_blocks[i / REC_BLOCK][i % REC_BLOCK];
}

static edge_rec *edge_at(const kgex_graph *graph, size_t i)
{
    return &graph->edge_blocks[i / REC_BLOCK][i % REC_BLOCK];
}

/* The zeroed record for item `len` of blocks of `size`-byte records
 * (*blocks_len blocks allocated so far). */
static void *next_rec(void ***blocks, size_t *blocks_len, size_t *blocks_cap, size_t len,
                      size_t size)
{
    size_t b = len / REC_BLOCK;

    if (b >= *blocks_len) {
        if (kgex__grow((void **)blocks, blocks_cap, b + 1, sizeof(**blocks)) < 0)
            return NULL;
        (*blocks)[b] = kgex__calloc(REC_BLOCK, size);
        if (!(*blocks)[b])
            return NULL;
        *blocks_len = b + 1;
    }
    return (char *)(*blocks)[b] + (len % REC_BLOCK) * size;
}

/* The strings of nodes and edges live in the graph's arena and pools. */
static void node_rec_free(node_rec *n)
{
    if (!n)
        return;
    kgex__free(n->pub.aliases);
    kgex__free(n->pub.prov);
    memset(n, 0, sizeof(*n));
}

static void edge_rec_free(edge_rec *e)
{
    if (!e)
        return;
    kgex__free(e->pub.prov);
    memset(e, 0, sizeof(*e));
}

static void strpool_free(strpool *pool)
{
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
        node_rec_free(node_at(graph, i));
    for (i = 0; i < graph->node_blocks_len; i++)
        kgex__free(graph->node_blocks[i]);
    kgex__free(graph->node_blocks);
    for (i = 0; i < graph->edges_len; i++)
        edge_rec_free(edge_at(graph, i));
    for (i = 0; i < graph->edge_blocks_len; i++)
        kgex__free(graph->edge_blocks[i]);
    kgex__free(graph->edge_blocks);
    strpool_free(&graph->docs);
    strpool_free(&graph->dates);
    strpool_free(&graph->values);
    kgex__arena_free(&graph->text);
    kgex__free(graph->doc_dates);
    kgex__hashmap_free(&graph->node_index);
    kgex__hashmap_free(&graph->edge_index);
    kgex__free(graph);
}

/* --- lookups ------------------------------------------------------------ */

static int node_id_eq(size_t value, const void *key, const void *payload)
{
    const kgex_graph *graph = payload;

    return strcmp(node_at(graph, value)->pub.id, key) == 0;
}

static int edge_key_eq(size_t value, const void *key, const void *payload)
{
    const kgex_graph *graph = payload;
    const edge_key *k = key;
    const kgex_edge *e = &edge_at(graph, value)->pub;

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

/* The pool's one copy of `s` (NULL stays NULL), kept in the graph's
 * arena, and its index in the pool. */
static int intern(kgex_graph *graph, strpool *pool, const char **out, size_t *index_out,
                  const char *s)
{
    uint64_t hash;
    size_t index;
    char *copy;
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
        return error;
    copy = kgex__arena_strdup(&graph->text, s);
    if (!copy)
        return KGEX_ENOMEM;
    error = kgex__hashmap_insert(&pool->index, hash, pool->len);
    if (error < 0)
        return error;
    if (index_out)
        *index_out = pool->len;
    pool->items[pool->len++] = copy;
    *out = copy;
    return KGEX_OK;
}

/* Room for `need` records in a provenance array. Most nodes and edges are
 * read once or twice, so arrays start at one record and double. */
static int grow_prov(kgex_provenance **items, size_t *cap, size_t need)
{
    size_t ncap = *cap ? *cap : 1;
    kgex_provenance *p;

    if (need <= *cap)
        return KGEX_OK;
    while (ncap < need) {
        if (ncap > ((size_t)-1) / 2 / sizeof(**items))
            return KGEX_ENOMEM;
        ncap *= 2;
    }
    p = kgex__realloc(*items, ncap * sizeof(**items));
    if (!p)
        return KGEX_ENOMEM;
    *items = p;
    *cap = ncap;
    return KGEX_OK;
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
    error = grow_prov(items, cap, *len + 1);
    if (error == KGEX_OK)
        error = intern(graph, &graph->docs, &rec.doc, NULL, prov->doc);
    if (error == KGEX_OK)
        error = intern(graph, &graph->dates, &rec.date, NULL, date);
    if (error < 0)
        return error;
    (*items)[(*len)++] = rec;
    return KGEX_OK;
}

/* Order of two places where something was read: by document name, then
 * sentence, then offset; a value with a place comes before one without. */
static int pick_cmp(const kgex_graph *graph, const pick *a, const pick *b)
{
    int c;

    if ((a->doc != 0) != (b->doc != 0))
        return a->doc ? -1 : 1;
    if (!a->doc)
        return 0;
    c = a->doc == b->doc ? 0
                         : strcmp(a->doc > 1 ? graph->docs.items[a->doc - 2] : "",
                                  b->doc > 1 ? graph->docs.items[b->doc - 2] : "");
    if (c == 0)
        c = (a->sentence > b->sentence) - (a->sentence < b->sentence);
    if (c == 0)
        c = (a->start > b->start) - (a->start < b->start);
    return c;
}

/* Keep in *field the value read first (pick_cmp): the pool's copy of
 * `value`, read at `at`, when there is none or `at` comes before. */
static int keep_earliest_read(kgex_graph *graph, const char **field, pick *where, const char *value,
                              const pick *at)
{
    if (!value || (*field && pick_cmp(graph, at, where) >= 0))
        return KGEX_OK;
    *where = *at;
    if (*field && strcmp(*field, value) == 0)
        return KGEX_OK;
    return intern(graph, &graph->values, field, NULL, value);
}

/* The same for a quote, which is seldom repeated: a copy in the arena. */
static int keep_earliest_quote(kgex_graph *graph, const char **field, pick *where,
                               const char *value, const pick *at)
{
    const char *copy;

    if (!value || (*field && pick_cmp(graph, at, where) >= 0))
        return KGEX_OK;
    *where = *at;
    if (*field && strcmp(*field, value) == 0)
        return KGEX_OK;
    copy = kgex__arena_strdup(&graph->text, value);
    if (!copy)
        return KGEX_ENOMEM;
    *field = copy;
    return KGEX_OK;
}

/* Keep in *field the earliest date: `date` when *field is unset or later. */
static int keep_earliest_date(kgex_graph *graph, const char **field, const char *date)
{
    if (!date || (*field && kgex__date_cmp(*field, date) <= 0))
        return KGEX_OK;
    return intern(graph, &graph->values, field, NULL, date);
}

/* Set *field to `value` when it is unset and value is not NULL. */
static int keep_first(kgex_graph *graph, const char **field, const char *value)
{
    if (*field || !value)
        return KGEX_OK;
    return intern(graph, &graph->values, field, NULL, value);
}

/* The place of `prov` (NULL: none), with the graph's own copy of its
 * document name: the caller's may not outlive the call. */
static int pick_of(kgex_graph *graph, const kgex_provenance *prov, pick *out)
{
    pick p = {0, 0, 0};
    const char *name;
    size_t index;
    int error = KGEX_OK;

    if (prov) {
        p.doc = 1;
        if (prov->doc) {
            error = intern(graph, &graph->docs, &name, &index, prov->doc);
            if (error == KGEX_OK && index >= UINT32_MAX - 2)
                error = KGEX_ELIMIT;
            p.doc = (uint32_t)index + 2;
        }
        p.sentence = prov->sentence < UINT32_MAX ? (uint32_t)prov->sentence : UINT32_MAX;
        p.start = (uint64_t)prov->start;
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
        error = keep_first(graph, &n->pub.iso3, spec->iso3);
    if (error == KGEX_OK)
        error = keep_first(graph, &n->pub.wikidata, spec->wikidata);
    if (error == KGEX_OK)
        error = keep_earliest_read(graph, &n->pub.role, &n->role, spec->role, &at);
    if (error == KGEX_OK)
        error = keep_earliest_quote(graph, &n->pub.quote, &n->quote, spec->quote, &at);
    if (error == KGEX_OK)
        error = keep_earliest_date(graph, &n->pub.date, spec->date);
    if (error == KGEX_OK)
        error = keep_earliest_read(graph, &n->pub.cameo, &n->cameo, spec->cameo, &at);
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
        node_rec *old = node_at(graph, index);

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

    n = next_rec((void ***)&graph->node_blocks, &graph->node_blocks_len, &graph->node_blocks_cap,
                 graph->nodes_len, sizeof(*n));
    if (!n) {
        error = KGEX_ENOMEM;
        goto done;
    }
    n->pub.kind = spec->kind;
    n->pub.id = kgex__arena_strdup(&graph->text, spec->id);
    if (!n->pub.id) {
        error = KGEX_ENOMEM;
        goto done;
    }
    /* labels repeat ("Statement by ..."): one copy each */
    error = intern(graph, &graph->values, &n->pub.label, NULL, spec->label);
    if (error < 0)
        goto done;
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
    graph->nodes_len++;
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
    n = node_at(graph, node);
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
    copy = kgex__arena_strdup(&graph->text, alias);
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
        rec = edge_at(graph, index);
    } else {
        e = next_rec((void ***)&graph->edge_blocks, &graph->edge_blocks_len,
                     &graph->edge_blocks_cap, graph->edges_len, sizeof(*e));
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
        graph->edges_len++;
        rec = e;
        e = NULL;
    }
    /* a new edge is in the index now: failures below leave it with what it
     * had so far, which is still a consistent edge */
    error = pick_of(graph, prov, &at);
    if (error == KGEX_OK)
        error = keep_earliest_read(graph, &rec->pub.role, &rec->role, role, &at);
    if (error == KGEX_OK)
        error = keep_earliest_read(graph, &rec->pub.cameo, &rec->cameo, cameo, &at);
    if (error == KGEX_OK)
        error = keep_earliest_date(graph, &rec->pub.date, date);
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
    error = intern(graph, &graph->docs, &name, &index, doc);
    if (error < 0)
        return error;
    old_cap = graph->doc_dates_cap;
    error = kgex__grow((void **)&graph->doc_dates, &graph->doc_dates_cap, graph->docs.len,
                       sizeof(*graph->doc_dates));
    if (error < 0)
        return error;
    for (i = old_cap; i < graph->doc_dates_cap; i++)
        graph->doc_dates[i] = NULL;
    error = intern(graph, &graph->dates, &interned, NULL, date);
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
    return graph && index < graph->nodes_len ? &node_at(graph, index)->pub : NULL;
}

const kgex_edge *kgex_graph_edge(const kgex_graph *graph, size_t index)
{
    return graph && index < graph->edges_len ? &edge_at(graph, index)->pub : NULL;
}

/* --- ordering ----------------------------------------------------------- */

typedef struct node_sort {
    const char *id;
    size_t index;
} node_sort;

/* An edge by the ranks of its ends in node order and of its relation's
 * name: comparing integers orders edges as comparing the three strings
 * would, since node ids are unique. */
typedef struct edge_sort {
    size_t source, relation, target;
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

    if (x->source != y->source)
        return x->source < y->source ? -1 : 1;
    if (x->relation != y->relation)
        return x->relation < y->relation ? -1 : 1;
    if (x->target != y->target)
        return x->target < y->target ? -1 : 1;
    return 0;
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
        tmp[i].id = node_at(graph, i)->pub.id;
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
    size_t *order = NULL, *nodes = NULL, *rank = NULL, rel_rank[RELATION_COUNT];
    size_t i, k, n;
    int error;

    KGEX_ASSERT_ARG(graph, NULL);
    KGEX_ASSERT_ARG(out, NULL);
    *out = NULL;
    n = graph->edges_len;
    error = kgex_graph_node_order(graph, &nodes);
    if (error < 0)
        goto done;
    tmp = kgex__calloc(n, sizeof(*tmp));
    order = kgex__calloc(n, sizeof(*order));
    rank = kgex__calloc(graph->nodes_len, sizeof(*rank));
    if (!tmp || !order || !rank) {
        error = KGEX_ENOMEM;
        goto done;
    }
    for (i = 0; i < graph->nodes_len; i++)
        rank[nodes[i]] = i;
    for (i = 0; i < RELATION_COUNT; i++) {
        rel_rank[i] = 0;
        for (k = 0; k < RELATION_COUNT; k++)
            rel_rank[i] += strcmp(relation_names[k], relation_names[i]) < 0;
    }
    for (i = 0; i < n; i++) {
        const kgex_edge *e = &edge_at(graph, i)->pub;

        tmp[i].source = rank[e->source];
        tmp[i].relation = rel_rank[e->relation];
        tmp[i].target = rank[e->target];
        tmp[i].index = i;
    }
    if (n > 1)
        qsort(tmp, n, sizeof(*tmp), edge_sort_cmp);
    for (i = 0; i < n; i++)
        order[i] = tmp[i].index;
    *out = order;
    order = NULL;
done:
    kgex__free(nodes);
    kgex__free(rank);
    kgex__free(tmp);
    kgex__free(order);
    return error;
}
