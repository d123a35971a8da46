/*
 * jsonld.c - the JSON-LD 1.1 writer (include/kgex/export.h), with jansson.
 *
 * One document {"@context": {...}, "@graph": [...]}. The context is inline
 * and is the same as schemas/context.jsonld (a unit test compares them);
 * every term maps to an absolute IRI, so JSON-LD processors drop nothing.
 * The graph holds, in kgex_graph_node_order() order, one object per node:
 *   "@id" https://w3id.org/kgex/id/<canonical id, percent-encoded>,
 *   "@type" by kind (a state is a schema:Country, a Place, and a
 *   schema:GovernmentOrganization, an actor), name, alternateName, kind,
 *   iso3, sameAs (Wikidata), mentions, jobTitle/worksFor for officials,
 *   text/startDate for events, provenance, and the relations as direct
 *   links (memberOf, officialOf, attacked, appealedTo, stated, about);
 * then, in kgex_graph_edge_order() order, one kgex:Relation object per edge,
 * "@id" https://w3id.org/kgex/id/relation/<n>, with source, target,
 * relation, weight, role/cameo/date and provenance, so that weights and
 * provenance survive in RDF. When the graph has been analyzed
 * (analytics.h), node objects also carry inDegree, outDegree,
 * weightedDegree, pagerank, betweenness, community and component. Strings are scrubbed (escape.h)
 * first: jansson accepts only valid UTF-8, and both writers then carry the same text.
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "export/atomic.h"
#include "export/escape.h"
#include "export/writer.h"
#include "graph/date.h"
#include "kgex/analytics.h"
#include "kgex/export.h"

#define ID_BASE       "https://w3id.org/kgex/id/"
#define WIKIDATA_BASE "http://www.wikidata.org/entity/"
/* 15 significant digits print the context's "@version": 1.1 as 1.1, not
 * 1.1000000000000001; the analytics doubles are printed the same way, which
 * the N-Quads writer relies on (number.h, KGEX__JSON_REAL_DIGITS). */
#define DUMP_FLAGS (JSON_INDENT(2) | JSON_SORT_KEYS | JSON_REAL_PRECISION(15))

/* Keep identical to schemas/context.jsonld. */
static const char context_text[] =
    "{\n"
    "  \"@context\": {\n"
    "    \"@version\": 1.1,\n"
    "    \"schema\": \"https://schema.org/\",\n"
    "    \"kgex\": \"https://w3id.org/kgex/ns#\",\n"
    "    \"wd\": \"http://www.wikidata.org/entity/\",\n"
    "    \"xsd\": \"http://www.w3.org/2001/XMLSchema#\",\n"
    "    \"name\": \"schema:name\",\n"
    "    \"alternateName\": {\"@id\": \"schema:alternateName\", \"@container\": \"@set\"},\n"
    "    \"sameAs\": {\"@id\": \"schema:sameAs\", \"@type\": \"@id\"},\n"
    "    \"jobTitle\": \"schema:jobTitle\",\n"
    "    \"worksFor\": {\"@id\": \"schema:worksFor\", \"@type\": \"@id\", \"@container\": "
    "\"@set\"},\n"
    "    \"text\": \"schema:text\",\n"
    "    \"startDate\": \"schema:startDate\",\n"
    "    \"kind\": \"kgex:kind\",\n"
    "    \"iso3\": \"kgex:iso3\",\n"
    "    \"mentions\": {\"@id\": \"kgex:mentions\", \"@type\": \"xsd:integer\"},\n"
    "    \"memberOf\": {\"@id\": \"schema:memberOf\", \"@type\": \"@id\", \"@container\": "
    "\"@set\"},\n"
    "    \"officialOf\": {\"@id\": \"kgex:officialOf\", \"@type\": \"@id\", \"@container\": "
    "\"@set\"},\n"
    "    \"attacked\": {\"@id\": \"kgex:attacked\", \"@type\": \"@id\", \"@container\": "
    "\"@set\"},\n"
    "    \"appealedTo\": {\"@id\": \"kgex:appealedTo\", \"@type\": \"@id\", \"@container\": "
    "\"@set\"},\n"
    "    \"stated\": {\"@id\": \"kgex:stated\", \"@type\": \"@id\", \"@container\": \"@set\"},\n"
    "    \"about\": {\"@id\": \"schema:about\", \"@type\": \"@id\", \"@container\": \"@set\"},\n"
    "    \"Relation\": \"kgex:Relation\",\n"
    "    \"source\": {\"@id\": \"kgex:source\", \"@type\": \"@id\"},\n"
    "    \"target\": {\"@id\": \"kgex:target\", \"@type\": \"@id\"},\n"
    "    \"relation\": \"kgex:relation\",\n"
    "    \"weight\": {\"@id\": \"kgex:weight\", \"@type\": \"xsd:integer\"},\n"
    "    \"cameo\": \"kgex:cameo\",\n"
    "    \"date\": {\"@id\": \"kgex:date\", \"@container\": \"@set\"},\n"
    "    \"role\": \"kgex:role\",\n"
    "    \"provenance\": {\"@id\": \"kgex:provenance\", \"@container\": \"@set\"},\n"
    "    \"inDegree\": {\"@id\": \"kgex:inDegree\", \"@type\": \"xsd:integer\"},\n"
    "    \"outDegree\": {\"@id\": \"kgex:outDegree\", \"@type\": \"xsd:integer\"},\n"
    "    \"weightedDegree\": {\"@id\": \"kgex:weightedDegree\", \"@type\": \"xsd:double\"},\n"
    "    \"pagerank\": {\"@id\": \"kgex:pagerank\", \"@type\": \"xsd:double\"},\n"
    "    \"betweenness\": {\"@id\": \"kgex:betweenness\", \"@type\": \"xsd:double\"},\n"
    "    \"community\": {\"@id\": \"kgex:community\", \"@type\": \"xsd:integer\"},\n"
    "    \"component\": {\"@id\": \"kgex:component\", \"@type\": \"xsd:integer\"}\n"
    "  }\n"
    "}\n";

/* JSON-LD term of each kgex_relation */
static const char *const relation_terms[] = {"memberOf",   "officialOf", "attacked",
                                             "appealedTo", "stated",     "about"};

typedef struct builder {
    const kgex_graph *graph;
    int metrics; /* add the analytics to the node objects */
    kgex__escape_buf buf;
} builder;

/* obj[key] = value, taking the reference; a NULL value (a failed json_*
 * constructor) is an allocation failure. */
static int set_new(json_t *obj, const char *key, json_t *value)
{
    return json_object_set_new(obj, key, value) == 0 ? KGEX_OK : KGEX_ENOMEM;
}

static int append_new(json_t *array, json_t *value)
{
    return json_array_append_new(array, value) == 0 ? KGEX_OK : KGEX_ENOMEM;
}

/* json string of `s` scrubbed */
static int text_value(builder *b, json_t **out, const char *s)
{
    int error = KGEX_OK;

    *out = NULL;
    CHECK(kgex__escape_buf_reset(&b->buf));
    CHECK(kgex__escape_text(&b->buf, s));
    *out = json_stringn(b->buf.ptr, b->buf.len);
    if (!*out)
        error = KGEX_ENOMEM;
done:
    return error;
}

/* json string of BASE + percent-encoded `s` */
static int iri_value(builder *b, json_t **out, const char *base, const char *s)
{
    int error = KGEX_OK;

    *out = NULL;
    CHECK(kgex__escape_buf_reset(&b->buf));
    CHECK(kgex__escape_buf_puts(&b->buf, base));
    CHECK(kgex__escape_iri(&b->buf, s));
    *out = json_stringn(b->buf.ptr, b->buf.len);
    if (!*out)
        error = KGEX_ENOMEM;
done:
    return error;
}

static int set_text(builder *b, json_t *obj, const char *key, const char *s)
{
    json_t *v = NULL;
    int error = KGEX_OK;

    if (!s)
        return KGEX_OK;
    error = text_value(b, &v, s);
    if (error == KGEX_OK)
        error = set_new(obj, key, v);
    return error;
}

static int set_iri(builder *b, json_t *obj, const char *key, const char *base, const char *s)
{
    json_t *v = NULL;
    int error;

    error = iri_value(b, &v, base, s);
    if (error == KGEX_OK)
        error = set_new(obj, key, v);
    return error;
}

/* Add an IRI to the array obj[key], creating it. */
static int push_iri(builder *b, json_t *obj, const char *key, const char *base, const char *s)
{
    json_t *array = json_object_get(obj, key);
    json_t *v = NULL;
    int error = KGEX_OK;

    if (!array) {
        CHECK(set_new(obj, key, json_array()));
        array = json_object_get(obj, key);
    }
    CHECK(iri_value(b, &v, base, s));
    CHECK(append_new(array, v));
done:
    return error;
}

static int set_provenance(builder *b, json_t *obj, const kgex_provenance *prov, size_t prov_len)
{
    json_t *array = NULL;
    size_t i;
    int error = KGEX_OK;

    if (prov_len == 0)
        goto done;
    array = json_array();
    if (!array) {
        error = KGEX_ENOMEM;
        goto done;
    }
    for (i = 0; i < prov_len; i++) {
        CHECK(kgex__escape_buf_reset(&b->buf));
        CHECK(kgex__escape_provenance(&b->buf, &prov[i]));
        CHECK(append_new(array, json_stringn(b->buf.ptr, b->buf.len)));
    }
    error = set_new(obj, "provenance", array);
    array = NULL;
done:
    json_decref(array);
    return error;
}

/* A date as a typed value {"@value": DATE, "@type": "xsd:date"} (or
 * xsd:gYearMonth, xsd:gYear, xsd:gMonthDay by its form; a plain string
 * for a date of no such form). */
static int date_value(builder *b, json_t **out, const char *date)
{
    const char *type = kgex__date_xsd_type(date);
    char xsd[32];
    json_t *v = NULL;
    int error = KGEX_OK;

    *out = NULL;
    CHECK(text_value(b, &v, date));
    if (!type) {
        *out = v;
        return KGEX_OK;
    }
    snprintf(xsd, sizeof(xsd), "xsd:%s", type);
    *out = json_object();
    if (!*out || json_object_set_new(*out, "@value", v) < 0) {
        json_decref(v);
        error = KGEX_ENOMEM;
        goto done;
    }
    CHECK(set_new(*out, "@type", json_string(xsd)));
done:
    if (error < 0) {
        json_decref(*out);
        *out = NULL;
    }
    return error;
}

/* obj[key]: the distinct dates of the mentions (else `fallback`), typed;
 * one value for startDate, an array for date. */
static int set_dates(builder *b, json_t *obj, const char *key, const kgex_provenance *prov,
                     size_t prov_len, const char *fallback)
{
    const char **dates = NULL;
    json_t *array = NULL, *v = NULL;
    size_t n, i;
    int error = KGEX_OK;

    dates = kgex__calloc(prov_len + 1, sizeof(*dates));
    if (!dates) {
        error = KGEX_ENOMEM;
        goto done;
    }
    n = kgex__date_distinct(prov, prov_len, dates);
    if (n == 0 && fallback)
        dates[n++] = fallback;
    if (n == 0)
        goto done;
    if (strcmp(key, "startDate") == 0) {
        CHECK(date_value(b, &v, dates[0]));
        error = set_new(obj, key, v);
        goto done;
    }
    array = json_array();
    if (!array) {
        error = KGEX_ENOMEM;
        goto done;
    }
    for (i = 0; i < n; i++) {
        CHECK(date_value(b, &v, dates[i]));
        CHECK(append_new(array, v));
    }
    error = set_new(obj, key, array);
    array = NULL;
done:
    json_decref(array);
    kgex__free(dates);
    return error;
}

static json_t *node_type(kgex_kind kind)
{
    switch (kind) {
        case KGEX_KIND_STATE:
            return json_pack("[ss]", "schema:Country", "schema:GovernmentOrganization");
        case KGEX_KIND_ORGANIZATION:
            return json_string("schema:Organization");
        case KGEX_KIND_OFFICIAL:
            return json_string("schema:Person");
        case KGEX_KIND_EVENT:
            return json_pack("[ss]", "schema:Event", "schema:Quotation");
        default:
            return json_string("schema:Thing");
    }
}

/* The analytics (analytics.h) as typed numbers; the context types them
 * xsd:integer and xsd:double. */
static int set_metrics(json_t *obj, const kgex_metrics *m)
{
    int error = KGEX_OK;

    CHECK(set_new(obj, "inDegree", json_integer((json_int_t)m->in_degree)));
    CHECK(set_new(obj, "outDegree", json_integer((json_int_t)m->out_degree)));
    CHECK(set_new(obj, "weightedDegree", json_real(m->weighted_degree)));
    CHECK(set_new(obj, "pagerank", json_real(m->pagerank)));
    CHECK(set_new(obj, "betweenness", json_real(m->betweenness)));
    CHECK(set_new(obj, "community", json_integer((json_int_t)m->community)));
    CHECK(set_new(obj, "component", json_integer((json_int_t)m->component)));
done:
    return error;
}

static int build_node(builder *b, json_t **out, const kgex_node *n)
{
    json_t *obj = NULL;
    json_t *v = NULL;
    size_t i;
    int error = KGEX_OK;

    *out = NULL;
    obj = json_object();
    if (!obj) {
        error = KGEX_ENOMEM;
        goto done;
    }
    CHECK(set_iri(b, obj, "@id", ID_BASE, n->id));
    CHECK(set_new(obj, "@type", node_type(n->kind)));
    CHECK(set_text(b, obj, "name", n->label));
    if (n->aliases_len > 0) {
        CHECK(set_new(obj, "alternateName", json_array()));
        for (i = 0; i < n->aliases_len; i++) {
            CHECK(text_value(b, &v, n->aliases[i]));
            CHECK(append_new(json_object_get(obj, "alternateName"), v));
        }
    }
    CHECK(set_new(obj, "kind", json_string(kgex_kind_name(n->kind))));
    CHECK(set_text(b, obj, "iso3", n->iso3));
    if (n->wikidata)
        CHECK(set_iri(b, obj, "sameAs", WIKIDATA_BASE, n->wikidata));
    CHECK(set_new(obj, "mentions", json_integer((json_int_t)n->mentions)));
    CHECK(set_text(b, obj, n->kind == KGEX_KIND_OFFICIAL ? "jobTitle" : "role", n->role));
    CHECK(set_text(b, obj, "text", n->quote));
    if (n->date)
        CHECK(set_dates(b, obj, "startDate", n->prov, n->prov_len, n->date));
    CHECK(set_text(b, obj, "cameo", n->cameo));
    CHECK(set_provenance(b, obj, n->prov, n->prov_len));
    if (b->metrics)
        CHECK(set_metrics(obj, &n->metrics));
    *out = obj;
    obj = NULL;
done:
    json_decref(obj);
    return error;
}

static int build_relation(builder *b, json_t **out, size_t number, const kgex_edge *e)
{
    char num[32];
    json_t *obj = NULL;
    int error = KGEX_OK;

    *out = NULL;
    obj = json_object();
    if (!obj) {
        error = KGEX_ENOMEM;
        goto done;
    }
    snprintf(num, sizeof(num), "relation/%zu", number);
    CHECK(set_iri(b, obj, "@id", ID_BASE, num));
    CHECK(set_new(obj, "@type", json_string("kgex:Relation")));
    CHECK(set_iri(b, obj, "source", ID_BASE, kgex_graph_node(b->graph, e->source)->id));
    CHECK(set_iri(b, obj, "target", ID_BASE, kgex_graph_node(b->graph, e->target)->id));
    CHECK(set_new(obj, "relation", json_string(kgex_relation_name(e->relation))));
    CHECK(set_new(obj, "weight", json_integer((json_int_t)e->weight)));
    CHECK(set_text(b, obj, "role", e->role));
    CHECK(set_text(b, obj, "cameo", e->cameo));
    if (e->date)
        CHECK(set_dates(b, obj, "date", e->prov, e->prov_len, e->date));
    CHECK(set_provenance(b, obj, e->prov, e->prov_len));
    *out = obj;
    obj = NULL;
done:
    json_decref(obj);
    return error;
}

/* Dump one item of "@graph" (indented to its depth) and free it. */
static int dump_item(FILE *fp, json_t *obj, int first)
{
    char *text = json_dumps(obj, DUMP_FLAGS);
    const char *p;
    int ok;

    if (!text)
        return KGEX_ENOMEM;
    ok = fputs(first ? "\n    " : ",\n    ", fp) != EOF;
    for (p = text; ok && *p; p++) {
        ok = fputc(*p, fp) != EOF;
        if (ok && *p == '\n')
            ok = fputs("    ", fp) != EOF;
    }
    free(text);
    return ok ? KGEX_OK : KGEX_EIO;
}

/* Stream the document: the context, then each node object with its
 * relation links, then each relation object; only one item is in memory at
 * a time. Edges come sorted by source id, so a node's outgoing edges
 * follow each other in the order the nodes are written. */
static int write_document(builder *b, FILE *fp)
{
    const kgex_graph *graph = b->graph;
    size_t n_nodes = kgex_graph_node_count(graph);
    size_t n_edges = kgex_graph_edge_count(graph);
    size_t *node_order = NULL;
    size_t *edge_order = NULL;
    size_t *pos = NULL; /* node index -> its position in node_order */
    json_t *context = NULL;
    json_t *obj = NULL;
    char *ctx_text = NULL;
    const char *p;
    size_t i, k = 0;
    int error = KGEX_OK, first = 1;

    CHECK(kgex_graph_node_order(graph, &node_order));
    CHECK(kgex_graph_edge_order(graph, &edge_order));
    pos = kgex__calloc(n_nodes ? n_nodes : 1, sizeof(*pos));
    context = json_loads(context_text, 0, NULL);
    if (!pos || !context) {
        error = KGEX_ENOMEM;
        goto done;
    }
    for (i = 0; i < n_nodes; i++)
        pos[node_order[i]] = i;
    ctx_text = json_dumps(json_object_get(context, "@context"), DUMP_FLAGS);
    if (!ctx_text) {
        error = KGEX_ENOMEM;
        goto done;
    }
    if (fputs("{\n  \"@context\": ", fp) == EOF)
        goto io;
    for (p = ctx_text; *p; p++) {
        if (fputc(*p, fp) == EOF || (*p == '\n' && fputs("  ", fp) == EOF))
            goto io;
    }
    if (fputs(",\n  \"@graph\": [", fp) == EOF)
        goto io;

    for (i = 0; i < n_nodes; i++) {
        const kgex_node *n = kgex_graph_node(graph, node_order[i]);

        CHECK(build_node(b, &obj, n));
        /* this node's outgoing edges: the edge order is by source id */
        while (k < n_edges && pos[kgex_graph_edge(graph, edge_order[k])->source] < i)
            k++;
        for (; k < n_edges && pos[kgex_graph_edge(graph, edge_order[k])->source] == i; k++) {
            const kgex_edge *e = kgex_graph_edge(graph, edge_order[k]);
            const char *target_id = kgex_graph_node(graph, e->target)->id;

            if ((unsigned)e->relation >= sizeof(relation_terms) / sizeof(relation_terms[0])) {
                error = KGEX_ERROR;
                goto done;
            }
            CHECK(push_iri(b, obj, relation_terms[e->relation], ID_BASE, target_id));
            if (e->relation == KGEX_REL_OFFICIAL_OF && n->kind == KGEX_KIND_OFFICIAL)
                CHECK(push_iri(b, obj, "worksFor", ID_BASE, target_id));
        }
        CHECK(dump_item(fp, obj, first));
        json_decref(obj);
        obj = NULL;
        first = 0;
    }
    for (i = 0; i < n_edges; i++) {
        CHECK(build_relation(b, &obj, i, kgex_graph_edge(graph, edge_order[i])));
        CHECK(dump_item(fp, obj, first));
        json_decref(obj);
        obj = NULL;
        first = 0;
    }
    if (fputs(first ? "]\n}\n" : "\n  ]\n}\n", fp) == EOF)
        goto io;
    goto done;
io:
    error = KGEX_EIO;
done:
    json_decref(obj);
    json_decref(context);
    free(ctx_text);
    kgex__free(pos);
    kgex__free(node_order);
    kgex__free(edge_order);
    return error;
}

int kgex__jsonld_write(const kgex_graph *graph, FILE *fp, const char *path, const void *payload,
                       kgex_error *err)
{
    builder b = {0};
    int error = KGEX_OK;
    int saved = 0;

    (void)payload;

    b.graph = graph;
    b.metrics = kgex_graph_has_metrics(graph);
    errno = 0;
    error = write_document(&b, fp);
    if (error == KGEX_EIO || (error == KGEX_OK && (fflush(fp) != 0 || ferror(fp)))) {
        saved = errno;
        error = KGEX_EIO;
    }
    kgex__escape_buf_free(&b.buf);
    return kgex__write_error(err, error, path, saved, "json-ld", "write error");
}
