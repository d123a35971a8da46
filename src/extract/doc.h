/*
 * doc.h - the working state of one document during extraction.
 *
 * A document is tokenized, then mentions.c finds its entity mentions
 * (lexicon names, organization and person patterns, surnames,
 * descriptions), then rules.c finds relations between them, and
 * extract.c moves both into the graph. Everything here is freed with the
 * document; only the graph outlives it.
 */
#ifndef KGEX_EXTRACT_DOC_H
#define KGEX_EXTRACT_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "extract/dates.h"
#include "extract/words.h"
#include "kgex/graph.h"
#include "lexicon/lexicon.h"
#include "text/tokenize.h"

enum kgex__mform {
    KGEX__M_NAME = 0, /* lexicon forms first, same values as kgex__form */
    KGEX__M_ACRONYM,
    KGEX__M_ADJ,
    KGEX__M_DEMONYM,
    KGEX__M_CAPITAL,
    KGEX__M_SEAT,
    KGEX__M_CITY,
    KGEX__M_ORG,    /* organization found by pattern */
    KGEX__M_PERSON, /* a person's name */
    KGEX__M_DESC    /* "the alliance", "the CSTO head": resolved description */
};

typedef struct kgex__mention {
    size_t b, e; /* token range */
    int ent;     /* doc entity */
    uint8_t form;
    uint8_t location; /* a place named after a preposition ("in Yerevan") */
} kgex__mention;

typedef struct kgex__affil {
    int ent;     /* doc entity of the state or organization */
    char *role;  /* title */
    size_t sent; /* where it was read */
    size_t b, e; /* tokens */
} kgex__affil;

typedef struct kgex__dent {
    char *id;
    kgex_kind kind;
    char *label;
    long lex;           /* lexicon entity, -1 */
    int stands_for;     /* armed forces of a state: that state's doc entity, else -1 */
    int official;       /* persons: 1 when a title or rank marks an office */
    char *first, *last; /* persons: lowercased first and last name words */
    char *role;         /* persons: first title */
    kgex__affil *affil;
    size_t affil_len, affil_cap;
    char **alias;
    size_t alias_len, alias_cap;
    int actor_mentions; /* mentions that are not places */
} kgex__dent;

typedef struct kgex__rel {
    kgex_relation rel;
    int src, dst; /* doc entities; dst -1 for stated (event made later) */
    size_t sent;
    size_t b, e;       /* evidence tokens */
    const char *cameo; /* borrowed from the lexicon */
    char date[16];
    size_t qb, qe; /* stated: quote tokens (qb == qe: the sentence) */
} kgex__rel;

/* Unnamed office holders: "the Prime Minister of Armenia". */
typedef struct kgex__post {
    char *title; /* lowercased */
    int ent;
} kgex__post;

typedef struct kgex__doc {
    const kgex_lexicon *lex;
    kgex__tokens t;
    kgex__dent *ent;
    size_t ent_len, ent_cap;
    int *lex_ent; /* lexicon entity -> doc entity, -1 */
    kgex__mention *men;
    size_t men_len, men_cap;
    int32_t *tok_men;   /* token -> mention, -1 */
    uint32_t *tok_sent; /* token -> sentence */
    uint32_t *wclass;   /* token -> KGEX__W_* classes of its word */
    const kgex__words *words;
    int32_t *tok_title;  /* token -> title index starting here, -1 */
    uint8_t *title_len;  /* tokens of that title */
    int32_t *tok_titles; /* token -> title whose plural starts here, -1 */
    uint8_t *titles_len; /* tokens of that plural */
    int32_t *tok_trig;   /* token -> trigger index starting here, -1 */
    uint8_t *trig_len;
    uint8_t *trig_pos; /* bit 0: a verb form, bit 1: a noun form */
    kgex__rel *rel;
    size_t rel_len, rel_cap;
    kgex__post *post;
    size_t post_len, post_cap;
    char (*sent_date)[16]; /* per sentence, "" when none */
    kgex__date_ctx dates;
    size_t char_base; /* characters and sentences of the document before */
    size_t sent_base; /* this piece of it (long documents come in pieces) */
} kgex__doc;

/* Is token i a word of class `bit` (KGEX__W_*)? */
static inline int has(const kgex__doc *d, size_t i, uint32_t bit)
{
    return i < d->t.len && (d->wclass[i] & bit) != 0;
}

/* mentions.c */
int kgex__mentions_find(kgex__doc *d);
/* Doc entity for lexicon entity `lexi`, created on first use. */
int kgex__doc_lexicon_entity(kgex__doc *d, long lexi, int *out);
int kgex__doc_add_alias(kgex__dent *ent, const char *s, size_t len);
/* Resolve a pronoun or "it" at token i: the doc entity, or -1. */
int kgex__resolve_pronoun(const kgex__doc *d, size_t i);

/* rules.c */
int kgex__rules_apply(kgex__doc *d);

/* helpers shared by both */
int kgex__is_word(const kgex__doc *d, size_t i, const char *w);
int kgex__in_list(const char *w, const char *const *list);
/* The mention at token i, or NULL. */
const kgex__mention *kgex__mention_at(const kgex__doc *d, size_t i);
/* Sentence index of token i. */
size_t kgex__sentence_of(const kgex__doc *d, size_t i);

#endif
