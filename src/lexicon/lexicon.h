/*
 * lexicon.h (private) - the lexicon's tables and the token trie that finds
 * its phrases in a token stream.
 *
 * Every phrase (a name, an adjective, a title, a trigger) is tokenized with
 * the document tokenizer and inserted into one trie keyed by lowercased
 * tokens; a trie node carries a list of payloads. Lookup walks the trie from
 * a token position, so finding all phrases in a document is linear in its
 * length times the longest phrase.
 */
#ifndef KGEX_LEXICON_PRIVATE_H
#define KGEX_LEXICON_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "kgex/graph.h"
#include "kgex/lexicon.h"
#include "text/tokenize.h"

/* How a phrase names its entity. */
enum kgex__form {
    KGEX__FORM_NAME = 0, /* Armenia, Republic of Armenia, Collective Security ... */
    KGEX__FORM_ACRONYM,  /* CSTO, U.S. */
    KGEX__FORM_ADJ,      /* Armenian */
    KGEX__FORM_DEMONYM,  /* Armenians */
    KGEX__FORM_CAPITAL,  /* Yerevan */
    KGEX__FORM_SEAT,     /* Kremlin */
    KGEX__FORM_CITY      /* Gyumri: always a place */
};

enum kgex__payload_type {
    KGEX__PL_ENTITY = 0, /* a = entity index, b = form, c = exact case */
    KGEX__PL_TITLE,      /* a = title index, b = class */
    KGEX__PL_TITLES,     /* the plural of a title ("co-chairs"): a = title index */
    KGEX__PL_TRIGGER     /* a = trigger index */
};

enum kgex__title_class { KGEX__TITLE_OFFICE = 0, KGEX__TITLE_RANK, KGEX__TITLE_HONORIFIC };
enum kgex__pos { KGEX__POS_VERB = 0, KGEX__POS_NOUN };

typedef struct kgex__entity {
    char *id; /* graph id: "state/ARM", "org/csto" */
    kgex_kind kind;
    char *name;
    char *adjective; /* first adjective, states only; may be NULL */
    char *iso3;
    char *wikidata;
    char *org_type; /* organizations: intergovernmental, governmental, ... */
    char *state;    /* organizations: "state/XXX" of the state whose body it is, or NULL */
} kgex__entity;

typedef struct kgex__title {
    char *title;
    int cls;
} kgex__title;

typedef struct kgex__trigger {
    kgex_relation relation;
    int pos;
    char *cameo; /* may be NULL */
    char *form;
} kgex__trigger;

typedef struct kgex__payload {
    int32_t next;
    uint8_t type;
    uint8_t b, c;
    uint32_t a;
} kgex__payload;

typedef struct kgex__trie_slot {
    uint32_t parent; /* 0 = empty slot; node ids start at 1 */
    uint32_t child;
    uint32_t word; /* offset in pool */
    uint32_t hash;
} kgex__trie_slot;

struct kgex_lexicon {
    kgex__entity *ent;
    size_t ent_len, ent_cap;
    kgex__title *title;
    size_t title_len, title_cap;
    kgex__trigger *trig;
    size_t trig_len, trig_cap;
    /* trie: node 1 is the root; node_payload[i] heads node i's payload list */
    int32_t *node_payload;
    size_t node_len, node_cap;
    kgex__trie_slot *slot;
    size_t slot_len, slot_cap; /* cap is a power of two */
    kgex__payload *pl;
    size_t pl_len, pl_cap;
    char *pool;
    size_t pool_len, pool_cap;
    /* id -> entity index */
    uint32_t *id_slot; /* entity index + 1; 0 = empty */
    size_t id_cap;
};

/* Child of trie node `node` for lowercased word `w`; 0 if none. */
uint32_t kgex__trie_child(const kgex_lexicon *lex, uint32_t node, const char *w);
/* First payload index of a node, -1 if none. */
static inline int32_t kgex__trie_payload(const kgex_lexicon *lex, uint32_t node)
{
    return lex->node_payload[node];
}
#define KGEX__TRIE_ROOT 1u

/* Index of the entity with graph id `id`, or -1. */
long kgex__lexicon_find(const kgex_lexicon *lex, const char *id);

#endif
