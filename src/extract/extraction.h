/*
 * extraction.h (private) - what one document gave, before it is added to a
 * graph (kgex_extraction in kgex/extract.h).
 *
 * Extraction reads a document into this record without touching the graph,
 * so that documents can be read on several threads (or in several
 * processes, see shard.c) and merged into one graph later, in input order,
 * with the same result as reading them one after another. What can only be
 * decided against the graph is left open here: the id of an official
 * (looked up by name among the people already known) and therefore the ids
 * and titles of statements, and which names become aliases.
 *
 * A long document comes in pieces (extract.c); entity indexes are local
 * to their piece. All strings live in the record's arena.
 */
#ifndef KGEX_EXTRACT_EXTRACTION_H
#define KGEX_EXTRACT_EXTRACTION_H

#include <stddef.h>

#include "arena.h"
#include "kgex/extract.h"

/* Where something was read, in the record's document. */
typedef struct kgex__span {
    size_t sentence;
    size_t start, end; /* characters */
} kgex__span;

/* An entity of the document that goes into the graph. */
typedef struct kgex__xent {
    kgex_kind kind;
    const char *id; /* NULL for an official: identified by name when merged */
    const char *label;
    const char *role, *iso3, *wikidata; /* may be NULL */
    const char *first, *last;           /* officials: lowercased name words */
    size_t alias, alias_len;            /* other names: rec->alias[alias ...] */
} kgex__xent;

/* A mention of entity `ent`, or an actor a statement is about. */
typedef struct kgex__xmention {
    size_t ent;
    kgex__span at;
} kgex__xmention;

/* A relation between two entities, or a statement (rel KGEX_REL_STATED):
 * the event with its quote, `stated` from `src`, and `about` each of
 * rec->about[about ...] that is not the speaker. */
typedef struct kgex__xrel {
    kgex_relation rel;
    size_t src, dst;                 /* dst: not for a statement */
    const char *role, *cameo, *date; /* may be NULL */
    kgex__span at;                   /* the evidence */
    const char *quote;               /* statements */
    kgex__span event_at;             /* statements: quote and evidence */
    size_t about, about_len;
} kgex__xrel;

typedef struct kgex__xpiece {
    size_t sentences;
    size_t ent, ent_len; /* rec->ent[ent ...] */
    size_t men, men_len;
    size_t rel, rel_len;
} kgex__xpiece;

struct kgex_extraction {
    char *doc;
    char date[16]; /* the document's date (--date, or its dateline), "" when none */
    kgex__xpiece *piece;
    size_t piece_len, piece_cap;
    kgex__xent *ent;
    size_t ent_len, ent_cap;
    const char **alias;
    size_t alias_len, alias_cap;
    kgex__xmention *men;
    size_t men_len, men_cap;
    kgex__xrel *rel;
    size_t rel_len, rel_cap;
    kgex__xmention *about;
    size_t about_len, about_cap;
    kgex__arena strings;
};

/* A new empty record for document `doc` (copied). */
int kgex__extraction_new(kgex_extraction **out, const char *doc);
/* Forget all pieces (keeps the document name and the memory). */
void kgex__extraction_clear(kgex_extraction *rec);

/* Start a new piece; the entities, mentions and relations added next
 * belong to it. */
int kgex__extraction_piece(kgex_extraction *rec);
/* Append to the current piece; strings are copied. *index_out (may be
 * NULL) is the new entity's index in its piece. */
int kgex__extraction_entity(kgex_extraction *rec, const kgex__xent *ent, size_t *index_out);
int kgex__extraction_alias(kgex_extraction *rec, const char *alias);
int kgex__extraction_mention(kgex_extraction *rec, size_t ent, const kgex__span *at);
/* rel->quote is ignored: a statement's quote is quote[0, quote_len). */
int kgex__extraction_relation(kgex_extraction *rec, const kgex__xrel *rel, const char *quote,
                              size_t quote_len);
int kgex__extraction_about(kgex_extraction *rec, size_t ent, const kgex__span *at);

#endif
