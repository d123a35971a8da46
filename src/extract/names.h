/*
 * names.h - comparing person names: a misspelt first name or surname
 * ("Stantilav" for "Stanislav", "Zakharove" for "Zakharova") is still the
 * same name.
 */
#ifndef KGEX_EXTRACT_NAMES_H
#define KGEX_EXTRACT_NAMES_H

/* Edit distance between a and b, capped: 0, 1, 2, or 3 for "more". */
int kgex__name_edits(const char *a, const char *b);

/* Same first name: equal, or within one edit (4+ letters) or two edits
 * (6+ letters). Empty names match nothing here. */
int kgex__same_first_name(const char *a, const char *b);

/* Same surname: equal, or within one edit when both have 6+ letters. */
int kgex__same_surname(const char *a, const char *b);

#endif
