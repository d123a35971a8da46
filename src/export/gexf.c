/*
 * gexf.c - the GEXF 1.3 writer (include/kgex/export.h), with libxml2's
 * xmlTextWriter, for Gephi (and graphology, Gephi Lite's library).
 *
 * What a file holds, valid against the GEXF 1.3 RELAX NG grammar
 * (gexf.rng; the XSD generated from it rejects the viz elements):
 *   - <graph defaultedgetype="directed" mode="dynamic" timeformat="date">:
 *     each node and edge starts (start="YYYY-MM-DD", no end: a fact stays
 *     once it was reported) at its earliest mention, dated by the date its
 *     sentence gives or else by its document's date (the publication date
 *     or the dateline), so Gephi's timeline plays statements, memberships
 *     and attacks in order; only what no date reaches is always there.
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
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common.h"
#include "export/atomic.h"
#include "export/escape.h"
#include "export/number.h"
#include "export/palette.h"
#include "export/xmlout.h"
#include "graph/date.h"
#include "kgex/export.h"

#define GEXF13_NS         "http://gexf.net/1.3"
#define VIZ13_NS          "http://gexf.net/1.3/viz"
#define GEXF12_NS         "http://www.gexf.net/1.2draft"
#define VIZ12_NS          "http://www.gexf.net/1.2draft/viz"
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
    kgex__xmlout x;
    double max_pagerank;
} writer;

/* <attvalue for="ID" value="VALUE"/>, VALUE scrubbed; nothing for NULL */
static int write_attvalue(writer *wr, const char *id, const char *value)
{
    int error = KGEX_OK;

    if (!value)
        goto done;
    XW(xmlTextWriterStartElement(wr->x.w, XC("attvalue")));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("for"), XC(id)));
    CHECK(kgex__xmlout_attr(&wr->x, "value", value));
    XW(xmlTextWriterEndElement(wr->x.w));
done:
    return error;
}

static int write_provenance(writer *wr, const kgex_provenance *prov, size_t prov_len)
{
    kgex__escape_buf text = {0};
    int error = KGEX_OK;

    if (prov_len == 0)
        goto done;
    CHECK(kgex__escape_provenance_list(&text, prov, prov_len));
    CHECK(write_attvalue(wr, "provenance", text.ptr));
done:
    kgex__escape_buf_free(&text);
    return error;
}

/* When an element appears on the timeline: the earliest start
 * (date.h) of its mentions, each dated by its sentence or, where the text
 * gives no date, by its document's date; without any, by `fallback` (the
 * element's own date). 0 when nothing gives a time. */
static int element_start(const writer *wr, char out[11], const kgex_provenance *prov,
                         size_t prov_len, const char *fallback)
{
    char start[11];
    size_t i;
    int found = 0;

    for (i = 0; i < prov_len; i++) {
        const char *date = prov[i].date;

        if (!date || !kgex__date_start(start, date))
            date = kgex_graph_document_date(wr->x.graph, prov[i].doc);
        if (date && kgex__date_start(start, date) && (!found || strcmp(start, out) < 0)) {
            memcpy(out, start, 11);
            found = 1;
        }
    }
    if (!found && fallback && kgex__date_start(out, fallback))
        found = 1;
    return found;
}

static int write_attributes(writer *wr, const char *klass, const attr_def *defs, size_t len,
                            const attr_def *more, size_t more_len)
{
    size_t i;
    int error = KGEX_OK;

    XW(xmlTextWriterStartElement(wr->x.w, XC("attributes")));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("class"), XC(klass)));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("mode"), XC("static")));
    for (i = 0; i < len + more_len; i++) {
        const attr_def *d = i < len ? &defs[i] : &more[i - len];

        XW(xmlTextWriterStartElement(wr->x.w, XC("attribute")));
        XW(xmlTextWriterWriteAttribute(wr->x.w, XC("id"), XC(d->id)));
        XW(xmlTextWriterWriteAttribute(wr->x.w, XC("title"), XC(d->id)));
        XW(xmlTextWriterWriteAttribute(wr->x.w, XC("type"), XC(d->type)));
        XW(xmlTextWriterEndElement(wr->x.w));
    }
    XW(xmlTextWriterEndElement(wr->x.w));
done:
    return error;
}

static int write_color(writer *wr, const kgex__rgb *c)
{
    int error = KGEX_OK;

    XW(xmlTextWriterStartElementNS(wr->x.w, XC("viz"), XC("color"), NULL));
    XW(xmlTextWriterWriteFormatAttribute(wr->x.w, XC("r"), "%u", (unsigned)c->r));
    XW(xmlTextWriterWriteFormatAttribute(wr->x.w, XC("g"), "%u", (unsigned)c->g));
    XW(xmlTextWriterWriteFormatAttribute(wr->x.w, XC("b"), "%u", (unsigned)c->b));
    XW(xmlTextWriterEndElement(wr->x.w));
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
    int error = KGEX_OK;

    XW(xmlTextWriterStartElement(wr->x.w, XC("node")));
    CHECK(kgex__xmlout_attr(&wr->x, "id", n->id));
    CHECK(kgex__xmlout_attr(&wr->x, "label", n->label));
    if (element_start(wr, date, n->prov, n->prov_len, n->date))
        XW(xmlTextWriterWriteAttribute(wr->x.w, XC("start"), XC(date)));
    XW(xmlTextWriterStartElement(wr->x.w, XC("attvalues")));
    CHECK(write_attvalue(wr, "kind", kgex_kind_name(n->kind)));
    CHECK(write_attvalue(wr, "canonical_id", n->id));
    if (n->aliases_len > 0) {
        CHECK(kgex__escape_join(&aliases, n->aliases, n->aliases_len, "|"));
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
    if (wr->x.metrics)
        CHECK(write_metric_values(wr, &n->metrics));
    XW(xmlTextWriterEndElement(wr->x.w)); /* attvalues */

    CHECK(write_color(wr, kgex__kind_color(n->kind)));
    if (wr->x.metrics) {
        if (wr->max_pagerank > 0)
            size = NODE_SIZE_MIN +
                   (NODE_SIZE_MAX - NODE_SIZE_MIN) * sqrt(n->metrics.pagerank / wr->max_pagerank);
        XW(xmlTextWriterStartElementNS(wr->x.w, XC("viz"), XC("position"), NULL));
        XW(xmlTextWriterWriteFormatAttribute(wr->x.w, XC("x"), "%.3f",
                                             n->metrics.x * POSITION_SPAN));
        /* the layout's y grows downwards, as in the SVG; Gephi's upwards */
        XW(xmlTextWriterWriteFormatAttribute(wr->x.w, XC("y"), "%.3f",
                                             -n->metrics.y * POSITION_SPAN + 0.0));
        XW(xmlTextWriterWriteAttribute(wr->x.w, XC("z"), XC("0.0")));
        XW(xmlTextWriterEndElement(wr->x.w));
    }
    XW(xmlTextWriterStartElementNS(wr->x.w, XC("viz"), XC("size"), NULL));
    XW(xmlTextWriterWriteFormatAttribute(wr->x.w, XC("value"), "%.3f", size));
    XW(xmlTextWriterEndElement(wr->x.w));
    XW(xmlTextWriterEndElement(wr->x.w)); /* node */
done:
    kgex__escape_buf_free(&aliases);
    return error;
}

static int write_edge(writer *wr, size_t number, const kgex_edge *e)
{
    const char *relation = kgex_relation_name(e->relation);
    char num[48], date[11];
    int error = KGEX_OK;

    XW(xmlTextWriterStartElement(wr->x.w, XC("edge")));
    snprintf(num, sizeof(num), "%zu", number);
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("id"), XC(num)));
    CHECK(kgex__xmlout_attr(&wr->x, "source", kgex_graph_node(wr->x.graph, e->source)->id));
    CHECK(kgex__xmlout_attr(&wr->x, "target", kgex_graph_node(wr->x.graph, e->target)->id));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("kind"), XC(relation)));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("label"), XC(relation)));
    snprintf(num, sizeof(num), "%zu.0", e->weight);
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("weight"), XC(num)));
    if (element_start(wr, date, e->prov, e->prov_len, e->date))
        XW(xmlTextWriterWriteAttribute(wr->x.w, XC("start"), XC(date)));
    XW(xmlTextWriterStartElement(wr->x.w, XC("attvalues")));
    CHECK(write_attvalue(wr, "relation", relation));
    CHECK(write_attvalue(wr, "role", e->role));
    CHECK(write_attvalue(wr, "cameo", e->cameo));
    CHECK(write_attvalue(wr, "date", e->date));
    CHECK(write_provenance(wr, e->prov, e->prov_len));
    XW(xmlTextWriterEndElement(wr->x.w)); /* attvalues */
    CHECK(write_color(wr, kgex__relation_color(e->relation)));
    XW(xmlTextWriterEndElement(wr->x.w)); /* edge */
done:
    return error;
}

static int write_document(writer *wr, kgex_gexf_version version)
{
    int v12 = version == KGEX_GEXF_1_2;
    size_t *node_order = NULL;
    size_t *edge_order = NULL;
    size_t i, n;
    char num[32];
    int error = KGEX_OK;

    CHECK(kgex__xmlout_orders(&wr->x, &node_order, &edge_order));
    XW(xmlTextWriterStartDocument(wr->x.w, NULL, "UTF-8", NULL));
    XW(xmlTextWriterStartElement(wr->x.w, XC("gexf")));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("xmlns"), XC(v12 ? GEXF12_NS : GEXF13_NS)));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("xmlns:viz"), XC(v12 ? VIZ12_NS : VIZ13_NS)));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("version"), XC(v12 ? "1.2" : "1.3")));
    XW(xmlTextWriterStartElement(wr->x.w, XC("meta")));
    XW(xmlTextWriterWriteElement(wr->x.w, XC("creator"), XC("kgex " KGEX_VERSION)));
    XW(xmlTextWriterWriteElement(
        wr->x.w, XC("description"),
        XC("knowledge graph of states, organizations, officials and events read from news text")));
    XW(xmlTextWriterEndElement(wr->x.w)); /* meta */
    XW(xmlTextWriterStartElement(wr->x.w, XC("graph")));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("defaultedgetype"), XC("directed")));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("mode"), XC("dynamic")));
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("timeformat"), XC("date")));
    CHECK(write_attributes(wr, "node", node_attrs, sizeof(node_attrs) / sizeof(node_attrs[0]),
                           metric_attrs,
                           wr->x.metrics ? sizeof(metric_attrs) / sizeof(metric_attrs[0]) : 0));
    CHECK(write_attributes(wr, "edge", edge_attrs, sizeof(edge_attrs) / sizeof(edge_attrs[0]), NULL,
                           0));
    n = kgex_graph_node_count(wr->x.graph);
    XW(xmlTextWriterStartElement(wr->x.w, XC("nodes")));
    snprintf(num, sizeof(num), "%zu", n);
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("count"), XC(num)));
    for (i = 0; i < n; i++)
        CHECK(write_node(wr, kgex_graph_node(wr->x.graph, node_order[i])));
    XW(xmlTextWriterEndElement(wr->x.w));
    n = kgex_graph_edge_count(wr->x.graph);
    XW(xmlTextWriterStartElement(wr->x.w, XC("edges")));
    snprintf(num, sizeof(num), "%zu", n);
    XW(xmlTextWriterWriteAttribute(wr->x.w, XC("count"), XC(num)));
    for (i = 0; i < n; i++)
        CHECK(write_edge(wr, i, kgex_graph_edge(wr->x.graph, edge_order[i])));
    XW(xmlTextWriterEndDocument(wr->x.w)); /* closes edges, graph and gexf */
    XW(xmlTextWriterFlush(wr->x.w));
done:
    kgex__free(node_order);
    kgex__free(edge_order);
    return error;
}

int kgex__gexf_write(const kgex_graph *graph, FILE *fp, const char *path, const void *payload,
                     kgex_error *err)
{
    const kgex_export_options *opts = payload;
    writer wr;
    size_t i;
    int error;
    int saved = 0;

    wr.max_pagerank = 0;
    error = kgex__xmlout_open(&wr.x, graph, fp);
    for (i = 0; wr.x.metrics && i < kgex_graph_node_count(graph); i++)
        wr.max_pagerank = fmax(wr.max_pagerank, kgex_graph_node(graph, i)->metrics.pagerank);
    if (error == KGEX_OK)
        error = write_document(&wr, opts->gexf_version);
    error = kgex__xmlout_close(&wr.x, fp, error, &saved);
    return kgex__write_error(err, error, path, saved, "gexf", "xml writer error");
}
