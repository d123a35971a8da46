/*
 * dates.h - dates written in news text, normalized to ISO 8601.
 *
 * "December 29 of 2016" -> 2016-12-29, "10 June, 2022" -> 2022-06-10,
 * "in May 2021" -> 2021-05, "in 2009" -> 2009, "on Tuesday" -> the last
 * Tuesday on or before the document date. A day and month without a year
 * take the document's year, else the last year the text named, else come
 * out as "--MM-DD".
 *
 * It is also the one place that decides whether a written "YYYY-MM-DD" is a
 * real day (kgex__date_read_ymd), for --date and for the publication dates
 * of HTML pages alike.
 *
 * A dateline at the start of a line among the first sentences ("YEREVAN,
 * March 5 -", "KYIV, Ukraine, 5 March (Reuters) —") is the report's date,
 * not an event's: it becomes the document date (its year that of --date,
 * or the year before when the day would be after it), relative dates
 * resolve against it, and the sentence's own date is looked for after it.
 */
#ifndef KGEX_EXTRACT_DATES_H
#define KGEX_EXTRACT_DATES_H

#include <stddef.h>

#include "text/tokenize.h"

typedef struct kgex__date_ctx {
    int doc_y, doc_m, doc_d; /* document date; doc_y 0 when the year is unknown,
                                doc_m 0 when there is none */
    int last_year;           /* last explicit year seen in the text; 0 none */
    int sentences;           /* sentences looked at so far (datelines come early) */
    int dateline;            /* 1 once a dateline was read */
} kgex__date_ctx;

/* Read the calendar date written "YYYY-MM-DD" at the start of s ('/' is
 * accepted between the parts too when slash is nonzero): 4, 2 and 2 digits,
 * a year from 1000 on and a day that exists (February 29 in leap years
 * only). On success store year, month and day in ymd_out and return the
 * number of bytes read (10); else return 0. What follows is not looked at. */
size_t kgex__date_read_ymd(int ymd_out[3], const char *s, int slash);

/* Parse "YYYY-MM-DD" (nothing before or after it) into ctx's document date;
 * -1 if it is malformed or not a real day. NULL: no document date. */
int kgex__date_ctx_init(kgex__date_ctx *ctx, const char *iso);

/* Find the first date in the sentence of tokens [b, e), after a dateline
 * that opens it; write it to out (ISO 8601) and return 1, or return 0.
 * Every explicit year in the span updates ctx->last_year; a dateline sets
 * the document date. Call it for the sentences of a document in order. */
int kgex__date_find(const kgex__tokens *t, size_t b, size_t e, kgex__date_ctx *ctx, char out[16]);

/* The document date (from kgex__date_ctx_init() or a dateline) as ISO 8601
 * ("YYYY-MM-DD", or "--MM-DD" without a year) into out: 1, or 0 if none. */
int kgex__date_doc(const kgex__date_ctx *ctx, char out[16]);

#endif
