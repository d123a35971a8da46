/*
 * date.h - the dates kgex keeps (ISO 8601 as extract/dates.c writes them:
 * "YYYY-MM-DD", "YYYY-MM", "YYYY", or "--MM-DD" without a year), compared
 * and typed for the graph and its writers. Private to the library.
 */
#ifndef KGEX_GRAPH_DATE_H
#define KGEX_GRAPH_DATE_H

#include <stddef.h>

#include "kgex/graph.h"

/* Order of two dates by the start of the time they name ("2024-03" before
 * "2024-03-01" before "2024-03-02"); dates without a year after all others.
 * Equal only for equal strings. */
int kgex__date_cmp(const char *a, const char *b);

/* The XML Schema datatype of a date's form: "date", "gYearMonth", "gYear"
 * or "gMonthDay"; NULL when `date` is none of the four forms or not a
 * real day, month or year. */
const char *kgex__date_xsd_type(const char *date);

/* The first day of a date with a year, "YYYY-MM-DD", into out; 0 (nothing
 * written) for a date without a year or a malformed one. */
int kgex__date_start(char out[11], const char *date);

/* The distinct dates of the mention records prov[0, len) of one graph
 * (interned, so compared by pointer), earliest first, into out (room for
 * len); returns how many. */
size_t kgex__date_distinct(const kgex_provenance *prov, size_t len, const char **out);

#endif
