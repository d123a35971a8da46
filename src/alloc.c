/*
 * alloc.c - the allocation wrappers every library allocation goes through
 * (common.h).
 *
 * This file is compiled twice: into the shipped library as plain calls to
 * malloc and friends, and into the static test library with
 * KGEX_FAULT_INJECTION defined, which adds the hook of
 * tests/unit/test_oom.c (kgex__alloc_fail_after(): the k-th allocation
 * fails). The shipped library has neither the hook nor its state.
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"

#ifdef KGEX_FAULT_INJECTION
/* Fault injection for tests: -1 never fails; else the number of
 * allocations still allowed to succeed. */
static long alloc_budget = -1;
static long alloc_count;

void kgex__alloc_fail_after(long n)
{
    alloc_budget = n < 0 ? -1 : n;
    alloc_count = 0;
}

long kgex__alloc_count(void)
{
    return alloc_count;
}

static int alloc_fails(void)
{
    if (alloc_budget < 0)
        return 0; /* the usual case: no shared state written */
    alloc_count++;
    if (alloc_budget == 0)
        return 1;
    alloc_budget--;
    return 0;
}
#else
/* The shipped library: no hook, no state. */
#define alloc_fails() 0
#endif

void *kgex__malloc(size_t size)
{
    if (alloc_fails())
        return NULL;
    return malloc(size ? size : 1);
}

void *kgex__calloc(size_t n, size_t size)
{
    if (alloc_fails())
        return NULL;
    return calloc(n ? n : 1, size ? size : 1);
}

void *kgex__realloc(void *ptr, size_t size)
{
    if (alloc_fails())
        return NULL;
    return realloc(ptr, size ? size : 1);
}

void kgex__free(void *ptr)
{
    free(ptr);
}

char *kgex__strndup(const char *s, size_t len)
{
    char *copy = kgex__malloc(len + 1);

    if (!copy)
        return NULL;
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

char *kgex__strdup(const char *s)
{
    return s ? kgex__strndup(s, strlen(s)) : NULL;
}

int kgex__grow(void **items, size_t *cap, size_t need, size_t item_size)
{
    size_t ncap;
    void *p;

    if (need <= *cap)
        return KGEX_OK;
    ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > ((size_t)-1) / 2 / item_size)
            return KGEX_ENOMEM;
        ncap *= 2;
    }
    p = kgex__realloc(*items, ncap * item_size);
    if (!p)
        return KGEX_ENOMEM;
    *items = p;
    *cap = ncap;
    return KGEX_OK;
}
