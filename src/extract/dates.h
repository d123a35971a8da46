/*
 * dates.h - dates written in news text, normalized to ISO 8601.
 *
 * "December 29 of 2016" -> 2016-12-29, "10 June, 2022" -> 2022-06-10,
 * "in May 2021" -> 2021-05, "in 2009" -> 2009, "on Tuesday" -> the last
 * Tuesday on or before the document date. A day and month without a year
 * take the document's year, else the last year the text named, else come
 * out as "--MM-DD".
 */
#ifndef KGEX_EXTRACT_DATES_H
#define KGEX_EXTRACT_DATES_H

#include <stddef.h>

#include "text/tokenize.h"

typedef struct kgex__date_ctx {
    int doc_y, doc_m, doc_d; /* document date; doc_y 0 when unknown */
    int last_year;           /* last explicit year seen in the text; 0 none */
} kgex__date_ctx;

/* Parse "YYYY-MM-DD" into ctx's document date; -1 if malformed. */
int kgex__date_ctx_init(kgex__date_ctx *ctx, const char *iso);

/* Find the first date in tokens [b, e); write it to out (ISO 8601) and
 * return 1, or return 0. Every explicit year in the span updates
 * ctx->last_year. */
int kgex__date_find(const kgex__tokens *t, size_t b, size_t e, kgex__date_ctx *ctx, char out[16]);

#endif
