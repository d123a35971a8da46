/*
 * test_extraction.c - reading documents apart from adding them: records
 * read on several threads, in any order, and added in input order give
 * the graph that kgex_extract_text() gives over the same documents, to
 * the byte in every output.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <pthread.h>

#include "kgex/kgex.h"

#define DOCS 24

typedef struct corpus {
    char *name[DOCS];
    char *text[DOCS];
    size_t len[DOCS];
} corpus;

static char *read_all(const char *path, size_t *len_out)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    long n;

    assert_non_null(fp);
    assert_int_equal(fseek(fp, 0, SEEK_END), 0);
    n = ftell(fp);
    assert_true(n > 0);
    rewind(fp);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
    buf[n] = '\0';
    fclose(fp);
    *len_out = (size_t)n;
    return buf;
}

/* The project's example and fixture articles, each under several names, so
 * that people and statements meet across documents. */
static void corpus_load(corpus *c)
{
    static const char *const files[] = {
        "examples/news/01_tavush_shelling.txt",    "examples/news/02_moscow_consultations.txt",
        "examples/news/03_invasion_condemned.txt", "tests/fixtures/news/01_baltic_exercise.txt",
        "tests/fixtures/news/02_border_clash.txt", "tests/fixtures/news/03_odd_characters.txt"};
    size_t i;

    for (i = 0; i < DOCS; i++) {
        char path[512], name[64];

        snprintf(path, sizeof(path), "%s/%s", KGEX_SOURCE_DIR, files[i % 6]);
        snprintf(name, sizeof(name), "doc%02zu.txt", i);
        c->text[i] = read_all(path, &c->len[i]);
        c->name[i] = strdup(name);
        assert_non_null(c->name[i]);
    }
}

static void corpus_free(corpus *c)
{
    size_t i;

    for (i = 0; i < DOCS; i++) {
        free(c->text[i]);
        free(c->name[i]);
    }
}

/* The outputs of a graph, one after another, in memory: GraphML (which
 * holds every field of the graph), and with `all` the other formats. */
static char *outputs(kgex_graph *g, int all, size_t *len)
{
    static const kgex_format formats[] = {KGEX_FORMAT_GRAPHML, KGEX_FORMAT_JSONLD,
                                          KGEX_FORMAT_NQUADS, KGEX_FORMAT_GEXF};
    kgex_export_options opts = KGEX_EXPORT_OPTIONS_INIT;
    char *text = NULL;
    FILE *fp = open_memstream(&text, len);
    size_t i;

    assert_non_null(fp);
    for (i = 0; i < (all ? 4 : 1); i++) {
        opts.format = formats[i];
        assert_int_equal(kgex_export_write(g, fp, &opts, NULL), KGEX_OK);
    }
    assert_int_equal(fclose(fp), 0);
    return text;
}

/* The reference: kgex_extract_text() over the documents in order. */
static char *one_by_one(const kgex_lexicon *lex, const corpus *c, size_t *len)
{
    kgex_graph *g = NULL;
    kgex_extractor *x = NULL;
    char *text;
    size_t i;

    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    assert_int_equal(kgex_extractor_new(&x, lex, g), KGEX_OK);
    for (i = 0; i < DOCS; i++)
        assert_int_equal(kgex_extract_text(x, c->name[i], c->text[i], c->len[i], NULL, NULL),
                         KGEX_OK);
    text = outputs(g, 1, len);
    kgex_extractor_free(x);
    kgex_graph_free(g);
    return text;
}

typedef struct reader {
    const kgex_extractor *x;
    const corpus *c;
    kgex_extraction **rec;
    size_t first, step;
    int rc;
} reader;

/* Read documents first, first + step, ... from the last one back. */
static void *read_some(void *arg)
{
    reader *r = arg;
    size_t i;

    for (i = DOCS; i-- > 0;) {
        if (i % r->step != r->first)
            continue;
        r->rc = kgex_extractor_read(r->x, &r->rec[i], r->c->name[i], r->c->text[i], r->c->len[i],
                                    NULL, NULL);
        if (r->rc < 0)
            break;
    }
    return NULL;
}

static void records_read_on_threads_give_the_same_graph(void **state)
{
    enum { THREADS = 3 };
    kgex_lexicon *lex = NULL;
    kgex_graph *g = NULL;
    kgex_extractor *x = NULL;
    kgex_extraction *rec[DOCS] = {0};
    pthread_t tid[THREADS];
    reader rd[THREADS];
    corpus c;
    char *want, *got;
    size_t want_len, got_len, i;

    (void)state;
    corpus_load(&c);
    assert_int_equal(kgex_lexicon_new_default(&lex, NULL), KGEX_OK);
    want = one_by_one(lex, &c, &want_len);

    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    assert_int_equal(kgex_extractor_new(&x, lex, g), KGEX_OK);
    for (i = 0; i < THREADS; i++) {
        rd[i].x = x;
        rd[i].c = &c;
        rd[i].rec = rec;
        rd[i].first = i;
        rd[i].step = THREADS;
        rd[i].rc = KGEX_OK;
        assert_int_equal(pthread_create(&tid[i], NULL, read_some, &rd[i]), 0);
    }
    for (i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_join(tid[i], NULL), 0);
        assert_int_equal(rd[i].rc, KGEX_OK);
    }
    /* nothing reached the graph until the records are added */
    assert_int_equal(kgex_graph_node_count(g), 0);
    for (i = 0; i < DOCS; i++) {
        assert_string_equal(kgex_extraction_document(rec[i]), c.name[i]);
        assert_int_equal(kgex_extractor_add(x, rec[i], NULL), KGEX_OK);
        kgex_extraction_free(rec[i]);
    }
    got = outputs(g, 1, &got_len);
    assert_true(want_len > 10000);
    assert_int_equal(got_len, want_len);
    assert_memory_equal(got, want, want_len);

    free(want);
    free(got);
    kgex_extractor_free(x);
    kgex_graph_free(g);
    kgex_lexicon_free(lex);
    corpus_free(&c);
}

/* A document over 4 MiB is read in pieces; its record holds them all. */
static void a_long_document_reads_into_one_record(void **state)
{
    kgex_lexicon *lex = NULL;
    kgex_graph *g1 = NULL, *g2 = NULL;
    kgex_extractor *x1 = NULL, *x2 = NULL;
    kgex_extraction *rec = NULL;
    kgex_extract_stats st1, st2;
    corpus c;
    char *big, *want, *got;
    size_t big_len = 0, cap = (size_t)9 << 19, want_len, got_len, i = 0;

    (void)state;
    corpus_load(&c);
    big = malloc(cap);
    assert_non_null(big);
    while (big_len + c.len[i % DOCS] + 1 < cap) {
        memcpy(big + big_len, c.text[i % DOCS], c.len[i % DOCS]);
        big_len += c.len[i % DOCS];
        big[big_len++] = '\n';
        i++;
    }
    assert_int_equal(kgex_lexicon_new_default(&lex, NULL), KGEX_OK);
    assert_int_equal(kgex_graph_new(&g1), KGEX_OK);
    assert_int_equal(kgex_extractor_new(&x1, lex, g1), KGEX_OK);
    assert_int_equal(kgex_extract_text(x1, "big.txt", big, big_len, NULL, NULL), KGEX_OK);
    assert_int_equal(kgex_graph_new(&g2), KGEX_OK);
    assert_int_equal(kgex_extractor_new(&x2, lex, g2), KGEX_OK);
    assert_int_equal(kgex_extractor_read(x2, &rec, "big.txt", big, big_len, NULL, NULL), KGEX_OK);
    assert_int_equal(kgex_extractor_add(x2, rec, NULL), KGEX_OK);

    kgex_extractor_stats(x1, &st1);
    kgex_extractor_stats(x2, &st2);
    assert_int_equal(st1.documents, 1);
    assert_int_equal(st2.documents, 1);
    assert_int_equal(st1.sentences, st2.sentences);
    assert_int_equal(st1.mentions, st2.mentions);
    want = outputs(g1, 0, &want_len);
    got = outputs(g2, 0, &got_len);
    assert_int_equal(got_len, want_len);
    assert_memory_equal(got, want, want_len);

    free(want);
    free(got);
    free(big);
    kgex_extraction_free(rec);
    kgex_extractor_free(x1);
    kgex_extractor_free(x2);
    kgex_graph_free(g1);
    kgex_graph_free(g2);
    kgex_lexicon_free(lex);
    corpus_free(&c);
}

/* Statements of two documents never share a node, whatever their names:
 * names that differ in case, in punctuation, in a byte that is not UTF-8
 * or a control character, or only after a long common prefix. */
static void statements_of_differently_named_documents_stay_apart(void **state)
{
    static const char text[] = "Armenian Foreign Minister Aram Karapetyan said on Monday that "
                               "Azerbaijan had shelled the village.\n";
    char long_a[400], long_b[400];
    const char *pairs[][2] = {{"A.txt", "a.txt"},         {"ab.txt", "a.b.txt"},
                              {"x/a.txt", "x-a.txt"},     {"a\xff.txt", "a\xfe.txt"},
                              {"a\x01.txt", "a\x02.txt"}, {long_a, long_b}};
    kgex_lexicon *lex = NULL;
    size_t i, k, j, events;

    (void)state;
    memset(long_a, 'n', sizeof(long_a) - 1);
    long_a[sizeof(long_a) - 1] = '\0';
    memcpy(long_b, long_a, sizeof(long_a));
    long_b[sizeof(long_b) - 2] = 'm';
    assert_int_equal(kgex_lexicon_new_default(&lex, NULL), KGEX_OK);
    for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        kgex_graph *g = NULL;
        kgex_extractor *x = NULL;

        assert_int_equal(kgex_graph_new(&g), KGEX_OK);
        assert_int_equal(kgex_extractor_new(&x, lex, g), KGEX_OK);
        for (k = 0; k < 2; k++)
            assert_int_equal(kgex_extract_text(x, pairs[i][k], text, sizeof(text) - 1, NULL, NULL),
                             KGEX_OK);
        events = 0;
        for (k = 0; k < kgex_graph_node_count(g); k++) {
            const kgex_node *n = kgex_graph_node(g, k);

            if (n->kind != KGEX_KIND_EVENT)
                continue;
            events++;
            /* one statement, read in one document */
            assert_int_equal(n->mentions, 1);
            for (j = 0; j < n->prov_len; j++)
                assert_string_equal(n->prov[j].doc, n->prov[0].doc);
        }
        assert_int_equal(events, 2);
        kgex_extractor_free(x);
        kgex_graph_free(g);
    }
    kgex_lexicon_free(lex);
}

/* Records written as shard lines, read back and added in order give the
 * graph of the records themselves; names that are not UTF-8 come back the
 * same. */
static void shard_lines_read_back_give_the_same_graph(void **state)
{
    kgex_lexicon *lex = NULL;
    kgex_graph *g = NULL;
    kgex_extractor *x = NULL;
    corpus c;
    char *shard = NULL, *want, *got, *line;
    size_t shard_len = 0, want_len, got_len, i, lines = 0;
    FILE *fp;

    (void)state;
    corpus_load(&c);
    free(c.name[1]);
    c.name[1] = strdup("caf\xe9 \"quoted\"\\name.txt"); /* Latin-1, not UTF-8 */
    assert_int_equal(kgex_lexicon_new_default(&lex, NULL), KGEX_OK);
    want = one_by_one(lex, &c, &want_len);

    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    assert_int_equal(kgex_extractor_new(&x, lex, g), KGEX_OK);
    fp = open_memstream(&shard, &shard_len);
    assert_non_null(fp);
    for (i = 0; i < DOCS; i++) {
        kgex_extraction *rec = NULL;

        assert_int_equal(kgex_extractor_read(x, &rec, c.name[i], c.text[i], c.len[i], NULL, NULL),
                         KGEX_OK);
        assert_int_equal(kgex_extraction_write(rec, fp, NULL), KGEX_OK);
        kgex_extraction_free(rec);
    }
    assert_int_equal(fclose(fp), 0);
    for (line = shard; *line; line = strchr(line, '\n') + 1) {
        kgex_extraction *rec = NULL;
        kgex_error err;

        kgex_error_clear(&err);
        assert_int_equal(
            kgex_extraction_parse(&rec, line, (size_t)(strchr(line, '\n') - line), &err), KGEX_OK);
        assert_string_equal(kgex_extraction_document(rec), c.name[lines]);
        assert_int_equal(kgex_extractor_add(x, rec, NULL), KGEX_OK);
        kgex_extraction_free(rec);
        lines++;
    }
    assert_int_equal(lines, DOCS);
    got = outputs(g, 1, &got_len);
    assert_int_equal(got_len, want_len);
    assert_memory_equal(got, want, want_len);

    free(shard);
    free(want);
    free(got);
    kgex_extractor_free(x);
    kgex_graph_free(g);
    kgex_lexicon_free(lex);
    corpus_free(&c);
}

static void shard_lines_that_kgex_did_not_write_are_refused_with_the_place(void **state)
{
    static const struct {
        const char *line;
        const char *message;
    } bad[] = {
        {"{\"doc\":\"a\",\"pieces\":[]}", "not a kgex shard record"},
        {"{\"kgex_shard\":2,\"doc\":\"a\",\"pieces\":[]}", "shard version 2"},
        {"{\"kgex_shard\":1,\"pieces\":[]}", "doc: missing"},
        {"{\"kgex_shard\":1,\"doc\":\"a\",\"pieces\":[{\"sentences\":1,\"entities\":[{"
         "\"kind\":\"planet\",\"label\":\"Mars\"}],\"mentions\":[],\"relations\":[]}]}",
         "pieces[0].entities[0].kind: not state, organization or official"},
        {"{\"kgex_shard\":1,\"doc\":\"a\",\"pieces\":[{\"sentences\":1,\"entities\":[{"
         "\"kind\":\"official\",\"label\":\"A B\",\"last\":\"b\"}],\"mentions\":[],"
         "\"relations\":[]}]}",
         "pieces[0].entities[0].first: missing"},
        {"{\"kgex_shard\":1,\"doc\":\"a\",\"pieces\":[{\"sentences\":1,\"entities\":[],"
         "\"mentions\":[[0,0,0,1]],\"relations\":[]}]}",
         "pieces[0].mentions[0]: no such entity in this piece"},
        {"{\"kgex_shard\":1,\"doc\":\"a\",\"pieces\":[{\"sentences\":1,\"entities\":[{"
         "\"kind\":\"state\",\"id\":\"state/ARM\",\"label\":\"Armenia\"}],\"mentions\":[],"
         "\"relations\":[{\"rel\":\"attacked\",\"src\":0,\"dst\":3,\"at\":[0,0,1]}]}]}",
         "pieces[0].relations[0].dst: not an entity of this piece"},
        {"{\"kgex_shard\":1,\"doc\":\"a\",\"pieces\":[{\"sentences\":1,\"entities\":[{"
         "\"kind\":\"state\",\"id\":\"state/ARM\",\"label\":\"Armenia\"}],\"mentions\":[],"
         "\"relations\":[{\"rel\":\"stated\",\"src\":0,\"at\":[0,0,1],\"quote\":\"q\","
         "\"event_at\":[0,0,1],\"about\":[[0,0,-1,2]]}]}]}",
         "pieces[0].relations[0].about[0]: not a number of 0 or more"},
        {"{\"kgex_shard\":1,", "not JSON"},
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        kgex_extraction *rec = (kgex_extraction *)&rec;
        kgex_error err;

        kgex_error_clear(&err);
        assert_int_equal(kgex_extraction_parse(&rec, bad[i].line, strlen(bad[i].line), &err),
                         KGEX_EPARSE);
        assert_null(rec);
        if (!strstr(err.message, bad[i].message))
            fail_msg("line %zu: '%s' lacks '%s'", i, err.message, bad[i].message);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(records_read_on_threads_give_the_same_graph),
        cmocka_unit_test(a_long_document_reads_into_one_record),
        cmocka_unit_test(statements_of_differently_named_documents_stay_apart),
        cmocka_unit_test(shard_lines_read_back_give_the_same_graph),
        cmocka_unit_test(shard_lines_that_kgex_did_not_write_are_refused_with_the_place),
    };
    return cmocka_run_group_tests_name("extraction", tests, NULL, NULL);
}
