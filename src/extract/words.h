/*
 * words.h - the closed-class words the rules look at (determiners, modals,
 * prepositions, head nouns, ...), as bit classes of a token.

 * The extractor builds one table at creation; each document then gets a
 * class mask per token, so a rule asks "is this a modal?" with one bit
 * test instead of comparing strings.
 */
#ifndef KGEX_EXTRACT_WORDS_H
#define KGEX_EXTRACT_WORDS_H

#include <stdint.h>

enum {
    KGEX__W_FUNCTION = 1u << 0,
    KGEX__W_PLACE_PREP = 1u << 1,
    KGEX__W_ORG_HEAD = 1u << 2,
    KGEX__W_ORG_CONNECTOR = 1u << 3,
    KGEX__W_ARMED_HEAD = 1u << 4,
    KGEX__W_MINISTRY_KIND = 1u << 5,
    KGEX__W_ORG_NOUN = 1u << 6,
    KGEX__W_ORG_DET = 1u << 7,
    KGEX__W_TITLE_PREFIX = 1u << 8,
    KGEX__W_BOUNDARY = 1u << 9,
    KGEX__W_PREPOSITION = 1u << 10,
    KGEX__W_ADVERB = 1u << 11,
    KGEX__W_DETERMINER = 1u << 12,
    KGEX__W_MODAL = 1u << 13,
    KGEX__W_CONDITIONAL = 1u << 14,
    KGEX__W_BE = 1u << 15,
    KGEX__W_ACTOR_NOUN = 1u << 16,
    KGEX__W_LIGHT_VERB = 1u << 17,
    KGEX__W_HELP = 1u << 18,
    KGEX__W_LIST_OPENER = 1u << 19,
    KGEX__W_NOUN_MARKER = 1u << 20,
    KGEX__W_CLAUSE = 1u << 21,
    KGEX__W_WEAPON = 1u << 22,
    KGEX__W_NAME_HEAD = 1u << 23,
};

typedef struct kgex__words kgex__words;

int kgex__words_new(kgex__words **out);
void kgex__words_free(kgex__words *w);
/* The classes of lowercased word `s` (0 when none). */
uint32_t kgex__words_class(const kgex__words *w, const char *s);

#endif
