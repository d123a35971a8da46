/*
 * test_jsonld.c - the JSON-LD writer: hostile strings, absolute IRIs, the
 * inline context against schemas/context.jsonld, typed values.
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
#include <jansson.h>

#include "kgex/errors.h"
#include "kgex/export.h"
#include "kgex/graph.h"

static const kgex_export_options jsonld_opts = {KGEX_EXPORT_OPTIONS_VERSION, KGEX_FORMAT_JSONLD,
                                                KGEX_GRAPHML_TOOLS, KGEX_GEXF_1_3};

#define ID_BASE "https://w3id.org/kgex/id/"

/* <, >, &, quotes, "]]>", C0 controls, invalid UTF-8, U+FFFE, an emoji */
#define HOSTILE       "A<b>&\"'c]]> \x01x\x0by \xff\xfe z \xef\xbf\xbe w \xf0\x9f\x98\x80 end"
#define HOSTILE_CLEAN "A<b>&\"'c]]> xy \xef\xbf\xbd\xef\xbf\xbd z  w \xf0\x9f\x98\x80 end"

static kgex_graph *make_graph(void)
{
    kgex_graph *g = NULL;
    kgex_provenance p = {"my doc.txt", 3, 10, 42, NULL};
    kgex_node_spec s = {0};
    size_t arm, csto, person, event;

    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    s.id = "state/ARM";
    s.kind = KGEX_KIND_STATE;
    s.label = HOSTILE;
    s.iso3 = "ARM";
    s.wikidata = "Q399";
    assert_int_equal(kgex_graph_add_node(g, &arm, &s, &p), KGEX_OK);
    assert_int_equal(kgex_graph_add_alias(g, arm, "Armenia"), KGEX_OK);
    assert_int_equal(kgex_graph_add_alias(g, arm, "Armenian\x02 <state>"), KGEX_OK);
    memset(&s, 0, sizeof(s));
    s.id = "org/csto";
    s.kind = KGEX_KIND_ORGANIZATION;
    s.label = "CSTO";
    assert_int_equal(kgex_graph_add_node(g, &csto, &s, &p), KGEX_OK);
    memset(&s, 0, sizeof(s));
    s.id = "person/nikol_pashinyan";
    s.kind = KGEX_KIND_OFFICIAL;
    s.label = "Nikol Pashinyan";
    s.role = "prime minister";
    assert_int_equal(kgex_graph_add_node(g, &person, &s, &p), KGEX_OK);
    memset(&s, 0, sizeof(s));
    s.id = "event/my doc.txt/3/0";
    s.kind = KGEX_KIND_EVENT;
    s.label = "statement by Nikol Pashinyan";
    s.quote = HOSTILE;
    s.date = "2022-09-13";
    s.cameo = "0233";
    assert_int_equal(kgex_graph_add_node(g, &event, &s, &p), KGEX_OK);

    assert_int_equal(
        kgex_graph_add_edge(g, NULL, arm, KGEX_REL_MEMBER_OF, csto, NULL, NULL, NULL, &p), KGEX_OK);
    assert_int_equal(
        kgex_graph_add_edge(g, NULL, arm, KGEX_REL_MEMBER_OF, csto, NULL, NULL, NULL, &p), KGEX_OK);
    assert_int_equal(
        kgex_graph_add_edge(g, NULL, person, KGEX_REL_OFFICIAL_OF, arm, HOSTILE, NULL, NULL, &p),
        KGEX_OK);
    assert_int_equal(kgex_graph_add_edge(g, NULL, person, KGEX_REL_STATED, event, NULL, "0233",
                                         "2022-09-13", &p),
                     KGEX_OK);
    assert_int_equal(
        kgex_graph_add_edge(g, NULL, event, KGEX_REL_ABOUT, csto, NULL, NULL, NULL, NULL), KGEX_OK);
    return g;
}

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/kgex-test-jsonld-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[300];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Write make_graph() as JSON-LD and load it back. */
static json_t *write_and_load(const char *name)
{
    kgex_graph *g = make_graph();
    char path[512];
    json_error_t jerr;
    json_t *doc;

    snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
    assert_int_equal(kgex_export_write_file(g, path, &jsonld_opts, NULL), KGEX_OK);
    doc = json_load_file(path, 0, &jerr);
    if (!doc)
        fail_msg("%s:%d: %s", path, jerr.line, jerr.text);
    kgex_graph_free(g);
    return doc;
}

static json_t *item_by_id(json_t *doc, const char *id)
{
    json_t *item;
    size_t i;

    json_array_foreach(json_object_get(doc, "@graph"), i, item)
    {
        const char *v = json_string_value(json_object_get(item, "@id"));

        if (v && strcmp(v, id) == 0)
            return item;
    }
    return NULL;
}

static int array_has_string(json_t *array, const char *s)
{
    json_t *v;
    size_t i;

    json_array_foreach(array, i, v)
    {
        if (json_is_string(v) && strcmp(json_string_value(v), s) == 0)
            return 1;
    }
    return 0;
}

static void jsonld_round_trips_hostile_strings(void **state)
{
    json_t *doc = write_and_load("hostile.jsonld");
    json_t *arm, *event, *official;

    (void)state;
    arm = item_by_id(doc, ID_BASE "state/ARM");
    assert_non_null(arm);
    assert_string_equal(json_string_value(json_object_get(arm, "name")), HOSTILE_CLEAN);
    assert_true(array_has_string(json_object_get(arm, "alternateName"), "Armenian <state>"));
    assert_true(array_has_string(json_object_get(arm, "@type"), "schema:Country"));
    assert_true(array_has_string(json_object_get(arm, "@type"), "schema:GovernmentOrganization"));
    assert_string_equal(json_string_value(json_object_get(arm, "sameAs")),
                        "http://www.wikidata.org/entity/Q399");
    assert_string_equal(json_string_value(json_object_get(arm, "iso3")), "ARM");
    assert_true(json_is_integer(json_object_get(arm, "mentions")));
    assert_true(array_has_string(json_object_get(arm, "memberOf"), ID_BASE "org/csto"));
    assert_true(array_has_string(json_object_get(arm, "provenance"), "my%20doc.txt#3:10-42"));

    event = item_by_id(doc, ID_BASE "event/my%20doc.txt/3/0");
    assert_non_null(event);
    assert_string_equal(json_string_value(json_object_get(event, "text")), HOSTILE_CLEAN);
    /* typed: {"@value": "2022-09-13", "@type": "xsd:date"} */
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(event, "startDate"), "@value")),
        "2022-09-13");
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(event, "startDate"), "@type")),
        "xsd:date");
    assert_true(array_has_string(json_object_get(event, "@type"), "schema:Event"));
    assert_true(array_has_string(json_object_get(event, "about"), ID_BASE "org/csto"));

    official = item_by_id(doc, ID_BASE "person/nikol_pashinyan");
    assert_non_null(official);
    assert_string_equal(json_string_value(json_object_get(official, "@type")), "schema:Person");
    assert_string_equal(json_string_value(json_object_get(official, "jobTitle")), "prime minister");
    assert_true(array_has_string(json_object_get(official, "worksFor"), ID_BASE "state/ARM"));
    assert_true(array_has_string(json_object_get(official, "officialOf"), ID_BASE "state/ARM"));
    assert_true(
        array_has_string(json_object_get(official, "stated"), ID_BASE "event/my%20doc.txt/3/0"));
    json_decref(doc);
}

static int is_absolute_iri(const char *s)
{
    const char *p;

    if (strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0)
        return 0;
    for (p = s; *p; p++) {
        if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f || strchr("<>\"{}|\\^`", *p))
            return 0;
    }
    return 1;
}

static void jsonld_uses_absolute_iris(void **state)
{
    json_t *doc = write_and_load("iris.jsonld");
    json_t *item;
    size_t i, n = 0;

    (void)state;
    json_array_foreach(json_object_get(doc, "@graph"), i, item)
    {
        const char *id = json_string_value(json_object_get(item, "@id"));

        assert_non_null(id);
        if (!is_absolute_iri(id))
            fail_msg("not an absolute IRI: %s", id);
        n++;
    }
    assert_int_equal(n, 4 + 4); /* nodes, then one relation per edge */
    json_decref(doc);
}

static void jsonld_context_equals_the_schema_file(void **state)
{
    json_t *doc = write_and_load("context.jsonld");
    json_error_t jerr;
    json_t *file;

    (void)state;
    file = json_load_file(KGEX_SOURCE_DIR "/schemas/context.jsonld", 0, &jerr);
    if (!file)
        fail_msg("schemas/context.jsonld:%d: %s", jerr.line, jerr.text);
    assert_non_null(json_object_get(file, "@context"));
    assert_true(json_equal(json_object_get(doc, "@context"), json_object_get(file, "@context")));
    json_decref(file);
    json_decref(doc);
}

static void jsonld_relations_carry_integer_weights(void **state)
{
    json_t *doc = write_and_load("relations.jsonld");
    json_t *item;
    size_t i, relations = 0;
    int member_of = 0;

    (void)state;
    json_array_foreach(json_object_get(doc, "@graph"), i, item)
    {
        const char *type = json_string_value(json_object_get(item, "@type"));
        const char *rel;

        if (!type || strcmp(type, "kgex:Relation") != 0)
            continue;
        relations++;
        assert_true(json_is_integer(json_object_get(item, "weight")));
        assert_true(is_absolute_iri(json_string_value(json_object_get(item, "source"))));
        assert_true(is_absolute_iri(json_string_value(json_object_get(item, "target"))));
        rel = json_string_value(json_object_get(item, "relation"));
        assert_non_null(rel);
        if (strcmp(rel, "member_of") == 0) {
            member_of = 1;
            assert_int_equal(json_integer_value(json_object_get(item, "weight")), 2);
            assert_int_equal(json_array_size(json_object_get(item, "provenance")), 2);
        }
        if (strcmp(rel, "official_of") == 0)
            assert_string_equal(json_string_value(json_object_get(item, "role")), HOSTILE_CLEAN);
    }
    assert_int_equal(relations, 4);
    assert_true(member_of);
    json_decref(doc);
}

static void jsonld_output_is_deterministic(void **state)
{
    kgex_graph *g = make_graph();
    char *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0;
    FILE *fp;

    (void)state;
    fp = open_memstream(&a, &alen);
    assert_non_null(fp);
    assert_int_equal(kgex_export_write(g, fp, &jsonld_opts, NULL), KGEX_OK);
    fclose(fp);
    fp = open_memstream(&b, &blen);
    assert_non_null(fp);
    assert_int_equal(kgex_export_write(g, fp, &jsonld_opts, NULL), KGEX_OK);
    fclose(fp);
    assert_int_equal(alen, blen);
    assert_memory_equal(a, b, alen);
    assert_memory_equal(a, "{\n  \"@context\"", 14); /* sorted keys: @context first */
    free(a);
    free(b);
    kgex_graph_free(g);
}

static void jsonld_reports_a_full_disk(void **state)
{
    kgex_graph *g = make_graph();
    kgex_error err;
    FILE *fp;

    (void)state;
    fp = fopen("/dev/full", "w");
    if (!fp)
        skip();
    kgex_error_clear(&err);
    assert_int_equal(kgex_export_write(g, fp, &jsonld_opts, &err), KGEX_EIO);
    assert_int_equal(err.code, KGEX_EIO);
    fclose(fp);
    kgex_error_clear(&err);
    assert_int_equal(kgex_export_write_file(g, "/nonexistent-dir/x.jsonld", &jsonld_opts, &err),
                     KGEX_EIO);
    /* the path is the source, named once; the message says why */
    assert_string_equal(err.source, "/nonexistent-dir/x.jsonld");
    assert_null(strstr(err.message, "nonexistent-dir"));
    kgex_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonld_round_trips_hostile_strings),
        cmocka_unit_test(jsonld_uses_absolute_iris),
        cmocka_unit_test(jsonld_context_equals_the_schema_file),
        cmocka_unit_test(jsonld_relations_carry_integer_weights),
        cmocka_unit_test(jsonld_output_is_deterministic),
        cmocka_unit_test(jsonld_reports_a_full_disk),
    };
    return cmocka_run_group_tests_name("jsonld", tests, setup, teardown);
}
