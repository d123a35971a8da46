/*
 * phrase.c - noun phrases, verb groups, subjects and assertion (see
 * phrase.h).
 *
 * There is no part-of-speech tagger: a noun phrase is read as the run of
 * tokens that can belong to one (mentions, titles, numbers, words that no
 * cue class marks as a boundary), its head is its last element, and
 * everything before the head that names an entity is a modifier. A verb
 * is a trigger word used as a verb, or any word after an auxiliary; the
 * words before it (auxiliaries, negations, modals, "to") make its group.
 */
#include "extract/phrase.h"

#include <string.h>
#include <strings.h>

#include "common.h"

#define WINDOW 40 /* tokens a phrase or a search may span */

static const char *norm(const kgex__doc *d, size_t i)
{
    return kgex__norm(d, i);
}

static int is_word_tok(const kgex__doc *d, size_t i)
{
    return kgex__is_type(d, i, KGEX__TOK_WORD);
}

static int ends_with(const char *w, const char *suffix)
{
    size_t n = strlen(w), m = strlen(suffix);
    return n > m + 1 && strcmp(w + n - m, suffix) == 0;
}

/* A lower-case word in -ly that is an adverb ("reportedly"). */
static int ly_adverb(const kgex__doc *d, size_t i)
{
    static const char *const nouns[] = {"assembly", "anomaly", "monopoly", "supply", "reply",
                                        "family",   "rally",   "italy",    "july",   "ally",
                                        "apply",    "fly",     "belly",    "jelly",  NULL};
    const char *w = norm(d, i);

    return is_word_tok(d, i) && !(kgex__flags(d, i) & KGEX__TF_CAP) && strlen(w) > 4 &&
           ends_with(w, "ly") && !kgex__in_list(w, nouns);
}

static int is_adverb(const kgex__doc *d, size_t i)
{
    return has(d, i, KGEX__W_ADVERB) || ly_adverb(d, i);
}

/* A trigger used only as a verb starts at token i ("attacked", "said"),
 * and the word is no noun of a cue class ("targets"). */
static int verb_trigger(const kgex__doc *d, size_t i)
{
    return i < d->t.len && d->tok_trig[i] >= 0 && d->trig_pos[i] == 1 && !kgex__mention_at(d, i) &&
           !(d->wclass[i] & (KGEX__W_TARGET_NOUN | KGEX__W_WEAPON | KGEX__W_STAND_FOR |
                             KGEX__W_ARMED_HEAD | KGEX__W_MEETING | KGEX__W_HELP));
}

/* Does token i end a noun phrase before it? */
static int np_boundary(const kgex__doc *d, size_t i)
{
    if (i >= d->t.len || kgex__is_punct(d, i))
        return 1;
    if (kgex__mention_at(d, i) || d->tok_title[i] >= 0)
        return 0;
    if (has(d, i,
            KGEX__W_PREPOSITION | KGEX__W_CONJ | KGEX__W_CLAUSE | KGEX__W_SUBORDINATOR |
                KGEX__W_AUX | KGEX__W_BE | KGEX__W_MODAL | KGEX__W_NEGATION | KGEX__W_VERB))
        return 1;
    if (kgex__is_word(d, i, "to") || kgex__is_word(d, i, "than"))
        return 1;
    return verb_trigger(d, i);
}

/* A lower-case word in -ed not joined by a hyphen: after a name it is
 * the verb ("Kazakhstan joined"), not a noun ("U.S.-led" is joined). */
static int past_verb(const kgex__doc *d, size_t i)
{
    return is_word_tok(d, i) && !(kgex__flags(d, i) & (KGEX__TF_CAP | KGEX__TF_HYPH)) &&
           ends_with(norm(d, i), "ed") && !kgex__mention_at(d, i) && d->tok_title[i] < 0;
}

/* A word the lexicon knows as a noun: of a noun cue class or an event
 * noun ("building", "meeting", "shelling"). */
static int noun_word(const kgex__doc *d, size_t i)
{
    if (i >= d->t.len)
        return 0;
    return (d->wclass[i] &
            (KGEX__W_TARGET_NOUN | KGEX__W_WEAPON | KGEX__W_STAND_FOR | KGEX__W_ARMED_HEAD |
             KGEX__W_MEETING | KGEX__W_HELP | KGEX__W_COMBATANT | KGEX__W_COMPLAINT |
             KGEX__W_ACTOR_NOUN | KGEX__W_ORG_HEAD)) != 0 ||
           (d->tok_trig[i] >= 0 && (d->trig_pos[i] & 2));
}

/* Can a name stand before token i as its modifier? Only before what is
 * surely a noun: another name, a title, a capitalized word, a number or a
 * noun the lexicon knows ("NATO allies", "the Kremlin spokesman"); an
 * unknown lower-case word after a name is most often its verb ("Ukraine
 * means"). Adjectives ("Russian") modify any word. */
static int modifies(const kgex__doc *d, size_t i)
{
    return kgex__mention_at(d, i) || d->tok_title[i] >= 0 || d->tok_titles[i] >= 0 ||
           (kgex__flags(d, i) & (KGEX__TF_CAP | KGEX__TF_HYPH)) ||
           kgex__is_type(d, i, KGEX__TOK_NUMBER) || noun_word(d, i) ||
           (is_word_tok(d, i) && !np_boundary(d, i) && noun_word(d, i + 1) &&
            !np_boundary(d, i + 1)); /* "al-Shabab terror group" */
}

/* An adverb or a lower-case word of time: never the head of a phrase
 * after a noun ("Armenia early on Tuesday", "posts overnight"). */
static int not_noun(const kgex__doc *d, size_t i)
{
    return !kgex__mention_at(d, i) && d->tok_title[i] < 0 &&
           (is_adverb(d, i) || (has(d, i, KGEX__W_TIME) && !(kgex__flags(d, i) & KGEX__TF_CAP)));
}

/* A number joined by a hyphen to a short capitalized word: the designation
 * of an aircraft, a missile or a launcher (F-16, Su-25, S-400). */
static int designation(const kgex__doc *d, size_t i)
{
    return i > 0 && (kgex__flags(d, i) & KGEX__TF_HYPH) && (kgex__flags(d, i - 1) & KGEX__TF_CAP) &&
           strlen(norm(d, i - 1)) <= 4;
}

static int is_pronoun(const kgex__doc *d, size_t i)
{
    static const char *const p[] = {"he", "she", "it", "they", "we", NULL};
    return is_word_tok(d, i) && kgex__in_list(norm(d, i), p);
}

static int is_poss_pronoun(const kgex__doc *d, size_t i)
{
    static const char *const p[] = {"its", "their", "his", "her", NULL};
    return is_word_tok(d, i) && kgex__in_list(norm(d, i), p);
}

static void add_to(int *list, uint8_t *n, int ent)
{
    size_t k;

    if (ent < 0)
        return;
    for (k = 0; k < *n; k++) {
        if (list[k] == ent)
            return;
    }
    if (*n < KGEX__MOD_MAX)
        list[(*n)++] = ent;
}

static void add_mod(kgex__conj *c, int ent)
{
    add_to(c->mod, &c->nmod, ent);
}

/* The state a description ("the country") most likely means: the state
 * the document names most often as an actor. */
static int recent_state(const kgex__doc *d, size_t i)
{
    int best = -1;
    size_t k;

    (void)i;
    for (k = 0; k < d->ent_len; k++) {
        if (d->ent[k].kind == KGEX_KIND_STATE && d->ent[k].actor_mentions > 0 &&
            (best < 0 || d->ent[k].actor_mentions > d->ent[best].actor_mentions))
            best = (int)k;
    }
    return best;
}

/* Heads that take an "of" complement naming whom they belong to: "the
 * ambassadors of Uruguay", "the territory of Armenia", "a meeting of the
 * Security Council", "29 sites of the PKK". */
static int of_head(const kgex__conj *c)
{
    return c->title || (c->cls & (KGEX__W_STAND_FOR | KGEX__W_TARGET_NOUN | KGEX__W_ARMED_HEAD |
                                  KGEX__W_COMBATANT | KGEX__W_ORG_NOUN | KGEX__W_ACTOR_NOUN |
                                  KGEX__W_MEETING | KGEX__W_WEAPON | KGEX__W_COMPLAINT)) != 0;
}

enum { LAST_NONE = 0, LAST_MOD, LAST_ENT, LAST_WORD, LAST_TITLE };

/* The entities named by a noun phrase at i, for complements: every head
 * entity, or the modifiers of a head that stands for them. */
static size_t np_parse(const kgex__doc *d, size_t i, size_t lim, kgex__np *np);

static void complement_into(const kgex__doc *d, size_t i, size_t lim, int *list, uint8_t *n,
                            size_t *end)
{
    kgex__np sub;
    size_t k, m;

    *end = i;
    if (!np_parse(d, i, lim, &sub))
        return;
    for (k = 0; k < sub.n; k++) {
        if (sub.c[k].ent >= 0) {
            add_to(list, n, sub.c[k].ent);
        } else {
            for (m = 0; m < sub.c[k].nmod; m++)
                add_to(list, n, sub.c[k].mod[m]);
            for (m = 0; m < sub.c[k].nloc; m++)
                add_to(list, n, sub.c[k].loc[m]);
        }
    }
    *end = sub.e;
}

/* One conjunct from token i, not past `lim`. Returns its end (== i when
 * nothing could be read). */
static size_t parse_conj(const kgex__doc *d, size_t i, size_t lim, kgex__conj *c)
{
    size_t k = i, start_words = i;
    int last = LAST_NONE;

    memset(c, 0, sizeof(*c));
    c->ent = -1;
    c->b = c->head = i;
    /* determiners, quantifiers and approximations ("over a hundred") */
    for (;;) {
        size_t n = kgex__cue_at(d, k, KGEX__WC_APPROX);

        if (n && k + n < lim &&
            (kgex__is_type(d, k + n, KGEX__TOK_NUMBER) || has(d, k + n, KGEX__W_DETERMINER) ||
             has(d, k + n, KGEX__W_QUANTITY) || has(d, k + n - 1, KGEX__W_QUANTITY))) {
            k += n;
            continue;
        }
        if (k < lim && is_word_tok(d, k) && !kgex__mention_at(d, k) &&
            (has(d, k, KGEX__W_DETERMINER) || kgex__is_word(d, k, "no")) &&
            !is_poss_pronoun(d, k)) {
            k++;
            continue;
        }
        break;
    }
    start_words = k;
    while (k < lim && k - i < WINDOW) {
        const kgex__mention *m = kgex__mention_at(d, k);

        if (m && m->b == k) {
            size_t next = m->e;
            int who = m->location ? kgex__target(d, m) : kgex__actor(d, m);

            if (next < lim && kgex__is_type(d, next, KGEX__TOK_POSS)) {
                add_mod(c, who);
                k = next + 1;
                last = LAST_MOD;
                continue;
            }
            if (next < lim && (kgex__flags(d, next) & KGEX__TF_HYPH) &&
                has(d, next, KGEX__W_OWNER_SUFFIX)) {
                add_mod(c, who); /* "Houthi-controlled" */
                k = next + 1;
                last = LAST_MOD;
                continue;
            }
            if (next < lim && !np_boundary(d, next) && !kgex__is_word(d, next, "of") &&
                !(kgex__mention_at(d, next) && d->ent[m->ent].kind == KGEX_KIND_OFFICIAL) &&
                !past_verb(d, next) && !not_noun(d, next) &&
                (m->form == KGEX__M_ADJ || m->form == KGEX__M_DEMONYM || modifies(d, next))) {
                add_mod(c, who); /* a premodifier: "Russian missiles", "NATO allies" */
                k = next;
                last = LAST_MOD;
                continue;
            }
            c->ent = who;
            if (c->ent < 0)
                c->ent = m->ent;
            c->place = m->location || m->form == KGEX__M_CITY;
            c->form = m->form;
            c->head = next - 1;
            c->cls = 0;
            c->title = 0;
            k = next;
            last = LAST_ENT;
            break;
        }
        if (d->tok_title[k] >= 0 && d->title_len[k] > 0) {
            k += d->title_len[k];
            c->head = k - 1;
            c->cls = d->wclass[k - 1];
            c->title = 1;
            last = LAST_TITLE;
            continue;
        }
        if (d->tok_titles[k] >= 0 && d->titles_len[k] > 0) {
            k += d->titles_len[k];
            c->head = k - 1;
            c->cls = d->wclass[k - 1];
            c->title = 1;
            last = LAST_TITLE;
            continue;
        }
        if (kgex__is_type(d, k, KGEX__TOK_POSS)) {
            /* "the group's commander": what came before is a possessor */
            k++;
            last = LAST_MOD;
            c->title = 0;
            continue;
        }
        if (k == start_words && is_pronoun(d, k)) {
            c->pronoun = 1;
            c->ent = kgex__resolve_pronoun(d, k);
            c->head = k;
            k++;
            last = LAST_ENT;
            break;
        }
        if (is_poss_pronoun(d, k)) {
            add_mod(c, kgex__resolve_pronoun(d, k));
            k++;
            last = LAST_MOD;
            continue;
        }
        if (kgex__is_type(d, k, KGEX__TOK_NUMBER)) {
            c->head = k;
            c->cls = designation(d, k) ? KGEX__W_WEAPON | KGEX__W_TARGET_NOUN : 0;
            k++;
            last = LAST_WORD;
            continue;
        }
        if (!is_word_tok(d, k) || np_boundary(d, k))
            break;
        /* a participle after a head opens a reduced relative clause:
         * "missiles fired at Kyiv", "a base housing AU troops" */
        if (last == LAST_WORD && !(kgex__flags(d, k) & KGEX__TF_HYPH) &&
            (ends_with(norm(d, k), "ed") || ends_with(norm(d, k), "ing")) &&
            !(kgex__flags(d, k) & KGEX__TF_CAP) && !noun_word(d, k))
            break;
        if (last == LAST_ENT || (last == LAST_WORD && not_noun(d, k)))
            break;
        /* a present verb after a known noun: "the session takes place" */
        if (last == LAST_WORD && noun_word(d, c->head) && !noun_word(d, k) && d->wclass[k] == 0 &&
            !(kgex__flags(d, k) & (KGEX__TF_CAP | KGEX__TF_HYPH)) && ends_with(norm(d, k), "s") &&
            !ends_with(norm(d, k), "ss"))
            break;
        c->head = k;
        c->cls = d->wclass[k];
        c->title = 0;
        last = LAST_WORD;
        k++;
        /* "a pair of Turkish F-16s", "a string of attacks" */
        if ((c->cls & KGEX__W_QUANTITY) && kgex__is_word(d, k, "of") && k + 1 < lim) {
            k++;
            last = LAST_NONE;
            c->cls = 0;
        }
    }
    /* "the country", "the government": the state last named */
    if (last == LAST_WORD && c->nmod == 0 && (c->cls & KGEX__W_STAND_FOR) && c->head > i &&
        kgex__is_word(d, c->head - 1, "the"))
        add_mod(c, recent_state(d, c->head));
    if (last == LAST_NONE || last == LAST_MOD) {
        if (c->nmod == 0 || k == i)
            return i;
        /* only modifiers: "Russia's" alone, a trailing adjective */
        c->head = k - 1;
    }
    c->npre = c->nmod;
    /* an official's affiliation: "Igor Volkov of the Russian Federation" */
    if (last == LAST_ENT && c->ent >= 0 && d->ent[c->ent].kind == KGEX_KIND_OFFICIAL &&
        k + 1 < lim && kgex__is_word(d, k, "of")) {
        kgex__conj of;
        size_t end = parse_conj(d, k + 1, lim, &of);
        if (end > k + 1 && of.ent >= 0) {
            add_mod(c, of.ent);
            k = end;
        }
    }
    /* complements: "of X", "belonging to X", "(PKK)" */
    if ((last == LAST_WORD || last == LAST_TITLE) && k < lim && of_head(c) &&
        (kgex__is_word(d, k, "of") ||
         ((c->cls & KGEX__W_MEETING) && kgex__is_word(d, k, "under")))) {
        size_t end;
        complement_into(d, k + 1, lim, c->mod, &c->nmod, &end);
        if (end > k + 1)
            k = end;
    }
    if (last == LAST_WORD && k < lim &&
        (c->cls & (KGEX__W_TARGET_NOUN | KGEX__W_COMBATANT | KGEX__W_ARMED_HEAD))) {
        size_t n = kgex__cue_at(d, k, KGEX__WC_OWNER_LINK), end;
        if (n) {
            complement_into(d, k + n, lim, c->mod, &c->nmod, &end);
            if (end > k + n)
                k = end;
        }
    }
    /* the author of a writing: "the filing by South Africa" */
    if (last == LAST_WORD && k + 1 < lim && (c->cls & KGEX__W_SPEECH_DOC) &&
        (kgex__is_word(d, k, "by") || kgex__is_word(d, k, "from"))) {
        size_t end;
        complement_into(d, k + 1, lim, c->mod, &c->nmod, &end);
        if (end > k + 1)
            k = end;
    }
    /* examples: "countries such as India and China", "members including X" */
    if (last == LAST_WORD && k + 1 < lim && (c->cls & (KGEX__W_STAND_FOR | KGEX__W_ORG_NOUN)) &&
        (kgex__cue_at(d, k, KGEX__WC_MEMBER_LIST) || has(d, k, KGEX__W_LIST_OPENER))) {
        size_t n = kgex__cue_at(d, k, KGEX__WC_MEMBER_LIST), end;
        if (!n)
            n = kgex__cue_at(d, k, KGEX__WC_LIST_OPENER);
        complement_into(d, k + n, lim, c->mod, &c->nmod, &end);
        if (end > k + n)
            k = end;
    }
    /* where it is: "targets in Lebanon", "a refinery in Russia's Samara
     * region" */
    if ((last == LAST_WORD || last == LAST_TITLE) && k + 1 < lim &&
        (kgex__is_word(d, k, "in") || kgex__is_word(d, k, "inside") ||
         kgex__is_word(d, k, "near") || kgex__is_word(d, k, "across"))) {
        size_t end;
        complement_into(d, k + 1, lim, c->loc, &c->nloc, &end);
        if (end > k + 1)
            k = end;
    }
    if (k + 2 < lim && kgex__is_word(d, k, "(") && kgex__mention_at(d, k + 1) &&
        kgex__is_word(d, kgex__mention_at(d, k + 1)->e, ")"))
        k = kgex__mention_at(d, k + 1)->e + 1;
    c->e = k;
    return k;
}

/* The noun phrase from token i, not past `lim`. */
static size_t np_parse(const kgex__doc *d, size_t i, size_t lim, kgex__np *np)
{
    size_t k = i;

    np->n = 0;
    np->b = np->e = i;
    if (i >= d->t.len)
        return 0;
    while (np->n < KGEX__NP_MAX) {
        kgex__conj c;
        size_t end = parse_conj(d, k, lim, &c), next;

        if (end == k)
            break;
        np->c[np->n++] = c;
        np->e = k = end;
        /* a list goes on after "," or "and" with another named actor */
        next = k;
        if (kgex__is_word(d, next, ","))
            next++;
        if (kgex__cue_at(d, next, KGEX__WC_CONJ) && !kgex__is_word(d, next, "but"))
            next += kgex__cue_at(d, next, KGEX__WC_CONJ);
        if (next == k)
            break;
        {
            kgex__conj peek;
            size_t pend = parse_conj(d, next, lim, &peek);

            if (pend == next)
                break;
            /* after a bare comma only a named entity continues the list
             * ("Armenia, a CSTO member," is an aside) */
            if (kgex__is_word(d, k, ",") && next == k + 1 && peek.ent < 0)
                break;
            if (peek.ent < 0 && peek.nmod == 0 && !peek.title && !(peek.cls & KGEX__W_STAND_FOR))
                break;
        }
        k = next;
    }
    return np->n;
}

size_t kgex__np_at(const kgex__doc *d, size_t i, kgex__np *np)
{
    return np_parse(d, i, kgex__sent_end(d, i), np);
}

/* May token t stand inside a noun phrase that ends after it? */
static int np_inner(const kgex__doc *d, size_t t)
{
    /* "forces led by Saudi Arabia", "bases belonging to the PKK" */
    if ((d->mclass[t] & KGEX__W_OWNER_LINK) ||
        (t > 0 && (d->mclass[t - 1] & KGEX__W_OWNER_LINK) && d->mlen[t - 1] >= 2))
        return 1;
    if (kgex__mention_at(d, t) || kgex__is_type(d, t, KGEX__TOK_POSS) ||
        kgex__is_type(d, t, KGEX__TOK_NUMBER))
        return 1;
    if (kgex__is_word(d, t, "of") || kgex__is_word(d, t, ",") || kgex__is_word(d, t, "(") ||
        kgex__is_word(d, t, ")") || has(d, t, KGEX__W_CONJ) || has(d, t, KGEX__W_DETERMINER))
        return 1;
    return is_word_tok(d, t) && !np_boundary(d, t);
}

/* The noun phrase ending just before token j that starts in [lo, hi). */
static size_t np_ending_in(const kgex__doc *d, size_t j, size_t lo, size_t hi, kgex__np *np);

size_t kgex__np_ending(const kgex__doc *d, size_t j, size_t lo, kgex__np *np)
{
    return np_ending_in(d, j, lo, j, np);
}

static size_t np_ending_in(const kgex__doc *d, size_t j, size_t lo, size_t hi, kgex__np *np)
{
    size_t b = kgex__sent_begin(d, j ? j - 1 : 0), left = j, s;

    np->n = 0;
    if (j == 0 || j <= lo)
        return 0;
    if (lo > b)
        b = lo;
    while (left > b && j - left < WINDOW && np_inner(d, left - 1))
        left--;
    /* a start before hi: the phrase may hold a preposition ("the
     * government in Ankara"), so look as far back as the window */
    if (hi < j)
        left = j - b > WINDOW ? j - WINDOW : b;
    for (s = left; s < j && s < hi; s++) {
        /* a phrase starts at a word, a number or a mention, never inside
         * a mention or at a list separator */
        if (kgex__mention_at(d, s) && kgex__mention_at(d, s)->b != s)
            continue;
        if (kgex__is_word(d, s, "of") || kgex__is_word(d, s, ",") || has(d, s, KGEX__W_CONJ) ||
            kgex__is_word(d, s, ")") || kgex__is_type(d, s, KGEX__TOK_POSS) ||
            (kgex__flags(d, s) & KGEX__TF_HYPH))
            continue;

        if (np_parse(d, s, j, np) && np->e == j)
            return np->n;
    }
    np->n = 0;
    return 0;
}

/* A phrase naming a state's forces without saying whose: "the army",
 * "army planes", "government forces", "the military". */
static int national_forces(const kgex__doc *d, const kgex__conj *c)
{
    size_t k;

    if (c->ent >= 0 || c->nmod > 0 || c->nloc > 0 || c->title)
        return 0;
    if (c->cls & KGEX__W_ARMED_HEAD)
        return 1;
    if (!(c->cls & KGEX__W_COMBATANT))
        return 0;
    for (k = c->b; k < c->head; k++) {
        if (has(d, k, KGEX__W_ARMED_HEAD) || kgex__is_word(d, k, "government"))
            return 1;
    }
    return 0;
}

static int role_ok(const kgex__doc *d, int ent, int role)
{
    kgex_kind k;

    if (ent < 0)
        return 0;
    k = d->ent[ent].kind;
    if (k == KGEX_KIND_EVENT)
        return 0;
    if (k == KGEX_KIND_OFFICIAL)
        return role == KGEX__ROLE_SPEAKER || role == KGEX__ROLE_AGENT;
    return 1;
}

size_t kgex__np_role(const kgex__doc *d, const kgex__np *np, int role, int *out, size_t cap)
{
    size_t n = 0, k, m, x;

    for (k = 0; k < np->n; k++) {
        const kgex__conj *c = &np->c[k];
        int cand[2 * KGEX__MOD_MAX + 1];
        size_t nc = 0;

        if (c->ent >= 0) {
            /* a city never acts; a capital after "to" is asked */
            if (c->place && role != KGEX__ROLE_TARGET &&
                !(role == KGEX__ROLE_ADDRESSEE &&
                  (c->form == KGEX__M_CAPITAL || c->form == KGEX__M_SEAT)))
                continue;
            cand[nc++] = c->ent;
        } else {
            uint64_t stands = 0;

            switch (role) {
                case KGEX__ROLE_AGENT:
                case KGEX__ROLE_ADDRESSEE:
                    stands = KGEX__W_STAND_FOR | KGEX__W_ARMED_HEAD | KGEX__W_WEAPON |
                             KGEX__W_COMBATANT | KGEX__W_MEETING | KGEX__W_ORG_NOUN;
                    break;
                case KGEX__ROLE_TARGET:
                    stands = KGEX__W_TARGET_NOUN | KGEX__W_ARMED_HEAD | KGEX__W_STAND_FOR |
                             KGEX__W_COMBATANT | KGEX__W_ACTOR_NOUN | KGEX__W_ORG_NOUN;
                    break;
                case KGEX__ROLE_SPEAKER:
                    stands = KGEX__W_STAND_FOR | KGEX__W_COMBATANT | KGEX__W_ARMED_HEAD |
                             KGEX__W_SPEECH_DOC | KGEX__W_MEETING | KGEX__W_ORG_NOUN;
                    break;
                default:
                    stands = 0;
            }
            if ((c->cls & stands) ||
                (c->title && role != KGEX__ROLE_MEMBER && role != KGEX__ROLE_TARGET)) {
                /* "Somalia's al-Shabab terror group" is al-Shabab's; "an
                 * alliance of A and B" is neither's */
                if ((c->cls & stands) == (c->cls & stands & KGEX__W_ORG_NOUN)) {
                    if (c->npre > 0)
                        cand[nc++] = c->mod[c->npre - 1];
                } else {
                    for (m = 0; m < c->nmod; m++)
                        cand[nc++] = c->mod[m];
                }
            }
            /* "the army", "army planes", "government forces" unqualified:
             * the forces of the document's own state */
            if (nc == 0 && (role == KGEX__ROLE_AGENT || role == KGEX__ROLE_TARGET) &&
                national_forces(d, c))
                cand[nc++] = recent_state(d, c->head);
            /* "an alliance of rebel groups": the body whose name has that noun */
            if (nc == 0 && role != KGEX__ROLE_TARGET && (c->cls & KGEX__W_ORG_NOUN)) {
                int org = kgex__org_named(d, c->head);
                if (org >= 0)
                    cand[nc++] = org;
            }
            /* a target named by where it is: "targets in Lebanon"; a
             * government by its seat: "the government in Ankara" */
            if ((role == KGEX__ROLE_TARGET || (c->cls & KGEX__W_STAND_FOR)) && nc == 0) {
                for (m = 0; m < c->nloc; m++)
                    cand[nc++] = c->loc[m];
            }
        }
        for (m = 0; m < nc; m++) {
            if (!role_ok(d, cand[m], role))
                continue;
            if (role == KGEX__ROLE_MEMBER && d->ent[cand[m]].kind == KGEX_KIND_OFFICIAL)
                continue;
            for (x = 0; x < n && out[x] != cand[m]; x++)
                ;
            if (x == n && n < cap)
                out[n++] = cand[m];
        }
    }
    return n;
}

/* ----------------------------------------------------------- verb groups */

static int is_participle(const kgex__doc *d, size_t i)
{
    const char *w = norm(d, i);
    return ends_with(w, "ed") || ends_with(w, "en") || has(d, i, KGEX__W_PARTICIPLE);
}

void kgex__vgroup(const kgex__doc *d, size_t i, size_t e, kgex__vg *vg)
{
    size_t b = kgex__sent_begin(d, i), j = i, t;
    int be = 0, aux = 0;

    memset(vg, 0, sizeof(*vg));
    vg->gov = (size_t)-1;
    while (j > b) {
        t = j - 1;
        if (has(d, t, KGEX__W_NEGATION) && !kgex__is_word(d, t, "no")) {
            vg->neg = 1;
        } else if (has(d, t, KGEX__W_MODAL)) {
            vg->modal = 1;
        } else if (has(d, t, KGEX__W_BE)) {
            be = 1;
        } else if (has(d, t, KGEX__W_AUX)) {
            aux = 1;
        } else if (kgex__is_word(d, t, "to")) {
            size_t g = t;
            vg->inf = 1;
            while (g > b && is_adverb(d, g - 1) && !has(d, g - 1, KGEX__W_FACTIVE))
                g--;
            vg->gov = g > b ? g - 1 : (size_t)-1;
            j = t;
            break;
        } else if (!is_adverb(d, t)) {
            break;
        }
        j = t;
    }
    vg->b = j;
    if (be && is_participle(d, e - 1))
        vg->passive = 1;
    if (!be && !aux && !vg->modal && !vg->inf && ends_with(norm(d, i), "ing") && j > b &&
        (has(d, j - 1, KGEX__W_PREPOSITION) || has(d, j - 1, KGEX__W_SUBORDINATOR) ||
         has(d, j - 1, KGEX__W_FACTIVE) || has(d, j - 1, KGEX__W_IRREALIS) ||
         has(d, j - 1, KGEX__W_DENY))) {
        vg->gerund = 1;
        vg->gov = j - 1;
    }
    if (!be && !aux && !vg->modal && !vg->inf && is_participle(d, e - 1)) {
        size_t k = e;
        while (k < d->t.len && is_adverb(d, k))
            k++;
        if (kgex__is_word(d, k, "by") && j > b && !kgex__is_punct(d, j - 1) &&
            !kgex__mention_at(d, j - 1))
            vg->reduced = vg->passive = 1;
    }
}

/* Skip time phrases ending before token j: "on Friday", "last week", "in
 * March 2022", "earlier this month", and adverbs. Returns the new j. */
static size_t skip_left_adjuncts(const kgex__doc *d, size_t j, size_t b)
{
    while (j > b) {
        size_t t = j - 1, u;

        /* adverbs, and auxiliaries split from their verb by an adjunct
         * ("has in the past carried out") */
        if ((is_adverb(d, t) || has(d, t, KGEX__W_AUX | KGEX__W_BE | KGEX__W_MODAL) ||
             (has(d, t, KGEX__W_NEGATION) && !kgex__is_word(d, t, "no"))) &&
            !kgex__mention_at(d, t)) {
            j = t;
            continue;
        }
        if (has(d, t, KGEX__W_TIME) || kgex__is_type(d, t, KGEX__TOK_NUMBER)) {
            u = t;
            while (u > b &&
                   (has(d, u - 1, KGEX__W_TIME) || kgex__is_type(d, u - 1, KGEX__TOK_NUMBER) ||
                    kgex__is_word(d, u - 1, "this") || kgex__is_word(d, u - 1, "last") ||
                    kgex__is_word(d, u - 1, "next") || kgex__is_word(d, u - 1, "early") ||
                    kgex__is_word(d, u - 1, "late") || kgex__is_word(d, u - 1, "the") ||
                    kgex__is_word(d, u - 1, ",") || kgex__is_word(d, u - 1, "of")))
                u--;
            if (u < t + 1 && u > b &&
                (kgex__is_word(d, u - 1, "on") || kgex__is_word(d, u - 1, "in") ||
                 kgex__is_word(d, u - 1, "since") || kgex__is_word(d, u - 1, "during") ||
                 kgex__is_word(d, u - 1, "at") || kgex__is_word(d, u - 1, "by") ||
                 kgex__is_word(d, u - 1, "until") || kgex__is_word(d, u - 1, "earlier") ||
                 kgex__is_word(d, u - 1, "later") || kgex__is_word(d, u - 1, "overnight"))) {
                j = u - 1;
                continue;
            }
            if (u <= t && (kgex__is_word(d, u, "last") || kgex__is_word(d, u, "this") ||
                           kgex__is_word(d, u, "earlier") || kgex__is_word(d, u, "later"))) {
                j = u;
                continue;
            }
            if (u < t && has(d, u, KGEX__W_TIME) && !(kgex__flags(d, u) & KGEX__TF_CAP)) {
                j = u;
                continue;
            }
            /* a weekday alone: "Russia on Friday said" handled above;
             * "Russia Friday said" */
            if (u == t && (kgex__flags(d, t) & KGEX__TF_CAP) && has(d, t, KGEX__W_TIME) &&
                !kgex__mention_at(d, t)) {
                j = t;
                continue;
            }
        }
        break;
    }
    return j;
}

size_t kgex__skip_adjuncts(const kgex__doc *d, size_t i, size_t e)
{
    while (i < e) {
        /* an aside between commas: ", among others,", ", however," */
        if (kgex__is_word(d, i, ",")) {
            size_t k;
            for (k = i + 1; k < e && k < i + 5; k++) {
                if (kgex__is_word(d, k, ",") || kgex__mention_at(d, k) || d->tok_trig[k] >= 0 ||
                    kgex__is_punct(d, k))
                    break;
            }
            if (k < e && k > i + 1 && kgex__is_word(d, k, ",")) {
                i = k + 1;
                continue;
            }
        }
        if (is_adverb(d, i) && !kgex__mention_at(d, i)) {
            i++;
            continue;
        }
        if ((kgex__is_word(d, i, "on") || kgex__is_word(d, i, "last") ||
             kgex__is_word(d, i, "this") || kgex__is_word(d, i, "early") ||
             kgex__is_word(d, i, "in") || kgex__is_word(d, i, "since") ||
             kgex__is_word(d, i, "during") || kgex__is_word(d, i, "until")) &&
            (has(d, i + 1, KGEX__W_TIME) || kgex__is_type(d, i + 1, KGEX__TOK_NUMBER)) &&
            !kgex__mention_at(d, i + 1)) {
            i += 2;
            while (i < e && (has(d, i, KGEX__W_TIME) || kgex__is_type(d, i, KGEX__TOK_NUMBER)))
                i++;
            continue;
        }
        break;
    }
    return i;
}

/* An aside ending with the comma or dash at t: its opening token, or
 * (size_t)-1 when t closes no aside. */
static size_t aside_open(const kgex__doc *d, size_t t, size_t b)
{
    static const char dash[] = "\xe2\x80\x94";
    int is_dash = kgex__is_word(d, t, dash) || kgex__is_word(d, t, "-") ||
                  kgex__is_word(d, t, "\xe2\x80\x93");
    size_t u;

    if (kgex__is_word(d, t, ")")) {
        for (u = t; u-- > b && t - u < WINDOW;) {
            if (kgex__is_word(d, u, "("))
                return u;
        }
        return (size_t)-1;
    }
    if (!is_dash && !kgex__is_word(d, t, ","))
        return (size_t)-1;
    for (u = t; u-- > b && t - u < WINDOW;) {
        if (kgex__is_type(d, u, KGEX__TOK_QOPEN) || kgex__is_type(d, u, KGEX__TOK_QCLOSE) ||
            kgex__is_word(d, u, ";"))
            return (size_t)-1;
        if (is_dash ? (kgex__is_word(d, u, dash) || kgex__is_word(d, u, "-") ||
                       kgex__is_word(d, u, "\xe2\x80\x93"))
                    : kgex__is_word(d, u, ",")) {
            size_t f = u + 1;
            /* an aside: an apposition, a relative clause, an adverbial */
            if (is_dash || has(d, f, KGEX__W_DETERMINER) || has(d, f, KGEX__W_CLAUSE) ||
                has(d, f, KGEX__W_ADVERB) || has(d, f, KGEX__W_PREPOSITION) ||
                has(d, f, KGEX__W_SUBORDINATOR) || d->tok_title[f] >= 0 || d->tok_titles[f] >= 0 ||
                kgex__is_type(d, f, KGEX__TOK_NUMBER) || ly_adverb(d, f) ||
                kgex__cue_at(d, f, KGEX__WC_SPEECH_PREP) || has(d, f, KGEX__W_QUANTITY) ||
                (kgex__mention_at(d, f) && kgex__mention_at(d, f)->e == t &&
                 kgex__is_official(d, kgex__mention_at(d, f)->ent)) ||
                (is_word_tok(d, f) && !(kgex__flags(d, f) & KGEX__TF_CAP) &&
                 !kgex__mention_at(d, f)))
                return u;
            return (size_t)-1;
        }
    }
    return (size_t)-1;
}

/* Is every conjunct of np a named official? */
static int all_officials(const kgex__doc *d, const kgex__np *np)
{
    size_t k;

    for (k = 0; k < np->n; k++) {
        if (!kgex__is_official(d, np->c[k].ent))
            return 0;
    }
    return np->n > 0;
}

/* The subject of the main clause of the sentence of token i: the first
 * phrase after an opening adverbial ("On Friday, ", "In a statement, "). */
size_t kgex__sentence_start(const kgex__doc *d, size_t i)
{
    size_t b = kgex__sent_begin(d, i), e = kgex__sent_end(d, i), k = b;

    /* a dateline: "UNITED NATIONS (AP) --", "KYIV, March 5 (Reuters) -" */
    while (k < e && k - b < 12 &&
           ((kgex__flags(d, k) & KGEX__TF_ALLCAPS) || kgex__is_type(d, k, KGEX__TOK_NUMBER) ||
            has(d, k, KGEX__W_TIME) || kgex__is_word(d, k, ",") || kgex__is_word(d, k, "(") ||
            kgex__is_word(d, k, ")") || (k > b && kgex__is_word(d, k - 1, "("))))
        k++;
    if (k > b && k < e &&
        (kgex__is_word(d, k, "-") || kgex__is_word(d, k, "\xe2\x80\x94") ||
         kgex__is_word(d, k, "\xe2\x80\x93")) &&
        (kgex__flags(d, b) & KGEX__TF_ALLCAPS)) {
        while (k < e && (kgex__is_word(d, k, "-") || kgex__is_word(d, k, "\xe2\x80\x94") ||
                         kgex__is_word(d, k, "\xe2\x80\x93")))
            k++;
        return k;
    }
    return b;
}

static size_t clause_subject(const kgex__doc *d, size_t i, size_t limit, kgex__np *np)
{
    size_t k = kgex__sentence_start(d, i);

    np->n = 0;
    /* an opening phrase ending in a comma */
    if (has(d, k, KGEX__W_PREPOSITION) || has(d, k, KGEX__W_SUBORDINATOR) || is_adverb(d, k) ||
        kgex__cue_at(d, k, KGEX__WC_SPEECH_PREP)) {
        size_t u;
        for (u = k; u < limit && u - k < WINDOW && !kgex__is_word(d, u, ","); u++)
            ;
        if (u < limit && kgex__is_word(d, u, ","))
            k = u + 1;
    }
    k = kgex__skip_adjuncts(d, k, limit);
    if (k >= limit || !kgex__np_at(d, k, np) || np->e > limit)
        np->n = 0;
    return np->n;
}

size_t kgex__subject(const kgex__doc *d, size_t vb, kgex__np *np)
{
    size_t b = kgex__sent_begin(d, vb), j = vb, steps;

    np->n = 0;
    for (steps = 0; steps < 6 && j > b; steps++) {
        size_t open;

        j = skip_left_adjuncts(d, j, b);
        if (j <= b)
            break;
        open = aside_open(d, j - 1, b);
        if (open != (size_t)-1 && open > b) {
            /* a named official in apposition is the subject: "The Kremlin's
             * spokesman, Dmitry Peskov, said", "The co-chairs - A, B and C -
             * condemned" */
            if (np_parse(d, open + 1, j - 1, np) && np->e == j - 1 && all_officials(d, np))
                return np->n;
            j = open;
            continue;
        }
        break;
    }
    if (j <= b)
        return 0;
    /* a coordinated or participial verb: "X attacked A and shelled B",
     * ", saying ..." */
    if (kgex__is_word(d, j - 1, "and") || kgex__is_word(d, j - 1, "but") ||
        kgex__is_word(d, j - 1, "then") || kgex__is_word(d, j - 1, ",")) {
        kgex__np left;
        size_t k = j - 1;

        if (kgex__is_word(d, k, "and") && k > b && kgex__is_word(d, k - 1, ","))
            k--;
        /* "A, B and C said" has a list before "and"; a verb has not */
        if (kgex__is_word(d, j - 1, ",") || !kgex__np_ending(d, k, b, &left) ||
            kgex__np_role(d, &left, KGEX__ROLE_AGENT, (int[1]){0}, 1) == 0) {
            /* the subject of the verb before: "X said ... but called on" */
            size_t t;
            for (t = k; t-- > b && k - t < WINDOW;) {
                if (verb_trigger(d, t) || has(d, t, KGEX__W_VERB) || past_verb(d, t)) {
                    kgex__vg vg;
                    kgex__vgroup(d, t, t + 1, &vg);
                    if (vg.b < t + 1 && kgex__subject(d, vg.b, np))
                        return np->n;
                    break;
                }
            }
            return clause_subject(d, vb, k, np);
        }
    }
    /* "X, which/who ...": the antecedent */
    if (has(d, j - 1, KGEX__W_CLAUSE) && !kgex__is_word(d, j - 1, "when")) {
        size_t k = j - 1;
        if (k > b && kgex__is_word(d, k - 1, ","))
            k--;
        return kgex__np_ending(d, k, b, np);
    }
    if (kgex__np_ending(d, j, b, np)) {
        /* the object of a preposition is no subject: "an attack on a base
         * in Somalia kills ..." ("with Cambodia launching rockets" is) */
        if (np->b > b + 1 && has(d, np->b - 1, KGEX__W_PREPOSITION) &&
            !kgex__is_word(d, np->b - 1, "with") && !kgex__is_word(d, np->b - 1, "of") &&
            noun_word(d, np->b - 2)) {
            size_t pb = np->b;
            int ents[KGEX__NP_MAX];

            /* the phrase with the preposition: "the government in Ankara
             * denied", which may stand for an actor */
            if (np_ending_in(d, j, b, pb - 1, np) &&
                kgex__np_role(d, np, KGEX__ROLE_AGENT, ents, KGEX__NP_MAX) +
                        kgex__np_role(d, np, KGEX__ROLE_SPEAKER, ents, KGEX__NP_MAX) >
                    0)
                return np->n;
            /* a list may start later: "near Jermuk, the Ministry ... said" */
            if (kgex__np_ending(d, j, pb + 1, np))
                return np->n;
            np->n = 0;
            return 0;
        }
        return np->n;
    }
    return 0;
}

/* ------------------------------------------------------------ assertion */

static int question(const kgex__doc *d, size_t i)
{
    size_t e = kgex__sent_end(d, i);
    return e > 0 && kgex__is_word(d, e - 1, "?");
}

/* A conditional earlier in the clause of token i, a denial earlier in
 * the sentence, or a question. */
static int hedged(const kgex__doc *d, size_t i)
{
    size_t b = kgex__sent_begin(d, i), j;

    for (j = i; j-- > b && i - j < 24;) {
        if (kgex__is_word(d, j, ";") || kgex__is_word(d, j, ":") ||
            kgex__is_type(d, j, KGEX__TOK_QOPEN))
            break;
        if (kgex__is_word(d, j, ",") && !has(d, j + 1, KGEX__W_CONDITIONAL))
            break;
        if (has(d, j, KGEX__W_CONDITIONAL) || kgex__cue_at(d, j, KGEX__WC_CONDITIONAL) > 1)
            return 1;
    }
    for (j = i; j-- > b && i - j < 16;) {
        if (has(d, j, KGEX__W_DENY))
            return 1;
    }
    return question(d, i);
}

int kgex__asserted_verb(const kgex__doc *d, size_t i, size_t e, const kgex__vg *vg)
{
    (void)e;
    if (vg->neg || vg->modal)
        return 0;
    if (vg->inf)
        return vg->gov != (size_t)-1 && has(d, vg->gov, KGEX__W_FACTIVE);
    if (vg->gerund && vg->gov != (size_t)-1) {
        size_t g = vg->gov;
        if (has(d, g, KGEX__W_NEGATION) || has(d, g, KGEX__W_IRREALIS) || has(d, g, KGEX__W_DENY))
            return 0;
        /* "threat of attacking", "accused of attacking" */
        if ((kgex__is_word(d, g, "of") || kgex__is_word(d, g, "for")) && g > 0 &&
            (has(d, g - 1, KGEX__W_IRREALIS) || has(d, g - 1, KGEX__W_DENY)))
            return 0;
    }
    return !hedged(d, i);
}

int kgex__asserted_noun(const kgex__doc *d, size_t i, size_t e, int act)
{
    size_t b = kgex__sent_begin(d, i), j = i;

    (void)e;
    /* the noun's own phrase, back to its determiner: "any attack",
     * "possible strikes", "no attack", "a planned offensive" */
    while (j > b && j > i - 8 && !np_boundary(d, j - 1) && !has(d, j - 1, KGEX__W_DETERMINER)) {
        j--;
        if (has(d, j, KGEX__W_NOUN_MARKER) || has(d, j, KGEX__W_IRREALIS) ||
            kgex__is_word(d, j, "no"))
            return 0;
    }
    while (j > b && has(d, j - 1, KGEX__W_DETERMINER)) {
        j--;
        if (kgex__is_word(d, j, "any") || kgex__is_word(d, j, "no"))
            return 0;
    }
    /* what governs it: "threat of an attack", "to prevent attacks",
     * "could launch an attack", "vowed an offensive"; a request or a
     * statement that is considered or rejected was made all the same */
    if (j > b && !act) {
        size_t g = j - 1;

        if (kgex__is_word(d, g, "of") || kgex__is_word(d, g, "for") ||
            kgex__is_word(d, g, "against")) {
            if (g > b && (has(d, g - 1, KGEX__W_IRREALIS) || has(d, g - 1, KGEX__W_NOUN_MARKER) ||
                          has(d, g - 1, KGEX__W_DENY)))
                return 0;
        } else if (has(d, g, KGEX__W_IRREALIS) || has(d, g, KGEX__W_DENY) ||
                   has(d, g, KGEX__W_NEGATION)) {
            return 0;
        } else if (has(d, g, KGEX__W_LIGHT_VERB) || d->tok_trig[g] >= 0) {
            kgex__vg vg;
            kgex__vgroup(d, g, g + 1, &vg);
            if (!kgex__asserted_verb(d, g, g + 1, &vg))
                return 0;
        }
    }
    return !hedged(d, i);
}

int kgex__noun_use(const kgex__doc *d, size_t i, size_t e, unsigned pos)
{
    size_t b = kgex__sent_begin(d, i);
    const kgex__mention *m;

    if (pos == 1)
        return 0;
    if (pos == 2)
        return 1;
    if (i > b) {
        size_t p = i - 1;

        if (kgex__is_word(d, p, "to") || has(d, p, KGEX__W_MODAL) || has(d, p, KGEX__W_AUX) ||
            has(d, p, KGEX__W_BE) || (has(d, p, KGEX__W_NEGATION) && !kgex__is_word(d, p, "no")) ||
            is_pronoun(d, p) || has(d, p, KGEX__W_CLAUSE))
            return 0;
        if (has(d, p, KGEX__W_DETERMINER) || is_poss_pronoun(d, p) ||
            kgex__is_type(d, p, KGEX__TOK_POSS) || kgex__is_type(d, p, KGEX__TOK_NUMBER) ||
            has(d, p, KGEX__W_PREPOSITION) || kgex__is_word(d, p, "no") ||
            (kgex__flags(d, i) & KGEX__TF_HYPH))
            return 1;
        m = kgex__mention_at(d, p);
        if (m)
            return m->form == KGEX__M_ADJ || m->form == KGEX__M_DEMONYM ||
                   m->form == KGEX__M_ACRONYM || (kgex__flags(d, p) & KGEX__TF_HYPH);
        if (is_adverb(d, p))
            return 0;
        if (is_word_tok(d, p) && !np_boundary(d, p) && !(kgex__flags(d, p) & KGEX__TF_CAP))
            return 1; /* an adjective or a noun before it: "air strikes" */
    }
    /* "attack on", "strikes against", "invasion of" */
    if (kgex__is_word(d, e, "on") || kgex__is_word(d, e, "against") || kgex__is_word(d, e, "of") ||
        kgex__is_word(d, e, "by"))
        return 1;
    return ends_with(norm(d, e - 1), "s") && !ends_with(norm(d, e - 1), "ss");
}

size_t kgex__noun_agents(const kgex__doc *d, size_t i, int *out, size_t cap)
{
    size_t b = kgex__sent_begin(d, i), j = i, n = 0, x;

    while (j > b && i - j < 10) {
        size_t t = j - 1;
        const kgex__mention *m = kgex__mention_at(d, t);
        int who = -1;

        if (m) {
            who = kgex__actor(d, m);
            j = m->b;
        } else if (is_poss_pronoun(d, t)) {
            who = kgex__resolve_pronoun(d, t);
            j = t;
        } else if (kgex__is_type(d, t, KGEX__TOK_POSS) || kgex__is_type(d, t, KGEX__TOK_NUMBER) ||
                   (is_word_tok(d, t) && !np_boundary(d, t) && !has(d, t, KGEX__W_LIGHT_VERB) &&
                    !(d->tok_trig[t] >= 0 && d->trig_pos[t] == 1))) {
            j = t;
            if (has(d, t, KGEX__W_DETERMINER) && !is_poss_pronoun(d, t))
                break;
            continue;
        } else {
            break;
        }
        if (who >= 0 && d->ent[who].kind != KGEX_KIND_OFFICIAL) {
            for (x = 0; x < n && out[x] != who; x++)
                ;
            if (x == n && n < cap)
                out[n++] = who;
        }
    }
    return n;
}

/* The organization of the document whose name has the word at token i
 * ("alliance": the Alliance of Sahel States), the nearest named before or
 * after it; -1 if none. */
int kgex__org_named(const kgex__doc *d, size_t i)
{
    const char *w = kgex__norm(d, i);
    size_t j, n = strlen(w), best_dist = (size_t)-1;
    int best = -1, best_rank = 0;

    for (j = 0; j < d->men_len; j++) {
        int who = kgex__actor(d, &d->men[j]), rank = 0;
        const char *label, *p;
        size_t dist = d->men[j].b > i ? d->men[j].b - i : i - d->men[j].b;

        if (who < 0 || d->ent[who].kind != KGEX_KIND_ORGANIZATION)
            continue;
        label = d->ent[who].label;
        for (p = label; *p; p++) {
            if (strncasecmp(p, w, n) == 0 && (p == label || p[-1] == ' ') &&
                (p[n] == '\0' || p[n] == ' ')) {
                rank = p[n] == '\0' ? 2 : 1; /* "Three Brotherhood Alliance" first */
                break;
            }
        }
        if (rank > best_rank || (rank == best_rank && rank > 0 && dist < best_dist)) {
            best = who;
            best_rank = rank;
            best_dist = dist;
        }
    }
    return best;
}
