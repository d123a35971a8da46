/*
 * nquads.c - the N-Quads and N-Triples writers (include/kgex/export.h).
 *
 * The triples are exactly those a JSON-LD processor's toRDF gives for the
 * JSON-LD writer's output (jsonld.c), written in the same canonical form
 * (RDF 1.2 N-Triples: literals escape \b \t \n \f \r " \ and other
 * controls as \uXXXX; xsd:double literals as JSON-LD writes them, e.g.
 * "5.0E-2"): one subject per node, one kgex:Relation per edge, the
 * relations also as direct links. Test: tests/interop/rdf.sh compares the
 * two sets.
 *
 * In N-Quads each triple goes to the named graph of every document it was
 * read from (KGEX_DOC_GRAPH_BASE + the document name with every byte
 * outside [A-Za-z0-9-._~] percent-encoded, "/" included): a node's
 * description to the documents that mention it, a relation's link and
 * description to the documents that state it, and each kgex:provenance
 * literal to its own document. What sums over all documents (kgex:mentions,
 * kgex:weight, the analytics), and facts read from no document, go to the
 * default graph. So the union of the graphs is the N-Triples graph. The
 * writer streams: nothing but one line is held in memory, and a fact read
 * twice at the same place is written twice (RDF readers keep one).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "export/atomic.h"
#include "export/escape.h"
#include "export/number.h"
#include "export/writer.h"
#include "graph/date.h"
#include "kgex/analytics.h"
#include "kgex/export.h"

#define ID_BASE       "https://w3id.org/kgex/id/"
#define WIKIDATA_BASE "http://www.wikidata.org/entity/"
#define SCHEMA        "https://schema.org/"
#define KGEX_NS       "https://w3id.org/kgex/ns#"
#define RDF_TYPE      "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define XSD_INTEGER   "http://www.w3.org/2001/XMLSchema#integer"
#define XSD_DOUBLE    "http://www.w3.org/2001/XMLSchema#double"

#define XSD "http://www.w3.org/2001/XMLSchema#"

/* Predicate of each kgex_relation's direct link: schema.org's where it has
 * one, else kgex's (the terms of the JSON-LD context) */
static const char *const relation_predicates[] = {SCHEMA "memberOf",  KGEX_NS "officialOf",
                                                  KGEX_NS "attacked", KGEX_NS "appealedTo",
                                                  KGEX_NS "stated",   SCHEMA "about"};

typedef struct writer {
    FILE *fp;
    const kgex_graph *graph;
    int quads;             /* N-Quads (1) or N-Triples (0) */
    kgex__escape_buf line; /* the line being built */
    kgex__escape_buf text; /* scratch: scrubbed text, IRI paths */
    kgex__escape_buf subject;
    int metrics;       /* write the analytics (every node has them) */
    const char **docs; /* documents of the current subject */
    size_t docs_len;
    size_t docs_cap;
} writer;

static const char hex_digits[] = "0123456789ABCDEF";

/* <IRI>, with the characters N-Triples forbids in IRIs as \uXXXX (kgex's
 * IRIs are percent-encoded and never have them). */
static int put_iri(kgex__escape_buf *b, const char *iri)
{
    const unsigned char *p = (const unsigned char *)iri;
    int error;

    error = kgex__escape_buf_put(b, "<", 1);
    for (; error == KGEX_OK && *p; p++) {
        if (*p <= 0x20 || strchr("<>\"{}|^`\\", *p)) {
            char u[7] = {'\\', 'u', '0', '0', hex_digits[*p >> 4], hex_digits[*p & 15], 0};

            error = kgex__escape_buf_put(b, u, 6);
        } else {
            error = kgex__escape_buf_put(b, (const char *)p, 1);
        }
    }
    if (error == KGEX_OK)
        error = kgex__escape_buf_put(b, ">", 1);
    return error;
}

/* "TEXT" with N-Triples escapes; TEXT is valid UTF-8 (scrubbed). */
static int put_literal(kgex__escape_buf *b, const char *s, const char *datatype)
{
    const unsigned char *p = (const unsigned char *)s;
    int error;

    error = kgex__escape_buf_put(b, "\"", 1);
    for (; error == KGEX_OK && *p; p++) {
        const char *esc = NULL;

        switch (*p) {
            case '\b':
                esc = "\\b";
                break;
            case '\t':
                esc = "\\t";
                break;
            case '\n':
                esc = "\\n";
                break;
            case '\f':
                esc = "\\f";
                break;
            case '\r':
                esc = "\\r";
                break;
            case '"':
                esc = "\\\"";
                break;
            case '\\':
                esc = "\\\\";
                break;
            default:
                break;
        }
        if (esc) {
            error = kgex__escape_buf_puts(b, esc);
        } else if (*p < 0x20 || *p == 0x7F) {
            char u[7] = {'\\', 'u', '0', '0', hex_digits[*p >> 4], hex_digits[*p & 15], 0};

            error = kgex__escape_buf_put(b, u, 6);
        } else {
            error = kgex__escape_buf_put(b, (const char *)p, 1);
        }
    }
    if (error == KGEX_OK)
        error = kgex__escape_buf_put(b, "\"", 1);
    if (error == KGEX_OK && datatype) {
        error = kgex__escape_buf_put(b, "^^", 2);
        if (error == KGEX_OK)
            error = put_iri(b, datatype);
    }
    return error;
}

/* The graph IRI of a document, in wr->text. */
static int doc_graph(writer *wr, const char *doc)
{
    const unsigned char *p;
    int error;

    CHECK(kgex__escape_buf_reset(&wr->text));
    CHECK(kgex__escape_buf_puts(&wr->text, KGEX_DOC_GRAPH_BASE));
    CHECK(kgex__escape_buf_reset(&wr->line)); /* scratch for the scrubbed name */
    CHECK(kgex__escape_text(&wr->line, doc));
    for (p = (const unsigned char *)wr->line.ptr; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '.' || *p == '_' || *p == '~') {
            CHECK(kgex__escape_buf_put(&wr->text, (const char *)p, 1));
        } else {
            char pct[3] = {'%', hex_digits[*p >> 4], hex_digits[*p & 15]};

            CHECK(kgex__escape_buf_put(&wr->text, pct, 3));
        }
    }
done:
    return error;
}

/* Write "S P O ." (object already formatted in `object`) once per graph:
 * in N-Quads in the graph of `doc` (NULL: the default graph), or in every
 * document of the current subject when `all_docs`; in N-Triples once. */
static int emit_one(writer *wr, const char *predicate, const char *object, const char *doc)
{
    int error = KGEX_OK;

    if (wr->quads && doc)
        CHECK(doc_graph(wr, doc)); /* into wr->text, uses wr->line */
    CHECK(kgex__escape_buf_reset(&wr->line));
    CHECK(kgex__escape_buf_put(&wr->line, wr->subject.ptr, wr->subject.len));
    CHECK(kgex__escape_buf_put(&wr->line, " ", 1));
    CHECK(put_iri(&wr->line, predicate));
    CHECK(kgex__escape_buf_put(&wr->line, " ", 1));
    CHECK(kgex__escape_buf_puts(&wr->line, object));
    if (wr->quads && doc) {
        CHECK(kgex__escape_buf_put(&wr->line, " ", 1));
        CHECK(put_iri(&wr->line, wr->text.ptr));
    }
    CHECK(kgex__escape_buf_put(&wr->line, " .\n", 3));
    if (fwrite(wr->line.ptr, 1, wr->line.len, wr->fp) != wr->line.len)
        error = KGEX_EIO;
done:
    return error;
}

/* object formatted into a buffer of its own, then written to the graphs of
 * the current subject's documents (all_docs) or to the default graph */
static int emit(writer *wr, const char *predicate, kgex__escape_buf *object, int all_docs)
{
    size_t i;
    int error = KGEX_OK;

    if (!all_docs || !wr->quads || wr->docs_len == 0)
        return emit_one(wr, predicate, object->ptr, NULL);
    for (i = 0; i < wr->docs_len; i++)
        CHECK(emit_one(wr, predicate, object->ptr, wr->docs[i]));
done:
    return error;
}

/* Make <BASE + percent-encoded path> the current subject and collect the
 * distinct documents of `prov`. */
static int begin_subject(writer *wr, const char *path, const kgex_provenance *prov, size_t prov_len)
{
    size_t i, j;
    int error = KGEX_OK;

    CHECK(kgex__escape_buf_reset(&wr->text));
    CHECK(kgex__escape_buf_puts(&wr->text, ID_BASE));
    CHECK(kgex__escape_iri(&wr->text, path));
    CHECK(kgex__escape_buf_reset(&wr->subject));
    CHECK(put_iri(&wr->subject, wr->text.ptr));
    wr->docs_len = 0;
    for (i = 0; i < prov_len; i++) {
        if (!prov[i].doc)
            continue;
        for (j = 0; j < wr->docs_len; j++) {
            if (wr->docs[j] == prov[i].doc || strcmp(wr->docs[j], prov[i].doc) == 0)
                break;
        }
        if (j < wr->docs_len)
            continue;
        CHECK(kgex__grow((void **)&wr->docs, &wr->docs_cap, wr->docs_len + 1, sizeof(*wr->docs)));
        wr->docs[wr->docs_len++] = prov[i].doc;
    }
done:
    return error;
}

/* Object helpers: format into `obj`, then emit. */
static int emit_iri(writer *wr, kgex__escape_buf *obj, const char *predicate, const char *base,
                    const char *path, int all_docs)
{
    int error = KGEX_OK;

    CHECK(kgex__escape_buf_reset(&wr->text));
    CHECK(kgex__escape_buf_puts(&wr->text, base));
    if (path)
        CHECK(kgex__escape_iri(&wr->text, path));
    CHECK(kgex__escape_buf_reset(obj));
    CHECK(put_iri(obj, wr->text.ptr));
    CHECK(emit(wr, predicate, obj, all_docs));
done:
    return error;
}

static int emit_text(writer *wr, kgex__escape_buf *obj, const char *predicate, const char *s)
{
    int error = KGEX_OK;

    if (!s)
        goto done;
    CHECK(kgex__escape_buf_reset(&wr->text));
    CHECK(kgex__escape_text(&wr->text, s));
    CHECK(kgex__escape_buf_reset(obj));
    CHECK(put_literal(obj, wr->text.ptr, NULL));
    CHECK(emit(wr, predicate, obj, 1));
done:
    return error;
}

static int emit_integer(writer *wr, kgex__escape_buf *obj, const char *predicate, size_t value)
{
    char num[32];
    int error = KGEX_OK;

    snprintf(num, sizeof(num), "%zu", value);
    CHECK(kgex__escape_buf_reset(obj));
    CHECK(put_literal(obj, num, XSD_INTEGER));
    CHECK(emit(wr, predicate, obj, 0));
done:
    return error;
}

static int emit_double(writer *wr, kgex__escape_buf *obj, const char *predicate, double value)
{
    char num[64];
    int error = KGEX_OK;

    kgex__number_xsd_double(num, sizeof(num), kgex__number_json_round(value));
    CHECK(kgex__escape_buf_reset(obj));
    CHECK(put_literal(obj, num, XSD_DOUBLE));
    CHECK(emit(wr, predicate, obj, 0));
done:
    return error;
}

/* A date literal typed by its form (xsd:date, gYearMonth, gYear,
 * gMonthDay; a plain literal otherwise), into obj. */
static int date_literal(writer *wr, kgex__escape_buf *obj, const char *date)
{
    const char *type = kgex__date_xsd_type(date);
    char xsd[48];
    int error = KGEX_OK;

    snprintf(xsd, sizeof(xsd), XSD "%s", type ? type : "string");
    CHECK(kgex__escape_buf_reset(&wr->text));
    CHECK(kgex__escape_text(&wr->text, date));
    CHECK(kgex__escape_buf_reset(obj));
    CHECK(put_literal(obj, wr->text.ptr, type ? xsd : NULL));
done:
    return error;
}

/* Dated mention records by (date, document name); interned strings. */
static int dated_cmp(const void *a, const void *b)
{
    const kgex_provenance *x = *(const kgex_provenance *const *)a;
    const kgex_provenance *y = *(const kgex_provenance *const *)b;
    int c = kgex__date_cmp(x->date, y->date);

    return c ? c : strcmp(x->doc ? x->doc : "", y->doc ? y->doc : "");
}

/* The dates of a relation: in N-Quads each document's own dates in that
 * document's graph (a date read without a document in the default one);
 * in N-Triples each distinct date once. Without dated mentions, `fallback`
 * as any other value of the subject. */
static int emit_dates(writer *wr, kgex__escape_buf *obj, const char *predicate,
                      const kgex_provenance *prov, size_t prov_len, const char *fallback)
{
    const kgex_provenance **dated = NULL;
    size_t i, n = 0;
    int error = KGEX_OK;

    dated = kgex__calloc(prov_len + 1, sizeof(*dated));
    if (!dated) {
        error = KGEX_ENOMEM;
        goto done;
    }
    for (i = 0; i < prov_len; i++) {
        if (prov[i].date)
            dated[n++] = &prov[i];
    }
    if (n == 0 && fallback) {
        CHECK(date_literal(wr, obj, fallback));
        CHECK(emit(wr, predicate, obj, 1));
    }
    if (n > 1)
        qsort(dated, n, sizeof(*dated), dated_cmp);
    for (i = 0; i < n; i++) {
        int new_date = i == 0 || dated[i]->date != dated[i - 1]->date;

        if (!new_date && (!wr->quads || dated[i]->doc == dated[i - 1]->doc))
            continue; /* written already */
        CHECK(date_literal(wr, obj, dated[i]->date));
        CHECK(emit_one(wr, predicate, obj->ptr, wr->quads ? dated[i]->doc : NULL));
    }
done:
    kgex__free(dated);
    return error;
}

/* Each provenance record in its own document's graph. */
static int emit_provenance(writer *wr, kgex__escape_buf *obj, const kgex_provenance *prov,
                           size_t prov_len)
{
    size_t i;
    int error = KGEX_OK;

    for (i = 0; i < prov_len; i++) {
        CHECK(kgex__escape_buf_reset(&wr->text));
        CHECK(kgex__escape_provenance(&wr->text, &prov[i]));
        CHECK(kgex__escape_buf_reset(obj));
        CHECK(put_literal(obj, wr->text.ptr, NULL));
        if (wr->quads && prov[i].doc)
            CHECK(emit_one(wr, KGEX_NS "provenance", obj->ptr, prov[i].doc));
        else
            CHECK(emit_one(wr, KGEX_NS "provenance", obj->ptr, NULL));
    }
done:
    return error;
}

static int emit_type(writer *wr, kgex__escape_buf *obj, const char *type_iri)
{
    int error = KGEX_OK;

    CHECK(kgex__escape_buf_reset(obj));
    CHECK(put_iri(obj, type_iri));
    CHECK(emit(wr, RDF_TYPE, obj, 1));
done:
    return error;
}

static int write_node(writer *wr, kgex__escape_buf *obj, const kgex_node *n)
{
    size_t i;
    int error = KGEX_OK;

    CHECK(begin_subject(wr, n->id, n->prov, n->prov_len));
    switch (n->kind) {
        case KGEX_KIND_STATE:
            CHECK(emit_type(wr, obj, SCHEMA "Country"));
            CHECK(emit_type(wr, obj, SCHEMA "GovernmentOrganization"));
            break;
        case KGEX_KIND_ORGANIZATION:
            CHECK(emit_type(wr, obj, SCHEMA "Organization"));
            break;
        case KGEX_KIND_OFFICIAL:
            CHECK(emit_type(wr, obj, SCHEMA "Person"));
            break;
        case KGEX_KIND_EVENT:
            CHECK(emit_type(wr, obj, SCHEMA "Event"));
            CHECK(emit_type(wr, obj, SCHEMA "Quotation"));
            break;
        default:
            CHECK(emit_type(wr, obj, SCHEMA "Thing"));
            break;
    }
    CHECK(emit_text(wr, obj, SCHEMA "name", n->label));
    for (i = 0; i < n->aliases_len; i++)
        CHECK(emit_text(wr, obj, SCHEMA "alternateName", n->aliases[i]));
    CHECK(emit_text(wr, obj, KGEX_NS "kind", kgex_kind_name(n->kind)));
    CHECK(emit_text(wr, obj, KGEX_NS "iso3", n->iso3));
    if (n->wikidata)
        CHECK(emit_iri(wr, obj, SCHEMA "sameAs", WIKIDATA_BASE, n->wikidata, 1));
    CHECK(emit_integer(wr, obj, KGEX_NS "mentions", n->mentions));
    CHECK(emit_text(wr, obj, n->kind == KGEX_KIND_OFFICIAL ? SCHEMA "jobTitle" : KGEX_NS "role",
                    n->role));
    CHECK(emit_text(wr, obj, SCHEMA "text", n->quote));
    if (n->date) {
        CHECK(date_literal(wr, obj, n->date));
        CHECK(emit(wr, SCHEMA "startDate", obj, 1));
    }
    CHECK(emit_text(wr, obj, KGEX_NS "cameo", n->cameo));
    CHECK(emit_provenance(wr, obj, n->prov, n->prov_len));
    if (wr->metrics) {
        CHECK(emit_integer(wr, obj, KGEX_NS "inDegree", n->metrics.in_degree));
        CHECK(emit_integer(wr, obj, KGEX_NS "outDegree", n->metrics.out_degree));
        CHECK(emit_double(wr, obj, KGEX_NS "weightedDegree", n->metrics.weighted_degree));
        CHECK(emit_double(wr, obj, KGEX_NS "pagerank", n->metrics.pagerank));
        CHECK(emit_double(wr, obj, KGEX_NS "betweenness", n->metrics.betweenness));
        CHECK(emit_integer(wr, obj, KGEX_NS "community", n->metrics.community));
        CHECK(emit_integer(wr, obj, KGEX_NS "component", n->metrics.component));
    }
done:
    return error;
}

static int write_edge(writer *wr, kgex__escape_buf *obj, size_t number, const kgex_edge *e)
{
    const kgex_node *src = kgex_graph_node(wr->graph, e->source);
    const kgex_node *dst = kgex_graph_node(wr->graph, e->target);
    char path[48];
    int error = KGEX_OK;

    if ((unsigned)e->relation >= sizeof(relation_predicates) / sizeof(relation_predicates[0])) {
        error = KGEX_ERROR;
        goto done;
    }
    /* the direct link, on the source node */
    CHECK(begin_subject(wr, src->id, e->prov, e->prov_len));
    CHECK(emit_iri(wr, obj, relation_predicates[e->relation], ID_BASE, dst->id, 1));
    if (e->relation == KGEX_REL_OFFICIAL_OF && src->kind == KGEX_KIND_OFFICIAL)
        CHECK(emit_iri(wr, obj, SCHEMA "worksFor", ID_BASE, dst->id, 1));

    /* the relation object */
    snprintf(path, sizeof(path), "relation/%zu", number);
    CHECK(begin_subject(wr, path, e->prov, e->prov_len));
    CHECK(emit_type(wr, obj, KGEX_NS "Relation"));
    CHECK(emit_iri(wr, obj, KGEX_NS "source", ID_BASE, src->id, 1));
    CHECK(emit_iri(wr, obj, KGEX_NS "target", ID_BASE, dst->id, 1));
    CHECK(emit_text(wr, obj, KGEX_NS "relation", kgex_relation_name(e->relation)));
    CHECK(emit_integer(wr, obj, KGEX_NS "weight", e->weight));
    CHECK(emit_text(wr, obj, KGEX_NS "role", e->role));
    CHECK(emit_text(wr, obj, KGEX_NS "cameo", e->cameo));
    if (e->date)
        CHECK(emit_dates(wr, obj, KGEX_NS "date", e->prov, e->prov_len, e->date));
    CHECK(emit_provenance(wr, obj, e->prov, e->prov_len));
done:
    return error;
}

static int write_all(writer *wr)
{
    kgex__escape_buf obj = {0};
    size_t *node_order = NULL;
    size_t *edge_order = NULL;
    size_t i, n;
    int error = KGEX_OK;

    CHECK(kgex_graph_node_order(wr->graph, &node_order));
    CHECK(kgex_graph_edge_order(wr->graph, &edge_order));
    n = kgex_graph_node_count(wr->graph);
    for (i = 0; i < n; i++)
        CHECK(write_node(wr, &obj, kgex_graph_node(wr->graph, node_order[i])));
    n = kgex_graph_edge_count(wr->graph);
    for (i = 0; i < n; i++)
        CHECK(write_edge(wr, &obj, i, kgex_graph_edge(wr->graph, edge_order[i])));
done:
    kgex__escape_buf_free(&obj);
    kgex__free(node_order);
    kgex__free(edge_order);
    return error;
}

int kgex__rdf_write(const kgex_graph *graph, FILE *fp, const char *path, const void *payload,
                    kgex_error *err)
{
    const kgex_export_options *opts = payload;
    int quads = opts->format == KGEX_FORMAT_NQUADS;
    writer wr = {0};
    int error;
    int saved = 0;

    wr.fp = fp;
    wr.graph = graph;
    wr.quads = quads;
    wr.metrics = kgex_graph_has_metrics(graph);
    errno = 0;
    error = write_all(&wr);
    if (error == KGEX_OK && (fflush(fp) != 0 || ferror(fp)))
        error = KGEX_EIO;
    if (error == KGEX_EIO)
        saved = errno;
    kgex__escape_buf_free(&wr.line);
    kgex__escape_buf_free(&wr.text);
    kgex__escape_buf_free(&wr.subject);
    kgex__free(wr.docs);
    return kgex__write_error(err, error, path, saved, quads ? "n-quads" : "n-triples",
                             "write error");
}
