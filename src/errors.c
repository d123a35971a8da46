/*
 * errors.c - error codes and the error record. The allocation wrappers
 * are in alloc.c.
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
    size_t len = source ? strlen(source) : 0;

    err->code = code;
    /* a source too long for the record keeps its end, which names the
     * file: "...dir/file.txt" */
    if (len < sizeof(err->source))
        snprintf(err->source, sizeof(err->source), "%s", source ? source : "");
    else
        snprintf(err->source, sizeof(err->source), "...%s",
                 source + len - (sizeof(err->source) - 4));
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
