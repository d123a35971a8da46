/*
 * rules.c - relations between the mentions of a document.
 *
 * Each rule starts from a trigger the lexicon found (an attack verb or
 * noun, a verb of saying, an appeal, a member noun) and reads its
 * arguments from the words around it, inside one sentence:
 *   - the subject: the head of the noun phrase before the verb, skipping
 *     adverbs, auxiliaries, "on Friday" and parentheses (", however,",
 *     ", a CSTO member-state,"); pronouns and descriptions resolved;
 *   - the object: the head of the noun phrase after it, through "of";
 *   - nominal forms: "X's attack on Y", "the X invasion of Y", "the
 *     invasion of X troops into Y", "an attack on Y by X", "X launched an
 *     attack on Y"; passive "Y was attacked by X";
 *   - no relation from negated, modal, conditional or hypothetical uses
 *     ("did not", "can attack", "if attacked", "in case of an attack").
 * Every rule looks at a bounded window around its trigger, so the whole
 * pass is linear in the length of the document.
 */
#include <string.h>

#include "common.h"
#include "extract/doc.h"

#define WINDOW 24

static const char *norm(const kgex__doc *d, size_t i)
{
    return kgex__tok_norm(&d->t, i);
}

static int is_type(const kgex__doc *d, size_t i, int type)
{
    return i < d->t.len && d->t.tok[i].type == type;
}

static int is_punct(const kgex__doc *d, size_t i)
{
    return i >= d->t.len || is_type(d, i, KGEX__TOK_PUNCT) || is_type(d, i, KGEX__TOK_QOPEN) ||
           is_type(d, i, KGEX__TOK_QCLOSE);
}

/* The entity a mention stands for in a relation: a state's armed forces
 * stand for the state. -1 for places. */
static int actor(const kgex__doc *d, const kgex__mention *m)
{
    if (!m || m->ent < 0 || m->location)
        return -1;
    if (d->ent[m->ent].stands_for >= 0)
        return d->ent[m->ent].stands_for;
    return m->ent;
}

static size_t sent_begin(const kgex__doc *d, size_t i)
{
    return d->t.sent[kgex__sentence_of(d, i)].begin;
}

static size_t sent_end(const kgex__doc *d, size_t i)
{
    return d->t.sent[kgex__sentence_of(d, i)].end;
}

/* Negated, modal, conditional or hypothetical use of the trigger at i. */
static int hypothetical(const kgex__doc *d, size_t i)
{
    size_t b = sent_begin(d, i), j, steps = 0;

    for (j = i; j-- > b && steps < 4;) {
        if (is_punct(d, j) && !is_type(d, j, KGEX__TOK_QOPEN) && !is_type(d, j, KGEX__TOK_QCLOSE))
            break;
        if (has(d, j, KGEX__W_MODAL))
            return 1;
        if (!has(d, j, KGEX__W_ADVERB) && !has(d, j, KGEX__W_BE) && !has(d, j, KGEX__W_DETERMINER))
            steps++;
    }
    /* a conditional earlier in the same clause */
    for (j = i; j-- > b && i - j < WINDOW;) {
        if (kgex__is_word(d, j, ",") || kgex__is_word(d, j, ";") || kgex__is_word(d, j, ":"))
            break;
        if (has(d, j, KGEX__W_CONDITIONAL))
            return 1;
    }
    /* a question */
    {
        size_t e = sent_end(d, i);
        if (e > 0 && kgex__is_word(d, e - 1, "?"))
            return 1;
    }
    return 0;
}

/* Head of the noun phrase that ends at token j (inclusive), scanning left
 * to a boundary: the last mention in it. Handles "X and other ...", "the
 * CSTO head" and pronouns. -1 when none. */
static int np_head_left(const kgex__doc *d, size_t j, size_t *start_out)
{
    size_t b = sent_begin(d, j), k = j + 1;
    int head = -1, has_other = 0;

    while (k > b) {
        size_t t = k - 1;
        const kgex__mention *m = kgex__mention_at(d, t);

        if (m && m->ent >= 0) {
            if (head < 0 && !m->location)
                head = actor(d, m);
            k = m->b;
            continue;
        }
        if (is_type(d, t, KGEX__TOK_POSS) || (d->t.tok[t].flags & KGEX__TF_HYPH) ||
            is_type(d, t, KGEX__TOK_NUMBER)) {
            k = t;
            continue;
        }
        if (is_punct(d, t) || has(d, t, KGEX__W_BOUNDARY))
            break;
        if (kgex__is_word(d, t, "other"))
            has_other = 1;
        if (kgex__is_word(d, t, "he") || kgex__is_word(d, t, "she") || kgex__is_word(d, t, "it")) {
            if (head < 0 && t + 1 == j + 1)
                head = kgex__resolve_pronoun(d, t);
            k = t;
            break;
        }
        k = t;
    }
    /* "Russia and (the) other CSTO member states" */
    if (has_other && k > b + 1 && kgex__is_word(d, k - 1, "and")) {
        size_t s;
        int x = np_head_left(d, k - 2, &s);
        if (start_out)
            *start_out = s;
        return x;
    }
    if (start_out)
        *start_out = k;
    /* the phrase's head noun must be the entity or stand for it: "the
     * Armenian government", not "the security bloc's top commander" */
    if (head >= 0 && !kgex__mention_at(d, j) && !has(d, j, KGEX__W_ACTOR_NOUN) &&
        !is_type(d, j, KGEX__TOK_NUMBER) && !(d->t.tok[j].flags & KGEX__TF_HYPH) &&
        !kgex__is_word(d, j, "he") && !kgex__is_word(d, j, "she") && !kgex__is_word(d, j, "it"))
        return -1;
    /* the object of a preposition is no subject: "in Armenia explaining" */
    if (k > b && has(d, k - 1, KGEX__W_PREPOSITION) && kgex__mention_at(d, k) &&
        actor(d, kgex__mention_at(d, k)) == head)
        return -1;
    return head;
}

/* The entity that opens sentence-start token b's sentence as its subject
 * ("The Armenian government appealed ..."), or -1. */
static int sentence_subject(const kgex__doc *d, size_t b)
{
    size_t e = sent_end(d, b), k = b;
    const kgex__mention *m;

    while (k < e && k - b < 3 && !kgex__mention_at(d, k) &&
           (has(d, k, KGEX__W_DETERMINER) || has(d, k, KGEX__W_ADVERB)))
        k++;
    m = kgex__mention_at(d, k);
    if (!m || m->location)
        return -1;
    /* the whole noun phrase: "Russian Foreign Ministry spokeswoman Maria
     * Zakharova" has the official as its head, not the ministry */
    for (k = m->e; k < e;) {
        const kgex__mention *n = kgex__mention_at(d, k);

        if (n) {
            k = n->e;
        } else if (d->tok_title[k] >= 0) {
            k += d->title_len[k];
        } else if (is_type(d, k, KGEX__TOK_POSS) || (d->t.tok[k].flags & KGEX__TF_HYPH) ||
                   has(d, k, KGEX__W_ACTOR_NOUN)) {
            k++;
        } else {
            break;
        }
    }
    /* "The Kremlin's spokesman, Dmitry Peskov, said ... but called on ..." */
    if (kgex__is_word(d, k, ",")) {
        const kgex__mention *p = kgex__mention_at(d, k + 1);
        if (p && p->b == k + 1 && kgex__is_word(d, p->e, ",") &&
            d->ent[p->ent].kind == KGEX_KIND_OFFICIAL)
            return p->ent;
    }
    return np_head_left(d, k - 1, NULL);
}

/* Subject of the verb at token i; *start_out (may be NULL) receives the
 * first token of the subject's phrase when it is read from the words
 * before the verb. */
static int subject_at(const kgex__doc *d, size_t i, size_t *start_out)
{
    size_t b = sent_begin(d, i), j = i;

    if (start_out)
        *start_out = i;

    while (j > b) {
        size_t t = j - 1;

        if (has(d, t, KGEX__W_ADVERB) || has(d, t, KGEX__W_BE) ||
            ((d->t.tok[t].flags & KGEX__TF_HYPH) == 0 && strlen(norm(d, t)) > 4 &&
             strcmp(norm(d, t) + strlen(norm(d, t)) - 2, "ly") == 0 &&
             !(d->t.tok[t].flags & KGEX__TF_CAP))) {
            j = t;
            continue;
        }
        /* "on Friday", "in May 2021", "on December 15" */
        if ((d->t.tok[t].flags & KGEX__TF_CAP || is_type(d, t, KGEX__TOK_NUMBER)) && t > b &&
            kgex__mention_at(d, t) == NULL) {
            size_t u = t;
            while (u > b &&
                   (is_type(d, u - 1, KGEX__TOK_NUMBER) ||
                    ((d->t.tok[u - 1].flags & KGEX__TF_CAP) && !kgex__mention_at(d, u - 1))))
                u--;
            if (u > b && (kgex__is_word(d, u - 1, "on") || kgex__is_word(d, u - 1, "in") ||
                          kgex__is_word(d, u - 1, "last") || kgex__is_word(d, u - 1, "this"))) {
                j = u - 1;
                continue;
            }
        }
        /* ", however," ", a CSTO member-state," */
        if (kgex__is_word(d, t, ",")) {
            size_t u;
            int found = 0;

            for (u = t; u-- > b && t - u < 24;) {
                if (kgex__is_word(d, u, ",")) {
                    found = 1;
                    break;
                }
                if (is_type(d, u, KGEX__TOK_QCLOSE) || is_type(d, u, KGEX__TOK_QOPEN))
                    break;
            }
            if (found && kgex__mention_at(d, u + 1) && kgex__mention_at(d, u + 1)->b == u + 1 &&
                kgex__mention_at(d, u + 1)->e == t &&
                d->ent[kgex__mention_at(d, u + 1)->ent].kind == KGEX_KIND_OFFICIAL)
                return kgex__mention_at(d, u + 1)->ent; /* "The spokeswoman of X, NAME, said" */
            if (found &&
                (has(d, u + 1, KGEX__W_DETERMINER) || kgex__is_word(d, u + 1, "however") ||
                 kgex__is_word(d, u + 1, "who") || kgex__is_word(d, u + 1, "which") ||
                 kgex__is_word(d, u + 1, "meanwhile") || kgex__is_word(d, u + 1, "member") ||
                 kgex__is_word(d, u + 1, "too") || kgex__is_word(d, u + 1, "in") ||
                 kgex__is_word(d, u + 1, "according") || d->tok_title[u + 1] >= 0)) {
                j = u;
                continue;
            }
            return -1;
        }
        break;
    }
    if (j == b || is_type(d, j - 1, KGEX__TOK_POSS) || has(d, j - 1, KGEX__W_DETERMINER))
        return -1;
    /* "Armenia appealed to the CSTO and (also) asked the UN ...": the
     * coordinated verb shares the subject of the sentence */
    if (kgex__is_word(d, j - 1, "and") || kgex__is_word(d, j - 1, "but"))
        return sentence_subject(d, b);
    return np_head_left(d, j - 1, start_out);
}

static int subject_of(const kgex__doc *d, size_t i)
{
    return subject_at(d, i, NULL);
}

/* Head of the noun phrase starting at token i: the last mention before a
 * boundary; if there is none yet, "of" continues the phrase. *end_out is
 * set after the phrase. */
static int np_head_right(const kgex__doc *d, size_t i, size_t *end_out)
{
    size_t e, k = i;
    int head = -1;

    if (i >= d->t.len) {
        if (end_out)
            *end_out = i;
        return -1;
    }
    e = sent_end(d, i);

    while (k < e && k - i < WINDOW) {
        const kgex__mention *m = kgex__mention_at(d, k);

        if (m && m->ent >= 0) {
            if (!m->location)
                head = actor(d, m);
            k = m->e;
            continue;
        }
        if (kgex__is_word(d, k, "of")) {
            if (head >= 0)
                break;
            k++;
            continue;
        }
        if (is_type(d, k, KGEX__TOK_POSS) || (d->t.tok[k].flags & KGEX__TF_HYPH)) {
            k++;
            continue;
        }
        if (is_punct(d, k) || has(d, k, KGEX__W_BOUNDARY))
            break;
        if (k == i && (kgex__is_word(d, k, "he") || kgex__is_word(d, k, "she"))) {
            head = kgex__resolve_pronoun(d, k);
            k++;
            break;
        }
        k++;
    }
    if (end_out)
        *end_out = k;
    return head;
}

static int add_rel(kgex__doc *d, kgex_relation rel, int src, int dst, size_t b, size_t e,
                   const char *cameo)
{
    kgex__rel *r;
    size_t s = kgex__sentence_of(d, b), k;
    int error;

    if (src < 0 || (rel != KGEX_REL_STATED && (dst < 0 || dst == src)))
        return KGEX_OK;
    /* one relation per sentence; relations come in sentence order, so only
     * the tail of the list can be of this sentence */
    for (k = d->rel_len; k-- > 0 && d->rel[k].sent >= s;) {
        r = &d->rel[k];
        if (r->rel == rel && r->src == src && r->sent == s &&
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
    memcpy(r->date, d->sent_date[s], sizeof(r->date));
    return KGEX_OK;
}

static int kind_ok(const kgex__doc *d, int ent, int allow_person)
{
    return ent >= 0 && (allow_person || d->ent[ent].kind != KGEX_KIND_OFFICIAL) &&
           d->ent[ent].kind != KGEX_KIND_EVENT;
}

/* Is the trigger at i used as a noun? */
static int noun_use(const kgex__doc *d, size_t i)
{
    uint8_t pos = d->trig_pos[i];
    size_t j;

    if (pos == 1)
        return 0;
    if (pos == 2)
        return 1;
    if (i == 0)
        return 0;
    j = i - 1;
    while (j > 0 && !kgex__mention_at(d, j) && !is_punct(d, j) && !has(d, j, KGEX__W_DETERMINER) &&
           !has(d, j, KGEX__W_BOUNDARY) && i - j < 4 && !is_type(d, j, KGEX__TOK_POSS))
        j--;
    return has(d, j, KGEX__W_DETERMINER) || is_type(d, j, KGEX__TOK_POSS) ||
           (kgex__mention_at(d, j) && j + 1 == i);
}

/* --------------------------------------------------------------- attacked */

typedef struct frame {
    int agent, target;
    int more[3]; /* further targets: "... in northern Syria and Iraq" */
    size_t nmore;
    size_t b, e;
    const char *cameo;
} frame;

/* The state of the first place (a city or a capital used as a place) in
 * the noun phrase at token a, or -1. */
static int place_in(const kgex__doc *d, size_t a)
{
    size_t e = sent_end(d, a), k;

    for (k = a; k < e && k < a + 6; k++) {
        const kgex__mention *m = kgex__mention_at(d, k);

        if (m && m->ent >= 0 && m->location && d->ent[m->ent].kind == KGEX_KIND_STATE)
            return m->ent;
        if (m)
            return -1;
        if (is_punct(d, k) || (has(d, k, KGEX__W_BOUNDARY) && k > a))
            return -1;
    }
    return -1;
}

/* Target of an attack in the phrase at token a: its head, else the place
 * it is in ("villages in Armenia's Tavush Province", "cities across
 * Ukraine"); coordinated ones go to f->more. *end_out after the phrase. */
static int target_right(const kgex__doc *d, size_t a, size_t *end_out, frame *f)
{
    size_t end;
    int x = np_head_right(d, a, &end);

    if (x < 0)
        x = place_in(d, a); /* "shelled Kherson": the state of the place */
    if (x < 0 && (kgex__is_word(d, end, "in") || kgex__is_word(d, end, "inside") ||
                  kgex__is_word(d, end, "across") || kgex__is_word(d, end, "throughout") ||
                  kgex__is_word(d, end, "near") || kgex__is_word(d, end, "outside"))) {
        size_t a2 = end + 1;
        x = np_head_right(d, a2, &end);
        if (x < 0)
            x = place_in(d, a2); /* "a residential building in Kharkiv" */
    }
    f->nmore = 0;
    while (x >= 0 && f->nmore < 3 && (kgex__is_word(d, end, "and") || kgex__is_word(d, end, ","))) {
        size_t a2 = end + 1;
        const kgex__mention *m;

        if (kgex__is_word(d, a2, "and"))
            a2++;
        if (kgex__is_word(d, a2, "the"))
            a2++;
        m = kgex__mention_at(d, a2);
        if (!m || m->b != a2 || actor(d, m) < 0 || !kind_ok(d, actor(d, m), 0))
            break;
        f->more[f->nmore++] = actor(d, m);
        end = m->e;
    }
    if (end_out)
        *end_out = end;
    return x;
}

/* Agent of a noun trigger from what precedes it: "Azerbaijan's attack",
 * "the Russian invasion", "its attacks", or the subject of a light verb
 * ("X launched a brazen attack"). */
static int noun_agent(const kgex__doc *d, size_t i)
{
    size_t b = sent_begin(d, i), j = i;
    int steps = 0;

    while (j > b && steps < 5) {
        size_t t = j - 1;
        const kgex__mention *m = kgex__mention_at(d, t);

        if (m && m->ent >= 0)
            return actor(d, m);
        if (is_type(d, t, KGEX__TOK_POSS)) {
            j = t;
            continue;
        }
        if (kgex__is_word(d, t, "its") || kgex__is_word(d, t, "their")) {
            size_t u;
            for (u = t; u-- > b;) {
                const kgex__mention *mm = kgex__mention_at(d, u);
                if (mm && actor(d, mm) >= 0 && d->ent[actor(d, mm)].kind != KGEX_KIND_OFFICIAL)
                    return actor(d, mm);
            }
            return -1;
        }
        if (has(d, t, KGEX__W_LIGHT_VERB)) {
            size_t v = t;
            if (kgex__is_word(d, t + 1, "out"))
                v = t;
            return subject_of(d, v);
        }
        if (is_punct(d, t) || (has(d, t, KGEX__W_BOUNDARY) && !has(d, t, KGEX__W_DETERMINER)))
            return -1;
        j = t;
        steps++;
    }
    return -1;
}

/* A noun trigger in a hypothetical frame: "in case of an attack", "any
 * aggression", "the threat of invasion". */
static int hypothetical_noun(const kgex__doc *d, size_t i)
{
    size_t b = sent_begin(d, i), j;

    for (j = i; j-- > b && i - j <= 4;) {
        if (is_punct(d, j) && !is_type(d, j, KGEX__TOK_QOPEN))
            break;
        if (has(d, j, KGEX__W_NOUN_MARKER))
            return 1;
        if (has(d, j, KGEX__W_LIGHT_VERB))
            return hypothetical(d, j);
    }
    for (j = i; j-- > b && i - j < WINDOW;) {
        if (kgex__is_word(d, j, ",") || kgex__is_word(d, j, ";"))
            break;
        if (kgex__is_word(d, j, "if") || kgex__is_word(d, j, "unless"))
            return 1;
    }
    return kgex__is_word(d, sent_end(d, i) - 1, "?");
}

static int rule_attack(kgex__doc *d, size_t i, size_t te, const char *cameo, frame *f)
{
    size_t e = sent_end(d, i), k;

    f->agent = f->target = -1;
    f->nmore = 0;
    f->b = i;
    f->e = te;
    f->cameo = cameo;
    if (d->tok_trig[i] >= 0 && noun_use(d, i) ? hypothetical_noun(d, i) : hypothetical(d, i))
        return 0;
    if (d->tok_trig[i] < 0 || !noun_use(d, i)) {
        size_t j = i;
        int passive = 0;

        while (j > 0 && has(d, j - 1, KGEX__W_ADVERB))
            j--;
        if (j > 0 && has(d, j - 1, KGEX__W_BE)) {
            const char *w = norm(d, i);
            size_t n = strlen(w);
            passive = (n > 2 && strcmp(w + n - 2, "ed") == 0) || strcmp(w, "struck") == 0 ||
                      strcmp(w, "shot") == 0 || strcmp(w, "hit") == 0;
        }
        if (passive) {
            while (j > 0 && (has(d, j - 1, KGEX__W_BE) || has(d, j - 1, KGEX__W_ADVERB)))
                j--;
            f->target = subject_of(d, j);
            for (k = te; k < e && k - te < 8; k++) {
                if (kgex__is_word(d, k, ",") || kgex__is_word(d, k, "when"))
                    break;
                if (kgex__is_word(d, k, "by")) {
                    f->agent = np_head_right(d, k + 1, NULL);
                    break;
                }
            }
        } else {
            size_t end;

            f->agent = subject_of(d, i);
            f->target = target_right(d, te, &end, f);
        }
    } else {
        f->agent = noun_agent(d, i);
        for (k = te; k < e && k - te < WINDOW;) {
            size_t end;
            int x;

            if (is_punct(d, k) && !kgex__is_word(d, k, "-"))
                break;
            if (has(d, k, KGEX__W_CLAUSE))
                break;
            if (kgex__is_word(d, k, "on") || kgex__is_word(d, k, "against") ||
                kgex__is_word(d, k, "into") || kgex__is_word(d, k, "upon")) {
                if (f->target < 0) {
                    f->target = target_right(d, k + 1, &end, f);
                } else {
                    np_head_right(d, k + 1, &end);
                }
                x = f->target;
                (void)x;
                k = end > k ? end : k + 1;
                continue;
            }
            if (kgex__is_word(d, k, "by")) {
                x = np_head_right(d, k + 1, &end);
                if (x >= 0)
                    f->agent = x;
                k = end > k ? end : k + 1;
                continue;
            }
            if (kgex__is_word(d, k, "of")) {
                const kgex__mention *m;
                size_t a = k + 1;

                while (has(d, a, KGEX__W_DETERMINER))
                    a++;
                m = kgex__mention_at(d, a);
                if (m && actor(d, m) >= 0) {
                    /* "the invasion of Azerbaijani troops into ...": the attacker */
                    if (has(d, m->e, KGEX__W_ARMED_HEAD) || kgex__is_word(d, m->e, "soldiers") ||
                        kgex__is_word(d, m->e, "units") || kgex__is_word(d, m->e, "fighters")) {
                        if (f->agent < 0)
                            f->agent = actor(d, m);
                    } else if (f->target < 0) {
                        f->target = actor(d, m);
                    }
                    k = m->e;
                    continue;
                }
            }
            k++;
        }
    }
    if (f->agent >= 0 && !kind_ok(d, f->agent, 0))
        f->agent = -1;
    if (f->target >= 0 && !kind_ok(d, f->target, 0))
        f->target = -1;
    if (f->agent == f->target)
        f->target = -1;
    return 1;
}

static int is_fire_verb(const kgex__doc *d, size_t i)
{
    static const char *const fire[] = {"fired",    "fire",      "fires",    "firing",
                                       "launched", "launch",    "launches", "launching",
                                       "sent",     "unleashed", NULL};
    return i < d->t.len && kgex__in_list(norm(d, i), fire);
}

/* "X fired/launched (more than 120) missiles at Y": a weapon word within a
 * few tokens, then at/on/against/into the target. */
static int rule_fire(kgex__doc *d, size_t i, frame *f)
{
    size_t e = sent_end(d, i), k, w = 0;

    f->agent = f->target = -1;
    f->nmore = 0;
    f->b = i;
    f->e = i + 1;
    f->cameo = "195";
    for (k = i + 1; k < e && k <= i + 7 && !is_punct(d, k); k++) {
        if (has(d, k, KGEX__W_WEAPON)) {
            w = k;
            break;
        }
    }
    if (!w || hypothetical(d, i))
        return 0;
    for (k = w + 1; k < e && k <= w + 4 && !is_punct(d, k); k++) {
        if (kgex__is_word(d, k, "at") || kgex__is_word(d, k, "on") ||
            kgex__is_word(d, k, "against") || kgex__is_word(d, k, "into") ||
            kgex__is_word(d, k, "toward") || kgex__is_word(d, k, "towards")) {
            f->target = target_right(d, k + 1, &f->e, f);
            break;
        }
    }
    f->agent = subject_of(d, i);
    if (f->agent >= 0 && !kind_ok(d, f->agent, 0))
        f->agent = -1;
    if (f->target >= 0 && !kind_ok(d, f->target, 0))
        f->target = -1;
    if (f->agent == f->target)
        f->target = -1;
    return f->agent >= 0 || f->target >= 0;
}

/* ----------------------------------------------------------- appealed_to */

static int rule_appeal(kgex__doc *d, size_t i)
{
    size_t te = i + d->trig_len[i], e = sent_end(d, i), k;
    const char *cameo = d->lex->trig[d->tok_trig[i]].cameo;
    const char *w = norm(d, i);
    int agent, target = -1, needs_help;

    if (noun_use(d, i) ? hypothetical_noun(d, i) : hypothetical(d, i))
        return KGEX_OK;
    needs_help = strncmp(w, "ask", 3) == 0 || strncmp(w, "request", 7) == 0 ||
                 strncmp(w, "seek", 4) == 0 || strcmp(w, "sought") == 0 ||
                 strncmp(w, "petition", 8) == 0 || strncmp(w, "invok", 5) == 0;
    if (needs_help) {
        int ok = 0;
        for (k = i + 1; k < e && k < te + WINDOW; k++) {
            if (has(d, k, KGEX__W_HELP)) {
                ok = 1;
                break;
            }
        }
        if (!ok)
            return KGEX_OK;
    }
    if (noun_use(d, i)) {
        agent = noun_agent(d, i);
        for (k = te; k < e && k - te < 10; k++) {
            if (kgex__is_word(d, k, "to")) {
                target = np_head_right(d, k + 1, NULL);
                break;
            }
            if (is_punct(d, k))
                break;
        }
    } else {
        agent = subject_of(d, i);
        target = np_head_right(d, te, NULL);
    }
    if (target < 0) {
        /* "requested military assistance from the CSTO" */
        for (k = te; k < e && k - te < 8 && !is_punct(d, k); k++) {
            if (kgex__is_word(d, k, "from")) {
                target = np_head_right(d, k + 1, NULL);
                break;
            }
        }
    }
    /* a named official who appeals is the actor himself ("Tokayev appealed
     * to the CSTO"); "the government", "the leadership" stand for the state */
    if (!kind_ok(d, agent, 1) || !kind_ok(d, target, 0))
        return KGEX_OK;
    if (d->ent[agent].kind == KGEX_KIND_OFFICIAL && !d->ent[agent].official)
        return KGEX_OK;
    return add_rel(d, KGEX_REL_APPEALED_TO, agent, target, i, te, cameo);
}

/* --------------------------------------------------------------- stated */

/* The quote that the statement at token i reports: the quotation that
 * ends just before the speaker or starts just after the verb, even when it
 * spans sentences. Sets [*qb, *qe) to its tokens; returns 0 if none. */
static int quote_near(const kgex__doc *d, size_t i, size_t *qb, size_t *qe)
{
    size_t b = sent_begin(d, i), e = sent_end(d, i), j, k;

    for (j = i; j-- > b;) {
        if (is_type(d, j, KGEX__TOK_QCLOSE)) {
            size_t para = d->t.sent[kgex__sentence_of(d, j)].para;
            for (k = j; k-- > 0;) {
                if (d->t.sent[kgex__sentence_of(d, k)].para != para)
                    break;
                if (is_type(d, k, KGEX__TOK_QOPEN)) {
                    *qb = k + 1;
                    *qe = j;
                    return *qe > *qb;
                }
            }
            return 0;
        }
    }
    for (j = i; j < e && j - i < 12; j++) {
        if (is_type(d, j, KGEX__TOK_QOPEN)) {
            for (k = j + 1; k < d->t.len; k++) {
                if (is_type(d, k, KGEX__TOK_QCLOSE) || (d->t.tok[k].flags & KGEX__TF_NL))
                    break;
            }
            *qb = j + 1;
            *qe = k;
            return *qe > *qb;
        }
    }
    return 0;
}

/* A statement by `speaker` at trigger [i, te), with its quote. */
static int add_stated(kgex__doc *d, int speaker, size_t i, size_t te, const char *cameo)
{
    int error = add_rel(d, KGEX_REL_STATED, speaker, -1, i, te, cameo);
    kgex__rel *r;

    if (error < 0 || d->rel_len == 0)
        return error;
    r = &d->rel[d->rel_len - 1];
    if (r->src == speaker && r->b == i && !quote_near(d, i, &r->qb, &r->qe))
        r->qb = r->qe = 0;
    return KGEX_OK;
}

/* An aside between dashes just before the verb at i (adverbs and "on
 * Friday" may stand between): its dashes in *open and *close. */
static int dash_aside_before(const kgex__doc *d, size_t i, size_t *open, size_t *close)
{
    static const char dash[] = "\xe2\x80\x94";
    size_t b = sent_begin(d, i), j = i, k;

    while (j > b && i - j < 6 && !kgex__is_word(d, j - 1, dash) && !is_punct(d, j - 1))
        j--;
    if (j <= b || !kgex__is_word(d, j - 1, dash))
        return 0;
    /* only adverbs and a day between the aside and the verb: in "... — at
     * least for now — Pashinyan said" the subject stands after the aside */
    for (k = j; k < i; k++) {
        static const char *const days[] = {"monday", "tuesday",  "wednesday", "thursday",
                                           "friday", "saturday", "sunday",    NULL};
        if (kgex__mention_at(d, k) ||
            ((d->t.tok[k].flags & KGEX__TF_CAP) && !kgex__in_list(norm(d, k), days)))
            return 0;
    }
    *close = j - 1;
    for (k = *close; k-- > b && *close - k < 40;) {
        if (kgex__is_word(d, k, dash)) {
            *open = k;
            return 1;
        }
    }
    return 0;
}

static int rule_stated(kgex__doc *d, size_t i)
{
    size_t te = i + d->trig_len[i], b = sent_begin(d, i), k, start;
    int start_linked = 0;
    const char *cameo = d->lex->trig[d->tok_trig[i]].cameo;
    int speaker = -1, error;

    if (d->tok_men[i] >= 0)
        return KGEX_OK;
    if (noun_use(d, i)) {
        /* "Zas' statement", "the CSTO statement", "made the following
         * statement", "by making an official statement, the CSTO" */
        size_t j = i;
        while (j > b && !is_punct(d, j - 1) && i - j < 5) {
            const kgex__mention *m = kgex__mention_at(d, j - 1);
            if (m && actor(d, m) >= 0) {
                speaker = actor(d, m);
                break;
            }
            if (has(d, j - 1, KGEX__W_LIGHT_VERB)) {
                if ((kgex__is_word(d, j - 1, "making") || kgex__is_word(d, j - 1, "issuing")) &&
                    j >= 2 && kgex__is_word(d, j - 2, "by")) {
                    for (k = te; k < sent_end(d, i) && k - te < 4; k++) {
                        if (kgex__is_word(d, k, ",")) {
                            speaker = np_head_right(d, k + 1, NULL);
                            break;
                        }
                    }
                } else if (!hypothetical(d, j - 1)) {
                    speaker = subject_of(d, j - 1);
                }
                break;
            }
            if (has(d, j - 1, KGEX__W_BOUNDARY) && !kgex__is_word(d, j - 1, "a"))
                break;
            {
                /* only modifiers stand between a speaker and the noun: a verb
                 * ("Armenia and Azerbaijan traded accusations") ends the search */
                const char *w = norm(d, j - 1);
                size_t n = strlen(w);
                if (n > 3 && strcmp(w + n - 2, "ed") == 0)
                    break;
            }
            j--;
        }
        if (speaker >= 0 && j < i && kgex__is_word(d, j - 1, "in"))
            speaker = -1; /* "In his statement, X said" is counted at "said" */
    } else {
        size_t j = i;

        if (hypothetical(d, i))
            return KGEX_OK;
        while (j > b && has(d, j - 1, KGEX__W_ADVERB))
            j--;
        {
            /* ", saying ...", ", adding ...": the statement goes on */
            const char *w = norm(d, i);
            size_t n = strlen(w);
            if (n > 4 && strcmp(w + n - 3, "ing") == 0 && j > b && kgex__is_word(d, j - 1, ","))
                return KGEX_OK;
        }
        if (j > b && has(d, j - 1, KGEX__W_BE)) {
            /* "it was announced": a speaker only from "by X" */
            if (kgex__is_word(d, te, "by"))
                speaker = np_head_right(d, te + 1, NULL);
            goto found;
        }
        {
            /* "The co-chairs of the OSCE Minsk Group — A of Russia, B of France
             * and C of the United States — on Friday condemned ...": the group
             * and everyone named between the dashes */
            size_t open, close;

            if (dash_aside_before(d, i, &open, &close)) {
                for (k = open + 1; k < close; k++) {
                    const kgex__mention *m = kgex__mention_at(d, k);
                    if (m && m->b == k && d->ent[m->ent].kind == KGEX_KIND_OFFICIAL &&
                        d->ent[m->ent].official) {
                        error = add_stated(d, m->ent, i, te, cameo);
                        if (error < 0)
                            return error;
                    }
                }
                speaker = open > b ? np_head_left(d, open - 1, NULL) : -1;
                goto found;
            }
        }
        speaker = subject_at(d, i, &start);
        /* "Putin, Macron and Trump said": every speaker of the list */
        /* a list ends in "and": "A, B and C said", never "..., C said" */
        while (speaker >= 0 && start > b + 1 &&
               (kgex__is_word(d, start - 1, "and") ||
                (kgex__is_word(d, start - 1, ",") && start_linked))) {
            size_t s2 = start - 1;
            int other;

            if (kgex__is_word(d, s2, "and") && s2 > b && kgex__is_word(d, s2 - 1, ","))
                s2--;
            if (s2 == b)
                break;
            other = np_head_left(d, s2 - 1, &s2);
            if (!kind_ok(d, other, 1) || s2 >= start || other == speaker)
                break;
            if (d->ent[other].kind != KGEX_KIND_OFFICIAL || d->ent[other].official) {
                error = add_rel(d, KGEX_REL_STATED, other, -1, i, te, cameo);
                if (error < 0)
                    return error;
                if (d->rel[d->rel_len - 1].b == i &&
                    !quote_near(d, i, &d->rel[d->rel_len - 1].qb, &d->rel[d->rel_len - 1].qe))
                    d->rel[d->rel_len - 1].qb = d->rel[d->rel_len - 1].qe = 0;
            }
            start = s2;
            start_linked = 1;
        }
        if (speaker < 0 && i > b &&
            (is_type(d, i - 1, KGEX__TOK_QCLOSE) || kgex__is_word(d, i - 1, ","))) {
            /* "..., said the group's Secretary General Stanislav Zas", but not
             * "..., said Moscow was concerned" */
            size_t end;
            speaker = np_head_right(d, te, &end);
            if (end < sent_end(d, i) && !is_punct(d, end) && !has(d, end, KGEX__W_PREPOSITION))
                speaker = -1;
        }
    }
found:
    if (!kind_ok(d, speaker, 1))
        return KGEX_OK;
    if (d->ent[speaker].kind == KGEX_KIND_OFFICIAL && !d->ent[speaker].official)
        return KGEX_OK;
    if (strncmp(norm(d, i), "call", 4) == 0 || strncmp(norm(d, i), "urg", 3) == 0) {
        /* "called on the CSTO to respond": a call for help is an appeal too */
        size_t end;
        int to = np_head_right(d, te, &end), agent = speaker;

        if (kind_ok(d, to, 0) && kgex__is_word(d, end, "to") && has(d, end + 1, KGEX__W_HELP)) {
            error = add_rel(d, KGEX_REL_APPEALED_TO, agent, to, i, end + 2,
                            d->lex->trig[d->tok_trig[i]].cameo);
            if (error < 0)
                return error;
        }
    }
    error = add_rel(d, KGEX_REL_STATED, speaker, -1, i, te, cameo);
    if (error < 0)
        return error;
    {
        kgex__rel *r = &d->rel[d->rel_len - 1];
        if (r->b == i && !quote_near(d, i, &r->qb, &r->qe))
            r->qb = r->qe = 0;
    }
    return KGEX_OK;
}

/* ------------------------------------------------------------ member_of */

/* Collect the states/organizations of a list "A, B and C" starting at i;
 * returns the count written to out. */
static size_t list_right(const kgex__doc *d, size_t i, int *out, size_t cap)
{
    size_t n = 0, k = i, e = sent_end(d, i);

    while (k < e && n < cap) {
        const kgex__mention *m = kgex__mention_at(d, k);

        if (kgex__is_word(d, k, "the")) {
            k++;
            continue;
        }
        if (!m || actor(d, m) < 0)
            break;
        out[n++] = actor(d, m);
        k = m->e;
        if (kgex__is_word(d, k, ",") || kgex__is_word(d, k, "and"))
            k++;
        if (kgex__is_word(d, k, "and"))
            k++;
    }
    return n;
}

/* The list ending just before token j ("Russia, Belarus and"). */
static size_t list_left(const kgex__doc *d, size_t j, int *out, size_t cap)
{
    size_t n = 0, k = j, b = sent_begin(d, j);

    while (k > b && n < cap) {
        const kgex__mention *m = kgex__mention_at(d, k - 1);

        if (!m || actor(d, m) < 0)
            break;
        out[n++] = actor(d, m);
        k = m->b;
        if (k > b && (kgex__is_word(d, k - 1, ",") || kgex__is_word(d, k - 1, "and")))
            k--;
        else
            break;
    }
    return n;
}

static int is_org(const kgex__doc *d, int ent)
{
    return ent >= 0 && d->ent[ent].kind == KGEX_KIND_ORGANIZATION;
}

/* The organization a relative clause before token i refers to: "ORG,
 * which ..." or "ORG, of which ...". -1 if none. */
static int relative_org(const kgex__doc *d, size_t i)
{
    size_t b = sent_begin(d, i), k;
    const kgex__mention *m;

    for (k = i; k-- > b && i - k < 10;) {
        if (kgex__is_word(d, k, "which")) {
            size_t c = kgex__is_word(d, k - 1, "of") ? k - 1 : k;
            if (c >= b + 2 && kgex__is_word(d, c - 1, ",")) {
                m = kgex__mention_at(d, c - 2);
                if (m && is_org(d, m->ent))
                    return m->ent;
            }
            return -1;
        }
    }
    return -1;
}

static int is_copula(const kgex__doc *d, size_t i)
{
    static const char *const become[] = {"became", "become",  "becomes",  "becoming",
                                         "remain", "remains", "remained", NULL};
    return has(d, i, KGEX__W_BE) || (i < d->t.len && kgex__in_list(norm(d, i), become));
}

/* Organizations of a phrase starting at token a, coordinated ("the CSTO
 * and the Eurasian Economic Union"); *end_out after the last. */
static size_t org_list_right(const kgex__doc *d, size_t a, int *orgs, size_t cap, size_t *end_out)
{
    size_t n = 0, end = a;

    while (n < cap) {
        size_t e2;
        int x;

        while (has(d, a, KGEX__W_DETERMINER))
            a++;
        x = np_head_right(d, a, &e2);
        if (!is_org(d, x))
            break;
        orgs[n++] = x;
        end = e2;
        if (!kgex__is_word(d, e2, "and") && !kgex__is_word(d, e2, ","))
            break;
        a = e2 + 1;
    }
    *end_out = end;
    return n;
}

static int add_members(kgex__doc *d, const int *members, size_t n, const int *orgs, size_t no,
                       size_t b, size_t e)
{
    size_t k, o;
    int error;

    for (o = 0; o < no; o++) {
        for (k = 0; k < n; k++) {
            if (!kind_ok(d, members[k], 0) || members[k] == orgs[o])
                continue;
            error = add_rel(d, KGEX_REL_MEMBER_OF, members[k], orgs[o], b, e, NULL);
            if (error < 0)
                return error;
        }
    }
    return KGEX_OK;
}

/* Not (yet) a member: "not a member", "a candidate for EU membership". */
static int member_negated(const kgex__doc *d, size_t i)
{
    static const char *const neg[] = {
        "not",         "n't",       "never",    "no",          "nor",      "former",   "candidate",
        "candidates",  "candidacy", "bid",      "aspiring",    "aspirant", "seeking",  "seeks",
        "application", "applied",   "apply",    "wants",       "hopes",    "eventual", "future",
        "possible",    "potential", "observer", "prospective", "without",  NULL};
    size_t b = sent_begin(d, i), j;

    for (j = i; j > b && i - j <= 6 && !is_punct(d, j - 1); j--) {
        if (kgex__in_list(norm(d, j - 1), neg))
            return 1;
    }
    return 0;
}

static int rule_member(kgex__doc *d, size_t i, size_t te)
{
    size_t b = sent_begin(d, i), e = sent_end(d, i), j, k, n = 0, no = 0, end = te;
    int orgs[4], members[32], along = 0;
    const kgex__mention *m;

    if (member_negated(d, i))
        return KGEX_OK;
    /* the organization before: "CSTO member states", "the CSTO's Central
     * Asian member states", "NATO's newest members" */
    j = i;
    while (j > b && i - j < 5) {
        m = kgex__mention_at(d, j - 1);
        if (m) {
            if (is_org(d, m->ent))
                orgs[no++] = m->ent;
            break;
        }
        if (is_type(d, j - 1, KGEX__TOK_POSS) ||
            ((d->t.tok[j - 1].flags & KGEX__TF_CAP) &&
             !(d->t.tok[j - 1].flags & KGEX__TF_SENT_START)) ||
            kgex__is_word(d, j - 1, "other") || kgex__is_word(d, j - 1, "fellow") ||
            kgex__is_word(d, j - 1, "newest") || kgex__is_word(d, j - 1, "new") ||
            kgex__is_word(d, j - 1, "founding") || kgex__is_word(d, j - 1, "full")) {
            j--;
            continue;
        }
        break;
    }
    /* after: "members of the alliance", "membership in the CSTO", "a member
     * of the CSTO and the Eurasian Economic Union" */
    if (no == 0) {
        size_t a = kgex__is_word(d, te - 1, "of")                               ? te
                   : (kgex__is_word(d, te, "of") || kgex__is_word(d, te, "in")) ? te + 1
                                                                                : 0;
        if (a > 0) {
            no = org_list_right(d, a, orgs, 4, &end);
            while (has(d, a, KGEX__W_DETERMINER))
                a++;
            if (no == 0 && (is_punct(d, a) || a >= e)) {
                /* "..., which Armenia is a member of," */
                int x = relative_org(d, i);
                if (x >= 0)
                    orgs[no++] = x;
            }
        }
    }
    if (no == 0 && kgex__is_word(d, i - 1, "a") && is_copula(d, i - 2)) {
        int x = relative_org(d, i); /* "the CSTO, of which Armenia is a member," */
        if (x >= 0)
            orgs[no++] = x;
    }
    if (no == 0)
        return KGEX_OK;

    /* the members: a list after the phrase ("member states: Belarus,
     * Kazakhstan", ", notably Kazakhstan", ", along with Russia, Belarus") */
    k = end > te ? end : te;
    if (k < e && (kgex__is_word(d, k, ":") || kgex__is_word(d, k, ",") ||
                  kgex__is_word(d, k, "\xe2\x80\x94") || kgex__is_word(d, k, "("))) {
        size_t a = k + 1;
        if (has(d, a, KGEX__W_LIST_OPENER))
            a += kgex__is_word(d, a, "such") ? 2 : 1;
        if ((kgex__is_word(d, a, "along") || kgex__is_word(d, a, "together")) &&
            kgex__is_word(d, a + 1, "with")) {
            a += 2;
            along = 1;
        } else if (kgex__is_word(d, a, "alongside")) {
            a += 1;
            along = 1;
        } else if (kgex__is_word(d, k, ",") && !has(d, k + 1, KGEX__W_LIST_OPENER))
            a = e; /* a comma alone opens no list */
        if (a < e)
            n = list_right(d, a, members, 32);
    } else if (k < e && kgex__mention_at(d, k) && actor(d, kgex__mention_at(d, k)) >= 0 &&
               kgex__mention_at(d, k)->b == k) {
        n = list_right(d, k, members, 32); /* "CSTO members Armenia and Belarus" */
    }
    /* "X and (the) other ... member states"; "X ... chiding other members of
     * the alliance" (the subject of the sentence) */
    for (j = i; j > b && i - j < 8; j--) {
        if (kgex__is_word(d, j - 1, "other")) {
            size_t a = j - 1;
            if (a > b && kgex__is_word(d, a - 1, "the"))
                a--;
            if (a > b && kgex__is_word(d, a - 1, "and")) {
                n += list_left(d, a - 1, members + n, 32 - n);
            } else if (n == 0 && end > te && !(a > b && is_copula(d, a - 1))) {
                m = kgex__mention_at(d, b);
                if (!m && b + 1 < e)
                    m = kgex__mention_at(d, b + 1);
                if (m && actor(d, m) >= 0)
                    members[n++] = actor(d, m);
            }
            break;
        }
        if (is_punct(d, j - 1))
            break;
    }
    /* "Armenia's membership in the CSTO" */
    if (n == 0 && i > b + 1 && is_type(d, i - 1, KGEX__TOK_POSS)) {
        m = kgex__mention_at(d, i - 2);
        if (m && actor(d, m) >= 0)
            members[n++] = actor(d, m);
    }
    if (n == 0) {
        /* apposition: "X, a CSTO member-state,", "Russia, Belarus, Armenia, all
         * members of the alliance", "Finland and Sweden, NATO's newest members" */
        j = i;
        while (j > b && i - j < 6) {
            const kgex__mention *mm = kgex__mention_at(d, j - 1);
            if (mm) {
                if (!is_org(d, mm->ent))
                    break;
                j = mm->b;
                continue;
            }
            if (has(d, j - 1, KGEX__W_DETERMINER) || is_type(d, j - 1, KGEX__TOK_POSS) ||
                kgex__is_word(d, j - 1, "all") || kgex__is_word(d, j - 1, "both") ||
                (is_type(d, j - 1, KGEX__TOK_WORD) && !(d->t.tok[j - 1].flags & KGEX__TF_CAP) &&
                 !has(d, j - 1, KGEX__W_BOUNDARY)))
                j--;
            else
                break;
        }
        if (j > b + 1 && kgex__is_word(d, j - 1, ",")) {
            /* a list only before a plural: "Russia, Belarus, Armenia, all
             * members"; "X, a member" has one antecedent */
            const char *w = norm(d, te - 1);
            if (w[strlen(w) - 1] == 's' || kgex__is_word(d, te - 1, "of"))
                n = list_left(d, j - 1, members, 32);
            if (n == 0) {
                int x = np_head_left(d, j - 2, NULL);
                if (x >= 0)
                    members[n++] = x;
            }
        }
    }
    if (n == 0 || along) {
        /* copula: "X is a member of ORG", "Belarus is the only non-Russian CSTO
         * country", "Armenia, Belarus and Kazakhstan are members of the CSTO",
         * "Turkey, which is a member of NATO," */
        for (j = i; j > b && i - j < 8; j--) {
            if (is_copula(d, j - 1)) {
                size_t c = j - 1;

                if (c > b + 1 &&
                    (kgex__is_word(d, c - 1, "which") || kgex__is_word(d, c - 1, "who")) &&
                    kgex__is_word(d, c - 2, ",")) {
                    m = kgex__mention_at(d, c - 3);
                    if (m && actor(d, m) >= 0 && n < 32)
                        members[n++] = actor(d, m);
                    break;
                }
                {
                    size_t n0 = n, got = list_left(d, c, members + n0, 32 - n0);

                    n = n0 + got;
                    if (got < 2) {
                        int x = subject_of(d, c);
                        n = n0;
                        if (x < 0 && c >= 1) {
                            m = kgex__mention_at(d, c - 1);
                            x = actor(d, m);
                        }
                        if (x >= 0 && n < 32)
                            members[n++] = x;
                    }
                }
                break;
            }
            if (is_punct(d, j - 1))
                break;
        }
    }
    return add_members(d, members, n, orgs, no, i, te);
}

/* "The OSCE, which both Armenia and Azerbaijan belong to", "Armenia belongs
 * to the CSTO" */
static int rule_belong(kgex__doc *d, size_t i)
{
    size_t b = sent_begin(d, i), end, n = 0, no, j;
    int orgs[4], members[32];

    if (hypothetical(d, i) || member_negated(d, i))
        return KGEX_OK;
    no = org_list_right(d, i + 2, orgs, 4, &end);
    if (no == 0) {
        int x = relative_org(d, i);
        if (x < 0)
            return KGEX_OK;
        orgs[no++] = x;
    }
    j = i;
    while (j > b && has(d, j - 1, KGEX__W_ADVERB))
        j--;
    n = list_left(d, j, members, 32);
    if (n == 0) {
        int x = subject_of(d, i);
        if (x >= 0)
            members[n++] = x;
    }
    return add_members(d, members, n, orgs, no, i, i + 2);
}

/* "Finland joined NATO in 2023" */
static int rule_joined(kgex__doc *d, size_t i)
{
    int org, who;

    if (hypothetical(d, i))
        return KGEX_OK;
    {
        size_t end;
        const kgex__mention *m;

        org = np_head_right(d, i + 1, &end);
        m = end > 0 ? kgex__mention_at(d, end - 1) : NULL;
        /* the organization itself, not "NATO's Partnership for Peace" */
        if (!is_org(d, org) || !m || m->ent != org)
            return KGEX_OK;
    }
    who = subject_of(d, i);
    if (!kind_ok(d, who, 0) || who == org)
        return KGEX_OK;
    return add_rel(d, KGEX_REL_MEMBER_OF, who, org, i, i + 1, NULL);
}

/* "Russia and other ex-Soviet republics making up the CSTO" */
static int rule_making_up(kgex__doc *d, size_t i, size_t te)
{
    size_t b = sent_begin(d, i), j;
    int org = np_head_right(d, te, NULL), members[32], error;
    size_t n = 0, k;

    if (!is_org(d, org))
        return KGEX_OK;
    for (j = i; j > b && i - j < 8; j--) {
        if (kgex__is_word(d, j - 1, "other")) {
            size_t a = j - 1;
            if (a > b && kgex__is_word(d, a - 1, "the"))
                a--;
            if (a > b && kgex__is_word(d, a - 1, "and"))
                n = list_left(d, a - 1, members, 32);
            break;
        }
        if (is_punct(d, j - 1))
            break;
    }
    for (k = 0; k < n; k++) {
        if (!kind_ok(d, members[k], 0) || members[k] == org)
            continue;
        error = add_rel(d, KGEX_REL_MEMBER_OF, members[k], org, i, te, NULL);
        if (error < 0)
            return error;
    }
    return KGEX_OK;
}

/* ------------------------------------------------------------- driver */

int kgex__rules_apply(kgex__doc *d)
{
    size_t s, i, k, p;
    int error;

    /* official_of from the affiliations found with the officials */
    for (k = 0; k < d->ent_len; k++) {
        const kgex__dent *pe = &d->ent[k];
        if (pe->kind != KGEX_KIND_OFFICIAL || !pe->official)
            continue;
        for (p = 0; p < pe->affil_len; p++) {
            int to = pe->affil[p].ent;
            if (d->ent[to].stands_for >= 0)
                to = d->ent[to].stands_for;
            error =
                add_rel(d, KGEX_REL_OFFICIAL_OF, (int)k, to, pe->affil[p].b, pe->affil[p].e, NULL);
            if (error < 0)
                return error;
            /* the role is kept on the edge through the official's role */
        }
    }
    for (s = 0; s < d->t.sent_len; s++) {
        frame frames[16];
        size_t nf = 0;

        for (i = d->t.sent[s].begin; i < d->t.sent[s].end;) {
            const kgex__trigger *tr;
            size_t te;

            if (d->tok_trig[i] < 0 || d->tok_men[i] >= 0) {
                if (kgex__is_word(d, i, "according") && kgex__is_word(d, i + 1, "to")) {
                    /* "according to the Defense Ministry, ...": reported speech */
                    size_t end;
                    int who = np_head_right(d, i + 2, &end);

                    if (kind_ok(d, who, 1) && (is_punct(d, end) || end >= d->t.sent[s].end) &&
                        (d->ent[who].kind != KGEX_KIND_OFFICIAL || d->ent[who].official)) {
                        error = add_stated(d, who, i, i + 2, "010");
                        if (error < 0)
                            return error;
                    }
                } else if (d->tok_men[i] < 0 && is_fire_verb(d, i)) {
                    /* "Iran fired missiles at U.S. bases in Iraq" */
                    if (nf < 16 && rule_fire(d, i, &frames[nf]))
                        nf++;
                } else if (d->tok_men[i] < 0 &&
                           (kgex__is_word(d, i, "hit") || kgex__is_word(d, i, "hits")) && i > 0 &&
                           has(d, i - 1, KGEX__W_WEAPON)) {
                    /* "Russian missiles hit Kyiv": "hit" attacks only with a weapon */
                    if (nf < 16 && rule_attack(d, i, i + 1, "195", &frames[nf]))
                        nf++;
                } else if (d->tok_men[i] < 0 &&
                           (kgex__is_word(d, i, "belong") || kgex__is_word(d, i, "belongs") ||
                            kgex__is_word(d, i, "belonged")) &&
                           kgex__is_word(d, i + 1, "to")) {
                    error = rule_belong(d, i);
                    if (error < 0)
                        return error;
                } else if (d->tok_men[i] < 0 &&
                           (kgex__is_word(d, i, "joined") || kgex__is_word(d, i, "joins"))) {
                    error = rule_joined(d, i);
                    if (error < 0)
                        return error;
                } else if (d->tok_men[i] < 0 &&
                           (kgex__is_word(d, i, "making") || kgex__is_word(d, i, "forming") ||
                            kgex__is_word(d, i, "comprising")) &&
                           kgex__is_word(d, i + 1, "up")) {
                    error = rule_making_up(d, i, i + 2);
                    if (error < 0)
                        return error;
                } else if (d->tok_men[i] < 0 &&
                           (kgex__is_word(d, i, "country") || kgex__is_word(d, i, "countries") ||
                            kgex__is_word(d, i, "state") || kgex__is_word(d, i, "states")) &&
                           i > 0 && kgex__mention_at(d, i - 1) &&
                           is_org(d, kgex__mention_at(d, i - 1)->ent)) {
                    error = rule_member(d, i, i + 1);
                    if (error < 0)
                        return error;
                }
                i++;
                continue;
            }
            tr = &d->lex->trig[d->tok_trig[i]];
            te = i + d->trig_len[i];
            switch (tr->relation) {
                case KGEX_REL_ATTACKED:
                    if (nf < 16 && rule_attack(d, i, te, tr->cameo, &frames[nf]))
                        nf++;
                    error = KGEX_OK;
                    break;
                case KGEX_REL_APPEALED_TO:
                    error = rule_appeal(d, i);
                    break;
                case KGEX_REL_STATED:
                    error = rule_stated(d, i);
                    break;
                case KGEX_REL_MEMBER_OF:
                    error = rule_member(d, i, te);
                    break;
                default:
                    error = KGEX_OK;
            }
            if (error < 0)
                return error;
            i = te;
        }
        /* complete frames, then join an agent-only frame with a target-only
         * one: "Armenia's territory was attacked in July, when Azerbaijan
         * launched a brazen attack on civilian targets" */
        {
            int agent = -1, target = -1;
            size_t fb = 0, fe = 0;
            const char *cameo = NULL;

            for (k = 0; k < nf; k++) {
                frame *f = &frames[k];
                if (f->agent >= 0 && f->target >= 0) {
                    size_t t;

                    error =
                        add_rel(d, KGEX_REL_ATTACKED, f->agent, f->target, f->b, f->e, f->cameo);
                    for (t = 0; error == 0 && t < f->nmore; t++) {
                        if (f->more[t] != f->agent)
                            error = add_rel(d, KGEX_REL_ATTACKED, f->agent, f->more[t], f->b, f->e,
                                            f->cameo);
                    }
                    if (error < 0)
                        return error;
                } else if (f->agent >= 0 && agent < 0) {
                    agent = f->agent;
                    fb = f->b;
                    cameo = f->cameo;
                } else if (f->target >= 0 && target < 0) {
                    target = f->target;
                    fe = f->e;
                    if (!cameo)
                        cameo = f->cameo;
                }
            }
            if (agent >= 0 && target >= 0 && agent != target) {
                error = add_rel(d, KGEX_REL_ATTACKED, agent, target, fb, fe, cameo);
                if (error < 0)
                    return error;
            }
        }
    }
    return KGEX_OK;
}
