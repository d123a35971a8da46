/*
 * names.c - tolerant comparison of person names and the registry of known
 * people (see names.h).
 *
 * The registry's index is a multimap from a 64-bit key hash to the people
 * filed under that key: a hash index (graph/hashmap.h) from the key hash
 * to a chain, and one array of entries linked newest first. Two keys with
 * the same 64-bit hash would share a chain; that only adds candidates, and
 * every candidate is checked with the full rule, so the index never
 * changes which person a name resolves to.
 */
#include "extract/names.h"

#include <stdint.h>
#include <string.h>

#include "common.h"
#include "graph/hashmap.h"

int kgex__name_edits(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, j;
    int row[64], prev[64];

    if (la >= 63 || lb >= 63 || (la > lb ? la - lb : lb - la) > 2)
        return strcmp(a, b) == 0 ? 0 : 3;
    for (j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (i = 1; i <= la; i++) {
        row[0] = (int)i;
        for (j = 1; j <= lb; j++) {
            int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            int del = prev[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        memcpy(prev, row, sizeof(int) * (lb + 1));
    }
    return prev[lb] > 3 ? 3 : prev[lb];
}

int kgex__same_first_name(const char *a, const char *b)
{
    size_t n = strlen(a) < strlen(b) ? strlen(a) : strlen(b);
    int e;

    if (!*a || !*b)
        return 0;
    e = kgex__name_edits(a, b);
    return e == 0 || (n >= 4 && e <= 1) || (n >= 6 && e <= 2);
}

#define SURNAME_MIN_MISSPELT 6 /* kgex__same_surname: shorter surnames must be equal */

int kgex__same_surname(const char *a, const char *b)
{
    return strcmp(a, b) == 0 || (strlen(a) >= SURNAME_MIN_MISSPELT &&
                                 strlen(b) >= SURNAME_MIN_MISSPELT && kgex__name_edits(a, b) <= 1);
}

/* --- the registry -------------------------------------------------------- */

typedef struct person {
    char *id;
    char *first, *last;
} person;

typedef struct chain {
    uint64_t hash; /* of its key */
    uint32_t head; /* newest entry + 1 */
} chain;

typedef struct chain_entry {
    uint32_t person;
    uint32_t next; /* older entry + 1; 0: end */
} chain_entry;

struct kgex__people {
    person *p;
    size_t len, cap;
    kgex__hashmap index; /* key hash -> chain */
    chain *chain;
    size_t chain_len, chain_cap;
    chain_entry *ent;
    size_t ent_len, ent_cap;
};

enum { KEY_SURNAME = 'L', KEY_FIRST_SURNAME = 'F' };

/* Hash of a key: its kind, then (for KEY_FIRST_SURNAME) the first name,
 * then the surname without its byte `skip` ((size_t)-1: whole). */
static uint64_t key_hash(int kind, const char *first, const char *last, size_t skip)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    size_t i;

    h = (h ^ (unsigned char)kind) * 0x100000001b3ULL;
    for (; first && *first; first++)
        h = (h ^ (unsigned char)*first) * 0x100000001b3ULL;
    h = (h ^ 0xFFu) * 0x100000001b3ULL; /* 0xFF is never a byte of UTF-8 */
    for (i = 0; last[i]; i++) {
        if (i != skip)
            h = (h ^ (unsigned char)last[i]) * 0x100000001b3ULL;
    }
    return kgex__hashmap_hash_mix(h, 0);
}

static int chain_eq(size_t value, const void *key, const void *payload)
{
    const kgex__people *pp = payload;

    return pp->chain[value].hash == *(const uint64_t *)key;
}

/* The chain of the key `hash`, or NULL. */
static const chain *chain_of(const kgex__people *pp, uint64_t hash)
{
    size_t c;

    if (kgex__hashmap_find(&pp->index, &c, hash, &hash, chain_eq, pp) != KGEX_OK)
        return NULL;
    return &pp->chain[c];
}

/* File person `who` under the key `hash`. */
static int file_under(kgex__people *pp, uint64_t hash, uint32_t who)
{
    chain *h = (chain *)chain_of(pp, hash);
    int error;

    /* a surname such as "aab" gives the same deletion twice: file once */
    if (h && pp->ent[h->head - 1].person == who)
        return KGEX_OK;
    if (pp->ent_len >= UINT32_MAX - 1)
        return KGEX_ELIMIT;
    error = kgex__grow((void **)&pp->ent, &pp->ent_cap, pp->ent_len + 1, sizeof(*pp->ent));
    if (error < 0)
        return error;
    if (!h) {
        error =
            kgex__grow((void **)&pp->chain, &pp->chain_cap, pp->chain_len + 1, sizeof(*pp->chain));
        if (error < 0)
            return error;
        error = kgex__hashmap_insert(&pp->index, hash, pp->chain_len);
        if (error < 0)
            return error;
        h = &pp->chain[pp->chain_len++];
        h->hash = hash;
        h->head = 0;
    }
    pp->ent[pp->ent_len].person = who;
    pp->ent[pp->ent_len].next = h->head;
    h->head = (uint32_t)++pp->ent_len;
    return KGEX_OK;
}

int kgex__people_new(kgex__people **out)
{
    *out = kgex__calloc(1, sizeof(**out));
    return *out ? KGEX_OK : KGEX_ENOMEM;
}

void kgex__people_free(kgex__people *pp)
{
    size_t i;

    if (!pp)
        return;
    for (i = 0; i < pp->len; i++) {
        kgex__free(pp->p[i].id);
        kgex__free(pp->p[i].first);
        kgex__free(pp->p[i].last);
    }
    kgex__free(pp->p);
    kgex__hashmap_free(&pp->index);
    kgex__free(pp->chain);
    kgex__free(pp->ent);
    kgex__free(pp);
}

/* The rule of names.h, for one known person q. */
static int same_person(const person *q, const char *first, const char *last)
{
    if (strcmp(q->last, last) != 0 &&
        !(kgex__same_surname(q->last, last) && *first && strcmp(q->first, first) == 0))
        return 0;
    return !*q->first || !*first || kgex__same_first_name(q->first, first);
}

/* Lowest index of a person filed under `hash` who is the same as first
 * last, if lower than `best`. */
static long best_in_chain(const kgex__people *pp, uint64_t hash, const char *first,
                          const char *last, long best)
{
    const chain *h = chain_of(pp, hash);
    uint32_t e;

    for (e = h ? h->head : 0; e != 0; e = pp->ent[e - 1].next) {
        long who = (long)pp->ent[e - 1].person;

        if ((best < 0 || who < best) && same_person(&pp->p[who], first, last))
            best = who;
    }
    return best;
}

/* Misspelt surnames are looked up only for these names (see names.h). */
static int misspelt_keys(const char *first, const char *last)
{
    return *first && strlen(last) >= SURNAME_MIN_MISSPELT;
}

long kgex__people_find(const kgex__people *pp, const char *first, const char *last)
{
    long best = best_in_chain(pp, key_hash(KEY_SURNAME, NULL, last, (size_t)-1), first, last, -1);
    size_t i;

    if (!misspelt_keys(first, last))
        return best;
    best =
        best_in_chain(pp, key_hash(KEY_FIRST_SURNAME, first, last, (size_t)-1), first, last, best);
    for (i = 0; last[i]; i++)
        best = best_in_chain(pp, key_hash(KEY_FIRST_SURNAME, first, last, i), first, last, best);
    return best;
}

int kgex__people_add(kgex__people *pp, const char *id, const char *first, const char *last,
                     size_t *index_out)
{
    person *np;
    uint32_t who;
    size_t i;
    int error;

    if (pp->len >= UINT32_MAX - 1)
        return KGEX_ELIMIT;
    error = kgex__grow((void **)&pp->p, &pp->cap, pp->len + 1, sizeof(*pp->p));
    if (error < 0)
        return error;
    np = &pp->p[pp->len];
    np->id = kgex__strdup(id);
    np->first = kgex__strdup(first);
    np->last = kgex__strdup(last);
    if (!np->id || !np->first || !np->last) {
        kgex__free(np->id);
        kgex__free(np->first);
        kgex__free(np->last);
        return KGEX_ENOMEM;
    }
    who = (uint32_t)pp->len++;
    /* a failure below leaves the person known but not filed under every
     * key: a later lookup may miss it, nothing worse */
    error = file_under(pp, key_hash(KEY_SURNAME, NULL, last, (size_t)-1), who);
    if (error == KGEX_OK && misspelt_keys(first, last)) {
        error = file_under(pp, key_hash(KEY_FIRST_SURNAME, first, last, (size_t)-1), who);
        for (i = 0; error == KGEX_OK && last[i]; i++)
            error = file_under(pp, key_hash(KEY_FIRST_SURNAME, first, last, i), who);
    }
    if (error == KGEX_OK && index_out)
        *index_out = who;
    return error;
}

const char *kgex__people_id(const kgex__people *pp, size_t i)
{
    return pp && i < pp->len ? pp->p[i].id : NULL;
}
