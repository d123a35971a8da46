/*
 * test_document.c - the document input module (kgex/input.h): byte order
 * marks, UTF-16, invalid UTF-8 with its offset and count, NUL bytes and
 * binary files, CRLF and CR line ends, empty input, HTML article text
 * (scripts, styles and navigation dropped; title and date kept; deep
 * nesting read; attribute floods cut), the size cap, file errors, and
 * provenance offsets on the normalized text.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "kgex/kgex.h"

/* Load `len` bytes as `format`; assert success. */
static kgex_document *load(const char *bytes, size_t len, kgex_input_format format)
{
    kgex_input_options opts = KGEX_INPUT_OPTIONS_INIT;
    kgex_document *doc = NULL;
    kgex_error err;
    int error;

    opts.format = format;
    error = kgex_document_load_buffer(&doc, bytes, len, "test", &opts, &err);
    if (error != KGEX_OK)
        print_error("load: %s\n", err.message);
    assert_int_equal(error, KGEX_OK);
    assert_non_null(doc);
    return doc;
}

#define LOAD_TEXT(lit) load(lit, sizeof(lit) - 1, KGEX_INPUT_TEXT)
#define LOAD_HTML(lit) load(lit, sizeof(lit) - 1, KGEX_INPUT_HTML)

static void assert_text(const kgex_document *doc, const char *expected)
{
    assert_string_equal(kgex_document_text(doc), expected);
    assert_int_equal(kgex_document_len(doc), strlen(expected));
}

static void utf8_bom_is_removed(void **state)
{
    kgex_document *doc = LOAD_TEXT("\xEF\xBB\xBFNATO said.");

    (void)state;
    assert_text(doc, "NATO said.");
    assert_true(kgex_document_flags(doc) & KGEX_DOC_BOM);
    assert_int_equal(kgex_document_warning_count(doc), 0);
    kgex_document_free(doc);
}

static void utf16le_with_bom_is_converted(void **state)
{
    /* "Ké" + U+1F600 (a surrogate pair) + "\n" */
    static const char in[] = "\xFF\xFEK\x00\xE9\x00\x3D\xD8\x00\xDE\n\x00";
    kgex_document *doc = load(in, sizeof(in) - 1, KGEX_INPUT_TEXT);

    (void)state;
    assert_text(doc, "K\xC3\xA9\xF0\x9F\x98\x80\n");
    assert_true(kgex_document_flags(doc) & KGEX_DOC_UTF16LE);
    assert_int_equal(kgex_document_invalid(doc, NULL), 0);
    kgex_document_free(doc);
}

static void utf16be_with_bom_is_converted_and_unpaired_surrogates_replaced(void **state)
{
    /* "A", a lone high surrogate, "B", CRLF */
    static const char in[] = "\xFE\xFF\x00"
                             "A\xD8\x00\x00"
                             "B\x00\r\x00\n";
    kgex_document *doc = load(in, sizeof(in) - 1, KGEX_INPUT_TEXT);
    size_t first = 0;

    (void)state;
    assert_text(doc, "A\xEF\xBF\xBD"
                     "B\n");
    assert_true(kgex_document_flags(doc) & KGEX_DOC_UTF16BE);
    assert_int_equal(kgex_document_invalid(doc, &first), 1);
    assert_int_equal(first, 4); /* byte offset in the file, BOM included */
    assert_int_equal(kgex_document_warning_count(doc), 1);
    assert_non_null(strstr(kgex_document_warning(doc, 0), "invalid UTF-16 at byte offset 4"));
    kgex_document_free(doc);
}

static void invalid_utf8_is_replaced_and_reported_with_offset_and_count(void **state)
{
    /* a stray continuation byte at 3, a truncated 3-byte sequence at 8
     * (one maximal subpart), an overlong at 13, then a valid é */
    static const char in[] = "Kyi\x80v. Ab\xE2\x82 ok \xC0\xAF \xC3\xA9";
    kgex_document *doc = load(in, sizeof(in) - 1, KGEX_INPUT_TEXT);
    size_t first = 0;

    (void)state;
    assert_text(doc, "Kyi\xEF\xBF\xBDv. Ab\xEF\xBF\xBD ok \xEF\xBF\xBD\xEF\xBF\xBD \xC3\xA9");
    assert_true(kgex_document_flags(doc) & KGEX_DOC_INVALID_UTF8);
    assert_int_equal(kgex_document_invalid(doc, &first), 4);
    assert_int_equal(first, 3);
    assert_int_equal(kgex_document_warning_count(doc), 1);
    assert_string_equal(kgex_document_warning(doc, 0),
                        "invalid UTF-8 at byte offset 3 (4 sequences replaced by U+FFFD)");
    assert_null(kgex_document_warning(doc, 1));
    kgex_document_free(doc);
}

static void invalid_utf8_offset_counts_the_bom(void **state)
{
    kgex_document *doc = LOAD_TEXT("\xEF\xBB\xBF"
                                   "ab\xFF");
    size_t first = 0;

    (void)state;
    assert_int_equal(kgex_document_invalid(doc, &first), 1);
    assert_int_equal(first, 5);
    kgex_document_free(doc);
}

static void nul_in_the_first_8k_means_binary(void **state)
{
    static const char in[] = "Armenia\0Azerbaijan";
    kgex_document *doc = NULL;
    kgex_error err;

    (void)state;
    assert_int_equal(kgex_document_load_buffer(&doc, in, sizeof(in) - 1, "x.txt", NULL, &err),
                     KGEX_EPARSE);
    assert_null(doc);
    assert_string_equal(err.source, "x.txt");
    assert_string_equal(err.message, "binary file (NUL byte at offset 7)");
}

static void control_bytes_mean_binary(void **state)
{
    char in[100];
    kgex_document *doc = NULL;
    kgex_error err;

    (void)state;
    memset(in, 'a', sizeof(in));
    memset(in, 0x01, 31);
    assert_int_equal(kgex_document_load_buffer(&doc, in, sizeof(in), "x", NULL, &err), KGEX_EPARSE);
    assert_non_null(strstr(err.message, "binary file"));
    memset(in, 'a', sizeof(in));
    memset(in, 0x01, 29); /* under 30%: text, control bytes kept for the tokenizer */
    assert_int_equal(kgex_document_load_buffer(&doc, in, sizeof(in), "x", NULL, &err), KGEX_OK);
    kgex_document_free(doc);
}

static void a_late_nul_is_replaced_with_a_warning(void **state)
{
    size_t len = 9000, first = 0;
    char *in = malloc(len);
    kgex_document *doc;

    (void)state;
    assert_non_null(in);
    memset(in, 'a', len);
    in[8500] = '\0';
    doc = load(in, len, KGEX_INPUT_TEXT);
    assert_int_equal(kgex_document_len(doc), len + 2);
    assert_int_equal(strlen(kgex_document_text(doc)), len + 2);
    assert_true(kgex_document_flags(doc) & KGEX_DOC_NUL);
    assert_int_equal(kgex_document_invalid(doc, &first), 1);
    assert_int_equal(first, 8500);
    assert_string_equal(kgex_document_warning(doc, 0),
                        "NUL byte at byte offset 8500 (1 NUL replaced by U+FFFD)");
    kgex_document_free(doc);
    free(in);
}

static void crlf_and_lone_cr_become_lf(void **state)
{
    kgex_document *doc = LOAD_TEXT("one\r\ntwo\rthree\n\r\nfour\r");

    (void)state;
    assert_text(doc, "one\ntwo\nthree\n\nfour\n");
    assert_true(kgex_document_flags(doc) & KGEX_DOC_CRLF);
    assert_int_equal(kgex_document_warning_count(doc), 0);
    kgex_document_free(doc);
}

static void clean_text_is_unchanged(void **state)
{
    kgex_document *doc = LOAD_TEXT("Yerevan \xE2\x80\x94 Armenia\tsaid.\n");

    (void)state;
    assert_text(doc, "Yerevan \xE2\x80\x94 Armenia\tsaid.\n");
    assert_int_equal(kgex_document_flags(doc), 0);
    kgex_document_free(doc);
}

static char tmpdir[64];

static int make_tmpdir(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/kgex-test-document.XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
    char cmd[128];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *write_tmp(const char *name, const char *bytes, size_t len)
{
    static char path[128];
    FILE *fp;

    snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
    fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(bytes, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
    return path;
}

static void an_empty_file_is_an_empty_document(void **state)
{
    const char *path = write_tmp("empty.txt", "", 0);
    kgex_document *doc = NULL;
    kgex_error err;

    (void)state;
    assert_int_equal(kgex_document_load_file(&doc, path, NULL, &err), KGEX_OK);
    assert_text(doc, "");
    assert_int_equal(kgex_document_warning_count(doc), 0);
    kgex_document_free(doc);
    /* and an empty HTML page */
    path = write_tmp("empty.html", "", 0);
    assert_int_equal(kgex_document_load_file(&doc, path, NULL, &err), KGEX_OK);
    assert_text(doc, "");
    assert_null(kgex_document_title(doc));
    kgex_document_free(doc);
}

static void a_file_is_read_and_cleaned(void **state)
{
    const char *path = write_tmp("crlf.txt",
                                 "\xEF\xBB\xBF"
                                 "a\r\nb",
                                 7);
    kgex_document *doc = NULL;
    kgex_error err;

    (void)state;
    assert_int_equal(kgex_document_load_file(&doc, path, NULL, &err), KGEX_OK);
    assert_text(doc, "a\nb");
    kgex_document_free(doc);
}

static void missing_files_and_directories_are_io_errors(void **state)
{
    kgex_document *doc = NULL;
    kgex_error err;
    char path[128];

    (void)state;
    snprintf(path, sizeof(path), "%s/no-such-file.txt", tmpdir);
    assert_int_equal(kgex_document_load_file(&doc, path, NULL, &err), KGEX_EIO);
    assert_string_equal(err.source, path);
    assert_string_equal(err.message, "cannot open: No such file or directory");
    assert_int_equal(kgex_document_load_file(&doc, tmpdir, NULL, &err), KGEX_EIO);
    assert_null(doc);
    assert_int_equal(kgex_document_load_file(NULL, tmpdir, NULL, &err), KGEX_EINVAL);
}

static void inputs_over_the_size_cap_are_refused(void **state)
{
    kgex_input_options opts = KGEX_INPUT_OPTIONS_INIT;
    kgex_document *doc = NULL;
    kgex_error err;
    const char *path = write_tmp("big.txt", "0123456789abcdef", 16);

    (void)state;
    opts.max_size = 15;
    assert_int_equal(kgex_document_load_buffer(&doc, "0123456789abcdef", 16, "b", &opts, &err),
                     KGEX_ELIMIT);
    assert_null(doc);
    assert_int_equal(kgex_document_load_file(&doc, path, &opts, &err), KGEX_ELIMIT);
    assert_string_equal(err.source, path);
    assert_non_null(strstr(err.message, "over the size limit of 15 bytes"));
    opts.max_size = 16;
    assert_int_equal(kgex_document_load_file(&doc, path, &opts, &err), KGEX_OK);
    kgex_document_free(doc);
}

static const char article[] =
    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
    "<title>  Armenia &amp; the CSTO | News </title>\n"
    "<meta property=\"article:published_time\" content=\"2024-03-08T09:30:00+04:00\">\n"
    "<style>p { color: red }</style>\n"
    "<script>document.write('<p>Russia attacked</p>');</script>\n"
    "</head><body>\n"
    "<nav><ul><li>Home</li><li>World</li></ul></nav>\n"
    "<header><p>Breaking news banner</p></header>\n"
    "<article><h1>Armenia appeals\n   to the CSTO</h1>\n"
    "<p>Foreign Minister <a href=\"#\">Ararat Mirzoyan</a> said&nbsp;on Tuesday that\n"
    "\"the shelling must stop\".</p>\n"
    "<ul><li>Tavush was shelled.</li></ul>\n"
    "<blockquote>We ask for help.<br>Now.</blockquote>\n"
    "<div>Loose text in a div</div>\n"
    "<time datetime=\"2024-03-07\">Thursday</time></article>\n"
    "<aside><p>Related: NATO</p></aside>\n"
    "<form><p>Subscribe</p></form><noscript><p>Enable JavaScript</p></noscript>\n"
    "<footer><p>Copyright</p></footer></body></html>\n";

static void html_article_text_drops_scripts_styles_and_navigation(void **state)
{
    kgex_document *doc = LOAD_HTML(article);

    (void)state;
    assert_text(doc, "Armenia & the CSTO | News\n"
                     "Armenia appeals to the CSTO\n"
                     "Foreign Minister Ararat Mirzoyan said on Tuesday that \"the shelling must "
                     "stop\".\n"
                     "Tavush was shelled.\n"
                     "We ask for help.\n"
                     "Now.\n");
    assert_string_equal(kgex_document_title(doc), "Armenia & the CSTO | News");
    assert_string_equal(kgex_document_date(doc), "2024-03-08");
    assert_true(kgex_document_flags(doc) & KGEX_DOC_HTML);
    kgex_document_free(doc);
}

static void html_title_repeated_as_headline_is_read_once(void **state)
{
    kgex_document *doc = LOAD_HTML("<title>NATO meets</title><h1>NATO meets</h1><p>Text.</p>");

    (void)state;
    assert_text(doc, "NATO meets\nText.\n");
    kgex_document_free(doc);
}

static void html_date_comes_from_meta_or_time(void **state)
{
    kgex_document *doc;

    (void)state;
    doc = LOAD_HTML("<meta name=\"date\" content=\"2023/11/02\"><p>x</p>");
    assert_string_equal(kgex_document_date(doc), "2023-11-02");
    kgex_document_free(doc);
    doc = LOAD_HTML("<header><time datetime=\"2020-01-01\"></time></header>"
                    "<p>x <time datetime=\"2024-02-29T10:00\">then</time></p>");
    assert_string_equal(kgex_document_date(doc), "2024-02-29");
    kgex_document_free(doc);
    doc = LOAD_HTML("<p>x <time datetime=\"2023-02-29\">no such day</time></p>");
    assert_null(kgex_document_date(doc));
    assert_null(kgex_document_title(doc));
    kgex_document_free(doc);
}

static void html_without_article_blocks_keeps_all_text(void **state)
{
    kgex_document *doc = LOAD_HTML("<body><div>Georgia <b>joined</b> talks.<div>Second</div>"
                                   "<script>x()</script>tail</div></body>");

    (void)state;
    assert_text(doc, "Georgia joined talks.\nSecond\ntail\n");
    kgex_document_free(doc);
}

static void html_invalid_utf8_is_repaired_not_read_as_latin1(void **state)
{
    kgex_document *doc = LOAD_HTML("<p>Bad \xFF byte, then Kyiv \xE2\x80\x94 ok.</p>");
    size_t first = 0;

    (void)state;
    assert_text(doc, "Bad \xEF\xBF\xBD byte, then Kyiv \xE2\x80\x94 ok.\n");
    assert_int_equal(kgex_document_invalid(doc, &first), 1);
    assert_int_equal(first, 7);
    kgex_document_free(doc);
}

static void html_declared_charset_is_converted(void **state)
{
    kgex_document *doc = LOAD_HTML("<html><head><meta http-equiv=\"Content-Type\" "
                                   "content=\"text/html; charset=windows-1251\"></head>"
                                   "<body><p>\xCC\xEE\xF1\xEA\xE2\xE0</p></body></html>");

    (void)state;
    assert_text(doc, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0\n"); /* Москва */
    kgex_document_free(doc);
}

static void html_in_utf16_is_converted(void **state)
{
    static const char in[] = "\xFF\xFE<\0p\0>\0H\0i\0<\0/\0p\0>\0";
    kgex_document *doc = load(in, sizeof(in) - 1, KGEX_INPUT_HTML);

    (void)state;
    assert_text(doc, "Hi\n");
    kgex_document_free(doc);
}

static void auto_format_goes_by_extension(void **state)
{
    kgex_document *doc = NULL;
    kgex_error err;

    (void)state;
    assert_int_equal(kgex_document_load_buffer(&doc, "<p>a</p>", 8, "x/PAGE.HTM", NULL, &err),
                     KGEX_OK);
    assert_text(doc, "a\n");
    kgex_document_free(doc);
    assert_int_equal(kgex_document_load_buffer(&doc, "<p>a</p>", 8, "page.txt", NULL, &err),
                     KGEX_OK);
    assert_text(doc, "<p>a</p>");
    kgex_document_free(doc);
}

/* Provenance offsets count characters of the normalized text. */
static void provenance_offsets_refer_to_the_normalized_text(void **state)
{
    kgex_lexicon *lex = NULL;
    kgex_graph *graph = NULL;
    kgex_extractor *x = NULL;
    kgex_document *doc = LOAD_TEXT("\xEF\xBB\xBFOne.\r\n\r\nArmenia said.\r\n");
    size_t idx;
    const kgex_node *node;

    (void)state;
    assert_int_equal(kgex_lexicon_new_default(&lex, NULL), KGEX_OK);
    assert_int_equal(kgex_graph_new(&graph), KGEX_OK);
    assert_int_equal(kgex_extractor_new(&x, lex, graph), KGEX_OK);
    assert_int_equal(
        kgex_extract_text(x, "d", kgex_document_text(doc), kgex_document_len(doc), NULL, NULL),
        KGEX_OK);
    assert_int_equal(kgex_graph_find_node(graph, &idx, "state/ARM"), KGEX_OK);
    node = kgex_graph_node(graph, idx);
    assert_true(node->prov_len >= 1);
    assert_int_equal(node->prov[0].start, 6); /* "One.\n\n" */
    assert_int_equal(node->prov[0].end, 13);
    kgex_extractor_free(x);
    kgex_graph_free(graph);
    kgex_lexicon_free(lex);
    kgex_document_free(doc);
}

/* n nested <div>s (or <nav>s) around `inner`, in a new buffer. */
static char *nested(size_t n, const char *open, const char *close, const char *inner)
{
    size_t lo = strlen(open), lc = strlen(close), li = strlen(inner), i;
    char *page = malloc(n * (lo + lc) + li + 64), *p = page;

    assert_non_null(page);
    p += sprintf(p, "<html><body>");
    for (i = 0; i < n; i++, p += lo)
        memcpy(p, open, lo);
    memcpy(p, inner, li);
    p += li;
    for (i = 0; i < n; i++, p += lc)
        memcpy(p, close, lc);
    sprintf(p, "</body></html>");
    return page;
}

static void html_nested_deeper_than_libxml2s_default_is_read(void **state)
{
    /* libxml2 drops what is deeper than 256 elements unless told not to;
     * 5,000 <nav>s with <time>s inside, then the article 20,000 deep */
    char *deep = nested(20000, "<div>", "</div>", "<p>Armenia joined the talks.</p>");
    char *navs = nested(5000, "<nav><time datetime=\"2020-01-02\">x</time>", "</nav>",
                        "<time datetime=\"2021-03-04\">x</time>");
    kgex_document *doc = load(deep, strlen(deep), KGEX_INPUT_HTML);

    (void)state;
    assert_text(doc, "Armenia joined the talks.\n");
    assert_int_equal(kgex_document_warning_count(doc), 0);
    kgex_document_free(doc);
    doc = load(navs, strlen(navs), KGEX_INPUT_HTML);
    assert_null(kgex_document_date(doc)); /* every <time> is inside a <nav> */
    kgex_document_free(doc);
    free(deep);
    free(navs);
}

static void html_tags_keep_at_most_256_attributes_with_a_warning(void **state)
{
    size_t n = 100000, i;
    char *page = malloc(n * 12 + 256), *p = page;
    kgex_document *doc;

    (void)state;
    assert_non_null(page);
    /* a script that looks like a tag, a quoted '>' in a value */
    p += sprintf(p, "<html><head><script>if (a <b) x = \"<p q r s>\";</script></head>"
                    "<body><p title=\"a > b\" ");
    for (i = 0; i < n; i++)
        p += sprintf(p, "a%zu=x ", i);
    sprintf(p, ">Armenia joined the talks.</p><p>Second.</p></body></html>");
    doc = load(page, strlen(page), KGEX_INPUT_HTML);
    assert_text(doc, "Armenia joined the talks.\nSecond.\n");
    assert_int_equal(kgex_document_warning_count(doc), 1);
    assert_non_null(strstr(kgex_document_warning(doc, 0),
                           "with more than 256 attributes: only the first 256 kept (1 tag cut)"));
    kgex_document_free(doc);
    free(page);
    /* 256 attributes: nothing cut, no warning */
    doc = LOAD_HTML("<p a=1 b=2 c=3>Armenia joined the talks.</p>");
    assert_int_equal(kgex_document_warning_count(doc), 0);
    kgex_document_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_bom_is_removed),
        cmocka_unit_test(utf16le_with_bom_is_converted),
        cmocka_unit_test(utf16be_with_bom_is_converted_and_unpaired_surrogates_replaced),
        cmocka_unit_test(invalid_utf8_is_replaced_and_reported_with_offset_and_count),
        cmocka_unit_test(invalid_utf8_offset_counts_the_bom),
        cmocka_unit_test(nul_in_the_first_8k_means_binary),
        cmocka_unit_test(control_bytes_mean_binary),
        cmocka_unit_test(a_late_nul_is_replaced_with_a_warning),
        cmocka_unit_test(crlf_and_lone_cr_become_lf),
        cmocka_unit_test(clean_text_is_unchanged),
        cmocka_unit_test(an_empty_file_is_an_empty_document),
        cmocka_unit_test(a_file_is_read_and_cleaned),
        cmocka_unit_test(missing_files_and_directories_are_io_errors),
        cmocka_unit_test(inputs_over_the_size_cap_are_refused),
        cmocka_unit_test(html_article_text_drops_scripts_styles_and_navigation),
        cmocka_unit_test(html_title_repeated_as_headline_is_read_once),
        cmocka_unit_test(html_date_comes_from_meta_or_time),
        cmocka_unit_test(html_without_article_blocks_keeps_all_text),
        cmocka_unit_test(html_invalid_utf8_is_repaired_not_read_as_latin1),
        cmocka_unit_test(html_declared_charset_is_converted),
        cmocka_unit_test(html_in_utf16_is_converted),
        cmocka_unit_test(auto_format_goes_by_extension),
        cmocka_unit_test(provenance_offsets_refer_to_the_normalized_text),
        cmocka_unit_test(html_nested_deeper_than_libxml2s_default_is_read),
        cmocka_unit_test(html_tags_keep_at_most_256_attributes_with_a_warning),
    };

    return cmocka_run_group_tests_name("document", tests, make_tmpdir, remove_tmpdir);
}
