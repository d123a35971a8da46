/*
 * test_tokenize.c - the tokenizer and sentence splitter: UTF-8 words and
 * character offsets, possessives, contractions, hyphen joins, dotted
 * acronyms, quotation marks, sentence boundaries and bad input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kgex/errors.h"
#include "text/tokenize.h"

/* One expected token: its text (bytes of the input), type and the flags
 * that must be set (`flags`) or clear (`clear`). */
typedef struct tok_case {
    const char *text;
    int type;
    unsigned flags;
    unsigned clear;
} tok_case;

static void tokenize_str(kgex__tokens *t, const char *text)
{
    assert_int_equal(kgex__tokenize(t, text, strlen(text)), KGEX_OK);
}

/* Text of token i as a NUL-terminated copy in buf. */
static const char *tok_text(const kgex__tokens *t, size_t i, char *buf, size_t cap)
{
    size_t n = t->tok[i].end - t->tok[i].start;

    assert_true(n < cap);
    memcpy(buf, t->text + t->tok[i].start, n);
    buf[n] = '\0';
    return buf;
}

static void assert_tokens(const char *text, const tok_case *expected, size_t expected_len)
{
    kgex__tokens t;
    char buf[128];
    size_t i;

    tokenize_str(&t, text);
    for (i = 0; i < expected_len && i < t.len; i++) {
        const char *got = tok_text(&t, i, buf, sizeof(buf));

        if (strcmp(got, expected[i].text) != 0 || t.tok[i].type != expected[i].type ||
            (t.tok[i].flags & expected[i].flags) != expected[i].flags ||
            (t.tok[i].flags & expected[i].clear) != 0) {
            print_error("in \"%s\", token %zu: got '%s' type %d flags 0x%x, expected '%s' type %d "
                        "flags +0x%x -0x%x\n",
                        text, i, got, t.tok[i].type, t.tok[i].flags, expected[i].text,
                        expected[i].type, expected[i].flags, expected[i].clear);
            kgex__tokens_free(&t);
            fail();
        }
    }
    if (t.len != expected_len) {
        print_error("in \"%s\": %zu tokens, expected %zu\n", text, t.len, expected_len);
        kgex__tokens_free(&t);
        fail();
    }
    kgex__tokens_free(&t);
}

#define ASSERT_TOKENS(text, expected)                                                              \
    assert_tokens((text), (expected), sizeof(expected) / sizeof((expected)[0]))

/* Index of the first token whose text is `w`; fails if there is none. */
static size_t find_tok(const kgex__tokens *t, const char *w)
{
    char buf[128];
    size_t i;

    for (i = 0; i < t->len; i++) {
        if (strcmp(tok_text(t, i, buf, sizeof(buf)), w) == 0)
            return i;
    }
    print_error("no token '%s'\n", w);
    fail();
    return 0;
}

/* Sentence number of token i. */
static size_t sentence_of(const kgex__tokens *t, size_t i)
{
    size_t s;

    for (s = 0; s < t->sent_len; s++) {
        if (i >= t->sent[s].begin && i < t->sent[s].end)
            return s;
    }
    return (size_t)-1;
}

/* -------------------------------------------------------------- words */

static void tokenize_keeps_cyrillic_and_accented_words_whole(void **state)
{
    static const tok_case expected[] = {
        {"Москва", KGEX__TOK_WORD, KGEX__TF_CAP, 0},
        {"и", KGEX__TOK_WORD, 0, KGEX__TF_CAP},
        {"Türkiye", KGEX__TOK_WORD, KGEX__TF_CAP, 0},
        {"signed", KGEX__TOK_WORD, 0, 0},
        {"an", KGEX__TOK_WORD, 0, 0},
        {"accord", KGEX__TOK_WORD, 0, 0},
        {"in", KGEX__TOK_WORD, 0, 0},
        {"Bakı", KGEX__TOK_WORD, KGEX__TF_CAP, 0},
        {".", KGEX__TOK_PUNCT, 0, 0},
    };

    (void)state;
    ASSERT_TOKENS("Москва и Türkiye signed an accord in Bakı.", expected);
}

static void tokenize_counts_character_offsets_in_code_points(void **state)
{
    /* "Москва" is 12 bytes but 6 characters; "é" is 2 bytes, 1 character. */
    static const struct {
        const char *word;
        size_t cstart, cend;
    } expected[] = {
        {"Москва", 0, 6}, {"and", 7, 10},     {"Pashinyan", 11, 20}, {"met", 21, 24},
        {"in", 25, 27},   {"Genève", 28, 34}, {"today", 35, 40},
    };
    const char *text = "Москва and Pashinyan met in Genève today";
    kgex__tokens t;
    size_t i, k;

    (void)state;
    tokenize_str(&t, text);
    assert_int_equal(t.len, sizeof(expected) / sizeof(expected[0]));
    for (k = 0; k < t.len; k++) {
        i = find_tok(&t, expected[k].word);
        assert_int_equal(i, k);
        assert_int_equal(t.tok[i].cstart, expected[k].cstart);
        assert_int_equal(t.tok[i].cend, expected[k].cend);
    }
    /* byte offsets still count bytes */
    assert_int_equal(t.tok[0].start, 0);
    assert_int_equal(t.tok[0].end, 12);
    assert_int_equal(t.tok[1].start, 13);
    kgex__tokens_free(&t);
}

static void tokenize_lowercases_the_normal_form(void **state)
{
    static const struct {
        const char *word;
        const char *norm;
    } expected[] = {
        {"CSTO", "csto"},       {"Москва", "москва"}, {"ÉLYSÉE", "élysée"},
        {"Armenia", "armenia"}, {"don’t", "don't"},
    };
    kgex__tokens t;
    size_t k, i;

    (void)state;
    tokenize_str(&t, "CSTO Москва ÉLYSÉE Armenia don’t");
    for (k = 0; k < sizeof(expected) / sizeof(expected[0]); k++) {
        i = find_tok(&t, expected[k].word);
        assert_string_equal(kgex__tok_norm(&t, i), expected[k].norm);
    }
    assert_true(t.tok[0].flags & KGEX__TF_ALLCAPS);
    assert_false(t.tok[3].flags & KGEX__TF_ALLCAPS);
    assert_true(t.tok[3].flags & KGEX__TF_CAP);
    kgex__tokens_free(&t);
}

static void tokenize_splits_possessive_s(void **state)
{
    static const tok_case expected[] = {
        {"Armenia", KGEX__TOK_WORD, 0, 0}, {"’s", KGEX__TOK_POSS, 0, 0},
        {"army", KGEX__TOK_WORD, 0, 0},    {"and", KGEX__TOK_WORD, 0, 0},
        {"Russia", KGEX__TOK_WORD, 0, 0},  {"'s", KGEX__TOK_POSS, 0, 0},
        {"navy", KGEX__TOK_WORD, 0, 0},
    };
    kgex__tokens t;

    (void)state;
    ASSERT_TOKENS("Armenia’s army and Russia's navy", expected);
    tokenize_str(&t, "Armenia’s army");
    assert_string_equal(kgex__tok_norm(&t, 1), "'s"); /* folded apostrophe */
    kgex__tokens_free(&t);
}

static void tokenize_splits_trailing_apostrophe_after_s_as_possessive(void **state)
{
    static const tok_case expected[] = {
        {"Zas", KGEX__TOK_WORD, 0, 0},
        {"’", KGEX__TOK_POSS, 0, 0},
        {"statement", KGEX__TOK_WORD, 0, 0},
    };

    (void)state;
    ASSERT_TOKENS("Zas’ statement", expected);
}

static void tokenize_keeps_contractions_as_one_word(void **state)
{
    static const tok_case expected[] = {
        {"We", KGEX__TOK_WORD, 0, 0},    {"don’t", KGEX__TOK_WORD, 0, 0},
        {"agree", KGEX__TOK_WORD, 0, 0}, {"and", KGEX__TOK_WORD, 0, 0},
        {"won't", KGEX__TOK_WORD, 0, 0}, {"sign", KGEX__TOK_WORD, 0, 0},
    };

    (void)state;
    ASSERT_TOKENS("We don’t agree and won't sign", expected);
}

static void tokenize_flags_hyphen_joined_parts(void **state)
{
    static const tok_case expected[] = {
        {"an", KGEX__TOK_WORD, 0, KGEX__TF_HYPH},
        {"F", KGEX__TOK_WORD, 0, KGEX__TF_HYPH},
        {"16", KGEX__TOK_NUMBER, KGEX__TF_HYPH, KGEX__TF_SPACE},
        {"of", KGEX__TOK_WORD, 0, KGEX__TF_HYPH},
        {"the", KGEX__TOK_WORD, 0, KGEX__TF_HYPH},
        {"Russian", KGEX__TOK_WORD, KGEX__TF_CAP, KGEX__TF_HYPH},
        {"led", KGEX__TOK_WORD, KGEX__TF_HYPH, KGEX__TF_CAP},
        {"bloc", KGEX__TOK_WORD, 0, KGEX__TF_HYPH},
        {"-", KGEX__TOK_PUNCT, 0, 0}, /* a free-standing dash joins nothing */
        {"today", KGEX__TOK_WORD, 0, KGEX__TF_HYPH},
    };

    (void)state;
    ASSERT_TOKENS("an F-16 of the Russian-led bloc - today", expected);
}

static void tokenize_keeps_dotted_acronym_as_one_token(void **state)
{
    static const tok_case expected[] = {
        {"the", KGEX__TOK_WORD, 0, 0},
        {"U.S.", KGEX__TOK_WORD, KGEX__TF_CAP, 0},
        {"and", KGEX__TOK_WORD, 0, 0},
        {"the", KGEX__TOK_WORD, 0, 0},
        {"U.N.", KGEX__TOK_WORD, KGEX__TF_CAP, 0},
        {"agreed", KGEX__TOK_WORD, 0, 0},
    };
    kgex__tokens t;

    (void)state;
    ASSERT_TOKENS("the U.S. and the U.N. agreed", expected);
    tokenize_str(&t, "the U.S. and the U.N. agreed");
    assert_string_equal(kgex__tok_norm(&t, 1), "u.s.");
    assert_int_equal(t.sent_len, 1); /* "U.S. and" is no sentence end */
    kgex__tokens_free(&t);
}

/* ------------------------------------------------------------- quotes */

static void tokenize_marks_typographic_double_quotes(void **state)
{
    static const tok_case expected[] = {
        {"“", KGEX__TOK_QOPEN, KGEX__TF_QUOTED, 0},  {"We", KGEX__TOK_WORD, KGEX__TF_QUOTED, 0},
        {"are", KGEX__TOK_WORD, KGEX__TF_QUOTED, 0}, {"ready", KGEX__TOK_WORD, KGEX__TF_QUOTED, 0},
        {",", KGEX__TOK_PUNCT, KGEX__TF_QUOTED, 0},  {"”", KGEX__TOK_QCLOSE, 0, 0},
        {"Zas", KGEX__TOK_WORD, 0, KGEX__TF_QUOTED}, {"said", KGEX__TOK_WORD, 0, KGEX__TF_QUOTED},
        {".", KGEX__TOK_PUNCT, 0, KGEX__TF_QUOTED},
    };

    (void)state;
    ASSERT_TOKENS("“We are ready,” Zas said.", expected);
}

static void tokenize_marks_single_typographic_quotes(void **state)
{
    static const tok_case expected[] = {
        {"He", KGEX__TOK_WORD, 0, KGEX__TF_QUOTED},
        {"called", KGEX__TOK_WORD, 0, KGEX__TF_QUOTED},
        {"it", KGEX__TOK_WORD, 0, KGEX__TF_QUOTED},
        {"‘", KGEX__TOK_QOPEN, 0, 0},
        {"a", KGEX__TOK_WORD, KGEX__TF_QUOTED, 0},
        {"provocation", KGEX__TOK_WORD, KGEX__TF_QUOTED, 0},
        {"’", KGEX__TOK_QCLOSE, 0, 0},
        {"again", KGEX__TOK_WORD, 0, KGEX__TF_QUOTED},
    };

    (void)state;
    ASSERT_TOKENS("He called it ‘a provocation’ again", expected);
}

static void tokenize_reads_double_apostrophe_as_closing_quote(void **state)
{
    static const tok_case expected[] = {
        {"“", KGEX__TOK_QOPEN, 0, 0},
        {"No", KGEX__TOK_WORD, KGEX__TF_QUOTED, 0},
        {"comment", KGEX__TOK_WORD, KGEX__TF_QUOTED, 0},
        {"’’", KGEX__TOK_QCLOSE, 0, 0},
        {"he", KGEX__TOK_WORD, 0, KGEX__TF_QUOTED},
        {"said", KGEX__TOK_WORD, 0, KGEX__TF_QUOTED},
    };

    (void)state;
    ASSERT_TOKENS("“No comment’’ he said", expected);
}

static void tokenize_keeps_quote_flag_across_sentences(void **state)
{
    const char *text = "“We are ready. We will act,” the minister said. He left.";
    kgex__tokens t;
    size_t i;

    (void)state;
    tokenize_str(&t, text);
    assert_int_equal(t.sent_len, 3);
    i = find_tok(&t, "ready");
    assert_int_equal(sentence_of(&t, i), 0);
    assert_true(t.tok[i].flags & KGEX__TF_QUOTED);
    i = find_tok(&t, "will");
    assert_int_equal(sentence_of(&t, i), 1);
    assert_true(t.tok[i].flags & KGEX__TF_QUOTED);
    i = find_tok(&t, "act");
    assert_true(t.tok[i].flags & KGEX__TF_QUOTED);
    i = find_tok(&t, "minister");
    assert_int_equal(sentence_of(&t, i), 1);
    assert_false(t.tok[i].flags & KGEX__TF_QUOTED);
    i = find_tok(&t, "He");
    assert_int_equal(sentence_of(&t, i), 2);
    assert_false(t.tok[i].flags & KGEX__TF_QUOTED);
    kgex__tokens_free(&t);
}

/* ---------------------------------------------------------- sentences */

typedef struct split_case {
    const char *text;
    size_t sentences;
    const char *first_of_last; /* text of the first token of the last sentence */
} split_case;

static void tokenize_splits_sentences_at_period_and_capital(void **state)
{
    static const split_case expected[] = {
        {"Armenia objected. Russia agreed.", 2, "Russia"},
        {"Armenia objected! Russia agreed? Baku waited.", 3, "Baku"},
        {"Talks ended at 5 p.m. and resumed later.", 1, "Talks"},
        {"Armenia objected. then Russia agreed.", 1, "Armenia"}, /* no capital */
        {"The price was 3.5 million. Russia paid.", 2, "Russia"},
        {"Armenia objected.Russia agreed.", 1, "Armenia"}, /* no space */
        {"It ended. “We won,” he said.", 2, "“"},
    };
    kgex__tokens t;
    char buf[64];
    size_t k;

    (void)state;
    for (k = 0; k < sizeof(expected) / sizeof(expected[0]); k++) {
        tokenize_str(&t, expected[k].text);
        if (t.sent_len != expected[k].sentences ||
            strcmp(tok_text(&t, t.sent[t.sent_len - 1].begin, buf, sizeof(buf)),
                   expected[k].first_of_last) != 0) {
            print_error("\"%s\": %zu sentences, last starts with '%s'\n", expected[k].text,
                        t.sent_len, buf);
            kgex__tokens_free(&t);
            fail();
        }
        assert_true(t.tok[t.sent[t.sent_len - 1].begin].flags & KGEX__TF_SENT_START);
        kgex__tokens_free(&t);
    }
}

static void tokenize_does_not_split_after_abbreviations_or_initials(void **state)
{
    static const char *const texts[] = {
        "Mr. Harutyunyan arrived in Moscow.",
        "Gen. Petrovsky inspected the troops.",
        "Col. Aliyev Jr. and Dr. Mamedova spoke.",
        "The report was written by J. Smith for the council.",
        "Lt. Gen. Andrei K. Sokolov commanded the unit.",
    };
    kgex__tokens t;
    size_t k;

    (void)state;
    for (k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
        tokenize_str(&t, texts[k]);
        if (t.sent_len != 1) {
            print_error("\"%s\": %zu sentences, expected 1\n", texts[k], t.sent_len);
            kgex__tokens_free(&t);
            fail();
        }
        kgex__tokens_free(&t);
    }
}

static void tokenize_ends_sentence_at_newline(void **state)
{
    const char *text =
        "Armenia objected to the plan\nRussia agreed with it\n\nKazakhstan abstained";
    kgex__tokens t;
    size_t i;

    (void)state;
    tokenize_str(&t, text);
    assert_int_equal(t.sent_len, 3);
    i = find_tok(&t, "Russia");
    assert_int_equal(t.sent[1].begin, i);
    assert_true(t.tok[i].flags & KGEX__TF_NL);
    assert_true(t.tok[i].flags & KGEX__TF_SENT_START);
    assert_int_equal(t.sent[0].para, 0);
    assert_int_equal(t.sent[1].para, 1);
    assert_true(t.sent[2].para > t.sent[1].para);
    /* even after an abbreviation a newline ends the sentence */
    kgex__tokens_free(&t);
    tokenize_str(&t, "It was signed by Gen.\nThe talks ended.");
    assert_int_equal(t.sent_len, 2);
    kgex__tokens_free(&t);
}

static void tokenize_keeps_closing_quote_after_period_in_sentence(void **state)
{
    const char *text = "“We are ready.” Russia agreed.";
    kgex__tokens t;
    size_t close;

    (void)state;
    tokenize_str(&t, text);
    assert_int_equal(t.sent_len, 2);
    close = find_tok(&t, "”");
    assert_int_equal(t.tok[close].type, KGEX__TOK_QCLOSE);
    assert_int_equal(sentence_of(&t, close), 0);
    assert_int_equal(t.sent[0].end, close + 1);
    assert_int_equal(t.sent[1].begin, find_tok(&t, "Russia"));
    assert_false(t.tok[find_tok(&t, "Russia")].flags & KGEX__TF_QUOTED);
    kgex__tokens_free(&t);
}

static void tokenize_resets_quote_at_newline(void **state)
{
    /* an unclosed quote does not run into the next paragraph */
    kgex__tokens t;

    (void)state;
    tokenize_str(&t, "“We are ready, the minister said\nRussia agreed.");
    assert_true(t.tok[find_tok(&t, "minister")].flags & KGEX__TF_QUOTED);
    assert_false(t.tok[find_tok(&t, "Russia")].flags & KGEX__TF_QUOTED);
    kgex__tokens_free(&t);
}

/* ---------------------------------------------------------- bad input */

static void tokenize_skips_invalid_utf8_bytes(void **state)
{
    static const tok_case expected[] = {
        {"Armenia", KGEX__TOK_WORD, 0, 0},
        {"and", KGEX__TOK_WORD, 0, 0},
        {"Russia", KGEX__TOK_WORD, 0, 0},
        {"agreed", KGEX__TOK_WORD, 0, 0},
    };
    /* a stray continuation byte, an invalid lead byte, an overlong "/", a
     * surrogate and a truncated two-byte sequence at the very end */
    const char text[] = "Armenia\x80 and \xff\xfeRussia \xc0\xaf\xed\xa0\x80 agreed\xc3";
    kgex__tokens t;
    size_t i;

    (void)state;
    ASSERT_TOKENS(text, expected);
    tokenize_str(&t, text);
    for (i = 0; i < t.len; i++)
        assert_true(t.tok[i].end <= sizeof(text) - 1);
    kgex__tokens_free(&t);
}

static void tokenize_reads_only_len_bytes(void **state)
{
    const char text[] = "Armenia objected. Russia agreed.";
    char *copy = malloc(16); /* exactly 16 bytes, so ASan catches a read past them */
    kgex__tokens t;

    (void)state;
    assert_non_null(copy);
    memcpy(copy, text, 16);
    assert_int_equal(kgex__tokenize(&t, copy, 16), KGEX_OK); /* "Armenia objecte" */
    assert_int_equal(t.len, 2);
    assert_int_equal(t.tok[1].end, 16);
    assert_int_equal(t.sent_len, 1);
    kgex__tokens_free(&t);
    free(copy);
}

static void tokenize_gives_nothing_for_empty_input(void **state)
{
    static const char *const texts[] = {"", " \t ", "\n\n\r\n"};
    kgex__tokens t;
    size_t k;

    (void)state;
    for (k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
        tokenize_str(&t, texts[k]);
        assert_int_equal(t.len, 0);
        assert_int_equal(t.sent_len, 0);
        kgex__tokens_free(&t);
    }
    kgex__tokens_free(NULL); /* NULL-safe */
}

static void utf8_len_measures_sequences(void **state)
{
    static const struct {
        const char *s;
        size_t avail, len;
    } expected[] = {
        {"A", 1, 1},
        {"\xd0\x9c", 2, 2},         /* М */
        {"\xe2\x80\x9c", 3, 3},     /* “ */
        {"\xf0\x9f\x98\x80", 4, 4}, /* emoji */
        {"\xe2\x80\x9c", 2, 0},     /* truncated */
        {"\x80", 1, 0},             /* continuation byte */
        {"\xc0\xaf", 2, 0},         /* overlong */
        {"\xed\xa0\x80", 3, 0},     /* surrogate */
        {"\xf4\x90\x80\x80", 4, 0}, /* above U+10FFFF */
        {"", 0, 0},
    };
    size_t k;

    (void)state;
    for (k = 0; k < sizeof(expected) / sizeof(expected[0]); k++)
        assert_int_equal(kgex__utf8_len((const unsigned char *)expected[k].s, expected[k].avail),
                         expected[k].len);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tokenize_keeps_cyrillic_and_accented_words_whole),
        cmocka_unit_test(tokenize_counts_character_offsets_in_code_points),
        cmocka_unit_test(tokenize_lowercases_the_normal_form),
        cmocka_unit_test(tokenize_splits_possessive_s),
        cmocka_unit_test(tokenize_splits_trailing_apostrophe_after_s_as_possessive),
        cmocka_unit_test(tokenize_keeps_contractions_as_one_word),
        cmocka_unit_test(tokenize_flags_hyphen_joined_parts),
        cmocka_unit_test(tokenize_keeps_dotted_acronym_as_one_token),
        cmocka_unit_test(tokenize_marks_typographic_double_quotes),
        cmocka_unit_test(tokenize_marks_single_typographic_quotes),
        cmocka_unit_test(tokenize_reads_double_apostrophe_as_closing_quote),
        cmocka_unit_test(tokenize_keeps_quote_flag_across_sentences),
        cmocka_unit_test(tokenize_splits_sentences_at_period_and_capital),
        cmocka_unit_test(tokenize_does_not_split_after_abbreviations_or_initials),
        cmocka_unit_test(tokenize_ends_sentence_at_newline),
        cmocka_unit_test(tokenize_keeps_closing_quote_after_period_in_sentence),
        cmocka_unit_test(tokenize_resets_quote_at_newline),
        cmocka_unit_test(tokenize_skips_invalid_utf8_bytes),
        cmocka_unit_test(tokenize_reads_only_len_bytes),
        cmocka_unit_test(tokenize_gives_nothing_for_empty_input),
        cmocka_unit_test(utf8_len_measures_sequences),
    };
    return cmocka_run_group_tests_name("tokenize", tests, NULL, NULL);
}
