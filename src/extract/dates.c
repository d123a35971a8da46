/*
 * dates.c - date expressions to ISO 8601 (see dates.h).
 */
#include "extract/dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const months[] = {"january",   "february", "march",    "april",
                                     "may",       "june",     "july",     "august",
                                     "september", "october",  "november", "december"};
static const char *const month_abbr[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const weekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};

static int month_of(const kgex__tokens *t, size_t i)
{
    const char *w = kgex__tok_norm(t, i);
    int m;

    if (t->tok[i].type != KGEX__TOK_WORD || !(t->tok[i].flags & KGEX__TF_CAP))
        return 0;
    for (m = 0; m < 12; m++) {
        if (strcmp(w, months[m]) == 0)
            return m + 1;
    }
    for (m = 0; m < 12; m++) {
        if (m != 4 && strcmp(w, month_abbr[m]) == 0 && i + 1 < t->len &&
            strcmp(kgex__tok_norm(t, i + 1), ".") == 0)
            return m + 1;
    }
    if (strcmp(w, "sept") == 0)
        return 9;
    return 0;
}

static int weekday_of(const kgex__tokens *t, size_t i)
{
    int d;

    for (d = 0; d < 7; d++) {
        if (strcmp(kgex__tok_norm(t, i), weekdays[d]) == 0)
            return d + 1;
    }
    return 0;
}

/* Value of a number token made of digits only (or with st/nd/rd/th), else -1. */
static int number_of(const kgex__tokens *t, size_t i)
{
    const char *w;
    char *end;
    long v;

    if (i >= t->len || t->tok[i].type != KGEX__TOK_NUMBER)
        return -1;
    w = kgex__tok_norm(t, i);
    v = strtol(w, &end, 10);
    if (end == w || v < 0 || v > 9999)
        return -1;
    if (*end && strcmp(end, "st") && strcmp(end, "nd") && strcmp(end, "rd") && strcmp(end, "th"))
        return -1;
    return (int)v;
}

static int is_year(int v)
{
    return v >= 1800 && v <= 2199;
}

static int is_word(const kgex__tokens *t, size_t i, const char *w)
{
    return i < t->len && strcmp(kgex__tok_norm(t, i), w) == 0;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
    long era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    long era, doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int valid_day(int y, int m, int d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    if (m == 2 && d == 29 && y && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return 1;
}

size_t kgex__date_read_ymd(int ymd_out[3], const char *s, int slash)
{
    int v[3] = {0, 0, 0};
    int part = 0;
    size_t i;

    /* stops at the first byte out of place, so a short s is never overread */
    for (i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-' && !(slash && s[i] == '/'))
                return 0;
            part++;
        } else if (s[i] >= '0' && s[i] <= '9') {
            v[part] = v[part] * 10 + (s[i] - '0');
        } else {
            return 0;
        }
    }
    if (v[0] < 1000 || !valid_day(v[0], v[1], v[2]))
        return 0;
    memcpy(ymd_out, v, sizeof(v));
    return 10;
}

int kgex__date_ctx_init(kgex__date_ctx *ctx, const char *iso)
{
    int ymd[3];

    memset(ctx, 0, sizeof(*ctx));
    if (!iso)
        return 0;
    if (kgex__date_read_ymd(ymd, iso, 0) == 0 || iso[10] != '\0')
        return -1;
    ctx->doc_y = ymd[0];
    ctx->doc_m = ymd[1];
    ctx->doc_d = ymd[2];
    return 0;
}

static int year_for(const kgex__date_ctx *ctx)
{
    return ctx->doc_y ? ctx->doc_y : ctx->last_year;
}

static void put_ymd(char out[16], int y, int m, int d)
{
    if (y)
        snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
    else
        snprintf(out, 16, "--%02d-%02d", m, d);
}

int kgex__date_doc(const kgex__date_ctx *ctx, char out[16])
{
    if (!ctx->doc_m)
        return 0;
    put_ymd(out, ctx->doc_y, ctx->doc_m, ctx->doc_d);
    return 1;
}

static int is_dash(const kgex__tokens *t, size_t i)
{
    return is_word(t, i, "-") || is_word(t, i, "\xE2\x80\x93") || is_word(t, i, "\xE2\x80\x94");
}

/* Past a parenthesis "(...)" of at most 6 tokens at i (an agency), or i. */
static size_t skip_paren(const kgex__tokens *t, size_t i, size_t e)
{
    size_t j;

    if (!is_word(t, i, "("))
        return i;
    for (j = i + 1; j < e && j < i + 8; j++) {
        if (is_word(t, j, ")"))
            return j + 1;
    }
    return i;
}

/* Past capitalized words at i (a place: "YEREVAN", "Nagorno-Karabakh",
 * "U.S."), or i when there is none. */
static size_t skip_place(const kgex__tokens *t, size_t i, size_t e)
{
    size_t j = i;

    while (j < e && j < i + 6 && t->tok[j].type == KGEX__TOK_WORD &&
           ((t->tok[j].flags & KGEX__TF_CAP) || (t->tok[j].flags & KGEX__TF_HYPH)) &&
           !month_of(t, j))
        j++;
    while (j > i && j < e && is_word(t, j, ".") && !(t->tok[j].flags & KGEX__TF_SPACE))
        j++;
    return j;
}

/* A dateline opening the sentence at b: PLACE [, PLACE] [(AGENCY)] ,
 * MONTH DAY [, YEAR] or DAY MONTH [YEAR], [(AGENCY)] DASH. On a match set
 * the document date, *after to the token after the dash, and return 1. */
static int dateline(const kgex__tokens *t, size_t b, size_t e, kgex__date_ctx *ctx, size_t *after)
{
    size_t i = skip_place(t, b, e), j;
    int m = 0, d = -1, y = -1, k;

    if (i == b)
        return 0;
    for (k = 0; k < 2 && is_word(t, i, ",") && skip_place(t, i + 1, e) > i + 1; k++)
        i = skip_place(t, i + 1, e); /* ", Ukraine" */
    i = skip_paren(t, i, e);
    if (!is_word(t, i, ","))
        return 0;
    i++;
    if ((m = month_of(t, i)) != 0) {
        d = number_of(t, i + 1);
        j = i + 2;
    } else if ((m = i + 1 < e ? month_of(t, i + 1) : 0) != 0) {
        d = number_of(t, i);
        j = i + 2;
    } else {
        return 0;
    }
    if (d < 1 || d > 31)
        return 0;
    if (is_word(t, j, ",") && is_year(number_of(t, j + 1)))
        j++;
    if (is_year(number_of(t, j)))
        y = number_of(t, j++);
    j = skip_paren(t, j, e);
    if (!is_dash(t, j))
        return 0;
    while (is_dash(t, j))
        j++;
    if (y < 0 && ctx->doc_y)
        y = (m > ctx->doc_m || (m == ctx->doc_m && d > ctx->doc_d)) ? ctx->doc_y - 1 : ctx->doc_y;
    if (!valid_day(y > 0 ? y : 0, m, d))
        return 0;
    ctx->doc_y = y > 0 ? y : 0;
    ctx->doc_m = m;
    ctx->doc_d = d;
    if (y > 0)
        ctx->last_year = y;
    *after = j;
    return 1;
}

int kgex__date_find(const kgex__tokens *t, size_t b, size_t e, kgex__date_ctx *ctx, char out[16])
{
    size_t i;
    int found = 0;

    /* a dateline opens a line among the first sentences */
    if (ctx->sentences++ < 3 && !ctx->dateline && b < e &&
        (b == 0 || (t->tok[b].flags & KGEX__TF_NL)) && dateline(t, b, e, ctx, &i)) {
        ctx->dateline = 1;
        b = i;
    }

    for (i = b; i < e; i++) {
        int m, wd, v;
        char buf[16] = "";
        const char *w = kgex__tok_norm(t, i);

        /* dates start with a capitalized month or weekday, a number, or
         * "yesterday"/"today" */
        if (t->tok[i].type == KGEX__TOK_WORD && !(t->tok[i].flags & KGEX__TF_CAP) && w[0] != 'y' &&
            w[0] != 't')
            continue;
        if (t->tok[i].type != KGEX__TOK_WORD && t->tok[i].type != KGEX__TOK_NUMBER)
            continue;
        m = month_of(t, i);

        if (m) {
            size_t j = i + 1;
            int day, year = -1;

            if (is_word(t, j, "."))
                j++;
            day = number_of(t, j);
            if (day >= 1 && day <= 31 && !is_year(day)) {
                size_t k = j + 1;
                if (is_word(t, k, ","))
                    k++;
                if (is_word(t, k, "of"))
                    k++;
                year = k < e ? number_of(t, k) : -1;
                if (is_year(year)) {
                    ctx->last_year = year;
                    if (valid_day(year, m, day))
                        put_ymd(buf, year, m, day);
                } else if (valid_day(year_for(ctx), m, day)) {
                    put_ymd(buf, year_for(ctx), m, day);
                }
            } else if (is_year(day)) {
                ctx->last_year = day;
                snprintf(buf, sizeof(buf), "%04d-%02d", day, m);
            } else if (i > b &&
                       (is_word(t, i - 1, "in") || is_word(t, i - 1, "since") ||
                        is_word(t, i - 1, "this") || is_word(t, i - 1, "last") ||
                        is_word(t, i - 1, "until") || is_word(t, i - 1, "early") ||
                        is_word(t, i - 1, "late") || is_word(t, i - 1, "mid")) &&
                       year_for(ctx)) {
                snprintf(buf, sizeof(buf), "%04d-%02d", year_for(ctx), m);
            }
        } else if ((v = number_of(t, i)) >= 1 && v <= 31 && i + 1 < e && month_of(t, i + 1)) {
            size_t k = i + 2;
            int year;

            m = month_of(t, i + 1);
            if (is_word(t, k, ","))
                k++;
            year = k < e ? number_of(t, k) : -1;
            if (is_year(year)) {
                ctx->last_year = year;
                if (valid_day(year, m, v))
                    put_ymd(buf, year, m, v);
            } else if (valid_day(year_for(ctx), m, v)) {
                put_ymd(buf, year_for(ctx), m, v);
            }
            i++;
        } else if ((wd = weekday_of(t, i)) && ctx->doc_y) {
            long doc = days_from_civil(ctx->doc_y, ctx->doc_m, ctx->doc_d);
            /* 1970-01-01 was a Thursday (weekday 4 here) */
            int doc_wd = (int)(((doc % 7) + 7 + 3) % 7) + 1;
            int y, mm, d;
            long back = (doc_wd - wd + 7) % 7;

            civil_from_days(doc - back, &y, &mm, &d);
            put_ymd(buf, y, mm, d);
        } else if ((is_word(t, i, "yesterday") || is_word(t, i, "today")) && ctx->doc_y) {
            long doc = days_from_civil(ctx->doc_y, ctx->doc_m, ctx->doc_d);
            int y, mm, d;

            civil_from_days(doc - (is_word(t, i, "yesterday") ? 1 : 0), &y, &mm, &d);
            put_ymd(buf, y, mm, d);
        } else if (is_year(v = number_of(t, i)) && i > b && strcmp(kgex__tok_norm(t, i), "") != 0 &&
                   (is_word(t, i - 1, "in") || is_word(t, i - 1, "since") ||
                    is_word(t, i - 1, "of") || is_word(t, i - 1, "until") ||
                    is_word(t, i - 1, "by"))) {
            ctx->last_year = v;
            snprintf(buf, sizeof(buf), "%04d", v);
        }
        if (buf[0] && !found) {
            memcpy(out, buf, 16);
            found = 1;
        }
    }
    return found;
}
