/*
 * xmlout.c - a libxml2 text writer on a stdio stream (see xmlout.h).
 */
#include "export/xmlout.h"

#include <errno.h>

#include "common.h"

static void quiet_error(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

int kgex__xmlout_open(kgex__xmlout *x, FILE *fp)
{
    xmlOutputBufferPtr out;

    x->w = NULL;
    x->old_generic = xmlGenericError;
    x->old_generic_ctx = xmlGenericErrorContext;
    x->old_structured = xmlStructuredError;
    x->old_structured_ctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, quiet_error);
    xmlSetStructuredErrorFunc(NULL, NULL);
    errno = 0;
    out = xmlOutputBufferCreateFile(fp, NULL);
    if (!out)
        return KGEX_ENOMEM;
    x->w = xmlNewTextWriter(out);
    if (!x->w) {
        xmlOutputBufferClose(out);
        return KGEX_ENOMEM;
    }
    return KGEX_OK;
}

int kgex__xmlout_close(kgex__xmlout *x, FILE *fp, int error, int *saved)
{
    if (error == KGEX_EIO || ferror(fp))
        *saved = errno;
    xmlFreeTextWriter(x->w); /* also closes the output buffer, which leaves fp open */
    x->w = NULL;
    if (error == KGEX_OK && (fflush(fp) != 0 || ferror(fp))) {
        *saved = errno;
        error = KGEX_EIO;
    }
    xmlSetStructuredErrorFunc(x->old_structured_ctx, x->old_structured);
    xmlSetGenericErrorFunc(x->old_generic_ctx, x->old_generic);
    return error;
}
