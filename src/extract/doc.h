/*
 * doc.h - the working state of one document during extraction, and the
 * small queries every pass asks of it.
 *
 * A document is tokenized; mentions.c finds its entity mentions (lexicon
 * names, organization and person patterns, surnames, descriptions) and
 * marks each token with its cue classes and trigger words; the relation
 * rules (rules.c and rules/) read relations off the phrases around the
 * triggers (phrase.c); extract.c moves both into the graph. Everything
 * here is freed with the document; only the graph outlives it.
 */
#ifndef KGEX_EXTRACT_DOC_H
#define KGEX_EXTRACT_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "extract/dates.h"
#include "kgex/graph.h"
#include "lexicon/cues.h"
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
    int ent;       /* doc entity of the state or organization */
    char *role;    /* title */
    size_t sent;   /* where it was read */
    size_t b, e;   /* tokens */
    uint8_t known; /* from the officials lexicon, not from the text */
} kgex__affil;

typedef struct kgex__dent {
    char *id;
    kgex_kind kind;
    char *label;
    long lex;           /* lexicon entity, -1 */
    int stands_for;     /* armed forces of a state: that state's doc entity, else -1 */
    int of_state;       /* a body of a state (a ministry, its parliament): the state, else -1 */
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
    size_t order;  /* the order in which the rules found it */
} kgex__rel;

/* Unnamed office holders: "the Prime Minister of Armenia". */
typedef struct kgex__post {
    char *title; /* lowercased */
    int ent;
} kgex__post;

/* A trigger word found in the text (one token may start several). */
typedef struct kgex__tmatch {
    uint32_t tok;
    uint32_t trig; /* index in the lexicon's triggers */
    uint32_t len;  /* tokens */
} kgex__tmatch;

typedef struct kgex__doc {
    const kgex_lexicon *lex;
    kgex__tokens t;
    kgex__dent *ent;
    size_t ent_len, ent_cap;
    int *lex_ent; /* lexicon entity -> doc entity, -1 */
    kgex__mention *men;
    size_t men_len, men_cap;
    int32_t *tok_men;    /* token -> mention, -1 */
    uint32_t *tok_sent;  /* token -> sentence */
    uint64_t *wclass;    /* token -> cue classes of its word (KGEX__W_*) */
    uint64_t *mclass;    /* token -> cue classes of a multiword cue starting here */
    uint8_t *mlen;       /* tokens of the longest multiword cue starting here */
    int32_t *tok_title;  /* token -> title index starting here, -1 */
    uint8_t *title_len;  /* tokens of that title */
    int32_t *tok_titles; /* token -> title whose plural starts here, -1 */
    uint8_t *titles_len; /* tokens of that plural */
    int32_t *tok_trig;   /* token -> longest trigger starting here, -1 */
    uint8_t *trig_len;
    uint8_t *trig_pos; /* bit 0: a verb form, bit 1: a noun form */
    kgex__tmatch *tm;  /* every trigger match, by token */
    size_t tm_len, tm_cap;
    int32_t *tok_tm; /* token -> its first trigger match, -1 */
    kgex__rel *rel;
    size_t rel_len, rel_cap;
    kgex__post *post;
    size_t post_len, post_cap;
    char (*sent_date)[16]; /* per sentence, "" when none */
    kgex__date_ctx dates;
    size_t char_base; /* characters and sentences of the document before */
    size_t sent_base; /* this piece of it (long documents come in pieces) */
} kgex__doc;

/* Is token i a word of cue class `bit` (KGEX__W_*)? */
static inline int has(const kgex__doc *d, size_t i, uint64_t bit)
{
    return i < d->t.len && (d->wclass[i] & bit) != 0;
}

/* Tokens of a cue of class `cls` (KGEX__WC_*) at token i: the word
 * alone (1) or a multiword cue ("made up of": 3); 0 if none. */
size_t kgex__cue_at(const kgex__doc *d, size_t i, int cls);

/* mentions.c */
int kgex__mentions_find(kgex__doc *d);
/* Doc entity for lexicon entity `lexi`, created on first use. */
int kgex__doc_lexicon_entity(kgex__doc *d, long lexi, int *out);
int kgex__doc_add_alias(kgex__dent *ent, const char *s, size_t len);
/* Resolve a pronoun ("he", "it", "its", "they") at token i: the doc
 * entity, or -1. */
int kgex__resolve_pronoun(const kgex__doc *d, size_t i);

/* rules.c */
int kgex__rules_apply(kgex__doc *d);

/* doc.c: queries shared by the passes */
int kgex__is_word(const kgex__doc *d, size_t i, const char *w);
int kgex__in_list(const char *w, const char *const *list);
/* The mention at token i, or NULL. */
const kgex__mention *kgex__mention_at(const kgex__doc *d, size_t i);
/* Sentence index of token i; first and end token of its sentence. */
size_t kgex__sentence_of(const kgex__doc *d, size_t i);
size_t kgex__sent_begin(const kgex__doc *d, size_t i);
size_t kgex__sent_end(const kgex__doc *d, size_t i);
/* The lowercased form of token i ("" past the end). */
const char *kgex__norm(const kgex__doc *d, size_t i);
int kgex__flags(const kgex__doc *d, size_t i);
int kgex__is_type(const kgex__doc *d, size_t i, int type);
/* Punctuation or a quotation mark (or past the end). */
int kgex__is_punct(const kgex__doc *d, size_t i);
/* The entity a mention stands for as an actor: a state's armed forces
 * stand for the state; -1 for a place ("in Yerevan", a city). */
int kgex__actor(const kgex__doc *d, const kgex__mention *m);
/* The entity a mention names as a target: its actor, or the state of a
 * place (a strike on a city is an attack on its state). */
int kgex__target(const kgex__doc *d, const kgex__mention *m);
/* Is doc entity `ent` an official (a person marked by a title)? */
int kgex__is_official(const kgex__doc *d, int ent);
/* Record a relation read at tokens [b, e); the same relation twice in one
 * sentence is kept once. src < 0, or dst < 0 / dst == src for a relation
 * other than stated, records nothing. */
int kgex__doc_add_rel(kgex__doc *d, kgex_relation rel, int src, int dst, size_t b, size_t e,
                      const char *cameo);

#endif
