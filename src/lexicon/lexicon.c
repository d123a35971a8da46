/*
 * lexicon.c - loading lexicon JSON documents (jansson) into the entity,
 * title and trigger tables and the token trie (see lexicon.h).
 *
 * A document is checked completely before anything is added, so a bad
 * user file leaves the lexicon as it was. Errors name the file and either
 * the line/column (malformed JSON) or the path of the bad field.
 */
#include "lexicon/lexicon.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
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
    size_t i;

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
    for (i = 0; i < lex->title_len; i++)
        kgex__free(lex->title[i].title);
    for (i = 0; i < lex->trig_len; i++) {
        kgex__free(lex->trig[i].cameo);
        kgex__free(lex->trig[i].form);
    }
    kgex__free(lex->ent);
    kgex__free(lex->title);
    kgex__free(lex->trig);
    kgex__free(lex->node_payload);
    kgex__free(lex->slot);
    kgex__free(lex->pl);
    kgex__free(lex->pool);
    kgex__free(lex->id_slot);
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

/* Insert `phrase` with a payload; duplicates of a payload are ignored. */
static int trie_add(kgex_lexicon *lex, const char *phrase, uint8_t type, uint32_t a, uint8_t b,
                    int auto_case)
{
    kgex__tokens toks;
    uint32_t node = KGEX__TRIE_ROOT;
    int32_t p;
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
    }
    error = kgex__grow((void **)&lex->pl, &lex->pl_cap, lex->pl_len + 1, sizeof(*lex->pl));
    if (error < 0)
        goto done;
    lex->pl[lex->pl_len].next = lex->node_payload[node];
    lex->pl[lex->pl_len].type = type;
    lex->pl[lex->pl_len].a = a;
    lex->pl[lex->pl_len].b = b;
    lex->pl[lex->pl_len].c = (uint8_t)exact;
    lex->node_payload[node] = (int32_t)lex->pl_len++;
done:
    kgex__tokens_free(&toks);
    return error;
}

/* ------------------------------------------------------------- entities */

long kgex__lexicon_find(const kgex_lexicon *lex, const char *id)
{
    size_t mask, i;

    if (lex->id_cap == 0)
        return -1;
    mask = lex->id_cap - 1;
    for (i = hash_str(2166136261u, id) & mask; lex->id_slot[i]; i = (i + 1) & mask) {
        if (strcmp(lex->ent[lex->id_slot[i] - 1].id, id) == 0)
            return (long)lex->id_slot[i] - 1;
    }
    return -1;
}

static int id_index_add(kgex_lexicon *lex, size_t index)
{
    size_t mask, i;

    if ((lex->ent_len + 1) * 2 > lex->id_cap) {
        size_t ncap = lex->id_cap ? lex->id_cap * 2 : 512, k;
        uint32_t *ns = kgex__calloc(ncap, sizeof(*ns));

        if (!ns)
            return KGEX_ENOMEM;
        for (k = 0; k < lex->id_cap; k++) {
            if (lex->id_slot[k]) {
                mask = ncap - 1;
                for (i = hash_str(2166136261u, lex->ent[lex->id_slot[k] - 1].id) & mask; ns[i];
                     i = (i + 1) & mask)
                    ;
                ns[i] = lex->id_slot[k];
            }
        }
        kgex__free(lex->id_slot);
        lex->id_slot = ns;
        lex->id_cap = ncap;
    }
    mask = lex->id_cap - 1;
    for (i = hash_str(2166136261u, lex->ent[index].id) & mask; lex->id_slot[i]; i = (i + 1) & mask)
        ;
    lex->id_slot[i] = (uint32_t)index + 1;
    return KGEX_OK;
}

/* --------------------------------------------------------- validation */

typedef struct check {
    const char *source;
    kgex_error *err;
} check;

static int bad(check *c, const char *path, const char *what)
{
    return kgex__error_at(c->err, KGEX_EPARSE, c->source, 0, 0, "%s: %s", path, what);
}

static int is_nonempty_string(json_t *v)
{
    const char *s;

    if (!json_is_string(v))
        return 0;
    s = json_string_value(v);
    while (*s == ' ' || *s == '\t')
        s++;
    return *s != '\0';
}

static int check_pattern(const char *s, const char *kind)
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
    if (strcmp(kind, "wikidata") == 0) {
        if (n < 2 || s[0] != 'Q' || s[1] < '1' || s[1] > '9')
            return 0;
        for (i = 2; i < n; i++) {
            if (s[i] < '0' || s[i] > '9')
                return 0;
        }
        return 1;
    }
    if (strcmp(kind, "cameo") == 0) {
        if (n < 2 || n > 4)
            return 0;
        for (i = 0; i < n; i++) {
            if (s[i] < '0' || s[i] > '9')
                return 0;
        }
        return 1;
    }
    /* organization id slug */
    if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
        return 0;
    for (i = 0; i < n; i++) {
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return 0;
    }
    return 1;
}

/* Check the members of `obj` against `allowed` ("name:s!" = required
 * string, "name:s" optional string, "name:a" optional array of non-empty
 * strings, "name:b!" required boolean, "name:i!" required integer), plus a
 * pattern for some. */
static int check_object(check *c, json_t *obj, const char *path, const char *const *allowed)
{
    const char *key;
    json_t *v;
    char where[192];
    size_t k;

    if (!json_is_object(obj))
        return bad(c, path, "expected an object");
    json_object_foreach(obj, key, v)
    {
        for (k = 0; allowed[k]; k++) {
            size_t n = strcspn(allowed[k], ":");
            if (strlen(key) == n && strncmp(allowed[k], key, n) == 0)
                break;
        }
        snprintf(where, sizeof(where), "%s.%s", path, key);
        if (!allowed[k])
            return bad(c, where, "unknown field");
    }
    for (k = 0; allowed[k]; k++) {
        const char *spec = allowed[k], *colon = strchr(spec, ':');
        char name[64];
        int required = strchr(colon, '!') != NULL;

        snprintf(name, sizeof(name), "%.*s", (int)(colon - spec), spec);
        snprintf(where, sizeof(where), "%s.%s", path, name);
        v = json_object_get(obj, name);
        if (!v) {
            if (required)
                return bad(c, where, "missing required field");
            continue;
        }
        switch (colon[1]) {
            case 's':
                if (!is_nonempty_string(v))
                    return bad(c, where, "expected a non-empty string");
                if ((strcmp(name, "iso3") == 0 || strcmp(name, "wikidata") == 0 ||
                     strcmp(name, "cameo") == 0 || strcmp(name, "state") == 0) &&
                    !check_pattern(json_string_value(v), strcmp(name, "state") ? name : "iso3"))
                    return bad(c, where,
                               strcmp(name, "wikidata") && strcmp(name, "cameo")
                                   ? "expected 3 capital letters"
                               : strcmp(name, "wikidata") == 0 ? "expected a QID like Q399"
                                                               : "expected a CAMEO code");
                break;
            case 'a': {
                size_t i;
                json_t *item;

                if (!json_is_array(v))
                    return bad(c, where, "expected an array of strings");
                json_array_foreach(v, i, item)
                {
                    if (!is_nonempty_string(item)) {
                        snprintf(where, sizeof(where), "%s.%s[%zu]", path, name, i);
                        return bad(c, where, "expected a non-empty string");
                    }
                }
                break;
            }
            case 'b':
                if (!json_is_boolean(v))
                    return bad(c, where, "expected true or false");
                break;
            default:
                if (!json_is_integer(v))
                    return bad(c, where, "expected an integer");
        }
    }
    return KGEX_OK;
}

static const char *const state_fields[] = {
    "id:s!",      "name:s!", "official_name:s", "aliases:a", "adjectives:a", "demonyms:a",
    "capitals:a", "seats:a", "cities:a",        "iso3:s!",   "wikidata:s",   "un_member:b!",
    NULL};
static const char *const org_fields[] = {"id:s!",   "name:s!",    "acronyms:a", "aliases:a",
                                         "type:s!", "wikidata:s", "state:s",    NULL};
static const char *const title_fields[] = {"title:s!", "class:s!", NULL};
static const char *const trigger_fields[] = {"relation:s!", "pos:s!", "forms:a!", "cameo:s", NULL};
static const char *const org_types[] = {
    "intergovernmental", "governmental", "military", "news", "ngo", "other", NULL};
static const char *const relation_names[] = {"member_of", "official_of", "attacked", "appealed_to",
                                             "stated",    "about",       NULL};

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

/* Every id of `section` unique within the document. */
static int check_unique_ids(check *c, json_t *arr, const char *section)
{
    size_t i, j;
    char where[96];

    for (i = 0; i < json_array_size(arr); i++) {
        const char *id = str(json_array_get(arr, i), "id");
        for (j = 0; j < i; j++) {
            if (strcmp(id, str(json_array_get(arr, j), "id")) == 0) {
                snprintf(where, sizeof(where), "%s[%zu].id", section, i);
                return bad(c, where, "duplicate id");
            }
        }
    }
    return KGEX_OK;
}

static int validate(check *c, json_t *root)
{
    const char *key;
    json_t *v, *item;
    char path[96];
    size_t i;
    int error;

    if (!json_is_object(root))
        return bad(c, "(top level)", "expected an object");
    if (!json_is_integer(json_object_get(root, "kgex_lexicon")) ||
        json_integer_value(json_object_get(root, "kgex_lexicon")) != 1)
        return bad(c, "kgex_lexicon", "missing or unsupported format version (expected 1)");
    json_object_foreach(root, key, v)
    {
        const char *const *fields;

        if (strcmp(key, "kgex_lexicon") == 0)
            continue;
        if (strcmp(key, "states") == 0)
            fields = state_fields;
        else if (strcmp(key, "organizations") == 0)
            fields = org_fields;
        else if (strcmp(key, "titles") == 0)
            fields = title_fields;
        else if (strcmp(key, "triggers") == 0)
            fields = trigger_fields;
        else
            return bad(c, key, "unknown section");
        if (!json_is_array(v))
            return bad(c, key, "expected an array");
        json_array_foreach(v, i, item)
        {
            snprintf(path, sizeof(path), "%s[%zu]", key, i);
            error = check_object(c, item, path, fields);
            if (error < 0)
                return error;
            if (fields == org_fields) {
                if (!check_pattern(str(item, "id"), "slug"))
                    return bad(c, path, "id: expected lower-case letters, digits and '-'");
                if (one_of(str(item, "type"), org_types) < 0)
                    return bad(c, path,
                               "type: expected intergovernmental, governmental, "
                               "military, news, ngo or other");
            } else if (fields == state_fields) {
                if (!check_pattern(str(item, "id"), "iso3"))
                    return bad(c, path, "id: expected 3 capital letters");
            } else if (fields == title_fields) {
                const char *cls = str(item, "class");
                if (strcmp(cls, "office") && strcmp(cls, "rank") && strcmp(cls, "honorific"))
                    return bad(c, path, "class: expected office, rank or honorific");
            } else {
                int rel = one_of(str(item, "relation"), relation_names);
                const char *pos = str(item, "pos");
                if (rel < 0 || rel == KGEX_REL_OFFICIAL_OF || rel == KGEX_REL_ABOUT)
                    return bad(c, path,
                               "relation: expected member_of, attacked, appealed_to "
                               "or stated");
                if (strcmp(pos, "verb") && strcmp(pos, "noun"))
                    return bad(c, path, "pos: expected verb or noun");
                if (json_array_size(json_object_get(item, "forms")) == 0)
                    return bad(c, path, "forms: expected at least one form");
            }
        }
        if (fields == state_fields || fields == org_fields) {
            error = check_unique_ids(c, v, key);
            if (error < 0)
                return error;
        }
    }
    return KGEX_OK;
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

static int add_names(kgex_lexicon *lex, json_t *arr, uint32_t ent, int form)
{
    size_t i;
    json_t *item;
    int error;

    json_array_foreach(arr, i, item)
    {
        error = trie_add(lex, json_string_value(item), KGEX__PL_ENTITY, ent, (uint8_t)form, 1);
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
        (str(item, "wikidata") && !e->wikidata) || (str(item, "type") && !e->org_type))
        return KGEX_ENOMEM;
    error = id_index_add(lex, lex->ent_len - 1);
    if (error < 0)
        return error;
    *index_out = lex->ent_len - 1;
    return KGEX_OK;
}

static int load(kgex_lexicon *lex, json_t *root)
{
    json_t *arr, *item;
    size_t i, k, ent;
    int error;

    json_array_foreach(json_object_get(root, "states"), i, item)
    {
        error = add_entity(lex, item, KGEX_KIND_STATE, &ent);
        if (error < 0)
            return error;
        error =
            trie_add(lex, str(item, "name"), KGEX__PL_ENTITY, (uint32_t)ent, KGEX__FORM_NAME, 1);
        if (error == 0 && str(item, "official_name"))
            error = trie_add(lex, str(item, "official_name"), KGEX__PL_ENTITY, (uint32_t)ent,
                             KGEX__FORM_NAME, 1);
        if (error == 0)
            error =
                add_names(lex, json_object_get(item, "aliases"), (uint32_t)ent, KGEX__FORM_NAME);
        if (error == 0)
            error =
                add_names(lex, json_object_get(item, "adjectives"), (uint32_t)ent, KGEX__FORM_ADJ);
        if (error == 0)
            error = add_names(lex, json_object_get(item, "demonyms"), (uint32_t)ent,
                              KGEX__FORM_DEMONYM);
        if (error == 0)
            error = add_names(lex, json_object_get(item, "capitals"), (uint32_t)ent,
                              KGEX__FORM_CAPITAL);
        if (error == 0)
            error = add_names(lex, json_object_get(item, "seats"), (uint32_t)ent, KGEX__FORM_SEAT);
        if (error == 0)
            error = add_names(lex, json_object_get(item, "cities"), (uint32_t)ent, KGEX__FORM_CITY);
        if (error < 0)
            return error;
    }
    json_array_foreach(json_object_get(root, "organizations"), i, item)
    {
        error = add_entity(lex, item, KGEX_KIND_ORGANIZATION, &ent);
        if (error < 0)
            return error;
        error =
            trie_add(lex, str(item, "name"), KGEX__PL_ENTITY, (uint32_t)ent, KGEX__FORM_NAME, 1);
        if (error == 0)
            error =
                add_names(lex, json_object_get(item, "aliases"), (uint32_t)ent, KGEX__FORM_NAME);
        if (error == 0)
            error = add_names(lex, json_object_get(item, "acronyms"), (uint32_t)ent,
                              KGEX__FORM_ACRONYM);
        if (error < 0)
            return error;
    }
    json_array_foreach(json_object_get(root, "titles"), i, item)
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
    json_array_foreach(json_object_get(root, "triggers"), i, item)
    {
        arr = json_object_get(item, "forms");
        for (k = 0; k < json_array_size(arr); k++) {
            kgex__trigger *t;

            error = kgex__grow((void **)&lex->trig, &lex->trig_cap, lex->trig_len + 1,
                               sizeof(*lex->trig));
            if (error < 0)
                return error;
            t = &lex->trig[lex->trig_len];
            memset(t, 0, sizeof(*t));
            t->relation = (kgex_relation)one_of(str(item, "relation"), relation_names);
            t->pos = strcmp(str(item, "pos"), "noun") == 0 ? KGEX__POS_NOUN : KGEX__POS_VERB;
            t->form = kgex__strdup(json_string_value(json_array_get(arr, k)));
            t->cameo = kgex__strdup(str(item, "cameo"));
            lex->trig_len++;
            if (!t->form || (str(item, "cameo") && !t->cameo))
                return KGEX_ENOMEM;
            error = trie_add(lex, t->form, KGEX__PL_TRIGGER, (uint32_t)(lex->trig_len - 1), 0, 0);
            if (error < 0)
                return error;
        }
    }
    return KGEX_OK;
}

int kgex_lexicon_add_json(kgex_lexicon *lex, const char *json, size_t len, const char *source,
                          kgex_error *err)
{
    json_error_t jerr;
    json_t *root = NULL;
    check c;
    int error;

    KGEX_ASSERT_ARG(lex, err);
    KGEX_ASSERT_ARG(json, err);
    c.source = source ? source : "<lexicon>";
    c.err = err;
    if (len > MAX_LEXICON_BYTES) {
        error = kgex__error_at(err, KGEX_ELIMIT, c.source, 0, 0, "lexicon is larger than %u MiB",
                               MAX_LEXICON_BYTES >> 20);
        goto done;
    }
    root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        if (json_error_code(&jerr) == json_error_out_of_memory)
            error = kgex__error_at(err, KGEX_ENOMEM, c.source, 0, 0, "out of memory");
        else
            error =
                kgex__error_at(err, KGEX_EPARSE, c.source, jerr.line, jerr.column, "%s", jerr.text);
        goto done;
    }
    error = validate(&c, root);
    if (error < 0)
        goto done;
    error = load(lex, root);
    if (error < 0)
        kgex__error_at(err, error, c.source, 0, 0, "%s", kgex_strerror(error));
done:
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

int kgex_lexicon_new_default(kgex_lexicon **out, kgex_error *err)
{
    kgex_lexicon *lex = NULL;
    size_t i;
    int error;

    KGEX_ASSERT_ARG(out, err);
    *out = NULL;
    error = kgex_lexicon_new(&lex);
    if (error < 0)
        return kgex__error_set(err, error, "%s", kgex_strerror(error));
    for (i = 0; i < kgex__lexicon_files_len; i++) {
        error = kgex_lexicon_add_json(lex, kgex__lexicon_files[i].data, kgex__lexicon_files[i].len,
                                      kgex__lexicon_files[i].name, err);
        if (error < 0) {
            kgex_lexicon_free(lex);
            return error;
        }
    }
    *out = lex;
    return KGEX_OK;
}
