/*
 * lexicon.h - the names kgex knows: states (names, adjectives, demonyms,
 * capitals, seats of government), organizations (names, acronyms), the
 * titles and ranks that mark officials, and the trigger words of each
 * relation. The default lexicon is compiled into the library; users add
 * JSON files in the same format (schemas/lexicon.schema.json).
 */
#ifndef KGEX_LEXICON_H
#define KGEX_LEXICON_H

#include <stddef.h>

#include "common.h"
#include "errors.h"

typedef struct kgex_lexicon kgex_lexicon;

/* An empty lexicon; caller frees with kgex_lexicon_free(). */
KGEX_EXTERN int kgex_lexicon_new(kgex_lexicon **out);
/* The default lexicon compiled into the library. */
KGEX_EXTERN int kgex_lexicon_new_default(kgex_lexicon **out, kgex_error *err);
KGEX_EXTERN void kgex_lexicon_free(kgex_lexicon *lex);

/* Add the entries of a lexicon JSON document (`source` names it in errors).
 * An id already in the lexicon from an earlier file extends that entry with
 * the new names; the same id twice in one document is an error. On error
 * (KGEX_EPARSE with line/column or the field path) nothing is added. */
KGEX_EXTERN int kgex_lexicon_add_json(kgex_lexicon *lex, const char *json, size_t len,
                                      const char *source, kgex_error *err);
/* Same, read from a file. */
KGEX_EXTERN int kgex_lexicon_add_file(kgex_lexicon *lex, const char *path, kgex_error *err);

/* Counts of entries, for summaries. */
KGEX_EXTERN size_t kgex_lexicon_entity_count(const kgex_lexicon *lex);
KGEX_EXTERN size_t kgex_lexicon_title_count(const kgex_lexicon *lex);
KGEX_EXTERN size_t kgex_lexicon_trigger_count(const kgex_lexicon *lex);

#endif
