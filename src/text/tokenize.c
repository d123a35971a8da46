/*
 * tokenize.c - UTF-8 tokenizer and sentence splitter (see tokenize.h).
 *
 * One pass over the bytes builds the tokens; a second pass over the tokens
 * marks quoted spans and sentence starts. Both are linear in the text.
 */
#include "text/tokenize.h"

#include <string.h>

#include "common.h"

/* Decode the code point at text[*pos], advancing *pos; invalid bytes give
 * U+FFFD and advance one byte. */
static uint32_t decode(const char *text, size_t len, size_t *pos)
{
    uint32_t cp = 0xFFFD;
    size_t n = kgex__utf8_decode((const unsigned char *)text + *pos, len - *pos, &cp, NULL);

    *pos += n ? n : 1;
    return n ? cp : 0xFFFD;
}

static uint32_t peek(const char *text, size_t len, size_t pos)
{
    return pos < len ? decode(text, len, &pos) : 0;
}

static int is_newline(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C;
}

static int is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0xFEFF || (c < 0x20 && !is_newline(c)) || c == 0x7F ||
           (c >= 0x80 && c < 0xA0) || c == 0xFFFD;
}

static int is_apostrophe(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x02BB;
}

static int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static int is_letter(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c < 0xC0)
        return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c == 0xD7 || c == 0xF7)
        return 0;
    if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x2E00 && c <= 0x2E7F) ||
        (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) ||
        (c >= 0xFF00 && c <= 0xFF20) || c == 0xFFFD || (c >= 0x1F000 && c <= 0x1FAFF))
        return 0;
    return !is_apostrophe(c);
}

static int is_alnum(uint32_t c)
{
    return is_letter(c) || is_digit(c);
}

static int is_upper(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE)
        return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F)
        return (c & 1) == 0;
    return (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F);
}

static uint32_t to_lower(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c >= 0x100 && c <= 0x17F && (c & 1) == 0)
        return c + 1;
    if (c >= 0x391 && c <= 0x3A9)
        return c + 32;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    if (is_apostrophe(c) || c == 0x2018)
        return '\'';
    if (c == 0x2013 || c == 0x2010 || c == 0x2011)
        return '-';
    return c;
}

static size_t encode(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Count code points in text[from, to). */
static size_t count_chars(const char *text, size_t from, size_t to)
{
    size_t n = 0;

    while (from < to) {
        if (((unsigned char)text[from] & 0xC0) != 0x80)
            n++;
        from++;
    }
    return n;
}

static int push_token(kgex__tokens *t, size_t start, size_t end, uint8_t type, uint8_t flags,
                      size_t *cpos, size_t *cbyte)
{
    kgex__token *tok;
    size_t pos = start, need;
    int error;

    error = kgex__grow((void **)&t->tok, &t->cap, t->len + 1, sizeof(*t->tok));
    if (error < 0)
        return error;
    need = t->norm_len + 4 * (end - start) + 2;
    error = kgex__grow((void **)&t->norm, &t->norm_cap, need, 1);
    if (error < 0)
        return error;
    tok = &t->tok[t->len++];
    *cpos += count_chars(t->text, *cbyte, start);
    tok->start = start;
    tok->end = end;
    tok->cstart = *cpos;
    *cpos += count_chars(t->text, start, end);
    *cbyte = end;
    tok->cend = *cpos;
    tok->type = type;
    tok->flags = flags;
    tok->norm = t->norm_len;
    if (type == KGEX__TOK_POSS) {
        memcpy(t->norm + t->norm_len, "'s", 3);
        t->norm_len += 3;
        return KGEX_OK;
    }
    while (pos < end) {
        uint32_t c = decode(t->text, end, &pos);
        t->norm_len += encode(to_lower(c), t->norm + t->norm_len);
    }
    t->norm[t->norm_len++] = '\0';
    return KGEX_OK;
}

static const char *const abbreviations[] = {
    "mr",   "mrs", "ms",  "dr",  "gen",  "col",  "lt",  "maj", "capt", "sgt",  "adm", "brig",
    "sen",  "rep", "gov", "amb", "pres", "prof", "st",  "jr",  "sr",   "inc",  "ltd", "co",
    "corp", "no",  "vs",  "etc", "jan",  "feb",  "mar", "apr", "jun",  "jul",  "aug", "sep",
    "sept", "oct", "nov", "dec", "mt",   "ft",   "rev", "hon", "gens", "cmdr", "cdr", NULL};

static int is_abbreviation(const kgex__tokens *t, size_t i)
{
    const char *w = kgex__tok_norm(t, i);
    size_t k;

    if (t->tok[i].type != KGEX__TOK_WORD)
        return 0;
    if (t->tok[i].end - t->tok[i].start == 1 && (t->tok[i].flags & KGEX__TF_CAP))
        return 1; /* an initial */
    if (strchr(w, '.'))
        return 1; /* U.S., e.g. */
    for (k = 0; abbreviations[k]; k++) {
        if (strcmp(w, abbreviations[k]) == 0)
            return 1;
    }
    return 0;
}

static int is_terminal(const kgex__tokens *t, size_t i)
{
    const char *w = kgex__tok_norm(t, i);

    if (t->tok[i].type != KGEX__TOK_PUNCT)
        return 0;
    return strcmp(w, ".") == 0 || strcmp(w, "!") == 0 || strcmp(w, "?") == 0 ||
           strcmp(w, "...") == 0 || strcmp(w, "\xe2\x80\xa6") == 0;
}

static int push_sentence(kgex__tokens *t, size_t begin, size_t end, size_t para)
{
    int error;

    if (begin >= end)
        return KGEX_OK;
    error = kgex__grow((void **)&t->sent, &t->sent_cap, t->sent_len + 1, sizeof(*t->sent));
    if (error < 0)
        return error;
    t->sent[t->sent_len].begin = begin;
    t->sent[t->sent_len].end = end;
    t->sent[t->sent_len].para = para;
    t->sent_len++;
    t->tok[begin].flags |= KGEX__TF_SENT_START;
    return KGEX_OK;
}

/* Second pass: quoted spans (reset at each line break) and sentences. */
static int split_sentences(kgex__tokens *t)
{
    size_t i, begin = 0, para = 0;
    int in_quote = 0, error;

    for (i = 0; i < t->len; i++) {
        kgex__token *tok = &t->tok[i];

        if (tok->flags & KGEX__TF_NL) {
            in_quote = 0;
            error = push_sentence(t, begin, i, para);
            if (error < 0)
                return error;
            begin = i;
            para++;
        }
        if (tok->type == KGEX__TOK_QOPEN)
            in_quote = 1;
        if (in_quote)
            tok->flags |= KGEX__TF_QUOTED;
        if (tok->type == KGEX__TOK_QCLOSE)
            in_quote = 0;

        if (i > begin && is_terminal(t, i) &&
            !(i > 0 && is_abbreviation(t, i - 1) && t->tok[i].start == t->tok[i - 1].end)) {
            size_t j = i + 1;

            while (j < t->len && !(t->tok[j].flags & KGEX__TF_NL) &&
                   (t->tok[j].type == KGEX__TOK_QCLOSE || is_terminal(t, j) ||
                    strcmp(kgex__tok_norm(t, j), ")") == 0)) {
                if (t->tok[j].type == KGEX__TOK_QCLOSE) {
                    t->tok[j].flags |= in_quote ? KGEX__TF_QUOTED : 0;
                    in_quote = 0;
                }
                j++;
            }
            if (j < t->len && !(t->tok[j].flags & KGEX__TF_NL) &&
                (t->tok[j].flags & (KGEX__TF_CAP | KGEX__TF_SPACE)) ==
                    (KGEX__TF_CAP | KGEX__TF_SPACE | 0) &&
                1) {
                error = push_sentence(t, begin, j, para);
                if (error < 0)
                    return error;
                begin = j;
                i = j - 1;
            } else if (j < t->len && (t->tok[j].flags & KGEX__TF_SPACE) &&
                       (t->tok[j].type == KGEX__TOK_QOPEN || t->tok[j].type == KGEX__TOK_NUMBER)) {
                error = push_sentence(t, begin, j, para);
                if (error < 0)
                    return error;
                begin = j;
                i = j - 1;
            }
        }
    }
    return push_sentence(t, begin, t->len, para);
}

int kgex__tokenize(kgex__tokens *t, const char *text, size_t len)
{
    size_t pos = 0, cpos = 0, cbyte = 0;
    uint8_t pending = 0;
    int single_open = 0, error;

    memset(t, 0, sizeof(*t));
    t->text = text;
    t->text_len = len;
    while (pos < len) {
        size_t start = pos;
        uint32_t c = decode(text, len, &pos);

        if (is_newline(c)) {
            pending |= KGEX__TF_NL | KGEX__TF_SPACE;
            single_open = 0;
            continue;
        }
        if (is_space(c)) {
            pending |= KGEX__TF_SPACE;
            continue;
        }
        if (is_letter(c)) {
            uint8_t flags = pending;
            int dotted = 1, letters = 1, upper = is_upper(c), all_upper = is_upper(c);
            size_t seg = 1;

            for (;;) {
                size_t save = pos;
                uint32_t d = peek(text, len, pos);

                if (is_alnum(d)) {
                    decode(text, len, &pos);
                    seg++;
                    if (seg > 1)
                        dotted = 0;
                    letters++;
                    if (!is_upper(d) && is_letter(d))
                        all_upper = 0;
                    continue;
                }
                if (is_apostrophe(d)) {
                    size_t p2 = pos;
                    uint32_t e, f;

                    decode(text, len, &p2);
                    e = peek(text, len, p2);
                    if (is_letter(e)) {
                        size_t p3 = p2;

                        decode(text, len, &p3);
                        f = peek(text, len, p3);
                        if ((e == 's' || e == 'S') && !is_alnum(f))
                            break; /* possessive: split */
                        pos = p2;
                        dotted = 0;
                        continue;
                    }
                    break;
                }
                if (d == '.') {
                    size_t p2 = pos + 1;
                    uint32_t e = peek(text, len, p2);

                    if (dotted && seg == 1 && (is_letter(e) || (p2 > 2 && text[pos - 2] == '.'))) {
                        pos = p2; /* U.S., U.N. */
                        seg = 0;
                        if (!is_letter(e))
                            break;
                        continue;
                    }
                    if (is_letter(e) && !is_upper(e) && letters > 1) {
                        pos = p2; /* azatutyun.am */
                        dotted = 0;
                        continue;
                    }
                }
                pos = save;
                break;
            }
            if (upper)
                flags |= KGEX__TF_CAP;
            if (all_upper && letters >= 2)
                flags |= KGEX__TF_ALLCAPS;
            error = push_token(t, start, pos, KGEX__TOK_WORD, flags, &cpos, &cbyte);
            if (error < 0)
                goto fail;
            pending = 0;
            continue;
        }
        if (is_digit(c)) {
            for (;;) {
                uint32_t d = peek(text, len, pos);

                if (is_alnum(d)) {
                    decode(text, len, &pos);
                } else if ((d == '.' || d == ',' || d == ':') &&
                           is_digit(peek(text, len, pos + 1))) {
                    pos += 1;
                } else {
                    break;
                }
            }
            error = push_token(t, start, pos, KGEX__TOK_NUMBER, pending, &cpos, &cbyte);
            if (error < 0)
                goto fail;
            pending = 0;
            continue;
        }
        /* hyphen or en dash joining two words with no space */
        if ((c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013) &&
            !(pending & KGEX__TF_SPACE) && t->len > 0 && t->tok[t->len - 1].end == start &&
            (t->tok[t->len - 1].type == KGEX__TOK_WORD ||
             t->tok[t->len - 1].type == KGEX__TOK_NUMBER) &&
            is_alnum(peek(text, len, pos))) {
            pending = KGEX__TF_HYPH;
            continue;
        }
        {
            uint8_t type = KGEX__TOK_PUNCT;
            uint32_t next = peek(text, len, pos);
            int prev_word = t->len > 0 && t->tok[t->len - 1].end == start &&
                            t->tok[t->len - 1].type == KGEX__TOK_WORD;

            if (c == 0x201C || c == 0x201E || c == 0xAB) {
                type = KGEX__TOK_QOPEN;
            } else if (c == 0x201D || c == 0xBB) {
                type = KGEX__TOK_QCLOSE;
            } else if (c == '"') {
                type = (pending & KGEX__TF_SPACE) || t->len == 0 || pending & KGEX__TF_NL ||
                               (t->len > 0 && t->tok[t->len - 1].type == KGEX__TOK_QOPEN)
                           ? KGEX__TOK_QOPEN
                           : KGEX__TOK_QCLOSE;
            } else if (c == 0x2018) {
                type = KGEX__TOK_QOPEN;
                single_open = 1;
            } else if (is_apostrophe(c)) {
                if (is_apostrophe(next)) {
                    /* ’’ used as a closing double quote */
                    decode(text, len, &pos);
                    type = KGEX__TOK_QCLOSE;
                } else if (prev_word && (next == 's' || next == 'S') &&
                           !is_alnum(peek(text, len, pos + 1))) {
                    pos += 1;
                    type = KGEX__TOK_POSS;
                } else if (single_open && prev_word) {
                    type = KGEX__TOK_QCLOSE;
                    single_open = 0;
                } else if (prev_word) {
                    const char *w = text + t->tok[t->len - 1].end - 1;
                    type = (*w == 's' || *w == 'S') ? KGEX__TOK_POSS : KGEX__TOK_PUNCT;
                } else if ((pending & KGEX__TF_SPACE) && is_letter(next)) {
                    type = KGEX__TOK_QOPEN;
                    single_open = 1;
                }
            } else if (c == '.' && next == '.' && peek(text, len, pos + 1) == '.') {
                pos += 2;
            }
            error = push_token(t, start, pos, type, pending, &cpos, &cbyte);
            if (error < 0)
                goto fail;
            pending = 0;
        }
    }
    error = split_sentences(t);
    if (error < 0)
        goto fail;
    return KGEX_OK;
fail:
    kgex__tokens_free(t);
    return error;
}

void kgex__tokens_free(kgex__tokens *t)
{
    if (!t)
        return;
    kgex__free(t->tok);
    kgex__free(t->norm);
    kgex__free(t->sent);
    memset(t, 0, sizeof(*t));
}
