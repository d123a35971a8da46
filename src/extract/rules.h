/*
 * rules.h - what the relation rules share: one use of a trigger word (an
 * event) with the arguments read for it, the frame matcher, and the entry
 * point of each relation's file in rules/.
 *
 * rules.c walks the sentences of a document, finds each trigger's use
 * (verb or noun), reads its frame and hands the event to the file of its
 * relation; constructions that need no trigger word (lists of members,
 * "according to X") are per-sentence passes of those files. Where is
 * appealed_to found? In rules/appealed_to.c, and nowhere else.
 */
#ifndef KGEX_EXTRACT_RULES_H
#define KGEX_EXTRACT_RULES_H

#include <stddef.h>

#include "extract/doc.h"
#include "extract/phrase.h"

#define KGEX__ARGS_MAX 16

/* One use of a trigger word in the text. */
typedef struct kgex__event {
    size_t i, e;             /* the trigger's tokens */
    const kgex__trigger *tr; /* its lexicon entry */
    int noun;                /* used as a noun */
    kgex__vg vg;             /* verbs: the verb group */
    int src[KGEX__ARGS_MAX]; /* arguments read by the frame */
    size_t nsrc;
    int dst[KGEX__ARGS_MAX];
    size_t ndst;
    size_t end;  /* first token after what the frame read */
    int framed;  /* a frame matched (or the trigger has none) */
    int meeting; /* the frame read a meeting noun with no owner named */
} kgex__event;

/* Append entities to an argument list, each once. */
void kgex__args_add(int *list, size_t *n, const int *ents, size_t count);

/* Try the trigger's frames after its last token: the first that matches
 * fills ev->src/dst/end and sets ev->framed. A trigger without frames
 * matches with nothing read. Returns ev->framed. */
int kgex__frame_match(const kgex__doc *d, kgex__event *ev);

/* The state or organization an actor acts for: an official's employer
 * (the affiliation read with the name), else the actor itself. */
int kgex__acts_for(const kgex__doc *d, int ent);

/* An attack read in half: an agent with no target or a target with no
 * agent ("Armenia's territory was attacked in July, when Azerbaijan
 * launched an offensive"); the halves of a sentence are joined. */
typedef struct kgex__half {
    int agent, target; /* one of them -1 */
    size_t b, e;
    const char *cameo;
} kgex__half;

/* rules/<relation>.c: one event of the relation's triggers. */
int kgex__rule_attacked(kgex__doc *d, kgex__event *ev, kgex__half *half);
int kgex__rule_appealed_to(kgex__doc *d, kgex__event *ev);
int kgex__rule_stated(kgex__doc *d, kgex__event *ev);
int kgex__rule_member_of(kgex__doc *d, kgex__event *ev);

/* Per-sentence constructions without a trigger word. */
int kgex__member_of_sentence(kgex__doc *d, size_t s);
int kgex__stated_sentence(kgex__doc *d, size_t s);
/* Join the halves of a sentence's attacks. */
int kgex__attacked_join(kgex__doc *d, const kgex__half *h, size_t n);
/* official_of from the affiliations found with the officials. */
int kgex__official_of_doc(kgex__doc *d);

#endif
