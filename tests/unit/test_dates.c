/*
 * test_dates.c - dates in news text to ISO 8601: full dates in both
 * orders, months, years, weekdays and "yesterday" against the document
 * date, the year a bare day and month take, invalid days and malformed
 * document dates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/dates.h"
#include "kgex/errors.h"
#include "text/tokenize.h"

typedef struct date_case {
    const char *text;
    const char *doc_date; /* NULL: unknown */
    const char *expected; /* NULL: no date */
} date_case;

/* The date found in `text` as a whole, with context `ctx`; 1 if found. */
static int find_in(const char *text, kgex__date_ctx *ctx, char out[16])
{
    kgex__tokens t;
    int found;

    assert_int_equal(kgex__tokenize(&t, text, strlen(text)), KGEX_OK);
    found = kgex__date_find(&t, 0, t.len, ctx, out);
    kgex__tokens_free(&t);
    return found;
}

static void run_cases(const date_case *cases, size_t len)
{
    size_t k;

    for (k = 0; k < len; k++) {
        kgex__date_ctx ctx;
        char out[16] = "";
        int found;

        assert_int_equal(kgex__date_ctx_init(&ctx, cases[k].doc_date), 0);
        found = find_in(cases[k].text, &ctx, out);
        if (cases[k].expected && (!found || strcmp(out, cases[k].expected) != 0)) {
            print_error("\"%s\" (document %s): got %s, expected %s\n", cases[k].text,
                        cases[k].doc_date ? cases[k].doc_date : "undated", found ? out : "nothing",
                        cases[k].expected);
            fail();
        }
        if (!cases[k].expected && found) {
            print_error("\"%s\": got %s, expected nothing\n", cases[k].text, out);
            fail();
        }
    }
}

#define RUN_CASES(cases) run_cases((cases), sizeof(cases) / sizeof((cases)[0]))

static void dates_reads_full_dates_in_both_orders(void **state)
{
    static const date_case expected[] = {
        {"The ceasefire was signed on December 29 of 2016 in Moscow.", NULL, "2016-12-29"},
        {"The talks were held on June 10, 2022, in Yerevan.", NULL, "2022-06-10"},
        {"The talks were held on 10 June, 2022, in Yerevan.", NULL, "2022-06-10"},
        {"The talks were held on 10 June 2022 in Yerevan.", NULL, "2022-06-10"},
        {"The shelling began on September 13, 2022.", "2023-01-05", "2022-09-13"},
        {"The summit opened on Nov. 23, 2022 in Yerevan.", NULL, "2022-11-23"},
        {"The leaders met on February 29, 2020.", NULL, "2020-02-29"}, /* a leap year */
    };

    (void)state;
    RUN_CASES(expected);
}

static void dates_reads_month_and_year(void **state)
{
    static const date_case expected[] = {
        {"The bloc held drills in May 2021 near the border.", NULL, "2021-05"},
        {"Armenia joined in 2009 after long talks.", NULL, "2009"},
        {"The mission has been deployed since 2015.", NULL, "2015"},
    };

    (void)state;
    RUN_CASES(expected);
}

static void dates_resolves_weekday_before_document_date(void **state)
{
    /* 2020-10-08 was a Thursday */
    static const date_case expected[] = {
        {"The minister spoke on Tuesday in Moscow.", "2020-10-08", "2020-10-06"},
        {"The minister spoke on Thursday in Moscow.", "2020-10-08", "2020-10-08"},
        {"The minister spoke on Friday in Moscow.", "2020-10-08", "2020-10-02"},
        {"The minister spoke on Monday in Moscow.", "2021-01-01", "2020-12-28"}, /* year back */
        {"The minister spoke on Tuesday in Moscow.", NULL, NULL}, /* no document date */
    };

    (void)state;
    RUN_CASES(expected);
}

static void dates_resolves_yesterday_against_document_date(void **state)
{
    static const date_case expected[] = {
        {"The ministry said yesterday that talks would resume.", "2020-10-08", "2020-10-07"},
        {"The ministry said yesterday that talks would resume.", "2021-03-01", "2021-02-28"},
        {"The ministry said yesterday that talks would resume.", NULL, NULL},
    };

    (void)state;
    RUN_CASES(expected);
}

static void dates_gives_day_and_month_the_document_year(void **state)
{
    static const date_case expected[] = {
        {"The leaders met on March 3 in Sochi.", "2020-10-08", "2020-03-03"},
        {"The leaders met on 3 March in Sochi.", "2020-10-08", "2020-03-03"},
        {"The leaders met on March 3 in Sochi.", NULL, "--03-03"},
    };

    (void)state;
    RUN_CASES(expected);
}

static void dates_gives_day_and_month_the_last_year_in_the_text(void **state)
{
    const char *text = "The conflict flared in 2019. The leaders met on March 3 in Sochi.";
    kgex__date_ctx ctx;
    kgex__tokens t;
    char out[16] = "";

    (void)state;
    assert_int_equal(kgex__date_ctx_init(&ctx, NULL), 0);
    assert_int_equal(kgex__tokenize(&t, text, strlen(text)), KGEX_OK);
    assert_int_equal(t.sent_len, 2);
    assert_int_equal(kgex__date_find(&t, t.sent[0].begin, t.sent[0].end, &ctx, out), 1);
    assert_string_equal(out, "2019");
    assert_int_equal(ctx.last_year, 2019);
    assert_int_equal(kgex__date_find(&t, t.sent[1].begin, t.sent[1].end, &ctx, out), 1);
    assert_string_equal(out, "2019-03-03");
    kgex__tokens_free(&t);

    /* the document year wins over the year last named */
    assert_int_equal(kgex__date_ctx_init(&ctx, "2021-06-01"), 0);
    ctx.last_year = 2019;
    assert_int_equal(find_in("The leaders met on March 3 in Sochi.", &ctx, out), 1);
    assert_string_equal(out, "2021-03-03");
}

static void dates_returns_the_first_date_and_remembers_the_last_year(void **state)
{
    kgex__date_ctx ctx;
    char out[16] = "";

    (void)state;
    assert_int_equal(kgex__date_ctx_init(&ctx, NULL), 0);
    assert_int_equal(find_in("Signed on June 10, 2022, it was ratified on 4 July 2023.", &ctx, out),
                     1);
    assert_string_equal(out, "2022-06-10");
    assert_int_equal(ctx.last_year, 2023);
}

static void dates_gives_nothing_for_invalid_days(void **state)
{
    static const date_case expected[] = {
        {"The talks were held on February 30, 2021.", NULL, NULL},
        {"The talks were held on February 29, 2021.", NULL, NULL}, /* not a leap year */
        {"The talks were held on 31 April 2021.", NULL, NULL},
        {"The talks were held on February 30.", "2021-05-05", NULL},
        {"The talks were held on June 0, 2021.", NULL, NULL},
    };

    (void)state;
    RUN_CASES(expected);
}

static void dates_gives_nothing_without_a_date(void **state)
{
    static const date_case expected[] = {
        {"Armenia may respond to the proposal.", "2020-10-08", NULL}, /* modal, not the month */
        {"The brigade lost 2021 soldiers.", NULL, NULL},              /* a count, not a year */
        {"The ministry issued a statement.", "2020-10-08", NULL},
        {"", "2020-10-08", NULL},
    };

    (void)state;
    RUN_CASES(expected);
}

static void date_ctx_init_parses_the_document_date(void **state)
{
    kgex__date_ctx ctx;

    (void)state;
    assert_int_equal(kgex__date_ctx_init(&ctx, "2020-10-08"), 0);
    assert_int_equal(ctx.doc_y, 2020);
    assert_int_equal(ctx.doc_m, 10);
    assert_int_equal(ctx.doc_d, 8);
    assert_int_equal(ctx.last_year, 0);
    assert_int_equal(kgex__date_ctx_init(&ctx, "2024-02-29"), 0);
    assert_int_equal(kgex__date_ctx_init(&ctx, NULL), 0);
    assert_int_equal(ctx.doc_y, 0); /* unknown */
}

typedef struct dateline_case {
    const char *text;     /* sentences; the date of the last one is checked */
    const char *doc_date; /* --date, NULL: none */
    const char *expected; /* the last sentence's date; NULL: none */
    const char *document; /* the document date afterwards; NULL: none */
} dateline_case;

/* Run kgex__date_find over the sentences of each text in order, as the
 * extractor does, and check the last sentence's date and the document's. */
static void run_dateline_cases(const dateline_case *cases, size_t len)
{
    size_t k, s;

    for (k = 0; k < len; k++) {
        kgex__date_ctx ctx;
        kgex__tokens t;
        char out[16] = "", doc[16] = "";
        int found = 0, has_doc;

        assert_int_equal(kgex__date_ctx_init(&ctx, cases[k].doc_date), 0);
        assert_int_equal(kgex__tokenize(&t, cases[k].text, strlen(cases[k].text)), KGEX_OK);
        for (s = 0; s < t.sent_len; s++) {
            out[0] = '\0';
            found = kgex__date_find(&t, t.sent[s].begin, t.sent[s].end, &ctx, out);
        }
        kgex__tokens_free(&t);
        has_doc = kgex__date_doc(&ctx, doc);
        if ((cases[k].expected ? !found || strcmp(out, cases[k].expected) != 0 : found) ||
            (cases[k].document ? !has_doc || strcmp(doc, cases[k].document) != 0 : has_doc)) {
            print_error("\"%s\" (--date %s): sentence %s, document %s; expected %s, %s\n",
                        cases[k].text, cases[k].doc_date ? cases[k].doc_date : "none",
                        found ? out : "none", has_doc ? doc : "none",
                        cases[k].expected ? cases[k].expected : "none",
                        cases[k].document ? cases[k].document : "none");
            fail();
        }
    }
}

/* A dateline is the report's date, not the event's: "on Monday" after
 * "YEREVAN, March 5 -" is the Monday before March 5. */
static void dates_dateline_is_the_report_date_not_the_event_date(void **state)
{
    static const dateline_case cases[] = {
        {"Shelling in Tavush\nYEREVAN, March 5 - Azerbaijani forces shelled Sotk on Monday.",
         "2024-03-12", "2024-03-04", "2024-03-05"},
        {"YEREVAN, March 5 - Azerbaijani forces shelled Sotk.", "2024-03-12", NULL, "2024-03-05"},
        {"KYIV, Ukraine, 5 March (Reuters) \xe2\x80\x94 Drones struck Kharkiv yesterday.",
         "2024-03-12", "2024-03-04", "2024-03-05"},
        {"MOSCOW, December 30 -- The ministry said it would reply on Friday.", "2024-01-02",
         "2023-12-29", "2023-12-30"},
        {"YEREVAN, March 5, 2021 - Talks began on March 3.", NULL, "2021-03-03", "2021-03-05"},
        {"YEREVAN, March 5 - Talks began on March 3.", NULL, "--03-03", "--03-05"},
        /* not datelines */
        {"Armenia, Russia and Iran met on March 5 - in Moscow.", "2024-03-12", "2024-03-05",
         "2024-03-12"},
        {"One.\nTwo.\nThree.\nYEREVAN, March 5 - Talks began.", "2024-03-12", "2024-03-05",
         "2024-03-12"},
        {"Talks began.", NULL, NULL, NULL},
    };

    (void)state;
    run_dateline_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

static void reject_all(const char *const *bad, size_t len)
{
    kgex__date_ctx ctx;
    size_t k;

    for (k = 0; k < len; k++) {
        if (kgex__date_ctx_init(&ctx, bad[k]) != -1) {
            print_error("\"%s\" was accepted (year %d, month %d, day %d)\n", bad[k], ctx.doc_y,
                        ctx.doc_m, ctx.doc_d);
            fail();
        }
    }
}

static void date_ctx_init_rejects_malformed_dates(void **state)
{
    static const char *const bad[] = {
        "",           "2020",       "2020-10",     "20201008",    "2020/10/08",
        "2020-1-08",  "2020-10-8",  "2020-10-08x", "2020-10-08 ", "2020-13-01",
        "2020-00-10", "2020-10-00", "2020-10-32",  "2021-02-29",  "2021-04-31",
        "abcd-ef-gh", "10-08-2020", "0000-02-29",  "0999-12-31",  "1900-02-29",
    };

    (void)state;
    reject_all(bad, sizeof(bad) / sizeof(bad[0]));
}

/* sscanf's %d alone would accept a sign and skip spaces, so these
 * ten-character strings would pass as year 20, year -20, month 1, day 8. */
static void date_ctx_init_rejects_signs_and_spaces_in_dates(void **state)
{
    static const char *const bad[] = {
        "+020-10-08",
        "-020-10-08",
        "2020- 1-08",
        "2020-10- 8",
    };
    (void)state;
    reject_all(bad, sizeof(bad) / sizeof(bad[0]));
}

/* The one reader of "YYYY-MM-DD" (also used for the dates of HTML pages):
 * a date at the start of a longer string, '/' only when asked for, and
 * never a read past the end of a short string. */
static void date_read_ymd_reads_a_date_at_the_start_of_a_string(void **state)
{
    static const char *const bad[] = {
        "",           "2024",       "2024-02-",  "2024-02-2",  "2023-02-29",
        "0999-01-01", "2024-00-10", "2024-13-1", "2024-02-30", "2024-2-29",
    };
    int ymd[3] = {0, 0, 0};
    size_t k;

    (void)state;
    assert_int_equal(kgex__date_read_ymd(ymd, "2024-02-29T10:00:00Z", 0), 10);
    assert_int_equal(ymd[0], 2024);
    assert_int_equal(ymd[1], 2);
    assert_int_equal(ymd[2], 29);
    assert_int_equal(kgex__date_read_ymd(ymd, "2000-02-29", 0), 10); /* a leap century */
    assert_int_equal(kgex__date_read_ymd(ymd, "2023/11/02", 0), 0);
    assert_int_equal(kgex__date_read_ymd(ymd, "2023/11/02", 1), 10);
    assert_int_equal(ymd[0], 2023);
    assert_int_equal(ymd[1], 11);
    assert_int_equal(ymd[2], 2);
    for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
        if (kgex__date_read_ymd(ymd, bad[k], 1) != 0) {
            print_error("\"%s\" was read as a date\n", bad[k]);
            fail();
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates_reads_full_dates_in_both_orders),
        cmocka_unit_test(dates_dateline_is_the_report_date_not_the_event_date),
        cmocka_unit_test(dates_reads_month_and_year),
        cmocka_unit_test(dates_resolves_weekday_before_document_date),
        cmocka_unit_test(dates_resolves_yesterday_against_document_date),
        cmocka_unit_test(dates_gives_day_and_month_the_document_year),
        cmocka_unit_test(dates_gives_day_and_month_the_last_year_in_the_text),
        cmocka_unit_test(dates_returns_the_first_date_and_remembers_the_last_year),
        cmocka_unit_test(dates_gives_nothing_for_invalid_days),
        cmocka_unit_test(dates_gives_nothing_without_a_date),
        cmocka_unit_test(date_ctx_init_parses_the_document_date),
        cmocka_unit_test(date_ctx_init_rejects_malformed_dates),
        cmocka_unit_test(date_ctx_init_rejects_signs_and_spaces_in_dates),
        cmocka_unit_test(date_read_ymd_reads_a_date_at_the_start_of_a_string),
    };
    return cmocka_run_group_tests_name("dates", tests, NULL, NULL);
}
