/*
 * common.h - what every library file shares: allocation wrappers, the
 * error-setting helper and argument checks. Private to the library.
 */
#ifndef KGEX_SRC_COMMON_H
#define KGEX_SRC_COMMON_H

#include <stddef.h>

#include "kgex/errors.h"

/* All library allocations go through these so that tests can make the
 * k-th allocation fail. */
void *kgex__malloc(size_t size);
void *kgex__calloc(size_t n, size_t size);
void *kgex__realloc(void *ptr, size_t size);
void kgex__free(void *ptr);
char *kgex__strdup(const char *s);
char *kgex__strndup(const char *s, size_t len);

/* Test hook (tests/unit/test_oom.c), only in the test library (alloc.c
 * compiled with KGEX_FAULT_INJECTION; the shipped library does not define
 * it): after `n` more successful allocations through the wrappers above,
 * every one fails (returns NULL) until the hook is reset with a negative
 * `n` (the default: never fail). Not thread-safe; costs one compare per
 * allocation. */
void kgex__alloc_fail_after(long n);
/* Allocations made through the wrappers since the last
 * kgex__alloc_fail_after() call with n >= 0 (counted only while armed). */
long kgex__alloc_count(void);

/* Fill `err` (if not NULL) with code and printf-style message; returns code. */
int kgex__error_set(kgex_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Like kgex__error_set, with a source name, line and column. */
int kgex__error_at(kgex_error *err, int code, const char *source, int line, int column,
                   const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#define KGEX_ASSERT_ARG(cond, err)                                                                 \
    do {                                                                                           \
        if (!(cond))                                                                               \
            return kgex__error_set((err), KGEX_EINVAL, "invalid argument: %s", #cond);             \
    } while (0)

/* Growable array helper: make room for `need` items in *items of *cap. */
int kgex__grow(void **items, size_t *cap, size_t need, size_t item_size);

#endif
