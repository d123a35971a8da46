/*
 * graph.h - the knowledge graph: entities, events and the relations
 * between them, with provenance.
 *
 * Nodes are found or created by a canonical id ("state/ARM", "org/csto",
 * "person/anatoly-sidorov", "event/doc.txt/3/0"); adding a node that exists
 * counts one more mention and records the provenance. Edges are found or
 * created by (source, relation, target); adding one again raises its weight.
 * Node and edge indexes are stable for the life of the graph.
 */
#ifndef KGEX_GRAPH_H
#define KGEX_GRAPH_H

#include <stddef.h>

#include "common.h"

typedef enum kgex_kind {
    KGEX_KIND_STATE = 0,
    KGEX_KIND_ORGANIZATION,
    KGEX_KIND_OFFICIAL,
    KGEX_KIND_EVENT
} kgex_kind;

typedef enum kgex_relation {
    KGEX_REL_MEMBER_OF = 0,
    KGEX_REL_OFFICIAL_OF,
    KGEX_REL_ATTACKED,
    KGEX_REL_APPEALED_TO,
    KGEX_REL_STATED,
    KGEX_REL_ABOUT
} kgex_relation;

/* Where a fact was read: document name, 0-based sentence number and
 * character (code point) offsets [start, end) into the document text; and,
 * in the records a graph keeps, the date that mention's sentence gives
 * (ISO 8601 as in kgex_edge.date; NULL when none). The graph sets `date`
 * from the date passed with the mention: in arguments it is not read. */
typedef struct kgex_provenance {
    const char *doc;
    size_t sentence;
    size_t start;
    size_t end;
    const char *date;
} kgex_provenance;

/* Measures of one node (analytics.h). Degrees count distinct (source,
 * relation, target) edges; the weighted degree sums their weights
 * (mentions), in and out.
 * PageRank (directed, damping 0.85, edge weights) and betweenness
 * (directed, unweighted) are computed on the actor graph: the states,
 * organizations and officials and the relations between them. Statements
 * (event nodes) take no part and get 0, so none outranks an actor; the
 * actors' PageRank sums to 1. Betweenness is exact while (a + r) times a is
 * at most 2e7 (a actors, r relations between them); above that it is
 * estimated from 2e7 / (a + r) source actors, every k-th in node id order,
 * scaled by a over their number. Communities are found with igraph's
 * multilevel (Louvain) method on the undirected, weighted projection;
 * communities and components are numbered from 0 in the order of their
 * first node in kgex_graph_node_order(). x and y are a force-directed
 * layout scaled into [-1, 1]: Fruchterman-Reingold for up to 300 nodes,
 * above that a multilevel layout along the Louvain levels with Barnes-Hut
 * forces; 0 when the layout was not asked for (kgex_analytics_options). */
typedef struct kgex_metrics {
    size_t in_degree;
    size_t out_degree;
    double weighted_degree;
    double pagerank;
    double betweenness;
    size_t community;
    size_t component;
    double x;
    double y;
} kgex_metrics;

/* Read-only view of a node; strings are borrowed, valid until the graph is
 * freed or the node changes. Optional strings are NULL when unset. */
typedef struct kgex_node {
    const char *id;
    kgex_kind kind;
    const char *label;
    char **aliases; /* other names it was found under, sorted */
    size_t aliases_len;
    const char *iso3;     /* states from the lexicon */
    const char *wikidata; /* QID, entities from the lexicon */
    const char *role;     /* officials: the title first read */
    const char *quote;    /* events: the words stated */
    const char *date;     /* events: ISO 8601 date (the earliest given) */
    const char *cameo;    /* events: CAMEO code of the statement */
    size_t mentions;
    kgex_provenance *prov; /* every mention, in order */
    size_t prov_len;
    int has_metrics; /* 1 once kgex_graph_analyze() has run (analytics.h) */
    kgex_metrics metrics;
} kgex_node;

typedef struct kgex_edge {
    size_t source;
    size_t target;
    kgex_relation relation;
    const char *role;  /* official_of: the post first read */
    const char *cameo; /* attacked, appealed_to, stated: the code first read */
    const char *date;  /* ISO 8601, the earliest a mention's sentence gives */
    size_t weight;     /* mentions */
    kgex_provenance *prov;
    size_t prov_len;
} kgex_edge;

typedef struct kgex_graph kgex_graph;

/* Fields of a node to find or create. `id`, `label` required; the rest may
 * be NULL. Whatever order the mentions come in, a node keeps the iso3 and
 * wikidata first given, the earliest date (ISO 8601: "2024-03" before
 * "2024-03-05"; dates without a year last), and the role, quote and cameo
 * of its first mention in (document name, sentence, offset) order that
 * gives one (a value without provenance only when no mention gives one). */
typedef struct kgex_node_spec {
    const char *id;
    kgex_kind kind;
    const char *label;
    const char *iso3;
    const char *wikidata;
    const char *role;
    const char *quote;
    const char *date;
    const char *cameo;
} kgex_node_spec;

/* New empty graph; caller frees with kgex_graph_free(). */
KGEX_EXTERN int kgex_graph_new(kgex_graph **out);
KGEX_EXTERN void kgex_graph_free(kgex_graph *graph);

/* Find or create the node `spec->id`, count a mention at `prov` (may be
 * NULL: no mention counted; its record gets spec->date) and store its
 * index in *index_out. Copies all strings. */
KGEX_EXTERN int kgex_graph_add_node(kgex_graph *graph, size_t *index_out,
                                    const kgex_node_spec *spec, const kgex_provenance *prov);

/* Index of the node with `id`; KGEX_ENOTFOUND when there is none. */
KGEX_EXTERN int kgex_graph_find_node(const kgex_graph *graph, size_t *index_out, const char *id);

/* Record another name of a node; names equal to its label or to an alias
 * already there are ignored. Copies `alias`. */
KGEX_EXTERN int kgex_graph_add_alias(kgex_graph *graph, size_t node, const char *alias);

/* Find or create the edge (source, relation, target) and count a mention at
 * `prov` (may be NULL), whose record gets `date`. role, cameo and date may
 * be NULL; as for nodes, the edge keeps the earliest date and the role and
 * cameo of the first mention in (document, sentence, offset) order, so the
 * order of the calls does not matter. Copies all strings. */
KGEX_EXTERN int kgex_graph_add_edge(kgex_graph *graph, size_t *index_out, size_t source,
                                    kgex_relation relation, size_t target, const char *role,
                                    const char *cameo, const char *date,
                                    const kgex_provenance *prov);

/* Record the date of document `doc` (the publication date or its
 * dateline's: the day the report was written), replacing an earlier one;
 * `date` is ISO 8601 as above, or NULL to forget it (else KGEX_EINVAL).
 * Copies both strings. */
KGEX_EXTERN int kgex_graph_set_document_date(kgex_graph *graph, const char *doc, const char *date);
/* The date recorded for document `doc`, or NULL; borrowed, valid until the
 * graph is freed. */
KGEX_EXTERN const char *kgex_graph_document_date(const kgex_graph *graph, const char *doc);

KGEX_EXTERN size_t kgex_graph_node_count(const kgex_graph *graph);
KGEX_EXTERN size_t kgex_graph_edge_count(const kgex_graph *graph);
/* Borrowed views; NULL when out of range. */
KGEX_EXTERN const kgex_node *kgex_graph_node(const kgex_graph *graph, size_t index);
KGEX_EXTERN const kgex_edge *kgex_graph_edge(const kgex_graph *graph, size_t index);

/* Node indexes sorted by id and edge indexes sorted by (source id,
 * relation, target id): the order every writer uses. Caller frees with
 * free(). */
KGEX_EXTERN int kgex_graph_node_order(const kgex_graph *graph, size_t **out);
KGEX_EXTERN int kgex_graph_edge_order(const kgex_graph *graph, size_t **out);

/* "state", "organization", "official", "event". */
KGEX_EXTERN const char *kgex_kind_name(kgex_kind kind);
/* "member_of", "official_of", "attacked", "appealed_to", "stated", "about". */
KGEX_EXTERN const char *kgex_relation_name(kgex_relation relation);

/* Number of weakly connected components, computed with igraph. */
KGEX_EXTERN int kgex_graph_components(const kgex_graph *graph, size_t *out);

#endif
