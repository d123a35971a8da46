/*
 * cues.h (private) - the closed classes of words that the extraction
 * machinery looks at (determiners, auxiliaries, negations, nouns that
 * stand for an actor, list cues, ...), and the frames of trigger words.
 *
 * The words of each class are data (the "cues" section of a lexicon file,
 * data/lexicon/cues.json by default); the classes themselves are fixed
 * here because C code asks for them by name. A document gets one bit mask
 * per token, so "is this a modal?" is one bit test.
 *
 * A trigger (a verb or noun that expresses a relation) carries frames: the
 * words that must follow it for the relation to hold, with slots for its
 * arguments, e.g. "{dst} to" for "urged {dst} to ...", "on|against {dst}"
 * for "attack on {dst}", "<meeting:dst>" for "asked for an emergency
 * meeting of {dst}". cues.c parses frames when the lexicon is loaded.
 */
#ifndef KGEX_LEXICON_CUES_H
#define KGEX_LEXICON_CUES_H

#include <stddef.h>
#include <stdint.h>

/* The cue classes, in the order of kgex__cue_names. */
enum kgex__cue_class {
    KGEX__WC_FUNCTION = 0, /* words that never start a name */
    KGEX__WC_PLACE_PREP,   /* prepositions of place: "in Yerevan" is a place */
    KGEX__WC_ORG_HEAD,     /* last word of an organization name: Ministry, Council */
    KGEX__WC_ORG_CONNECTOR,
    KGEX__WC_ARMED_HEAD, /* forces, army, troops: stand for their state */
    KGEX__WC_MINISTRY_KIND,
    KGEX__WC_ORG_NOUN, /* alliance, bloc, organization: descriptions */
    KGEX__WC_ORG_DET,
    KGEX__WC_TITLE_PREFIX, /* deputy, acting, former */
    KGEX__WC_BOUNDARY,     /* ends a noun phrase */
    KGEX__WC_PREPOSITION,
    KGEX__WC_ADVERB,
    KGEX__WC_DETERMINER,
    KGEX__WC_MODAL,       /* will, could: not (yet) a fact */
    KGEX__WC_CONDITIONAL, /* if, unless, in case of */
    KGEX__WC_BE,
    KGEX__WC_ACTOR_NOUN, /* government, troops, territory: the phrase is its modifier's */
    KGEX__WC_LIGHT_VERB, /* launched, carried out: its object noun is the event */
    KGEX__WC_HELP,       /* help, assistance, action: what an appeal asks for */
    KGEX__WC_LIST_OPENER,
    KGEX__WC_NOUN_MARKER,   /* "any", "possible": a hypothetical noun */
    KGEX__WC_CLAUSE,        /* which, that, who */
    KGEX__WC_WEAPON,        /* missiles, drones: their owner attacks */
    KGEX__WC_NAME_HEAD,     /* Treaty, Airport: a state name before it is part of a name */
    KGEX__WC_AUX,           /* has, had, did: part of a verb group */
    KGEX__WC_NEGATION,      /* not, never, no */
    KGEX__WC_IRREALIS,      /* vowed to, threat of, plans to: not asserted */
    KGEX__WC_FACTIVE,       /* continued to, began: asserted */
    KGEX__WC_DENY,          /* denied: the accused denies */
    KGEX__WC_STAND_FOR,     /* government, authorities, envoys: speak and act for their actor */
    KGEX__WC_TARGET_NOUN,   /* territory, bases, positions: an attack on them hits their owner */
    KGEX__WC_MEETING,       /* meeting, session, consultations */
    KGEX__WC_COMPLAINT,     /* complaint, letter */
    KGEX__WC_MEMBER_LIST,   /* includes, comprising, made up of, such as */
    KGEX__WC_NONMEMBER,     /* partner, observer, candidate: not a member */
    KGEX__WC_OWNER_LINK,    /* belonging to, held by: the owner of the noun before */
    KGEX__WC_OWNER_SUFFIX,  /* -controlled, -held, -ruled: "Houthi-controlled" */
    KGEX__WC_TIME,          /* Monday, March, morning, week */
    KGEX__WC_SUBORDINATOR,  /* after, when, because: opens a clause */
    KGEX__WC_CONJ,          /* and, or, but */
    KGEX__WC_PARTICIPLE,    /* irregular past participles: struck, shot, sought */
    KGEX__WC_JOIN,          /* joined, became: a member from now on */
    KGEX__WC_SPEECH_PREP,   /* "according to", "in a statement": reported speech */
    KGEX__WC_FUTURE,        /* "set to", "bid to", "application": not yet a member */
    KGEX__WC_QUANTITY,      /* "a pair of", "a string of": the phrase goes on after "of" */
    KGEX__WC_FOUNDED,       /* "set up by": founders are members */
    KGEX__WC_KNOWN_AS,      /* "collectively known as X": the list before is X's members */
    KGEX__WC_VERB,          /* began, took: a verb, never in a noun phrase */
    KGEX__WC_RESTRAINT,     /* refrain, withdraw: asked of the other side, no appeal for help */
    KGEX__WC_COMBATANT,     /* militants, troops, warplanes: stand for their side in an attack */
    KGEX__WC_ANSWER,        /* answered, heeded: the request was made to the subject */
    KGEX__WC_SPEECH_DOC,    /* statement, letter, filing: speaks for its author */
    KGEX__WC_STATE_BODY,    /* presidency, parliament: a body of the state before it */
    KGEX__WC_NAME_PARTICLE, /* al-, bin, da, von: lower case inside a personal name */
    KGEX__WC_APPROX,        /* "over", "at least" before a number */
    KGEX__WC_COUNT
};

#define KGEX__W(c)            ((uint64_t)1 << (c))
#define KGEX__W_FUNCTION      KGEX__W(KGEX__WC_FUNCTION)
#define KGEX__W_PLACE_PREP    KGEX__W(KGEX__WC_PLACE_PREP)
#define KGEX__W_ORG_HEAD      KGEX__W(KGEX__WC_ORG_HEAD)
#define KGEX__W_ORG_CONNECTOR KGEX__W(KGEX__WC_ORG_CONNECTOR)
#define KGEX__W_ARMED_HEAD    KGEX__W(KGEX__WC_ARMED_HEAD)
#define KGEX__W_MINISTRY_KIND KGEX__W(KGEX__WC_MINISTRY_KIND)
#define KGEX__W_ORG_NOUN      KGEX__W(KGEX__WC_ORG_NOUN)
#define KGEX__W_ORG_DET       KGEX__W(KGEX__WC_ORG_DET)
#define KGEX__W_TITLE_PREFIX  KGEX__W(KGEX__WC_TITLE_PREFIX)
#define KGEX__W_BOUNDARY      KGEX__W(KGEX__WC_BOUNDARY)
#define KGEX__W_PREPOSITION   KGEX__W(KGEX__WC_PREPOSITION)
#define KGEX__W_ADVERB        KGEX__W(KGEX__WC_ADVERB)
#define KGEX__W_DETERMINER    KGEX__W(KGEX__WC_DETERMINER)
#define KGEX__W_MODAL         KGEX__W(KGEX__WC_MODAL)
#define KGEX__W_CONDITIONAL   KGEX__W(KGEX__WC_CONDITIONAL)
#define KGEX__W_BE            KGEX__W(KGEX__WC_BE)
#define KGEX__W_ACTOR_NOUN    KGEX__W(KGEX__WC_ACTOR_NOUN)
#define KGEX__W_LIGHT_VERB    KGEX__W(KGEX__WC_LIGHT_VERB)
#define KGEX__W_HELP          KGEX__W(KGEX__WC_HELP)
#define KGEX__W_LIST_OPENER   KGEX__W(KGEX__WC_LIST_OPENER)
#define KGEX__W_NOUN_MARKER   KGEX__W(KGEX__WC_NOUN_MARKER)
#define KGEX__W_CLAUSE        KGEX__W(KGEX__WC_CLAUSE)
#define KGEX__W_WEAPON        KGEX__W(KGEX__WC_WEAPON)
#define KGEX__W_NAME_HEAD     KGEX__W(KGEX__WC_NAME_HEAD)
#define KGEX__W_AUX           KGEX__W(KGEX__WC_AUX)
#define KGEX__W_NEGATION      KGEX__W(KGEX__WC_NEGATION)
#define KGEX__W_IRREALIS      KGEX__W(KGEX__WC_IRREALIS)
#define KGEX__W_FACTIVE       KGEX__W(KGEX__WC_FACTIVE)
#define KGEX__W_DENY          KGEX__W(KGEX__WC_DENY)
#define KGEX__W_STAND_FOR     KGEX__W(KGEX__WC_STAND_FOR)
#define KGEX__W_TARGET_NOUN   KGEX__W(KGEX__WC_TARGET_NOUN)
#define KGEX__W_MEETING       KGEX__W(KGEX__WC_MEETING)
#define KGEX__W_COMPLAINT     KGEX__W(KGEX__WC_COMPLAINT)
#define KGEX__W_MEMBER_LIST   KGEX__W(KGEX__WC_MEMBER_LIST)
#define KGEX__W_NONMEMBER     KGEX__W(KGEX__WC_NONMEMBER)
#define KGEX__W_OWNER_LINK    KGEX__W(KGEX__WC_OWNER_LINK)
#define KGEX__W_OWNER_SUFFIX  KGEX__W(KGEX__WC_OWNER_SUFFIX)
#define KGEX__W_TIME          KGEX__W(KGEX__WC_TIME)
#define KGEX__W_SUBORDINATOR  KGEX__W(KGEX__WC_SUBORDINATOR)
#define KGEX__W_CONJ          KGEX__W(KGEX__WC_CONJ)
#define KGEX__W_PARTICIPLE    KGEX__W(KGEX__WC_PARTICIPLE)
#define KGEX__W_JOIN          KGEX__W(KGEX__WC_JOIN)
#define KGEX__W_SPEECH_PREP   KGEX__W(KGEX__WC_SPEECH_PREP)
#define KGEX__W_FUTURE        KGEX__W(KGEX__WC_FUTURE)
#define KGEX__W_QUANTITY      KGEX__W(KGEX__WC_QUANTITY)
#define KGEX__W_FOUNDED       KGEX__W(KGEX__WC_FOUNDED)
#define KGEX__W_KNOWN_AS      KGEX__W(KGEX__WC_KNOWN_AS)
#define KGEX__W_VERB          KGEX__W(KGEX__WC_VERB)
#define KGEX__W_RESTRAINT     KGEX__W(KGEX__WC_RESTRAINT)
#define KGEX__W_COMBATANT     KGEX__W(KGEX__WC_COMBATANT)
#define KGEX__W_ANSWER        KGEX__W(KGEX__WC_ANSWER)
#define KGEX__W_SPEECH_DOC    KGEX__W(KGEX__WC_SPEECH_DOC)
#define KGEX__W_STATE_BODY    KGEX__W(KGEX__WC_STATE_BODY)
#define KGEX__W_NAME_PARTICLE KGEX__W(KGEX__WC_NAME_PARTICLE)
#define KGEX__W_APPROX        KGEX__W(KGEX__WC_APPROX)

/* Class names as the lexicon spells them ("determiner", "stand_for"). */
extern const char *const kgex__cue_names[KGEX__WC_COUNT];
/* The class called `name`, or -1. */
int kgex__cue_class(const char *name);

/* ------------------------------------------------------------- frames */

enum kgex__frame_el_type {
    KGEX__FE_WORD = 0, /* one of a set of words */
    KGEX__FE_SLOT,     /* a noun phrase that fills an argument: {src} or {dst} */
    KGEX__FE_CLASS,    /* a noun phrase whose head is of a cue class: <meeting> */
    KGEX__FE_SKIP,     /* "*": a few words of the same clause, skipped */
    KGEX__FE_NOT       /* "!class": the next word is not of that cue class (reads nothing) */
};

enum kgex__slot { KGEX__SLOT_NONE = 0, KGEX__SLOT_SRC, KGEX__SLOT_DST };

typedef struct kgex__frame_el {
    uint8_t type;
    uint8_t slot; /* FE_SLOT, and FE_CLASS written <class:src> or <class:dst> */
    uint8_t cls;  /* FE_CLASS: the cue class */
    uint8_t pad;
    uint32_t words; /* FE_WORD: offset of "w1\0w2\0\0" in the lexicon's frame pool */
} kgex__frame_el;

typedef struct kgex__frame {
    uint32_t first; /* index of its first element */
    uint32_t len;   /* 0: the trigger alone */
} kgex__frame;

#endif
