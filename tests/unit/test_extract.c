/*
 * test_extract.c - extraction end to end, through the public API, for
 * what the per-relation case files (tests/rules/NAME.tsv, run by
 * test_rules.c) cannot say: one node per entity however it is named,
 * people across documents, roles, quotes, statement events and dates.
 *
 * The texts are written for these tests; the people in them are invented.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kgex/kgex.h"

#include "rule_cases.h"

static void byline_author_is_no_entity(void **state)
{
    const char *text = "Armenia seeks help from allies\nBy Anna Petrosyan\nArmenian Foreign "
                       "Minister Daniel Harutyunyan said the talks had been useful.";
    kgex_graph *g = extract(*state, text, NULL);
    size_t i;

    for (i = 0; i < kgex_graph_node_count(g); i++) {
        const kgex_node *n = kgex_graph_node(g, i);
        if (n->kind == KGEX_KIND_EVENT)
            continue;
        assert_null(strstr(n->label, "Petrosyan"));
        assert_false(has_alias(n, "Petrosyan"));
    }
    assert_int_equal(count_nodes(g, KGEX_KIND_OFFICIAL), 1);
    kgex_graph_free(g);
}

static void official_keeps_the_title_as_role(void **state)
{
    kgex_graph *g =
        extract(*state, "CSTO Secretary General Artur Gevorgyan arrived in Yerevan.", NULL);
    const kgex_node *n = find_node(g, KGEX_KIND_OFFICIAL, "Artur Gevorgyan");
    const kgex_edge *e = find_edge(g, KGEX_REL_OFFICIAL_OF, "Artur Gevorgyan", CSTO);

    assert_non_null(n);
    assert_non_null(n->role);
    assert_non_null(strstr(n->role, "Secretary General"));
    assert_non_null(e);
    kgex_graph_free(g);
}

static void passive_announcement_has_no_speaker(void **state)
{
    kgex_graph *g = extract(*state, "It was announced that the summit would be postponed.", NULL);

    assert_int_equal(count_nodes(g, KGEX_KIND_EVENT), 0);
    kgex_graph_free(g);
}

static void statement_is_an_event_with_quote_and_about_edges(void **state)
{
    const char *text = "Armenian Foreign Minister Daniel Harutyunyan met his Russian counterpart "
                       "on Monday. “Azerbaijan must withdraw its troops from our territory,” "
                       "Harutyunyan told reporters.";
    kgex_graph *g = extract(*state, text, NULL);
    const kgex_node *speaker = find_node(g, KGEX_KIND_OFFICIAL, "Daniel Harutyunyan");
    const kgex_node *ev = NULL;
    size_t i, about_aze = 0;

    assert_non_null(speaker);
    for (i = 0; i < kgex_graph_edge_count(g); i++) {
        const kgex_edge *e = kgex_graph_edge(g, i);
        if (e->relation == KGEX_REL_STATED && label_is(g, e->source, "Daniel Harutyunyan")) {
            ev = kgex_graph_node(g, e->target);
            assert_int_equal(ev->kind, KGEX_KIND_EVENT);
        }
    }
    assert_non_null(ev);
    assert_non_null(ev->quote);
    assert_non_null(strstr(ev->quote, "Azerbaijan must withdraw its troops"));
    for (i = 0; i < kgex_graph_edge_count(g); i++) {
        const kgex_edge *e = kgex_graph_edge(g, i);
        if (e->relation == KGEX_REL_ABOUT && kgex_graph_node(g, e->source) == ev) {
            assert_int_not_equal(kgex_graph_node(g, e->target)->kind, KGEX_KIND_EVENT);
            if (label_is(g, e->target, "Azerbaijan"))
                about_aze++;
        }
    }
    assert_int_equal(about_aze, 1);
    kgex_graph_free(g);
}

/* ------------------------------------------------- entity resolution */

static void demonym_and_capital_resolve_to_one_state_node(void **state)
{
    const char *text = "Armenian troops returned fire overnight. Yerevan announced a general "
                       "mobilization, and Armenia said it would seek help.";
    kgex_graph *g = extract(*state, text, NULL);
    const kgex_node *n = find_node(g, KGEX_KIND_STATE, "Armenia");

    assert_int_equal(count_nodes(g, KGEX_KIND_STATE), 1);
    assert_non_null(n);
    assert_string_equal(n->id, "state/ARM");
    assert_true(has_alias(n, "Armenian"));
    assert_true(has_alias(n, "Yerevan"));
    assert_true(has_stated(g, "Armenia")); /* "Yerevan announced" is Armenia speaking */
    assert_int_equal(n->mentions, 3);
    kgex_graph_free(g);
}

static void seat_of_government_resolves_to_the_state(void **state)
{
    kgex_graph *g = extract(*state, "The Kremlin confirmed that the talks would go ahead.", NULL);
    const kgex_node *n = find_node(g, KGEX_KIND_STATE, "Russia");

    assert_non_null(n);
    assert_true(has_alias(n, "Kremlin"));
    kgex_graph_free(g);
}

static void surname_after_full_name_is_the_same_official(void **state)
{
    const char *text = "Armenian Foreign Minister Daniel Harutyunyan arrived in Moscow on Monday. "
                       "Harutyunyan said the talks had been useful.";
    kgex_graph *g = extract(*state, text, NULL);
    const kgex_node *n = find_node(g, KGEX_KIND_OFFICIAL, "Daniel Harutyunyan");

    assert_int_equal(count_nodes(g, KGEX_KIND_OFFICIAL), 1);
    assert_non_null(n);
    assert_int_equal(n->mentions, 2);
    assert_true(has_stated(g, "Daniel Harutyunyan"));
    kgex_graph_free(g);
}

static void misspelt_surname_is_the_same_official(void **state)
{
    const char *text = "Armenian Foreign Minister Daniel Harutyunyan arrived in Moscow on Monday. "
                       "Harutyunian said the talks had been useful.";
    kgex_graph *g = extract(*state, text, NULL);
    const kgex_node *n = find_node(g, KGEX_KIND_OFFICIAL, "Daniel Harutyunyan");

    assert_int_equal(count_nodes(g, KGEX_KIND_OFFICIAL), 1);
    assert_non_null(n);
    assert_true(has_alias(n, "Harutyunian"));
    assert_true(has_stated(g, "Daniel Harutyunyan"));
    kgex_graph_free(g);
}

static void different_surname_is_another_official(void **state)
{
    const char *text = "Armenian Foreign Minister Daniel Harutyunyan met Russian Foreign "
                       "Minister Ivan Petrovsky in Moscow on Monday.";
    kgex_graph *g = extract(*state, text, NULL);

    assert_int_equal(count_nodes(g, KGEX_KIND_OFFICIAL), 2);
    kgex_graph_free(g);
}

static void one_person_in_two_documents_is_one_node(void **state)
{
    kgex_graph *g = NULL;
    kgex_extractor *x = NULL;
    const kgex_node *n;

    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    assert_int_equal(kgex_extractor_new(&x, *state, g), KGEX_OK);
    extract_into(x, "one.txt",
                 "Russian Foreign Minister Ivan Petrovsky said the talks had been useful.", NULL);
    extract_into(x, "two.txt",
                 "Russian Foreign Minister Iwan Petrovsky said the talks would continue.", NULL);
    assert_int_equal(count_nodes(g, KGEX_KIND_OFFICIAL), 1);
    n = find_node(g, KGEX_KIND_OFFICIAL, NULL);
    assert_int_equal(n->mentions, 2);
    assert_int_equal(n->prov_len, 2);
    assert_string_not_equal(n->prov[0].doc, n->prov[1].doc);
    assert_int_equal(count_nodes(g, KGEX_KIND_STATE), 1);
    kgex_extractor_free(x);
    kgex_graph_free(g);
}

/* -------------------------------------------------------------- dates */

static void statement_and_attack_carry_the_sentence_date(void **state)
{
    const char *text = "Russian Foreign Minister Ivan Petrovsky said on December 15, 2021 that "
                       "the talks would resume. Azerbaijan attacked Armenia on December 16, 2021.";
    kgex_graph *g = extract(*state, text, NULL);
    const kgex_edge *said = find_edge(g, KGEX_REL_STATED, "Ivan Petrovsky", NULL);
    const kgex_edge *attack = find_edge(g, KGEX_REL_ATTACKED, "Azerbaijan", "Armenia");
    const kgex_node *ev;

    assert_non_null(said);
    ev = kgex_graph_node(g, said->target);
    assert_non_null(ev->date);
    assert_string_equal(ev->date, "2021-12-15");
    assert_non_null(attack);
    assert_non_null(attack->date);
    assert_string_equal(attack->date, "2021-12-16");
    kgex_graph_free(g);
}

static void weekday_is_resolved_against_the_publication_date(void **state)
{
    /* 2020-10-08 was a Thursday */
    kgex_graph *g = extract(*state, "Azerbaijan attacked Armenia on Tuesday.", "2020-10-08");
    const kgex_edge *attack = find_edge(g, KGEX_REL_ATTACKED, "Azerbaijan", "Armenia");

    assert_non_null(attack);
    assert_non_null(attack->date);
    assert_string_equal(attack->date, "2020-10-06");
    kgex_graph_free(g);
}

static void undated_sentence_gives_no_date(void **state)
{
    kgex_graph *g = extract(*state, "Azerbaijan attacked Armenia near Jermuk.", NULL);
    const kgex_edge *attack = find_edge(g, KGEX_REL_ATTACKED, "Azerbaijan", "Armenia");

    assert_non_null(attack);
    assert_null(attack->date);
    kgex_graph_free(g);
}

static void malformed_publication_date_is_rejected(void **state)
{
    kgex_extract_options opts = KGEX_EXTRACT_OPTIONS_INIT;
    const char *text = "Azerbaijan attacked Armenia on Tuesday.";
    kgex_graph *g = NULL;
    kgex_extractor *x = NULL;
    kgex_error err;

    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    assert_int_equal(kgex_extractor_new(&x, *state, g), KGEX_OK);
    opts.date = "2020-13-45";
    kgex_error_clear(&err);
    assert_int_equal(kgex_extract_text(x, "d.txt", text, strlen(text), &opts, &err), KGEX_EINVAL);
    assert_int_equal(err.code, KGEX_EINVAL);
    assert_int_equal(kgex_graph_node_count(g), 0);
    kgex_extractor_free(x);
    kgex_graph_free(g);
}

static void transliterated_first_name_is_the_same_official(void **state)
{
    const char *text = "Russian Foreign Minister Sergey Lavrov arrived in Yerevan. Sergei Lavrov "
                       "said the talks were useful.";
    kgex_graph *g = extract(*state, text, NULL);

    assert_int_equal(count_nodes(g, KGEX_KIND_OFFICIAL), 1);
    assert_true(has_stated(g, "Sergey Lavrov"));
    assert_true(has_edge(g, KGEX_REL_OFFICIAL_OF, "Sergey Lavrov", "Russia"));
    kgex_graph_free(g);
}

static void two_names_of_one_ministry_are_one_node(void **state)
{
    const char *text = "The Ministry of Foreign Affairs of Armenia said the report was false. "
                       "Armenia's Foreign Ministry added that talks would continue.";
    kgex_graph *g = extract(*state, text, NULL);

    assert_int_equal(count_nodes(g, KGEX_KIND_ORGANIZATION), 1);
    assert_true(has_node(g, KGEX_KIND_ORGANIZATION, "Armenian Foreign Ministry"));
    assert_true(has_stated(g, "Armenian Foreign Ministry"));
    kgex_graph_free(g);
}

static void russia_under_four_names_is_one_node(void **state)
{
    const char *text = "Kremlin spokesman Dmitry Peskov told reporters that Moscow had not been "
                       "notified. Russian troops stayed at the base, and Russia said it would "
                       "continue the dialogue.";
    kgex_graph *g = extract(*state, text, NULL);
    const kgex_node *n = find_node(g, KGEX_KIND_STATE, "Russia");

    assert_int_equal(count_nodes(g, KGEX_KIND_STATE), 1);
    assert_non_null(n);
    assert_true(has_alias(n, "Kremlin"));
    assert_true(has_alias(n, "Moscow"));
    assert_true(has_alias(n, "Russian"));
    kgex_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(byline_author_is_no_entity),
        cmocka_unit_test(official_keeps_the_title_as_role),
        cmocka_unit_test(passive_announcement_has_no_speaker),
        cmocka_unit_test(statement_is_an_event_with_quote_and_about_edges),
        cmocka_unit_test(demonym_and_capital_resolve_to_one_state_node),
        cmocka_unit_test(seat_of_government_resolves_to_the_state),
        cmocka_unit_test(surname_after_full_name_is_the_same_official),
        cmocka_unit_test(misspelt_surname_is_the_same_official),
        cmocka_unit_test(different_surname_is_another_official),
        cmocka_unit_test(one_person_in_two_documents_is_one_node),
        cmocka_unit_test(transliterated_first_name_is_the_same_official),
        cmocka_unit_test(two_names_of_one_ministry_are_one_node),
        cmocka_unit_test(russia_under_four_names_is_one_node),
        cmocka_unit_test(statement_and_attack_carry_the_sentence_date),
        cmocka_unit_test(weekday_is_resolved_against_the_publication_date),
        cmocka_unit_test(undated_sentence_gives_no_date),
        cmocka_unit_test(malformed_publication_date_is_rejected),
    };
    return cmocka_run_group_tests_name("extract", tests, setup, teardown);
}
