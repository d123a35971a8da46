/*
 * mentions.c - finding the entities a document mentions.
 *
 * Passes, each linear in the number of tokens:
 *   1. lexicon: longest trie match at each token for names, titles and
 *      relation triggers (a capital after a preposition is a place);
 *   2. organizations by pattern: capitalized phrases ending in a head word
 *      ("... Ministry", "... Council", "Union of ..."), with a state
 *      qualifier giving ministries a canonical name ("Russia's Foreign
 *      Ministry" = "Russian Foreign Ministry");
 *   3. descriptions of organizations ("the alliance", "the security
 *      body") resolved to the organization last named;
 *   4. officials: a title or rank before a capitalized name, with the
 *      affiliation read from "Russian", "Kazakhstan's", "CSTO", "of
 *      Russia", ", the Y of Z", or the state named before in the sentence;
 *      "the CSTO head" resolved to the official last named;
 *   5. surnames (and a one-letter misspelling of one) of known officials.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common.h"
#include "extract/doc.h"
#include "extract/names.h"

#define MAX_NAME_WORDS 5

/* ----------------------------------------------------------- helpers */

static const char *norm(const kgex__doc *d, size_t i)
{
    return kgex__norm(d, i);
}

static int flags(const kgex__doc *d, size_t i)
{
    return kgex__flags(d, i);
}

static int is_type(const kgex__doc *d, size_t i, int type)
{
    return kgex__is_type(d, i, type);
}

static int is_function_word(const kgex__doc *d, size_t i)
{
    return has(d, i, KGEX__W_FUNCTION);
}

static char *text_dup(const kgex__doc *d, size_t b, size_t e)
{
    return kgex__strndup(d->t.text + d->t.tok[b].start, d->t.tok[e - 1].end - d->t.tok[b].start);
}

int kgex__doc_add_alias(kgex__dent *ent, const char *s, size_t len)
{
    size_t k;
    char *copy;
    int error;

    if (len == 0 || (strlen(ent->label) == len && memcmp(ent->label, s, len) == 0))
        return KGEX_OK;
    for (k = 0; k < ent->alias_len; k++) {
        if (strlen(ent->alias[k]) == len && memcmp(ent->alias[k], s, len) == 0)
            return KGEX_OK;
    }
    error = kgex__grow((void **)&ent->alias, &ent->alias_cap, ent->alias_len + 1, sizeof(char *));
    if (error < 0)
        return error;
    copy = kgex__strndup(s, len);
    if (!copy)
        return KGEX_ENOMEM;
    ent->alias[ent->alias_len++] = copy;
    return KGEX_OK;
}

static int new_entity(kgex__doc *d, kgex_kind kind, const char *id, const char *label, long lexi,
                      int *out)
{
    kgex__dent *e;
    int error;

    error = kgex__grow((void **)&d->ent, &d->ent_cap, d->ent_len + 1, sizeof(*d->ent));
    if (error < 0)
        return error;
    e = &d->ent[d->ent_len];
    memset(e, 0, sizeof(*e));
    e->kind = kind;
    e->lex = lexi;
    e->stands_for = -1;
    e->of_state = -1;
    e->id = kgex__strdup(id);
    e->label = kgex__strdup(label);
    d->ent_len++;
    if ((id && !e->id) || !e->label)
        return KGEX_ENOMEM;
    *out = (int)d->ent_len - 1;
    return KGEX_OK;
}

int kgex__doc_lexicon_entity(kgex__doc *d, long lexi, int *out)
{
    const kgex__entity *le = &d->lex->ent[lexi];
    size_t k;
    int error, state = -1;
    long si;

    (void)k;
    if (d->lex_ent[lexi] >= 0) {
        *out = d->lex_ent[lexi];
        return KGEX_OK;
    }
    /* a state's armed forces stand for the state; its other bodies speak
     * for it */
    if (le->state) {
        si = kgex__lexicon_find(d->lex, le->state);
        if (si >= 0) {
            error = kgex__doc_lexicon_entity(d, si, &state);
            if (error < 0)
                return error;
        }
    }
    error = new_entity(d, le->kind, le->id, le->name, lexi, out);
    if (error == 0) {
        if (le->org_type && strcmp(le->org_type, "military") == 0)
            d->ent[*out].stands_for = state;
        else
            d->ent[*out].of_state = state;
        d->lex_ent[lexi] = *out;
    }
    return error;
}

static int find_entity_by_id(const kgex__doc *d, const char *id)
{
    size_t k;

    for (k = 0; k < d->ent_len; k++) {
        if (d->ent[k].id && strcmp(d->ent[k].id, id) == 0)
            return (int)k;
    }
    return -1;
}

static int add_mention(kgex__doc *d, size_t b, size_t e, int ent, int form, int location)
{
    kgex__mention *m;
    size_t i;
    int error;

    error = kgex__grow((void **)&d->men, &d->men_cap, d->men_len + 1, sizeof(*d->men));
    if (error < 0)
        return error;
    m = &d->men[d->men_len];
    m->b = b;
    m->e = e;
    m->ent = ent;
    m->form = (uint8_t)form;
    m->location = (uint8_t)location;
    for (i = b; i < e; i++)
        d->tok_men[i] = (int32_t)d->men_len;
    d->men_len++;
    if (!location) {
        d->ent[ent].actor_mentions++;
        if (d->ent[ent].stands_for >= 0)
            d->ent[d->ent[ent].stands_for].actor_mentions++;
    }
    if (form == KGEX__M_DESC)
        return KGEX_OK; /* a description is no name of the entity */
    return kgex__doc_add_alias(&d->ent[ent], d->t.text + d->t.tok[b].start,
                               d->t.tok[e - 1].end - d->t.tok[b].start);
}

/* Remove mention mi. With keep, its entity still counts as mentioned:
 * "Armenia's" in "Armenia's Defense Ministry" names Armenia too. */
static void drop_mention_ex(kgex__doc *d, int mi, int keep)
{
    size_t i;

    for (i = d->men[mi].b; i < d->men[mi].e; i++) {
        if (d->tok_men[i] == mi)
            d->tok_men[i] = -1;
    }
    if (!d->men[mi].location && !keep) {
        d->ent[d->men[mi].ent].actor_mentions--;
        if (d->ent[d->men[mi].ent].stands_for >= 0)
            d->ent[d->ent[d->men[mi].ent].stands_for].actor_mentions--;
    }
    d->men[mi].ent = -1;
}

static void drop_mention(kgex__doc *d, int mi)
{
    drop_mention_ex(d, mi, 0);
}

/* ----------------------------------------------------- pass 1: lexicon */

static int case_ok(const kgex__doc *d, size_t b, size_t e, int exact)
{
    size_t i;

    if (!exact)
        return (flags(d, b) & KGEX__TF_CAP) != 0 ||
               /* "al-Shabab", "el-Sisi": a particle, then a capital */
               (has(d, b, KGEX__W_NAME_PARTICLE) && b + 1 < e &&
                (flags(d, b + 1) & KGEX__TF_CAP) != 0);
    for (i = b; i < e; i++) {
        if (d->t.tok[i].type == KGEX__TOK_WORD && !(flags(d, i) & KGEX__TF_ALLCAPS))
            return 0;
    }
    return 1;
}

/* Does a trigger phrase end just before token i ("appealed to | Moscow")?
 * Then the preposition belongs to the verb and a capital after it is the
 * government, not a place. */
static int ends_trigger(const kgex__doc *d, size_t i)
{
    size_t k;

    for (k = i; k-- > 0 && i - k <= 4;) {
        if (d->tok_trig[k] >= 0 && k + d->trig_len[k] == i)
            return 1;
    }
    return 0;
}

/* Record trigger `trig` of `len` tokens at token i. */
static int add_tmatch(kgex__doc *d, size_t i, uint32_t trig, size_t len)
{
    int error = kgex__grow((void **)&d->tm, &d->tm_cap, d->tm_len + 1, sizeof(*d->tm));

    if (error < 0)
        return error;
    if (d->tok_tm[i] < 0)
        d->tok_tm[i] = (int32_t)d->tm_len;
    d->tm[d->tm_len].tok = (uint32_t)i;
    d->tm[d->tm_len].trig = trig;
    d->tm[d->tm_len].len = (uint32_t)len;
    d->tm_len++;
    return KGEX_OK;
}

/* The longest lexicon entity starting at each token. */
typedef struct ent_match {
    long lexi; /* -1: none */
    uint32_t end;
    uint8_t form;
    long off; /* official named in full here, -1: none */
    uint32_t off_end;
    long sur; /* official whose surname this is, -1: none or several */
} ent_match;

/* The document date as a YYYYMMDD key, or 0 when unknown. */
static int32_t doc_day(const kgex__doc *d)
{
    if (d->dates.doc_y <= 0)
        return 0;
    return d->dates.doc_y * 10000 + (d->dates.doc_m ? d->dates.doc_m : 6) * 100 +
           (d->dates.doc_d ? d->dates.doc_d : 15);
}

/* Of two officials of one surname, the one in office on the document date;
 * -2 when both are or neither is (-2 stays: the surname is ambiguous). */
static long surname_pick(const kgex__doc *d, long have, long cand)
{
    int32_t day = doc_day(d);
    const kgex__role *r;

    if (have == -2)
        return -2;
    if (day && kgex__official_roles_on(d->lex, (size_t)cand, day, &r, 1) == 0)
        return have; /* not in office then */
    return have == -1 ? cand : -2;
}

/* An acronym of four letters or more written as a word: "Nato", "Opec". */
static int title_acronym(const kgex__doc *d, size_t b, size_t e, const kgex__payload *pl)
{
    const char *w = norm(d, b);
    size_t n = strlen(w), k;

    if (pl->b != KGEX__FORM_ACRONYM || e != b + 1 || n < 4 || !(flags(d, b) & KGEX__TF_CAP) ||
        (flags(d, b) & KGEX__TF_ALLCAPS))
        return 0;
    for (k = 0; k < n; k++) {
        if (w[k] < 'a' || w[k] > 'z')
            return 0;
    }
    return 1;
}

/* Walk the trie from every token: titles, triggers and cue classes go into
 * the document's token tables, entity names into `best`. */
static int scan_trie(kgex__doc *d, ent_match *best)
{
    const kgex_lexicon *lex = d->lex;
    size_t i, n = d->t.len;
    int error;

    for (i = 0; i < n; i++) {
        uint32_t node = KGEX__TRIE_ROOT;
        size_t j;

        best[i].lexi = -1;
        best[i].end = 0;
        best[i].off = best[i].sur = -1;
        best[i].off_end = 0;
        d->tok_title[i] = -1;
        d->tok_titles[i] = -1;
        d->tok_trig[i] = -1;
        d->trig_pos[i] = 0;
        d->tok_tm[i] = -1;
        for (j = i; j < n && j - i < 12; j++) {
            int32_t p;

            if (j > i && (flags(d, j) & KGEX__TF_NL))
                break;
            node = kgex__trie_child(lex, node, norm(d, j));
            if (!node)
                break;
            for (p = kgex__trie_payload(lex, node); p >= 0; p = lex->pl[p].next) {
                const kgex__payload *pl = &lex->pl[p];

                if (pl->type == KGEX__PL_ENTITY &&
                    (case_ok(d, i, j + 1, pl->c) || title_acronym(d, i, j + 1, pl)) &&
                    j + 1 > best[i].end) {
                    best[i].end = (uint32_t)(j + 1);
                    best[i].lexi = (long)pl->a;
                    best[i].form = pl->b;
                } else if (pl->type == KGEX__PL_TITLE) {
                    d->tok_title[i] = (int32_t)pl->a;
                    d->title_len[i] = (uint8_t)(j + 1 - i);
                } else if (pl->type == KGEX__PL_TITLES) {
                    d->tok_titles[i] = (int32_t)pl->a;
                    d->titles_len[i] = (uint8_t)(j + 1 - i);
                } else if (pl->type == KGEX__PL_TRIGGER) {
                    if (d->tok_trig[i] < 0 || d->trig_len[i] != j + 1 - i)
                        d->trig_pos[i] = 0;
                    d->tok_trig[i] = (int32_t)pl->a;
                    d->trig_len[i] = (uint8_t)(j + 1 - i);
                    d->trig_pos[i] |= lex->trig[pl->a].pos == KGEX__POS_NOUN ? 2 : 1;
                    error = add_tmatch(d, i, pl->a, j + 1 - i);
                    if (error < 0)
                        return error;
                } else if (pl->type == KGEX__PL_OFFICIAL && pl->b == 0 && case_ok(d, i, j + 1, 0) &&
                           j + 1 > best[i].off_end) {
                    best[i].off = (long)pl->a;
                    best[i].off_end = (uint32_t)(j + 1);
                } else if (pl->type == KGEX__PL_OFFICIAL && pl->b == 1 && j == i) {
                    best[i].sur = surname_pick(d, best[i].sur, (long)pl->a);
                } else if (pl->type == KGEX__PL_CUE) {
                    if (j == i) {
                        d->wclass[i] |= KGEX__W(pl->a);
                    } else {
                        d->mclass[i] |= KGEX__W(pl->a);
                        if (j + 1 - i > d->mlen[i])
                            d->mlen[i] = (uint8_t)(j + 1 - i);
                    }
                }
            }
        }
    }
    return KGEX_OK;
}

static int add_affil(kgex__doc *d, int person, int org, const char *role, size_t b, size_t e);
static int person_entity(kgex__doc *d, size_t b, size_t e, int *out);

/* Make official `off` of the lexicon a person of the document, with the
 * employers its roles give on the document date (on any date when they all
 * agree and the date is unknown), read at tokens [b, e). */
static int known_official(kgex__doc *d, long off, size_t b, size_t e, int *out)
{
    const kgex__official *o = &d->lex->off[off];
    const kgex__role *roles[8];
    int32_t day = doc_day(d);
    size_t n, k;
    int person = -1, error;

    for (k = 0; k < d->ent_len && person < 0; k++) {
        if (d->ent[k].kind == KGEX_KIND_OFFICIAL && strcmp(d->ent[k].label, o->name) == 0)
            person = (int)k;
    }
    if (person < 0) {
        /* first and last name as the text writes them ("Erdogan" for
         * "Erdoğan"), so that the surname alone finds the person later */
        error = new_entity(d, KGEX_KIND_OFFICIAL, NULL, o->name, -1, &person);
        if (error < 0)
            return error;
        d->ent[person].first = kgex__strdup(e - b >= 2 ? norm(d, b) : "");
        d->ent[person].last = kgex__strdup(norm(d, e - 1));
        if (!d->ent[person].first || !d->ent[person].last)
            return KGEX_ENOMEM;
    }
    d->ent[person].official = 1;
    if (day) {
        n = kgex__official_roles_on(d->lex, (size_t)off, day, roles, 8);
    } else {
        /* no date: the employer only when every role has the same one */
        n = o->role_len > 0 ? 1 : 0;
        roles[0] = n ? &o->role[o->role_len - 1] : NULL;
        for (k = 0; k < o->role_len; k++) {
            if (o->role[k].of != o->role[0].of)
                n = 0;
        }
    }
    for (k = 0; k < n && k < 8; k++) {
        size_t before = d->ent[person].affil_len;
        int ent;

        error = kgex__doc_lexicon_entity(d, (long)roles[k]->of, &ent);
        if (error == 0)
            error = add_affil(d, person, ent, roles[k]->title, b, e);
        if (error < 0)
            return error;
        if (d->ent[person].affil_len > before)
            d->ent[person].affil[d->ent[person].affil_len - 1].known = 1;
        if (!d->ent[person].role) {
            d->ent[person].role = kgex__strdup(roles[k]->title);
            if (!d->ent[person].role)
                return KGEX_ENOMEM;
        }
    }
    *out = person;
    return KGEX_OK;
}

/* Does a person of the document already have the surname at token i? */
static int surname_taken(const kgex__doc *d, size_t i)
{
    size_t k;

    for (k = 0; k < d->ent_len; k++) {
        if (d->ent[k].kind == KGEX_KIND_OFFICIAL && d->ent[k].last &&
            strcmp(d->ent[k].last, norm(d, i)) == 0)
            return 1;
    }
    return 0;
}

/* An official of the lexicon named at token *i: in full ("Vladimir
 * Putin"), or by a surname that only one official in office on the
 * document date has ("Erdogan said"). Moves *i past the name. */
static int known_official_at(kgex__doc *d, const ent_match *best, size_t *i)
{
    size_t k, b = *i, e;
    long off = -1;
    int person, error;

    if (d->tok_men[b] >= 0)
        return KGEX_OK;
    if (best[b].off >= 0) {
        off = best[b].off;
        e = best[b].off_end;
    } else if (best[b].sur >= 0 && doc_day(d) && !surname_taken(d, b) &&
               is_type(d, b, KGEX__TOK_WORD) && (flags(d, b) & KGEX__TF_CAP) &&
               !(flags(d, b) & KGEX__TF_ALLCAPS) && d->wclass[b] == 0 && d->tok_title[b] < 0 &&
               d->tok_trig[b] < 0 &&
               !(b > 0 && is_type(d, b - 1, KGEX__TOK_WORD) && (flags(d, b - 1) & KGEX__TF_CAP) &&
                 !(flags(d, b) & KGEX__TF_SENT_START) && d->tok_title[b - 1] < 0) &&
               !(b + 1 < d->t.len && is_type(d, b + 1, KGEX__TOK_WORD) &&
                 (flags(d, b + 1) & KGEX__TF_CAP))) {
        off = best[b].sur;
        e = b + 1;
    } else {
        return KGEX_OK;
    }
    for (k = b; k < e; k++) {
        if (d->tok_men[k] >= 0)
            return KGEX_OK;
    }
    error = known_official(d, off, b, e, &person);
    if (error == 0)
        error = add_mention(d, b, e, person, KGEX__M_PERSON, 0);
    *i = e - 1;
    return error;
}

static int pass_lexicon(kgex__doc *d)
{
    size_t i, n = d->t.len, skip_to = 0;
    ent_match *best = kgex__malloc((n ? n : 1) * sizeof(*best));
    int error;

    if (!best)
        return KGEX_ENOMEM;
    error = scan_trie(d, best);
    for (i = 0; error == 0 && i < n; i++) {
        size_t ent_end = best[i].end;
        long ent_lexi = best[i].lexi;
        int ent_form = best[i].form, ent, location = 0;

        if (ent_lexi < 0 || i < skip_to)
            continue;
        /* inside a hyphenated compound ("CSP-DPA", "pro-Russian") */
        if (flags(d, i) & KGEX__TF_HYPH) {
            skip_to = ent_end;
            continue;
        }
        /* news outlets are sources, not actors: no node */
        if (d->lex->ent[ent_lexi].org_type && strcmp(d->lex->ent[ent_lexi].org_type, "news") == 0) {
            skip_to = ent_end;
            continue;
        }
        /* "in Yerevan": a place, not the government */
        if ((ent_form == KGEX__FORM_CAPITAL || ent_form == KGEX__FORM_SEAT) && i > 0 &&
            has(d, i - 1, KGEX__W_PLACE_PREP) && !ends_trigger(d, i))
            location = 1;
        if ((ent_form == KGEX__FORM_CAPITAL) && i > 0 && kgex__is_word(d, i - 1, "of"))
            location = 1;
        if (ent_form == KGEX__FORM_CITY)
            location = 1; /* a city is where, never who */
        /* a dateline: "VIENNA, October 2 —", "WASHINGTON (AP)" */
        if (ent_form == KGEX__FORM_CAPITAL && (flags(d, i) & KGEX__TF_ALLCAPS) &&
            (i == 0 || (flags(d, i) & (KGEX__TF_NL | KGEX__TF_SENT_START))) &&
            (kgex__is_word(d, ent_end, ",") || kgex__is_word(d, ent_end, "(") ||
             kgex__is_word(d, ent_end, "\xe2\x80\x94") || kgex__is_word(d, ent_end, "-")))
            location = 1;
        /* part of another name: "Rome Statute", "Minsk agreements",
         * "Washington Post" */
        if (ent_end < d->t.len && has(d, ent_end, KGEX__W_NAME_HEAD) &&
            (flags(d, ent_end) & KGEX__TF_CAP) && ent_form != KGEX__FORM_ADJ &&
            ent_form != KGEX__FORM_DEMONYM) {
            skip_to = ent_end;
            continue;
        }
        error = kgex__doc_lexicon_entity(d, ent_lexi, &ent);
        if (error == 0)
            error = add_mention(d, i, ent_end, ent, ent_form, location);
        skip_to = ent_end;
    }
    for (i = 0; error == 0 && i < n; i++)
        error = known_official_at(d, best, &i);
    kgex__free(best);
    return error;
}

/* ------------------------------------------------- pass 2: organizations */

static int is_org_head(const kgex__doc *d, size_t i)
{
    return (flags(d, i) & KGEX__TF_CAP) && has(d, i, KGEX__W_ORG_HEAD);
}

static int is_cap_word(const kgex__doc *d, size_t i)
{
    return is_type(d, i, KGEX__TOK_WORD) && (flags(d, i) & KGEX__TF_CAP);
}

static int is_ordinal(const kgex__doc *d, size_t i)
{
    const char *w = norm(d, i);
    size_t n = strlen(w);

    return is_type(d, i, KGEX__TOK_NUMBER) && n > 2 &&
           (strcmp(w + n - 2, "st") == 0 || strcmp(w + n - 2, "nd") == 0 ||
            strcmp(w + n - 2, "rd") == 0 || strcmp(w + n - 2, "th") == 0);
}

/* The state a qualifier token range names: a state mention ending at q-1,
 * or one before a possessive at q-1. -1 if none. */
static int state_before(const kgex__doc *d, size_t q)
{
    const kgex__mention *m;

    if (q == 0)
        return -1;
    if (is_type(d, q - 1, KGEX__TOK_POSS) && q >= 2)
        q--;
    m = kgex__mention_at(d, q - 1);
    if (m && m->ent >= 0 && d->ent[m->ent].kind == KGEX_KIND_STATE && !m->location)
        return m->ent;
    return -1;
}

/* Most recent state mention before token i that is not a place; within
 * `sentences` sentences back. */
static int recent_state(const kgex__doc *d, size_t i, size_t sentences)
{
    size_t s = kgex__sentence_of(d, i > 0 ? i - 1 : 0), j;

    for (j = i; j-- > 0;) {
        const kgex__mention *m = kgex__mention_at(d, j);

        if (s - kgex__sentence_of(d, j) > sentences)
            break;
        if (m && m->ent >= 0 && !m->location && d->ent[m->ent].kind == KGEX_KIND_STATE)
            return m->ent;
    }
    return -1;
}

/* The state the document names most often (as an actor), or -1: the
 * owner of a ministry the text names without one ("the Defense Ministry"). */
static int main_state(const kgex__doc *d)
{
    size_t k;
    int best = -1;

    for (k = 0; k < d->ent_len; k++) {
        if (d->ent[k].kind == KGEX_KIND_STATE && d->ent[k].actor_mentions > 0 &&
            (best < 0 || d->ent[k].actor_mentions > d->ent[best].actor_mentions))
            best = (int)k;
    }
    return best;
}

/* A ministry's canonical label: "<Adjective> <Kind> Ministry". */
static int ministry_entity(kgex__doc *d, int state, const char *kind, int *out)
{
    const kgex__dent *s = &d->ent[state];
    const char *adj =
        s->lex >= 0 && d->lex->ent[s->lex].adjective ? d->lex->ent[s->lex].adjective : s->label;
    const char *iso = s->lex >= 0 && d->lex->ent[s->lex].iso3 ? d->lex->ent[s->lex].iso3 : "x";
    char label[160], id[160], kslug[48];
    size_t k;
    int found;

    snprintf(kslug, sizeof(kslug), "%s", kind);
    for (k = 0; kslug[k]; k++) {
        if (kslug[k] >= 'A' && kslug[k] <= 'Z')
            kslug[k] = (char)(kslug[k] + 32);
    }
    if (strcmp(kslug, "defence") == 0)
        snprintf(kslug, sizeof(kslug), "defense");
    snprintf(label, sizeof(label), "%s %c%s Ministry", adj, kslug[0] - 32, kslug + 1);
    snprintf(id, sizeof(id), "org/%c%c%c-%s-ministry", iso[0] | 32, iso[1] | 32, iso[2] | 32,
             kslug);
    found = find_entity_by_id(d, id);
    if (found >= 0) {
        *out = found;
        return KGEX_OK;
    }
    found = new_entity(d, KGEX_KIND_ORGANIZATION, id, label, -1, out);
    if (found == 0)
        d->ent[*out].of_state = state;
    return found;
}

/* Slug of a name for ids: lowercase ASCII letters and digits, '-' between
 * words; other bytes kept as hex. */
static void slugify(const char *s, size_t len, char *out, size_t cap)
{
    size_t i, o = 0;
    int dash = 0;

    for (i = 0; i < len && o + 4 < cap; i++) {
        unsigned char c = (unsigned char)s[i];

        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && o > 0)
                out[o++] = '-';
            out[o++] = (char)c;
            dash = 0;
        } else if (c >= 'A' && c <= 'Z') {
            if (dash && o > 0)
                out[o++] = '-';
            out[o++] = (char)(c + 32);
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

/* Does `name` end with the words of `tail` (case folded, after a space)? */
static int ends_with_words(const char *name, const char *tail)
{
    size_t n = strlen(name), t = strlen(tail);

    return n > t && name[n - t - 1] == ' ' && strcasecmp(name + n - t, tail) == 0;
}

/* An organization of the document whose name or alias ends with `name`:
 * "Security Council" after "UN Security Council" is that body. -1 if none
 * or several. */
static int longer_org(const kgex__doc *d, const char *name)
{
    size_t k, a;
    int found = -1;

    for (k = 0; k < d->ent_len; k++) {
        const kgex__dent *e = &d->ent[k];
        int hit = e->kind == KGEX_KIND_ORGANIZATION && ends_with_words(e->label, name);

        for (a = 0; !hit && e->kind == KGEX_KIND_ORGANIZATION && a < e->alias_len; a++)
            hit = ends_with_words(e->alias[a], name);
        if (hit) {
            if (found >= 0 && found != (int)k)
                return -1;
            found = (int)k;
        }
    }
    return found;
}

static int org_entity(kgex__doc *d, size_t b, size_t e, int *out)
{
    char slug[200], id[220], *label;
    int found, error;

    label = text_dup(d, b, e);
    if (!label)
        return KGEX_ENOMEM;
    slugify(label, strlen(label), slug, sizeof(slug));
    snprintf(id, sizeof(id), "org/%s", slug);
    found = find_entity_by_id(d, id);
    if (found < 0)
        found = longer_org(d, label);
    if (found >= 0) {
        *out = found;
        kgex__free(label);
        return KGEX_OK;
    }
    error = new_entity(d, KGEX_KIND_ORGANIZATION, id, label, -1, out);
    kgex__free(label);
    return error;
}

/* The lexicon organization named exactly `phrase`, or -1. */
static int lexicon_org(const kgex_lexicon *lex, const char *phrase)
{
    kgex__tokens t;
    uint32_t node = KGEX__TRIE_ROOT;
    size_t i;
    int32_t p;
    int found = -1;

    if (kgex__tokenize(&t, phrase, strlen(phrase)) < 0)
        return -1;
    for (i = 0; i < t.len && node; i++)
        node = kgex__trie_child(lex, node, kgex__tok_norm(&t, i));
    for (p = node ? kgex__trie_payload(lex, node) : -1; p >= 0 && found < 0; p = lex->pl[p].next) {
        if (lex->pl[p].type == KGEX__PL_ENTITY &&
            lex->ent[lex->pl[p].a].kind == KGEX_KIND_ORGANIZATION)
            found = (int)lex->pl[p].a;
    }
    kgex__tokens_free(&t);
    return found;
}

/* A state's body named after the state: "<Adjective> <name>", with an id
 * that includes the state. */
static int qualified_org_entity(kgex__doc *d, int state, size_t b, size_t e, int *out)
{
    const kgex__dent *s = &d->ent[state];
    const char *adj =
        s->lex >= 0 && d->lex->ent[s->lex].adjective ? d->lex->ent[s->lex].adjective : s->label;
    const char *iso = s->lex >= 0 && d->lex->ent[s->lex].iso3 ? d->lex->ent[s->lex].iso3 : "x";
    char *name = text_dup(d, b, e), label[256], slug[200], id[256];
    int found;

    if (!name)
        return KGEX_ENOMEM;
    /* a body the lexicon knows: "National Assembly of Armenia" */
    snprintf(label, sizeof(label), "%s of %s", name, s->label);
    found = lexicon_org(d->lex, label);
    if (found < 0) {
        snprintf(label, sizeof(label), "%s %s", adj, name);
        found = lexicon_org(d->lex, label);
    }
    if (found >= 0) {
        kgex__free(name);
        return kgex__doc_lexicon_entity(d, found, out);
    }
    snprintf(label, sizeof(label), "%s %s", adj, name);
    slugify(name, strlen(name), slug, sizeof(slug));
    kgex__free(name);
    snprintf(id, sizeof(id), "org/%c%c%c-%s", iso[0] | 32, iso[1] | 32, iso[2] | 32, slug);
    found = find_entity_by_id(d, id);
    if (found >= 0) {
        *out = found;
        return KGEX_OK;
    }
    found = new_entity(d, KGEX_KIND_ORGANIZATION, id, label, -1, out);
    if (found == 0)
        d->ent[*out].of_state = state;
    return found;
}

/* The bodies of a state named by its adjective or possessive and a
 * lower-case noun: "the Turkish presidency", "the Iraqi parliament",
 * "Lebanon's permanent mission". */
static int pass_state_bodies(kgex__doc *d)
{
    size_t i;
    int error;

    for (i = 0; i < d->t.len; i++) {
        const kgex__mention *m = kgex__mention_at(d, i);
        size_t b, n;
        int body;

        if (!m || m->b != i || m->location || d->ent[m->ent].kind != KGEX_KIND_STATE ||
            (m->form != KGEX__M_ADJ && !is_type(d, m->e, KGEX__TOK_POSS)))
            continue;
        b = is_type(d, m->e, KGEX__TOK_POSS) ? m->e + 1 : m->e;
        n = kgex__cue_at(d, b, KGEX__WC_STATE_BODY);
        if (!n || d->tok_men[b] >= 0 || (flags(d, b) & KGEX__TF_CAP) ||
            (b + n < d->t.len && is_cap_word(d, b + n)))
            continue;
        error = qualified_org_entity(d, m->ent, b, b + n, &body);
        if (error == 0)
            error = add_mention(d, b, b + n, body, KGEX__M_ORG, 0);
        if (error < 0)
            return error;
        i = b + n - 1;
    }
    return KGEX_OK;
}

/* Kind word of a ministry span: "Foreign Ministry" -> "Foreign",
 * "Ministry of Foreign Affairs" -> "Foreign", "Ministry of Defense" ->
 * "Defense". NULL when it is no ministry of a known kind. */
static const char *ministry_kind(const kgex__doc *d, size_t b, size_t e)
{
    size_t i;

    for (i = b; i < e; i++) {
        if (kgex__is_word(d, i, "ministry")) {
            if (i > b && has(d, i - 1, KGEX__W_MINISTRY_KIND))
                return norm(d, i - 1);
            if (i + 2 < e + 1 && kgex__is_word(d, i + 1, "of") &&
                has(d, i + 2, KGEX__W_MINISTRY_KIND))
                return norm(d, i + 2);
        }
    }
    return NULL;
}

/* A line in title case ("Armenia Backs Alliance With Russia"): most of
 * its longer words capitalized and no closing period. Capitalized
 * phrases there are no evidence of names. */
static int is_headline(const kgex__doc *d, size_t i)
{
    size_t s = kgex__sentence_of(d, i), para = d->t.sent[s].para, b, e, k, words = 0, caps = 0;

    for (b = s; b > 0 && d->t.sent[b - 1].para == para; b--)
        ;
    for (e = s; e + 1 < d->t.sent_len && d->t.sent[e + 1].para == para; e++)
        ;
    if (e != b)
        return 0; /* several sentences: a paragraph */
    for (k = d->t.sent[b].begin; k < d->t.sent[b].end; k++) {
        if (is_type(d, k, KGEX__TOK_WORD) && d->t.tok[k].end - d->t.tok[k].start >= 4) {
            words++;
            if (flags(d, k) & KGEX__TF_CAP)
                caps++;
        }
    }
    k = d->t.sent[b].end - 1;
    return words >= 3 && caps * 10 >= words * 7 && !kgex__is_word(d, k, ".");
}

/* "Armenian MFA", "Russia's MoD": the state's foreign or defense ministry. */
static int pass_ministry_acronyms(kgex__doc *d)
{
    size_t i;
    int error, ent;

    for (i = 1; i < d->t.len; i++) {
        int st;
        size_t mb;

        if (d->tok_men[i] >= 0 || !(kgex__is_word(d, i, "mfa") || kgex__is_word(d, i, "mod")) ||
            !(flags(d, i) & KGEX__TF_CAP))
            continue;
        st = state_before(d, i);
        if (st < 0)
            continue;
        mb = is_type(d, i - 1, KGEX__TOK_POSS) ? i - 2 : i - 1;
        mb = d->men[d->tok_men[mb]].b;
        drop_mention_ex(d, d->tok_men[mb], 1);
        error = ministry_entity(d, st, kgex__is_word(d, i, "mfa") ? "foreign" : "defense", &ent);
        if (error == 0)
            error = add_mention(d, mb, i + 1, ent, KGEX__M_ORG, 0);
        if (error < 0)
            return error;
    }
    return KGEX_OK;
}

static int pass_orgs(kgex__doc *d)
{
    size_t i = 0, n = d->t.len;
    int error;

    while (i < n) {
        size_t b = i, j, last_head = 0, q;
        int absorbed = -1, has_head = 0, state = -1, ent;
        const char *mk;

        /* lower-case "the foreign ministry" */
        if (kgex__is_word(d, i, "ministry") && i > 0 && d->tok_men[i] < 0 &&
            has(d, i - 1, KGEX__W_MINISTRY_KIND) && d->tok_men[i - 1] < 0) {
            int st = state_before(d, i - 1);
            size_t mb = st >= 0 ? (is_type(d, i - 2, KGEX__TOK_POSS) ? i - 3 : i - 2) : i - 1;

            if (st < 0 && i >= 2 && kgex__is_word(d, i - 2, "the"))
                st = recent_state(d, i, 2);
            if (st < 0 && i >= 2 && kgex__is_word(d, i - 2, "the"))
                st = main_state(d);
            if (st >= 0 && !(flags(d, i) & KGEX__TF_CAP)) {
                if (state_before(d, i - 1) >= 0)
                    drop_mention(d, d->tok_men[mb]);
                error = ministry_entity(d, st, norm(d, i - 1), &ent);
                if (error == 0)
                    error = add_mention(d, mb, i + 1, ent, KGEX__M_ORG, 0);
                if (error < 0)
                    return error;
            }
            i++;
            continue;
        }
        /* a run of capitalized words, connectors and absorbed lexicon names */
        if (!(is_cap_word(d, i) || is_ordinal(d, i))) {
            i++;
            continue;
        }
        if (d->tok_men[i] >= 0) {
            const kgex__mention *m = &d->men[d->tok_men[i]];

            if (m->e >= n || m->b != i || m->location || m->form == KGEX__M_PERSON ||
                !(is_cap_word(d, m->e) || is_ordinal(d, m->e)) || d->tok_men[m->e] >= 0) {
                i = m->e > i ? m->e : i + 1;
                continue;
            }
            absorbed = d->tok_men[i];
            j = m->e;
        } else {
            if (is_function_word(d, i) ||
                (d->tok_title[i] >= 0 && i + 1 < n && !is_org_head(d, i + d->title_len[i]) &&
                 !is_cap_word(d, i + d->title_len[i]))) {
                i++;
                continue;
            }
            j = i;
        }
        for (; j < n; j++) {
            if (j > b && (flags(d, j) & KGEX__TF_NL))
                break;
            if (d->tok_men[j] >= 0 && (int)j != (absorbed >= 0 ? -1 : -1) &&
                !(absorbed >= 0 && d->tok_men[j] == absorbed))
                break;
            if (is_cap_word(d, j) || is_ordinal(d, j) ||
                (is_type(d, j, KGEX__TOK_WORD) && (flags(d, j) & KGEX__TF_HYPH) && j > b)) {
                if (is_org_head(d, j) && !(absorbed >= 0 && d->tok_men[j] == absorbed)) {
                    has_head = 1;
                    last_head = j;
                }
                continue;
            }
            if (kgex__is_word(d, j, "of") && kgex__is_word(d, j + 1, "the"))
                break; /* "5th Corps of the RA Armed Forces": two names */
            if (has(d, j, KGEX__W_ORG_CONNECTOR) && !(flags(d, j) & KGEX__TF_CAP) && j + 1 < n &&
                (is_cap_word(d, j + 1) || kgex__is_word(d, j + 1, "the")) &&
                d->tok_men[j + 1] < 0 && has_head)
                continue;
            break;
        }
        if (!has_head || is_headline(d, b)) {
            i = j > i ? j : i + 1;
            continue;
        }
        /* end: the last head, or the end of an "of ..." complement after it */
        q = last_head + 1;
        if (q < j && kgex__is_word(d, q, "of") && !kgex__is_word(d, q + 1, "the")) {
            size_t k = q + 1;
            while (k < j && is_cap_word(d, k) && d->tok_men[k] < 0)
                k++;
            if (k > q + 1 && is_cap_word(d, k - 1))
                q = k;
        }
        if (absorbed < 0 && b + 1 == q && has(d, b, KGEX__W_ORG_HEAD) &&
            !kgex__is_word(d, q, "of")) {
            /* a lone "Council", "Group": only a description */
            i = q;
            continue;
        }
        mk = ministry_kind(d, b, q);
        state = absorbed >= 0 && d->ent[d->men[absorbed].ent].kind == KGEX_KIND_STATE
                    ? d->men[absorbed].ent
                    : -1;
        if (mk && state < 0)
            state = state_before(d, b);
        if (mk && state < 0 && q + 1 < n && kgex__is_word(d, q, "of")) {
            const kgex__mention *m =
                kgex__mention_at(d, kgex__is_word(d, q + 1, "the") ? q + 2 : q + 1);
            if (m && m->ent >= 0 && d->ent[m->ent].kind == KGEX_KIND_STATE) {
                state = m->ent;
                q = m->e;
            }
        }
        if (mk && state < 0)
            state = recent_state(d, b, 1);
        if (mk && state < 0)
            state = main_state(d);
        if (mk && state >= 0) {
            size_t mb = b;

            if (absorbed < 0 && state_before(d, b) >= 0) {
                mb = is_type(d, b - 1, KGEX__TOK_POSS) ? b - 2 : b - 1;
                mb = d->men[d->tok_men[mb]].b;
                drop_mention_ex(d, d->tok_men[mb], 1);
            }
            if (absorbed >= 0)
                drop_mention_ex(d, absorbed, 1);
            if (q > b && d->tok_men[q - 1] >= 0)
                drop_mention_ex(d, d->tok_men[q - 1], 1);
            error = ministry_entity(d, state, mk, &ent);
            if (error == 0)
                error = add_mention(d, mb, q, ent, KGEX__M_ORG, 0);
            if (error < 0)
                return error;
            i = q;
            continue;
        }
        {
            int stands = -1, qual = absorbed < 0 ? state_before(d, b) : -1;
            size_t mb = b;

            if (absorbed >= 0) {
                const kgex__dent *ae = &d->ent[d->men[absorbed].ent];
                if (ae->kind == KGEX_KIND_STATE && has(d, q - 1, KGEX__W_ARMED_HEAD))
                    stands = d->men[absorbed].ent;
                drop_mention_ex(d, absorbed, ae->kind == KGEX_KIND_STATE);
            }
            if (qual >= 0) {
                /* "Armenia's National Assembly" = "Armenian National Assembly" */
                mb = is_type(d, b - 1, KGEX__TOK_POSS) ? b - 2 : b - 1;
                mb = d->men[d->tok_men[mb]].b;
                drop_mention_ex(d, d->tok_men[mb], 1);
                if (has(d, q - 1, KGEX__W_ARMED_HEAD))
                    stands = qual;
                error = qualified_org_entity(d, qual, b, q, &ent);
            } else {
                error = org_entity(d, b, q, &ent);
            }
            if (error < 0)
                return error;
            if (stands >= 0)
                d->ent[ent].stands_for = stands;
            error = add_mention(d, mb, q, ent, KGEX__M_ORG, 0);
            if (error < 0)
                return error;
        }
        i = q;
    }
    return KGEX_OK;
}

/* ------------------------------------------- pass 3: org descriptions */

/* The organization named last before token i (an intergovernmental one
 * from the lexicon preferred), or -1. */
static int recent_org(const kgex__doc *d, size_t i)
{
    static const char *const alliance_words[] = {"organization", "organisation", "alliance",
                                                 "treaty",       "pact",         "union",
                                                 "community",    "group",        NULL};
    size_t j;
    int any = -1, igo = -1;

    for (j = i; j-- > 0 && i - j < 2000;) {
        const kgex__mention *m = kgex__mention_at(d, j);

        if (!m || m->ent < 0 || d->ent[m->ent].kind != KGEX_KIND_ORGANIZATION ||
            m->form == KGEX__M_DESC)
            continue;
        if (d->ent[m->ent].lex >= 0 && d->ent[m->ent].stands_for < 0) {
            const kgex__entity *le = &d->lex->ent[d->ent[m->ent].lex];
            if (le->org_type && strcmp(le->org_type, "intergovernmental") == 0) {
                /* an alliance or bloc, not one of its bodies ("the
                 * alliance's Collective Security Council") */
                char low[160];
                size_t k;
                int hit = 0;

                snprintf(low, sizeof(low), "%s", le->name);
                for (k = 0; low[k]; k++) {
                    if (low[k] >= 'A' && low[k] <= 'Z')
                        low[k] = (char)(low[k] + 32);
                }
                for (k = 0; alliance_words[k] && !hit; k++)
                    hit = strstr(low, alliance_words[k]) != NULL;
                if (hit)
                    return m->ent;
                if (igo < 0)
                    igo = m->ent;
            }
        }
        if (any < 0 && d->ent[m->ent].stands_for < 0)
            any = m->ent;
        j = m->b;
    }
    return igo >= 0 ? igo : any;
}

/* The organization named last before token i whose name ends in the word
 * at i ("the ministry" -> "Armenian Defense Ministry"), or -1. */
static int recent_org_headed(const kgex__doc *d, size_t i)
{
    size_t j, n = strlen(norm(d, i));

    for (j = i; j-- > 0 && i - j < 2000;) {
        const kgex__mention *m = kgex__mention_at(d, j);
        const char *label, *last;

        if (!m || m->ent < 0 || d->ent[m->ent].kind != KGEX_KIND_ORGANIZATION ||
            m->form == KGEX__M_DESC)
            continue;
        label = d->ent[m->ent].label;
        last = strrchr(label, ' ');
        last = last ? last + 1 : label;
        if (strlen(last) == n && strncasecmp(last, norm(d, i), n) == 0)
            return m->ent;
        j = m->b;
    }
    return -1;
}

static int pass_descriptions(kgex__doc *d)
{
    size_t i;
    int error;

    for (i = 1; i < d->t.len; i++) {
        size_t j;
        int ok = 0, org;

        if (d->tok_men[i] >= 0)
            continue;
        /* "the Organization", "the Alliance" standing alone, capitalized */
        if ((flags(d, i) & KGEX__TF_CAP) &&
            !(has(d, i, KGEX__W_ORG_NOUN) && kgex__is_word(d, i - 1, "the") &&
              !is_cap_word(d, i + 1) && !kgex__is_word(d, i + 1, "of") &&
              !(flags(d, i) & KGEX__TF_SENT_START)))
            continue;
        if (!has(d, i, KGEX__W_ORG_NOUN)) {
            /* "the ministry said": the organization last named with that head */
            if (has(d, i, KGEX__W_ORG_HEAD) && kgex__is_word(d, i - 1, "the") &&
                !kgex__is_word(d, i + 1, "of") && !has(d, i - 2, KGEX__W_MINISTRY_KIND)) {
                org = recent_org_headed(d, i);
                if (org >= 0) {
                    error = add_mention(d, i, i + 1, org, KGEX__M_DESC, 0);
                    if (error < 0)
                        return error;
                }
            }
            continue;
        }
        for (j = i; j-- > 0 && i - j <= 5;) {
            if (has(d, j, KGEX__W_ORG_DET)) {
                ok = 1;
                break;
            }
            if (!is_type(d, j, KGEX__TOK_WORD) && !is_type(d, j, KGEX__TOK_NUMBER))
                break;
        }
        if (!ok)
            continue;
        /* "the Islamist group Hamas": the name follows, nothing to resolve */
        if (i + 1 < d->t.len && (d->tok_men[i + 1] >= 0 || is_cap_word(d, i + 1)))
            continue;
        org = recent_org(d, i);
        if (org < 0)
            continue;
        error = add_mention(d, i, i + 1, org, KGEX__M_DESC, 0);
        if (error < 0)
            return error;
    }
    return KGEX_OK;
}

/* ------------------------------------------------ pass 4: officials */

static int is_name_word(const kgex__doc *d, size_t i)
{
    return i < d->t.len && is_cap_word(d, i) && d->tok_men[i] < 0 && d->tok_title[i] < 0 &&
           !is_function_word(d, i) && !is_org_head(d, i) &&
           !(flags(d, i) & KGEX__TF_ALLCAPS && d->t.tok[i].end - d->t.tok[i].start <= 3);
}

/* Name words from i: returns the end (== i when none). */
/* The person a mention starting at token i names (an official the
 * lexicon found), with its end in *end; -1 if none. */
static int person_at(const kgex__doc *d, size_t i, size_t *end)
{
    const kgex__mention *m = kgex__mention_at(d, i);

    if (!m || m->b != i || d->ent[m->ent].kind != KGEX_KIND_OFFICIAL)
        return -1;
    *end = m->e;
    return m->ent;
}

static size_t name_end(const kgex__doc *d, size_t i)
{
    static const char *const regnal[] = {"ii", "iii", "iv", "vi", NULL};
    size_t j = i, words = 0;

    while (j < d->t.len && words < MAX_NAME_WORDS &&
           !(j > i && (flags(d, j) & (KGEX__TF_NL | KGEX__TF_SENT_START)))) {
        if (is_name_word(d, j)) {
            j++;
            words++;
            continue;
        }
        /* a particle between name words: "Adel al-Jubeir", "Lula da Silva",
         * "Ursula von der Leyen" */
        if (j > i && has(d, j, KGEX__W_NAME_PARTICLE) && !(flags(d, j) & KGEX__TF_CAP)) {
            size_t k = j;
            while (k < d->t.len && k - j < 3 && has(d, k, KGEX__W_NAME_PARTICLE) &&
                   !(flags(d, k) & KGEX__TF_CAP))
                k++;
            if (is_name_word(d, k)) {
                j = k;
                continue;
            }
        }
        /* a regnal number: "Abdullah II" */
        if (j > i && is_type(d, j, KGEX__TOK_WORD) && kgex__in_list(norm(d, j), regnal) &&
            (flags(d, j) & KGEX__TF_ALLCAPS))
            j++;
        break;
    }
    return j;
}

/* The doc person for name tokens [b, e), created if new. */
static int person_entity(kgex__doc *d, size_t b, size_t e, int *out)
{
    const char *first = e - b >= 2 ? norm(d, b) : "";
    const char *last = norm(d, e - 1);
    size_t k;
    int error, idx;
    kgex__dent *p;

    for (k = 0; k < d->ent_len; k++) {
        p = &d->ent[k];
        if (p->kind != KGEX_KIND_OFFICIAL || !p->last)
            continue;
        if (strcmp(p->last, last) == 0 ||
            (kgex__same_surname(p->last, last) && *first && strcmp(p->first, first) == 0)) {
            if (!*first || !*p->first || kgex__same_first_name(first, p->first)) {
                if (*first && !*p->first) {
                    char *label = text_dup(d, b, e), *f = kgex__strdup(first);

                    if (!label || !f) {
                        kgex__free(label);
                        kgex__free(f);
                        return KGEX_ENOMEM;
                    }
                    error = kgex__doc_add_alias(p, p->label, strlen(p->label));
                    kgex__free(p->label);
                    kgex__free(p->first);
                    p->label = label;
                    p->first = f;
                    if (error < 0)
                        return error;
                }
                *out = (int)k;
                return KGEX_OK;
            }
        }
    }
    {
        char *label = text_dup(d, b, e);

        if (!label)
            return KGEX_ENOMEM;
        error = new_entity(d, KGEX_KIND_OFFICIAL, NULL, label, -1, &idx);
        kgex__free(label);
        if (error < 0)
            return error;
    }
    p = &d->ent[idx];
    p->first = kgex__strdup(first);
    p->last = kgex__strdup(last);
    if (!p->first || !p->last)
        return KGEX_ENOMEM;
    *out = idx;
    return KGEX_OK;
}

static int add_affil(kgex__doc *d, int person, int org, const char *role, size_t b, size_t e)
{
    kgex__dent *p = &d->ent[person];
    kgex__affil *a;
    size_t k;
    int error;

    if (org < 0 || org == person || d->ent[org].kind == KGEX_KIND_OFFICIAL)
        return KGEX_OK;
    for (k = 0; k < p->affil_len; k++) {
        if (p->affil[k].ent == org) {
            /* what the lexicon knew, the text now says */
            if (p->affil[k].known) {
                p->affil[k].known = 0;
                p->affil[k].sent = kgex__sentence_of(d, b);
                p->affil[k].b = b;
                p->affil[k].e = e;
            }
            return KGEX_OK;
        }
    }
    error = kgex__grow((void **)&p->affil, &p->affil_cap, p->affil_len + 1, sizeof(*p->affil));
    if (error < 0)
        return error;
    a = &p->affil[p->affil_len];
    memset(a, 0, sizeof(*a));
    a->ent = org;
    a->role = kgex__strdup(role);
    a->sent = kgex__sentence_of(d, b);
    a->b = b;
    a->e = e;
    p->affil_len++;
    return a->role || !role ? KGEX_OK : KGEX_ENOMEM;
}

/* The state or organization a modifier ending at token q-1 names:
 * "Russian", "Kazakhstan's", "CSTO", "the group's", "Russia's Foreign
 * Ministry". -1 if none. */
static int modifier_before(const kgex__doc *d, size_t q)
{
    const kgex__mention *m;

    if (q == 0)
        return -1;
    if (is_type(d, q - 1, KGEX__TOK_POSS) && q >= 2)
        q--;
    m = kgex__mention_at(d, q - 1);
    if (!m || m->ent < 0 || m->location || d->ent[m->ent].kind == KGEX_KIND_OFFICIAL)
        return -1;
    return m->ent;
}

/* "of (the)? X" at token i: X's entity, with *end_out after it; -1. */
static int of_entity(const kgex__doc *d, size_t i, size_t *end_out)
{
    const kgex__mention *m;

    if (!kgex__is_word(d, i, "of"))
        return -1;
    i++;
    if (kgex__is_word(d, i, "the"))
        i++;
    m = kgex__mention_at(d, i);
    if (!m || m->ent < 0 || m->b != i || d->ent[m->ent].kind == KGEX_KIND_OFFICIAL)
        return -1;
    *end_out = m->e;
    return m->ent;
}

static int post_add(kgex__doc *d, const char *title, int ent)
{
    int error;

    error = kgex__grow((void **)&d->post, &d->post_cap, d->post_len + 1, sizeof(*d->post));
    if (error < 0)
        return error;
    d->post[d->post_len].title = kgex__strdup(title);
    d->post[d->post_len].ent = ent;
    if (!d->post[d->post_len].title)
        return KGEX_ENOMEM;
    d->post_len++;
    return KGEX_OK;
}

static int post_find(const kgex__doc *d, const char *title)
{
    size_t k;

    for (k = 0; k < d->post_len; k++) {
        if (strcmp(d->post[k].title, title) == 0)
            return d->post[k].ent;
    }
    return -1;
}

/* Lowercased text of tokens [b, e) joined by spaces, into buf. */
static void norm_text(const kgex__doc *d, size_t b, size_t e, char *buf, size_t cap)
{
    size_t i, o = 0;

    buf[0] = '\0';
    for (i = b; i < e && o + 1 < cap; i++)
        o += (size_t)snprintf(buf + o, cap - o, "%s%s", i > b ? " " : "", norm(d, i));
}

/* The official last named before token i whose affiliation is `org` or
 * whose title contains the word `title`. */
static int recent_official(const kgex__doc *d, size_t i, int org, const char *title)
{
    size_t j, k;

    for (j = i; j-- > 0 && i - j < 3000;) {
        const kgex__mention *m = kgex__mention_at(d, j);
        const kgex__dent *p;

        if (!m || m->ent < 0 || d->ent[m->ent].kind != KGEX_KIND_OFFICIAL)
            continue;
        p = &d->ent[m->ent];
        for (k = 0; k < p->affil_len; k++) {
            if (p->affil[k].ent == org)
                return m->ent;
        }
        if (p->role && title && strstr(p->role, title) == NULL) {
            char low[128];
            size_t n;

            snprintf(low, sizeof(low), "%s", p->role);
            for (n = 0; low[n]; n++) {
                if (low[n] >= 'A' && low[n] <= 'Z')
                    low[n] = (char)(low[n] + 32);
            }
            if (strstr(low, title))
                return m->ent;
        }
        j = m->b;
    }
    return -1;
}

static int pass_officials(kgex__doc *d)
{
    size_t i = 0, n = d->t.len;
    int error;

    while (i < n) {
        size_t tb = i, te, p, q, k;
        int cls = KGEX__TITLE_HONORIFIC, affil = -1, person, office_seen = 0;
        char role[128], low[128];
        size_t role_b, role_e;

        if (d->tok_title[i] < 0 || d->tok_men[i] >= 0) {
            i++;
            continue;
        }
        /* the chain of titles: "CSTO Chief of Staff Colonel-General" */
        te = i;
        role_b = role_e = i;
        while (te < n && d->tok_title[te] >= 0 && d->tok_men[te] < 0) {
            int c = d->lex->title[d->tok_title[te]].cls;
            if (c == KGEX__TITLE_OFFICE && !office_seen) {
                role_b = te;
                role_e = te + d->title_len[te];
                office_seen = 1;
            } else if (!office_seen && c == KGEX__TITLE_RANK) {
                role_b = te;
                role_e = te + d->title_len[te];
            }
            if (c < cls || cls == KGEX__TITLE_HONORIFIC)
                cls = c < cls ? c : cls;
            if (c != KGEX__TITLE_HONORIFIC && cls == KGEX__TITLE_HONORIFIC)
                cls = c;
            te += d->title_len[te];
        }
        if (role_e == role_b) {
            /* only honorifics ("Mr") */
            role_b = tb;
            role_e = te;
        }
        if (role_b == tb && tb > 0 && has(d, tb - 1, KGEX__W_TITLE_PREFIX) &&
            d->tok_men[tb - 1] < 0) {
            tb--;
            role_b = tb;
        }
        snprintf(role, sizeof(role), "%.*s",
                 (int)(d->t.tok[role_e - 1].end - d->t.tok[role_b].start),
                 d->t.text + d->t.tok[role_b].start);
        norm_text(d, role_b, role_e, low, sizeof(low));
        affil = modifier_before(d, tb);
        if (affil < 0 && tb >= 2 && is_type(d, tb - 1, KGEX__TOK_POSS)) {
            /* "President Erdogan's spokesman X": the employer of the boss */
            const kgex__mention *m = kgex__mention_at(d, tb - 2);
            if (m && m->ent >= 0 && d->ent[m->ent].kind == KGEX_KIND_OFFICIAL &&
                d->ent[m->ent].affil_len > 0)
                affil = d->ent[m->ent].affil[0].ent;
        }
        p = te;
        if (affil < 0) {
            affil = of_entity(d, te, &p);
            if (affil < 0)
                p = te;
        }
        /* "Israel's ambassador to the United Nations, Gilad Erdan," */
        if (kgex__is_word(d, p, "to")) {
            size_t a = kgex__is_word(d, p + 1, "the") ? p + 2 : p + 1;
            const kgex__mention *m = kgex__mention_at(d, a);
            if (m && m->b == a && d->ent[m->ent].kind != KGEX_KIND_OFFICIAL)
                p = m->e;
        }
        /* an official the lexicon already found: "President Vladimir Putin" */
        {
            const kgex__mention *m = kgex__mention_at(d, p);
            if (m && m->b == p && d->ent[m->ent].kind == KGEX_KIND_OFFICIAL &&
                !(flags(d, p) & KGEX__TF_SENT_START)) {
                person = m->ent;
                q = m->e;
                goto named;
            }
        }
        /* a name after a title never starts the next sentence, and a
         * title-case headline ("... Summons Ambassador Over ...") has none */
        q = (flags(d, p) & KGEX__TF_SENT_START) || is_headline(d, tb) ? p : name_end(d, p);
        if (q == p &&
            (affil >= 0 ||
             (tb > 0 && (kgex__is_word(d, tb - 1, "the") || is_type(d, tb - 1, KGEX__TOK_POSS)))) &&
            p < n && kgex__is_word(d, p, ",") && person_at(d, p + 1, &q) >= 0 &&
            !is_headline(d, tb)) {
            /* "the EU's foreign policy chief, Josep Borrell," */
            person = person_at(d, p + 1, &q);
            p = p + 1;
            goto named;
        }
        if (q == p &&
            (affil >= 0 ||
             (tb > 0 && (kgex__is_word(d, tb - 1, "the") || is_type(d, tb - 1, KGEX__TOK_POSS)))) &&
            p < n && kgex__is_word(d, p, ",") && is_name_word(d, p + 1) && !is_headline(d, tb)) {
            /* "his Azerbaijani counterpart, Jeyhun Bayramov" */
            q = name_end(d, p + 1);
            if (q - (p + 1) >= 2 && (q >= n || !is_type(d, q, KGEX__TOK_WORD)))
                p = p + 1;
            else
                q = p;
        }
        if (q == p) {
            /* no name: "the Prime Minister of Armenia", "the CSTO head" */
            if (affil >= 0 && cls != KGEX__TITLE_HONORIFIC) {
                int who = recent_official(d, tb, affil, NULL);

                error = post_add(d, low, affil);
                if (error < 0)
                    return error;
                if (who >= 0 && tb > 0 &&
                    (kgex__is_word(d, tb - 1, "the") || modifier_before(d, tb) >= 0) &&
                    !kgex__is_word(d, te, "of") && !(flags(d, te) & KGEX__TF_CAP)) {
                    error = add_mention(d, role_b, te, who, KGEX__M_DESC, 0);
                    if (error < 0)
                        return error;
                }
            } else if (cls != KGEX__TITLE_HONORIFIC && tb > 0 && kgex__is_word(d, tb - 1, "the") &&
                       !kgex__is_word(d, te, "of")) {
                int who = recent_official(d, tb, -1, low);
                if (who >= 0) {
                    error = add_mention(d, role_b, te, who, KGEX__M_DESC, 0);
                    if (error < 0)
                        return error;
                }
            }
            i = te;
            continue;
        }
        error = person_entity(d, p, q, &person);
        if (error < 0)
            return error;
        error = add_mention(d, p, q, person, KGEX__M_PERSON, 0);
        if (error < 0)
            return error;
    named:
        if (cls != KGEX__TITLE_HONORIFIC) {
            kgex__dent *pe = &d->ent[person];
            pe->official = 1;
            if (!pe->role) {
                pe->role = kgex__strdup(role);
                if (!pe->role)
                    return KGEX_ENOMEM;
            }
        }
        /* "President Vladimir Putin of Russia" */
        if (affil < 0)
            affil = of_entity(d, q, &k);
        /* ", head of the CSTO joint chiefs of staff" / ", the Secretary-General of X" */
        if (kgex__is_word(d, q, ",")) {
            size_t a = q + 1;
            if (kgex__is_word(d, a, "the"))
                a++;
            if (a < n && d->tok_title[a] >= 0) {
                size_t ae = a + d->title_len[a], x;
                int ap = of_entity(d, ae, &x);

                if (ap < 0 && kgex__is_word(d, ae, "of")) {
                    /* "of the CSTO joint chiefs": first mention within 3 tokens */
                    for (x = ae + 1; x < n && x <= ae + 3; x++) {
                        const kgex__mention *m = kgex__mention_at(d, x);
                        if (m && m->ent >= 0 && d->ent[m->ent].kind != KGEX_KIND_OFFICIAL) {
                            ap = m->ent;
                            break;
                        }
                    }
                }
                if (ap >= 0) {
                    error = add_affil(d, person, ap, role, tb, ae);
                    if (error < 0)
                        return error;
                }
            }
        }
        if (affil < 0 && cls != KGEX__TITLE_HONORIFIC)
            affil = post_find(d, low);
        if (affil < 0 && cls != KGEX__TITLE_HONORIFIC && d->ent[person].affil_len == 0) {
            /* the state named just before in the same sentence ("Armenia -
             * Foreign Minister X", "Official Yerevan announced that Foreign
             * Minister X"), or for the head of an organization the
             * organization ("The bloc sent a mission led by Secretary-General
             * X") */
            size_t s = kgex__sentence_of(d, tb);
            int org_post = strstr(low, "secretary") || strstr(low, "chair") ||
                           strstr(low, "director") || strstr(low, "spokes") ||
                           strstr(low, "head") || strstr(low, "commander");
            for (k = tb; k-- > d->t.sent[s].begin && tb - k <= 10;) {
                const kgex__mention *m = kgex__mention_at(d, k);
                if (flags(d, k) & KGEX__TF_QUOTED)
                    break; /* what a quote says is no affiliation */
                if (m && m->ent >= 0 && !m->location && m->b > 0 &&
                    (has(d, m->b - 1, KGEX__W_PLACE_PREP) || kgex__is_word(d, m->b - 1, "of")))
                    continue; /* "deployed to Nagorno-Karabakh": a place, no employer */
                if (m && m->ent >= 0 && m->e + 1 < d->t.len &&
                    (d->tok_title[m->e] >= 0 ||
                     (is_type(d, m->e, KGEX__TOK_POSS) && d->tok_title[m->e + 1] >= 0)))
                    continue; /* "Russian President X met Prime Minister Y": X's, not Y's */
                if (m && m->ent >= 0 && !m->location &&
                    (d->ent[m->ent].kind == KGEX_KIND_STATE ||
                     (org_post && d->ent[m->ent].kind == KGEX_KIND_ORGANIZATION))) {
                    affil = m->ent;
                    break;
                }
            }
        }
        if (affil >= 0 && cls != KGEX__TITLE_HONORIFIC) {
            error = add_affil(d, person, affil, role, tb, q);
            if (error < 0)
                return error;
        }
        i = q;
    }
    return KGEX_OK;
}

/* "Stantilav Zas, the Secretary-General of the CSTO": a name before a
 * comma and a title with "of X". */
static int pass_apposed_officials(kgex__doc *d)
{
    size_t i = 0, n = d->t.len;
    int error;

    while (i < n) {
        size_t q = name_end(d, i), a, ae, x;
        int affil, person, cls, known = person_at(d, i, &q);
        char role[128];

        if ((known < 0 && q - i < 2) || !kgex__is_word(d, q, ",") ||
            (i > 0 && is_name_word(d, i - 1))) {
            i = q > i ? q : i + 1;
            continue;
        }
        a = q + 1;
        if (kgex__is_word(d, a, "the"))
            a++;
        if (a < n && kgex__mention_at(d, a) && kgex__mention_at(d, a)->b == a &&
            d->ent[kgex__mention_at(d, a)->ent].kind != KGEX_KIND_OFFICIAL) {
            a = kgex__mention_at(d, a)->e; /* ", Azerbaijan's president" */
            if (is_type(d, a, KGEX__TOK_POSS))
                a++;
        }
        if (a >= n || d->tok_title[a] < 0) {
            i = q;
            continue;
        }
        cls = d->lex->title[d->tok_title[a]].cls;
        ae = a + d->title_len[a];
        /* "Putin, Belarusian President Lukashenko": a list, not an aside */
        if (person_at(d, ae, &x) >= 0 || is_name_word(d, ae)) {
            i = q;
            continue;
        }
        affil = of_entity(d, ae, &x);
        if (affil < 0)
            affil = modifier_before(d, a);
        if (affil < 0 || cls == KGEX__TITLE_HONORIFIC) {
            i = q;
            continue;
        }
        if (known >= 0) {
            person = known;
        } else {
            error = person_entity(d, i, q, &person);
            if (error < 0)
                return error;
            error = add_mention(d, i, q, person, KGEX__M_PERSON, 0);
            if (error < 0)
                return error;
        }
        snprintf(role, sizeof(role), "%.*s", (int)(d->t.tok[ae - 1].end - d->t.tok[a].start),
                 d->t.text + d->t.tok[a].start);
        d->ent[person].official = 1;
        if (!d->ent[person].role) {
            d->ent[person].role = kgex__strdup(role);
            if (!d->ent[person].role)
                return KGEX_ENOMEM;
        }
        error = add_affil(d, person, affil, role, i, ae);
        if (error < 0)
            return error;
        i = ae;
    }
    return KGEX_OK;
}

/* "The OSCE Minsk Group co-chairs — Igor Popov of the Russian Federation,
 * Stephane Visconti of France and Andrew Schofer of the United States —
 * said": a plural title followed by a list of names, each with "of X". */
static int pass_title_lists(kgex__doc *d)
{
    size_t i, n = d->t.len;
    int error;

    for (i = 0; i < n; i++) {
        size_t te, p, k, names = 0;
        int group, persons[8], affils[8];
        const char *role;

        if (d->tok_titles[i] < 0 || d->tok_men[i] >= 0)
            continue;
        te = i + d->titles_len[i];
        role = d->lex->title[d->tok_titles[i]].title;
        group = modifier_before(d, i);
        p = te;
        if (group < 0) {
            size_t x;
            group = of_entity(d, te, &x); /* "the co-chairs of the OSCE Minsk Group —" */
            if (group >= 0)
                p = x;
        }
        if (!(kgex__is_word(d, p, "\xe2\x80\x94") || kgex__is_word(d, p, ":") ||
              kgex__is_word(d, p, ",") || kgex__is_word(d, p, "-") ||
              kgex__is_word(d, p, "\xe2\x80\x93")))
            continue;
        p++;
        while (names < 8) {
            size_t q = name_end(d, p), x;
            int affil = -1, known = person_at(d, p, &q);

            if (known < 0 && q - p < 2)
                break;
            if (kgex__is_word(d, q, "of") || kgex__is_word(d, q, "from")) {
                size_t a = kgex__is_word(d, q + 1, "the") ? q + 2 : q + 1;
                const kgex__mention *m = kgex__mention_at(d, a);
                if (m && m->b == a && d->ent[m->ent].kind != KGEX_KIND_OFFICIAL) {
                    affil = m->ent;
                    x = m->e;
                } else {
                    break;
                }
            } else {
                x = q;
            }
            if (known >= 0) {
                persons[names] = known;
            } else {
                error = person_entity(d, p, q, &persons[names]);
                if (error < 0)
                    return error;
                error = add_mention(d, p, q, persons[names], KGEX__M_PERSON, 0);
                if (error < 0)
                    return error;
            }
            affils[names++] = affil;
            p = x;
            if (kgex__is_word(d, p, ","))
                p++;
            if (kgex__is_word(d, p, "and"))
                p++;
            else if (!kgex__is_word(d, p - 1, ","))
                break;
        }
        for (k = 0; k < names; k++) {
            kgex__dent *pe = &d->ent[persons[k]];

            if (names < 2 && affils[k] < 0)
                continue; /* one name and no state: no list of officials */
            pe->official = 1;
            if (!pe->role) {
                pe->role = kgex__strdup(role);
                if (!pe->role)
                    return KGEX_ENOMEM;
            }
            error = add_affil(d, persons[k], affils[k], role, i, te);
            if (error == 0)
                error = add_affil(d, persons[k], group, role, i, te);
            if (error < 0)
                return error;
        }
    }
    return KGEX_OK;
}

/* ------------------------------------------------- pass 5: surnames */

static int pass_surnames(kgex__doc *d)
{
    size_t i, k;
    int error;

    for (i = 0; i < d->t.len; i++) {
        int hit = -1;
        size_t e = i + 1;

        if (d->tok_men[i] >= 0 || !is_cap_word(d, i) || d->tok_title[i] >= 0)
            continue;
        for (k = 0; k < d->ent_len && hit < 0; k++) {
            const kgex__dent *p = &d->ent[k];

            if (p->kind != KGEX_KIND_OFFICIAL || !p->last)
                continue;
            if (*p->first && strcmp(norm(d, i), p->first) == 0 && is_cap_word(d, i + 1) &&
                d->tok_men[i + 1] < 0 && kgex__same_surname(norm(d, i + 1), p->last)) {
                hit = (int)k;
                e = i + 2;
            } else if (strcmp(norm(d, i), p->last) == 0) {
                hit = (int)k;
            } else if (kgex__same_surname(norm(d, i), p->last) && !is_function_word(d, i)) {
                hit = (int)k;
            }
        }
        if (hit >= 0) {
            error = add_mention(d, i, e, hit, KGEX__M_PERSON, 0);
            if (error < 0)
                return error;
            i = e - 1;
        }
    }
    return KGEX_OK;
}

/* ---------------------------------------------------------- driver */

static int cmp_mention(const void *a, const void *b)
{
    const kgex__mention *x = a, *y = b;

    return x->b < y->b ? -1 : x->b > y->b;
}

/* A state or organization named as an actor (not a place, not a person). */
static int actor_mention(const kgex__doc *d, const kgex__mention *m)
{
    return m && m->ent >= 0 && !m->location && d->ent[m->ent].kind != KGEX_KIND_OFFICIAL &&
           d->ent[m->ent].kind != KGEX_KIND_EVENT;
}

/* Is the phrase at token b the object of a preposition of place ("in
 * neighbouring Iraq")? */
static int after_place_prep(const kgex__doc *d, size_t b)
{
    size_t k;

    for (k = b; k-- > 0 && b - k <= 2;) {
        if (has(d, k, KGEX__W_PLACE_PREP))
            return 1;
        if (!is_type(d, k, KGEX__TOK_WORD) || d->tok_men[k] >= 0)
            return 0;
    }
    return 0;
}

int kgex__resolve_pronoun(const kgex__doc *d, size_t i)
{
    static const char *const person[] = {"he", "she", "his", "her", "him", NULL};
    static const char *const thing[] = {"it", "its", "they", "their", "them", NULL};
    const char *w = norm(d, i);
    size_t s, j;

    if (kgex__in_list(w, person)) {
        for (j = i; j-- > 0 && i - j < 3000;) {
            const kgex__mention *m = kgex__mention_at(d, j);
            if (m && m->ent >= 0 && d->ent[m->ent].kind == KGEX_KIND_OFFICIAL)
                return m->ent;
        }
        return -1;
    }
    if (!kgex__in_list(w, thing))
        return -1;
    s = kgex__sentence_of(d, i);
    if (i == d->t.sent[s].begin && strcmp(w, "it") == 0) {
        static const char *const be[] = {"is",    "was",     "has",   "had",  "can",
                                         "could", "may",     "might", "will", "would",
                                         "seems", "appears", NULL};
        if (i + 1 < d->t.len && kgex__in_list(norm(d, i + 1), be))
            return -1; /* "It was announced", "It is worth" */
    }
    /* the nearest actor before it in its sentence ("Moscow said it ..."),
     * passing over places ("strikes in neighbouring Iraq as part of its
     * offensive"), else the first of the sentence before */
    for (j = i; j-- > d->t.sent[s].begin;) {
        const kgex__mention *m = kgex__mention_at(d, j);
        if (actor_mention(d, m) && !after_place_prep(d, m->b))
            return d->ent[m->ent].stands_for >= 0 ? d->ent[m->ent].stands_for : m->ent;
    }
    if (s == 0)
        return -1;
    for (j = d->t.sent[s - 1].begin; j < d->t.sent[s - 1].end; j++) {
        const kgex__mention *m = kgex__mention_at(d, j);
        if (actor_mention(d, m))
            return d->ent[m->ent].stands_for >= 0 ? d->ent[m->ent].stands_for : m->ent;
    }
    return -1;
}

int kgex__mentions_find(kgex__doc *d)
{
    size_t i, k, s;
    int error;

    for (s = 0; s < d->t.sent_len; s++) {
        for (i = d->t.sent[s].begin; i < d->t.sent[s].end; i++)
            d->tok_sent[i] = (uint32_t)s;
    }
    for (i = 0; i < d->t.len; i++)
        d->tok_men[i] = -1;
    error = pass_lexicon(d);
    if (error == 0)
        error = pass_ministry_acronyms(d);
    if (error == 0)
        error = pass_orgs(d);
    if (error == 0)
        error = pass_state_bodies(d);
    if (error == 0)
        error = pass_descriptions(d);
    if (error == 0)
        error = pass_officials(d);
    if (error == 0)
        error = pass_apposed_officials(d);
    if (error == 0)
        error = pass_title_lists(d);
    if (error == 0)
        error = pass_surnames(d);
    if (error < 0)
        return error;
    /* drop removed mentions, sort by position, rebuild the token index */
    for (i = 0, k = 0; i < d->men_len; i++) {
        if (d->men[i].ent >= 0)
            d->men[k++] = d->men[i];
    }
    d->men_len = k;
    if (d->men_len > 1)
        qsort(d->men, d->men_len, sizeof(*d->men), cmp_mention);
    for (i = 0; i < d->t.len; i++)
        d->tok_men[i] = -1;
    for (k = 0; k < d->men_len; k++) {
        for (i = d->men[k].b; i < d->men[k].e; i++)
            d->tok_men[i] = (int32_t)k;
    }
    return KGEX_OK;
}
