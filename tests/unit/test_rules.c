/*
 * test_rules.c - the relation rules, case by case, from data: each file
 * tests/rules/<relation>.tsv lists short texts with the edges they must
 * ("+") and must not ("-") give; tests/rules/entities.tsv the nodes. One
 * test per file runs every case in it (a fresh graph each, the default
 * lexicon) and reports every failure with its file and line before
 * failing. A missing or empty file fails too.
 *
 * Lines: expect <TAB> source <TAB> target <TAB> text for relations (target
 * empty for stated: any statement event), expect <TAB> kind <TAB> label
 * <TAB> text for entities; "*" is any node; "\\n" in a text is a line
 * break; "#" starts a comment.
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

#ifndef KGEX_SOURCE_DIR
#define KGEX_SOURCE_DIR "."
#endif

#define MAX_FIELDS 4

/* Split `line` at tabs into at most MAX_FIELDS fields; returns the count. */
static size_t split_tabs(char *line, char **field)
{
    size_t n = 0;
    char *p = line;

    line[strcspn(line, "\r\n")] = '\0';
    while (n < MAX_FIELDS) {
        char *tab = strchr(p, '\t');

        field[n++] = p;
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

static int kind_of(const char *s, kgex_kind *out)
{
    static const struct {
        const char *name;
        kgex_kind kind;
    } kinds[] = {{"state", KGEX_KIND_STATE},
                 {"organization", KGEX_KIND_ORGANIZATION},
                 {"official", KGEX_KIND_OFFICIAL}};
    size_t k;

    for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        if (strcmp(s, kinds[k].name) == 0) {
            *out = kinds[k].kind;
            return 1;
        }
    }
    return 0;
}

/* Turn the escapes "\\n" and "\\t" of a case text into a line break and a tab. */
static void unescape(char *s)
{
    char *o = s;

    for (; *s; s++) {
        if (s[0] == '\\' && (s[1] == 'n' || s[1] == 't')) {
            *o++ = s[1] == 'n' ? '\n' : '\t';
            s++;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
}

/* Does the graph hold what the case line asks for? -1 on a malformed line. */
static int check_case(const kgex_graph *g, int relation, char **f)
{
    if (relation < 0) {
        kgex_kind kind;
        if (!kind_of(f[1], &kind))
            return -1;
        return has_node(g, kind, strcmp(f[2], "*") == 0 ? NULL : f[2]);
    }
    if (relation == KGEX_REL_STATED)
        return has_edge(g, KGEX_REL_STATED, f[1], NULL);
    return f[2][0] ? has_edge(g, (kgex_relation)relation, f[1], f[2]) : -1;
}

/* Run every case of tests/rules/<name>.tsv. `relation` is a
 * kgex_relation, or -1 for the entity file. */
static void run_case_file(const kgex_lexicon *lex, const char *name, int relation)
{
    char path[1024], line[4096];
    FILE *fp;
    size_t lineno = 0, cases = 0, failed = 0;

    snprintf(path, sizeof(path), "%s/tests/rules/%s.tsv", KGEX_SOURCE_DIR, name);
    fp = fopen(path, "r");
    if (!fp) {
        print_error("cannot open %s\n", path);
        fail();
    }
    while (fgets(line, sizeof(line), fp)) {
        char *f[MAX_FIELDS];
        kgex_graph *g;
        int got;

        lineno++;
        if (line[0] == '#' || line[strspn(line, " \t\r\n")] == '\0')
            continue;
        if (split_tabs(line, f) != MAX_FIELDS || (f[0][0] != '+' && f[0][0] != '-') || f[0][1]) {
            print_error("%s:%zu: expected 4 tab-separated fields, the first + or -\n", path,
                        lineno);
            failed++;
            continue;
        }
        cases++;
        unescape(f[3]);
        g = extract(lex, f[3], NULL);
        got = check_case(g, relation, f);
        if (got < 0) {
            print_error("%s:%zu: malformed case\n", path, lineno);
            failed++;
        } else if (got != (f[0][0] == '+')) {
            print_message("%s:%zu: FAIL \"%s\"\n    expected %s%s %s -> %s; extracted:\n", path,
                          lineno, f[3], f[0][0] == '+' ? "" : "no ",
                          relation < 0 ? f[1] : kgex_relation_name((kgex_relation)relation), f[1],
                          relation < 0 || !f[2][0] ? "(statement)" : f[2]);
            dump_graph(g);
            failed++;
        }
        kgex_graph_free(g);
    }
    fclose(fp);
    if (cases == 0) {
        print_error("%s: no cases\n", path);
        fail();
    }
    if (failed) {
        print_error("%s: %zu of %zu cases failed\n", path, failed, cases);
        fail();
    }
}

static void member_of_cases_hold(void **state)
{
    run_case_file(*state, "member_of", KGEX_REL_MEMBER_OF);
}

static void official_of_cases_hold(void **state)
{
    run_case_file(*state, "official_of", KGEX_REL_OFFICIAL_OF);
}

static void attacked_cases_hold(void **state)
{
    run_case_file(*state, "attacked", KGEX_REL_ATTACKED);
}

static void appealed_to_cases_hold(void **state)
{
    run_case_file(*state, "appealed_to", KGEX_REL_APPEALED_TO);
}

static void stated_cases_hold(void **state)
{
    run_case_file(*state, "stated", KGEX_REL_STATED);
}

static void entity_cases_hold(void **state)
{
    run_case_file(*state, "entities", -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(member_of_cases_hold), cmocka_unit_test(official_of_cases_hold),
        cmocka_unit_test(attacked_cases_hold),  cmocka_unit_test(appealed_to_cases_hold),
        cmocka_unit_test(stated_cases_hold),    cmocka_unit_test(entity_cases_hold),
    };

    return cmocka_run_group_tests_name("rules", tests, setup, teardown);
}
