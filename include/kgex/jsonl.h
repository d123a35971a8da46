/*
 * jsonl.h - documents from JSON Lines, the usual shape of news dumps: one
 * JSON object per line, such as
 *   {"id": "afp-2024-0312-017", "url": "https://...", "date": "2024-03-12",
 *    "text": "YEREVAN, March 12 (AFP) - ..."}
 *
 * "text" (a string) is required; "id" (a string or an integer), "url" and
 * "date" (strings) are optional, and other members are ignored. The
 * document's name, used in provenance and in the ids and IRIs built from
 * it, is its "id", else its "url", else none (the caller names it, e.g.
 * FILE:LINE). "date" is the publication date: "YYYY-MM-DD", or an ISO 8601
 * date-time whose first ten characters are one; any other date is left
 * out with a warning, and the document is still read.
 *
 * The text is given as it is in the JSON string (valid UTF-8, which JSON
 * requires; "\u0000" is kept as a NUL byte): pass it through
 * kgex_document_load_buffer() (input.h) to get clean text for extraction.
 *
 * Lines are parsed one at a time, so a caller may split a file into lines
 * and parse them on several threads: every function here is thread-safe
 * on distinct records.
 */
#ifndef KGEX_JSONL_H
#define KGEX_JSONL_H

#include <stddef.h>

#include "common.h"
#include "errors.h"

typedef struct kgex_jsonl_doc kgex_jsonl_doc;

/* Parse one line (`len` bytes, without its line end; may hold a trailing
 * CR). Errors: KGEX_EPARSE with the column and the reason (not JSON, not
 * an object, no "text" string, a member of the wrong type; an empty or
 * blank line too), KGEX_ENOMEM. Caller frees with kgex_jsonl_free(). */
KGEX_EXTERN int kgex_jsonl_parse(kgex_jsonl_doc **out, const char *line, size_t len,
                                 kgex_error *err);
KGEX_EXTERN void kgex_jsonl_free(kgex_jsonl_doc *d);

/* Borrowed, valid until `d` is freed; NULL when the member is absent. */
KGEX_EXTERN const char *kgex_jsonl_id(const kgex_jsonl_doc *d);
KGEX_EXTERN const char *kgex_jsonl_url(const kgex_jsonl_doc *d);
/* "id", else "url", else NULL. */
KGEX_EXTERN const char *kgex_jsonl_name(const kgex_jsonl_doc *d);
/* "YYYY-MM-DD", or NULL when absent or not a date (see the warning). */
KGEX_EXTERN const char *kgex_jsonl_date(const kgex_jsonl_doc *d);
/* The text and its length in bytes (it may hold NUL bytes). */
KGEX_EXTERN const char *kgex_jsonl_text(const kgex_jsonl_doc *d, size_t *len_out);
/* Why something was left out ("date 'Tuesday' is not a date, left out"),
 * or NULL. */
KGEX_EXTERN const char *kgex_jsonl_warning(const kgex_jsonl_doc *d);

#endif
