/*
 * doc.c - the queries that mention passes and relation rules ask of a
 * document (see doc.h): token forms and classes, mentions, sentences,
 * what a mention stands for, and recording a relation.
 */
#include <string.h>

#include "common.h"
#include "extract/doc.h"

int kgex__in_list(const char *w, const char *const *list)
{
    size_t k;

    for (k = 0; list[k]; k++) {
        if (strcmp(w, list[k]) == 0)
            return 1;
    }
    return 0;
}

const char *kgex__norm(const kgex__doc *d, size_t i)
{
    return i < d->t.len ? kgex__tok_norm(&d->t, i) : "";
}

int kgex__is_word(const kgex__doc *d, size_t i, const char *w)
{
    return i < d->t.len && strcmp(kgex__tok_norm(&d->t, i), w) == 0;
}

int kgex__flags(const kgex__doc *d, size_t i)
{
    return i < d->t.len ? d->t.tok[i].flags : 0;
}

int kgex__is_type(const kgex__doc *d, size_t i, int type)
{
    return i < d->t.len && d->t.tok[i].type == type;
}

int kgex__is_punct(const kgex__doc *d, size_t i)
{
    return i >= d->t.len || d->t.tok[i].type == KGEX__TOK_PUNCT ||
           d->t.tok[i].type == KGEX__TOK_QOPEN || d->t.tok[i].type == KGEX__TOK_QCLOSE;
}

size_t kgex__cue_at(const kgex__doc *d, size_t i, int cls)
{
    uint64_t bit = KGEX__W(cls);

    if (i >= d->t.len)
        return 0;
    if (d->mclass[i] & bit)
        return d->mlen[i];
    return (d->wclass[i] & bit) ? 1 : 0;
}

const kgex__mention *kgex__mention_at(const kgex__doc *d, size_t i)
{
    if (i >= d->t.len || d->tok_men[i] < 0 || d->men[d->tok_men[i]].ent < 0)
        return NULL;
    return &d->men[d->tok_men[i]];
}

size_t kgex__sentence_of(const kgex__doc *d, size_t i)
{
    return i < d->t.len ? d->tok_sent[i] : d->t.sent_len;
}

size_t kgex__sent_begin(const kgex__doc *d, size_t i)
{
    size_t s = kgex__sentence_of(d, i);
    return s < d->t.sent_len ? d->t.sent[s].begin : d->t.len;
}

size_t kgex__sent_end(const kgex__doc *d, size_t i)
{
    size_t s = kgex__sentence_of(d, i);
    return s < d->t.sent_len ? d->t.sent[s].end : d->t.len;
}

int kgex__actor(const kgex__doc *d, const kgex__mention *m)
{
    if (!m || m->ent < 0 || m->location)
        return -1;
    if (d->ent[m->ent].stands_for >= 0)
        return d->ent[m->ent].stands_for;
    return m->ent;
}

int kgex__target(const kgex__doc *d, const kgex__mention *m)
{
    if (!m || m->ent < 0)
        return -1;
    if (d->ent[m->ent].stands_for >= 0)
        return d->ent[m->ent].stands_for;
    return m->ent;
}

int kgex__is_official(const kgex__doc *d, int ent)
{
    return ent >= 0 && d->ent[ent].kind == KGEX_KIND_OFFICIAL && d->ent[ent].official;
}

int kgex__doc_add_rel(kgex__doc *d, kgex_relation rel, int src, int dst, size_t b, size_t e,
                      const char *cameo)
{
    kgex__rel *r;
    size_t s = kgex__sentence_of(d, b), k;
    int error;

    if (src < 0 || (rel != KGEX_REL_STATED && (dst < 0 || dst == src)))
        return KGEX_OK;
    /* once per sentence; relations of one sentence are recorded close
     * together, so only the tail of the list is searched */
    for (k = d->rel_len; k-- > 0 && d->rel_len - k <= 256;) {
        r = &d->rel[k];
        if (r->sent == s && r->rel == rel && r->src == src &&
            (rel == KGEX_REL_STATED || r->dst == dst))
            return KGEX_OK;
    }
    error = kgex__grow((void **)&d->rel, &d->rel_cap, d->rel_len + 1, sizeof(*d->rel));
    if (error < 0)
        return error;
    r = &d->rel[d->rel_len++];
    memset(r, 0, sizeof(*r));
    r->rel = rel;
    r->src = src;
    r->dst = dst;
    r->sent = s;
    r->b = b < e ? b : e;
    r->e = b < e ? e : b;
    r->cameo = cameo;
    if (s < d->t.sent_len)
        memcpy(r->date, d->sent_date[s], sizeof(r->date));
    return KGEX_OK;
}
