/*
 * errors.c - error codes, the error record, and the allocation wrappers.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "kgex/common.h"

const char *kgex_version(void)
{
    return KGEX_VERSION;
}

const char *kgex_strerror(int code)
{
    switch (code) {
        case KGEX_OK:
            return "success";
        case KGEX_ENOMEM:
            return "out of memory";
        case KGEX_EINVAL:
            return "invalid argument";
        case KGEX_EIO:
            return "input/output error";
        case KGEX_EPARSE:
            return "malformed input";
        case KGEX_ENOTFOUND:
            return "not found";
        case KGEX_ELIMIT:
            return "input too large";
        default:
            return "internal error";
    }
}

void kgex_error_clear(kgex_error *err)
{
    if (err)
        memset(err, 0, sizeof(*err));
}

static void error_vset(kgex_error *err, int code, const char *source, int line, int column,
                       const char *fmt, va_list ap)
{
    err->code = code;
    snprintf(err->source, sizeof(err->source), "%s", source ? source : "");
    err->line = line;
    err->column = column;
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
}

int kgex__error_set(kgex_error *err, int code, const char *fmt, ...)
{
    va_list ap;

    if (!err)
        return code;
    va_start(ap, fmt);
    error_vset(err, code, NULL, 0, 0, fmt, ap);
    va_end(ap);
    return code;
}

int kgex__error_at(kgex_error *err, int code, const char *source, int line, int column,
                   const char *fmt, ...)
{
    va_list ap;

    if (!err)
        return code;
    va_start(ap, fmt);
    error_vset(err, code, source, line, column, fmt, ap);
    va_end(ap);
    return code;
}

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
