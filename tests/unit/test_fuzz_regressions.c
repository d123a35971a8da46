/*
 * test_fuzz_regressions.c - every input under tests/fuzz/regressions/
 * (inputs that once crashed a libFuzzer target) replayed through the same
 * pipeline as its target, in the normal build, so that a fixed crash stays
 * fixed without clang or libFuzzer: fuzz_extract/ and fuzz_html/ files are
 * loaded as text or HTML, extracted with the default lexicon and written as
 * GraphML and JSON-LD, which must parse back; fuzz_lexicon/ files are
 * given to kgex_lexicon_add_json.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>
#include <libxml/parser.h>

#include "kgex/kgex.h"

static const kgex_export_options graphml_opts = {KGEX_EXPORT_OPTIONS_VERSION, KGEX_FORMAT_GRAPHML,
                                                 KGEX_GRAPHML_STRICT, KGEX_GEXF_1_3};
static const kgex_export_options jsonld_opts = {KGEX_EXPORT_OPTIONS_VERSION, KGEX_FORMAT_JSONLD,
                                                KGEX_GRAPHML_TOOLS, KGEX_GEXF_1_3};

static kgex_lexicon *lexicon;

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void check_writers(const kgex_graph *graph, const char *name)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *fp;
    xmlDocPtr xdoc;
    json_t *json;
    json_error_t jerr;

    fp = open_memstream(&buf, &size);
    assert_non_null(fp);
    assert_int_equal(kgex_export_write(graph, fp, &graphml_opts, NULL), KGEX_OK);
    assert_int_equal(fclose(fp), 0);
    xmlSetGenericErrorFunc(NULL, quiet);
    xdoc = xmlReadMemory(buf, (int)size, "r.graphml", NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
    if (!xdoc)
        print_error("%s: GraphML output does not parse\n", name);
    assert_non_null(xdoc);
    xmlFreeDoc(xdoc);
    free(buf);
    buf = NULL;
    fp = open_memstream(&buf, &size);
    assert_non_null(fp);
    assert_int_equal(kgex_export_write(graph, fp, &jsonld_opts, NULL), KGEX_OK);
    assert_int_equal(fclose(fp), 0);
    json = json_loadb(buf, size, 0, &jerr);
    if (!json)
        print_error("%s: JSON-LD output does not parse: %s\n", name, jerr.text);
    assert_non_null(json);
    json_decref(json);
    free(buf);
}

static void extract_and_write(const kgex_lexicon *lex, const char *name, const char *text,
                              size_t len, const char *date)
{
    kgex_graph *graph = NULL;
    kgex_extractor *x = NULL;
    kgex_extract_options xopt = KGEX_EXTRACT_OPTIONS_INIT;

    xopt.date = date;
    assert_int_equal(kgex_graph_new(&graph), KGEX_OK);
    assert_int_equal(kgex_extractor_new(&x, lex, graph), KGEX_OK);
    assert_int_equal(kgex_extract_text(x, name, text, len, &xopt, NULL), KGEX_OK);
    check_writers(graph, name);
    kgex_extractor_free(x);
    kgex_graph_free(graph);
}

static char *read_all(const char *path, size_t *len_out)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    long n;

    assert_non_null(fp);
    assert_int_equal(fseek(fp, 0, SEEK_END), 0);
    n = ftell(fp);
    assert_true(n >= 0);
    rewind(fp);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
    fclose(fp);
    *len_out = (size_t)n;
    return buf;
}

static void replay(const char *target, const char *path)
{
    size_t len;
    char *data = read_all(path, &len);

    print_message("replay %s %s\n", target, path);
    if (strcmp(target, "fuzz_lexicon") == 0) {
        static const char text[] = "Armenia is a member of the CSTO. Foreign Minister Ararat "
                                   "Mirzoyan said that \"the shelling must stop\".\n";
        kgex_lexicon *lex = NULL;
        int error;

        assert_int_equal(kgex_lexicon_new(&lex), KGEX_OK);
        error = kgex_lexicon_add_json(lex, data, len, path, NULL);
        assert_true(error == KGEX_OK || error == KGEX_EPARSE || error == KGEX_ELIMIT);
        if (error == KGEX_OK)
            extract_and_write(lex, "r.txt", text, sizeof(text) - 1, NULL);
        kgex_lexicon_free(lex);
    } else {
        kgex_input_options opts = KGEX_INPUT_OPTIONS_INIT;
        kgex_document *doc = NULL;
        int error;

        opts.format = strcmp(target, "fuzz_html") == 0 ? KGEX_INPUT_HTML : KGEX_INPUT_TEXT;
        error = kgex_document_load_buffer(&doc, data, len, path, &opts, NULL);
        assert_true(error == KGEX_OK || error == KGEX_EPARSE);
        if (error == KGEX_OK)
            extract_and_write(lexicon, path, kgex_document_text(doc), kgex_document_len(doc),
                              opts.format == KGEX_INPUT_HTML ? kgex_document_date(doc)
                                                             : "2024-03-08");
        kgex_document_free(doc);
    }
    free(data);
}

static void fuzz_regressions_stay_fixed(void **state)
{
    static const char *const targets[] = {"fuzz_extract", "fuzz_html", "fuzz_lexicon"};
    size_t t, count = 0;

    (void)state;
    for (t = 0; t < 3; t++) {
        char dir[512];
        DIR *dp;
        struct dirent *de;
        size_t before = count;

        snprintf(dir, sizeof(dir), "%s/tests/fuzz/regressions/%s", KGEX_SOURCE_DIR, targets[t]);
        dp = opendir(dir);
        if (!dp) {
            print_error("%s: missing\n", dir);
            fail();
        }
        while ((de = readdir(dp)) != NULL) {
            char path[1024];

            if (de->d_name[0] == '.')
                continue;
            snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
            replay(targets[t], path);
            count++;
        }
        closedir(dp);
        /* every target has regressions, and they are all read */
        if (count == before) {
            print_error("%s: no input replayed\n", dir);
            fail();
        }
    }
    print_message("%zu regression inputs replayed\n", count);
}

static int setup(void **state)
{
    (void)state;
    return kgex_lexicon_new_default(&lexicon, NULL);
}

static int teardown(void **state)
{
    (void)state;
    kgex_lexicon_free(lexicon);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fuzz_regressions_stay_fixed),
    };

    return cmocka_run_group_tests_name("fuzz regressions", tests, setup, teardown);
}
