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
#include "text/tokenize.h"

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

static void default_lexicon_files_pass_every_check(void **state)
{
    const kgex_lexicon *fast = *state;
    kgex_lexicon *lex = NULL;
    kgex_error err;

    kgex_error_clear(&err);
    if (kgex__lexicon_new_default_checked(&lex, &err, 1) != KGEX_OK) {
        print_error("%s: %s\n", err.source, err.message);
        fail();
    }
    /* the checks change nothing of what is loaded */
    assert_int_equal(kgex_lexicon_entity_count(lex), kgex_lexicon_entity_count(fast));
    assert_int_equal(kgex__official_count(lex), kgex__official_count(fast));
    assert_int_equal(kgex_lexicon_title_count(lex), kgex_lexicon_title_count(fast));
    assert_int_equal(kgex_lexicon_trigger_count(lex), kgex_lexicon_trigger_count(fast));
    assert_int_equal(lex->node_len, fast->node_len);
    assert_int_equal(lex->pl_len, fast->pl_len);
    kgex_lexicon_free(lex);
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

/* ------------------------------------------------- phrases and payloads */

/* The trie node of `phrase` (tokenized like a text), or 0. */
static uint32_t node_of(const kgex_lexicon *lex, const char *phrase)
{
    kgex__tokens toks;
    uint32_t node = KGEX__TRIE_ROOT;
    size_t i;

    assert_int_equal(kgex__tokenize(&toks, phrase, strlen(phrase)), KGEX_OK);
    for (i = 0; i < toks.len && node; i++)
        node = kgex__trie_child(lex, node, kgex__tok_norm(&toks, i));
    kgex__tokens_free(&toks);
    return node;
}

/* The form under which `phrase` names entity `id`, or -1. */
static int form_of(const kgex_lexicon *lex, const char *phrase, const char *id)
{
    uint32_t node = node_of(lex, phrase);
    long ent = kgex__lexicon_find(lex, id);
    int32_t p;

    if (!node || ent < 0)
        return -1;
    for (p = kgex__trie_payload(lex, node); p >= 0; p = lex->pl[p].next) {
        if (lex->pl[p].type == KGEX__PL_ENTITY && lex->pl[p].a == (uint32_t)ent)
            return lex->pl[p].b;
    }
    return -1;
}

static kgex_lexicon *load_one(const char *json)
{
    kgex_lexicon *lex = NULL;
    kgex_error err;

    kgex_error_clear(&err);
    assert_int_equal(kgex_lexicon_new(&lex), KGEX_OK);
    if (add_str(lex, json, "t.json", &err) != KGEX_OK) {
        print_error("%s\n", err.message);
        fail();
    }
    return lex;
}

#define RUR_STATE                                                                                  \
    "{\"id\": \"RUR\", \"name\": \"Ruritania\", \"iso3\": \"RUR\", \"un_member\": false, "         \
    "\"adjectives\": [\"Ruritanian\"], \"capitals\": [\"Strelsau\"]}"

static void places_are_city_forms_of_their_state(void **state)
{
    kgex_lexicon *lex = load_one(
        "{\"kgex_lexicon\": 1, \"states\": [" RUR_STATE "],\n"
        " \"places\": [{\"name\": \"Zenda Oblast\", \"aliases\": [\"Zenda region\", \"Zenda\"],\n"
        "   \"state\": \"RUR\", \"kind\": \"subdivision\", \"code\": \"RU-ZEN\"},\n"
        "  {\"name\": \"Hentzau\", \"state\": \"RUR\", \"kind\": \"city\", \"geonames\": 42}]}");

    (void)state;
    assert_int_equal(form_of(lex, "Zenda Oblast", "state/RUR"), KGEX__FORM_CITY);
    assert_int_equal(form_of(lex, "zenda region", "state/RUR"), KGEX__FORM_CITY);
    assert_int_equal(form_of(lex, "Hentzau", "state/RUR"), KGEX__FORM_CITY);
    assert_int_equal(form_of(lex, "Strelsau", "state/RUR"), KGEX__FORM_CAPITAL);
    /* a place is no entity of its own */
    assert_int_equal(kgex_lexicon_entity_count(lex), 1);
    kgex_lexicon_free(lex);
}

static void a_place_of_the_default_lexicon_is_a_place_of_its_state(void **state)
{
    const kgex_lexicon *lex = *state;

    assert_int_equal(form_of(lex, "Belgorod Oblast", "state/RUS"), KGEX__FORM_CITY);
    assert_int_equal(form_of(lex, "Tavush Province", "state/ARM"), KGEX__FORM_CITY);
    assert_int_equal(form_of(lex, "Greenland", "state/DNK"), KGEX__FORM_CITY);
    assert_int_equal(form_of(lex, "Kremlin", "state/RUS"), KGEX__FORM_SEAT);
}

static void congolese_names_the_dr_congo_first(void **state)
{
    const kgex_lexicon *lex = *state;
    uint32_t cand[8];

    assert_int_equal(kgex__lexicon_candidates(lex, node_of(lex, "Congolese"), cand, 8), 2);
    assert_string_equal(lex->ent[cand[0]].id, "state/COD");
    assert_string_equal(lex->ent[cand[1]].id, "state/COG");
    assert_int_equal(kgex__lexicon_candidates(lex, node_of(lex, "Korean"), cand, 8), 2);
    assert_string_equal(lex->ent[cand[0]].id, "state/KOR");
}

static void shared_acronyms_of_the_default_lexicon_have_all_candidates(void **state)
{
    const kgex_lexicon *lex = *state;
    uint32_t cand[8];
    long rsf = kgex__lexicon_find(lex, "org/rapid-support-forces");
    long shabaab = kgex__lexicon_find(lex, "org/al-shabaab");

    /* the armed group first, the press freedom group after it */
    assert_int_equal(kgex__lexicon_candidates(lex, node_of(lex, "RSF"), cand, 8), 2);
    assert_string_equal(lex->ent[cand[0]].id, "org/rapid-support-forces");
    assert_string_equal(lex->ent[cand[1]].id, "org/rsf");
    /* an African Union body and an EU body share "PSC": no usual referent */
    assert_int_equal(kgex__lexicon_candidates(lex, node_of(lex, "PSC"), cand, 8), 2);
    assert_true(rsf >= 0 && shabaab >= 0);
    assert_string_equal(lex->ent[rsf].org_type, "armed_group");
    assert_int_equal(form_of(lex, "al-Shabab", "org/al-shabaab"), KGEX__FORM_NAME);
    assert_int_equal(form_of(lex, "Houthi", "org/houthis"), KGEX__FORM_ADJ);
    assert_string_equal(
        lex->ent[lex->ent[kgex__lexicon_find(lex, "org/north-atlantic-council")].parent].id,
        "org/nato");
}

static void an_ambiguous_form_lists_its_usual_referent_first(void **state)
{
    /* the secondary owner is loaded first and still comes second */
    static const char *const orders[] = {
        "{\"kgex_lexicon\": 1, \"organizations\": [\n"
        " {\"id\": \"cricket\", \"name\": \"International Cricket Council\", \"type\": \"other\",\n"
        "  \"acronyms\": [\"ICC\"], \"ambiguous\": [\"ICC\"]},\n"
        " {\"id\": \"court\", \"name\": \"International Criminal Court\", \"type\": "
        "\"intergovernmental\", \"acronyms\": [\"ICC\"]}]}",
        "{\"kgex_lexicon\": 1, \"organizations\": [\n"
        " {\"id\": \"court\", \"name\": \"International Criminal Court\", \"type\": "
        "\"intergovernmental\", \"acronyms\": [\"ICC\"]},\n"
        " {\"id\": \"cricket\", \"name\": \"International Cricket Council\", \"type\": \"other\",\n"
        "  \"acronyms\": [\"ICC\"], \"ambiguous\": [\"ICC\"]}]}"};
    size_t k;

    (void)state;
    for (k = 0; k < 2; k++) {
        kgex_lexicon *lex = load_one(orders[k]);
        uint32_t cand[4];
        size_t n = kgex__lexicon_candidates(lex, node_of(lex, "ICC"), cand, 4);

        assert_int_equal(n, 2);
        assert_string_equal(lex->ent[cand[0]].id, "org/court");
        assert_string_equal(lex->ent[cand[1]].id, "org/cricket");
        /* a name of one of them has one candidate */
        assert_int_equal(
            kgex__lexicon_candidates(lex, node_of(lex, "International Cricket Council"), cand, 4),
            1);
        /* cap is respected, the count is not cut */
        assert_int_equal(kgex__lexicon_candidates(lex, node_of(lex, "ICC"), cand, 1), 2);
        kgex_lexicon_free(lex);
    }
}

static void organizations_have_parents_types_and_adjectives(void **state)
{
    kgex_lexicon *lex = load_one(
        "{\"kgex_lexicon\": 1, \"organizations\": [\n"
        " {\"id\": \"zc-council\", \"name\": \"Zenda Council\", \"type\": \"intergovernmental\", "
        "\"parent\": \"zc\"},\n"
        " {\"id\": \"zc\", \"name\": \"Zenda Compact\", \"type\": \"intergovernmental\"},\n"
        " {\"id\": \"black-elk\", \"name\": \"Black Elk Brigade\", \"type\": \"armed_group\",\n"
        "  \"aliases\": [\"Black Elks\"], \"adjectives\": [\"Black Elk\"]}]}");
    long council, compact, elk;

    (void)state;
    council = kgex__lexicon_find(lex, "org/zc-council");
    compact = kgex__lexicon_find(lex, "org/zc");
    elk = kgex__lexicon_find(lex, "org/black-elk");
    assert_true(council >= 0 && compact >= 0 && elk >= 0);
    assert_int_equal(lex->ent[council].parent, compact);
    assert_int_equal(lex->ent[compact].parent, -1);
    assert_string_equal(lex->ent[elk].org_type, "armed_group");
    assert_int_equal(form_of(lex, "Black Elk", "org/black-elk"), KGEX__FORM_ADJ);
    assert_int_equal(form_of(lex, "Black Elks", "org/black-elk"), KGEX__FORM_NAME);
    kgex_lexicon_free(lex);
}

/* ------------------------------------------------------------ officials */

static const char officials_json[] =
    "{\"kgex_lexicon\": 1, \"states\": [" RUR_STATE "],\n"
    " \"organizations\": [{\"id\": \"zc\", \"name\": \"Zenda Compact\", \"type\": "
    "\"intergovernmental\"}],\n"
    " \"officials\": [{\"name\": \"Rudolf Rassendyll\", \"aliases\": [\"Rudolph Rassendyll\"],\n"
    "   \"wikidata\": \"Q123\", \"roles\": [\n"
    "   {\"of\": \"state/RUR\", \"title\": \"Prime Minister\", \"from\": \"2001-05-07\", "
    "\"to\": \"2008\"},\n"
    "   {\"of\": \"state/RUR\", \"title\": \"President\", \"from\": \"2008-05\"},\n"
    "   {\"of\": \"org/zc\", \"title\": \"Chairman\", \"from\": \"2010\", \"to\": \"2010\"}]}]}";

static void officials_have_dated_roles(void **state)
{
    kgex_lexicon *lex = load_one(officials_json);
    const kgex__role *roles[4];
    long off, rur, zc;
    uint32_t node;
    int32_t p;

    (void)state;
    assert_int_equal(kgex__official_count(lex), 1);
    assert_int_equal(kgex_lexicon_entity_count(lex), 2); /* officials are not entities */
    off = kgex__official_find(lex, "person/rudolf-rassendyll");
    assert_true(off >= 0);
    rur = kgex__lexicon_find(lex, "state/RUR");
    zc = kgex__lexicon_find(lex, "org/zc");
    assert_string_equal(lex->off[off].name, "Rudolf Rassendyll");
    assert_string_equal(lex->off[off].wikidata, "Q123");
    assert_int_equal(lex->off[off].role_len, 3);

    assert_int_equal(kgex__official_roles_on(lex, (size_t)off, 20000101, roles, 4), 0);
    assert_int_equal(kgex__official_roles_on(lex, (size_t)off, 20010507, roles, 4), 1);
    assert_string_equal(roles[0]->title, "Prime Minister");
    assert_int_equal(roles[0]->of, rur);
    /* 2008-05: the last months as prime minister and the first as president */
    assert_int_equal(kgex__official_roles_on(lex, (size_t)off, 20080515, roles, 4), 2);
    assert_int_equal(kgex__official_roles_on(lex, (size_t)off, 20090101, roles, 4), 1);
    assert_string_equal(roles[0]->title, "President");
    assert_int_equal(roles[0]->to, KGEX__DATE_OPEN);
    assert_int_equal(kgex__official_roles_on(lex, (size_t)off, 20101231, roles, 4), 2);
    assert_int_equal(kgex__official_roles_on(lex, (size_t)off, 20101231, roles, 1), 2);
    assert_int_equal(roles[0]->of == (uint32_t)zc || roles[0]->of == (uint32_t)rur, 1);

    /* names are in the trie as official payloads, which no entity pass reads */
    node = node_of(lex, "Rudolph Rassendyll");
    assert_true(node != 0);
    p = kgex__trie_payload(lex, node);
    assert_true(p >= 0);
    assert_int_equal(lex->pl[p].type, KGEX__PL_OFFICIAL);
    assert_int_equal(lex->pl[p].a, (uint32_t)off);
    assert_int_equal(kgex__lexicon_candidates(lex, node, NULL, 0), 0);
    kgex_lexicon_free(lex);
}

static void officials_from_two_documents_merge(void **state)
{
    kgex_lexicon *lex = load_one(officials_json);
    kgex_error err;
    long off;

    (void)state;
    assert_int_equal(add_str(lex,
                             "{\"kgex_lexicon\": 1, \"officials\": [{\"name\": \"Rudolf "
                             "Rassendyll\", \"roles\": [{\"of\": \"state/RUR\", \"title\": "
                             "\"King\", \"from\": \"1894\", \"to\": \"1894\"}, {\"of\": "
                             "\"state/RUR\", \"title\": \"President\", \"from\": \"2008-05\"}]}]}",
                             "more.json", &err),
                     KGEX_OK);
    assert_int_equal(kgex__official_count(lex), 1);
    off = kgex__official_find(lex, "person/rudolf-rassendyll");
    assert_int_equal(lex->off[off].role_len, 4); /* the repeated role once */
    kgex_lexicon_free(lex);
}

static void date_keys_span_the_period_they_name(void **state)
{
    (void)state;
    assert_int_equal(kgex__date_key("2008", 0), 20080101);
    assert_int_equal(kgex__date_key("2008", 1), 20081231);
    assert_int_equal(kgex__date_key("2008-05", 0), 20080501);
    assert_int_equal(kgex__date_key("2008-05", 1), 20080531);
    assert_int_equal(kgex__date_key("2008-05-07", 1), 20080507);
    assert_int_equal(kgex__date_key("2008-13", 0), -1);
    assert_int_equal(kgex__date_key("2008-05-32", 0), -1);
    assert_int_equal(kgex__date_key("08-05-07", 0), -1);
    assert_int_equal(kgex__date_key("2008/05", 0), -1);
    assert_int_equal(kgex__date_key("0000", 0), -1);
}

static void the_default_officials_resolve_by_date(void **state)
{
    const kgex_lexicon *lex = *state;
    const kgex__role *roles[8];
    long off = kgex__official_find(lex, "person/vladimir-putin");
    long rus = kgex__lexicon_find(lex, "state/RUS");
    size_t n, k;
    int president = 0, premier = 0;

    assert_true(off >= 0);
    n = kgex__official_roles_on(lex, (size_t)off, 20100101, roles, 8);
    for (k = 0; k < n && k < 8; k++)
        premier |= roles[k]->of == (uint32_t)rus && strcmp(roles[k]->title, "Prime Minister") == 0;
    n = kgex__official_roles_on(lex, (size_t)off, 20050101, roles, 8);
    for (k = 0; k < n && k < 8; k++)
        president |= roles[k]->of == (uint32_t)rus && strcmp(roles[k]->title, "President") == 0;
    assert_true(premier);
    assert_true(president);
    assert_true(kgex__official_count(lex) >= 1000);
}

/* --------------------------------------------------------- strictness */

static void a_byte_order_mark_is_accepted(void **state)
{
    kgex_lexicon *lex = NULL;
    kgex_error err;
    const char json[] = "\xef\xbb\xbf{\"kgex_lexicon\": 1, \"states\": [" RUR_STATE "]}";

    (void)state;
    assert_int_equal(kgex_lexicon_new(&lex), KGEX_OK);
    assert_int_equal(add_str(lex, json, "bom.json", &err), KGEX_OK);
    assert_true(kgex__lexicon_find(lex, "state/RUR") >= 0);
    kgex_lexicon_free(lex);
}

static void many_entries_load_and_duplicates_among_them_are_found(void **state)
{
    size_t n = 20000, k, len = 0, cap = n * 96 + 64;
    char *json = malloc(cap);
    kgex_lexicon *lex = NULL;
    kgex_error err;

    (void)state;
    assert_non_null(json);
    len += (size_t)snprintf(json + len, cap - len, "{\"kgex_lexicon\": 1, \"organizations\": [");
    for (k = 0; k < n; k++)
        len += (size_t)snprintf(json + len, cap - len,
                                "%s{\"id\": \"o%zu\", \"name\": \"Org %zu Council\", \"type\": "
                                "\"other\"}",
                                k ? "," : "", k, k);
    snprintf(json + len, cap - len, "]}");
    assert_int_equal(kgex_lexicon_new(&lex), KGEX_OK);
    assert_int_equal(add_str(lex, json, "big.json", &err), KGEX_OK);
    assert_int_equal(kgex_lexicon_entity_count(lex), n);
    assert_int_equal(kgex__lexicon_find(lex, "org/o19999"), 19999);
    kgex_lexicon_free(lex);
    /* the same with the last id equal to the first */
    snprintf(strstr(json, "\"o19999\""), 9, "\"o0\"   ");
    json[strlen(json)] = ' ';
    assert_int_equal(kgex_lexicon_new(&lex), KGEX_OK);
    assert_int_equal(add_str(lex, json, "big.json", &err), KGEX_EPARSE);
    assert_non_null(strstr(err.message, "organizations[19999].id"));
    assert_non_null(strstr(err.message, "duplicate id"));
    assert_int_equal(kgex_lexicon_entity_count(lex), 0);
    kgex_lexicon_free(lex);
    free(json);
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
        {"leading space",
         "{\"kgex_lexicon\": 1, \"states\": [" STATE_OK ", \"aliases\": [\" Hayastan\"]}]}",
         "states[0].aliases[0]"},
        {"trailing space",
         "{\"kgex_lexicon\": 1, \"organizations\": [{\"id\": \"x\", \"name\": \"X \", \"type\": "
         "\"ngo\"}]}",
         "organizations[0].name"},
        {"line break",
         "{\"kgex_lexicon\": 1, \"states\": [" STATE_OK ", \"capitals\": [\"Yere\\nvan\"]}]}",
         "states[0].capitals[0]"},
        {"no-break space",
         "{\"kgex_lexicon\": 1, \"states\": [" STATE_OK
         ", \"aliases\": [\"Republic\u00a0of Armenia\"]}]}",
         "states[0].aliases[0]"},
        {"duplicate alias",
         "{\"kgex_lexicon\": 1, \"states\": [" STATE_OK
         ", \"aliases\": [\"Hayastan\", \"Hayastan\"]}]}",
         "states[0].aliases[1]"},
        {"stopword alias",
         "{\"kgex_lexicon\": 1, \"organizations\": [" ORG_OK ", \"aliases\": [\"The\"]}]}",
         "organizations[0].aliases[0]"},
        {"punctuation alias",
         "{\"kgex_lexicon\": 1, \"organizations\": [" ORG_OK ", \"acronyms\": [\",\"]}]}",
         "organizations[0].acronyms[0]"},
        {"stopword phrase",
         "{\"kgex_lexicon\": 1, \"states\": [" STATE_OK ", \"aliases\": [\"of the\"]}]}",
         "states[0].aliases[0]"},
        {"ambiguous form not of the entry",
         "{\"kgex_lexicon\": 1, \"organizations\": [" ORG_OK ", \"ambiguous\": [\"CSF\"]}]}",
         "organizations[0].ambiguous[0]"},
        {"unknown parent",
         "{\"kgex_lexicon\": 1, \"organizations\": [" ORG_OK ", \"parent\": \"nobody\"}]}",
         "organizations[0].parent"},
        {"parent cycle",
         "{\"kgex_lexicon\": 1, \"organizations\": [{\"id\": \"a\", \"name\": \"A Council\", "
         "\"type\": \"other\", \"parent\": \"b\"}, {\"id\": \"b\", \"name\": \"B Council\", "
         "\"type\": \"other\", \"parent\": \"a\"}]}",
         "organizations[0].parent"},
        {"parent cycle through the loaded lexicon",
         "{\"kgex_lexicon\": 1, \"organizations\": [{\"id\": \"nato\", \"name\": \"NATO\", "
         "\"type\": \"intergovernmental\", \"parent\": \"north-atlantic-council\"}]}",
         "organizations[0].parent"},
        {"place of an unknown state",
         "{\"kgex_lexicon\": 1, \"places\": [{\"name\": \"Zenda\", \"state\": \"RUR\", \"kind\": "
         "\"city\"}]}",
         "places[0].state"},
        {"bad place kind",
         "{\"kgex_lexicon\": 1, \"places\": [{\"name\": \"Gyumri\", \"state\": \"ARM\", \"kind\": "
         "\"town\"}]}",
         "places[0]"},
        {"bad subdivision code",
         "{\"kgex_lexicon\": 1, \"places\": [{\"name\": \"Tavush\", \"state\": \"ARM\", \"kind\": "
         "\"subdivision\", \"code\": \"tavush\"}]}",
         "places[0].code"},
        {"official without roles",
         "{\"kgex_lexicon\": 1, \"officials\": [{\"name\": \"Aram Petrosyan\", \"roles\": []}]}",
         "officials[0].roles"},
        {"official of an unknown state",
         "{\"kgex_lexicon\": 1, \"officials\": [{\"name\": \"Aram Petrosyan\", \"roles\": "
         "[{\"of\": \"state/RUR\", \"title\": \"Mayor\"}]}]}",
         "officials[0].roles[0].of"},
        {"official role of a bare code",
         "{\"kgex_lexicon\": 1, \"officials\": [{\"name\": \"Aram Petrosyan\", \"roles\": "
         "[{\"of\": \"ARM\", \"title\": \"Mayor\"}]}]}",
         "officials[0].roles[0]"},
        {"bad role date",
         "{\"kgex_lexicon\": 1, \"officials\": [{\"name\": \"Aram Petrosyan\", \"roles\": "
         "[{\"of\": \"state/ARM\", \"title\": \"Mayor\", \"from\": \"2020-13\"}]}]}",
         "officials[0].roles[0].from"},
        {"role ends before it starts",
         "{\"kgex_lexicon\": 1, \"officials\": [{\"name\": \"Aram Petrosyan\", \"roles\": "
         "[{\"of\": \"state/ARM\", \"title\": \"Mayor\", \"from\": \"2020\", \"to\": "
         "\"2019-12\"}]}]}",
         "officials[0].roles[0].to"},
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
        cmocka_unit_test(default_lexicon_files_pass_every_check),
        cmocka_unit_test(default_lexicon_has_organizations_titles_and_triggers),
        cmocka_unit_test(empty_lexicon_has_no_entries),
        cmocka_unit_test(lexicon_free_accepts_null),
        cmocka_unit_test(user_lexicon_adds_an_organization_that_extraction_finds),
        cmocka_unit_test(user_lexicon_extends_an_existing_state_with_new_names),
        cmocka_unit_test(user_lexicon_may_repeat_an_id_across_documents),
        cmocka_unit_test(user_lexicon_adds_titles_and_triggers),
        cmocka_unit_test(user_lexicon_is_read_from_a_file),
        cmocka_unit_test(places_are_city_forms_of_their_state),
        cmocka_unit_test(a_place_of_the_default_lexicon_is_a_place_of_its_state),
        cmocka_unit_test(congolese_names_the_dr_congo_first),
        cmocka_unit_test(shared_acronyms_of_the_default_lexicon_have_all_candidates),
        cmocka_unit_test(an_ambiguous_form_lists_its_usual_referent_first),
        cmocka_unit_test(organizations_have_parents_types_and_adjectives),
        cmocka_unit_test(officials_have_dated_roles),
        cmocka_unit_test(officials_from_two_documents_merge),
        cmocka_unit_test(date_keys_span_the_period_they_name),
        cmocka_unit_test(the_default_officials_resolve_by_date),
        cmocka_unit_test(a_byte_order_mark_is_accepted),
        cmocka_unit_test(many_entries_load_and_duplicates_among_them_are_found),
        cmocka_unit_test(malformed_json_gives_parse_error_with_line_and_column),
        cmocka_unit_test(schema_violations_name_the_field_path),
        cmocka_unit_test(rejected_document_adds_none_of_its_valid_entries),
        cmocka_unit_test(missing_file_gives_io_error_naming_the_path),
        cmocka_unit_test(bad_arguments_give_einval),
        cmocka_unit_test(lexicon_schema_is_valid_json),
    };
    return cmocka_run_group_tests_name("lexicon", tests, setup_default, teardown_default);
}
