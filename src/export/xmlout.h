/*
 * xmlout.h - what the XML writers (GraphML, GEXF) share: a libxml2 text
 * writer on a stdio stream with the graph being written and a scratch
 * buffer, the XC/XW macros around xmlTextWriter calls, and the helpers
 * both formats use. libxml2's own error printing is silenced while a
 * writer is open (the library never prints), and closing checks the
 * stream. Private to the library.
 */
#ifndef KGEX_EXPORT_XMLOUT_H
#define KGEX_EXPORT_XMLOUT_H

#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>

#include "export/escape.h"
#include "export/writer.h"
#include "kgex/graph.h"

typedef struct kgex__xmlout {
    xmlTextWriterPtr w; /* NULL when opening failed */
    const kgex_graph *graph;
    int metrics;          /* the graph has analytics: write them */
    kgex__escape_buf buf; /* scratch: scrubbed text */
    xmlGenericErrorFunc old_generic;
    void *old_generic_ctx;
    xmlStructuredErrorFunc old_structured;
    void *old_structured_ctx;
} kgex__xmlout;

#define XC(s) ((const xmlChar *)(s))
/* An xmlTextWriter call: < 0 is a write error (KGEX_EIO), jump to done. */
#define XW(call)                                                                                   \
    do {                                                                                           \
        if ((call) < 0) {                                                                          \
            error = KGEX_EIO;                                                                      \
            goto done;                                                                             \
        }                                                                                          \
    } while (0)

/* Silence libxml2's messages and open a writer for `graph` on fp (which
 * stays the caller's), indenting by two spaces. KGEX_ENOMEM on failure;
 * kgex__xmlout_close() must follow either way. */
int kgex__xmlout_open(kgex__xmlout *x, const kgex_graph *graph, FILE *fp);

/* Free the writer and the buffer (fp stays open), restore libxml2's
 * handlers, and check fp: returns `error`, or KGEX_EIO when writing to fp
 * failed; *saved gets the errno of a write failure. */
int kgex__xmlout_close(kgex__xmlout *x, FILE *fp, int error, int *saved);

/* Attribute `name` = `value` scrubbed (escape.h); nothing for NULL. */
int kgex__xmlout_attr(kgex__xmlout *x, const char *name, const char *value);

/* The node and edge index orders every writer uses (graph.h), both or
 * neither: on error nothing is allocated. Free with kgex__free(). */
int kgex__xmlout_orders(const kgex__xmlout *x, size_t **nodes_out, size_t **edges_out);

#endif
