/*
 * xmlout.h - a libxml2 text writer on a stdio stream, shared by the XML
 * writers (GraphML, GEXF): libxml2's own error printing is silenced while
 * it runs (the library never prints), and closing checks the stream.
 */
#ifndef KGEX_EXPORT_XMLOUT_H
#define KGEX_EXPORT_XMLOUT_H

#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>

typedef struct kgex__xmlout {
    xmlTextWriterPtr w; /* NULL when opening failed */
    xmlGenericErrorFunc old_generic;
    void *old_generic_ctx;
    xmlStructuredErrorFunc old_structured;
    void *old_structured_ctx;
} kgex__xmlout;

/* Silence libxml2's messages and open a writer on fp (which stays the
 * caller's). KGEX_ENOMEM on failure; kgex__xmlout_close() must follow
 * either way. */
int kgex__xmlout_open(kgex__xmlout *x, FILE *fp);

/* Free the writer (fp stays open), restore libxml2's handlers, and check
 * fp: returns `error`, or KGEX_EIO when writing to fp failed; *saved gets
 * the errno of a write failure. */
int kgex__xmlout_close(kgex__xmlout *x, FILE *fp, int error, int *saved);

#endif
