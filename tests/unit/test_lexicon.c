/*
 * test_lexicon.c - loading lexicons: the default one compiled into the
 * library, user JSON documents that extend it (and what extraction then
 * finds), and the errors a malformed or invalid document gives.
 */
#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "kgex/kgex.h"
#include "lexicon/lexicon.h" /* entity kinds, to count states and organizations */

static int setup_default(void **state)
{
    kgex_lexicon *lex = NULL;
    kgex_error err;

    if (kgex_lexicon_new_default(&lex, &err) != KGEX_OK)
        return -1;
    *state = lex;
    return 0;
}

static int teardown_default(void **state)
{
    kgex_lexicon_free(*state);
    return 0;
}

/* A fresh default lexicon per test that changes it. */
static kgex_lexicon *new_default(void)
{
    kgex_lexicon *lex = NULL;
    kgex_error err;

    kgex_error_clear(&err);
    assert_int_equal(kgex_lexicon_new_default(&lex, &err), KGEX_OK);
    assert_non_null(lex);
    return lex;
}

static size_t count_kind(const kgex_lexicon *lex, kgex_kind kind)
{
    size_t i, n = 0;

    for (i = 0; i < lex->ent_len; i++) {
        if (lex->ent[i].kind == kind)
            n++;
    }
    return n;
}

static int add_str(kgex_lexicon *lex, const char *json, const char *source, kgex_error *err)
{
    return kgex_lexicon_add_json(lex, json, strlen(json), source, err);
}

/* Extract `text` with `lex` into a new graph; caller frees the graph. */
static kgex_graph *extract(const kgex_lexicon *lex, const char *text)
{
    kgex_graph *g = NULL;
    kgex_extractor *x = NULL;
    kgex_error err;

    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    assert_int_equal(kgex_extractor_new(&x, lex, g), KGEX_OK);
    assert_int_equal(kgex_extract_text(x, "doc.txt", text, strlen(text), NULL, &err), KGEX_OK);
    kgex_extractor_free(x);
    return g;
}

/* The node labelled `label` (case-sensitive) of kind `kind`, or NULL. */
static const kgex_node *node_labelled(const kgex_graph *g, kgex_kind kind, const char *label)
{
    size_t i;

    for (i = 0; i < kgex_graph_node_count(g); i++) {
        const kgex_node *n = kgex_graph_node(g, i);
        if (n->kind == kind && strcmp(n->label, label) == 0)
            return n;
    }
    return NULL;
}

static int has_alias(const kgex_node *n, const char *alias)
{
    size_t i;

    for (i = 0; i < n->aliases_len; i++) {
        if (strcmp(n->aliases[i], alias) == 0)
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ default */

static void default_lexicon_has_every_un_member_state(void **state)
{
    const kgex_lexicon *lex = *state;

    assert_true(count_kind(lex, KGEX_KIND_STATE) >= 193);
    assert_true(kgex__lexicon_find(lex, "state/ARM") >= 0);
    assert_true(kgex__lexicon_find(lex, "state/TUV") >= 0);
    assert_true(kgex__lexicon_find(lex, "state/XXX") < 0);
}

static void default_lexicon_has_organizations_titles_and_triggers(void **state)
{
    const kgex_lexicon *lex = *state;

    assert_true(count_kind(lex, KGEX_KIND_ORGANIZATION) >= 80);
    assert_true(kgex__lexicon_find(lex, "org/csto") >= 0);
    assert_true(kgex__lexicon_find(lex, "org/nato") >= 0);
    assert_int_equal(kgex_lexicon_entity_count(lex), lex->ent_len);
    assert_true(kgex_lexicon_title_count(lex) > 0);
    assert_true(kgex_lexicon_trigger_count(lex) > 0);
}

static void empty_lexicon_has_no_entries(void **state)
{
    kgex_lexicon *lex = NULL;

    (void)state;
    assert_int_equal(kgex_lexicon_new(&lex), KGEX_OK);
    assert_int_equal(kgex_lexicon_entity_count(lex), 0);
    assert_int_equal(kgex_lexicon_title_count(lex), 0);
    assert_int_equal(kgex_lexicon_trigger_count(lex), 0);
    kgex_lexicon_free(lex);
}

static void lexicon_free_accepts_null(void **state)
{
    (void)state;
    kgex_lexicon_free(NULL);
}

/* --------------------------------------------------------- user files */

static const char user_lexicon[] =
    "{\n"
    "  \"kgex_lexicon\": 1,\n"
    "  \"organizations\": [\n"
    "    {\"id\": \"caspian-security-forum\", \"name\": \"Caspian Security Forum\",\n"
    "     \"acronyms\": [\"CASFOR\"], \"type\": \"intergovernmental\"}\n"
    "  ],\n"
    "  \"states\": [\n"
    "    {\"id\": \"ARM\", \"name\": \"Armenia\", \"iso3\": \"ARM\", \"un_member\": true,\n"
    "     \"aliases\": [\"Hayastan\"]}\n"
    "  ]\n"
    "}\n";

static void user_lexicon_adds_an_organization_that_extraction_finds(void **state)
{
    const char *text = "Azerbaijan is a member of the Caspian Security Forum, and the CASFOR "
                       "met in Baku on Monday.";
    kgex_lexicon *lex = new_default();
    kgex_graph *g;
    const kgex_node *n;
    kgex_error err;
    size_t before = kgex_lexicon_entity_count(lex);

    (void)state;
    /* without the user lexicon the forum is no entity */
    g = extract(lex, text);
    assert_null(node_labelled(g, KGEX_KIND_ORGANIZATION, "Caspian Security Forum"));
    kgex_graph_free(g);

    kgex_error_clear(&err);
    assert_int_equal(add_str(lex, user_lexicon, "user.json", &err), KGEX_OK);
    assert_int_equal(err.code, KGEX_OK);
    assert_int_equal(kgex_lexicon_entity_count(lex), before + 1); /* ARM extended, not added */

    g = extract(lex, text);
    n = node_labelled(g, KGEX_KIND_ORGANIZATION, "Caspian Security Forum");
    assert_non_null(n);
    assert_string_equal(n->id, "org/caspian-security-forum");
    assert_true(has_alias(n, "CASFOR"));
    kgex_graph_free(g);
    kgex_lexicon_free(lex);
}

static void user_lexicon_extends_an_existing_state_with_new_names(void **state)
{
    const char *text = "Officials in Hayastan rejected the proposal on Monday.";
    kgex_lexicon *lex = new_default();
    kgex_graph *g;
    const kgex_node *n;
    kgex_error err;

    (void)state;
    g = extract(lex, text);
    assert_null(node_labelled(g, KGEX_KIND_STATE, "Armenia"));
    kgex_graph_free(g);

    assert_int_equal(add_str(lex, user_lexicon, "user.json", &err), KGEX_OK);
    g = extract(lex, text);
    n = node_labelled(g, KGEX_KIND_STATE, "Armenia");
    assert_non_null(n);
    assert_string_equal(n->id, "state/ARM");
    assert_string_equal(n->iso3, "ARM");
    assert_true(has_alias(n, "Hayastan"));
    kgex_graph_free(g);
    kgex_lexicon_free(lex);
}

static void user_lexicon_may_repeat_an_id_across_documents(void **state)
{
    kgex_lexicon *lex = new_default();
    kgex_error err;
    size_t before;

    (void)state;
    assert_int_equal(add_str(lex, user_lexicon, "a.json", &err), KGEX_OK);
    before = kgex_lexicon_entity_count(lex);
    assert_int_equal(add_str(lex, user_lexicon, "b.json", &err), KGEX_OK);
    assert_int_equal(kgex_lexicon_entity_count(lex), before);
    kgex_lexicon_free(lex);
}

static void user_lexicon_adds_titles_and_triggers(void **state)
{
    const char *json = "{\"kgex_lexicon\": 1,\n"
                       " \"titles\": [{\"title\": \"Grand Vizier\", \"class\": \"office\"}],\n"
                       " \"triggers\": [{\"relation\": \"attacked\", \"pos\": \"verb\",\n"
                       "   \"forms\": [\"pummelled\", \"pummels\"], \"cameo\": \"195\"}]}";
    kgex_lexicon *lex = NULL;
    kgex_error err;

    (void)state;
    assert_int_equal(kgex_lexicon_new(&lex), KGEX_OK);
    assert_int_equal(add_str(lex, json, "t.json", &err), KGEX_OK);
    assert_int_equal(kgex_lexicon_title_count(lex), 1);
    assert_int_equal(kgex_lexicon_trigger_count(lex), 2); /* one per form */
    assert_int_equal(kgex_lexicon_entity_count(lex), 0);
    kgex_lexicon_free(lex);
}

static void user_lexicon_is_read_from_a_file(void **state)
{
    char path[] = "/tmp/kgex-test-lexicon-XXXXXX";
    kgex_lexicon *lex = new_default();
    kgex_error err;
    size_t before = kgex_lexicon_entity_count(lex);
    FILE *fp;
    int fd;

    (void)state;
    fd = mkstemp(path);
    assert_true(fd >= 0);
    fp = fdopen(fd, "w");
    assert_non_null(fp);
    assert_int_equal(fputs(user_lexicon, fp) >= 0, 1);
    assert_int_equal(fclose(fp), 0);
    assert_int_equal(kgex_lexicon_add_file(lex, path, &err), KGEX_OK);
    assert_int_equal(kgex_lexicon_entity_count(lex), before + 1);
    assert_int_equal(remove(path), 0);
    kgex_lexicon_free(lex);
}

/* -------------------------------------------------------------- errors */

static void malformed_json_gives_parse_error_with_line_and_column(void **state)
{
    const char *json = "{\n"
                       "  \"kgex_lexicon\": 1,\n"
                       "  \"states\": [\n"
                       "    {\"id\": \"ARM\", }\n"
                       "  ]\n"
                       "}\n";
    kgex_lexicon *lex = new_default();
    kgex_error err;
    size_t before = kgex_lexicon_entity_count(lex);

    (void)state;
    kgex_error_clear(&err);
    assert_int_equal(add_str(lex, json, "broken.json", &err), KGEX_EPARSE);
    assert_int_equal(err.code, KGEX_EPARSE);
    assert_string_equal(err.source, "broken.json");
    assert_int_equal(err.line, 4);
    assert_true(err.column > 0);
    assert_true(strlen(err.message) > 0);
    assert_int_equal(kgex_lexicon_entity_count(lex), before);
    /* a NULL error record is allowed */
    assert_int_equal(add_str(lex, json, "broken.json", NULL), KGEX_EPARSE);
    assert_int_equal(add_str(lex, "", "empty.json", &err), KGEX_EPARSE);
    assert_string_equal(err.source, "empty.json");
    kgex_lexicon_free(lex);
}

typedef struct invalid_case {
    const char *what;
    const char *json;
    const char *path; /* must appear in the message */
} invalid_case;

#define STATE_OK "{\"id\": \"ARM\", \"name\": \"Armenia\", \"iso3\": \"ARM\", \"un_member\": true"
#define ORG_OK   "{\"id\": \"forum\", \"name\": \"Caspian Security Forum\", \"type\": \"ngo\""

static void schema_violations_name_the_field_path(void **state)
{
    static const invalid_case expected[] = {
        {"missing name",
         "{\"kgex_lexicon\": 1, \"organizations\": [{\"id\": \"forum\", \"type\": \"ngo\"}]}",
         "organizations[0].name"},
        {"empty alias",
         "{\"kgex_lexicon\": 1, \"states\": [" STATE_OK ", \"aliases\": [\"Hayastan\", \"\"]}]}",
         "states[0].aliases[1]"},
        {"lower-case iso3",
         "{\"kgex_lexicon\": 1, \"states\": [" STATE_OK "}, "
         "{\"id\": \"AZE\", \"name\": \"Azerbaijan\", \"iso3\": \"aze\", \"un_member\": true}]}",
         "states[1].iso3"},
        {"unknown field",
         "{\"kgex_lexicon\": 1, \"organizations\": [" ORG_OK ", \"founded\": 1992}]}",
         "organizations[0].founded"},
        {"unknown section", "{\"kgex_lexicon\": 1, \"countries\": []}", "countries"},
        {"wrong version", "{\"kgex_lexicon\": 2, \"states\": []}", "kgex_lexicon"},
        {"missing version", "{\"states\": []}", "kgex_lexicon"},
        {"duplicate id", "{\"kgex_lexicon\": 1, \"organizations\": [" ORG_OK "}, " ORG_OK "}]}",
         "organizations[1].id"},
        {"bad organization type",
         "{\"kgex_lexicon\": 1, \"organizations\": [{\"id\": \"forum\", \"name\": \"Forum\", "
         "\"type\": \"alliance\"}]}",
         "organizations[0]"},
        {"bad cameo",
         "{\"kgex_lexicon\": 1, \"triggers\": [{\"relation\": \"attacked\", \"pos\": \"verb\", "
         "\"forms\": [\"pummelled\"], \"cameo\": \"19x\"}]}",
         "triggers[0].cameo"},
        {"section not an array", "{\"kgex_lexicon\": 1, \"titles\": {}}", "titles"},
        {"bad title class",
         "{\"kgex_lexicon\": 1, \"titles\": [{\"title\": \"Vizier\", \"class\": \"boss\"}]}",
         "titles[0]"},
    };
    kgex_lexicon *lex = new_default();
    size_t k, before = kgex_lexicon_entity_count(lex);
    size_t titles = kgex_lexicon_title_count(lex), triggers = kgex_lexicon_trigger_count(lex);

    (void)state;
    for (k = 0; k < sizeof(expected) / sizeof(expected[0]); k++) {
        kgex_error err;
        int rc;

        kgex_error_clear(&err);
        rc = add_str(lex, expected[k].json, "user.json", &err);
        if (rc != KGEX_EPARSE || err.code != KGEX_EPARSE || strcmp(err.source, "user.json") != 0 ||
            !strstr(err.message, expected[k].path)) {
            print_error("%s: rc %d, source '%s', message '%s'; expected KGEX_EPARSE naming '%s'\n",
                        expected[k].what, rc, err.source, err.message, expected[k].path);
            fail();
        }
        /* nothing of a rejected document is kept */
        assert_int_equal(kgex_lexicon_entity_count(lex), before);
        assert_int_equal(kgex_lexicon_title_count(lex), titles);
        assert_int_equal(kgex_lexicon_trigger_count(lex), triggers);
    }
    kgex_lexicon_free(lex);
}

static void rejected_document_adds_none_of_its_valid_entries(void **state)
{
    /* a valid new organization, then an invalid one */
    const char *json = "{\"kgex_lexicon\": 1, \"organizations\": [" ORG_OK "}, "
                       "{\"id\": \"Bad Id\", \"name\": \"Bad\", \"type\": \"ngo\"}]}";
    kgex_lexicon *lex = new_default();
    size_t before = kgex_lexicon_entity_count(lex);
    kgex_graph *g;
    kgex_error err;

    (void)state;
    assert_int_equal(add_str(lex, json, "user.json", &err), KGEX_EPARSE);
    assert_non_null(strstr(err.message, "organizations[1]"));
    assert_int_equal(kgex_lexicon_entity_count(lex), before);
    assert_true(kgex__lexicon_find(lex, "org/forum") < 0);
    g = extract(lex, "Azerbaijan is a member of the Caspian Security Forum.");
    assert_null(node_labelled(g, KGEX_KIND_ORGANIZATION, "Caspian Security Forum"));
    kgex_graph_free(g);
    kgex_lexicon_free(lex);
}

static void missing_file_gives_io_error_naming_the_path(void **state)
{
    const char *path = "/nonexistent/kgex/no-such-lexicon.json";
    kgex_lexicon *lex = new_default();
    size_t before = kgex_lexicon_entity_count(lex);
    kgex_error err;

    (void)state;
    kgex_error_clear(&err);
    assert_int_equal(kgex_lexicon_add_file(lex, path, &err), KGEX_EIO);
    assert_int_equal(err.code, KGEX_EIO);
    assert_true(strcmp(err.source, path) == 0 || strstr(err.message, path) != NULL);
    assert_int_equal(kgex_lexicon_entity_count(lex), before);
    assert_int_equal(kgex_lexicon_add_file(lex, path, NULL), KGEX_EIO);
    kgex_lexicon_free(lex);
}

static void bad_arguments_give_einval(void **state)
{
    kgex_lexicon *lex = NULL;
    kgex_error err;

    (void)state;
    assert_int_equal(kgex_lexicon_new(&lex), KGEX_OK);
    assert_int_equal(kgex_lexicon_add_json(NULL, "{}", 2, "x", &err), KGEX_EINVAL);
    assert_int_equal(kgex_lexicon_add_json(lex, NULL, 0, "x", &err), KGEX_EINVAL);
    assert_int_equal(kgex_lexicon_add_file(lex, NULL, &err), KGEX_EINVAL);
    assert_int_equal(kgex_lexicon_new_default(NULL, &err), KGEX_EINVAL);
    kgex_lexicon_free(lex);
}

/* -------------------------------------------------------------- schema */

static void lexicon_schema_is_valid_json(void **state)
{
    json_error_t jerr;
    json_t *root;

    (void)state;
    root = json_load_file(KGEX_SOURCE_DIR "/schemas/lexicon.schema.json", 0, &jerr);
    if (!root) {
        print_error("schemas/lexicon.schema.json:%d:%d: %s\n", jerr.line, jerr.column, jerr.text);
        fail();
    }
    assert_true(json_is_object(root));
    assert_true(json_is_object(json_object_get(root, "properties")));
    assert_non_null(json_object_get(json_object_get(root, "properties"), "kgex_lexicon"));
    assert_true(json_is_object(json_object_get(root, "$defs")));
    json_decref(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(default_lexicon_has_every_un_member_state),
        cmocka_unit_test(default_lexicon_has_organizations_titles_and_triggers),
        cmocka_unit_test(empty_lexicon_has_no_entries),
        cmocka_unit_test(lexicon_free_accepts_null),
        cmocka_unit_test(user_lexicon_adds_an_organization_that_extraction_finds),
        cmocka_unit_test(user_lexicon_extends_an_existing_state_with_new_names),
        cmocka_unit_test(user_lexicon_may_repeat_an_id_across_documents),
        cmocka_unit_test(user_lexicon_adds_titles_and_triggers),
        cmocka_unit_test(user_lexicon_is_read_from_a_file),
        cmocka_unit_test(malformed_json_gives_parse_error_with_line_and_column),
        cmocka_unit_test(schema_violations_name_the_field_path),
        cmocka_unit_test(rejected_document_adds_none_of_its_valid_entries),
        cmocka_unit_test(missing_file_gives_io_error_naming_the_path),
        cmocka_unit_test(bad_arguments_give_einval),
        cmocka_unit_test(lexicon_schema_is_valid_json),
    };
    return cmocka_run_group_tests_name("lexicon", tests, setup_default, teardown_default);
}
