/*
 * rules.c - the relation rules' dispatcher and the frame matcher (see
 * rules.h).
 *
 * For each sentence: every trigger match is read as a verb or a noun;
 * the entries of that part of speech have their frames tried; the event
 * goes to its relation's rule. Then the per-sentence constructions run.
 * official_of comes first, from the affiliations the mention passes read
 * with the officials, so the other rules can let an official act for the
 * state or organization he serves.
 */
#include "extract/rules.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"

void kgex__args_add(int *list, size_t *n, const int *ents, size_t count)
{
    size_t k, x;

    for (k = 0; k < count; k++) {
        if (ents[k] < 0)
            continue;
        for (x = 0; x < *n && list[x] != ents[k]; x++)
            ;
        if (x == *n && *n < KGEX__ARGS_MAX)
            list[(*n)++] = ents[k];
    }
}

int kgex__acts_for(const kgex__doc *d, int ent)
{
    const kgex__dent *p;
    int to;

    if (ent >= 0 && d->ent[ent].of_state >= 0)
        return d->ent[ent].of_state; /* a ministry acts for its state */
    if (ent < 0 || d->ent[ent].kind != KGEX_KIND_OFFICIAL)
        return ent;
    p = &d->ent[ent];
    if (p->affil_len == 0)
        return -1;
    to = p->affil[0].ent;
    if (d->ent[to].stands_for >= 0)
        to = d->ent[to].stands_for;
    return to;
}

/* ---------------------------------------------------------------- frames */

static int word_in(const kgex__doc *d, size_t k, const char *alts)
{
    const char *w = kgex__norm(d, k);

    if (k >= d->t.len)
        return 0;
    for (; *alts; alts += strlen(alts) + 1) {
        if (strcmp(w, alts) == 0)
            return 1;
    }
    return 0;
}

static int slot_role(const kgex__event *ev, int slot)
{
    switch (ev->tr->relation) {
        case KGEX_REL_ATTACKED:
            return slot == KGEX__SLOT_DST ? KGEX__ROLE_TARGET : KGEX__ROLE_AGENT;
        case KGEX_REL_MEMBER_OF:
            return KGEX__ROLE_MEMBER;
        case KGEX_REL_STATED:
            return KGEX__ROLE_SPEAKER;
        default:
            return slot == KGEX__SLOT_DST ? KGEX__ROLE_ADDRESSEE : KGEX__ROLE_AGENT;
    }
}

static void fill(kgex__event *ev, int slot, const int *ents, size_t n)
{
    if (slot == KGEX__SLOT_SRC)
        kgex__args_add(ev->src, &ev->nsrc, ents, n);
    else if (slot == KGEX__SLOT_DST)
        kgex__args_add(ev->dst, &ev->ndst, ents, n);
}

#define SKIP_MAX 8 /* words a "*" may skip */

/* Match elements [el, f->len) of frame f from token k; on success fill
 * tmp and return 1. `prev` is the word set of the element before. */
static int match_from(const kgex__doc *d, kgex__event *tmp, const kgex__frame *f, uint32_t el,
                      size_t k, const char *prev)
{
    const kgex_lexicon *lex = d->lex;
    size_t lim = kgex__sent_end(d, tmp->i);
    const kgex__frame_el *fe;
    kgex__np np;
    int ents[KGEX__ARGS_MAX];
    size_t n, got, c;

    if (el == f->len) {
        tmp->end = k;
        return 1;
    }
    fe = &lex->fel[f->first + el];
    k = kgex__skip_adjuncts(d, k, lim);
    if (k >= lim)
        return 0;
    switch (fe->type) {
        case KGEX__FE_WORD:
            if (!word_in(d, k, lex->fpool + fe->words))
                return 0;
            return match_from(d, tmp, f, el + 1, k + 1, lex->fpool + fe->words);
        case KGEX__FE_NOT:
            if (kgex__cue_at(d, k, fe->cls))
                return 0;
            return match_from(d, tmp, f, el + 1, k, prev);
        case KGEX__FE_SKIP:
            for (n = 0; n <= SKIP_MAX && k + n < lim; n++) {
                size_t t = k + n;
                kgex__event save = *tmp;

                if (match_from(d, tmp, f, el + 1, t, prev))
                    return 1;
                *tmp = save;
                if (kgex__is_punct(d, t) || has(d, t, KGEX__W_CLAUSE) ||
                    has(d, t, KGEX__W_SUBORDINATOR))
                    break;
            }
            return 0;
        case KGEX__FE_SLOT:
            if (!kgex__np_at(d, k, &np))
                return 0;
            got = kgex__np_role(d, &np, slot_role(tmp, fe->slot), ents, KGEX__ARGS_MAX);
            fill(tmp, fe->slot, ents, got);
            k = np.e;
            /* "on oil refineries and on Russian border regions" */
            while (prev && k + 2 < lim &&
                   (kgex__is_word(d, k, "and") || kgex__is_word(d, k, ",")) &&
                   word_in(d, k + 1, prev) && kgex__np_at(d, k + 2, &np)) {
                n = kgex__np_role(d, &np, slot_role(tmp, fe->slot), ents, KGEX__ARGS_MAX);
                fill(tmp, fe->slot, ents, n);
                got += n;
                k = np.e;
            }
            if (got == 0)
                return 0;
            return match_from(d, tmp, f, el + 1, k, NULL);
        case KGEX__FE_CLASS:
            if (!kgex__np_at(d, k, &np))
                return 0;
            got = 0;
            for (c = 0; c < np.n; c++) {
                if (!(np.c[c].cls & KGEX__W(fe->cls)))
                    continue;
                got = 1;
                if (fe->slot != KGEX__SLOT_NONE) {
                    if (np.c[c].nmod == 0)
                        tmp->meeting = 1;
                    fill(tmp, fe->slot, np.c[c].mod, np.c[c].nmod);
                }
            }
            if (!got)
                return 0;
            return match_from(d, tmp, f, el + 1, np.e, NULL);
        default:
            return 0;
    }
}

/* Where the frame of an event noun starts: after a coordinated noun
 * ("its invasion and war in Ukraine") and after its agent in a reduced
 * passive ("attacks conducted by Tehran inside Iraq"), whose agent is
 * kept in *src. */
static size_t frame_start(const kgex__doc *d, const kgex__event *ev, kgex__event *tmp)
{
    size_t k = ev->e, lim = kgex__sent_end(d, ev->i);
    kgex__np np;

    if (!ev->noun)
        return k;
    if ((kgex__is_word(d, k, "and") || kgex__is_word(d, k, "or")) && k + 1 < lim &&
        kgex__is_type(d, k + 1, KGEX__TOK_WORD) && !kgex__mention_at(d, k + 1) &&
        !(kgex__flags(d, k + 1) & KGEX__TF_CAP) && !has(d, k + 1, KGEX__W_BOUNDARY) &&
        !has(d, k + 1, KGEX__W_DETERMINER) && !(d->tok_trig[k + 1] >= 0 && d->trig_pos[k + 1] == 1))
        k += 2 + (d->tok_trig[k + 1] >= 0 ? d->trig_len[k + 1] - 1 : 0);
    if (k + 1 < lim && kgex__is_word(d, k + 1, "by") &&
        (has(d, k, KGEX__W_PARTICIPLE) ||
         (strlen(kgex__norm(d, k)) > 3 &&
          strcmp(kgex__norm(d, k) + strlen(kgex__norm(d, k)) - 2, "ed") == 0)) &&
        kgex__np_at(d, k + 2, &np)) {
        int ents[KGEX__ARGS_MAX];
        size_t n = kgex__np_role(d, &np, KGEX__ROLE_AGENT, ents, KGEX__ARGS_MAX);
        kgex__args_add(tmp->src, &tmp->nsrc, ents, n);
        k = np.e;
    }
    return k;
}

/* Try one frame; on success fill ev and return 1. */
static int try_frame(const kgex__doc *d, kgex__event *ev, const kgex__frame *f)
{
    kgex__event tmp = *ev;
    size_t k;

    tmp.nsrc = tmp.ndst = 0;
    tmp.meeting = 0;
    k = frame_start(d, ev, &tmp);
    if (!match_from(d, &tmp, f, 0, k, NULL))
        return 0;
    tmp.framed = 1;
    *ev = tmp;
    return 1;
}

int kgex__frame_match(const kgex__doc *d, kgex__event *ev)
{
    uint32_t f;

    ev->framed = 0;
    ev->end = ev->e;
    if (ev->tr->frame_len == 0) {
        ev->framed = 1;
        return 1;
    }
    for (f = 0; f < ev->tr->frame_len; f++) {
        if (try_frame(d, ev, &d->lex->frame[ev->tr->frame_first + f]))
            return 1;
    }
    return 0;
}

/* -------------------------------------------------------------- dispatch */

/* Parts of speech (bit 0 verb, bit 1 noun) of the trigger entries that
 * match `len` tokens at token i. */
static unsigned pos_at(const kgex__doc *d, size_t i, uint32_t len)
{
    unsigned pos = 0;
    int32_t k;

    for (k = d->tok_tm[i]; k >= 0 && (size_t)k < d->tm_len && d->tm[k].tok == i; k++) {
        if (d->tm[k].len == len)
            pos |= d->lex->trig[d->tm[k].trig].pos == KGEX__POS_NOUN ? 2u : 1u;
    }
    return pos;
}

static int one_event(kgex__doc *d, const kgex__tmatch *m, kgex__half *halves, size_t *nh)
{
    kgex__event ev;
    const kgex__mention *men = kgex__mention_at(d, m->tok);

    /* a trigger word inside a name ("Strike Group", "Peace Appeal Fund") */
    if (men && men->form != KGEX__M_DESC)
        return KGEX_OK;
    memset(&ev, 0, sizeof(ev));
    ev.i = m->tok;
    ev.e = m->tok + m->len;
    ev.tr = &d->lex->trig[m->trig];
    ev.noun = kgex__noun_use(d, ev.i, ev.e, pos_at(d, ev.i, m->len));
    if (ev.noun != (ev.tr->pos == KGEX__POS_NOUN))
        return KGEX_OK;
    if (!ev.noun)
        kgex__vgroup(d, ev.i, ev.e, &ev.vg);
    kgex__frame_match(d, &ev);
    switch (ev.tr->relation) {
        case KGEX_REL_ATTACKED: {
            kgex__half h;
            int error;

            h.agent = h.target = -1;
            error = kgex__rule_attacked(d, &ev, &h);
            if (error == 0 && (h.agent >= 0 || h.target >= 0) && *nh < 32)
                halves[(*nh)++] = h;
            return error;
        }
        case KGEX_REL_APPEALED_TO:
            return kgex__rule_appealed_to(d, &ev);
        case KGEX_REL_STATED:
            return kgex__rule_stated(d, &ev);
        case KGEX_REL_MEMBER_OF:
            return kgex__rule_member_of(d, &ev);
        default:
            return KGEX_OK;
    }
}

/* Relations in reading order: by sentence, then by first token, then in
 * the order found (official_of is read for the whole document first). */
static int cmp_rel(const void *a, const void *b)
{
    const kgex__rel *x = a, *y = b;

    if (x->sent != y->sent)
        return x->sent < y->sent ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

int kgex__rules_apply(kgex__doc *d)
{
    size_t s, i;
    int error;

    error = kgex__official_of_doc(d);
    for (s = 0; error == 0 && s < d->t.sent_len; s++) {
        kgex__half halves[32];
        size_t nh = 0;

        size_t covered = 0; /* a trigger word inside a longer one is no trigger */

        for (i = d->t.sent[s].begin; error == 0 && i < d->t.sent[s].end; i++) {
            int32_t k;

            if (i < covered)
                continue;
            for (k = d->tok_tm[i];
                 error == 0 && k >= 0 && (size_t)k < d->tm_len && d->tm[k].tok == i; k++) {
                error = one_event(d, &d->tm[k], halves, &nh);
                if (i + d->tm[k].len > covered)
                    covered = i + d->tm[k].len;
            }
        }
        if (error == 0)
            error = kgex__attacked_join(d, halves, nh);
        if (error == 0)
            error = kgex__member_of_sentence(d, s);
        if (error == 0)
            error = kgex__stated_sentence(d, s);
    }
    if (error == 0 && d->rel_len > 1) {
        size_t k;
        for (k = 0; k < d->rel_len; k++)
            d->rel[k].order = k;
        qsort(d->rel, d->rel_len, sizeof(*d->rel), cmp_rel);
    }
    return error;
}
