/*
 * names.h - comparing person names: a misspelt first name or surname
 * ("Stantilav" for "Stanislav", "Zakharove" for "Zakharova") is still the
 * same name; and the registry of the people already put in the graph, so
 * that a person named in several documents is one node.
 */
#ifndef KGEX_EXTRACT_NAMES_H
#define KGEX_EXTRACT_NAMES_H

#include <stddef.h>

/* Edit distance between a and b, capped: 0, 1, 2, or 3 for "more". */
int kgex__name_edits(const char *a, const char *b);

/* Same first name: equal, or within one edit (4+ letters) or two edits
 * (6+ letters). Empty names match nothing here. */
int kgex__same_first_name(const char *a, const char *b);

/* Same surname: equal, or within one edit when both have 6+ letters. */
int kgex__same_surname(const char *a, const char *b);

/*
 * The people known so far, each with a graph id and lowercased first and
 * last name ("" when only a surname was read). A name is the same person
 * as the first known one (in the order they were added) with
 *   - the same surname, and a first name that kgex__same_first_name()
 *     accepts or that is missing on either side; or
 *   - a surname within one edit (kgex__same_surname()) and exactly the
 *     same, non-empty, first name.
 * Lookups are indexed, not a scan of everyone: by surname, and by first
 * name together with each one-byte deletion of the surname (two surnames
 * one edit apart share such a key), so a lookup costs about the number of
 * people who share the surname or the keys, whatever the number of people.
 * Not thread-safe: one registry per extractor, used by the thread that
 * merges documents into the graph.
 */
typedef struct kgex__people kgex__people;

int kgex__people_new(kgex__people **out);
void kgex__people_free(kgex__people *pp);

/* Index of the known person `first` `last` is the same as, or -1. */
long kgex__people_find(const kgex__people *pp, const char *first, const char *last);

/* Add a person (copies the strings); *index_out (may be NULL) receives its
 * index. KGEX_ENOMEM, or KGEX_ELIMIT past 2^32 - 2 keys. */
int kgex__people_add(kgex__people *pp, const char *id, const char *first, const char *last,
                     size_t *index_out);

/* Graph id of person `i`; borrowed, valid until the registry is freed. */
const char *kgex__people_id(const kgex__people *pp, size_t i);

#endif
