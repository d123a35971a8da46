/*
 * phrase.h - the shallow syntax every relation rule uses: noun phrases
 * (with their lists, modifiers and "of" complements), verb groups (with
 * negation, modality, infinitives and the passive), a verb's subject, and
 * whether an event is asserted as having happened.
 *
 * Nothing here knows a particular word: it works from token types, the
 * document's mentions and titles, and the cue classes of the lexicon
 * (lexicon/cues.h). All functions look inside one sentence and a bounded
 * window, so a pass over a document stays linear in its length.
 */
#ifndef KGEX_EXTRACT_PHRASE_H
#define KGEX_EXTRACT_PHRASE_H

#include <stddef.h>
#include <stdint.h>

#include "extract/doc.h"

#define KGEX__NP_MAX  16 /* conjuncts of a list */
#define KGEX__MOD_MAX 8  /* modifier entities of one conjunct */

/* One conjunct of a noun phrase: "the Armenian government", "Russia". */
typedef struct kgex__conj {
    size_t b, e;            /* tokens */
    size_t head;            /* the head token */
    int ent;                /* the entity named as the head, -1 */
    uint8_t place;          /* ent is named as a place (a city, "in Yerevan") */
    uint8_t form;           /* how ent is named (KGEX__M_*) */
    uint8_t title;          /* the head is a title without a name ("the Foreign Minister") */
    uint8_t pronoun;        /* the head is a pronoun (ent: what it resolves to) */
    uint64_t cls;           /* cue classes of the head word (KGEX__W_*) */
    int mod[KGEX__MOD_MAX]; /* entities modifying the head: adjectives,
                             * possessors, "of X", "X-controlled", "held by X" */
    uint8_t nmod;
    uint8_t npre;           /* how many of mod[] stand before the head */
    int loc[KGEX__MOD_MAX]; /* where the head is: "targets in Lebanon" */
    uint8_t nloc;
} kgex__conj;

typedef struct kgex__np {
    size_t b, e; /* tokens of the whole phrase */
    kgex__conj c[KGEX__NP_MAX];
    size_t n; /* conjuncts; 0: no phrase */
} kgex__np;

/* The noun phrase (a list of conjuncts) starting at token i, within its
 * sentence. Returns the number of conjuncts (0: none there). */
size_t kgex__np_at(const kgex__doc *d, size_t i, kgex__np *np);
/* The noun phrase that ends just before token j and starts at or after
 * token `lo`. Returns the number of conjuncts (0: none). */
size_t kgex__np_ending(const kgex__doc *d, size_t j, size_t lo, kgex__np *np);

/* What a phrase stands for in a role. */
enum kgex__arg_role {
    KGEX__ROLE_AGENT = 0, /* who acts: "the Armenian government", "Russian missiles" */
    KGEX__ROLE_TARGET,    /* who is hit: "Armenian territory", "Kyiv" (its state) */
    KGEX__ROLE_SPEAKER,   /* who speaks: "a foreign ministry spokesman" */
    KGEX__ROLE_MEMBER,    /* a state or organization named as such */
    KGEX__ROLE_ADDRESSEE  /* who is asked: an agent, or a capital after "to" ("appealed to Moscow")
                           */
};
/* The entities `np` stands for in `role`, written to out (at most cap,
 * each once). */
size_t kgex__np_role(const kgex__doc *d, const kgex__np *np, int role, int *out, size_t cap);

/* A verb group: the verb at tokens [i, e) with what stands before it. */
typedef struct kgex__vg {
    size_t b;        /* first token of the group ("has not been ... attacked") */
    size_t gov;      /* infinitive or gerund: the governing word, or (size_t)-1 */
    uint8_t modal;   /* will, could, may */
    uint8_t neg;     /* not, never */
    uint8_t inf;     /* "to attack" */
    uint8_t gerund;  /* "by attacking", "after shelling" */
    uint8_t passive; /* "was attacked", "were shot down" */
    uint8_t reduced; /* a participle right after a noun: "missiles fired at Kyiv" */
} kgex__vg;
void kgex__vgroup(const kgex__doc *d, size_t i, size_t e, kgex__vg *vg);

/* The subject of the verb group that starts at token vb: the phrase before
 * it, skipping adverbs, times, asides between commas or dashes, relative
 * clauses ("X, which ..."), and following a coordinated verb back to the
 * subject of the clause. Returns the number of conjuncts (0: none). */
size_t kgex__subject(const kgex__doc *d, size_t vb, kgex__np *np);

/* Is the verb (with group vg) or the event noun at [i, e) asserted as
 * having happened: not negated, modal, conditional, asked, planned,
 * threatened, denied or hypothetical? For a noun that names an act of
 * speech (`act`: a request, an appeal), what governs it does not matter:
 * a request that is considered or turned down was made. */
int kgex__asserted_verb(const kgex__doc *d, size_t i, size_t e, const kgex__vg *vg);
int kgex__asserted_noun(const kgex__doc *d, size_t i, size_t e, int act);

/* Is the trigger word at [i, e) used as a noun here? `pos` has bit 0 when
 * the lexicon knows it as a verb and bit 1 as a noun. */
int kgex__noun_use(const kgex__doc *d, size_t i, size_t e, unsigned pos);

/* The entities standing just before an event noun at i as its agent:
 * possessors and adjectives in its phrase ("Russia's invasion", "a
 * Russian missile attack", "NATO strikes"). */
size_t kgex__noun_agents(const kgex__doc *d, size_t i, int *out, size_t cap);

/* The first token of the sentence of token i after a dateline
 * ("UNITED NATIONS (AP) --"). */
size_t kgex__sentence_start(const kgex__doc *d, size_t i);

/* The organization of the document whose name has the word at token i
 * ("alliance": the Alliance of Sahel States), the nearest named; -1. */
int kgex__org_named(const kgex__doc *d, size_t i);

/* Skip adverbs, time phrases ("on Friday", "last week") and a leading
 * "also" forward from token i; returns the next token. */
size_t kgex__skip_adjuncts(const kgex__doc *d, size_t i, size_t e);

#endif
