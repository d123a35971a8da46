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

#include <jansson.h>

#include "kgex/graph.h"
#include "kgex/lexicon.h"
#include "lexicon/cues.h"
#include "text/tokenize.h"

/* How a phrase names its entity. */
enum kgex__form {
    KGEX__FORM_NAME = 0, /* Armenia, Republic of Armenia, Collective Security ... */
    KGEX__FORM_ACRONYM,  /* CSTO, U.S. */
    KGEX__FORM_ADJ,      /* Armenian */
    KGEX__FORM_DEMONYM,  /* Armenians */
    KGEX__FORM_CAPITAL,  /* Yerevan */
    KGEX__FORM_SEAT,     /* Kremlin */
    KGEX__FORM_CITY      /* Gyumri, Tavush Province: always a place of its state */
};

enum kgex__payload_type {
    KGEX__PL_ENTITY = 0, /* a = entity index, b = form, c = exact case */
    KGEX__PL_TITLE,      /* a = title index, b = class */
    KGEX__PL_TITLES,     /* the plural of a title ("co-chairs"): a = title index */
    KGEX__PL_TRIGGER,    /* a = trigger index */
    KGEX__PL_OFFICIAL,   /* a = official index; b = 0 a full name or alias, 1 the surname */
    KGEX__PL_CUE         /* a = cue class (cues.h) */
};

/* Payload flags. A phrase that names several entities ("ICC", "Congolese")
 * has one payload per entity; the payloads of an entry that lists the
 * phrase under "ambiguous" carry KGEX__PF_SECONDARY and come after all
 * others in the node's list, so the first ENTITY payload of a list is the
 * usual referent and the rest are the other candidates (see
 * kgex__lexicon_candidates). */
enum { KGEX__PF_SECONDARY = 1 };

enum kgex__title_class { KGEX__TITLE_OFFICE = 0, KGEX__TITLE_RANK, KGEX__TITLE_HONORIFIC };
enum kgex__pos { KGEX__POS_VERB = 0, KGEX__POS_NOUN };

typedef struct kgex__entity {
    char *id; /* graph id: "state/ARM", "org/csto" */
    kgex_kind kind;
    char *name;
    char *adjective; /* first adjective, states only; may be NULL */
    char *iso3;
    char *wikidata;
    char *org_type; /* organizations: intergovernmental, governmental, armed_group, ... */
    char *state;    /* organizations: "state/XXX" of the state whose body it is, or NULL */
    long parent;    /* organizations: entity index of the organization it is a body of, or -1 */
} kgex__entity;

/* A dated post of an official. Dates are YYYYMMDD integers: a date given
 * as "2000" starts at 20000101 and ends at 20001231, "2000-05" at
 * 20000501 and 20000531; an unknown start is 0, no end (in office) is
 * KGEX__DATE_OPEN. */
#define KGEX__DATE_OPEN 99999999
typedef struct kgex__role {
    uint32_t of;  /* entity index of the state or organization */
    char *title;  /* "President", "Foreign Minister" */
    int32_t from; /* first day, or 0 */
    int32_t to;   /* last day, or KGEX__DATE_OPEN */
} kgex__role;

typedef struct kgex__official {
    char *id;       /* "person/vladimir-putin": the slug rule of person ids (kgex__slugify) */
    char *name;     /* display name */
    char *wikidata; /* may be NULL */
    kgex__role *role;
    size_t role_len, role_cap;
} kgex__official;

/* An open-addressing index of string ids: slot holds entry index + 1. */
typedef struct kgex__id_index {
    uint32_t *slot;
    size_t cap;
} kgex__id_index;

typedef struct kgex__title {
    char *title;
    int cls;
} kgex__title;

typedef struct kgex__trigger {
    kgex_relation relation;
    int pos;
    char *cameo; /* may be NULL */
    char *form;
    uint32_t frame_first, frame_len; /* its frames in kgex_lexicon.frame; none: any use */
} kgex__trigger;

typedef struct kgex__payload {
    int32_t next;
    uint8_t type;
    uint8_t b, c;
    uint8_t flags; /* KGEX__PF_* */
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
    /* trigger frames (cues.h): frames, their elements, and the words of
     * word elements ("on\0upon\0\0") */
    kgex__frame *frame;
    size_t frame_len, frame_cap;
    kgex__frame_el *fel;
    size_t fel_len, fel_cap;
    char *fpool;
    size_t fpool_len, fpool_cap;
    /* trie: node 1 is the root; node_payload[i] heads node i's payload list */
    int32_t *node_payload;
    size_t node_len, node_cap;
    kgex__trie_slot *slot;
    size_t slot_len, slot_cap; /* cap is a power of two */
    kgex__payload *pl;
    size_t pl_len, pl_cap;
    char *pool;
    size_t pool_len, pool_cap;
    kgex__official *off;
    size_t off_len, off_cap;
    kgex__id_index ent_index; /* graph id -> entity index */
    kgex__id_index off_index; /* graph id -> official index */
};

/* Child of trie node `node` for lowercased word `w`; 0 if none. */
uint32_t kgex__trie_child(const kgex_lexicon *lex, uint32_t node, const char *w);
/* First payload index of a node, -1 if none. */
static inline int32_t kgex__trie_payload(const kgex_lexicon *lex, uint32_t node)
{
    return lex->node_payload[node];
}
#define KGEX__TRIE_ROOT 1u

/* Insert `phrase` (tokenized like a document) into the trie with a payload;
 * with `auto_case`, a phrase written in capitals only matches in capitals. */
int kgex__trie_add(kgex_lexicon *lex, const char *phrase, uint8_t type, uint32_t a, uint8_t b,
                   int auto_case);

/* cues.c: check a "cues" or "triggers" section (`section` names it), and
 * load one once the whole document is checked. */
int kgex__cues_check(const char *section, json_t *arr, const char *source, kgex_error *err);
int kgex__cues_load(kgex_lexicon *lex, const char *section, json_t *arr);

/* The default lexicon, with (checked) or without the checks of its entity
 * sections: kgex_lexicon_new_default() skips them, the test suite holds
 * the compiled-in files to them. */
int kgex__lexicon_new_default_checked(kgex_lexicon **out, kgex_error *err, int checked);

/* Index of the entity with graph id `id`, or -1. */
long kgex__lexicon_find(const kgex_lexicon *lex, const char *id);

/* The entities that the phrase ending at trie node `node` names, at most
 * `cap` of them into `out` (entity indexes), the usual referent first and
 * the entries that list the phrase as "ambiguous" after it; returns how
 * many there are (may exceed cap). */
size_t kgex__lexicon_candidates(const kgex_lexicon *lex, uint32_t node, uint32_t *out, size_t cap);

/* Officials. */
size_t kgex__official_count(const kgex_lexicon *lex);
/* Index of the official with graph id `id` ("person/vladimir-putin"), or -1. */
long kgex__official_find(const kgex_lexicon *lex, const char *id);
/* The roles of official `off` that hold on `date` (YYYYMMDD), at most `cap`
 * of them into `out`; returns how many hold (may exceed cap). */
size_t kgex__official_roles_on(const kgex_lexicon *lex, size_t off, int32_t date,
                               const kgex__role **out, size_t cap);
/* The YYYYMMDD key of an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD": its
 * first day, or with `end` its last day; -1 if malformed. */
int32_t kgex__date_key(const char *iso, int end);

#endif
