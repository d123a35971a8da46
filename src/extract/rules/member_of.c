/*
 * member_of.c - "member_of": a state or organization is (or was) a member
 * of an organization.
 *
 * From a member noun (a trigger: "member states", "members"): the
 * organization is its modifier or "of X"; the members are the list that
 * follows ("CSTO member states Belarus and Kazakhstan", "member countries
 * - A, B and C"), the subject of a copula or of "became" ("A and B are
 * members of X"), the phrase it is in apposition to ("A, a member of X,"),
 * or the list before "and other" ("A and other X members").
 * Without a member noun: a list after a list cue ("X, which includes A, B
 * and C", "X comprising ...", "a bloc that includes as full members ..."),
 * founders ("X was set up by A, B and C"), a list before "known as X",
 * and "A joined X".
 * Only present or past membership counts: a future, hoped-for, applied-for
 * or candidate membership, a partnership or an observer seat does not.
 */
#include <string.h>
#include <strings.h>

#include "common.h"
#include "extract/rules.h"

static int is_org(const kgex__doc *d, int ent)
{
    return ent >= 0 && d->ent[ent].kind == KGEX_KIND_ORGANIZATION;
}

static int member_ok(const kgex__doc *d, int ent)
{
    return ent >= 0 &&
           (d->ent[ent].kind == KGEX_KIND_STATE || d->ent[ent].kind == KGEX_KIND_ORGANIZATION);
}

/* A future, hoped-for or refused membership, or a relation that is not
 * membership, in the clause around [b, e). */
static int not_membership(const kgex__doc *d, size_t b, size_t e)
{
    size_t sb = kgex__sent_begin(d, b), k;

    /* the phrase of the member noun and the verbs that govern it ("wants
     * to become a member", "a NATO partner", "is not a member") */
    for (k = b; k-- > sb && b - k < 7;) {
        const kgex__mention *m = kgex__mention_at(d, k);

        if (m) {
            if (d->ent[m->ent].kind != KGEX_KIND_ORGANIZATION)
                break;
            k = m->b;
            continue;
        }
        if (kgex__is_punct(d, k) || has(d, k, KGEX__W_CLAUSE) ||
            (has(d, k, KGEX__W_PREPOSITION) && !kgex__is_word(d, k, "to") &&
             !kgex__is_word(d, k, "of")))
            break;
        if (has(d, k, KGEX__W_FUTURE) || has(d, k, KGEX__W_NONMEMBER) || has(d, k, KGEX__W_MODAL) ||
            kgex__cue_at(d, k, KGEX__WC_FUTURE) > 1 ||
            (has(d, k, KGEX__W_NEGATION) && !kgex__is_word(d, k, "no")) ||
            (kgex__is_word(d, k, "to") && !kgex__is_word(d, k + 1, "the")))
            return 1;
    }
    for (k = b; k < e; k++) {
        if (has(d, k, KGEX__W_NONMEMBER) || has(d, k, KGEX__W_FUTURE))
            return 1;
    }
    return 0;
}

/* The organization a phrase names, directly or as a modifier ("the CSTO",
 * "Mercosur's members"). */
static int org_in(const kgex__doc *d, const kgex__np *np)
{
    size_t k, m;

    for (k = 0; k < np->n; k++) {
        if (is_org(d, np->c[k].ent))
            return np->c[k].ent;
    }
    for (k = 0; k < np->n; k++) {
        for (m = 0; m < np->c[k].nmod; m++) {
            if (is_org(d, np->c[k].mod[m]))
                return np->c[k].mod[m];
        }
    }
    return -1;
}

static int add_members(kgex__doc *d, const int *members, size_t n, int org, size_t b, size_t e)
{
    size_t k;
    int error;

    for (k = 0; k < n; k++) {
        if (!member_ok(d, members[k]) || members[k] == org)
            continue;
        error = kgex__doc_add_rel(d, KGEX_REL_MEMBER_OF, members[k], org, b, e, NULL);
        if (error < 0)
            return error;
    }
    return KGEX_OK;
}

/* The members listed from token k: after ":", a dash, ",", "such as",
 * "including", or directly. */
static size_t list_after(const kgex__doc *d, size_t k, int *out, size_t cap, size_t *end)
{
    size_t lim = kgex__sent_end(d, k), n;
    kgex__np np;

    if (kgex__is_word(d, k, ":") || kgex__is_word(d, k, "-") ||
        kgex__is_word(d, k, "\xe2\x80\x94") || kgex__is_word(d, k, "\xe2\x80\x93") ||
        kgex__is_word(d, k, ","))
        k++;
    if (kgex__cue_at(d, k, KGEX__WC_MEMBER_LIST))
        k += kgex__cue_at(d, k, KGEX__WC_MEMBER_LIST);
    else if (has(d, k, KGEX__W_LIST_OPENER))
        k++;
    /* "as full members" */
    if (kgex__is_word(d, k, "as")) {
        size_t j = k + 1;
        while (j < lim && j < k + 4 && !kgex__mention_at(d, j) && d->tok_tm[j] < 0)
            j++;
        if (j < lim && d->tok_tm[j] >= 0 &&
            d->lex->trig[d->tm[d->tok_tm[j]].trig].relation == KGEX_REL_MEMBER_OF)
            k = j + d->tm[d->tok_tm[j]].len;
    }
    if (k >= lim || !kgex__np_at(d, k, &np))
        return 0;
    /* "A and B as observers", "A as a partner" */
    k = np.e;
    if (kgex__is_word(d, k, "as")) {
        size_t j;
        for (j = k + 1; j < lim && j < k + 4; j++) {
            if (has(d, j, KGEX__W_NONMEMBER) || has(d, j, KGEX__W_FUTURE))
                return 0;
        }
    }
    n = kgex__np_role(d, &np, KGEX__ROLE_MEMBER, out, cap);
    *end = np.e;
    return n;
}

/* The organization a list cue or a description at token j (its phrase
 * ending just before j) stands for: the phrase itself, or, for a
 * description ("a security bloc"), the phrase it is predicated of ("the
 * SCO is a ... bloc that includes") or in apposition to ("the JEF - a
 * force comprising"). */
static int org_before(const kgex__doc *d, size_t j)
{
    size_t b = kgex__sent_begin(d, j), k = j;
    kgex__np np;
    int org;

    /* "X is made up of", "X, which is composed of" */
    while (k > b && (has(d, k - 1, KGEX__W_BE) || has(d, k - 1, KGEX__W_ADVERB)))
        k--;
    if (k > b && kgex__is_word(d, k - 1, ","))
        k--;
    if (k > b && has(d, k - 1, KGEX__W_CLAUSE))
        k--;
    if (k > b && kgex__is_word(d, k - 1, ","))
        k--;
    if (!kgex__np_ending(d, k, b, &np))
        return -1;
    org = org_in(d, &np);
    if (org >= 0)
        return org;
    /* a description ("a security and trade bloc"): look through a copula,
     * a comma or a dash */
    k = np.b;
    while (k > b && np.b - k < 6 && kgex__is_type(d, k - 1, KGEX__TOK_WORD) &&
           !has(d, k - 1, KGEX__W_BE) && !has(d, k - 1, KGEX__W_CLAUSE) &&
           !kgex__mention_at(d, k - 1) && !has(d, k - 1, KGEX__W_PREPOSITION))
        k--;
    if (k > b && has(d, k - 1, KGEX__W_BE)) {
        kgex__np subj;
        kgex__vg vg;
        kgex__vgroup(d, k - 1, k, &vg);
        if (kgex__subject(d, vg.b, &subj))
            return org_in(d, &subj);
        return -1;
    }
    if (k > b &&
        (kgex__is_word(d, k - 1, ",") || kgex__is_word(d, k - 1, "-") ||
         kgex__is_word(d, k - 1, "\xe2\x80\x94") || kgex__is_word(d, k - 1, "\xe2\x80\x93"))) {
        size_t at = k - 1;
        if (at > b && kgex__is_word(d, at - 1, ")")) {
            while (at > b && !kgex__is_word(d, at - 1, "("))
                at--;
            if (at > b)
                at--;
        }
        if (kgex__np_ending(d, at, b, &np))
            return org_in(d, &np);
    }
    return -1;
}

static int recent_org(const kgex__doc *d, size_t i);
static int relative_org(const kgex__doc *d, size_t i);

/* "The CSTO, which Armenia is a member of," / "The CSTO, of which
 * Armenia is a member,": the organization before the relative pronoun of
 * the clause of token i. */
static int relative_org(const kgex__doc *d, size_t i)
{
    size_t b = kgex__sent_begin(d, i), k;
    kgex__np np;

    for (k = i; k-- > b && i - k < 8;) {
        if (kgex__is_punct(d, k) && !kgex__is_word(d, k, ","))
            return -1;
        if (kgex__is_word(d, k, "which") || kgex__is_word(d, k, "whose")) {
            size_t j = k;
            if (j > b && (kgex__is_word(d, j - 1, "of") || kgex__is_word(d, j - 1, "to")))
                j--;
            if (j > b && kgex__is_word(d, j - 1, ","))
                j--;
            return kgex__np_ending(d, j, b, &np) ? org_in(d, &np) : -1;
        }
    }
    return -1;
}

/* A verb of membership: "Niger belongs to WAEMU", "Syria was readmitted to
 * the Arab League", "a body to which Iraq and Saudi Arabia belong". */
static int member_verb(kgex__doc *d, kgex__event *ev)
{
    size_t b = kgex__sent_begin(d, ev->i), k, n;
    int members[KGEX__ARGS_MAX], org, error = KGEX_OK;
    kgex__np np;

    /* "no longer belongs": a past member is a member */
    if ((ev->vg.neg && !(ev->vg.b > b && kgex__is_word(d, ev->i - 1, "longer"))) || ev->vg.modal ||
        (ev->vg.inf && !has(d, ev->vg.gov, KGEX__W_FACTIVE)))
        return KGEX_OK;
    for (k = ev->vg.b; k-- > b && ev->vg.b - k < 4;) {
        if (has(d, k, KGEX__W_FUTURE))
            return KGEX_OK;
    }
    if (!ev->framed || ev->ndst == 0) {
        org = relative_org(d, ev->vg.b);
        if (org < 0)
            return KGEX_OK;
        ev->dst[ev->ndst++] = org;
    }
    if (!kgex__subject(d, ev->vg.b, &np))
        return KGEX_OK;
    n = kgex__np_role(d, &np, KGEX__ROLE_MEMBER, members, KGEX__ARGS_MAX);
    for (k = 0; error == 0 && k < ev->ndst; k++) {
        if (is_org(d, ev->dst[k]))
            error = add_members(d, members, n, ev->dst[k], np.b, ev->end);
    }
    return error;
}

int kgex__rule_member_of(kgex__doc *d, kgex__event *ev)
{
    size_t b = kgex__sent_begin(d, ev->i), k, n, end = ev->e, extra;
    int members[KGEX__ARGS_MAX], orgs[KGEX__ARGS_MAX], more[KGEX__ARGS_MAX], org = -1, org2 = -1,
                                                                             error;
    kgex__np np;

    if (!ev->noun)
        return member_verb(d, ev);

    /* the organization: a modifier ("CSTO member states", "the bloc's
     * newest member") or "of X" */
    n = kgex__noun_agents(d, ev->i, orgs, KGEX__ARGS_MAX);
    for (k = 0; k < n && org < 0; k++) {
        if (is_org(d, orgs[k]))
            org = orgs[k];
    }
    /* "non-NATO countries" */
    for (k = ev->i; org >= 0 && k-- > b && ev->i - k < 4;) {
        const kgex__mention *m = kgex__mention_at(d, k);
        if (m && kgex__actor(d, m) == org) {
            if (m->b > b && kgex__is_word(d, m->b - 1, "non"))
                return KGEX_OK;
            break;
        }
    }
    /* "members of X" ("of" may end the trigger); other states listed
     * with X are members too ("members of the bloc, along with A and B") */
    k = kgex__is_word(d, ev->e - 1, "of") ? ev->e : kgex__is_word(d, ev->e, "of") ? ev->e + 1 : 0;
    extra = 0;
    if (k && kgex__np_at(d, k, &np)) {
        size_t c;
        if (org < 0)
            org = org_in(d, &np);
        for (c = 1; c < np.n; c++) {
            if (np.c[c].ent >= 0 && d->ent[np.c[c].ent].kind == KGEX_KIND_STATE &&
                extra < KGEX__ARGS_MAX)
                more[extra++] = np.c[c].ent;
        }
        end = np.e;
        /* "members of the African Union and of IGAD" */
        if (kgex__is_word(d, end, "and") && kgex__is_word(d, end + 1, "of") &&
            kgex__np_at(d, end + 2, &np)) {
            org2 = org_in(d, &np);
            end = np.e;
        }
    }
    if (org < 0)
        org = relative_org(d, ev->i);
    /* "alliance member Turkey", "became full members": the body named just
     * before */
    if (org < 0 && ev->i > b &&
        (has(d, ev->i - 1, KGEX__W_ORG_NOUN) || has(d, ev->i - 1, KGEX__W_JOIN) ||
         (kgex__is_word(d, ev->i - 1, "full") && ev->i - 1 > b && has(d, ev->i - 2, KGEX__W_JOIN))))
        org = recent_org(d, ev->i);
    if (org < 0 || not_membership(d, ev->i, ev->e))
        return KGEX_OK;
    /* the members listed after it */
    n = list_after(d, end, members, KGEX__ARGS_MAX, &k);
    if (n > 0)
        return add_members(d, members, n, org, ev->i, k);
    /* before it: copula, "became", apposition, "and other", "both" */
    k = ev->i;
    while (k > b &&
           (has(d, k - 1, KGEX__W_DETERMINER) || d->tok_men[k - 1] >= 0 ||
            kgex__is_type(d, k - 1, KGEX__TOK_POSS) || kgex__is_type(d, k - 1, KGEX__TOK_NUMBER) ||
            (kgex__norm(d, k - 1)[0] && !has(d, k - 1, KGEX__W_BOUNDARY) &&
             !kgex__is_punct(d, k - 1) && !has(d, k - 1, KGEX__W_JOIN) &&
             !kgex__is_word(d, k - 1, "other") && !kgex__is_word(d, k - 1, "both") &&
             !kgex__is_word(d, k - 1, "all"))))
        k--;
    /* "one of the N members of X" */
    if (k > b + 1 && kgex__is_word(d, k - 1, "of") && has(d, k - 2, KGEX__W_QUANTITY))
        k -= 2;
    if (k > b && (has(d, k - 1, KGEX__W_BE) || has(d, k - 1, KGEX__W_JOIN))) {
        kgex__vg vg;
        kgex__vgroup(d, k - 1, k, &vg);
        if (vg.neg || vg.modal || vg.inf || has(d, vg.b > b ? vg.b - 1 : b, KGEX__W_FUTURE))
            return KGEX_OK;
        if (!kgex__subject(d, vg.b, &np))
            return KGEX_OK;
    } else if (k > b && (kgex__is_word(d, k - 1, "other") || kgex__is_word(d, k - 1, "both") ||
                         kgex__is_word(d, k - 1, "all"))) {
        size_t j = k - 1;
        if (kgex__is_word(d, j, "other") && j > b && kgex__is_word(d, j - 1, "and"))
            j--;
        else if (j > b && kgex__is_word(d, j - 1, ","))
            j--;
        if (!kgex__np_ending(d, j, b, &np))
            return KGEX_OK;
    } else if (k > b && kgex__is_word(d, k - 1, ",")) {
        if (!kgex__np_ending(d, k - 1, b, &np))
            return KGEX_OK;
    } else {
        return KGEX_OK;
    }
    n = kgex__np_role(d, &np, KGEX__ROLE_MEMBER, members, KGEX__ARGS_MAX);
    error = add_members(d, members, n, org, np.b, ev->e);
    if (error == 0 && org2 >= 0)
        error = add_members(d, members, n, org2, np.b, end);
    if (error == 0 && n > 0)
        error = add_members(d, more, extra, org, np.b, end);
    return error;
}

/* The organization joined without being named ("South Africa joined a
 * year later"): the last organization named in the sentence before i or
 * in the one before. */
static int recent_org(const kgex__doc *d, size_t i)
{
    size_t s = kgex__sentence_of(d, i), lo = d->t.sent[s > 0 ? s - 1 : s].begin, j;

    for (j = i; j-- > lo;) {
        const kgex__mention *m = kgex__mention_at(d, j);
        if (m && !m->location && is_org(d, kgex__actor(d, m)))
            return kgex__actor(d, m);
    }
    return -1;
}

int kgex__member_of_sentence(kgex__doc *d, size_t s)
{
    size_t i, b = d->t.sent[s].begin, e = d->t.sent[s].end, n, end;
    int members[KGEX__ARGS_MAX], org, error;
    kgex__np np;

    for (i = b; i < e; i++) {
        size_t len;

        /* "X, which includes A, B and C", "X comprising A and B" */
        len = kgex__cue_at(d, i, KGEX__WC_MEMBER_LIST);
        if (len && i > b) {
            org = org_before(d, i);
            if (org >= 0 && !not_membership(d, i, i + len)) {
                n = list_after(d, i, members, KGEX__ARGS_MAX, &end);
                error = add_members(d, members, n, org, i, n ? end : i + len);
                if (error < 0)
                    return error;
            }
            continue;
        }
        /* "X was set up by A, B and C" */
        len = kgex__cue_at(d, i, KGEX__WC_FOUNDED);
        if (len) {
            kgex__vg vg;
            size_t by = kgex__skip_adjuncts(d, i + len, e);

            kgex__vgroup(d, i, i + 1, &vg);
            if (kgex__is_word(d, by, "by") && kgex__subject(d, vg.b, &np) &&
                (org = org_in(d, &np)) >= 0 && kgex__np_at(d, by + 1, &np)) {
                n = kgex__np_role(d, &np, KGEX__ROLE_MEMBER, members, KGEX__ARGS_MAX);
                error = add_members(d, members, n, org, i, np.e);
                if (error < 0)
                    return error;
            }
            continue;
        }
        /* "A, B and C - collectively known as X", "..., who call
         * themselves X" */
        len = kgex__cue_at(d, i, KGEX__WC_KNOWN_AS);
        if (len && kgex__np_at(d, i + len, &np) && (org = org_in(d, &np)) >= 0) {
            size_t j = i;
            kgex__np list;

            if (j > b && has(d, j - 1, KGEX__W_CLAUSE))
                j--;
            if (j > b && has(d, j - 1, KGEX__W_ADVERB))
                j--;
            if (j > b && (kgex__is_word(d, j - 1, ",") || kgex__is_word(d, j - 1, "-") ||
                          kgex__is_word(d, j - 1, "\xe2\x80\x94") ||
                          kgex__is_word(d, j - 1, "\xe2\x80\x93")))
                j--;
            if (kgex__np_ending(d, j, b, &list)) {
                n = kgex__np_role(d, &list, KGEX__ROLE_MEMBER, members, KGEX__ARGS_MAX);
                if (n >= 2) {
                    error = add_members(d, members, n, org, list.b, np.e);
                    if (error < 0)
                        return error;
                }
            }
            continue;
        }
        /* "a military alliance between Burkina Faso, Mali and Niger": the
         * body whose name has that noun */
        if (has(d, i, KGEX__W_ORG_NOUN) && !kgex__mention_at(d, i) &&
            (kgex__is_word(d, i + 1, "between") || kgex__is_word(d, i + 1, "of")) &&
            kgex__np_at(d, i + 2, &np) && np.n >= 2 && (org = kgex__org_named(d, i)) >= 0) {
            n = kgex__np_role(d, &np, KGEX__ROLE_MEMBER, members, KGEX__ARGS_MAX);
            error = add_members(d, members, n, org, i, np.e);
            if (error < 0)
                return error;
            continue;
        }
        /* "A joined X", "South Africa joined a year later" */
        if (has(d, i, KGEX__W_JOIN) && d->tok_men[i] < 0 &&
            (kgex__is_word(d, i, "joined") || kgex__is_word(d, i, "joins") ||
             kgex__is_word(d, i, "rejoined"))) {
            kgex__vg vg;
            size_t k = kgex__skip_adjuncts(d, i + 1, e);

            kgex__vgroup(d, i, i + 1, &vg);
            if (!kgex__asserted_verb(d, i, i + 1, &vg) || vg.passive)
                continue;
            org = -1;
            if (kgex__np_at(d, k, &np)) {
                /* the body itself, not its talks or programme */
                if (is_org(d, np.c[0].ent))
                    org = np.c[0].ent;
                else if (np.c[0].ent >= 0 || (!has(d, np.c[0].head, KGEX__W_TIME) &&
                                              !kgex__is_type(d, np.c[0].head, KGEX__TOK_NUMBER)))
                    continue;
            }
            if (org < 0)
                org = recent_org(d, i);
            if (org >= 0 && kgex__subject(d, vg.b, &np)) {
                n = kgex__np_role(d, &np, KGEX__ROLE_MEMBER, members, KGEX__ARGS_MAX);
                error = add_members(d, members, n, org, np.b, i + 1);
                if (error < 0)
                    return error;
            }
        }
    }
    return KGEX_OK;
}
