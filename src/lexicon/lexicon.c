/*
 * lexicon.c - loading lexicon JSON documents (jansson) into the entity,
 * official, title and trigger tables and the token trie (see lexicon.h).
 *
 * A document is checked completely before anything is added, so a bad
 * user file leaves the lexicon as it was. Errors name the file and either
 * the line/column (malformed JSON) or the path of the bad field. The checks
 * are those of schemas/lexicon.schema.json (tests/e2e/lexicon_schema.sh
 * holds the two to the same verdicts), plus references: a place's state, an
 * organization's parent and an official's employer must be known.
 *
 * Loading is linear in the size of the document: ids are checked and found
 * through hash indexes, phrases go into a hashed trie.
 */
#include "lexicon/lexicon.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "extract/slug.h"
#include "lexicon/embedded.h"

#define MAX_LEXICON_BYTES (256u * 1024u * 1024u)

static uint32_t hash_str(uint32_t h, const char *s)
{
    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 16777619u;
    }
    return h;
}

static uint32_t slot_hash(uint32_t parent, const char *w)
{
    return hash_str(2166136261u ^ (parent * 2654435761u), w);
}

int kgex_lexicon_new(kgex_lexicon **out)
{
    kgex_lexicon *lex;
    int error;

    KGEX_ASSERT_ARG(out, NULL);
    *out = NULL;
    lex = kgex__calloc(1, sizeof(*lex));
    if (!lex)
        return KGEX_ENOMEM;
    /* node 0 is unused, node 1 is the root */
    error = kgex__grow((void **)&lex->node_payload, &lex->node_cap, 2, sizeof(int32_t));
    if (error < 0) {
        kgex_lexicon_free(lex);
        return error;
    }
    lex->node_payload[0] = lex->node_payload[1] = -1;
    lex->node_len = 2;
    *out = lex;
    return KGEX_OK;
}

void kgex_lexicon_free(kgex_lexicon *lex)
{
    size_t i, k;

    if (!lex)
        return;
    for (i = 0; i < lex->ent_len; i++) {
        kgex__free(lex->ent[i].id);
        kgex__free(lex->ent[i].name);
        kgex__free(lex->ent[i].adjective);
        kgex__free(lex->ent[i].iso3);
        kgex__free(lex->ent[i].wikidata);
        kgex__free(lex->ent[i].org_type);
        kgex__free(lex->ent[i].state);
    }
    for (i = 0; i < lex->off_len; i++) {
        kgex__free(lex->off[i].id);
        kgex__free(lex->off[i].name);
        kgex__free(lex->off[i].wikidata);
        for (k = 0; k < lex->off[i].role_len; k++)
            kgex__free(lex->off[i].role[k].title);
        kgex__free(lex->off[i].role);
    }
    for (i = 0; i < lex->title_len; i++)
        kgex__free(lex->title[i].title);
    for (i = 0; i < lex->trig_len; i++) {
        kgex__free(lex->trig[i].cameo);
        kgex__free(lex->trig[i].form);
    }
    kgex__free(lex->ent);
    kgex__free(lex->off);
    kgex__free(lex->title);
    kgex__free(lex->trig);
    kgex__free(lex->frame);
    kgex__free(lex->fel);
    kgex__free(lex->fpool);
    kgex__free(lex->node_payload);
    kgex__free(lex->slot);
    kgex__free(lex->pl);
    kgex__free(lex->pool);
    kgex__free(lex->ent_index.slot);
    kgex__free(lex->off_index.slot);
    kgex__free(lex);
}

size_t kgex_lexicon_entity_count(const kgex_lexicon *lex)
{
    return lex ? lex->ent_len : 0;
}

size_t kgex_lexicon_title_count(const kgex_lexicon *lex)
{
    return lex ? lex->title_len : 0;
}

size_t kgex_lexicon_trigger_count(const kgex_lexicon *lex)
{
    return lex ? lex->trig_len : 0;
}

size_t kgex__official_count(const kgex_lexicon *lex)
{
    return lex ? lex->off_len : 0;
}

/* ------------------------------------------------------------ id index */

typedef const char *(*id_of_fn)(const void *table, uint32_t i);

static const char *entity_id_of(const void *table, uint32_t i)
{
    return ((const kgex__entity *)table)[i].id;
}

static const char *official_id_of(const void *table, uint32_t i)
{
    return ((const kgex__official *)table)[i].id;
}

static long index_find(const kgex__id_index *ix, const void *table, id_of_fn id_of, const char *id)
{
    size_t mask, i;

    if (ix->cap == 0)
        return -1;
    mask = ix->cap - 1;
    for (i = hash_str(2166136261u, id) & mask; ix->slot[i]; i = (i + 1) & mask) {
        if (strcmp(id_of(table, ix->slot[i] - 1), id) == 0)
            return (long)ix->slot[i] - 1;
    }
    return -1;
}

/* Add entry `index` (of `count` entries so far, itself included). */
static int index_add(kgex__id_index *ix, const void *table, id_of_fn id_of, size_t index,
                     size_t count)
{
    size_t mask, i;

    if (count * 2 > ix->cap) {
        size_t ncap = ix->cap ? ix->cap * 2 : 512, k;
        uint32_t *ns;

        while (count * 2 > ncap)
            ncap *= 2;
        ns = kgex__calloc(ncap, sizeof(*ns));
        if (!ns)
            return KGEX_ENOMEM;
        mask = ncap - 1;
        for (k = 0; k < ix->cap; k++) {
            if (ix->slot[k]) {
                for (i = hash_str(2166136261u, id_of(table, ix->slot[k] - 1)) & mask; ns[i];
                     i = (i + 1) & mask)
                    ;
                ns[i] = ix->slot[k];
            }
        }
        kgex__free(ix->slot);
        ix->slot = ns;
        ix->cap = ncap;
    }
    mask = ix->cap - 1;
    for (i = hash_str(2166136261u, id_of(table, (uint32_t)index)) & mask; ix->slot[i];
         i = (i + 1) & mask)
        ;
    ix->slot[i] = (uint32_t)index + 1;
    return KGEX_OK;
}

long kgex__lexicon_find(const kgex_lexicon *lex, const char *id)
{
    return index_find(&lex->ent_index, lex->ent, entity_id_of, id);
}

long kgex__official_find(const kgex_lexicon *lex, const char *id)
{
    return index_find(&lex->off_index, lex->off, official_id_of, id);
}

/* ------------------------------------------------------------------ trie */

uint32_t kgex__trie_child(const kgex_lexicon *lex, uint32_t node, const char *w)
{
    uint32_t h;
    size_t mask, i;

    if (lex->slot_cap == 0)
        return 0;
    h = slot_hash(node, w);
    mask = lex->slot_cap - 1;
    for (i = h & mask;; i = (i + 1) & mask) {
        const kgex__trie_slot *s = &lex->slot[i];

        if (s->parent == 0)
            return 0;
        if (s->hash == h && s->parent == node && strcmp(lex->pool + s->word, w) == 0)
            return s->child;
    }
}

static int pool_add(kgex_lexicon *lex, const char *w, uint32_t *off_out)
{
    size_t n = strlen(w) + 1;
    int error = kgex__grow((void **)&lex->pool, &lex->pool_cap, lex->pool_len + n, 1);

    if (error < 0)
        return error;
    memcpy(lex->pool + lex->pool_len, w, n);
    *off_out = (uint32_t)lex->pool_len;
    lex->pool_len += n;
    return KGEX_OK;
}

static void slot_insert(kgex__trie_slot *slots, size_t cap, const kgex__trie_slot *s)
{
    size_t mask = cap - 1, i;

    for (i = s->hash & mask; slots[i].parent != 0; i = (i + 1) & mask)
        ;
    slots[i] = *s;
}

static int slots_reserve(kgex_lexicon *lex)
{
    kgex__trie_slot *ns;
    size_t ncap, i;

    if ((lex->slot_len + 1) * 2 <= lex->slot_cap)
        return KGEX_OK;
    ncap = lex->slot_cap ? lex->slot_cap * 2 : 1024;
    ns = kgex__calloc(ncap, sizeof(*ns));
    if (!ns)
        return KGEX_ENOMEM;
    for (i = 0; i < lex->slot_cap; i++) {
        if (lex->slot[i].parent != 0)
            slot_insert(ns, ncap, &lex->slot[i]);
    }
    kgex__free(lex->slot);
    lex->slot = ns;
    lex->slot_cap = ncap;
    return KGEX_OK;
}

static int trie_step(kgex_lexicon *lex, uint32_t node, const char *w, uint32_t *child_out)
{
    kgex__trie_slot s;
    uint32_t child = kgex__trie_child(lex, node, w);
    int error;

    if (child) {
        *child_out = child;
        return KGEX_OK;
    }
    error = slots_reserve(lex);
    if (error < 0)
        return error;
    error =
        kgex__grow((void **)&lex->node_payload, &lex->node_cap, lex->node_len + 1, sizeof(int32_t));
    if (error < 0)
        return error;
    s.parent = node;
    s.child = (uint32_t)lex->node_len;
    s.hash = slot_hash(node, w);
    error = pool_add(lex, w, &s.word);
    if (error < 0)
        return error;
    lex->node_payload[lex->node_len++] = -1;
    slot_insert(lex->slot, lex->slot_cap, &s);
    lex->slot_len++;
    *child_out = s.child;
    return KGEX_OK;
}

/* Insert `phrase` with a payload; duplicates of a payload are ignored. A
 * payload goes to the head of the node's list, a secondary one (flags) to
 * its tail, so that the usual referent of a phrase comes first. */
static int trie_add_ex(kgex_lexicon *lex, const char *phrase, uint8_t type, uint32_t a, uint8_t b,
                       int auto_case, uint8_t flags)
{
    kgex__tokens toks;
    uint32_t node = KGEX__TRIE_ROOT;
    int32_t p, last = -1;
    size_t i;
    int error, exact = 1;

    error = kgex__tokenize(&toks, phrase, strlen(phrase));
    if (error < 0)
        return error;
    if (toks.len == 0) {
        kgex__tokens_free(&toks);
        return KGEX_OK;
    }
    for (i = 0; i < toks.len; i++) {
        if (toks.tok[i].type == KGEX__TOK_WORD && !(toks.tok[i].flags & KGEX__TF_ALLCAPS))
            exact = 0;
        error = trie_step(lex, node, kgex__tok_norm(&toks, i), &node);
        if (error < 0)
            goto done;
    }
    if (!auto_case)
        exact = 0;
    for (p = lex->node_payload[node]; p >= 0; p = lex->pl[p].next) {
        if (lex->pl[p].type == type && lex->pl[p].a == a && lex->pl[p].b == b)
            goto done;
        last = p;
    }
    error = kgex__grow((void **)&lex->pl, &lex->pl_cap, lex->pl_len + 1, sizeof(*lex->pl));
    if (error < 0)
        goto done;
    lex->pl[lex->pl_len].type = type;
    lex->pl[lex->pl_len].a = a;
    lex->pl[lex->pl_len].b = b;
    lex->pl[lex->pl_len].c = (uint8_t)exact;
    lex->pl[lex->pl_len].flags = flags;
    if ((flags & KGEX__PF_SECONDARY) && last >= 0) {
        lex->pl[lex->pl_len].next = -1;
        lex->pl[last].next = (int32_t)lex->pl_len;
    } else {
        lex->pl[lex->pl_len].next = lex->node_payload[node];
        lex->node_payload[node] = (int32_t)lex->pl_len;
    }
    lex->pl_len++;
done:
    kgex__tokens_free(&toks);
    return error;
}

int kgex__trie_add(kgex_lexicon *lex, const char *phrase, uint8_t type, uint32_t a, uint8_t b,
                   int auto_case)
{
    return trie_add_ex(lex, phrase, type, a, b, auto_case, 0);
}

static int trie_add(kgex_lexicon *lex, const char *phrase, uint8_t type, uint32_t a, uint8_t b,
                    int auto_case)
{
    return trie_add_ex(lex, phrase, type, a, b, auto_case, 0);
}

size_t kgex__lexicon_candidates(const kgex_lexicon *lex, uint32_t node, uint32_t *out, size_t cap)
{
    size_t n = 0, k;
    int32_t p;

    for (p = lex->node_payload[node]; p >= 0; p = lex->pl[p].next) {
        if (lex->pl[p].type != KGEX__PL_ENTITY)
            continue;
        for (k = 0; k < n && k < cap && out[k] != lex->pl[p].a; k++)
            ;
        if (k < n && k < cap)
            continue; /* the same entity under two forms */
        if (n < cap)
            out[n] = lex->pl[p].a;
        n++;
    }
    return n;
}

/* --------------------------------------------------------------- dates */

static int digits(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
    }
    return 1;
}

int32_t kgex__date_key(const char *iso, int end)
{
    size_t n = strlen(iso);
    int32_t y, m = end ? 12 : 1, d = end ? 31 : 1;

    if ((n != 4 && n != 7 && n != 10) || !digits(iso, 4))
        return -1;
    y = (int32_t)atoi(iso);
    if (y < 1)
        return -1;
    if (n >= 7) {
        if (iso[4] != '-' || !digits(iso + 5, 2))
            return -1;
        m = (iso[5] - '0') * 10 + (iso[6] - '0');
        if (m < 1 || m > 12)
            return -1;
    }
    if (n == 10) {
        if (iso[7] != '-' || !digits(iso + 8, 2))
            return -1;
        d = (iso[8] - '0') * 10 + (iso[9] - '0');
        if (d < 1 || d > 31)
            return -1;
    }
    return y * 10000 + m * 100 + d;
}

size_t kgex__official_roles_on(const kgex_lexicon *lex, size_t off, int32_t date,
                               const kgex__role **out, size_t cap)
{
    const kgex__official *o;
    size_t k, n = 0;

    if (!lex || off >= lex->off_len)
        return 0;
    o = &lex->off[off];
    for (k = 0; k < o->role_len; k++) {
        if (o->role[k].from <= date && date <= o->role[k].to) {
            if (n < cap)
                out[n] = &o->role[k];
            n++;
        }
    }
    return n;
}

/* --------------------------------------------------------- validation */

/* The ids of one section of the document being checked. */
typedef struct id_set {
    const char **id;
    size_t cap;
} id_set;

typedef struct check {
    const char *source;
    kgex_error *err;
    const kgex_lexicon *lex;
    id_set states, orgs; /* graph ids ("state/ARM", "org/csto") in the document */
} check;

static int bad(check *c, const char *path, const char *what)
{
    return kgex__error_at(c->err, KGEX_EPARSE, c->source, 0, 0, "%s: %s", path, what);
}

/* Add `id`; 0 if it was there already, 1 if added, < 0 on error. */
static int id_set_add(id_set *s, const char *id, size_t count)
{
    size_t mask, i;

    if ((count + 1) * 2 > s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 256, k;
        const char **ns;

        while ((count + 1) * 2 > ncap)
            ncap *= 2;
        ns = kgex__calloc(ncap, sizeof(*ns));
        if (!ns)
            return KGEX_ENOMEM;
        for (k = 0; k < s->cap; k++) {
            if (s->id[k]) {
                for (i = hash_str(2166136261u, s->id[k]) & (ncap - 1); ns[i];
                     i = (i + 1) & (ncap - 1))
                    ;
                ns[i] = s->id[k];
            }
        }
        kgex__free((void *)s->id);
        s->id = ns;
        s->cap = ncap;
    }
    mask = s->cap - 1;
    for (i = hash_str(2166136261u, id) & mask; s->id[i]; i = (i + 1) & mask) {
        if (strcmp(s->id[i], id) == 0)
            return 0;
    }
    s->id[i] = id;
    return 1;
}

static int id_set_has(const id_set *s, const char *id)
{
    size_t mask, i;

    if (s->cap == 0)
        return 0;
    mask = s->cap - 1;
    for (i = hash_str(2166136261u, id) & mask; s->id[i]; i = (i + 1) & mask) {
        if (strcmp(s->id[i], id) == 0)
            return 1;
    }
    return 0;
}

/* Decode the UTF-8 code point at *s (jansson hands out valid UTF-8). */
static uint32_t next_cp(const unsigned char **s)
{
    const unsigned char *p = *s;
    uint32_t c = *p++;

    if (c >= 0xf0)
        c = ((c & 0x07u) << 18) | ((p[0] & 0x3fu) << 12) | ((p[1] & 0x3fu) << 6) | (p[2] & 0x3fu),
        p += 3;
    else if (c >= 0xe0)
        c = ((c & 0x0fu) << 12) | ((p[0] & 0x3fu) << 6) | (p[1] & 0x3fu), p += 2;
    else if (c >= 0xc0)
        c = ((c & 0x1fu) << 6) | (p[0] & 0x3fu), p += 1;
    *s = p;
    return c;
}

/* Control characters and white space other than the plain space: never in
 * a lexicon string (the schema's $defs/text). */
static int is_forbidden_cp(uint32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
           c == 0x205f || c == 0x3000 || c == 0xfeff;
}

/* A surface string: non-empty, no control character or special space, no
 * space at either end. */
static const char *text_problem(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    if (!*s)
        return "expected a non-empty string";
    if (s[0] == ' ' || s[strlen(s) - 1] == ' ')
        return "leading or trailing space";
    while (*p) {
        if (is_forbidden_cp(next_cp(&p)))
            return "control character or special space (tab, line break, no-break space)";
    }
    return NULL;
}

/* Words that are never a name on their own (the schema's $defs/name). */
static const char *const stopwords[] = {
    "a",     "about", "after", "against", "all",  "an",   "and",   "any",   "are",  "as",
    "at",    "be",    "been",  "but",     "by",   "for",  "from",  "had",   "has",  "have",
    "he",    "her",   "his",   "i",       "if",   "in",   "into",  "is",    "it",   "its",
    "me",    "my",    "no",    "not",     "of",   "on",   "or",    "our",   "she",  "so",
    "than",  "that",  "the",   "their",   "them", "then", "there", "these", "they", "this",
    "those", "to",    "under", "up",      "us",   "was",  "we",    "were",  "what", "when",
    "which", "who",   "will",  "with",    "you",  "your", NULL};

/* A stopword written in lower case or capitalized ("the", "The"); in
 * capitals it is an acronym ("US", "WHO"), matched in capitals only. */
static int is_stopword(const char *w, size_t n)
{
    size_t k, i;

    for (i = 1; i < n; i++) {
        if (w[i] >= 'A' && w[i] <= 'Z')
            return 0;
    }
    for (k = 0; stopwords[k]; k++) {
        if (strlen(stopwords[k]) != n)
            continue;
        for (i = 0; i < n; i++) {
            char c = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] + 32) : w[i];
            if (c != stopwords[k][i])
                break;
        }
        if (i == n)
            return 1;
    }
    return 0;
}

/* A name must hold a word or number that is not a stopword: "the", "," or
 * "of the" would match everywhere. Letters are ASCII letters and digits and
 * every non-ASCII byte. */
static int has_content_word(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    while (*p) {
        const unsigned char *w;

        while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                       (*p >= '0' && *p <= '9') || *p >= 0x80))
            p++;
        w = p;
        while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
               *p >= 0x80)
            p++;
        if (p > w && !is_stopword((const char *)w, (size_t)(p - w)))
            return 1;
    }
    return 0;
}

/* The path of a field ("states[3].aliases[2]") is formatted only for an
 * error message: a large lexicon has millions of fields. */
static int bad_field(check *c, const char *path, const char *name, long index, const char *what)
{
    char where[256];

    if (index >= 0)
        snprintf(where, sizeof(where), "%s.%s[%ld]", path, name, index);
    else
        snprintf(where, sizeof(where), "%s.%s", path, name);
    return bad(c, where, what);
}

static int check_text(check *c, json_t *v, const char *path, const char *field, long index,
                      int name)
{
    const char *problem;

    if (!json_is_string(v))
        return bad_field(c, path, field, index, "expected a string");
    problem = text_problem(json_string_value(v));
    if (problem)
        return bad_field(c, path, field, index, problem);
    if (name && !has_content_word(json_string_value(v)))
        return bad_field(c, path, field, index,
                         "a name needs a word that is not a stopword or punctuation");
    return KGEX_OK;
}

static int pattern_ok(const char *s, const char *kind)
{
    size_t i, n = strlen(s);

    if (strcmp(kind, "iso3") == 0) {
        if (n != 3)
            return 0;
        for (i = 0; i < 3; i++) {
            if (s[i] < 'A' || s[i] > 'Z')
                return 0;
        }
        return 1;
    }
    if (strcmp(kind, "wikidata") == 0)
        return n >= 2 && s[0] == 'Q' && s[1] >= '1' && s[1] <= '9' && digits(s + 2, n - 2);
    if (strcmp(kind, "cameo") == 0)
        return n >= 2 && n <= 4 && digits(s, n);
    if (strcmp(kind, "code") == 0) {
        /* ISO 3166-2: two capital letters, '-', 1 to 3 capital letters or digits */
        if (n < 4 || n > 6 || s[2] != '-')
            return 0;
        for (i = 0; i < n; i++) {
            if (i == 2)
                continue;
            if (!((s[i] >= 'A' && s[i] <= 'Z') || (i > 2 && s[i] >= '0' && s[i] <= '9')))
                return 0;
        }
        return 1;
    }
    if (strcmp(kind, "date") == 0)
        return kgex__date_key(s, 0) > 0;
    /* organization id slug */
    if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
        return 0;
    for (i = 0; i < n; i++) {
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return 0;
    }
    return 1;
}

typedef struct pattern_rule {
    const char *field, *kind, *message;
} pattern_rule;

static const pattern_rule patterns[] = {
    {"iso3", "iso3", "expected 3 capital letters"},
    {"state", "iso3", "expected 3 capital letters"},
    {"wikidata", "wikidata", "expected a QID like Q399"},
    {"cameo", "cameo", "expected a CAMEO code"},
    {"parent", "slug", "expected lower-case letters, digits and '-'"},
    {"code", "code", "expected an ISO 3166-2 code like AM-TV"},
    {"from", "date", "expected a date YYYY, YYYY-MM or YYYY-MM-DD"},
    {"to", "date", "expected a date YYYY, YYYY-MM or YYYY-MM-DD"},
    {NULL, NULL, NULL}};

/* Check the members of `obj` against `allowed`: "name:X" with X one of
 * s (a string, $defs/text), n (a name, $defs/name), a (a list of distinct
 * texts), N (a list of distinct names), b (a boolean), i (a positive
 * integer), o (a non-empty array of objects, checked by the caller); a
 * trailing '!' makes the field required. Some fields also have a pattern. */
static int check_object(check *c, json_t *obj, const char *path, const char *const *allowed)
{
    const char *key;
    json_t *v;
    size_t k;
    int error;

    if (!json_is_object(obj))
        return bad(c, path, "expected an object");
    json_object_foreach(obj, key, v)
    {
        for (k = 0; allowed[k]; k++) {
            size_t n = strcspn(allowed[k], ":");
            if (strlen(key) == n && strncmp(allowed[k], key, n) == 0)
                break;
        }
        if (!allowed[k]) {
            char name[72];
            snprintf(name, sizeof(name), "%.64s", key);
            return bad_field(c, path, name, -1, "unknown field");
        }
    }
    for (k = 0; allowed[k]; k++) {
        const char *spec = allowed[k], *colon = strchr(spec, ':');
        char name[64];
        int required = strchr(colon, '!') != NULL;
        const pattern_rule *r;

        memcpy(name, spec, (size_t)(colon - spec));
        name[colon - spec] = '\0';
        v = json_object_get(obj, name);
        if (!v) {
            if (required)
                return bad_field(c, path, name, -1, "missing required field");
            continue;
        }
        switch (colon[1]) {
            case 's':
            case 'n':
                error = check_text(c, v, path, name, -1, colon[1] == 'n');
                if (error < 0)
                    return error;
                for (r = patterns; r->field; r++) {
                    if (strcmp(r->field, name) == 0 && !pattern_ok(json_string_value(v), r->kind))
                        return bad_field(c, path, name, -1, r->message);
                }
                break;
            case 'a':
            case 'N': {
                size_t i, j;
                json_t *item;

                if (!json_is_array(v))
                    return bad_field(c, path, name, -1, "expected an array of strings");
                json_array_foreach(v, i, item)
                {
                    error = check_text(c, item, path, name, (long)i, colon[1] == 'N');
                    if (error < 0)
                        return error;
                    /* lists are short: pairwise is fine */
                    for (j = 0; j < i; j++) {
                        if (strcmp(json_string_value(item),
                                   json_string_value(json_array_get(v, j))) == 0)
                            return bad_field(c, path, name, (long)i, "duplicate item");
                    }
                }
                break;
            }
            case 'b':
                if (!json_is_boolean(v))
                    return bad_field(c, path, name, -1, "expected true or false");
                break;
            case 'o':
                if (!json_is_array(v) || json_array_size(v) == 0)
                    return bad_field(c, path, name, -1, "expected a non-empty array of objects");
                break;
            default:
                if (!json_is_integer(v) || json_integer_value(v) < 1)
                    return bad_field(c, path, name, -1, "expected a positive integer");
        }
    }
    return KGEX_OK;
}

static const char *const state_fields[] = {
    "id:s!",      "name:n!",    "official_name:n", "aliases:N", "adjectives:N",
    "demonyms:N", "capitals:N", "seats:N",         "cities:N",  "ambiguous:N",
    "iso3:s!",    "wikidata:s", "un_member:b!",    NULL};
static const char *const org_fields[] = {"id:s!",        "name:n!",     "acronyms:N", "aliases:N",
                                         "adjectives:N", "ambiguous:N", "type:s!",    "wikidata:s",
                                         "state:s",      "parent:s",    NULL};
static const char *const place_fields[] = {"name:n!", "aliases:N",  "state:s!", "kind:s!",
                                           "code:s",  "geonames:i", NULL};
static const char *const official_fields[] = {"name:n!", "aliases:N", "wikidata:s", "roles:o!",
                                              NULL};
static const char *const role_fields[] = {"of:s!", "title:n!", "from:s", "to:s", NULL};
static const char *const title_fields[] = {"title:s!", "class:s!", NULL};
static const char *const org_types[] = {
    "intergovernmental", "governmental", "military", "armed_group", "news", "ngo", "other", NULL};
static const char *const place_kinds[] = {"subdivision", "city", "territory", NULL};
/* Sections in the order they are loaded: a later one refers to earlier ones. */
static const char *const sections[] = {"states", "organizations", "places", "officials",
                                       "titles", "triggers",      "cues",   NULL};

static int one_of(const char *s, const char *const *list)
{
    int k;

    for (k = 0; list[k]; k++) {
        if (strcmp(s, list[k]) == 0)
            return k;
    }
    return -1;
}

static const char *str(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

/* Does `form` occur among the surface strings of `item`? */
static int own_form(json_t *item, const char *form)
{
    static const char *const singles[] = {"name", "official_name", NULL};
    static const char *const lists[] = {"aliases",  "acronyms", "adjectives", "demonyms",
                                        "capitals", "seats",    "cities",     NULL};
    size_t k, i;
    json_t *v;

    for (k = 0; singles[k]; k++) {
        if (str(item, singles[k]) && strcmp(str(item, singles[k]), form) == 0)
            return 1;
    }
    for (k = 0; lists[k]; k++) {
        json_array_foreach(json_object_get(item, lists[k]), i, v)
        {
            if (strcmp(json_string_value(v), form) == 0)
                return 1;
        }
    }
    return 0;
}

/* "key[i]" into out, without printf: it runs for every entry. */
static void index_path(char *out, size_t cap, const char *key, size_t i)
{
    char digits[24];
    size_t n = 0, k = strlen(key);

    do {
        digits[n++] = (char)('0' + i % 10);
        i /= 10;
    } while (i);
    if (k + n + 3 > cap)
        k = cap - n - 3;
    memcpy(out, key, k);
    out[k++] = '[';
    while (n)
        out[k++] = digits[--n];
    out[k++] = ']';
    out[k] = '\0';
}

/* Each entry of `arr` by itself; ids into c->states / c->orgs. */
static int check_entries(check *c, const char *key, json_t *arr)
{
    const char *const *fields = NULL;
    char path[96], where[128];
    json_t *item, *v;
    size_t i, k, n_ids = 0;
    int error;

    if (strcmp(key, "triggers") == 0 || strcmp(key, "cues") == 0)
        return kgex__cues_check(key, arr, c->source, c->err); /* cues.c */
    if (strcmp(key, "states") == 0)
        fields = state_fields;
    else if (strcmp(key, "organizations") == 0)
        fields = org_fields;
    else if (strcmp(key, "places") == 0)
        fields = place_fields;
    else if (strcmp(key, "officials") == 0)
        fields = official_fields;
    else
        fields = title_fields;
    json_array_foreach(arr, i, item)
    {
        index_path(path, sizeof(path), key, i);
        error = check_object(c, item, path, fields);
        if (error < 0)
            return error;
        if (fields == org_fields || fields == state_fields) {
            int is_state = fields == state_fields;
            if (is_state && !pattern_ok(str(item, "id"), "iso3"))
                return bad(c, path, "id: expected 3 capital letters");
            if (!is_state && !pattern_ok(str(item, "id"), "slug"))
                return bad(c, path, "id: expected lower-case letters, digits and '-'");
            if (!is_state && one_of(str(item, "type"), org_types) < 0)
                return bad(c, path,
                           "type: expected intergovernmental, governmental, military, "
                           "armed_group, news, ngo or other");
            json_array_foreach(json_object_get(item, "ambiguous"), k, v)
            {
                if (!own_form(item, json_string_value(v))) {
                    snprintf(where, sizeof(where), "%s.ambiguous[%zu]", path, k);
                    return bad(c, where, "not a name, alias, acronym or adjective of this entry");
                }
            }
            /* the set keeps pointers to the document's own strings */
            error = id_set_add(is_state ? &c->states : &c->orgs, str(item, "id"), n_ids++);
            if (error < 0)
                return error;
            if (error == 0) {
                snprintf(where, sizeof(where), "%s.id", path);
                return bad(c, where, "duplicate id");
            }
        } else if (fields == place_fields) {
            if (one_of(str(item, "kind"), place_kinds) < 0)
                return bad(c, path, "kind: expected subdivision, city or territory");
        } else if (fields == official_fields) {
            char roles[112];
            size_t plen = strlen(path);

            memcpy(roles, path, plen);
            memcpy(roles + plen, ".roles", 7);
            json_array_foreach(json_object_get(item, "roles"), k, v)
            {
                const char *from, *to;

                index_path(where, sizeof(where), roles, k);
                error = check_object(c, v, where, role_fields);
                if (error < 0)
                    return error;
                from = str(v, "from");
                to = str(v, "to");
                if (strncmp(str(v, "of"), "state/", 6) != 0 &&
                    strncmp(str(v, "of"), "org/", 4) != 0)
                    return bad(c, where, "of: expected a graph id like state/ARM or org/csto");
                if (from && to && kgex__date_key(from, 0) > kgex__date_key(to, 1)) {
                    snprintf(where, sizeof(where), "%s.roles[%zu].to", path, k);
                    return bad(c, where, "before from");
                }
            }
        } else if (fields == title_fields) {
            const char *cls = str(item, "class");
            if (strcmp(cls, "office") && strcmp(cls, "rank") && strcmp(cls, "honorific"))
                return bad(c, path, "class: expected office, rank or honorific");
        }
    }
    return KGEX_OK;
}

/* The id sets hold bare ids; `known` asks for graph ids. */
static int known_ref(const check *c, const char *kind, const char *id)
{
    char gid[160];

    snprintf(gid, sizeof(gid), "%s/%s", kind, id);
    return id_set_has(strcmp(kind, "state") == 0 ? &c->states : &c->orgs, id) ||
           kgex__lexicon_find(c->lex, gid) >= 0;
}

typedef struct pnode {
    const char *id, *parent; /* parent NULL: none in this document */
    int mark;                /* 0 new, 1 on the current walk, 2 leads to no cycle */
    size_t index;            /* in the document's organizations */
} pnode;

static int pnode_cmp(const void *a, const void *b)
{
    return strcmp(((const pnode *)a)->id, ((const pnode *)b)->id);
}

static pnode *pnode_get(pnode *v, size_t n, const char *id)
{
    pnode key;

    key.id = id;
    return bsearch(&key, v, n, sizeof(*v), pnode_cmp);
}

/* The parent of organization `id` once the document is loaded: the
 * document's, else the lexicon's; NULL if none. */
static const char *parent_of(const check *c, pnode *v, size_t n, const char *id, char *buf,
                             size_t cap)
{
    pnode *p = pnode_get(v, n, id);
    long e;

    if (p && p->parent)
        return p->parent;
    snprintf(buf, cap, "org/%s", id);
    e = kgex__lexicon_find(c->lex, buf);
    if (e < 0 || c->lex->ent[e].parent < 0)
        return NULL;
    return c->lex->ent[c->lex->ent[e].parent].id + 4; /* past "org/" */
}

/* No organization is its own ancestor, counting the parents already
 * loaded: each walk stops at an organization known to lead nowhere, so
 * the whole check is linear. */
static int check_parent_cycles(check *c, json_t *orgs)
{
    size_t n = json_array_size(orgs), i, steps;
    pnode *v;
    json_t *item;
    int error = KGEX_OK;

    if (n == 0)
        return KGEX_OK;
    v = kgex__calloc(n, sizeof(*v));
    if (!v)
        return KGEX_ENOMEM;
    json_array_foreach(orgs, i, item)
    {
        v[i].id = str(item, "id");
        v[i].parent = str(item, "parent");
        v[i].index = i;
    }
    qsort(v, n, sizeof(*v), pnode_cmp);
    for (i = 0; i < n && error == 0; i++) {
        const char *id = v[i].id;
        char buf[160];
        pnode *p;

        /* mark the walk; lexicon-only ancestors are bounded by the
         * lexicon's size, which has no cycle of its own */
        for (steps = 0; id && steps <= n + c->lex->ent_len; steps++) {
            p = pnode_get(v, n, id);
            if (p && p->mark == 2)
                break;
            if (p && p->mark == 1) {
                char path[64];
                snprintf(path, sizeof(path), "organizations[%zu].parent", v[i].index);
                error = bad(c, path, "parents form a cycle");
                break;
            }
            if (p)
                p->mark = 1;
            id = parent_of(c, v, n, id, buf, sizeof(buf));
        }
        if (error == 0 && id && steps > n + c->lex->ent_len)
            error = bad(c, "organizations", "parents form a cycle");
        for (id = v[i].id; id;) {
            p = pnode_get(v, n, id);
            if (!p || p->mark != 1)
                break;
            p->mark = 2;
            id = parent_of(c, v, n, id, buf, sizeof(buf));
        }
    }
    kgex__free(v);
    return error;
}

/* References between entries: a place's state, an organization's parent,
 * an official's employer, each in this document or already loaded. */
static int check_refs(check *c, json_t *root)
{
    char path[128];
    json_t *item, *role;
    size_t i, k;
    int error;

    json_array_foreach(json_object_get(root, "organizations"), i, item)
    {
        const char *parent = str(item, "parent");
        if (parent && !known_ref(c, "org", parent)) {
            snprintf(path, sizeof(path), "organizations[%zu].parent", i);
            return bad(c, path, "unknown organization");
        }
        if (parent && strcmp(parent, str(item, "id")) == 0) {
            snprintf(path, sizeof(path), "organizations[%zu].parent", i);
            return bad(c, path, "an organization cannot be its own parent");
        }
    }
    error = check_parent_cycles(c, json_object_get(root, "organizations"));
    if (error < 0)
        return error;
    json_array_foreach(json_object_get(root, "places"), i, item)
    {
        if (!known_ref(c, "state", str(item, "state"))) {
            snprintf(path, sizeof(path), "places[%zu].state", i);
            return bad(c, path, "unknown state");
        }
    }
    json_array_foreach(json_object_get(root, "officials"), i, item)
    {
        json_array_foreach(json_object_get(item, "roles"), k, role)
        {
            const char *of = str(role, "of");
            int is_state = strncmp(of, "state/", 6) == 0;
            if (!known_ref(c, is_state ? "state" : "org", of + (is_state ? 6 : 4))) {
                snprintf(path, sizeof(path), "officials[%zu].roles[%zu].of", i, k);
                return bad(c, path, "unknown state or organization");
            }
        }
    }
    return KGEX_OK;
}

static int validate(check *c, json_t *root)
{
    const char *key;
    json_t *v;
    int s, error;

    if (!json_is_object(root))
        return bad(c, "(top level)", "expected an object");
    if (!json_is_integer(json_object_get(root, "kgex_lexicon")) ||
        json_integer_value(json_object_get(root, "kgex_lexicon")) != 1)
        return bad(c, "kgex_lexicon", "missing or unsupported format version (expected 1)");
    json_object_foreach(root, key, v)
    {
        if (strcmp(key, "kgex_lexicon") == 0)
            continue;
        if (one_of(key, sections) < 0)
            return bad(c, key, "unknown section");
        if (!json_is_array(v))
            return bad(c, key, "expected an array");
    }
    /* states and organizations first: the other sections refer to them */
    for (s = 0; sections[s]; s++) {
        v = json_object_get(root, sections[s]);
        if (!v)
            continue;
        error = check_entries(c, sections[s], v);
        if (error < 0)
            return error;
    }
    return check_refs(c, root);
}

/* ------------------------------------------------------------- loading */

/* The plural of a title: "Co-chair" -> "Co-chairs", "Secretary" ->
 * "Secretaries", "Chief of Staff" -> "Chiefs of Staff". 0 if none. */
static int pluralize(const char *title, char *out, size_t cap)
{
    const char *of = strstr(title, " of ");
    size_t head = of ? (size_t)(of - title) : strlen(title);
    const char *end = title + head;

    if (head < 3 || strlen(title) + 3 >= cap || strchr(title, '.'))
        return 0;
    if (end[-1] == 'y' && !strchr("aeiou", end[-2]))
        snprintf(out, cap, "%.*sies%s", (int)(head - 1), title, end);
    else if (end[-1] == 's' || end[-1] == 'x' || (end[-1] == 'h' && strchr("cs", end[-2])))
        snprintf(out, cap, "%.*ses%s", (int)head, title, end);
    else if (end[-1] >= 'a' && end[-1] <= 'z')
        snprintf(out, cap, "%.*ss%s", (int)head, title, end);
    else
        return 0;
    return 1;
}

static int in_list(json_t *arr, const char *s)
{
    size_t i;
    json_t *v;

    json_array_foreach(arr, i, v)
    {
        if (strcmp(json_string_value(v), s) == 0)
            return 1;
    }
    return 0;
}

/* Add one surface string of `item` naming entity `ent`; secondary when the
 * entry lists it under "ambiguous". */
static int add_form(kgex_lexicon *lex, json_t *item, const char *s, uint32_t ent, int form)
{
    uint8_t flags = in_list(json_object_get(item, "ambiguous"), s) ? KGEX__PF_SECONDARY : 0;

    return trie_add_ex(lex, s, KGEX__PL_ENTITY, ent, (uint8_t)form, 1, flags);
}

static int add_forms(kgex_lexicon *lex, json_t *item, const char *field, uint32_t ent, int form)
{
    size_t i;
    json_t *v;
    int error;

    json_array_foreach(json_object_get(item, field), i, v)
    {
        error = add_form(lex, item, json_string_value(v), ent, form);
        if (error < 0)
            return error;
    }
    return KGEX_OK;
}

static int add_entity(kgex_lexicon *lex, json_t *item, kgex_kind kind, size_t *index_out)
{
    char id[128];
    long found;
    kgex__entity *e;
    int error;

    snprintf(id, sizeof(id), "%s/%s", kind == KGEX_KIND_STATE ? "state" : "org", str(item, "id"));
    found = kgex__lexicon_find(lex, id);
    if (found >= 0) {
        *index_out = (size_t)found;
        return KGEX_OK;
    }
    error = kgex__grow((void **)&lex->ent, &lex->ent_cap, lex->ent_len + 1, sizeof(*lex->ent));
    if (error < 0)
        return error;
    e = &lex->ent[lex->ent_len];
    memset(e, 0, sizeof(*e));
    e->kind = kind;
    e->parent = -1;
    e->id = kgex__strdup(id);
    e->name = kgex__strdup(str(item, "name"));
    e->iso3 = kgex__strdup(str(item, "iso3"));
    e->wikidata = kgex__strdup(str(item, "wikidata"));
    e->org_type = kgex__strdup(str(item, "type"));
    if (str(item, "state")) {
        char sid[16];
        snprintf(sid, sizeof(sid), "state/%s", str(item, "state"));
        e->state = kgex__strdup(sid);
        if (!e->state)
            return KGEX_ENOMEM;
    }
    if (json_array_size(json_object_get(item, "adjectives")) > 0)
        e->adjective =
            kgex__strdup(json_string_value(json_array_get(json_object_get(item, "adjectives"), 0)));
    lex->ent_len++;
    if (!e->id || !e->name || (str(item, "iso3") && !e->iso3) ||
        (str(item, "wikidata") && !e->wikidata) || (str(item, "type") && !e->org_type) ||
        (json_array_size(json_object_get(item, "adjectives")) > 0 && !e->adjective))
        return KGEX_ENOMEM;
    error = index_add(&lex->ent_index, lex->ent, entity_id_of, lex->ent_len - 1, lex->ent_len);
    if (error < 0)
        return error;
    *index_out = lex->ent_len - 1;
    return KGEX_OK;
}

typedef struct form_field {
    const char *field;
    int form;
} form_field;

/* The fields of a state or organization that name it, and how. */
static const form_field state_forms[] = {{"name", KGEX__FORM_NAME},
                                         {"official_name", KGEX__FORM_NAME},
                                         {"aliases", KGEX__FORM_NAME},
                                         {"adjectives", KGEX__FORM_ADJ},
                                         {"demonyms", KGEX__FORM_DEMONYM},
                                         {"capitals", KGEX__FORM_CAPITAL},
                                         {"seats", KGEX__FORM_SEAT},
                                         {"cities", KGEX__FORM_CITY},
                                         {NULL, 0}};
static const form_field org_forms[] = {{"name", KGEX__FORM_NAME},
                                       {"aliases", KGEX__FORM_NAME},
                                       {"acronyms", KGEX__FORM_ACRONYM},
                                       {"adjectives", KGEX__FORM_ADJ},
                                       {NULL, 0}};

static int load_entities(kgex_lexicon *lex, json_t *arr, kgex_kind kind)
{
    const form_field *f;
    json_t *item, *v;
    size_t i, ent;
    int error;

    json_array_foreach(arr, i, item)
    {
        error = add_entity(lex, item, kind, &ent);
        if (error < 0)
            return error;
        for (f = kind == KGEX_KIND_STATE ? state_forms : org_forms; f->field; f++) {
            v = json_object_get(item, f->field);
            if (json_is_string(v))
                error = add_form(lex, item, json_string_value(v), (uint32_t)ent, f->form);
            else
                error = add_forms(lex, item, f->field, (uint32_t)ent, f->form);
            if (error < 0)
                return error;
        }
    }
    return KGEX_OK;
}

static int load_organizations(kgex_lexicon *lex, json_t *arr)
{
    json_t *item;
    size_t i;
    int error;

    error = load_entities(lex, arr, KGEX_KIND_ORGANIZATION);
    if (error < 0)
        return error;
    /* parents, once every organization of the document is in */
    json_array_foreach(arr, i, item)
    {
        char id[160];
        long self, parent;

        if (!str(item, "parent"))
            continue;
        snprintf(id, sizeof(id), "org/%s", str(item, "id"));
        self = kgex__lexicon_find(lex, id);
        snprintf(id, sizeof(id), "org/%s", str(item, "parent"));
        parent = kgex__lexicon_find(lex, id);
        if (self >= 0 && parent >= 0)
            lex->ent[self].parent = parent;
    }
    return KGEX_OK;
}

/* A place is a location of its state: every name of it is a city form of
 * the state entity. */
static int load_places(kgex_lexicon *lex, json_t *arr)
{
    json_t *item, *v;
    size_t i, k;
    int error;

    json_array_foreach(arr, i, item)
    {
        char id[16];
        long st;

        snprintf(id, sizeof(id), "state/%s", str(item, "state"));
        st = kgex__lexicon_find(lex, id);
        if (st < 0)
            return KGEX_EINVAL; /* checked before */
        error = trie_add(lex, str(item, "name"), KGEX__PL_ENTITY, (uint32_t)st, KGEX__FORM_CITY, 1);
        if (error < 0)
            return error;
        json_array_foreach(json_object_get(item, "aliases"), k, v)
        {
            error = trie_add(lex, json_string_value(v), KGEX__PL_ENTITY, (uint32_t)st,
                             KGEX__FORM_CITY, 1);
            if (error < 0)
                return error;
        }
    }
    return KGEX_OK;
}

static int add_role(kgex_lexicon *lex, kgex__official *o, json_t *role)
{
    const char *of = str(role, "of"), *from = str(role, "from"), *to = str(role, "to");
    long ent = kgex__lexicon_find(lex, of);
    kgex__role r;
    size_t k;
    int error;

    if (ent < 0)
        return KGEX_EINVAL; /* checked before */
    r.of = (uint32_t)ent;
    r.from = from ? kgex__date_key(from, 0) : 0;
    r.to = to ? kgex__date_key(to, 1) : KGEX__DATE_OPEN;
    for (k = 0; k < o->role_len; k++) {
        if (o->role[k].of == r.of && o->role[k].from == r.from && o->role[k].to == r.to &&
            strcmp(o->role[k].title, str(role, "title")) == 0)
            return KGEX_OK; /* the same role again, from another document */
    }
    error = kgex__grow((void **)&o->role, &o->role_cap, o->role_len + 1, sizeof(*o->role));
    if (error < 0)
        return error;
    r.title = kgex__strdup(str(role, "title"));
    if (!r.title)
        return KGEX_ENOMEM;
    o->role[o->role_len++] = r;
    return KGEX_OK;
}

static int load_officials(kgex_lexicon *lex, json_t *arr)
{
    json_t *item, *v;
    size_t i, k;
    int error;

    json_array_foreach(arr, i, item)
    {
        char slug[200], id[220];
        kgex__official *o;
        long found;
        uint32_t index;

        kgex__slugify(str(item, "name"), slug, sizeof(slug));
        snprintf(id, sizeof(id), "person/%s", slug);
        found = kgex__official_find(lex, id);
        if (found >= 0) {
            index = (uint32_t)found;
        } else {
            error =
                kgex__grow((void **)&lex->off, &lex->off_cap, lex->off_len + 1, sizeof(*lex->off));
            if (error < 0)
                return error;
            o = &lex->off[lex->off_len];
            memset(o, 0, sizeof(*o));
            o->id = kgex__strdup(id);
            o->name = kgex__strdup(str(item, "name"));
            o->wikidata = kgex__strdup(str(item, "wikidata"));
            lex->off_len++;
            if (!o->id || !o->name || (str(item, "wikidata") && !o->wikidata))
                return KGEX_ENOMEM;
            error = index_add(&lex->off_index, lex->off, official_id_of, lex->off_len - 1,
                              lex->off_len);
            if (error < 0)
                return error;
            index = (uint32_t)(lex->off_len - 1);
        }
        o = &lex->off[index];
        if (!o->wikidata && str(item, "wikidata")) {
            o->wikidata = kgex__strdup(str(item, "wikidata"));
            if (!o->wikidata)
                return KGEX_ENOMEM;
        }
        json_array_foreach(json_object_get(item, "roles"), k, v)
        {
            error = add_role(lex, o, v);
            if (error < 0)
                return error;
        }
        error = trie_add(lex, str(item, "name"), KGEX__PL_OFFICIAL, index, 0, 0);
        json_array_foreach(json_object_get(item, "aliases"), k, v)
        {
            if (error == 0)
                error = trie_add(lex, json_string_value(v), KGEX__PL_OFFICIAL, index, 0, 0);
        }
        /* the surname alone, marked so (b = 1): the extractor takes it only
         * when the date and the document leave no doubt */
        if (error == 0) {
            const char *name = str(item, "name"), *sp = strrchr(name, ' ');
            if (sp && strlen(sp + 1) >= 3 && sp[1] >= 'A' && sp[1] <= 'Z')
                error = trie_add(lex, sp + 1, KGEX__PL_OFFICIAL, index, 1, 0);
        }
        if (error < 0)
            return error;
    }
    return KGEX_OK;
}

static int load_titles(kgex_lexicon *lex, json_t *arr)
{
    json_t *item;
    size_t i;
    int error;

    json_array_foreach(arr, i, item)
    {
        const char *cls = str(item, "class");
        kgex__title *t;

        error = kgex__grow((void **)&lex->title, &lex->title_cap, lex->title_len + 1,
                           sizeof(*lex->title));
        if (error < 0)
            return error;
        t = &lex->title[lex->title_len];
        t->title = kgex__strdup(str(item, "title"));
        if (!t->title)
            return KGEX_ENOMEM;
        t->cls = strcmp(cls, "office") == 0 ? KGEX__TITLE_OFFICE
                 : strcmp(cls, "rank") == 0 ? KGEX__TITLE_RANK
                                            : KGEX__TITLE_HONORIFIC;
        lex->title_len++;
        error = trie_add(lex, t->title, KGEX__PL_TITLE, (uint32_t)(lex->title_len - 1),
                         (uint8_t)t->cls, 0);
        if (error == 0 && t->cls != KGEX__TITLE_HONORIFIC) {
            char plural[256];
            if (pluralize(t->title, plural, sizeof(plural)))
                error = trie_add(lex, plural, KGEX__PL_TITLES, (uint32_t)(lex->title_len - 1),
                                 (uint8_t)t->cls, 0);
        }
        if (error < 0)
            return error;
    }
    return KGEX_OK;
}

/* Load one checked section. */
static int load_section(kgex_lexicon *lex, json_t *root, int section)
{
    json_t *arr = json_object_get(root, sections[section]);

    if (!arr)
        return KGEX_OK;
    switch (section) {
        case 0:
            return load_entities(lex, arr, KGEX_KIND_STATE);
        case 1:
            return load_organizations(lex, arr);
        case 2:
            return load_places(lex, arr);
        case 3:
            return load_officials(lex, arr);
        case 4:
            return load_titles(lex, arr);
        default:
            return kgex__cues_load(lex, sections[section], arr); /* cues.c */
    }
}

/* Parse `json` (a UTF-8 byte order mark is skipped) into *root; with
 * `trusted`, duplicate keys are not looked for (see new_default). */
static int parse_ex(const char *json, size_t len, const char *source, json_t **root,
                    kgex_error *err, int trusted)
{
    json_error_t jerr;

    *root = NULL;
    if (len > MAX_LEXICON_BYTES)
        return kgex__error_at(err, KGEX_ELIMIT, source, 0, 0, "lexicon is larger than %u MiB",
                              MAX_LEXICON_BYTES >> 20);
    if (len >= 3 && memcmp(json, "\xef\xbb\xbf", 3) == 0) {
        json += 3;
        len -= 3;
    }
    *root = json_loadb(json, len, trusted ? 0 : JSON_REJECT_DUPLICATES, &jerr);
    if (*root)
        return KGEX_OK;
    if (json_error_code(&jerr) == json_error_out_of_memory)
        return kgex__error_at(err, KGEX_ENOMEM, source, 0, 0, "out of memory");
    return kgex__error_at(err, KGEX_EPARSE, source, jerr.line, jerr.column, "%s", jerr.text);
}

static int parse(const char *json, size_t len, const char *source, json_t **root, kgex_error *err)
{
    return parse_ex(json, len, source, root, err, 0);
}

static int check_document(kgex_lexicon *lex, json_t *root, const char *source, kgex_error *err)
{
    check c;
    int error;

    memset(&c, 0, sizeof(c));
    c.source = source;
    c.err = err;
    c.lex = lex;
    error = validate(&c, root);
    kgex__free((void *)c.states.id);
    kgex__free((void *)c.orgs.id);
    if (error == KGEX_ENOMEM)
        kgex__error_at(err, error, source, 0, 0, "%s", kgex_strerror(error));
    return error;
}

int kgex_lexicon_add_json(kgex_lexicon *lex, const char *json, size_t len, const char *source,
                          kgex_error *err)
{
    json_t *root = NULL;
    int error, s;

    KGEX_ASSERT_ARG(lex, err);
    KGEX_ASSERT_ARG(json, err);
    source = source ? source : "<lexicon>";
    error = parse(json, len, source, &root, err);
    if (error == 0)
        error = check_document(lex, root, source, err);
    for (s = 0; error == 0 && sections[s]; s++)
        error = load_section(lex, root, s);
    if (error < 0 && err && err->code == KGEX_OK)
        kgex__error_at(err, error, source, 0, 0, "%s", kgex_strerror(error));
    json_decref(root);
    return error;
}

int kgex_lexicon_add_file(kgex_lexicon *lex, const char *path, kgex_error *err)
{
    FILE *fp = NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0, n;
    int error = KGEX_OK;

    KGEX_ASSERT_ARG(lex, err);
    KGEX_ASSERT_ARG(path, err);
    fp = fopen(path, "rb");
    if (!fp) {
        error = kgex__error_at(err, KGEX_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
        goto done;
    }
    for (;;) {
        if (len > MAX_LEXICON_BYTES) {
            error = kgex__error_at(err, KGEX_ELIMIT, path, 0, 0, "lexicon is larger than %u MiB",
                                   MAX_LEXICON_BYTES >> 20);
            goto done;
        }
        error = kgex__grow((void **)&buf, &cap, len + 65536, 1);
        if (error < 0)
            goto done;
        n = fread(buf + len, 1, cap - len, fp);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(fp)) {
        error = kgex__error_at(err, KGEX_EIO, path, 0, 0, "read error: %s", strerror(errno));
        goto done;
    }
    error = kgex_lexicon_add_json(lex, buf ? buf : "", len, path, err);
done:
    if (fp)
        fclose(fp);
    kgex__free(buf);
    return error;
}

/* The default lexicon: every embedded file is parsed, then the sections
 * are loaded across files in dependency order (all states, all
 * organizations, then places and officials, which refer to them), so a
 * file may refer to entries of any other. The entity sections of the
 * compiled-in files are not checked again at every start (a fifth of the
 * load time): kgex__lexicon_new_default_checked() checks them, and a unit
 * test holds the embedded files to it. */
int kgex_lexicon_new_default(kgex_lexicon **out, kgex_error *err)
{
    return kgex__lexicon_new_default_checked(out, err, 0);
}

int kgex__lexicon_new_default_checked(kgex_lexicon **out, kgex_error *err, int checked)
{
    kgex_lexicon *lex = NULL;
    json_t **roots = NULL;
    size_t i, n = kgex__lexicon_files_len;
    int error, s;

    KGEX_ASSERT_ARG(out, err);
    *out = NULL;
    error = kgex_lexicon_new(&lex);
    if (error < 0)
        return kgex__error_set(err, error, "%s", kgex_strerror(error));
    roots = kgex__calloc(n ? n : 1, sizeof(*roots));
    if (!roots)
        error = kgex__error_set(err, KGEX_ENOMEM, "%s", kgex_strerror(KGEX_ENOMEM));
    for (i = 0; error == 0 && i < n; i++)
        error = parse_ex(kgex__lexicon_files[i].data, kgex__lexicon_files[i].len,
                         kgex__lexicon_files[i].name, &roots[i], err, !checked);
    /* entity sections, then the rest: checked against what is loaded */
    for (s = 0; error == 0 && sections[s]; s++) {
        for (i = 0; error == 0 && i < n; i++) {
            json_t *one;

            if (!json_object_get(roots[i], sections[s]))
                continue;
            one = json_pack("{s:i, s:O}", "kgex_lexicon", 1, sections[s],
                            json_object_get(roots[i], sections[s]));
            if (!one) {
                error = kgex__error_set(err, KGEX_ENOMEM, "%s", kgex_strerror(KGEX_ENOMEM));
                break;
            }
            if (checked || s >= 4) /* titles, triggers and cues are always checked */
                error = check_document(lex, one, kgex__lexicon_files[i].name, err);
            if (error == 0)
                error = load_section(lex, one, s);
            if (error < 0 && err && err->code == KGEX_OK)
                kgex__error_at(err, error, kgex__lexicon_files[i].name, 0, 0, "%s",
                               kgex_strerror(error));
            json_decref(one);
        }
    }
    for (i = 0; roots && i < n; i++)
        json_decref(roots[i]);
    kgex__free(roots);
    if (error < 0) {
        kgex_lexicon_free(lex);
        return error;
    }
    *out = lex;
    return KGEX_OK;
}
