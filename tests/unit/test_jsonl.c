/*
 * test_jsonl.c - one line of JSON Lines into a document: names, dates,
 * text, and clear errors for lines that are not documents.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "kgex/errors.h"
#include "kgex/jsonl.h"

static kgex_jsonl_doc *parse_ok(const char *line)
{
    kgex_jsonl_doc *d = NULL;
    kgex_error err;

    kgex_error_clear(&err);
    assert_int_equal(kgex_jsonl_parse(&d, line, strlen(line), &err), KGEX_OK);
    assert_non_null(d);
    return d;
}

static void jsonl_reads_id_url_date_and_text(void **state)
{
    kgex_jsonl_doc *d;
    size_t len;

    (void)state;
    d = parse_ok("{\"id\": \"wire-17\", \"url\": \"https://news.example/a\", \"date\": "
                 "\"2024-03-12\", \"title\": \"ignored\", \"text\": \"Armenia said.\\nMore.\"}");
    assert_string_equal(kgex_jsonl_id(d), "wire-17");
    assert_string_equal(kgex_jsonl_url(d), "https://news.example/a");
    assert_string_equal(kgex_jsonl_name(d), "wire-17");
    assert_string_equal(kgex_jsonl_date(d), "2024-03-12");
    assert_string_equal(kgex_jsonl_text(d, &len), "Armenia said.\nMore.");
    assert_int_equal(len, 19);
    assert_null(kgex_jsonl_warning(d));
    kgex_jsonl_free(d);
}

static void jsonl_names_a_document_by_url_or_integer_id(void **state)
{
    kgex_jsonl_doc *d;

    (void)state;
    d = parse_ok("{\"url\": \"https://news.example/b\", \"text\": \"x\"}");
    assert_null(kgex_jsonl_id(d));
    assert_string_equal(kgex_jsonl_name(d), "https://news.example/b");
    kgex_jsonl_free(d);
    d = parse_ok("{\"id\": 123456789012, \"text\": \"x\"}\r");
    assert_string_equal(kgex_jsonl_name(d), "123456789012");
    kgex_jsonl_free(d);
    d = parse_ok("{\"id\": null, \"text\": \"\"}");
    assert_null(kgex_jsonl_name(d));
    kgex_jsonl_free(d);
}

static void jsonl_takes_the_day_of_a_date_time_and_leaves_out_other_dates(void **state)
{
    kgex_jsonl_doc *d;

    (void)state;
    d = parse_ok("{\"date\": \"2024-03-12T09:30:00Z\", \"text\": \"x\"}");
    assert_string_equal(kgex_jsonl_date(d), "2024-03-12");
    kgex_jsonl_free(d);
    d = parse_ok("{\"date\": \"Tue, 12 Mar 2024\", \"text\": \"x\"}");
    assert_null(kgex_jsonl_date(d));
    assert_non_null(strstr(kgex_jsonl_warning(d), "'Tue, 12 Mar 2024' is not a date"));
    kgex_jsonl_free(d);
    d = parse_ok("{\"date\": \"2023-02-29\", \"text\": \"x\"}");
    assert_null(kgex_jsonl_date(d));
    assert_non_null(kgex_jsonl_warning(d));
    kgex_jsonl_free(d);
}

static void jsonl_keeps_nul_bytes_of_the_text(void **state)
{
    kgex_jsonl_doc *d;
    const char *text;
    size_t len;

    (void)state;
    d = parse_ok("{\"text\": \"a\\u0000b\"}");
    text = kgex_jsonl_text(d, &len);
    assert_int_equal(len, 3);
    assert_memory_equal(text, "a\0b", 3);
    kgex_jsonl_free(d);
}

static void jsonl_refuses_lines_that_are_not_documents(void **state)
{
    static const struct {
        const char *line;
        const char *message;
    } bad[] = {
        {"{\"text\": \"x\"", "not JSON"},
        {"", "not JSON"},
        {"[1, 2]", "not a JSON object"},
        {"{\"id\": \"a\"}", "no \"text\""},
        {"{\"text\": 5}", "\"text\" is not a string"},
        {"{\"text\": \"x\", \"id\": [1]}", "\"id\" is neither a string nor an integer"},
        {"{\"text\": \"x\", \"url\": 3}", "\"url\" is not a string"},
        {"{\"text\": \"x\", \"text\": \"y\"}", "not JSON"},
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        kgex_jsonl_doc *d = (kgex_jsonl_doc *)&d;
        kgex_error err;

        kgex_error_clear(&err);
        assert_int_equal(kgex_jsonl_parse(&d, bad[i].line, strlen(bad[i].line), &err), KGEX_EPARSE);
        assert_null(d);
        assert_non_null(strstr(err.message, bad[i].message));
        assert_true(err.column >= 1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonl_reads_id_url_date_and_text),
        cmocka_unit_test(jsonl_names_a_document_by_url_or_integer_id),
        cmocka_unit_test(jsonl_takes_the_day_of_a_date_time_and_leaves_out_other_dates),
        cmocka_unit_test(jsonl_keeps_nul_bytes_of_the_text),
        cmocka_unit_test(jsonl_refuses_lines_that_are_not_documents),
    };
    return cmocka_run_group_tests_name("jsonl", tests, NULL, NULL);
}
