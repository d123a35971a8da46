/*
 * extract.c - the extractor: a document through tokenizer, mentions and
 * rules into its record (extraction.h), then the record into the graph.
 *
 * Reading a document only reads the extractor (lexicon and word table),
 * so documents can be read on several threads. Adding a record to the
 * graph is where documents meet: the extractor keeps a registry of the
 * officials it has put in the graph (names.h), so that one person named in
 * several documents (also with a misspelt first name) is one node, and the
 * ids of statements follow from their speaker's node. Everything of a
 * document is freed when it is done; only the graph and the registry grow.
 */
#include "kgex/extract.h"

#include <stdio.h>
#include <string.h>

#include "common.h"
#include "extract/doc.h"
#include "extract/extraction.h"
#include "extract/names.h"
#include "extract/slug.h"

/* Documents longer than this are read in pieces of at most this size. */
#define KGEX__CHUNK_BYTES ((size_t)4 << 20)

struct kgex_extractor {
    const kgex_lexicon *lex;
    kgex_graph *graph;
    kgex_extract_stats stats;
    kgex__people *people; /* officials already in the graph */
    char *scratch;        /* ids and titles of statements being added */
    size_t scratch_cap;
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
    kgex__free(x->scratch);
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

/* --- a document into its record ------------------------------------------ */

static kgex__span span_of(const kgex__doc *d, size_t b, size_t e)
{
    kgex__span p;

    p.sentence = d->sent_base + kgex__sentence_of(d, b);
    p.start = d->char_base + d->t.tok[b].cstart;
    p.end = d->char_base + d->t.tok[(e > b ? e : b + 1) - 1].cend;
    return p;
}

/* The document's entities that go into the graph, in order: those with a
 * mention that is not a place or that are an end of a relation (a state
 * named only by a city can still be the target of an attack there), and of
 * the persons only officials. ent[i] = record index of doc entity i, or
 * (size_t)-1. */
static int record_entities(kgex_extraction *rec, const kgex_lexicon *lex, const kgex__doc *d,
                           size_t *ent)
{
    size_t i, k;
    int error;

    for (i = 0; i < d->ent_len; i++)
        ent[i] = 0; /* 1: an end of a relation */
    for (k = 0; k < d->rel_len; k++) {
        if (d->rel[k].src >= 0)
            ent[d->rel[k].src] = 1;
        if (d->rel[k].dst >= 0)
            ent[d->rel[k].dst] = 1;
    }
    for (i = 0; i < d->ent_len; i++) {
        const kgex__dent *e = &d->ent[i];
        kgex__xent x;

        if ((e->actor_mentions == 0 && !ent[i]) ||
            (e->kind == KGEX_KIND_OFFICIAL && !e->official)) {
            ent[i] = (size_t)-1;
            continue;
        }
        memset(&x, 0, sizeof(x));
        x.kind = e->kind;
        x.id = e->kind == KGEX_KIND_OFFICIAL ? NULL : e->id;
        x.label = e->label;
        x.role = e->role;
        if (e->lex >= 0) {
            x.iso3 = lex->ent[e->lex].iso3;
            x.wikidata = lex->ent[e->lex].wikidata;
        }
        if (e->kind == KGEX_KIND_OFFICIAL) {
            x.first = e->first;
            x.last = e->last;
        }
        error = kgex__extraction_entity(rec, &x, &ent[i]);
        for (k = 0; error == KGEX_OK && k < e->alias_len; k++)
            error = kgex__extraction_alias(rec, e->alias[k]);
        if (error < 0)
            return error;
    }
    for (k = 0; k < d->men_len; k++) {
        const kgex__mention *m = &d->men[k];
        kgex__span at;

        if (m->location || ent[m->ent] == (size_t)-1)
            continue;
        at = span_of(d, m->b, m->e);
        error = kgex__extraction_mention(rec, ent[m->ent], &at);
        if (error < 0)
            return error;
    }
    return KGEX_OK;
}

/* A statement: its quote (the quoted words, else the sentence) and the
 * actors mentioned in the quote and the sentence. */
static int record_statement(kgex_extraction *rec, const kgex__doc *d, const kgex__rel *r,
                            const size_t *ent)
{
    const kgex__sentence *s = &d->t.sent[r->sent];
    size_t qb = r->qb, qe = r->qe, i;
    kgex__xrel x;
    int error;

    if (qb >= qe) {
        qb = s->begin;
        qe = s->end;
    }
    memset(&x, 0, sizeof(x));
    x.rel = KGEX_REL_STATED;
    x.src = ent[r->src];
    x.cameo = r->cameo;
    x.date = r->date[0] ? r->date : NULL;
    x.at = span_of(d, r->b, r->e);
    x.event_at = span_of(d, qb < r->b ? qb : r->b, qe > r->e ? qe : r->e);
    error = kgex__extraction_relation(rec, &x, d->t.text + d->t.tok[qb].start,
                                      d->t.tok[qe - 1].end - d->t.tok[qb].start);
    for (i = qb < s->begin ? qb : s->begin; error == KGEX_OK && i < (qe > s->end ? qe : s->end);
         i++) {
        const kgex__mention *m = kgex__mention_at(d, i);
        kgex__span at;

        if (!m || m->location || m->b != i || ent[m->ent] == (size_t)-1)
            continue;
        at = span_of(d, m->b, m->e);
        error = kgex__extraction_about(rec, ent[m->ent], &at);
    }
    return error;
}

static int record_relations(kgex_extraction *rec, const kgex__doc *d, const size_t *ent)
{
    size_t k;
    int error;

    for (k = 0; k < d->rel_len; k++) {
        const kgex__rel *r = &d->rel[k];
        kgex__xrel x;

        if (ent[r->src] == (size_t)-1)
            continue;
        if (r->rel == KGEX_REL_STATED) {
            error = record_statement(rec, d, r, ent);
            if (error < 0)
                return error;
            continue;
        }
        if (ent[r->dst] == (size_t)-1)
            continue;
        memset(&x, 0, sizeof(x));
        x.rel = r->rel;
        x.src = ent[r->src];
        x.dst = ent[r->dst];
        if (r->rel == KGEX_REL_OFFICIAL_OF) {
            const kgex__dent *pe = &d->ent[r->src];
            size_t a;
            for (a = 0; a < pe->affil_len; a++) {
                if (pe->affil[a].ent == r->dst || d->ent[pe->affil[a].ent].stands_for == r->dst)
                    x.role = pe->affil[a].role;
            }
        }
        x.cameo = r->cameo;
        x.date = r->date[0] ? r->date : NULL;
        x.at = span_of(d, r->b, r->e);
        error = kgex__extraction_relation(rec, &x, NULL, 0);
        if (error < 0)
            return error;
    }
    return KGEX_OK;
}

/* --- a record into the graph ---------------------------------------------- */

static kgex_provenance prov_at(const kgex_extraction *rec, const kgex__span *at)
{
    kgex_provenance p;

    p.doc = rec->doc;
    p.sentence = at->sentence;
    p.start = at->start;
    p.end = at->end;
    p.date = NULL; /* the graph records the date passed with the mention */
    return p;
}

/* The graph id of an official: one already known with the same surname
 * and a first name within two edits (or missing), else new (see
 * kgex__people_find()). */
static int person_id(kgex_extractor *x, const kgex__xent *p, const char **out)
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

/* The entities of a piece as nodes (node[i]: graph index of its entity i),
 * with their names and mentions. */
static int add_entities(kgex_extractor *x, const kgex_extraction *rec, const kgex__xpiece *pc,
                        size_t *node)
{
    size_t i, k;
    int error;

    for (i = 0; i < pc->ent_len; i++) {
        const kgex__xent *e = &rec->ent[pc->ent + i];
        kgex_node_spec spec;
        const char *id = e->id;

        if (!id) {
            error = person_id(x, e, &id);
            if (error < 0)
                return error;
        }
        memset(&spec, 0, sizeof(spec));
        spec.id = id;
        spec.kind = e->kind;
        spec.label = e->label;
        spec.role = e->role;
        spec.iso3 = e->iso3;
        spec.wikidata = e->wikidata;
        error = kgex_graph_add_node(x->graph, &node[i], &spec, NULL);
        for (k = 0; error == KGEX_OK && k < e->alias_len; k++)
            error = kgex_graph_add_alias(x->graph, node[i], rec->alias[e->alias + k]);
        if (error == KGEX_OK && strcmp(kgex_graph_node(x->graph, node[i])->label, e->label) != 0)
            error = kgex_graph_add_alias(x->graph, node[i], e->label);
        if (error < 0)
            return error;
    }
    for (k = 0; k < pc->men_len; k++) {
        const kgex__xmention *m = &rec->men[pc->men + k];
        const kgex_node *n = kgex_graph_node(x->graph, node[m->ent]);
        kgex_provenance p = prov_at(rec, &m->at);
        kgex_node_spec spec;

        memset(&spec, 0, sizeof(spec));
        spec.id = n->id;
        spec.kind = n->kind;
        spec.label = n->label;
        error = kgex_graph_add_node(x->graph, NULL, &spec, &p);
        if (error < 0)
            return error;
        x->stats.mentions++;
    }
    return KGEX_OK;
}

/* The id and the title of the statement `r` by `speaker`, in x->scratch:
 * "event/DOC/sSENTENCE-SPEAKER", where DOC is the document name as it is
 * (provenance holds the same name) and SPEAKER the speaker's id after its
 * kind ("aram-karapetyan", "ARM", "csto"), which holds no "/"; so the id
 * is told apart from every other document's at the last "/". */
static int statement_names(kgex_extractor *x, const kgex_extraction *rec, const kgex__xrel *r,
                           const kgex_node *speaker, const char **id, const char **label)
{
    const char *tail = strchr(speaker->id, '/') + 1;
    size_t need = strlen(rec->doc) + strlen(tail) + strlen(speaker->label) + 64, n;
    int error;

    error = kgex__grow((void **)&x->scratch, &x->scratch_cap, need, 1);
    if (error < 0)
        return error;
    n = (size_t)snprintf(x->scratch, need, "event/%s/s%zu-%s", rec->doc, r->at.sentence, tail);
    snprintf(x->scratch + n + 1, need - n - 1, "Statement by %s", speaker->label);
    *id = x->scratch;
    *label = x->scratch + n + 1;
    return KGEX_OK;
}

/* A statement: its event node (statement_names()), `stated` from the
 * speaker and `about` each other actor it mentions. */
static int add_statement(kgex_extractor *x, const kgex_extraction *rec, const kgex__xrel *r,
                         const size_t *node)
{
    const kgex_node *speaker = kgex_graph_node(x->graph, node[r->src]);
    const char *id, *label;
    kgex_node_spec spec;
    kgex_provenance p;
    size_t ev, i;
    int error;

    error = statement_names(x, rec, r, speaker, &id, &label);
    if (error < 0)
        return error;
    memset(&spec, 0, sizeof(spec));
    spec.id = id;
    spec.kind = KGEX_KIND_EVENT;
    spec.label = label;
    spec.quote = r->quote;
    spec.date = r->date;
    spec.cameo = r->cameo;
    p = prov_at(rec, &r->event_at);
    error = kgex_graph_add_node(x->graph, &ev, &spec, &p);
    if (error < 0)
        return error;
    p = prov_at(rec, &r->at);
    error = kgex_graph_add_edge(x->graph, NULL, node[r->src], KGEX_REL_STATED, ev, NULL, r->cameo,
                                r->date, &p);
    if (error < 0)
        return error;
    x->stats.relations[KGEX_REL_STATED]++;
    for (i = 0; i < r->about_len; i++) {
        const kgex__xmention *a = &rec->about[r->about + i];

        if (node[a->ent] == node[r->src])
            continue;
        p = prov_at(rec, &a->at);
        error = kgex_graph_add_edge(x->graph, NULL, ev, KGEX_REL_ABOUT, node[a->ent], NULL, NULL,
                                    NULL, &p);
        if (error < 0)
            return error;
        x->stats.relations[KGEX_REL_ABOUT]++;
    }
    return KGEX_OK;
}

static int add_relations(kgex_extractor *x, const kgex_extraction *rec, const kgex__xpiece *pc,
                         const size_t *node)
{
    size_t k;
    int error;

    for (k = 0; k < pc->rel_len; k++) {
        const kgex__xrel *r = &rec->rel[pc->rel + k];
        kgex_provenance p;

        if (r->rel == KGEX_REL_STATED) {
            error = add_statement(x, rec, r, node);
        } else {
            p = prov_at(rec, &r->at);
            error = kgex_graph_add_edge(x->graph, NULL, node[r->src], r->rel, node[r->dst], r->role,
                                        r->cameo, r->date, &p);
            if (error == KGEX_OK)
                x->stats.relations[r->rel]++;
        }
        if (error < 0)
            return error;
    }
    return KGEX_OK;
}

/* Add the pieces of a record. */
static int add_pieces(kgex_extractor *x, const kgex_extraction *rec)
{
    size_t *node = NULL, cap = 0, k;
    int error = KGEX_OK;

    for (k = 0; error == KGEX_OK && k < rec->piece_len; k++) {
        const kgex__xpiece *pc = &rec->piece[k];

        error = kgex__grow((void **)&node, &cap, pc->ent_len ? pc->ent_len : 1, sizeof(*node));
        if (error == KGEX_OK)
            error = add_entities(x, rec, pc, node);
        if (error == KGEX_OK)
            error = add_relations(x, rec, pc, node);
        if (error == KGEX_OK)
            x->stats.sentences += pc->sentences;
    }
    kgex__free(node);
    return error;
}

/* One piece of a document into a new piece of `rec`: characters from
 * char_base, sentences from sent_base; the date context carries over to
 * the next piece. */
static int extract_chunk(const kgex_extractor *x, kgex_extraction *rec, const char *text,
                         size_t len, kgex__date_ctx *dates, size_t char_base, size_t *sent_base)
{
    kgex__doc d;
    size_t *ent = NULL, s, n;
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
    ent = kgex__calloc(d.ent_len ? d.ent_len : 1, sizeof(*ent));
    if (!ent) {
        error = KGEX_ENOMEM;
        goto done;
    }
    error = kgex__extraction_piece(rec);
    if (error < 0)
        goto done;
    rec->piece[rec->piece_len - 1].sentences = d.t.sent_len;
    error = record_entities(rec, x->lex, &d, ent);
    if (error < 0)
        goto done;
    error = record_relations(rec, &d, ent);
    if (error < 0)
        goto done;
    *sent_base += d.t.sent_len;
    *dates = d.dates;
done:
    kgex__free(ent);
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

/* Read a document into `rec`, piece by piece; with `x_add` (the same
 * extractor), add each piece to the graph as soon as it is read and
 * forget it, so that memory stays bounded by the piece. */
static int read_document(const kgex_extractor *x, kgex_extractor *x_add, kgex_extraction *rec,
                         const char *text, size_t len, const kgex_extract_options *opts,
                         kgex_error *err)
{
    kgex__date_ctx dates;
    size_t off = 0, chars = 0, sents = 0;
    int error = KGEX_OK;

    rec->date[0] = '\0';
    if (kgex__date_ctx_init(&dates, opts ? opts->date : NULL) < 0)
        return kgex__error_set(err, KGEX_EINVAL, "date '%s' is not a valid date (YYYY-MM-DD)",
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
        error = extract_chunk(x, rec, text + off, piece, &dates, chars, &sents);
        if (error == KGEX_OK && x_add) {
            error = add_pieces(x_add, rec);
            kgex__extraction_clear(rec);
        }
        chars += count_chars(text + off, piece);
        off += piece;
    } while (error == 0 && off < len);
    if (error == 0 && !kgex__date_doc(&dates, rec->date)) /* --date, or the dateline's */
        rec->date[0] = '\0';
    if (error < 0 && err && err->code == KGEX_OK)
        kgex__error_at(err, error, rec->doc, 0, 0, "%s", kgex_strerror(error));
    return error;
}

/* What follows the last piece of a record: the document's date, and one
 * more document. */
static int add_end(kgex_extractor *x, const kgex_extraction *rec)
{
    int error = KGEX_OK;

    if (rec->date[0])
        error = kgex_graph_set_document_date(x->graph, rec->doc, rec->date);
    if (error == KGEX_OK)
        x->stats.documents++;
    return error;
}

int kgex_extract_text(kgex_extractor *x, const char *doc, const char *text, size_t len,
                      const kgex_extract_options *opts, kgex_error *err)
{
    kgex_extraction *rec = NULL;
    int error;

    KGEX_ASSERT_ARG(x && doc && (text || len == 0), err);
    error = kgex__extraction_new(&rec, doc);
    if (error == KGEX_OK)
        error = read_document(x, x, rec, text, len, opts, err);
    if (error == KGEX_OK)
        error = add_end(x, rec);
    kgex_extraction_free(rec);
    return error;
}

int kgex_extractor_read(const kgex_extractor *x, kgex_extraction **out, const char *doc,
                        const char *text, size_t len, const kgex_extract_options *opts,
                        kgex_error *err)
{
    kgex_extraction *rec = NULL;
    int error;

    KGEX_ASSERT_ARG(out, err);
    *out = NULL;
    KGEX_ASSERT_ARG(x && doc && (text || len == 0), err);
    error = kgex__extraction_new(&rec, doc);
    if (error == KGEX_OK)
        error = read_document(x, NULL, rec, text, len, opts, err);
    if (error == KGEX_OK) {
        *out = rec;
        rec = NULL;
    }
    kgex_extraction_free(rec);
    return error;
}

int kgex_extractor_add(kgex_extractor *x, const kgex_extraction *rec, kgex_error *err)
{
    int error;

    KGEX_ASSERT_ARG(x && rec, err);
    error = add_pieces(x, rec);
    if (error == KGEX_OK)
        error = add_end(x, rec);
    if (error < 0 && err && err->code == KGEX_OK)
        kgex__error_at(err, error, rec->doc, 0, 0, "%s", kgex_strerror(error));
    return error;
}
