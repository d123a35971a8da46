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
 *     escapes it;
 *   - in the TOOLS flavor (the default, export.h) each <edge> also has a
 *     `label` attribute with the relation and each <node> a `labels`
 *     attribute with its APOC label: Gephi's GraphML importer takes the
 *     edge type only from that attribute (and merges edges of the same
 *     source, target and type), Neo4j APOC takes the relationship type
 *     from it. The STRICT flavor leaves both out.
 * The library does not print: libxml2's error handlers are silenced while
 * we write and restored afterwards (xmlout.h).
 */
#include <stdio.h>
#include <string.h>

#include "common.h"
#include "export/atomic.h"
#include "export/escape.h"
#include "export/number.h"
#include "export/xmlout.h"
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
    kgex__xmlout x;
    kgex_graphml_flavor flavor;
} writer;

/* <data key="KEY">TEXT</data>, TEXT already clean */
static int write_data_raw(writer *wr, const char *key, const char *text)
{
    int error = KGEX_OK;

    XW(xmlTextWriterStartElement(wr->x.w, XC("data")));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("key"), XC(key)));
    XW(xmlTextWriterWriteString(wr->x.w, XC(text)));
    XW(xmlTextWriterEndElement(wr->x.w));
done:
    return error;
}

/* <data> with `value` scrubbed; nothing when value is NULL */
static int write_data(writer *wr, const char *key, const char *value)
{
    int error = KGEX_OK;

    if (!value)
        goto done;
    CHECK(kgex__escape_buf_reset(&wr->x.buf));
    CHECK(kgex__escape_text(&wr->x.buf, value));
    CHECK(write_data_raw(wr, key, wr->x.buf.ptr));
done:
    return error;
}

static int write_provenance(writer *wr, const char *key, const kgex_provenance *prov,
                            size_t prov_len)
{
    int error = KGEX_OK;

    if (prov_len == 0)
        goto done;
    CHECK(kgex__escape_buf_reset(&wr->x.buf));
    CHECK(kgex__escape_provenance_list(&wr->x.buf, prov, prov_len));
    CHECK(write_data_raw(wr, key, wr->x.buf.ptr));
done:
    return error;
}

static int write_key(writer *wr, const key_def *k)
{
    int error = KGEX_OK;

    XW(xmlTextWriterStartElement(wr->x.w, XC("key")));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("id"), XC(k->id)));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("for"), XC(k->domain)));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("attr.name"), XC(k->name)));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("attr.type"), XC(k->type)));
    XW(xmlTextWriterEndElement(wr->x.w));
done:
    return error;
}

static int write_keys(writer *wr)
{
    size_t i;
    int error = KGEX_OK;

    XW(xmlTextWriterWriteComment(
        wr->x.w, XC(" key ids are attr.name, except edge keys whose attr.name a node key also "
                    "has (label, role, cameo, date, provenance): key ids must be unique, so "
                    "those are edge_label, edge_role, ... Read keys by attr.name. ")));
    for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
        CHECK(write_key(wr, &keys[i]));
    for (i = 0; wr->x.metrics && i < sizeof(metric_keys) / sizeof(metric_keys[0]); i++)
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
    int error = KGEX_OK;

    XW(xmlTextWriterStartElement(wr->x.w, XC("node")));
    CHECK(kgex__escape_buf_reset(&wr->x.buf));
    CHECK(kgex__escape_nmtoken(&wr->x.buf, n->id));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("id"), XC(wr->x.buf.ptr)));
    if (wr->flavor == KGEX_GRAPHML_TOOLS &&
        (unsigned)n->kind < sizeof(apoc_labels) / sizeof(apoc_labels[0]))
        XW(xmlTextWriterWriteAttribute(wr->x.w, XC("labels"), XC(apoc_labels[n->kind])));
    CHECK(write_data(wr, "canonical_id", n->id));
    CHECK(write_data(wr, "label", n->label));
    CHECK(write_data_raw(wr, "kind", kgex_kind_name(n->kind)));
    if ((unsigned)n->kind < sizeof(apoc_labels) / sizeof(apoc_labels[0]))
        CHECK(write_data_raw(wr, "labels", apoc_labels[n->kind]));
    if (n->aliases_len > 0) {
        CHECK(kgex__escape_buf_reset(&wr->x.buf));
        CHECK(kgex__escape_join(&wr->x.buf, n->aliases, n->aliases_len, "|"));
        CHECK(write_data_raw(wr, "aliases", wr->x.buf.ptr));
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
    if (wr->x.metrics)
        CHECK(write_metrics(wr, &n->metrics));
    XW(xmlTextWriterEndElement(wr->x.w));
done:
    return error;
}

static int write_edge(writer *wr, size_t number, const kgex_edge *e)
{
    const char *relation = kgex_relation_name(e->relation);
    char num[48];
    int error = KGEX_OK;

    XW(xmlTextWriterStartElement(wr->x.w, XC("edge")));
    snprintf(num, sizeof(num), "e%zu", number);
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("id"), XC(num)));
    CHECK(kgex__escape_buf_reset(&wr->x.buf));
    CHECK(kgex__escape_nmtoken(&wr->x.buf, kgex_graph_node(wr->x.graph, e->source)->id));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("source"), XC(wr->x.buf.ptr)));
    CHECK(kgex__escape_buf_reset(&wr->x.buf));
    CHECK(kgex__escape_nmtoken(&wr->x.buf, kgex_graph_node(wr->x.graph, e->target)->id));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("target"), XC(wr->x.buf.ptr)));
    if (wr->flavor == KGEX_GRAPHML_TOOLS)
        XW(xmlTextWriterWriteAttribute(wr->x.w, XC("label"), XC(relation)));
    CHECK(write_data_raw(wr, "relation", relation));
    CHECK(write_data_raw(wr, "edge_label", relation));
    snprintf(num, sizeof(num), "%zu", e->weight);
    CHECK(write_data_raw(wr, "weight", num));
    CHECK(write_data(wr, "edge_role", e->role));
    CHECK(write_data(wr, "edge_cameo", e->cameo));
    CHECK(write_data(wr, "edge_date", e->date));
    CHECK(write_provenance(wr, "edge_provenance", e->prov, e->prov_len));
    XW(xmlTextWriterEndElement(wr->x.w));
done:
    return error;
}

static int write_document(writer *wr)
{
    size_t *node_order = NULL;
    size_t *edge_order = NULL;
    size_t i, n;
    int error = KGEX_OK;

    CHECK(kgex__xmlout_orders(&wr->x, &node_order, &edge_order));
    XW(xmlTextWriterStartDocument(wr->x.w, NULL, "UTF-8", NULL));
    XW(xmlTextWriterStartElement(wr->x.w, XC("graphml")));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("xmlns"), XC(GRAPHML_NS)));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("xmlns:xsi"), XC(XSI_NS)));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("xsi:schemaLocation"), XC(GRAPHML_SCHEMA)));
    CHECK(write_keys(wr));
    XW(xmlTextWriterStartElement(wr->x.w, XC("graph")));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("id"), XC("G")));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("edgedefault"), XC("directed")));
    n = kgex_graph_node_count(wr->x.graph);
    for (i = 0; i < n; i++)
        CHECK(write_node(wr, kgex_graph_node(wr->x.graph, node_order[i])));
    n = kgex_graph_edge_count(wr->x.graph);
    for (i = 0; i < n; i++)
        CHECK(write_edge(wr, i, kgex_graph_edge(wr->x.graph, edge_order[i])));
    XW(xmlTextWriterEndDocument(wr->x.w)); /* closes graph and graphml */
    XW(xmlTextWriterFlush(wr->x.w));
done:
    kgex__free(node_order);
    kgex__free(edge_order);
    return error;
}

int kgex__graphml_write(const kgex_graph *graph, FILE *fp, const char *path, const void *payload,
                        kgex_error *err)
{
    const kgex_export_options *opts = payload;
    writer wr;
    int error;
    int saved = 0;

    wr.flavor = opts->graphml_flavor;
    error = kgex__xmlout_open(&wr.x, graph, fp);
    if (error == KGEX_OK)
        error = write_document(&wr);
    error = kgex__xmlout_close(&wr.x, fp, error, &saved);
    return kgex__write_error(err, error, path, saved, "graphml", "xml writer error");
}
