/*
 * arena.c - append-only string store (see arena.h).
 */
#include "arena.h"

#include <string.h>

#include "common.h"

#define BLOCK_MIN ((size_t)64 << 10)

struct kgex__arena_block {
    kgex__arena_block *next;
    size_t len, cap;
    char data[];
};

char *kgex__arena_strndup(kgex__arena *a, const char *s, size_t len)
{
    kgex__arena_block *b = a->head;
    char *out;

    if (len >= (size_t)-1 - sizeof(*b) - BLOCK_MIN)
        return NULL;
    if (!b || b->cap - b->len < len + 1) {
        size_t cap = len + 1 > BLOCK_MIN ? len + 1 : BLOCK_MIN;

        b = kgex__malloc(sizeof(*b) + cap);
        if (!b)
            return NULL;
        b->len = 0;
        b->cap = cap;
        if (a->head && cap > BLOCK_MIN) {
            /* a big string gets a block of its own behind the current one,
             * whose free room stays in use */
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    out = b->data + b->len;
    memcpy(out, s, len);
    out[len] = '\0';
    b->len += len + 1;
    a->bytes += len + 1;
    return out;
}

char *kgex__arena_strdup(kgex__arena *a, const char *s)
{
    return s ? kgex__arena_strndup(a, s, strlen(s)) : NULL;
}

void kgex__arena_reset(kgex__arena *a)
{
    kgex__arena_block *b, *next;

    if (!a->head)
        return;
    for (b = a->head->next; b; b = next) {
        next = b->next;
        kgex__free(b);
    }
    a->head->next = NULL;
    a->head->len = 0;
    a->bytes = 0;
}

void kgex__arena_free(kgex__arena *a)
{
    kgex__arena_block *b, *next;

    if (!a)
        return;
    for (b = a->head; b; b = next) {
        next = b->next;
        kgex__free(b);
    }
    a->head = NULL;
    a->bytes = 0;
}
