/*
 * test_oom.c - allocation failure: the k-th allocation fails, for every k
 * over a small run (a user lexicon, a text and an HTML document, the
 * extraction, both writers to files), and every failure must be a clean
 * error: KGEX_ENOMEM (the writers may also say KGEX_EIO when libxml2
 * reports its own allocation failure as a write error), nothing leaked (the
 * suite runs under ASan/LeakSanitizer and valgrind) and no output or
 * temporary file left behind (jansson's test_chaos.c, sqlite's fault
 * tests).
 *
 * The failures are injected with kgex__alloc_fail_after() (src/alloc.c,
 * compiled with the hook into the test library only).
 * jansson (json_set_alloc_funcs) is routed through the same wrappers while
 * the writers run, so its allocations fail in turn too; not while the
 * lexicon is read, because kgex_lexicon_add_json reports jansson's out of
 * memory as KGEX_EPARSE with an empty message. libxml2 (xmlMemSetup) is
 * set up but not failed: 2.9.14 crashes or leaks on its own allocation
 * failures (see xml_hooked). igraph's allocations are out of reach.
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
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/xmlmemory.h>

#include "common.h"
#include "kgex/kgex.h"

static const kgex_export_options graphml_opts = {KGEX_EXPORT_OPTIONS_VERSION, KGEX_FORMAT_GRAPHML,
                                                 KGEX_GRAPHML_STRICT, KGEX_GEXF_1_3};
static const kgex_export_options jsonld_opts = {KGEX_EXPORT_OPTIONS_VERSION, KGEX_FORMAT_JSONLD,
                                                KGEX_GRAPHML_TOOLS, KGEX_GEXF_1_3};

static const char lexicon_json[] =
    "{\"kgex_lexicon\": 1,\n"
    " \"states\": [{\"id\": \"ARM\", \"name\": \"Armenia\", \"official_name\": \"Republic of "
    "Armenia\", \"aliases\": [], \"adjectives\": [\"Armenian\"], \"demonyms\": [\"Armenians\"], "
    "\"capitals\": [\"Yerevan\"], \"seats\": [], \"iso3\": \"ARM\", \"wikidata\": \"Q399\", "
    "\"un_member\": true},\n"
    "  {\"id\": \"AZE\", \"name\": \"Azerbaijan\", \"official_name\": \"Republic of Azerbaijan\", "
    "\"aliases\": [], \"adjectives\": [\"Azerbaijani\"], \"demonyms\": [\"Azerbaijanis\"], "
    "\"capitals\": [\"Baku\"], \"seats\": [], \"iso3\": \"AZE\", \"wikidata\": \"Q227\", "
    "\"un_member\": true}],\n"
    " \"organizations\": [{\"id\": \"csto\", \"name\": \"Collective Security Treaty "
    "Organization\", \"type\": \"military\", \"acronyms\": [\"CSTO\"]}],\n"
    " \"titles\": [{\"title\": \"Foreign Minister\", \"class\": \"office\"}],\n"
    " \"triggers\": [{\"relation\": \"member_of\", \"pos\": \"noun\", \"forms\": [\"member\"]},\n"
    "  {\"relation\": \"attacked\", \"pos\": \"verb\", \"forms\": [\"shelled\"], "
    "\"cameo\": \"194\", \"frames\": [\"{dst}\", \"at|on {dst}\", \"\"]}],\n"
    " \"cues\": [{\"class\": \"armed_head\", \"words\": [\"forces\", \"armed forces\"]}]}\n";

static const char text[] =
    "\xEF\xBB\xBF"
    "Armenia is a member of the CSTO.\r\n"
    "Armenian Foreign Minister Ararat Mirzoyan said on Tuesday that \"Azerbaijani forces "
    "shelled Yerevan\".\r\nBad \xFF byte.\n";

static const char html[] =
    "<html><head><title>CSTO</title><meta name=\"date\" content=\"2024-03-08\">"
    "<script>x()</script></head><body><nav>Baku</nav><p>Azerbaijan is a member of the CSTO."
    "</p><p>Baku shelled Armenia, Mirzoyan said.</p></body></html>";

static char tmpdir[64];

/* Which third-party allocations go through the failing wrappers at the
 * moment: jansson's while the writers run. libxml2's never (xml_hooked
 * stays 0, the hook is kept for a fixed libxml2): 2.9.14's HTML parser
 * crashes when an allocation fails (htmlParseDocument) and its
 * xmlTextWriter leaks on one (xmlTextWriterStartElement and
 * xmlTextWriterStartComment ignore a failed xmlListPushFront). */
static int xml_hooked, json_hooked;

static void *xml_malloc(size_t size)
{
    return xml_hooked ? kgex__malloc(size) : malloc(size);
}

static void *xml_realloc(void *ptr, size_t size)
{
    return xml_hooked ? kgex__realloc(ptr, size) : realloc(ptr, size);
}

static char *xml_strdup(const char *s)
{
    return xml_hooked ? kgex__strdup(s) : strdup(s);
}

static void *json_malloc(size_t size)
{
    return json_hooked ? kgex__malloc(size) : malloc(size);
}

static void any_free(void *ptr)
{
    free(ptr); /* kgex__free is free() */
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/kgex-test-oom.XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    xmlInitParser();
    json_set_alloc_funcs(json_malloc, any_free);
    return xmlMemSetup(any_free, xml_malloc, xml_realloc, xml_strdup);
}

static int teardown(void **state)
{
    (void)state;
    kgex__alloc_fail_after(-1);
    xml_hooked = json_hooked = 0;
    return rmdir(tmpdir);
}

/* Names in tmpdir: none may be a temporary file; `expect` lists the
 * names allowed (NULL-terminated). Removes them all. */
static void check_and_clear_dir(const char *const *allowed)
{
    DIR *dp = opendir(tmpdir);
    struct dirent *de;
    char path[512];

    assert_non_null(dp);
    while ((de = readdir(dp)) != NULL) {
        const char *const *a;
        int ok = 0;

        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        for (a = allowed; *a; a++)
            ok = ok || strcmp(*a, de->d_name) == 0;
        if (!ok)
            print_error("unexpected file left behind: %s\n", de->d_name);
        assert_true(ok);
        snprintf(path, sizeof(path), "%s/%s", tmpdir, de->d_name);
        assert_int_equal(unlink(path), 0);
    }
    closedir(dp);
}

static int is_clean_error(int error)
{
    return error == KGEX_ENOMEM;
}

/* One run with the k-th allocation failing; returns 1 when it succeeded
 * (no allocation failed), 0 after a clean failure. */
static int run_once(long k)
{
    kgex_lexicon *lex = NULL;
    kgex_graph *graph = NULL;
    kgex_extractor *x = NULL;
    kgex_document *doc = NULL, *page = NULL;
    kgex_extract_options xopt = KGEX_EXTRACT_OPTIONS_INIT;
    kgex_error err;
    char graphml[128], jsonld[128];
    const char *written[3] = {NULL, NULL, NULL};
    size_t nwritten = 0;
    int error, done = 0;

    snprintf(graphml, sizeof(graphml), "%s/g.graphml", tmpdir);
    snprintf(jsonld, sizeof(jsonld), "%s/g.jsonld", tmpdir);
    kgex__alloc_fail_after(k);

    kgex_error_clear(&err);
    error = kgex_lexicon_new(&lex);
    /* jansson's own allocations are not failed while the lexicon is read:
     * kgex_lexicon_add_json reports jansson's out of memory as a parse
     * error with an empty message (src/lexicon/lexicon.c) */
    if (error == 0)
        error =
            kgex_lexicon_add_json(lex, lexicon_json, sizeof(lexicon_json) - 1, "lex.json", &err);
    if (error == 0)
        error = kgex_document_load_buffer(&doc, text, sizeof(text) - 1, "a.txt", NULL, &err);
    if (error == 0)
        error = kgex_document_load_buffer(&page, html, sizeof(html) - 1, "b.html", NULL, &err);
    if (error < 0)
        goto check;
    error = kgex_graph_new(&graph);
    if (error == 0)
        error = kgex_extractor_new(&x, lex, graph);
    if (error == 0)
        error = kgex_extract_text(x, "a.txt", kgex_document_text(doc), kgex_document_len(doc),
                                  &xopt, &err);
    xopt.date = kgex_document_date(page);
    if (error == 0)
        error = kgex_extract_text(x, "b.html", kgex_document_text(page), kgex_document_len(page),
                                  &xopt, &err);
    if (error < 0)
        goto check;
    json_hooked = 1;
    error = kgex_export_write_file(graph, graphml, &graphml_opts, &err);
    /* libxml2's writer and jansson's json_dumpf report a failed allocation
     * as a write error (-1 either way): KGEX_EIO with a message is clean */
    if (error == KGEX_EIO && err.message[0])
        error = KGEX_ENOMEM;
    if (error < 0)
        goto check;
    written[nwritten++] = "g.graphml";
    error = kgex_export_write_file(graph, jsonld, &jsonld_opts, &err);
    if (error == KGEX_EIO && err.message[0])
        error = KGEX_ENOMEM;
    if (error < 0)
        goto check;
    written[nwritten++] = "g.jsonld";
    done = 1;
check:
    kgex__alloc_fail_after(-1);
    xml_hooked = json_hooked = 0;
    if (!done && !is_clean_error(error)) {
        print_error("allocation %ld: error %d (%s)\n", k, error, err.message);
        fail();
    }
    if (done && k >= 0) {
        /* the run succeeded: it must have needed fewer allocations */
        assert_true(kgex__alloc_count() <= k);
    }
    check_and_clear_dir(written);
    kgex_extractor_free(x);
    kgex_graph_free(graph);
    kgex_document_free(doc);
    kgex_document_free(page);
    kgex_lexicon_free(lex);
    return done;
}

static void every_allocation_failure_is_a_clean_error(void **state)
{
    long k;

    (void)state;
    /* without failures: the run succeeds */
    assert_true(run_once(-1));
    for (k = 0; k < 1000000; k++) {
        if (run_once(k))
            break;
    }
    print_message("allocation failure test: %ld failing allocations checked\n", k);
    assert_true(k > 100);
    assert_true(k < 1000000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_allocation_failure_is_a_clean_error),
    };

    return cmocka_run_group_tests_name("oom", tests, setup, teardown);
}
