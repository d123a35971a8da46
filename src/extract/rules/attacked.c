/*
 * attacked.c - "attacked": a state, organization or armed force carried out
 * an attack, strike, shelling, invasion or downing against another actor
 * or its territory.
 *
 * Verbs: the agent is the subject ("Russia shelled Kharkiv"), the target
 * what the trigger's frame reads ("{dst}", "at|on {dst}"); in the passive
 * the subject is the target and "by X" the agent ("a jet was shot down by
 * Turkish F-16s", "attacks conducted by Tehran").
 * Nouns: the agent stands before the noun ("Russia's invasion", "a
 * Russian missile attack"), after it ("attacks by X") or is the subject of
 * a light verb ("X launched an offensive against Y"); the target is read
 * by the frame ("on|against {dst}", "of {dst}").
 * Targets: a city or region stands for its state, "territory", "bases",
 * "positions" for their owner. Only attacks asserted as having happened
 * count (phrase.c decides).
 */
#include <string.h>

#include "common.h"
#include "extract/rules.h"

static int attack_actor(const kgex__doc *d, int ent)
{
    return ent >= 0 &&
           (d->ent[ent].kind == KGEX_KIND_STATE || d->ent[ent].kind == KGEX_KIND_ORGANIZATION);
}

/* The agent of a passive: the phrase after "by" (within a few tokens of
 * the trigger). */
static void by_agents(const kgex__doc *d, kgex__event *ev)
{
    size_t lim = kgex__sent_end(d, ev->i), k;
    kgex__np np;
    int ents[KGEX__ARGS_MAX];
    size_t n;

    for (k = ev->e; k < lim && k < ev->e + 6; k++) {
        if (kgex__is_word(d, k, "by")) {
            if (kgex__np_at(d, k + 1, &np)) {
                n = kgex__np_role(d, &np, KGEX__ROLE_AGENT, ents, KGEX__ARGS_MAX);
                kgex__args_add(ev->src, &ev->nsrc, ents, n);
            }
            return;
        }
        if (kgex__is_punct(d, k))
            return;
    }
}

/* The light verb that governs the event noun at i ("Israel launched an
 * assault on ..."): its token, or (size_t)-1. */
static size_t light_verb_of(const kgex__doc *d, size_t i)
{
    size_t b = kgex__sent_begin(d, i), j = i;

    while (j > b && i - j < 8) {
        size_t t = j - 1;

        if (has(d, t, KGEX__W_LIGHT_VERB))
            return t;
        /* "carried out" */
        if ((kgex__is_word(d, t, "out") || kgex__is_word(d, t, "up")) && t > b &&
            has(d, t - 1, KGEX__W_LIGHT_VERB))
            return t - 1;
        if (kgex__is_punct(d, t) || kgex__mention_at(d, t) ||
            (has(d, t, KGEX__W_PREPOSITION) && !kgex__is_word(d, t, "of")) ||
            has(d, t, KGEX__W_CLAUSE) || has(d, t, KGEX__W_CONJ))
            return (size_t)-1;
        j = t;
    }
    return (size_t)-1;
}

static void subject_agents(const kgex__doc *d, size_t vb, kgex__event *ev)
{
    kgex__np np;
    int ents[KGEX__ARGS_MAX];
    size_t n;

    if (kgex__subject(d, vb, &np)) {
        n = kgex__np_role(d, &np, KGEX__ROLE_AGENT, ents, KGEX__ARGS_MAX);
        kgex__args_add(ev->src, &ev->nsrc, ents, n);
    }
}

int kgex__rule_attacked(kgex__doc *d, kgex__event *ev, kgex__half *half)
{
    int agents[KGEX__ARGS_MAX], targets[KGEX__ARGS_MAX];
    size_t na = 0, nt = 0, a, t;
    int error;

    if (!ev->framed)
        return KGEX_OK;
    if (!ev->noun) {
        if (!kgex__asserted_verb(d, ev->i, ev->e, &ev->vg))
            return KGEX_OK;
        if (ev->vg.passive) {
            kgex__np np;
            int ents[KGEX__ARGS_MAX];
            size_t n;

            /* the subject is what was hit; "by X" did it */
            if (ev->vg.reduced ? kgex__np_ending(d, ev->vg.b, kgex__sent_begin(d, ev->i), &np)
                               : kgex__subject(d, ev->vg.b, &np)) {
                n = kgex__np_role(d, &np, KGEX__ROLE_TARGET, ents, KGEX__ARGS_MAX);
                kgex__args_add(ev->dst, &ev->ndst, ents, n);
            }
            by_agents(d, ev);
        } else {
            subject_agents(d, ev->vg.b, ev);
        }
    } else {
        size_t lv;

        if (!kgex__asserted_noun(d, ev->i, ev->e, 0))
            return KGEX_OK;
        na = kgex__noun_agents(d, ev->i, agents, KGEX__ARGS_MAX);
        kgex__args_add(ev->src, &ev->nsrc, agents, na);
        by_agents(d, ev);
        if (ev->nsrc == 0) {
            lv = light_verb_of(d, ev->i);
            if (lv != (size_t)-1) {
                kgex__vg vg;
                kgex__vgroup(d, lv, lv + 1, &vg);
                subject_agents(d, vg.b, ev);
            }
        }
    }
    na = 0;
    for (a = 0; a < ev->nsrc; a++) {
        int x = kgex__acts_for(d, ev->src[a]);
        if (attack_actor(d, x))
            kgex__args_add(agents, &na, &x, 1);
    }
    for (t = 0; t < ev->ndst; t++) {
        if (attack_actor(d, ev->dst[t]))
            kgex__args_add(targets, &nt, &ev->dst[t], 1);
    }
    if (na > 0 && nt > 0) {
        for (a = 0; a < na; a++) {
            for (t = 0; t < nt; t++) {
                error = kgex__doc_add_rel(d, KGEX_REL_ATTACKED, agents[a], targets[t], ev->i,
                                          ev->end > ev->e ? ev->end : ev->e, ev->tr->cameo);
                if (error < 0)
                    return error;
            }
        }
        return KGEX_OK;
    }
    half->agent = na > 0 ? agents[0] : -1;
    half->target = nt > 0 ? targets[0] : -1;
    half->b = ev->i;
    half->e = ev->end > ev->e ? ev->end : ev->e;
    half->cameo = ev->tr->cameo;
    return KGEX_OK;
}

int kgex__attacked_join(kgex__doc *d, const kgex__half *h, size_t n)
{
    int agent = -1, target = -1;
    size_t k, b = 0, e = 0;
    const char *cameo = NULL;

    for (k = 0; k < n; k++) {
        if (h[k].agent >= 0 && h[k].target < 0 && agent < 0) {
            agent = h[k].agent;
            b = h[k].b;
            cameo = h[k].cameo;
        } else if (h[k].target >= 0 && h[k].agent < 0 && target < 0) {
            target = h[k].target;
            e = h[k].e;
            if (!cameo)
                cameo = h[k].cameo;
        }
    }
    if (agent < 0 || target < 0 || agent == target)
        return KGEX_OK;
    return kgex__doc_add_rel(d, KGEX_REL_ATTACKED, agent, target, b < e ? b : e, b < e ? e : b,
                             cameo);
}
