/*
 * slug.h - the slug of a name used in graph ids ("person/vladimir-putin"):
 * ASCII letters and digits lowercased, '-' between words, apostrophes and
 * periods dropped, other bytes as two hex digits.
 */
#ifndef KGEX_EXTRACT_SLUG_H
#define KGEX_EXTRACT_SLUG_H

#include <stddef.h>

void kgex__slugify(const char *s, char *out, size_t cap);

#endif
