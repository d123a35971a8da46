/*
 * extract.c - the extractor: one document at a time through tokenizer,
 * mentions and rules, then into the graph.
 *
 * The extractor keeps a registry of the officials it has put in the graph
 * so that one person named in several documents (also with a misspelt
 * first name) is one node. Everything else of a document is freed when
 * the document is done.
 */
#include "kgex/extract.h"

#include <stdio.h>
#include <string.h>

#include "common.h"
#include "extract/doc.h"
#include "extract/names.h"
#include "extract/slug.h"

/* Documents longer than this are read in pieces of at most this size. */
#define KGEX__CHUNK_BYTES ((size_t)4 << 20)

struct kgex_extractor {
    const kgex_lexicon *lex;
    kgex_graph *graph;
    kgex_extract_stats stats;
    kgex__people *people; /* officials already in the graph */
};

int kgex_extractor_new(kgex_extractor **out, const kgex_lexicon *lex, kgex_graph *graph)
{
    kgex_extractor *x;

    KGEX_ASSERT_ARG(out && lex && graph, NULL);
    *out = NULL;
    x = kgex__calloc(1, sizeof(*x));
    if (!x)
        return KGEX_ENOMEM;
    x->lex = lex;
    x->graph = graph;
    if (kgex__people_new(&x->people) < 0) {
        kgex_extractor_free(x);
        return KGEX_ENOMEM;
    }
    *out = x;
    return KGEX_OK;
}

void kgex_extractor_free(kgex_extractor *x)
{
    if (!x)
        return;
    kgex__people_free(x->people);
    kgex__free(x);
}

void kgex_extractor_stats(const kgex_extractor *x, kgex_extract_stats *out)
{
    if (x && out)
        *out = x->stats;
}

static void doc_free(kgex__doc *d)
{
    size_t i, k;

    for (i = 0; i < d->ent_len; i++) {
        kgex__dent *e = &d->ent[i];
        kgex__free(e->id);
        kgex__free(e->label);
        kgex__free(e->first);
        kgex__free(e->last);
        kgex__free(e->role);
        for (k = 0; k < e->affil_len; k++)
            kgex__free(e->affil[k].role);
        kgex__free(e->affil);
        for (k = 0; k < e->alias_len; k++)
            kgex__free(e->alias[k]);
        kgex__free(e->alias);
    }
    for (i = 0; i < d->post_len; i++)
        kgex__free(d->post[i].title);
    kgex__free(d->post);
    kgex__free(d->ent);
    kgex__free(d->men);
    kgex__free(d->tok_men);
    kgex__free(d->tok_sent);
    kgex__free(d->lex_ent);
    kgex__free(d->wclass);
    kgex__free(d->mclass);
    kgex__free(d->mlen);
    kgex__free(d->tm);
    kgex__free(d->tok_tm);
    kgex__free(d->tok_title);
    kgex__free(d->title_len);
    kgex__free(d->tok_titles);
    kgex__free(d->titles_len);
    kgex__free(d->tok_trig);
    kgex__free(d->trig_len);
    kgex__free(d->trig_pos);
    kgex__free(d->rel);
    kgex__free(d->sent_date);
    kgex__tokens_free(&d->t);
}

void kgex__slugify(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    int dash = 0;

    for (; *s && o + 4 < cap; s++) {
        unsigned char c = (unsigned char)*s;

        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
            if (dash && o > 0)
                out[o++] = '-';
            out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            dash = 0;
        } else if (c >= 0x80) {
            if (dash && o > 0)
                out[o++] = '-';
            o += (size_t)snprintf(out + o, cap - o, "%02x", c);
            dash = 0;
        } else if (c != '\'' && c != '.') {
            dash = 1;
        }
    }
    out[o] = '\0';
}

/* The graph id of a document's official: one already known with the same
 * surname and a first name within two edits (or missing), else new (see
 * kgex__people_find()). */
static int person_id(kgex_extractor *x, const kgex__dent *p, const char **out)
{
    long k = kgex__people_find(x->people, p->first, p->last);
    char slug[200], id[220];
    size_t added;
    int error;

    if (k >= 0) {
        *out = kgex__people_id(x->people, (size_t)k);
        return KGEX_OK;
    }
    kgex__slugify(p->label, slug, sizeof(slug));
    snprintf(id, sizeof(id), "person/%s", slug);
    error = kgex__people_add(x->people, id, p->first, p->last, &added);
    if (error < 0)
        return error;
    *out = kgex__people_id(x->people, added);
    return KGEX_OK;
}

static kgex_provenance prov_of(const kgex__doc *d, const char *doc, size_t b, size_t e)
{
    kgex_provenance p;

    p.doc = doc;
    p.sentence = d->sent_base + kgex__sentence_of(d, b);
    p.start = d->char_base + d->t.tok[b].cstart;
    p.end = d->char_base + d->t.tok[(e > b ? e : b + 1) - 1].cend;
    p.date = NULL; /* the graph records the date passed with the mention */
    return p;
}

/* Is doc entity `ent` an end of one of the document's relations? (A state
 * named only by a city can still be the target of an attack there.) */
static int in_relation(const kgex__doc *d, int ent)
{
    size_t k;

    for (k = 0; k < d->rel_len; k++) {
        if (d->rel[k].src == ent || d->rel[k].dst == ent)
            return 1;
    }
    return 0;
}

/* Put the document's entities into the graph; node[i] = graph index of doc
 * entity i, or (size_t)-1 when it is not an entity of the graph. */
static int emit_entities(kgex_extractor *x, kgex__doc *d, const char *doc, size_t *node)
{
    size_t i, k;
    int error;

    for (i = 0; i < d->ent_len; i++) {
        const kgex__dent *e = &d->ent[i];
        kgex_node_spec spec;
        const char *id = e->id;
        size_t idx;

        node[i] = (size_t)-1;
        if (e->actor_mentions == 0 && !in_relation(d, (int)i))
            continue;
        if (e->kind == KGEX_KIND_OFFICIAL && !e->official)
            continue;
        if (e->kind == KGEX_KIND_OFFICIAL) {
            error = person_id(x, e, &id);
            if (error < 0)
                return error;
        }
        memset(&spec, 0, sizeof(spec));
        spec.id = id;
        spec.kind = e->kind;
        spec.label = e->label;
        spec.role = e->role;
        if (e->lex >= 0) {
            spec.iso3 = x->lex->ent[e->lex].iso3;
            spec.wikidata = x->lex->ent[e->lex].wikidata;
        }
        error = kgex_graph_add_node(x->graph, &idx, &spec, NULL);
        if (error < 0)
            return error;
        node[i] = idx;
        for (k = 0; k < e->alias_len; k++) {
            error = kgex_graph_add_alias(x->graph, idx, e->alias[k]);
            if (error < 0)
                return error;
        }
        if (strcmp(kgex_graph_node(x->graph, idx)->label, e->label) != 0) {
            error = kgex_graph_add_alias(x->graph, idx, e->label);
            if (error < 0)
                return error;
        }
    }
    for (k = 0; k < d->men_len; k++) {
        const kgex__mention *m = &d->men[k];
        kgex_provenance p = prov_of(d, doc, m->b, m->e);
        size_t idx;
        kgex_node_spec spec;

        if (m->location || node[m->ent] == (size_t)-1)
            continue;
        memset(&spec, 0, sizeof(spec));
        spec.id = kgex_graph_node(x->graph, node[m->ent])->id;
        spec.kind = d->ent[m->ent].kind;
        spec.label = kgex_graph_node(x->graph, node[m->ent])->label;
        error = kgex_graph_add_node(x->graph, &idx, &spec, &p);
        if (error < 0)
            return error;
        x->stats.mentions++;
    }
    return KGEX_OK;
}

/* Text of tokens [b, e) as a new string. */
static char *span_text(const kgex__doc *d, size_t b, size_t e)
{
    return kgex__strndup(d->t.text + d->t.tok[b].start, d->t.tok[e - 1].end - d->t.tok[b].start);
}

static int emit_statement(kgex_extractor *x, kgex__doc *d, const char *doc, const char *docslug,
                          const kgex__rel *r, const size_t *node)
{
    const kgex__sentence *s = &d->t.sent[r->sent];
    size_t qb = r->qb, qe = r->qe, ev, i, edge;
    char id[300], label[300], *quote;
    kgex_node_spec spec;
    kgex_provenance p;
    int error;

    if (qb >= qe) {
        qb = s->begin;
        qe = s->end;
    }
    quote = span_text(d, qb, qe);
    if (!quote)
        return KGEX_ENOMEM;
    snprintf(id, sizeof(id), "event/%s/s%zu-%s", docslug, d->sent_base + r->sent,
             strchr(kgex_graph_node(x->graph, node[r->src])->id, '/') + 1);
    snprintf(label, sizeof(label), "Statement by %s",
             kgex_graph_node(x->graph, node[r->src])->label);
    memset(&spec, 0, sizeof(spec));
    spec.id = id;
    spec.kind = KGEX_KIND_EVENT;
    spec.label = label;
    spec.quote = quote;
    spec.date = r->date[0] ? r->date : NULL;
    spec.cameo = r->cameo;
    p = prov_of(d, doc, qb < r->b ? qb : r->b, qe > r->e ? qe : r->e);
    error = kgex_graph_add_node(x->graph, &ev, &spec, &p);
    kgex__free(quote);
    if (error < 0)
        return error;
    p = prov_of(d, doc, r->b, r->e);
    error = kgex_graph_add_edge(x->graph, &edge, node[r->src], KGEX_REL_STATED, ev, NULL, r->cameo,
                                spec.date, &p);
    if (error < 0)
        return error;
    x->stats.relations[KGEX_REL_STATED]++;
    /* about: the actors the statement mentions */
    for (i = qb < s->begin ? qb : s->begin; i < (qe > s->end ? qe : s->end); i++) {
        const kgex__mention *m = kgex__mention_at(d, i);
        if (!m || m->location || m->b != i || node[m->ent] == (size_t)-1 ||
            node[m->ent] == node[r->src])
            continue;
        p = prov_of(d, doc, m->b, m->e);
        error = kgex_graph_add_edge(x->graph, &edge, ev, KGEX_REL_ABOUT, node[m->ent], NULL, NULL,
                                    NULL, &p);
        if (error < 0)
            return error;
        x->stats.relations[KGEX_REL_ABOUT]++;
    }
    return KGEX_OK;
}

static int emit_relations(kgex_extractor *x, kgex__doc *d, const char *doc, const size_t *node)
{
    char docslug[200];
    size_t k, edge;
    int error;

    kgex__slugify(doc, docslug, sizeof(docslug));
    for (k = 0; k < d->rel_len; k++) {
        const kgex__rel *r = &d->rel[k];
        kgex_provenance p = prov_of(d, doc, r->b, r->e);
        const char *role = NULL;

        if (node[r->src] == (size_t)-1)
            continue;
        if (r->rel == KGEX_REL_STATED) {
            error = emit_statement(x, d, doc, docslug, r, node);
            if (error < 0)
                return error;
            continue;
        }
        if (node[r->dst] == (size_t)-1)
            continue;
        if (r->rel == KGEX_REL_OFFICIAL_OF) {
            const kgex__dent *pe = &d->ent[r->src];
            size_t a;
            for (a = 0; a < pe->affil_len; a++) {
                if (pe->affil[a].ent == r->dst || d->ent[pe->affil[a].ent].stands_for == r->dst)
                    role = pe->affil[a].role;
            }
        }
        error = kgex_graph_add_edge(x->graph, &edge, node[r->src], r->rel, node[r->dst], role,
                                    r->cameo, r->date[0] ? r->date : NULL, &p);
        if (error < 0)
            return error;
        x->stats.relations[r->rel]++;
    }
    return KGEX_OK;
}

/* One piece of a document: characters from char_base, sentences from
 * sent_base; the date context carries over to the next piece. */
static int extract_chunk(kgex_extractor *x, const char *doc, const char *text, size_t len,
                         kgex__date_ctx *dates, size_t char_base, size_t *sent_base)
{
    kgex__doc d;
    size_t *node = NULL, s, n;
    int error;

    memset(&d, 0, sizeof(d));
    d.lex = x->lex;
    d.dates = *dates;
    d.char_base = char_base;
    d.sent_base = *sent_base;
    error = kgex__tokenize(&d.t, text, len);
    if (error < 0)
        goto done;
    n = d.t.len ? d.t.len : 1;
    d.tok_men = kgex__malloc(n * sizeof(*d.tok_men));
    d.tok_sent = kgex__malloc(n * sizeof(*d.tok_sent));
    d.tok_title = kgex__malloc(n * sizeof(*d.tok_title));
    d.title_len = kgex__calloc(n, 1);
    d.tok_trig = kgex__malloc(n * sizeof(*d.tok_trig));
    d.trig_len = kgex__calloc(n, 1);
    d.trig_pos = kgex__calloc(n, 1);
    d.sent_date = kgex__calloc(d.t.sent_len ? d.t.sent_len : 1, sizeof(*d.sent_date));
    d.wclass = kgex__calloc(n, sizeof(*d.wclass));
    d.mclass = kgex__calloc(n, sizeof(*d.mclass));
    d.mlen = kgex__calloc(n, 1);
    d.tok_tm = kgex__malloc(n * sizeof(*d.tok_tm));
    d.tok_titles = kgex__malloc(n * sizeof(*d.tok_titles));
    d.titles_len = kgex__calloc(n, 1);
    d.lex_ent = kgex__malloc((x->lex->ent_len ? x->lex->ent_len : 1) * sizeof(*d.lex_ent));
    if (!d.tok_titles || !d.titles_len || !d.lex_ent || !d.wclass || !d.mclass || !d.mlen ||
        !d.tok_tm || !d.tok_men || !d.tok_sent || !d.tok_title || !d.title_len || !d.tok_trig ||
        !d.trig_len || !d.trig_pos || !d.sent_date) {
        error = KGEX_ENOMEM;
        goto done;
    }
    for (s = 0; s < x->lex->ent_len; s++)
        d.lex_ent[s] = -1;
    for (s = 0; s < d.t.sent_len; s++) {
        if (!kgex__date_find(&d.t, d.t.sent[s].begin, d.t.sent[s].end, &d.dates, d.sent_date[s]))
            d.sent_date[s][0] = '\0';
    }
    error = kgex__mentions_find(&d);
    if (error < 0)
        goto done;
    error = kgex__rules_apply(&d);
    if (error < 0)
        goto done;
    node = kgex__calloc(d.ent_len ? d.ent_len : 1, sizeof(*node));
    if (!node) {
        error = KGEX_ENOMEM;
        goto done;
    }
    error = emit_entities(x, &d, doc, node);
    if (error < 0)
        goto done;
    error = emit_relations(x, &d, doc, node);
    if (error < 0)
        goto done;
    x->stats.sentences += d.t.sent_len;
    *sent_base += d.t.sent_len;
    *dates = d.dates;
done:
    kgex__free(node);
    doc_free(&d);
    return error;
}

/* Count code points in text[0, len). */
static size_t count_chars(const char *text, size_t len)
{
    size_t i, n = 0;

    for (i = 0; i < len; i++) {
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            n++;
    }
    return n;
}

int kgex_extract_text(kgex_extractor *x, const char *doc, const char *text, size_t len,
                      const kgex_extract_options *opts, kgex_error *err)
{
    kgex__date_ctx dates;
    char docdate[16];
    size_t off = 0, chars = 0, sents = 0;
    int error = KGEX_OK;

    KGEX_ASSERT_ARG(x && doc && (text || len == 0), err);
    if (kgex__date_ctx_init(&dates, opts ? opts->date : NULL) < 0)
        return kgex__error_set(err, KGEX_EINVAL, "date '%s' is not of the form YYYY-MM-DD",
                               opts->date);
    if (!text)
        text = "";
    /* A long document is read in pieces cut at line breaks, so the working
     * memory stays bounded by the piece, not the document; what links
     * mentions (surnames, pronouns) then stays within a piece. */
    do {
        size_t piece = len - off, k;

        if (piece > KGEX__CHUNK_BYTES) {
            piece = KGEX__CHUNK_BYTES;
            for (k = piece; k > KGEX__CHUNK_BYTES / 2; k--) {
                if (text[off + k - 1] == '\n')
                    break;
            }
            if (k > KGEX__CHUNK_BYTES / 2)
                piece = k;
            while (piece > 1 && ((unsigned char)text[off + piece] & 0xC0) == 0x80)
                piece--; /* never split a character */
        }
        error = extract_chunk(x, doc, text + off, piece, &dates, chars, &sents);
        chars += count_chars(text + off, piece);
        off += piece;
    } while (error == 0 && off < len);
    if (error == 0 && kgex__date_doc(&dates, docdate)) /* --date, or the dateline's */
        error = kgex_graph_set_document_date(x->graph, doc, docdate);
    if (error == 0)
        x->stats.documents++;
    if (error < 0 && err && err->code == KGEX_OK)
        kgex__error_at(err, error, doc, 0, 0, "%s", kgex_strerror(error));
    return error;
}
