/*
 * escape.h - string preparation shared by the GraphML and JSON-LD writers:
 * a growable byte buffer, a scrub that leaves only text both XML 1.0 and
 * JSON accept, IRI percent-encoding, GraphML (xs:NMTOKEN) node ids and the
 * "DOC#SENTENCE:START-END" provenance notation. Private to the library;
 * it never changes the graph, only what is written.
 */
#ifndef KGEX_EXPORT_ESCAPE_H
#define KGEX_EXPORT_ESCAPE_H

#include <stddef.h>

#include "kgex/graph.h"

/* Bytes in ptr[0..len), always NUL-terminated once anything was added.
 * Start as `kgex__escape_buf b = {0};`, free with kgex__escape_buf_free(). */
typedef struct kgex__escape_buf {
    char *ptr;
    size_t len;
    size_t cap;
} kgex__escape_buf;

void kgex__escape_buf_free(kgex__escape_buf *buf);
/* Empty the buffer (keeps its memory); ptr is "" afterwards. */
int kgex__escape_buf_reset(kgex__escape_buf *buf);
int kgex__escape_buf_put(kgex__escape_buf *buf, const char *s, size_t len);
int kgex__escape_buf_puts(kgex__escape_buf *buf, const char *s);

/* Append `s` as valid UTF-8 holding only XML 1.0 characters: each invalid
 * byte (bad sequence, overlong form, surrogate, > U+10FFFF) becomes U+FFFD;
 * C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF, are dropped. */
int kgex__escape_text(kgex__escape_buf *buf, const char *s);

/* Append `s` for an IRI path: bytes outside the unreserved set
 * (ALPHA DIGIT - . _ ~) and "/" are percent-encoded (%HH, upper case), and
 * so are the dots of a "." or ".." segment, which IRI resolution removes. */
int kgex__escape_iri(kgex__escape_buf *buf, const char *s);

/* Append `s` as an xs:NMTOKEN, reversibly: "/" becomes ":", bytes in
 * [A-Za-z0-9.-] stay, every other byte (":" and "_" included) becomes
 * "_HH". So "state/ARM" is "state:ARM". */
int kgex__escape_nmtoken(kgex__escape_buf *buf, const char *s);

/* Append "DOC#SENTENCE:START-END": DOC scrubbed as by kgex__escape_text,
 * with "%" and white space percent-encoded so records can be joined with
 * spaces; a NULL doc is written as "". */
int kgex__escape_provenance(kgex__escape_buf *buf, const kgex_provenance *prov);

/* Append the provenance records joined by spaces, each as by
 * kgex__escape_provenance(). */
int kgex__escape_provenance_list(kgex__escape_buf *buf, const kgex_provenance *prov, size_t len);

/* Append items[0..len) scrubbed as by kgex__escape_text, joined by `sep`. */
int kgex__escape_join(kgex__escape_buf *buf, char *const *items, size_t len, const char *sep);

#endif
