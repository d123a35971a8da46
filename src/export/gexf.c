/*
 * gexf.c - the GEXF 1.3 writer (include/kgex/export.h), with libxml2's
 * xmlTextWriter, for Gephi (and graphology, Gephi Lite's library).
 *
 * What a file holds, valid against the GEXF 1.3 RELAX NG grammar
 * (gexf.rng; the XSD generated from it rejects the viz elements):
 *   - <graph defaultedgetype="directed" mode="dynamic" timeformat="date">:
 *     nodes and edges that carry a date start at it (start="YYYY-MM-DD",
 *     no end: an event stays once it happened), so Gephi's timeline plays
 *     the events in order; everything without a date is always there.
 *     A date of a month ("2024-03") or a year starts at its first day; a
 *     date without a year gives no time;
 *   - node ids are the canonical ids, labels the display names; node
 *     attributes kind, canonical_id, aliases ("|"-separated), mentions,
 *     iso3, wikidata, role, quote, date, cameo, provenance and, when the
 *     graph has been analyzed (analytics.h), the measures;
 *   - viz:color by kind, viz:size by PageRank and viz:position from the
 *     igraph layout (analyzed graphs only; otherwise every size is 10 and
 *     Gephi places the nodes);
 *   - edge kind = the relation (Gephi keeps edges of different kinds
 *     between the same two nodes apart), label = the relation, weight =
 *     mentions, viz:color by relation, attributes relation, role, cameo,
 *     date, provenance;
 *   - nodes in kgex_graph_node_order() order, edges in
 *     kgex_graph_edge_order() order numbered 0, 1, ...;
 *   - text is scrubbed of what XML 1.0 forbids (escape.h).
 * Like the GraphML writer, libxml2's error handlers are silenced while we
 * write, and restored.
 */
#include <errno.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common.h"
#include "export/atomic.h"
#include "export/escape.h"
#include "export/xmlout.h"
#include "export/number.h"
#include "export/palette.h"
#include "kgex/analytics.h"
#include "kgex/export.h"

#define GEXF_NS           "http://gexf.net/1.3"
#define VIZ_NS            "http://gexf.net/1.3/viz"
#define POSITION_SPAN     1000.0 /* layout [-1, 1] -> [-1000, 1000] */
#define NODE_SIZE_MIN     5.0
#define NODE_SIZE_MAX     50.0
#define NODE_SIZE_DEFAULT 10.0

typedef struct attr_def {
    const char *id;
    const char *type;
} attr_def;

static const attr_def node_attrs[] = {
    {"kind", "string"},      {"canonical_id", "string"}, {"aliases", "string"},
    {"mentions", "integer"}, {"iso3", "string"},         {"wikidata", "string"},
    {"role", "string"},      {"quote", "string"},        {"date", "string"},
    {"cameo", "string"},     {"provenance", "string"},
};
static const attr_def metric_attrs[] = {
    {"in_degree", "integer"}, {"out_degree", "integer"}, {"weighted_degree", "double"},
    {"pagerank", "double"},   {"betweenness", "double"}, {"community", "integer"},
    {"component", "integer"},
};
static const attr_def edge_attrs[] = {
    {"relation", "string"}, {"role", "string"},       {"cameo", "string"},
    {"date", "string"},     {"provenance", "string"},
};

typedef struct writer {
    xmlTextWriterPtr w;
    kgex__escape_buf buf;
    const kgex_graph *graph;
    int metrics;
    double max_pagerank;
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

/* Attribute `name` = `value` scrubbed (nothing when value is NULL). */
static int write_attr(writer *wr, const char *name, const char *value)
{
    int error = KGEX_OK;

    if (!value)
        goto done;
    CHECK(kgex__escape_buf_reset(&wr->buf));
    CHECK(kgex__escape_text(&wr->buf, value));
    XW(xmlTextWriterWriteAttribute(wr->w, XC(name), XC(wr->buf.ptr)));
done:
    return error;
}

/* <attvalue for="ID" value="VALUE"/>, VALUE scrubbed; nothing for NULL */
static int write_attvalue(writer *wr, const char *id, const char *value)
{
    int error = KGEX_OK;

    if (!value)
        goto done;
    XW(xmlTextWriterStartElement(wr->w, XC("attvalue")));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("for"), XC(id)));
    CHECK(write_attr(wr, "value", value));
    XW(xmlTextWriterEndElement(wr->w));
done:
    return error;
}

static int write_provenance(writer *wr, const kgex_provenance *prov, size_t prov_len)
{
    kgex__escape_buf text = {0};
    size_t i;
    int error = KGEX_OK;

    if (prov_len == 0)
        goto done;
    CHECK(kgex__escape_buf_reset(&text));
    for (i = 0; i < prov_len; i++) {
        if (i > 0)
            CHECK(kgex__escape_buf_put(&text, " ", 1));
        CHECK(kgex__escape_provenance(&text, &prov[i]));
    }
    CHECK(write_attvalue(wr, "provenance", text.ptr));
done:
    kgex__escape_buf_free(&text);
    return error;
}

static int is_digits(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
    }
    return 1;
}

/* The xsd:date a kgex date starts at: "YYYY-MM-DD" as it is, "YYYY-MM" and
 * "YYYY" at their first day; 0 (no time) for anything else. */
static int start_date(char out[11], const char *date)
{
    size_t len;

    if (!date)
        return 0;
    len = strlen(date);
    if (len == 10 && is_digits(date, 4) && date[4] == '-' && is_digits(date + 5, 2) &&
        date[7] == '-' && is_digits(date + 8, 2)) {
        memcpy(out, date, 11);
    } else if (len == 7 && is_digits(date, 4) && date[4] == '-' && is_digits(date + 5, 2)) {
        snprintf(out, 11, "%.7s-01", date);
    } else if (len == 4 && is_digits(date, 4)) {
        snprintf(out, 11, "%.4s-01-01", date);
    } else {
        return 0;
    }
    /* month 01-12 and day 01-31, or xsd:date rejects it */
    if (out[5] > '1' || (out[5] == '1' && out[6] > '2') || (out[5] == '0' && out[6] == '0') ||
        out[8] > '3' || (out[8] == '3' && out[9] > '1') || (out[8] == '0' && out[9] == '0'))
        return 0;
    return 1;
}

static int write_attributes(writer *wr, const char *klass, const attr_def *defs, size_t len,
                            const attr_def *more, size_t more_len)
{
    size_t i;
    int error = KGEX_OK;

    XW(xmlTextWriterStartElement(wr->w, XC("attributes")));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("class"), XC(klass)));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("mode"), XC("static")));
    for (i = 0; i < len + more_len; i++) {
        const attr_def *d = i < len ? &defs[i] : &more[i - len];

        XW(xmlTextWriterStartElement(wr->w, XC("attribute")));
        XW(xmlTextWriterWriteAttribute(wr->w, XC("id"), XC(d->id)));
        XW(xmlTextWriterWriteAttribute(wr->w, XC("title"), XC(d->id)));
        XW(xmlTextWriterWriteAttribute(wr->w, XC("type"), XC(d->type)));
        XW(xmlTextWriterEndElement(wr->w));
    }
    XW(xmlTextWriterEndElement(wr->w));
done:
    return error;
}

static int write_color(writer *wr, const kgex__rgb *c)
{
    int error = KGEX_OK;

    XW(xmlTextWriterStartElementNS(wr->w, XC("viz"), XC("color"), NULL));
    XW(xmlTextWriterWriteFormatAttribute(wr->w, XC("r"), "%u", (unsigned)c->r));
    XW(xmlTextWriterWriteFormatAttribute(wr->w, XC("g"), "%u", (unsigned)c->g));
    XW(xmlTextWriterWriteFormatAttribute(wr->w, XC("b"), "%u", (unsigned)c->b));
    XW(xmlTextWriterEndElement(wr->w));
done:
    return error;
}

static int write_metric_values(writer *wr, const kgex_metrics *m)
{
    char values[KGEX__METRIC_COUNT][32];
    size_t k;
    int error = KGEX_OK;

    kgex__metrics_format(m, values);
    for (k = 0; k < KGEX__METRIC_COUNT; k++)
        CHECK(write_attvalue(wr, kgex__metric_names[k], values[k]));
done:
    return error;
}

static int write_node(writer *wr, const kgex_node *n)
{
    kgex__escape_buf aliases = {0};
    char num[64], date[11];
    double size = NODE_SIZE_DEFAULT;
    size_t i;
    int error = KGEX_OK;

    XW(xmlTextWriterStartElement(wr->w, XC("node")));
    CHECK(write_attr(wr, "id", n->id));
    CHECK(write_attr(wr, "label", n->label));
    if (start_date(date, n->date))
        XW(xmlTextWriterWriteAttribute(wr->w, XC("start"), XC(date)));
    XW(xmlTextWriterStartElement(wr->w, XC("attvalues")));
    CHECK(write_attvalue(wr, "kind", kgex_kind_name(n->kind)));
    CHECK(write_attvalue(wr, "canonical_id", n->id));
    if (n->aliases_len > 0) {
        CHECK(kgex__escape_buf_reset(&aliases));
        for (i = 0; i < n->aliases_len; i++) {
            if (i > 0)
                CHECK(kgex__escape_buf_put(&aliases, "|", 1));
            CHECK(kgex__escape_buf_puts(&aliases, n->aliases[i]));
        }
        CHECK(write_attvalue(wr, "aliases", aliases.ptr));
    }
    snprintf(num, sizeof(num), "%zu", n->mentions);
    CHECK(write_attvalue(wr, "mentions", num));
    CHECK(write_attvalue(wr, "iso3", n->iso3));
    CHECK(write_attvalue(wr, "wikidata", n->wikidata));
    CHECK(write_attvalue(wr, "role", n->role));
    CHECK(write_attvalue(wr, "quote", n->quote));
    CHECK(write_attvalue(wr, "date", n->date));
    CHECK(write_attvalue(wr, "cameo", n->cameo));
    CHECK(write_provenance(wr, n->prov, n->prov_len));
    if (wr->metrics)
        CHECK(write_metric_values(wr, &n->metrics));
    XW(xmlTextWriterEndElement(wr->w)); /* attvalues */

    CHECK(write_color(wr, kgex__kind_color(n->kind)));
    if (wr->metrics) {
        if (wr->max_pagerank > 0)
            size = NODE_SIZE_MIN +
                   (NODE_SIZE_MAX - NODE_SIZE_MIN) * sqrt(n->metrics.pagerank / wr->max_pagerank);
        XW(xmlTextWriterStartElementNS(wr->w, XC("viz"), XC("position"), NULL));
        XW(xmlTextWriterWriteFormatAttribute(wr->w, XC("x"), "%.3f", n->metrics.x * POSITION_SPAN));
        XW(xmlTextWriterWriteFormatAttribute(wr->w, XC("y"), "%.3f", n->metrics.y * POSITION_SPAN));
        XW(xmlTextWriterWriteAttribute(wr->w, XC("z"), XC("0.0")));
        XW(xmlTextWriterEndElement(wr->w));
    }
    XW(xmlTextWriterStartElementNS(wr->w, XC("viz"), XC("size"), NULL));
    XW(xmlTextWriterWriteFormatAttribute(wr->w, XC("value"), "%.3f", size));
    XW(xmlTextWriterEndElement(wr->w));
    XW(xmlTextWriterEndElement(wr->w)); /* node */
done:
    kgex__escape_buf_free(&aliases);
    return error;
}

static int write_edge(writer *wr, size_t number, const kgex_edge *e)
{
    const char *relation = kgex_relation_name(e->relation);
    char num[48], date[11];
    int error = KGEX_OK;

    XW(xmlTextWriterStartElement(wr->w, XC("edge")));
    snprintf(num, sizeof(num), "%zu", number);
    XW(xmlTextWriterWriteAttribute(wr->w, XC("id"), XC(num)));
    CHECK(write_attr(wr, "source", kgex_graph_node(wr->graph, e->source)->id));
    CHECK(write_attr(wr, "target", kgex_graph_node(wr->graph, e->target)->id));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("kind"), XC(relation)));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("label"), XC(relation)));
    snprintf(num, sizeof(num), "%zu.0", e->weight);
    XW(xmlTextWriterWriteAttribute(wr->w, XC("weight"), XC(num)));
    if (start_date(date, e->date))
        XW(xmlTextWriterWriteAttribute(wr->w, XC("start"), XC(date)));
    XW(xmlTextWriterStartElement(wr->w, XC("attvalues")));
    CHECK(write_attvalue(wr, "relation", relation));
    CHECK(write_attvalue(wr, "role", e->role));
    CHECK(write_attvalue(wr, "cameo", e->cameo));
    CHECK(write_attvalue(wr, "date", e->date));
    if (e->prov_len > 0) {
        kgex__escape_buf text = {0};
        size_t i;

        error = kgex__escape_buf_reset(&text);
        for (i = 0; error == KGEX_OK && i < e->prov_len; i++) {
            if (i > 0)
                error = kgex__escape_buf_put(&text, " ", 1);
            if (error == KGEX_OK)
                error = kgex__escape_provenance(&text, &e->prov[i]);
        }
        if (error == KGEX_OK)
            error = write_attvalue(wr, "provenance", text.ptr);
        kgex__escape_buf_free(&text);
        if (error < 0)
            goto done;
    }
    XW(xmlTextWriterEndElement(wr->w)); /* attvalues */
    CHECK(write_color(wr, kgex__relation_color(e->relation)));
    XW(xmlTextWriterEndElement(wr->w)); /* edge */
done:
    return error;
}

static int write_document(writer *wr)
{
    size_t *node_order = NULL;
    size_t *edge_order = NULL;
    size_t i, n;
    char num[32];
    int error = KGEX_OK;

    CHECK(kgex_graph_node_order(wr->graph, &node_order));
    CHECK(kgex_graph_edge_order(wr->graph, &edge_order));
    XW(xmlTextWriterSetIndent(wr->w, 1));
    XW(xmlTextWriterSetIndentString(wr->w, XC("  ")));
    XW(xmlTextWriterStartDocument(wr->w, NULL, "UTF-8", NULL));
    XW(xmlTextWriterStartElement(wr->w, XC("gexf")));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("xmlns"), XC(GEXF_NS)));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("xmlns:viz"), XC(VIZ_NS)));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("version"), XC("1.3")));
    XW(xmlTextWriterStartElement(wr->w, XC("meta")));
    XW(xmlTextWriterWriteElement(wr->w, XC("creator"), XC("kgex " KGEX_VERSION)));
    XW(xmlTextWriterWriteElement(
        wr->w, XC("description"),
        XC("knowledge graph of states, organizations, officials and events read from news text")));
    XW(xmlTextWriterEndElement(wr->w)); /* meta */
    XW(xmlTextWriterStartElement(wr->w, XC("graph")));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("defaultedgetype"), XC("directed")));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("mode"), XC("dynamic")));
    XW(xmlTextWriterWriteAttribute(wr->w, XC("timeformat"), XC("date")));
    CHECK(write_attributes(wr, "node", node_attrs, sizeof(node_attrs) / sizeof(node_attrs[0]),
                           metric_attrs,
                           wr->metrics ? sizeof(metric_attrs) / sizeof(metric_attrs[0]) : 0));
    CHECK(write_attributes(wr, "edge", edge_attrs, sizeof(edge_attrs) / sizeof(edge_attrs[0]), NULL,
                           0));
    n = kgex_graph_node_count(wr->graph);
    XW(xmlTextWriterStartElement(wr->w, XC("nodes")));
    snprintf(num, sizeof(num), "%zu", n);
    XW(xmlTextWriterWriteAttribute(wr->w, XC("count"), XC(num)));
    for (i = 0; i < n; i++)
        CHECK(write_node(wr, kgex_graph_node(wr->graph, node_order[i])));
    XW(xmlTextWriterEndElement(wr->w));
    n = kgex_graph_edge_count(wr->graph);
    XW(xmlTextWriterStartElement(wr->w, XC("edges")));
    snprintf(num, sizeof(num), "%zu", n);
    XW(xmlTextWriterWriteAttribute(wr->w, XC("count"), XC(num)));
    for (i = 0; i < n; i++)
        CHECK(write_edge(wr, i, kgex_graph_edge(wr->graph, edge_order[i])));
    XW(xmlTextWriterEndDocument(wr->w)); /* closes edges, graph and gexf */
    XW(xmlTextWriterFlush(wr->w));
done:
    kgex__free(node_order);
    kgex__free(edge_order);
    return error;
}

/* Write to fp; `path` names the file in messages (NULL: a caller's stream). */
static int gexf_write(const kgex_graph *graph, FILE *fp, const char *path, const void *payload,
                      kgex_error *err)
{
    kgex__xmlout xo;
    writer wr = {0};
    size_t i;
    int error = KGEX_OK;
    int saved = 0;

    (void)payload;

    wr.graph = graph;
    wr.metrics = kgex_graph_has_metrics(graph);
    for (i = 0; wr.metrics && i < kgex_graph_node_count(graph); i++)
        wr.max_pagerank = fmax(wr.max_pagerank, kgex_graph_node(graph, i)->metrics.pagerank);
    error = kgex__xmlout_open(&xo, fp);
    wr.w = xo.w;
    if (error == KGEX_OK)
        error = write_document(&wr);
    error = kgex__xmlout_close(&xo, fp, error, &saved);
    kgex__escape_buf_free(&wr.buf);

    return kgex__write_error(err, error, path, saved, "gexf", "xml writer error");
}

int kgex_gexf_write(const kgex_graph *graph, FILE *fp, kgex_error *err)
{
    KGEX_ASSERT_ARG(graph, err);
    KGEX_ASSERT_ARG(fp, err);
    return gexf_write(graph, fp, NULL, NULL, err);
}

int kgex_gexf_write_file(const kgex_graph *graph, const char *path, kgex_error *err)
{
    return kgex__atomic_write(graph, path, gexf_write, NULL, err);
}
