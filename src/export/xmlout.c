/*
 * xmlout.c - what the XML writers share (see xmlout.h).
 */
#include "export/xmlout.h"

#include <errno.h>

#include "common.h"
#include "kgex/analytics.h"

static void quiet_error(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

int kgex__xmlout_open(kgex__xmlout *x, const kgex_graph *graph, FILE *fp)
{
    xmlOutputBufferPtr out;

    x->w = NULL;
    x->graph = graph;
    x->metrics = kgex_graph_has_metrics(graph);
    x->buf.ptr = NULL;
    x->buf.len = 0;
    x->buf.cap = 0;
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
    if (xmlTextWriterSetIndent(x->w, 1) < 0 || xmlTextWriterSetIndentString(x->w, XC("  ")) < 0)
        return KGEX_ENOMEM;
    return KGEX_OK;
}

int kgex__xmlout_close(kgex__xmlout *x, FILE *fp, int error, int *saved)
{
    if (error == KGEX_EIO || ferror(fp))
        *saved = errno;
    xmlFreeTextWriter(x->w); /* also closes the output buffer, which leaves fp open */
    x->w = NULL;
    kgex__escape_buf_free(&x->buf);
    if (error == KGEX_OK && (fflush(fp) != 0 || ferror(fp))) {
        *saved = errno;
        error = KGEX_EIO;
    }
    xmlSetStructuredErrorFunc(x->old_structured_ctx, x->old_structured);
    xmlSetGenericErrorFunc(x->old_generic_ctx, x->old_generic);
    return error;
}

int kgex__xmlout_attr(kgex__xmlout *x, const char *name, const char *value)
{
    int error = KGEX_OK;

    if (!value)
        goto done;
    CHECK(kgex__escape_buf_reset(&x->buf));
    CHECK(kgex__escape_text(&x->buf, value));
    XW(xmlTextWriterWriteAttribute(x->w, XC(name), XC(x->buf.ptr)));
done:
    return error;
}

int kgex__xmlout_orders(const kgex__xmlout *x, size_t **nodes_out, size_t **edges_out)
{
    int error;

    *edges_out = NULL;
    error = kgex_graph_node_order(x->graph, nodes_out);
    if (error < 0)
        return error;
    error = kgex_graph_edge_order(x->graph, edges_out);
    if (error < 0) {
        kgex__free(*nodes_out);
        *nodes_out = NULL;
    }
    return error;
}
