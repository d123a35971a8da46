/*
 * graphml.c - the GraphML writer (include/kgex/export.h), with libxml2's
 * xmlTextWriter streaming straight into the output FILE.
 *
 * What a file holds, so that Gephi, Neo4j APOC, NetworkX, igraph and
 * graphology all read it and it validates against the official schema:
 *   - one <graph id="G" edgedefault="directed">, all nodes before all
 *     edges, nodes in kgex_graph_node_order() order and edges in
 *     kgex_graph_edge_order() order, edges numbered "e0", "e1", ...;
 *   - node ids are the canonical ids made into xs:NMTOKENs (which cannot
 *     hold "/"): "/" becomes ":" and any byte outside [A-Za-z0-9.-] "_HH",
 *     so "state/ARM" is "state:ARM"; the exact canonical id is also in the
 *     data key "canonical_id";
 *   - every <key> says for="node" or for="edge", attr.name and attr.type,
 *     has no <default>, and all keys are declared even when unused;
 *   - the analytics keys (in_degree ... component) are declared and
 *     written only when the graph has been analyzed (analytics.h);
 *   - text is scrubbed of what XML 1.0 forbids (escape.h) before libxml2
 *     escapes it.
 * The library does not print: libxml2's error handlers are silenced while
 * we write and restored afterwards.
 */
#include <errno.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <string.h>

#include "common.h"
#include "export/atomic.h"
#include "export/escape.h"
#include "export/xmlout.h"
#include "export/number.h"
#include "kgex/analytics.h"
#include "kgex/export.h"

#define GRAPHML_NS     "http://graphml.graphdrawing.org/xmlns"
#define XSI_NS         "http://www.w3.org/2001/XMLSchema-instance"
#define GRAPHML_SCHEMA GRAPHML_NS " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

/* Key ids equal attr.name, except for edge keys whose attr.name a node key
 * has too: key ids must be unique in the document (the schema's
 * key_id_key constraint), so those get an "edge_" prefix. */
typedef struct key_def {
    const char *id;
    const char *domain;
    const char *name;
    const char *type;
} key_def;

static const key_def keys[] = {
    {"canonical_id", "node", "canonical_id", "string"},
    {"label", "node", "label", "string"},
    {"kind", "node", "kind", "string"},
    {"labels", "node", "labels", "string"},
    {"aliases", "node", "aliases", "string"},
    {"mentions", "node", "mentions", "int"},
    {"iso3", "node", "iso3", "string"},
    {"wikidata", "node", "wikidata", "string"},
    {"role", "node", "role", "string"},
    {"quote", "node", "quote", "string"},
    {"date", "node", "date", "string"},
    {"cameo", "node", "cameo", "string"},
    {"provenance", "node", "provenance", "string"},
    {"relation", "edge", "relation", "string"},
    {"edge_label", "edge", "label", "string"},
    {"weight", "edge", "weight", "double"},
    {"edge_role", "edge", "role", "string"},
    {"edge_cameo", "edge", "cameo", "string"},
    {"edge_date", "edge", "date", "string"},
    {"edge_provenance", "edge", "provenance", "string"},
};

/* Node keys of the analytics (analytics.h), declared only when the graph
 * has them, so that a graph without them is written as before. */
static const key_def metric_keys[] = {
    {"in_degree", "node", "in_degree", "int"},
    {"out_degree", "node", "out_degree", "int"},
    {"weighted_degree", "node", "weighted_degree", "double"},
    {"pagerank", "node", "pagerank", "double"},
    {"betweenness", "node", "betweenness", "double"},
    {"community", "node", "community", "int"},
    {"component", "node", "component", "int"},
};

/* APOC node labels, by kgex_kind */
static const char *const apoc_labels[] = {":State", ":Organization", ":Official", ":Event"};

typedef struct writer {
    xmlTextWriterPtr w;
    kgex__escape_buf buf;
    const kgex_graph *graph;
    int metrics; /* write the analytics keys and data */
    kgex_graphml_flavor flavor;
} writer;

#define XC(s) ((const xmlChar *)(s))
#define XW(call)                                                                                   \
    do {                                                                                           \
        if ((call) < 0) {                                                                          \
            error = KGEX_EIO;                                                                      \
            goto done;                                                                             \
        }                                                                                          \
    } while (0)
#define CHECK(call)                                                                                \
    do {                                                                                           \
        error = (call);                                                                            \
        if (error < 0)                                                                             \
            goto done;                                                                             \
    } while (0)

/* <data key="KEY">TEXT</data>, TEXT already clean */
static int write_data_raw(writer *wr, const char *key, const char *text)
{
    int error = KGEX_OK;

    XW(xmlTextWriterStartElement(wr->w, XC("data")));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("key"), XC(key)));
    XW(xmlTextWriterWriteString(wr->w, XC(text)));
    XW(xmlTextWriterEndElement(wr->w));
done:
    return error;
}

/* <data> with `value` scrubbed; nothing when value is NULL */
static int write_data(writer *wr, const char *key, const char *value)
{
    int error = KGEX_OK;

    if (!value)
        goto done;
    CHECK(kgex__escape_buf_reset(&wr->buf));
    CHECK(kgex__escape_text(&wr->buf, value));
    CHECK(write_data_raw(wr, key, wr->buf.ptr));
done:
    return error;
}

static int write_provenance(writer *wr, const char *key, const kgex_provenance *prov,
                            size_t prov_len)
{
    size_t i;
    int error = KGEX_OK;

    if (prov_len == 0)
        goto done;
    CHECK(kgex__escape_buf_reset(&wr->buf));
    for (i = 0; i < prov_len; i++) {
        if (i > 0)
            CHECK(kgex__escape_buf_put(&wr->buf, " ", 1));
        CHECK(kgex__escape_provenance(&wr->buf, &prov[i]));
    }
    CHECK(write_data_raw(wr, key, wr->buf.ptr));
done:
    return error;
}

static int write_key(writer *wr, const key_def *k)
{
    int error = KGEX_OK;

    XW(xmlTextWriterStartElement(wr->w, XC("key")));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("id"), XC(k->id)));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("for"), XC(k->domain)));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("attr.name"), XC(k->name)));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("attr.type"), XC(k->type)));
    XW(xmlTextWriterEndElement(wr->w));
done:
    return error;
}

static int write_keys(writer *wr)
{
    size_t i;
    int error = KGEX_OK;

    XW(xmlTextWriterWriteComment(
        wr->w, XC(" key ids are attr.name, except edge keys whose attr.name a node key also "
                  "has (label, role, cameo, date, provenance): key ids must be unique, so "
                  "those are edge_label, edge_role, ... Read keys by attr.name. ")));
    for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
        CHECK(write_key(wr, &keys[i]));
    for (i = 0; wr->metrics && i < sizeof(metric_keys) / sizeof(metric_keys[0]); i++)
        CHECK(write_key(wr, &metric_keys[i]));
done:
    return error;
}

/* The analytics data of a node, in metric_keys order; doubles in the
 * shortest form that reads back exactly. */
static int write_metrics(writer *wr, const kgex_metrics *m)
{
    char values[KGEX__METRIC_COUNT][32];
    size_t k;
    int error = KGEX_OK;

    kgex__metrics_format(m, values);
    for (k = 0; k < KGEX__METRIC_COUNT; k++)
        CHECK(write_data_raw(wr, kgex__metric_names[k], values[k]));
done:
    return error;
}

static int write_node(writer *wr, const kgex_node *n)
{
    char num[32];
    size_t i;
    int error = KGEX_OK;

    XW(xmlTextWriterStartElement(wr->w, XC("node")));
    CHECK(kgex__escape_buf_reset(&wr->buf));
    CHECK(kgex__escape_nmtoken(&wr->buf, n->id));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("id"), XC(wr->buf.ptr)));
    if (wr->flavor == KGEX_GRAPHML_APOC &&
        (unsigned)n->kind < sizeof(apoc_labels) / sizeof(apoc_labels[0]))
        XW(xmlTextWriterWriteAttribute(wr->w, XC("labels"), XC(apoc_labels[n->kind])));
    CHECK(write_data(wr, "canonical_id", n->id));
    CHECK(write_data(wr, "label", n->label));
    CHECK(write_data_raw(wr, "kind", kgex_kind_name(n->kind)));
    if ((unsigned)n->kind < sizeof(apoc_labels) / sizeof(apoc_labels[0]))
        CHECK(write_data_raw(wr, "labels", apoc_labels[n->kind]));
    if (n->aliases_len > 0) {
        CHECK(kgex__escape_buf_reset(&wr->buf));
        for (i = 0; i < n->aliases_len; i++) {
            if (i > 0)
                CHECK(kgex__escape_buf_put(&wr->buf, "|", 1));
            CHECK(kgex__escape_text(&wr->buf, n->aliases[i]));
        }
        CHECK(write_data_raw(wr, "aliases", wr->buf.ptr));
    }
    snprintf(num, sizeof(num), "%zu", n->mentions);
    CHECK(write_data_raw(wr, "mentions", num));
    CHECK(write_data(wr, "iso3", n->iso3));
    CHECK(write_data(wr, "wikidata", n->wikidata));
    CHECK(write_data(wr, "role", n->role));
    CHECK(write_data(wr, "quote", n->quote));
    CHECK(write_data(wr, "date", n->date));
    CHECK(write_data(wr, "cameo", n->cameo));
    CHECK(write_provenance(wr, "provenance", n->prov, n->prov_len));
    if (wr->metrics)
        CHECK(write_metrics(wr, &n->metrics));
    XW(xmlTextWriterEndElement(wr->w));
done:
    return error;
}

static int write_edge(writer *wr, size_t number, const kgex_edge *e)
{
    const char *relation = kgex_relation_name(e->relation);
    char num[48];
    int error = KGEX_OK;

    XW(xmlTextWriterStartElement(wr->w, XC("edge")));
    snprintf(num, sizeof(num), "e%zu", number);
    XW(xmlTextWriterWriteAttribute(wr->w, XC("id"), XC(num)));
    CHECK(kgex__escape_buf_reset(&wr->buf));
    CHECK(kgex__escape_nmtoken(&wr->buf, kgex_graph_node(wr->graph, e->source)->id));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("source"), XC(wr->buf.ptr)));
    CHECK(kgex__escape_buf_reset(&wr->buf));
    CHECK(kgex__escape_nmtoken(&wr->buf, kgex_graph_node(wr->graph, e->target)->id));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("target"), XC(wr->buf.ptr)));
    if (wr->flavor != KGEX_GRAPHML_STANDARD)
        XW(xmlTextWriterWriteAttribute(wr->w, XC("label"), XC(relation)));
    CHECK(write_data_raw(wr, "relation", relation));
    CHECK(write_data_raw(wr, "edge_label", relation));
    snprintf(num, sizeof(num), "%zu", e->weight);
    CHECK(write_data_raw(wr, "weight", num));
    CHECK(write_data(wr, "edge_role", e->role));
    CHECK(write_data(wr, "edge_cameo", e->cameo));
    CHECK(write_data(wr, "edge_date", e->date));
    CHECK(write_provenance(wr, "edge_provenance", e->prov, e->prov_len));
    XW(xmlTextWriterEndElement(wr->w));
done:
    return error;
}

static int write_document(writer *wr)
{
    size_t *node_order = NULL;
    size_t *edge_order = NULL;
    size_t i, n;
    int error = KGEX_OK;

    CHECK(kgex_graph_node_order(wr->graph, &node_order));
    CHECK(kgex_graph_edge_order(wr->graph, &edge_order));
    XW(xmlTextWriterSetIndent(wr->w, 1));
    XW(xmlTextWriterSetIndentString(wr->w, XC("  ")));
    XW(xmlTextWriterStartDocument(wr->w, NULL, "UTF-8", NULL));
    XW(xmlTextWriterStartElement(wr->w, XC("graphml")));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("xmlns"), XC(GRAPHML_NS)));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("xmlns:xsi"), XC(XSI_NS)));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("xsi:schemaLocation"), XC(GRAPHML_SCHEMA)));
    CHECK(write_keys(wr));
    XW(xmlTextWriterStartElement(wr->w, XC("graph")));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("id"), XC("G")));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("edgedefault"), XC("directed")));
    n = kgex_graph_node_count(wr->graph);
    for (i = 0; i < n; i++)
        CHECK(write_node(wr, kgex_graph_node(wr->graph, node_order[i])));
    n = kgex_graph_edge_count(wr->graph);
    for (i = 0; i < n; i++)
        CHECK(write_edge(wr, i, kgex_graph_edge(wr->graph, edge_order[i])));
    XW(xmlTextWriterEndDocument(wr->w)); /* closes graph and graphml */
    XW(xmlTextWriterFlush(wr->w));
done:
    kgex__free(node_order);
    kgex__free(edge_order);
    return error;
}

/* Write to fp; `path` names the file in messages (NULL: a caller's stream). */
static int graphml_write(const kgex_graph *graph, FILE *fp, const char *path, const void *payload,
                         kgex_error *err)
{
    kgex__xmlout xo;
    writer wr = {0};
    int error = KGEX_OK;
    int saved = 0;

    wr.graph = graph;
    wr.metrics = kgex_graph_has_metrics(graph);
    wr.flavor = payload ? *(const kgex_graphml_flavor *)payload : KGEX_GRAPHML_STANDARD;
    error = kgex__xmlout_open(&xo, fp);
    wr.w = xo.w;
    if (error == KGEX_OK)
        error = write_document(&wr);
    error = kgex__xmlout_close(&xo, fp, error, &saved);
    kgex__escape_buf_free(&wr.buf);

    return kgex__write_error(err, error, path, saved, "graphml", "xml writer error");
}

int kgex_graphml_write(const kgex_graph *graph, FILE *fp, kgex_error *err)
{
    KGEX_ASSERT_ARG(graph, err);
    KGEX_ASSERT_ARG(fp, err);
    return graphml_write(graph, fp, NULL, NULL, err);
}

int kgex_graphml_write_file(const kgex_graph *graph, const char *path, kgex_error *err)
{
    return kgex__atomic_write(graph, path, graphml_write, NULL, err);
}

int kgex_graphml_write_flavor(const kgex_graph *graph, FILE *fp, kgex_graphml_flavor flavor,
                              kgex_error *err)
{
    KGEX_ASSERT_ARG(graph, err);
    KGEX_ASSERT_ARG(fp, err);
    KGEX_ASSERT_ARG(flavor >= KGEX_GRAPHML_STANDARD && flavor <= KGEX_GRAPHML_APOC, err);
    return graphml_write(graph, fp, NULL, &flavor, err);
}

int kgex_graphml_write_file_flavor(const kgex_graph *graph, const char *path,
                                   kgex_graphml_flavor flavor, kgex_error *err)
{
    KGEX_ASSERT_ARG(flavor >= KGEX_GRAPHML_STANDARD && flavor <= KGEX_GRAPHML_APOC, err);
    return kgex__atomic_write(graph, path, graphml_write, &flavor, err);
}
