/*
 * extraction.c - the record of what one document gave (see extraction.h):
 * building it, clearing and freeing it.
 */
#include "extract/extraction.h"

#include <string.h>

#include "common.h"

int kgex__extraction_new(kgex_extraction **out, const char *doc)
{
    kgex_extraction *rec = kgex__calloc(1, sizeof(*rec));

    *out = NULL;
    if (!rec)
        return KGEX_ENOMEM;
    rec->doc = kgex__strdup(doc ? doc : "");
    if (!rec->doc) {
        kgex__free(rec);
        return KGEX_ENOMEM;
    }
    *out = rec;
    return KGEX_OK;
}

void kgex__extraction_clear(kgex_extraction *rec)
{
    rec->piece_len = rec->ent_len = rec->alias_len = 0;
    rec->men_len = rec->rel_len = rec->about_len = 0;
    kgex__arena_reset(&rec->strings);
}

void kgex_extraction_free(kgex_extraction *rec)
{
    if (!rec)
        return;
    kgex__free(rec->doc);
    kgex__free(rec->piece);
    kgex__free(rec->ent);
    kgex__free(rec->alias);
    kgex__free(rec->men);
    kgex__free(rec->rel);
    kgex__free(rec->about);
    kgex__arena_free(&rec->strings);
    kgex__free(rec);
}

const char *kgex_extraction_document(const kgex_extraction *rec)
{
    return rec ? rec->doc : NULL;
}

int kgex__extraction_piece(kgex_extraction *rec)
{
    kgex__xpiece *p;
    int error;

    error =
        kgex__grow((void **)&rec->piece, &rec->piece_cap, rec->piece_len + 1, sizeof(*rec->piece));
    if (error < 0)
        return error;
    p = &rec->piece[rec->piece_len++];
    memset(p, 0, sizeof(*p));
    p->ent = rec->ent_len;
    p->men = rec->men_len;
    p->rel = rec->rel_len;
    return KGEX_OK;
}

/* Copy *s into the arena; NULL stays NULL. */
static int keep(kgex_extraction *rec, const char **s)
{
    const char *copy;

    if (!*s)
        return KGEX_OK;
    copy = kgex__arena_strdup(&rec->strings, *s);
    if (!copy)
        return KGEX_ENOMEM;
    *s = copy;
    return KGEX_OK;
}

int kgex__extraction_entity(kgex_extraction *rec, const kgex__xent *ent, size_t *index_out)
{
    kgex__xpiece *p = &rec->piece[rec->piece_len - 1];
    kgex__xent e = *ent;
    int error;

    error = kgex__grow((void **)&rec->ent, &rec->ent_cap, rec->ent_len + 1, sizeof(*rec->ent));
    if (error == KGEX_OK)
        error = keep(rec, &e.id);
    if (error == KGEX_OK)
        error = keep(rec, &e.label);
    if (error == KGEX_OK)
        error = keep(rec, &e.role);
    if (error == KGEX_OK)
        error = keep(rec, &e.iso3);
    if (error == KGEX_OK)
        error = keep(rec, &e.wikidata);
    if (error == KGEX_OK)
        error = keep(rec, &e.first);
    if (error == KGEX_OK)
        error = keep(rec, &e.last);
    if (error < 0)
        return error;
    e.alias = rec->alias_len;
    e.alias_len = 0;
    rec->ent[rec->ent_len++] = e;
    if (index_out)
        *index_out = p->ent_len;
    p->ent_len++;
    return KGEX_OK;
}

int kgex__extraction_alias(kgex_extraction *rec, const char *alias)
{
    const char *copy = alias;
    int error;

    error =
        kgex__grow((void **)&rec->alias, &rec->alias_cap, rec->alias_len + 1, sizeof(*rec->alias));
    if (error == KGEX_OK)
        error = keep(rec, &copy);
    if (error < 0)
        return error;
    rec->alias[rec->alias_len++] = copy;
    rec->ent[rec->ent_len - 1].alias_len++;
    return KGEX_OK;
}

int kgex__extraction_mention(kgex_extraction *rec, size_t ent, const kgex__span *at)
{
    int error;

    error = kgex__grow((void **)&rec->men, &rec->men_cap, rec->men_len + 1, sizeof(*rec->men));
    if (error < 0)
        return error;
    rec->men[rec->men_len].ent = ent;
    rec->men[rec->men_len].at = *at;
    rec->men_len++;
    rec->piece[rec->piece_len - 1].men_len++;
    return KGEX_OK;
}

int kgex__extraction_relation(kgex_extraction *rec, const kgex__xrel *rel, const char *quote,
                              size_t quote_len)
{
    kgex__xrel r = *rel;
    int error;

    r.quote = NULL;
    if (quote) {
        r.quote = kgex__arena_strndup(&rec->strings, quote, quote_len);
        if (!r.quote)
            return KGEX_ENOMEM;
    }
    error = kgex__grow((void **)&rec->rel, &rec->rel_cap, rec->rel_len + 1, sizeof(*rec->rel));
    if (error == KGEX_OK)
        error = keep(rec, &r.role);
    if (error == KGEX_OK)
        error = keep(rec, &r.cameo);
    if (error == KGEX_OK)
        error = keep(rec, &r.date);
    if (error < 0)
        return error;
    r.about = rec->about_len;
    r.about_len = 0;
    rec->rel[rec->rel_len++] = r;
    rec->piece[rec->piece_len - 1].rel_len++;
    return KGEX_OK;
}

int kgex__extraction_about(kgex_extraction *rec, size_t ent, const kgex__span *at)
{
    int error;

    error =
        kgex__grow((void **)&rec->about, &rec->about_cap, rec->about_len + 1, sizeof(*rec->about));
    if (error < 0)
        return error;
    rec->about[rec->about_len].ent = ent;
    rec->about[rec->about_len].at = *at;
    rec->about_len++;
    rec->rel[rec->rel_len - 1].about_len++;
    return KGEX_OK;
}
