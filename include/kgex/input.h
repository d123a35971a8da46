/*
 * input.h - reading one document (a text file or an HTML page) into clean
 * UTF-8 text for the extractor.
 *
 * Whatever the bytes, a loaded document's text is valid UTF-8 with LF line
 * ends and no NUL byte:
 *   - a UTF-8 byte order mark is removed;
 *   - UTF-16 LE or BE with a byte order mark is converted to UTF-8;
 *   - CRLF and lone CR line ends become LF;
 *   - each invalid UTF-8 sequence (and each unpaired UTF-16 surrogate)
 *     becomes U+FFFD, and the document records a warning that gives the
 *     byte offset (in the file) of the first one and how many there were;
 *   - an empty file is a valid empty document.
 * A file with a NUL byte in its first 8 KiB, or with more than 30% control
 * bytes there, is refused as binary (KGEX_EPARSE); a NUL byte later on is
 * replaced like an invalid sequence. A file over the size cap is refused
 * with KGEX_ELIMIT before it is read.
 *
 * HTML (KGEX_INPUT_HTML, or KGEX_INPUT_AUTO and a name ending in .html or
 * .htm) is parsed with libxml2's HTML parser. The text is the title and the
 * headings, paragraphs, list items and block quotes, one block per line;
 * scripts, styles, navigation, headers, footers, asides, forms and
 * noscript are dropped. The title and the publication date (<meta
 * property="article:published_time">, <meta name="date"> and similar, or
 * the first <time datetime>) are kept on the document.
 *
 * Character offsets that the extractor records in provenance refer to the
 * text of the document as returned by kgex_document_text(): after line end
 * normalization, and for HTML to the extracted text.
 */
#ifndef KGEX_INPUT_H
#define KGEX_INPUT_H

#include <stddef.h>

#include "common.h"
#include "errors.h"

typedef enum kgex_input_format {
    KGEX_INPUT_AUTO = 0, /* HTML when the name ends in .html or .htm, else text */
    KGEX_INPUT_TEXT,
    KGEX_INPUT_HTML
} kgex_input_format;

/* Default size cap: 1 GiB. */
#define KGEX_INPUT_DEFAULT_MAX_SIZE ((size_t)1 << 30)

typedef struct kgex_input_options {
    int version;
    kgex_input_format format;
    /* Largest input accepted, in bytes; 0 means KGEX_INPUT_DEFAULT_MAX_SIZE. */
    size_t max_size;
} kgex_input_options;

#define KGEX_INPUT_OPTIONS_VERSION 1
#define KGEX_INPUT_OPTIONS_INIT                                                                    \
    {                                                                                              \
        KGEX_INPUT_OPTIONS_VERSION, KGEX_INPUT_AUTO, 0                                             \
    }

/* What was found in the input bytes (kgex_document_flags). */
enum {
    KGEX_DOC_BOM = 1 << 0,          /* a UTF-8 byte order mark was removed */
    KGEX_DOC_UTF16LE = 1 << 1,      /* converted from UTF-16 LE */
    KGEX_DOC_UTF16BE = 1 << 2,      /* converted from UTF-16 BE */
    KGEX_DOC_CRLF = 1 << 3,         /* CRLF or lone CR line ends were normalized */
    KGEX_DOC_INVALID_UTF8 = 1 << 4, /* invalid sequences were replaced by U+FFFD */
    KGEX_DOC_NUL = 1 << 5,          /* NUL bytes (after the first 8 KiB) were replaced */
    KGEX_DOC_HTML = 1 << 6          /* parsed as HTML */
};

typedef struct kgex_document kgex_document;

/* Load the file at `path` ("-" reads standard input). `opts` may be NULL.
 * Errors: KGEX_EIO (cannot open or read; the message gives the reason),
 * KGEX_EPARSE ("binary file ..."), KGEX_ELIMIT (over the size cap),
 * KGEX_ENOMEM. `err->source` is the path. Caller frees with
 * kgex_document_free(). */
KGEX_EXTERN int kgex_document_load_file(kgex_document **out, const char *path,
                                        const kgex_input_options *opts, kgex_error *err);

/* Same, from `len` bytes at `data` (copied). `name` (may be NULL) is used
 * in messages and, with KGEX_INPUT_AUTO, to tell HTML by its extension. */
KGEX_EXTERN int kgex_document_load_buffer(kgex_document **out, const char *data, size_t len,
                                          const char *name, const kgex_input_options *opts,
                                          kgex_error *err);

KGEX_EXTERN void kgex_document_free(kgex_document *doc);

/* The text: valid UTF-8, NUL-terminated, `kgex_document_len()` bytes.
 * Borrowed, valid until `doc` is freed. */
KGEX_EXTERN const char *kgex_document_text(const kgex_document *doc);
KGEX_EXTERN size_t kgex_document_len(const kgex_document *doc);

/* HTML only: the page title and the publication date ("YYYY-MM-DD"), or
 * NULL when there is none. Borrowed, valid until `doc` is freed. */
KGEX_EXTERN const char *kgex_document_title(const kgex_document *doc);
KGEX_EXTERN const char *kgex_document_date(const kgex_document *doc);

/* KGEX_DOC_* bits. */
KGEX_EXTERN unsigned kgex_document_flags(const kgex_document *doc);

/* Number of invalid UTF-8 sequences (and unpaired surrogates and late NUL
 * bytes) replaced by U+FFFD; *first_out (may be NULL) receives the byte
 * offset in the input of the first one. */
KGEX_EXTERN size_t kgex_document_invalid(const kgex_document *doc, size_t *first_out);

/* Warnings: one-line messages such as "invalid UTF-8 at byte offset 12
 * (3 sequences replaced by U+FFFD)". Borrowed, valid until `doc` is freed;
 * NULL when `i` is out of range. */
KGEX_EXTERN size_t kgex_document_warning_count(const kgex_document *doc);
KGEX_EXTERN const char *kgex_document_warning(const kgex_document *doc, size_t i);

#endif
