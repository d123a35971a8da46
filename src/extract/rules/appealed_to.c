/*
 * appealed_to.c - "appealed_to": an actor asked another for help, support,
 * protection, intervention, action or a collective response (a request
 * for an emergency meeting of a council, a complaint lodged with it, a
 * request for consultations or for a loan counts too).
 *
 * Every verb or noun of appeal is a trigger whose frames say what must
 * follow it: "to {dst}" (appealed to X), "{dst} to" (urged X to act),
 * "for <meeting:dst>" (asked for an emergency meeting of X), "<help> from
 * {dst}" (sought support from X). The one asking is the verb's subject or,
 * for a noun, its possessor, "from X", "of X" or the subject of a light
 * verb ("submitted a request"). A meeting asked for without its body named
 * is the body that holds it: the subject of the clause ("The Council set a
 * meeting at the request of X") or the body last named. An official asks
 * for the state or organization he serves.
 */
#include <string.h>

#include "common.h"
#include "extract/rules.h"

static int actor_ok(const kgex__doc *d, int ent)
{
    return ent >= 0 && (d->ent[ent].kind == KGEX_KIND_STATE ||
                        d->ent[ent].kind == KGEX_KIND_ORGANIZATION || kgex__is_official(d, ent));
}

static void add_role(const kgex__doc *d, const kgex__np *np, int *list, size_t *n)
{
    int ents[KGEX__ARGS_MAX];
    size_t k = kgex__np_role(d, np, KGEX__ROLE_AGENT, ents, KGEX__ARGS_MAX);

    kgex__args_add(list, n, ents, k);
}

/* The body that holds a meeting asked for without naming it: the
 * organization that is the subject of the clause, else the
 * intergovernmental organization named last before token i. */
static int meeting_body(const kgex__doc *d, size_t i)
{
    size_t b = kgex__sent_begin(d, i), j;
    const kgex__mention *m;

    for (j = b; j < i; j++) {
        m = kgex__mention_at(d, j);
        if (m && !m->location && d->ent[m->ent].kind == KGEX_KIND_ORGANIZATION)
            return kgex__actor(d, m);
        if (m)
            break;
    }
    /* the body named last: one that meets (a council, an assembly), not a
     * state's ministry */
    for (j = i; j-- > 0 && i - j < 400;) {
        m = kgex__mention_at(d, j);
        if (m && !m->location && d->ent[m->ent].kind == KGEX_KIND_ORGANIZATION &&
            d->ent[m->ent].of_state < 0 && d->ent[m->ent].stands_for < 0)
            return m->ent;
    }
    return -1;
}

/* "at the request of X", "X's request", "a request from X", "made a
 * request": who asks, for a noun trigger at [i, e). */
static void noun_askers(const kgex__doc *d, kgex__event *ev)
{
    int ents[KGEX__ARGS_MAX];
    size_t n = kgex__noun_agents(d, ev->i, ents, KGEX__ARGS_MAX), k;
    kgex__np np;

    kgex__args_add(ev->src, &ev->nsrc, ents, n);
    if (ev->nsrc)
        return;
    k = ev->e;
    if ((kgex__is_word(d, k, "of") || kgex__is_word(d, k, "from") || kgex__is_word(d, k, "by")) &&
        kgex__np_at(d, k + 1, &np)) {
        add_role(d, &np, ev->src, &ev->nsrc);
        if (ev->nsrc)
            return;
    }
    /* a light verb: "Ukraine submitted a request", "Kyiv made an appeal" */
    for (k = ev->i; k-- > kgex__sent_begin(d, ev->i) && ev->i - k < 6;) {
        if (has(d, k, KGEX__W_LIGHT_VERB)) {
            kgex__vg vg;
            kgex__vgroup(d, k, k + 1, &vg);
            if (kgex__asserted_verb(d, k, k + 1, &vg) && kgex__subject(d, vg.b, &np))
                add_role(d, &np, ev->src, &ev->nsrc);
            return;
        }
        if (kgex__is_punct(d, k) || kgex__mention_at(d, k))
            return;
    }
}

/* Whom a request noun without "to X" was made to: "The Council set a
 * meeting at the request of Guyana" (the subject of the clause, or the
 * body of a meeting), "agreed to answer a call for assistance from X" (who
 * answers). */
static void noun_addressee(const kgex__doc *d, kgex__event *ev)
{
    size_t b = kgex__sentence_start(d, ev->i), j = ev->i;
    kgex__np np;

    /* back over the noun's phrase: "at the request of", "at Guyana's request" */
    while (j > b && (has(d, j - 1, KGEX__W_DETERMINER) || kgex__mention_at(d, j - 1) ||
                     kgex__is_type(d, j - 1, KGEX__TOK_POSS)))
        j--;
    if (j > b && kgex__is_word(d, j - 1, "at")) {
        size_t k = kgex__skip_adjuncts(d, b, ev->i), c;
        if (k < j && kgex__np_at(d, k, &np)) {
            for (c = 0; c < np.n; c++) {
                if (np.c[c].cls & KGEX__W_MEETING) {
                    int body = np.c[c].nmod ? np.c[c].mod[0] : meeting_body(d, ev->i);
                    kgex__args_add(ev->dst, &ev->ndst, &body, 1);
                }
            }
            if (ev->ndst == 0)
                add_role(d, &np, ev->dst, &ev->ndst);
        }
        return;
    }
    if (j > b && kgex__cue_at(d, j - 1, KGEX__WC_ANSWER)) {
        kgex__vg vg;
        kgex__vgroup(d, j - 1, j, &vg);
        if (vg.inf && vg.gov != (size_t)-1)
            kgex__vgroup(d, vg.gov, vg.gov + 1, &vg);
        if (kgex__subject(d, vg.b, &np))
            add_role(d, &np, ev->dst, &ev->ndst);
    }
}

int kgex__rule_appealed_to(kgex__doc *d, kgex__event *ev)
{
    kgex__np np;
    size_t a, t;
    int error;

    if (!ev->framed && !(ev->vg.passive && !ev->noun))
        return KGEX_OK;
    if (!ev->noun) {
        if (!kgex__asserted_verb(d, ev->i, ev->e, &ev->vg))
            return KGEX_OK;
        if (ev->vg.passive) {
            /* "a session requested by Turkey" */
            size_t k;
            for (k = ev->end; k < kgex__sent_end(d, ev->i) && k < ev->end + 4; k++) {
                if (kgex__is_word(d, k, "by")) {
                    if (kgex__np_at(d, k + 1, &np))
                        add_role(d, &np, ev->src, &ev->nsrc);
                    break;
                }
            }
            /* what was asked for: "a session requested by Turkey" is the
             * body's; "the Council was asked by X" is the Council */
            if (ev->ndst == 0 &&
                (ev->vg.reduced ? kgex__np_ending(d, ev->vg.b, kgex__sent_begin(d, ev->i), &np)
                                : kgex__subject(d, ev->vg.b, &np))) {
                size_t c;
                for (c = 0; c < np.n; c++) {
                    if (np.c[c].cls & KGEX__W_MEETING) {
                        int body = np.c[c].nmod ? np.c[c].mod[0] : meeting_body(d, ev->i);
                        kgex__args_add(ev->dst, &ev->ndst, &body, 1);
                    }
                }
                if (ev->ndst == 0 && !ev->vg.reduced)
                    add_role(d, &np, ev->dst, &ev->ndst);
            }
        } else if (ev->nsrc == 0 && kgex__subject(d, ev->vg.b, &np)) {
            add_role(d, &np, ev->src, &ev->nsrc);
        }
    } else {
        if (!kgex__asserted_noun(d, ev->i, ev->e, 1))
            return KGEX_OK;
        if (ev->nsrc == 0)
            noun_askers(d, ev);
        if (ev->ndst == 0)
            noun_addressee(d, ev);
    }
    if (ev->ndst == 0 && ev->meeting) {
        int body = meeting_body(d, ev->i);
        kgex__args_add(ev->dst, &ev->ndst, &body, 1);
    }
    for (a = 0; a < ev->nsrc; a++) {
        /* an official asks for his state or organization, or for himself
         * when the text names neither */
        int src = kgex__acts_for(d, ev->src[a]) >= 0 ? kgex__acts_for(d, ev->src[a]) : ev->src[a];

        if (!actor_ok(d, src))
            continue;
        for (t = 0; t < ev->ndst; t++) {
            int dst = kgex__acts_for(d, ev->dst[t]);

            if (!actor_ok(d, dst))
                continue;
            error = kgex__doc_add_rel(d, KGEX_REL_APPEALED_TO, src, dst, ev->i,
                                      ev->end > ev->e ? ev->end : ev->e, ev->tr->cameo);
            if (error < 0)
                return error;
        }
    }
    return KGEX_OK;
}
