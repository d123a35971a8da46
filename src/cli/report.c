/*
 * report.c - the --report summary; see report.h.
 *
 * Example:
 *   kgex report: 3 documents, 47 nodes, 63 edges, 1 component
 *
 *   nodes by kind: state 7, organization 7, official 9, event 24
 *   edges by relation: member_of 6, official_of 11, ...
 *
 *   top actors by PageRank:
 *      1. 0.0912  Armenia (state)
 *   ...
 *   attacks:
 *     Azerbaijan -> Armenia, 2024-03-03, 2 mentions  [news/01.txt#0, news/03.txt#2]
 *   appeals:
 *     ...
 * Sources are DOCUMENT#SENTENCE (0-based sentence numbers), each once.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

typedef struct ranked {
    size_t index;
    double pagerank;
    const char *id;
} ranked;

static int by_pagerank(const void *a, const void *b)
{
    const ranked *x = a, *y = b;

    if (x->pagerank != y->pagerank)
        return x->pagerank < y->pagerank ? 1 : -1;
    return strcmp(x->id, y->id);
}

static size_t count_docs(const kgex_graph *graph)
{
    const char **seen = NULL;
    size_t len = 0, cap = 0, i, j, k;

    for (i = 0; i < kgex_graph_node_count(graph); i++) {
        const kgex_node *n = kgex_graph_node(graph, i);

        for (j = 0; j < n->prov_len; j++) {
            const char *doc = n->prov[j].doc;

            for (k = 0; doc && k < len; k++) {
                if (seen[k] == doc || strcmp(seen[k], doc) == 0)
                    break;
            }
            if (!doc || k < len)
                continue;
            if (len == cap) {
                size_t ncap = cap ? cap * 2 : 16;
                const char **p = realloc(seen, ncap * sizeof(*p));

                if (!p) {
                    free(seen);
                    return len;
                }
                seen = p;
                cap = ncap;
            }
            seen[len++] = doc;
        }
    }
    free(seen);
    return len;
}

/* "doc#sentence" of each provenance record, each once */
static void print_sources(FILE *fp, const kgex_edge *e)
{
    size_t i, j;
    int first = 1;

    fputs("  [", fp);
    for (i = 0; i < e->prov_len; i++) {
        for (j = 0; j < i; j++) {
            if (e->prov[j].sentence == e->prov[i].sentence && e->prov[j].doc && e->prov[i].doc &&
                strcmp(e->prov[j].doc, e->prov[i].doc) == 0)
                break;
        }
        if (j < i)
            continue;
        fprintf(fp, "%s%s#%zu", first ? "" : ", ", e->prov[i].doc ? e->prov[i].doc : "",
                e->prov[i].sentence);
        first = 0;
    }
    fputs("]\n", fp);
}

static void print_relations(FILE *fp, const kgex_graph *graph, const size_t *order,
                            kgex_relation rel, const char *title)
{
    size_t i, found = 0;

    fprintf(fp, "\n%s:\n", title);
    for (i = 0; i < kgex_graph_edge_count(graph); i++) {
        const kgex_edge *e = kgex_graph_edge(graph, order[i]);

        if (e->relation != rel)
            continue;
        found++;
        fprintf(fp, "  %s -> %s, %s, %zu mention%s", kgex_graph_node(graph, e->source)->label,
                kgex_graph_node(graph, e->target)->label, e->date ? e->date : "no date", e->weight,
                e->weight == 1 ? "" : "s");
        print_sources(fp, e);
    }
    if (found == 0)
        fputs("  (none)\n", fp);
}

int kgex_cli_report(FILE *fp, const kgex_graph *graph)
{
    size_t kinds[KGEX_KIND_EVENT + 1] = {0};
    size_t rels[KGEX_REL_ABOUT + 1] = {0};
    size_t n = kgex_graph_node_count(graph), m = kgex_graph_edge_count(graph);
    size_t *edge_order = NULL;
    ranked *top = NULL;
    size_t i, actors = 0, components = 0, docs;
    int rc = -1;

    if (kgex_graph_edge_order(graph, &edge_order) < 0)
        goto done;
    top = calloc(n ? n : 1, sizeof(*top));
    if (!top)
        goto done;
    for (i = 0; i < n; i++) {
        const kgex_node *node = kgex_graph_node(graph, i);

        if ((unsigned)node->kind <= KGEX_KIND_EVENT)
            kinds[node->kind]++;
        if (node->kind != KGEX_KIND_EVENT) {
            top[actors].index = i;
            top[actors].pagerank = node->has_metrics ? node->metrics.pagerank : 0;
            top[actors].id = node->id;
            actors++;
        }
    }
    for (i = 0; i < m; i++) {
        const kgex_edge *e = kgex_graph_edge(graph, i);

        if ((unsigned)e->relation <= KGEX_REL_ABOUT)
            rels[e->relation]++;
    }
    if (kgex_graph_components(graph, &components) < 0)
        components = 0;

    docs = count_docs(graph);
    fprintf(fp, "kgex report: %zu document%s, %zu nodes, %zu edges, %zu component%s\n", docs,
            docs == 1 ? "" : "s", n, m, components, components == 1 ? "" : "s");
    fputs("\nnodes by kind:", fp);
    for (i = 0; i <= KGEX_KIND_EVENT; i++)
        fprintf(fp, "%s %s %zu", i ? "," : "", kgex_kind_name((kgex_kind)i), kinds[i]);
    fputs("\nedges by relation:", fp);
    for (i = 0; i <= KGEX_REL_ABOUT; i++)
        fprintf(fp, "%s %s %zu", i ? "," : "", kgex_relation_name((kgex_relation)i), rels[i]);
    fputs("\n", fp);

    if (kgex_graph_has_metrics(graph)) {
        if (actors > 1)
            qsort(top, actors, sizeof(*top), by_pagerank);
        fprintf(fp, "\ntop actors by PageRank:\n");
        for (i = 0; i < actors && i < KGEX_REPORT_TOP; i++) {
            const kgex_node *node = kgex_graph_node(graph, top[i].index);

            fprintf(fp, "  %2zu. %.4f  %s (%s)\n", i + 1, top[i].pagerank, node->label,
                    kgex_kind_name(node->kind));
        }
        if (actors == 0)
            fputs("  (none)\n", fp);
    } else {
        fputs("\ntop actors by PageRank: not computed (--no-analytics)\n", fp);
    }
    print_relations(fp, graph, edge_order, KGEX_REL_ATTACKED, "attacks");
    print_relations(fp, graph, edge_order, KGEX_REL_APPEALED_TO, "appeals");
    rc = fflush(fp) == 0 && !ferror(fp) ? 0 : -1;
done:
    free(top);
    free(edge_order);
    return rc;
}
