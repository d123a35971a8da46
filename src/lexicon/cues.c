/*
 * cues.c - the "cues" and "triggers" sections of a lexicon document: cue
 * word classes and trigger words with their frames (see cues.h).
 *
 * lexicon.c calls kgex__cues_check() for each of the two sections while it
 * validates a document, and kgex__cues_load() once the whole document is
 * valid. Errors name the field path ("triggers[3].frames[1]") and what is
 * wrong with it.
 */
#include "lexicon/cues.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "common.h"
#include "lexicon/lexicon.h"

/* clang-format off */
const char *const kgex__cue_names[KGEX__WC_COUNT] = {
    "function",
    "place_prep",
    "org_head",
    "org_connector",
    "armed_head",
    "ministry_kind",
    "org_noun",
    "org_det",
    "title_prefix",
    "boundary",
    "preposition",
    "adverb",
    "determiner",
    "modal",
    "conditional",
    "be",
    "actor_noun",
    "light_verb",
    "help",
    "list_opener",
    "noun_marker",
    "clause",
    "weapon",
    "name_head",
    "aux",
    "negation",
    "irrealis",
    "factive",
    "deny",
    "stand_for",
    "target_noun",
    "meeting",
    "complaint",
    "member_list",
    "nonmember",
    "owner_link",
    "owner_suffix",
    "time",
    "subordinator",
    "conj",
    "participle",
    "join",
    "speech_prep",
    "future",
    "quantity",
    "founded",
    "known_as",
    "verb",
    "restraint",
    "combatant",
    "answer",
    "speech_doc",
    "state_body",
    "name_particle",
    "approx",
};
/* clang-format on */

int kgex__cue_class(const char *name)
{
    int k;

    for (k = 0; k < KGEX__WC_COUNT; k++) {
        if (strcmp(kgex__cue_names[k], name) == 0)
            return k;
    }
    return -1;
}

static const char *const relation_names[] = {"member_of", "official_of", "attacked", "appealed_to",
                                             "stated",    "about",       NULL};

static int relation_of(const char *s)
{
    int k;

    for (k = 0; relation_names[k]; k++) {
        if (strcmp(s, relation_names[k]) == 0)
            return k;
    }
    return -1;
}

/* ------------------------------------------------------------- checks */

static int bad(const char *source, kgex_error *err, const char *path, const char *what)
{
    return kgex__error_at(err, KGEX_EPARSE, source, 0, 0, "%s: %s", path, what);
}

/* A surface string: non-empty, no white space at either end, no control
 * characters. */
static int is_text(json_t *v)
{
    const char *s;
    size_t n, i;

    if (!json_is_string(v))
        return 0;
    s = json_string_value(v);
    n = strlen(s);
    if (n == 0 || isspace((unsigned char)s[0]) || isspace((unsigned char)s[n - 1]))
        return 0;
    for (i = 0; i < n; i++) {
        if ((unsigned char)s[i] < 0x20)
            return 0;
    }
    return 1;
}

/* A list of surface strings, each once. */
static int check_texts(json_t *arr, const char *path, const char *source, kgex_error *err,
                       int required)
{
    char where[320];
    size_t i, j;

    if (!arr)
        return required ? bad(source, err, path, "missing required field") : KGEX_OK;
    if (!json_is_array(arr) || (required && json_array_size(arr) == 0))
        return bad(source, err, path, "expected a non-empty array of strings");
    for (i = 0; i < json_array_size(arr); i++) {
        snprintf(where, sizeof(where), "%s[%zu]", path, i);
        if (!is_text(json_array_get(arr, i)))
            return bad(source, err, where,
                       "expected a non-empty string without surrounding white space");
        for (j = 0; j < i; j++) {
            if (strcmp(json_string_value(json_array_get(arr, i)),
                       json_string_value(json_array_get(arr, j))) == 0)
                return bad(source, err, where, "duplicate entry");
        }
    }
    return KGEX_OK;
}

/* Only the listed members. */
static int check_fields(json_t *obj, const char *path, const char *const *allowed,
                        const char *source, kgex_error *err)
{
    const char *key;
    json_t *v;
    char where[256];
    size_t k;

    if (!json_is_object(obj))
        return bad(source, err, path, "expected an object");
    json_object_foreach(obj, key, v)
    {
        for (k = 0; allowed[k] && strcmp(allowed[k], key); k++)
            ;
        if (!allowed[k]) {
            snprintf(where, sizeof(where), "%s.%s", path, key);
            return bad(source, err, where, "unknown field");
        }
    }
    return KGEX_OK;
}

/* Parse one frame element written in `s` ([b, e)). With `lex` NULL only
 * checks it; else appends it. Returns a static reason or NULL. */
static const char *frame_element(const char *s, size_t len, kgex__frame_el *out)
{
    char buf[64];
    size_t i;

    memset(out, 0, sizeof(*out));
    if (len == 0 || len >= sizeof(buf))
        return "empty or overlong element";
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (strcmp(buf, "*") == 0) {
        out->type = KGEX__FE_SKIP;
        return NULL;
    }
    if (buf[0] == '!') {
        int cls = kgex__cue_class(buf + 1);
        if (cls < 0)
            return "\"!\" is followed by a cue class";
        out->type = KGEX__FE_NOT;
        out->cls = (uint8_t)cls;
        return NULL;
    }
    if (buf[0] == '{') {
        out->type = KGEX__FE_SLOT;
        if (strcmp(buf, "{src}") == 0)
            out->slot = KGEX__SLOT_SRC;
        else if (strcmp(buf, "{dst}") == 0)
            out->slot = KGEX__SLOT_DST;
        else
            return "a slot is {src} or {dst}";
        return NULL;
    }
    if (buf[0] == '<') {
        char *colon;
        int cls;

        if (buf[len - 1] != '>')
            return "a class element is written <class> or <class:src|dst>";
        buf[len - 1] = '\0';
        colon = strchr(buf, ':');
        out->type = KGEX__FE_CLASS;
        if (colon) {
            *colon = '\0';
            if (strcmp(colon + 1, "src") == 0)
                out->slot = KGEX__SLOT_SRC;
            else if (strcmp(colon + 1, "dst") == 0)
                out->slot = KGEX__SLOT_DST;
            else
                return "a class element fills src or dst";
        }
        cls = kgex__cue_class(buf + 1);
        if (cls < 0)
            return "unknown cue class";
        out->cls = (uint8_t)cls;
        return NULL;
    }
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (c == '|' ? (i == 0 || i + 1 == len || buf[i + 1] == '|')
                     : (c < 0x80 && !islower(c) && !isdigit(c) && c != '\'' && c != '-'))
            return "a word is lower case; alternatives are separated by |";
    }
    out->type = KGEX__FE_WORD;
    return NULL;
}

static int check_frames(json_t *arr, const char *path, const char *source, kgex_error *err)
{
    char where[320];
    size_t i;

    if (!arr)
        return KGEX_OK;
    if (!json_is_array(arr) || json_array_size(arr) == 0)
        return bad(source, err, path, "expected a non-empty array of frames");
    for (i = 0; i < json_array_size(arr); i++) {
        json_t *v = json_array_get(arr, i);
        const char *s, *p;

        snprintf(where, sizeof(where), "%s[%zu]", path, i);
        if (!json_is_string(v))
            return bad(source, err, where, "expected a string");
        s = json_string_value(v);
        if (*s && !is_text(v))
            return bad(source, err, where, "no white space at either end");
        for (p = s; *p;) {
            size_t n = strcspn(p, " ");
            kgex__frame_el el;
            const char *why = frame_element(p, n, &el);

            if (why)
                return bad(source, err, where, why);
            p += n;
            while (*p == ' ')
                p++;
        }
    }
    return KGEX_OK;
}

static int check_trigger(json_t *item, const char *path, const char *source, kgex_error *err)
{
    static const char *const fields[] = {"relation", "pos", "forms", "cameo", "frames", NULL};
    char where[256];
    const char *s;
    int rel, error;

    error = check_fields(item, path, fields, source, err);
    if (error < 0)
        return error;
    s = json_string_value(json_object_get(item, "relation"));
    rel = s ? relation_of(s) : -1;
    snprintf(where, sizeof(where), "%s.relation", path);
    if (rel < 0 || rel == KGEX_REL_OFFICIAL_OF || rel == KGEX_REL_ABOUT)
        return bad(source, err, where, "expected member_of, attacked, appealed_to or stated");
    s = json_string_value(json_object_get(item, "pos"));
    snprintf(where, sizeof(where), "%s.pos", path);
    if (!s || (strcmp(s, "verb") && strcmp(s, "noun")))
        return bad(source, err, where, "expected verb or noun");
    snprintf(where, sizeof(where), "%s.forms", path);
    error = check_texts(json_object_get(item, "forms"), where, source, err, 1);
    if (error < 0)
        return error;
    s = json_string_value(json_object_get(item, "cameo"));
    snprintf(where, sizeof(where), "%s.cameo", path);
    if (json_object_get(item, "cameo")) {
        size_t n = s ? strlen(s) : 0, i;
        if (n < 2 || n > 4)
            return bad(source, err, where, "expected a CAMEO code");
        for (i = 0; i < n; i++) {
            if (!isdigit((unsigned char)s[i]))
                return bad(source, err, where, "expected a CAMEO code");
        }
    } else if (rel != KGEX_REL_MEMBER_OF) {
        return bad(source, err, where, "missing required field");
    }
    snprintf(where, sizeof(where), "%s.frames", path);
    return check_frames(json_object_get(item, "frames"), where, source, err);
}

static int check_cue(json_t *item, const char *path, const char *source, kgex_error *err)
{
    static const char *const fields[] = {"class", "words", "note", NULL};
    char where[256];
    const char *s;
    int error;

    error = check_fields(item, path, fields, source, err);
    if (error < 0)
        return error;
    s = json_string_value(json_object_get(item, "class"));
    snprintf(where, sizeof(where), "%s.class", path);
    if (!s)
        return bad(source, err, where, "missing required field");
    if (kgex__cue_class(s) < 0)
        return bad(source, err, where, "unknown cue class");
    if (json_object_get(item, "note") && !json_is_string(json_object_get(item, "note"))) {
        snprintf(where, sizeof(where), "%s.note", path);
        return bad(source, err, where, "expected a string");
    }
    snprintf(where, sizeof(where), "%s.words", path);
    return check_texts(json_object_get(item, "words"), where, source, err, 1);
}

int kgex__cues_check(const char *section, json_t *arr, const char *source, kgex_error *err)
{
    char path[96];
    size_t i;
    int error;

    if (!json_is_array(arr))
        return bad(source, err, section, "expected an array");
    for (i = 0; i < json_array_size(arr); i++) {
        snprintf(path, sizeof(path), "%s[%zu]", section, i);
        error = strcmp(section, "cues") == 0
                    ? check_cue(json_array_get(arr, i), path, source, err)
                    : check_trigger(json_array_get(arr, i), path, source, err);
        if (error < 0)
            return error;
    }
    return KGEX_OK;
}

/* ------------------------------------------------------------- loading */

static int pool_add(kgex_lexicon *lex, const char *s, size_t len, uint32_t *off_out)
{
    size_t i;
    int error = kgex__grow((void **)&lex->fpool, &lex->fpool_cap, lex->fpool_len + len + 2, 1);

    if (error < 0)
        return error;
    *off_out = (uint32_t)lex->fpool_len;
    for (i = 0; i < len; i++)
        lex->fpool[lex->fpool_len++] = s[i] == '|' ? '\0' : s[i];
    lex->fpool[lex->fpool_len++] = '\0';
    lex->fpool[lex->fpool_len++] = '\0';
    return KGEX_OK;
}

/* Append the frames of one trigger entry, returning where they start and
 * how many there are. */
static int load_frames(kgex_lexicon *lex, json_t *arr, uint32_t *first, uint32_t *count)
{
    size_t i;
    int error;

    *first = (uint32_t)lex->frame_len;
    *count = 0;
    for (i = 0; i < json_array_size(arr); i++) {
        const char *p = json_string_value(json_array_get(arr, i));
        kgex__frame *f;

        error = kgex__grow((void **)&lex->frame, &lex->frame_cap, lex->frame_len + 1, sizeof(*f));
        if (error < 0)
            return error;
        f = &lex->frame[lex->frame_len++];
        f->first = (uint32_t)lex->fel_len;
        f->len = 0;
        while (*p) {
            size_t n = strcspn(p, " ");
            kgex__frame_el el;

            (void)frame_element(p, n, &el); /* checked before */
            if (el.type == KGEX__FE_WORD) {
                error = pool_add(lex, p, n, &el.words);
                if (error < 0)
                    return error;
            }
            error = kgex__grow((void **)&lex->fel, &lex->fel_cap, lex->fel_len + 1, sizeof(el));
            if (error < 0)
                return error;
            lex->fel[lex->fel_len++] = el;
            f->len++;
            p += n;
            while (*p == ' ')
                p++;
        }
        (*count)++;
    }
    return KGEX_OK;
}

static int load_triggers(kgex_lexicon *lex, json_t *arr);

int kgex__cues_load(kgex_lexicon *lex, const char *section, json_t *arr)
{
    json_t *item;
    size_t i, k;
    int error;

    if (strcmp(section, "triggers") == 0)
        return load_triggers(lex, arr);
    json_array_foreach(arr, i, item)
    {
        int cls = kgex__cue_class(json_string_value(json_object_get(item, "class")));
        json_t *words = json_object_get(item, "words");

        for (k = 0; k < json_array_size(words); k++) {
            error = kgex__trie_add(lex, json_string_value(json_array_get(words, k)), KGEX__PL_CUE,
                                   (uint32_t)cls, 0, 0);
            if (error < 0)
                return error;
        }
    }
    return KGEX_OK;
}

static int load_triggers(kgex_lexicon *lex, json_t *arr)
{
    json_t *item;
    size_t i, k;
    int error;

    json_array_foreach(arr, i, item)
    {
        json_t *forms = json_object_get(item, "forms");
        const char *cameo = json_string_value(json_object_get(item, "cameo"));
        uint32_t ffirst, fcount;

        error = load_frames(lex, json_object_get(item, "frames"), &ffirst, &fcount);
        if (error < 0)
            return error;
        for (k = 0; k < json_array_size(forms); k++) {
            kgex__trigger *t;

            error = kgex__grow((void **)&lex->trig, &lex->trig_cap, lex->trig_len + 1,
                               sizeof(*lex->trig));
            if (error < 0)
                return error;
            t = &lex->trig[lex->trig_len];
            memset(t, 0, sizeof(*t));
            t->relation =
                (kgex_relation)relation_of(json_string_value(json_object_get(item, "relation")));
            t->pos = strcmp(json_string_value(json_object_get(item, "pos")), "noun") == 0
                         ? KGEX__POS_NOUN
                         : KGEX__POS_VERB;
            t->form = kgex__strdup(json_string_value(json_array_get(forms, k)));
            t->cameo = cameo ? kgex__strdup(cameo) : NULL;
            t->frame_first = ffirst;
            t->frame_len = fcount;
            lex->trig_len++;
            if (!t->form || (cameo && !t->cameo))
                return KGEX_ENOMEM;
            error =
                kgex__trie_add(lex, t->form, KGEX__PL_TRIGGER, (uint32_t)(lex->trig_len - 1), 0, 0);
            if (error < 0)
                return error;
        }
    }
    return KGEX_OK;
}
