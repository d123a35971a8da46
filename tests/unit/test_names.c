/*
 * test_names.c - person names: the tolerant comparisons and the indexed
 * registry of known people, which must resolve every name to the same
 * person as a scan of everyone known would.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "common.h"
#include "extract/names.h"

static void name_edits_counts_up_to_three(void **state)
{
    (void)state;
    assert_int_equal(kgex__name_edits("zas", "zas"), 0);
    assert_int_equal(kgex__name_edits("stanislav", "stantilav"), 2);
    assert_int_equal(kgex__name_edits("zakharova", "zakharove"), 1);
    assert_int_equal(kgex__name_edits("ab", "abcdef"), 3);
    assert_int_equal(kgex__name_edits("", "abc"), 3);
}

static void surnames_and_first_names_tolerate_small_misspellings(void **state)
{
    (void)state;
    assert_true(kgex__same_surname("zakharova", "zakharove"));
    assert_false(kgex__same_surname("zas", "zaz")); /* short: must be equal */
    assert_true(kgex__same_first_name("stanislav", "stantilav"));
    assert_true(kgex__same_first_name("maria", "marya"));
    assert_false(kgex__same_first_name("ivan", "igor"));
    assert_false(kgex__same_first_name("", "ivan"));
}

static kgex__people *registry(void)
{
    kgex__people *pp = NULL;

    assert_int_equal(kgex__people_new(&pp), KGEX_OK);
    return pp;
}

static void add_person(kgex__people *pp, const char *id, const char *first, const char *last)
{
    assert_int_equal(kgex__people_add(pp, id, first, last, NULL), KGEX_OK);
}

static void registry_merges_misspelt_and_partial_names(void **state)
{
    kgex__people *pp = registry();

    (void)state;
    assert_int_equal(kgex__people_find(pp, "maria", "zakharova"), -1);
    add_person(pp, "person/maria-zakharova", "maria", "zakharova");
    add_person(pp, "person/stanislav-zas", "stanislav", "zas");
    add_person(pp, "person/ivan-zas", "ivan", "zas");
    /* a surname alone is the first person of that surname */
    assert_int_equal(kgex__people_find(pp, "", "zas"), 1);
    /* a misspelt first name with the same surname */
    assert_int_equal(kgex__people_find(pp, "stantilav", "zas"), 1);
    assert_int_equal(kgex__people_find(pp, "ivan", "zas"), 2);
    /* a misspelt surname only with exactly the same first name */
    assert_int_equal(kgex__people_find(pp, "maria", "zakharove"), 0);
    assert_int_equal(kgex__people_find(pp, "marya", "zakharove"), -1);
    assert_int_equal(kgex__people_find(pp, "", "zakharove"), -1);
    /* different people */
    assert_int_equal(kgex__people_find(pp, "igor", "zas"), -1);
    assert_int_equal(kgex__people_find(pp, "maria", "ivanova"), -1);
    assert_string_equal(kgex__people_id(pp, 1), "person/stanislav-zas");
    assert_null(kgex__people_id(pp, 3));
    kgex__people_free(pp);
}

/* The rule of names.h, applied to everyone in order: what the registry's
 * index must agree with. */
typedef struct ref_person {
    char first[16], last[16];
} ref_person;

static long reference_find(const ref_person *known, size_t len, const char *first, const char *last)
{
    size_t k;

    for (k = 0; k < len; k++) {
        const ref_person *q = &known[k];

        if (strcmp(q->last, last) != 0 &&
            !(kgex__same_surname(q->last, last) && *first && strcmp(q->first, first) == 0))
            continue;
        if (!*q->first || !*first || kgex__same_first_name(q->first, first))
            return (long)k;
    }
    return -1;
}

static uint32_t next_random(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* A name from few syllables, so that names often share a surname or lie
 * an edit apart; sometimes misspelt by a letter, sometimes without a
 * first name. */
static void random_name(uint32_t *s, char *first, char *last)
{
    static const char *const syl[] = {"ar", "ben", "dan", "el", "ko", "lev", "ov", "ski", "a"};
    size_t i, n;

    first[0] = last[0] = '\0';
    if (next_random(s) % 5 != 0) {
        for (i = 0; i < 2; i++)
            strcat(first, syl[next_random(s) % 9]);
    }
    n = 1 + next_random(s) % 3;
    for (i = 0; i < n; i++)
        strcat(last, syl[next_random(s) % 9]);
    if (next_random(s) % 4 == 0) {
        char *w = next_random(s) % 2 ? last : first;
        size_t len = strlen(w);

        if (len > 1) {
            size_t at = next_random(s) % len;

            if (next_random(s) % 2)
                memmove(w + at, w + at + 1, len - at); /* drop a letter */
            else
                w[at] = (char)('a' + next_random(s) % 26); /* change one */
        }
    }
}

static void registry_agrees_with_a_scan_of_everyone(void **state)
{
    enum { NAMES = 4000 };
    kgex__people *pp = registry();
    ref_person *known = calloc(NAMES, sizeof(*known));
    uint32_t seed = 12345;
    size_t len = 0, i, merged = 0;

    (void)state;
    assert_non_null(known);
    for (i = 0; i < NAMES; i++) {
        char first[16], last[16], id[40];
        long want, got;

        random_name(&seed, first, last);
        want = reference_find(known, len, first, last);
        got = kgex__people_find(pp, first, last);
        assert_int_equal(got, want);
        if (got >= 0) {
            merged++;
            continue;
        }
        snprintf(id, sizeof(id), "person/%zu", len);
        add_person(pp, id, first, last);
        strcpy(known[len].first, first);
        strcpy(known[len].last, last);
        len++;
    }
    /* both outcomes happened many times */
    assert_true(merged > NAMES / 10);
    assert_true(len > NAMES / 10);
    free(known);
    kgex__people_free(pp);
}

static void registry_add_fails_cleanly_without_memory(void **state)
{
    kgex__people *pp = registry();
    long k;
    int rc = KGEX_ENOMEM;

    (void)state;
    for (k = 0; rc != KGEX_OK; k++) {
        kgex__alloc_fail_after(k);
        rc = kgex__people_add(pp, "person/maria-zakharova", "maria", "zakharova", NULL);
        kgex__alloc_fail_after(-1);
        assert_true(rc == KGEX_OK || rc == KGEX_ENOMEM);
    }
    assert_true(kgex__people_find(pp, "maria", "zakharova") >= 0);
    kgex__people_free(pp); /* no leak under ASan/valgrind */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(name_edits_counts_up_to_three),
        cmocka_unit_test(surnames_and_first_names_tolerate_small_misspellings),
        cmocka_unit_test(registry_merges_misspelt_and_partial_names),
        cmocka_unit_test(registry_agrees_with_a_scan_of_everyone),
        cmocka_unit_test(registry_add_fails_cleanly_without_memory),
    };
    return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
