/*
 * tokenize.h - UTF-8 tokenizer and sentence splitter.
 *
 * A document's text is cut into tokens with byte and character offsets:
 * words (hyphenated parts are separate tokens flagged KGEX__TF_HYPH),
 * numbers, punctuation, opening and closing quotes, and the possessive
 * "'s" / "’s" / trailing "’". Each token has a lowercased form with
 * typographic apostrophes folded to "'", used for lexicon lookup. Sentences
 * are token ranges; a newline always ends one. Tokens inside quotation
 * marks carry KGEX__TF_QUOTED, also when the quote spans sentences.
 *
 * The token list owns its strings; free with kgex__tokens_free().
 */
#ifndef KGEX_TEXT_TOKENIZE_H
#define KGEX_TEXT_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

#include "text/utf8.h"

enum kgex__tok_type {
    KGEX__TOK_WORD = 0,
    KGEX__TOK_NUMBER,
    KGEX__TOK_PUNCT,
    KGEX__TOK_QOPEN,  /* opening quotation mark */
    KGEX__TOK_QCLOSE, /* closing quotation mark */
    KGEX__TOK_POSS    /* possessive 's or trailing apostrophe */
};

enum {
    KGEX__TF_CAP = 1 << 0,       /* first letter is upper case */
    KGEX__TF_ALLCAPS = 1 << 1,   /* two or more letters, all upper case */
    KGEX__TF_HYPH = 1 << 2,      /* joined to the previous token by a hyphen */
    KGEX__TF_NL = 1 << 3,        /* a line break precedes the token */
    KGEX__TF_QUOTED = 1 << 4,    /* inside quotation marks */
    KGEX__TF_SPACE = 1 << 5,     /* white space precedes the token */
    KGEX__TF_SENT_START = 1 << 6 /* first token of its sentence */
};

typedef struct kgex__token {
    size_t start, end;   /* byte offsets [start, end) in the text */
    size_t cstart, cend; /* character offsets */
    size_t norm;         /* offset of the lowercased form in kgex__tokens.norm */
    uint8_t type;
    uint8_t flags;
} kgex__token;

typedef struct kgex__sentence {
    size_t begin, end; /* token range [begin, end) */
    size_t para;       /* 0-based paragraph (line block) number */
} kgex__sentence;

typedef struct kgex__tokens {
    const char *text; /* borrowed */
    size_t text_len;
    kgex__token *tok;
    size_t len, cap;
    char *norm; /* NUL-separated lowercased forms */
    size_t norm_len, norm_cap;
    kgex__sentence *sent;
    size_t sent_len, sent_cap;
} kgex__tokens;

/* Tokenize `text` (not necessarily NUL-terminated) and split it into
 * sentences. `text` must outlive `out`. Invalid UTF-8 bytes are treated as
 * separators. */
int kgex__tokenize(kgex__tokens *out, const char *text, size_t len);
void kgex__tokens_free(kgex__tokens *t);

/* The lowercased form of token i. */
static inline const char *kgex__tok_norm(const kgex__tokens *t, size_t i)
{
    return t->norm + t->tok[i].norm;
}

#endif
