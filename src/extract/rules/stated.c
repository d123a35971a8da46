/*
 * stated.c - "stated": an official, organization or state made a public
 * statement, a direct quote or reported speech with a verb of saying.
 *
 * Verbs of saying: the speaker is the subject ("The CSTO said", "a foreign
 * ministry spokesman said": the state), or follows the verb after a quote
 * (", said Maria Zakharova"). Nouns: "X's statement", "a statement from
 * X", "X issued a statement". Without a trigger: "according to X".
 * The statement keeps its quote: the quotation just before the speaker or
 * just after the verb, also across sentences of one paragraph.
 */
#include <string.h>

#include "common.h"
#include "extract/rules.h"

/* The quote that the statement at token i reports: [*qb, *qe); 0 if none. */
static int quote_near(const kgex__doc *d, size_t i, size_t *qb, size_t *qe)
{
    size_t b = kgex__sent_begin(d, i), e = kgex__sent_end(d, i), j, k;

    for (j = i; j-- > b;) {
        if (kgex__is_type(d, j, KGEX__TOK_QCLOSE)) {
            size_t para = d->t.sent[kgex__sentence_of(d, j)].para;
            for (k = j; k-- > 0;) {
                if (d->t.sent[kgex__sentence_of(d, k)].para != para)
                    break;
                if (kgex__is_type(d, k, KGEX__TOK_QOPEN)) {
                    *qb = k + 1;
                    *qe = j;
                    return *qe > *qb;
                }
            }
            return 0;
        }
    }
    for (j = i; j < e && j - i < 12; j++) {
        if (kgex__is_type(d, j, KGEX__TOK_QOPEN)) {
            for (k = j + 1; k < d->t.len; k++) {
                if (kgex__is_type(d, k, KGEX__TOK_QCLOSE) || (kgex__flags(d, k) & KGEX__TF_NL))
                    break;
            }
            *qb = j + 1;
            *qe = k;
            return *qe > *qb;
        }
    }
    return 0;
}

/* May `ent` be a speaker? People only when a title marks their office. */
static int speaker_ok(const kgex__doc *d, int ent)
{
    if (ent < 0 || d->ent[ent].kind == KGEX_KIND_EVENT)
        return 0;
    return d->ent[ent].kind != KGEX_KIND_OFFICIAL || d->ent[ent].official;
}

static int add_stated(kgex__doc *d, int speaker, size_t b, size_t e, const char *cameo)
{
    size_t before = d->rel_len;
    int error;

    if (!speaker_ok(d, speaker))
        return KGEX_OK;
    error = kgex__doc_add_rel(d, KGEX_REL_STATED, speaker, -1, b, e, cameo);
    if (error < 0 || d->rel_len == before)
        return error;
    if (!quote_near(d, b, &d->rel[d->rel_len - 1].qb, &d->rel[d->rel_len - 1].qe))
        d->rel[d->rel_len - 1].qb = d->rel[d->rel_len - 1].qe = 0;
    return KGEX_OK;
}

static int add_speakers(kgex__doc *d, const kgex__np *np, size_t b, size_t e, const char *cameo)
{
    int ents[KGEX__ARGS_MAX];
    size_t n = kgex__np_role(d, np, KGEX__ROLE_SPEAKER, ents, KGEX__ARGS_MAX), k;
    int error = KGEX_OK;

    for (k = 0; error == 0 && k < n; k++) {
        error = add_stated(d, ents[k], b, e, cameo);
        /* a ministry, a presidency, a mission speaks for its state */
        if (error == 0 && d->ent[ents[k]].of_state >= 0)
            error = add_stated(d, d->ent[ents[k]].of_state, b, e, cameo);
    }
    return error;
}

/* Is there a phrase that ends at token j and names a speaker? */
static int speaker_np(const kgex__doc *d, const kgex__np *np)
{
    int ents[KGEX__ARGS_MAX];
    return kgex__np_role(d, np, KGEX__ROLE_SPEAKER, ents, KGEX__ARGS_MAX) > 0;
}

int kgex__rule_stated(kgex__doc *d, kgex__event *ev)
{
    kgex__np np;
    size_t b = kgex__sent_begin(d, ev->i), lim = kgex__sent_end(d, ev->i);

    if (!ev->noun) {
        if (ev->vg.neg || ev->vg.modal || (ev->vg.inf && !has(d, ev->vg.gov, KGEX__W_FACTIVE)))
            return KGEX_OK;
        /* ", saying ...", ", adding ...": the statement goes on */
        if (ev->vg.gerund ||
            (ev->vg.b > b && kgex__is_word(d, ev->vg.b - 1, ",") &&
             strlen(kgex__norm(d, ev->i)) > 4 &&
             strcmp(kgex__norm(d, ev->i) + strlen(kgex__norm(d, ev->i)) - 3, "ing") == 0))
            return KGEX_OK;
        if (ev->vg.passive) {
            /* "it was announced by X" */
            size_t k = ev->e;
            if (kgex__is_word(d, k, "by") && kgex__np_at(d, k + 1, &np))
                return add_speakers(d, &np, ev->i, ev->e, ev->tr->cameo);
            return KGEX_OK;
        }
        if (kgex__subject(d, ev->vg.b, &np) && speaker_np(d, &np))
            return add_speakers(d, &np, ev->i, ev->e, ev->tr->cameo);
        /* "..., said Maria Zakharova", "\" said the ministry." */
        if (ev->vg.b > b && (kgex__is_type(d, ev->vg.b - 1, KGEX__TOK_QCLOSE) ||
                             kgex__is_word(d, ev->vg.b - 1, ","))) {
            if (kgex__np_at(d, ev->e, &np) &&
                (np.e >= lim || kgex__is_punct(d, np.e) || has(d, np.e, KGEX__W_PREPOSITION)))
                return add_speakers(d, &np, ev->i, ev->e, ev->tr->cameo);
        }
        return KGEX_OK;
    }
    /* nouns: "the CSTO statement", "Zas' statement", "a statement from X" */
    {
        int ents[KGEX__ARGS_MAX];
        size_t n = kgex__noun_agents(d, ev->i, ents, KGEX__ARGS_MAX), k;
        int error = KGEX_OK;

        /* "In his statement, X said" is counted at "said" */
        if (ev->i > b && kgex__is_word(d, ev->i - 1, "a") && ev->i - 1 > b &&
            kgex__is_word(d, ev->i - 2, "in"))
            return KGEX_OK;
        if (n == 0 && (kgex__is_word(d, ev->e, "from") || kgex__is_word(d, ev->e, "by")) &&
            kgex__np_at(d, ev->e + 1, &np))
            n = kgex__np_role(d, &np, KGEX__ROLE_SPEAKER, ents, KGEX__ARGS_MAX);
        if (n == 0) {
            /* "X issued a statement" */
            for (k = ev->i; k-- > b && ev->i - k < 5;) {
                if (has(d, k, KGEX__W_LIGHT_VERB)) {
                    kgex__vg vg;
                    kgex__vgroup(d, k, k + 1, &vg);
                    if (!vg.neg && !vg.modal && !vg.inf && kgex__subject(d, vg.b, &np))
                        n = kgex__np_role(d, &np, KGEX__ROLE_SPEAKER, ents, KGEX__ARGS_MAX);
                    break;
                }
                if (kgex__is_punct(d, k))
                    break;
            }
        }
        for (k = 0; error == 0 && k < n; k++)
            error = add_stated(d, ents[k], ev->i, ev->e, ev->tr->cameo);
        return error;
    }
}

int kgex__stated_sentence(kgex__doc *d, size_t s)
{
    size_t i, b = d->t.sent[s].begin, e = d->t.sent[s].end;
    kgex__np np;
    int error;

    for (i = b; i < e; i++) {
        /* "according to the Defense Ministry, ...": reported speech */
        if (kgex__is_word(d, i, "according") && kgex__is_word(d, i + 1, "to") &&
            kgex__np_at(d, i + 2, &np) && (np.e >= e || kgex__is_punct(d, np.e))) {
            error = add_speakers(d, &np, i, i + 2, "010");
            if (error < 0)
                return error;
        }
    }
    return KGEX_OK;
}
