/*
 * date.c - comparing and typing kgex dates (see date.h).
 */
#include "graph/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int digits(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
    }
    return 1;
}

static int two(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

static int month_ok(const char *s)
{
    return two(s) >= 1 && two(s) <= 12;
}

/* Day dd of month mm exists (in a leap year when the year is unknown). */
static int day_ok(int year, int month, int day)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    if (day < 1 || day > mdays[month - 1])
        return 0;
    if (month == 2 && day == 29 && year >= 0 &&
        !((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 0;
    return 1;
}

const char *kgex__date_xsd_type(const char *date)
{
    size_t len;

    if (!date)
        return NULL;
    len = strlen(date);
    if (len == 10 && digits(date, 4) && date[4] == '-' && digits(date + 5, 2) && date[7] == '-' &&
        digits(date + 8, 2) && month_ok(date + 5) &&
        day_ok(two(date) * 100 + two(date + 2), two(date + 5), two(date + 8)))
        return "date";
    if (len == 7 && digits(date, 4) && date[4] == '-' && digits(date + 5, 2) && month_ok(date + 5))
        return "gYearMonth";
    if (len == 4 && digits(date, 4))
        return "gYear";
    if (len == 7 && date[0] == '-' && date[1] == '-' && digits(date + 2, 2) && date[4] == '-' &&
        digits(date + 5, 2) && month_ok(date + 2) && day_ok(-1, two(date + 2), two(date + 5)))
        return "gMonthDay";
    return NULL;
}

int kgex__date_start(char out[11], const char *date)
{
    const char *type = kgex__date_xsd_type(date);

    if (!type || strcmp(type, "gMonthDay") == 0)
        return 0;
    if (strcmp(type, "date") == 0)
        snprintf(out, 11, "%.10s", date);
    else if (strcmp(type, "gYearMonth") == 0)
        snprintf(out, 11, "%.7s-01", date);
    else
        snprintf(out, 11, "%.4s-01-01", date);
    return 1;
}

/* A key that sorts dates by the start of their span: "YYYY-MM-DD" as it is,
 * "YYYY-MM" and "YYYY" padded with "-00" (before the first day), dates
 * without a year behind a "~". */
static void date_key(char key[16], const char *date)
{
    size_t len;

    if (date[0] == '-') {
        snprintf(key, 16, "~%.12s", date);
        return;
    }
    snprintf(key, 16, "%.10s", date);
    len = strlen(key);
    if (len == 4)
        memcpy(key + 4, "-00-00", 7);
    else if (len == 7)
        memcpy(key + 7, "-00", 4);
}

int kgex__date_cmp(const char *a, const char *b)
{
    char ka[16], kb[16];
    int c;

    date_key(ka, a);
    date_key(kb, b);
    c = strcmp(ka, kb);
    return c ? c : strcmp(a, b);
}

static int date_ptr_cmp(const void *a, const void *b)
{
    return kgex__date_cmp(*(const char *const *)a, *(const char *const *)b);
}

size_t kgex__date_distinct(const kgex_provenance *prov, size_t len, const char **out)
{
    size_t i, j, n = 0;

    for (i = 0; i < len; i++) {
        if (!prov[i].date)
            continue;
        for (j = 0; j < n && out[j] != prov[i].date; j++)
            ;
        if (j == n)
            out[n++] = prov[i].date;
    }
    if (n > 1)
        qsort(out, n, sizeof(*out), date_ptr_cmp);
    return n;
}
