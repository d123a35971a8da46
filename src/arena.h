/*
 * arena.h - an append-only store of strings, freed all at once.
 *
 * Strings are copied into blocks of at least 64 KiB, so a record that
 * holds thousands of short strings costs a handful of allocations and one
 * free. Private to the library; not thread-safe (one owner at a time).
 */
#ifndef KGEX_SRC_ARENA_H
#define KGEX_SRC_ARENA_H

#include <stddef.h>

typedef struct kgex__arena_block kgex__arena_block;

/* An empty arena needs no allocation: `kgex__arena a = {0};`. */
typedef struct kgex__arena {
    kgex__arena_block *head; /* newest block first */
    size_t bytes;            /* bytes stored, for accounting */
} kgex__arena;

/* A NUL-terminated copy of s[0, len) in the arena; NULL when out of
 * memory. Valid until the arena is reset or freed. */
char *kgex__arena_strndup(kgex__arena *a, const char *s, size_t len);
/* Same for a NUL-terminated string; NULL stays NULL (and is no error). */
char *kgex__arena_strdup(kgex__arena *a, const char *s);

/* Forget every string but keep the newest block for reuse. */
void kgex__arena_reset(kgex__arena *a);
void kgex__arena_free(kgex__arena *a);

#endif
