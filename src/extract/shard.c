/*
 * shard.c - a record of what one document gave (extraction.h) as one line
 * of JSON, and back: the shard format that `kgex merge` reads.
 *
 * A shard is JSON Lines, one document per line, in input order:
 *   {"kgex_shard":1,"doc":"a.txt","date":"2024-03-05","pieces":[
 *     {"sentences":12,
 *      "entities":[{"kind":"official","label":"Aram Karapetyan",
 *                   "first":"aram","last":"karapetyan","role":"Foreign Minister",
 *                   "aliases":["Karapetyan"]},
 *                  {"kind":"state","id":"state/ARM","label":"Armenia","iso3":"ARM"}],
 *      "mentions":[[ENTITY,SENTENCE,START,END],...],
 *      "relations":[{"rel":"official_of","src":0,"dst":1,"role":"Foreign Minister",
 *                    "at":[SENTENCE,START,END]},
 *                   {"rel":"stated","src":0,"cameo":"010","at":[...],"quote":"...",
 *                    "event_at":[...],"about":[[ENTITY,SENTENCE,START,END],...]}]}]}
 * Members that are absent are not written. A document name that is not
 * valid UTF-8 (a file name can be any bytes) is written as "doc_hex", its
 * bytes in hexadecimal, so that it comes back the same. Any other string
 * with a byte that is not UTF-8 has it written as U+FFFD (extraction only
 * makes valid UTF-8). An official has no "id": it is looked up by name
 * when the record is added to a graph, which is what lets shards be merged
 * into the graph one run over all their documents gives.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "common.h"
#include "extract/extraction.h"
#include "text/utf8.h"

#define SHARD_VERSION 1

/* --- writing ---------------------------------------------------------------- */

typedef struct sink {
    char *p;
    size_t len, cap;
    int error;
} sink;

static void put(sink *o, const char *s, size_t n)
{
    if (o->error)
        return;
    if (kgex__grow((void **)&o->p, &o->cap, o->len + n + 1, 1) < 0) {
        o->error = KGEX_ENOMEM;
        return;
    }
    memcpy(o->p + o->len, s, n);
    o->len += n;
}

static void puts_(sink *o, const char *s)
{
    put(o, s, strlen(s));
}

static void put_size(sink *o, size_t v)
{
    char b[24];

    put(o, b, (size_t)snprintf(b, sizeof(b), "%zu", v));
}

static int valid_utf8(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n;

    while (*u) {
        n = *u < 0x80 ? 1 : kgex__utf8_len(u, (size_t)-1);
        if (n == 0)
            return 0;
        u += n;
    }
    return 1;
}

/* A JSON string: quotes, backslashes and control characters escaped,
 * bytes that are not UTF-8 as U+FFFD. */
static void put_string(sink *o, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0, n;

    put(o, "\"", 1);
    while (u[run]) {
        unsigned char c = u[run];

        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            run++;
            continue;
        }
        n = c >= 0x80 ? kgex__utf8_len(u + run, (size_t)-1) : 0;
        if (n > 0) {
            run += n;
            continue;
        }
        put(o, (const char *)u, run);
        u += run;
        run = 0;
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            put(o, e, 2);
            u++;
        } else if (c < 0x20) {
            char e[8];
            put(o, e, (size_t)snprintf(e, sizeof(e), "\\u%04x", c));
            u++;
        } else {
            size_t bad = 1;
            kgex__utf8_decode(u, (size_t)-1, NULL, &bad);
            put(o, "\xEF\xBF\xBD", 3);
            u += bad;
        }
    }
    put(o, (const char *)u, run);
    put(o, "\"", 1);
}

/* ,"key":"value" when value is not NULL */
static void put_member(sink *o, const char *key, const char *value)
{
    if (!value)
        return;
    put(o, ",\"", 2);
    puts_(o, key);
    put(o, "\":", 2);
    put_string(o, value);
}

/* [A,B,...] of n numbers */
static void put_numbers(sink *o, const size_t *v, size_t n)
{
    size_t i;

    put(o, "[", 1);
    for (i = 0; i < n; i++) {
        if (i)
            put(o, ",", 1);
        put_size(o, v[i]);
    }
    put(o, "]", 1);
}

/* [SENTENCE,START,END] */
static void put_span(sink *o, const kgex__span *at)
{
    size_t v[3];

    v[0] = at->sentence;
    v[1] = at->start;
    v[2] = at->end;
    put_numbers(o, v, 3);
}

/* [ENTITY,SENTENCE,START,END] */
static void put_mention(sink *o, const kgex__xmention *m)
{
    size_t v[4];

    v[0] = m->ent;
    v[1] = m->at.sentence;
    v[2] = m->at.start;
    v[3] = m->at.end;
    put_numbers(o, v, 4);
}

static void put_entity(sink *o, const kgex_extraction *rec, const kgex__xent *e)
{
    size_t k;

    put(o, "{\"kind\":", 8);
    put_string(o, kgex_kind_name(e->kind));
    put_member(o, "id", e->id);
    put_member(o, "label", e->label);
    put_member(o, "first", e->first);
    put_member(o, "last", e->last);
    put_member(o, "role", e->role);
    put_member(o, "iso3", e->iso3);
    put_member(o, "wikidata", e->wikidata);
    if (e->alias_len) {
        puts_(o, ",\"aliases\":[");
        for (k = 0; k < e->alias_len; k++) {
            if (k)
                put(o, ",", 1);
            put_string(o, rec->alias[e->alias + k]);
        }
        put(o, "]", 1);
    }
    put(o, "}", 1);
}

static void put_relation(sink *o, const kgex_extraction *rec, const kgex__xrel *r)
{
    size_t k;

    put(o, "{\"rel\":", 7);
    put_string(o, kgex_relation_name(r->rel));
    puts_(o, ",\"src\":");
    put_size(o, r->src);
    if (r->rel != KGEX_REL_STATED) {
        puts_(o, ",\"dst\":");
        put_size(o, r->dst);
    }
    put_member(o, "role", r->role);
    put_member(o, "cameo", r->cameo);
    put_member(o, "date", r->date);
    puts_(o, ",\"at\":");
    put_span(o, &r->at);
    if (r->rel == KGEX_REL_STATED) {
        put_member(o, "quote", r->quote ? r->quote : "");
        puts_(o, ",\"event_at\":");
        put_span(o, &r->event_at);
        puts_(o, ",\"about\":[");
        for (k = 0; k < r->about_len; k++) {
            if (k)
                put(o, ",", 1);
            put_mention(o, &rec->about[r->about + k]);
        }
        put(o, "]", 1);
    }
    put(o, "}", 1);
}

static void put_doc_name(sink *o, const char *doc)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)doc;

    if (valid_utf8(doc)) {
        put_member(o, "doc", doc);
        return;
    }
    puts_(o, ",\"doc_hex\":\"");
    for (; *u; u++) {
        char b[2] = {hex[*u >> 4], hex[*u & 15]};
        put(o, b, 2);
    }
    put(o, "\"", 1);
}

int kgex_extraction_write(const kgex_extraction *rec, FILE *fp, kgex_error *err)
{
    sink o = {0};
    size_t i, k;
    int error;

    KGEX_ASSERT_ARG(rec && fp, err);
    puts_(&o, "{\"kgex_shard\":1");
    put_doc_name(&o, rec->doc);
    put_member(&o, "date", rec->date[0] ? rec->date : NULL);
    puts_(&o, ",\"pieces\":[");
    for (i = 0; i < rec->piece_len; i++) {
        const kgex__xpiece *pc = &rec->piece[i];

        if (i)
            put(&o, ",", 1);
        puts_(&o, "{\"sentences\":");
        put_size(&o, pc->sentences);
        puts_(&o, ",\"entities\":[");
        for (k = 0; k < pc->ent_len; k++) {
            if (k)
                put(&o, ",", 1);
            put_entity(&o, rec, &rec->ent[pc->ent + k]);
        }
        puts_(&o, "],\"mentions\":[");
        for (k = 0; k < pc->men_len; k++) {
            if (k)
                put(&o, ",", 1);
            put_mention(&o, &rec->men[pc->men + k]);
        }
        puts_(&o, "],\"relations\":[");
        for (k = 0; k < pc->rel_len; k++) {
            if (k)
                put(&o, ",", 1);
            put_relation(&o, rec, &rec->rel[pc->rel + k]);
        }
        puts_(&o, "]}");
    }
    puts_(&o, "]}\n");
    error = o.error;
    if (error == KGEX_OK && fwrite(o.p, 1, o.len, fp) != o.len)
        error = kgex__error_set(err, KGEX_EIO, "cannot write the shard of '%s'", rec->doc);
    kgex__free(o.p);
    return error;
}

/* --- reading ---------------------------------------------------------------- */

/* Where in the record a reader is, for messages: "pieces[0].entities[3]". */
typedef struct where {
    char path[96];
} where;

static int bad(kgex_error *err, const where *w, const char *key, const char *why)
{
    return kgex__error_at(err, KGEX_EPARSE, NULL, 1, 1, "%s%s%s: %s", w->path,
                          w->path[0] && key ? "." : "", key ? key : "", why);
}

/* Optional string member: *out NULL when absent. */
static int opt_string(const json_t *obj, const char *key, const char **out, const where *w,
                      kgex_error *err)
{
    const json_t *v = json_object_get(obj, key);

    *out = NULL;
    if (!v)
        return KGEX_OK;
    if (!json_is_string(v))
        return bad(err, w, key, "not a string");
    *out = json_string_value(v);
    return KGEX_OK;
}

static int req_string(const json_t *obj, const char *key, const char **out, const where *w,
                      kgex_error *err)
{
    int error = opt_string(obj, key, out, w, err);

    if (error == KGEX_OK && !*out)
        return bad(err, w, key, "missing");
    return error;
}

/* Non-negative integer into *out. */
static int number(const json_t *v, size_t *out)
{
    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return -1;
    *out = (size_t)json_integer_value(v);
    return 0;
}

/* An array of exactly n non-negative integers. */
static int numbers(const json_t *v, size_t *out, size_t n, const where *w, const char *key,
                   kgex_error *err)
{
    size_t i;

    if (!json_is_array(v) || json_array_size(v) != n)
        return bad(err, w, key,
                   n == 3 ? "not [SENTENCE,START,END]" : "not [ENTITY,SENTENCE,START,END]");
    for (i = 0; i < n; i++) {
        if (number(json_array_get(v, i), &out[i]) < 0)
            return bad(err, w, key, "not a number of 0 or more");
    }
    return KGEX_OK;
}

static int span_member(const json_t *obj, const char *key, kgex__span *at, const where *w,
                       kgex_error *err)
{
    size_t v[3];
    int error = numbers(json_object_get(obj, key), v, 3, w, key, err);

    at->sentence = v[0];
    at->start = v[1];
    at->end = v[2];
    return error;
}

/* [ENTITY,SENTENCE,START,END] with ENTITY below ents. */
static int mention_of(const json_t *v, size_t ents, kgex__xmention *m, const where *w,
                      kgex_error *err)
{
    size_t n[4];
    int error = numbers(v, n, 4, w, NULL, err);

    if (error < 0)
        return error;
    if (n[0] >= ents)
        return bad(err, w, NULL, "no such entity in this piece");
    m->ent = n[0];
    m->at.sentence = n[1];
    m->at.start = n[2];
    m->at.end = n[3];
    return KGEX_OK;
}

static int read_entity(kgex_extraction *rec, const json_t *obj, const where *w, kgex_error *err)
{
    static const char *const kinds[] = {"state", "organization", "official"};
    const json_t *aliases;
    const char *kind;
    kgex__xent e;
    size_t k;
    int error;

    memset(&e, 0, sizeof(e));
    if (!json_is_object(obj))
        return bad(err, w, NULL, "not an object");
    error = req_string(obj, "kind", &kind, w, err);
    if (error < 0)
        return error;
    for (k = 0; k < 3 && strcmp(kind, kinds[k]) != 0; k++)
        ;
    if (k == 3)
        return bad(err, w, "kind", "not state, organization or official");
    e.kind = (kgex_kind)k;
    error = req_string(obj, "label", &e.label, w, err);
    if (error == KGEX_OK)
        error = opt_string(obj, "role", &e.role, w, err);
    if (error == KGEX_OK)
        error = opt_string(obj, "iso3", &e.iso3, w, err);
    if (error == KGEX_OK)
        error = opt_string(obj, "wikidata", &e.wikidata, w, err);
    if (error == KGEX_OK && e.kind == KGEX_KIND_OFFICIAL)
        error = req_string(obj, "first", &e.first, w, err);
    if (error == KGEX_OK && e.kind == KGEX_KIND_OFFICIAL)
        error = req_string(obj, "last", &e.last, w, err);
    if (error == KGEX_OK && e.kind != KGEX_KIND_OFFICIAL)
        error = req_string(obj, "id", &e.id, w, err);
    if (error == KGEX_OK && e.id && !strchr(e.id, '/'))
        error = bad(err, w, "id", "not of the form KIND/NAME");
    if (error == KGEX_OK)
        error = kgex__extraction_entity(rec, &e, NULL);
    if (error < 0)
        return error;
    aliases = json_object_get(obj, "aliases");
    if (aliases && !json_is_array(aliases))
        return bad(err, w, "aliases", "not an array");
    for (k = 0; aliases && k < json_array_size(aliases); k++) {
        const json_t *a = json_array_get(aliases, k);

        if (!json_is_string(a))
            return bad(err, w, "aliases", "not an array of strings");
        error = kgex__extraction_alias(rec, json_string_value(a));
        if (error < 0)
            return error;
    }
    return KGEX_OK;
}

static int read_relation(kgex_extraction *rec, const json_t *obj, size_t ents, where *w,
                         kgex_error *err)
{
    const json_t *about;
    const char *rel, *quote = NULL;
    kgex__xrel r;
    size_t k, base = strlen(w->path);
    int error;

    memset(&r, 0, sizeof(r));
    if (!json_is_object(obj))
        return bad(err, w, NULL, "not an object");
    error = req_string(obj, "rel", &rel, w, err);
    if (error < 0)
        return error;
    for (k = 0; k < KGEX_REL_ABOUT && strcmp(rel, kgex_relation_name((kgex_relation)k)) != 0; k++)
        ;
    if (k == KGEX_REL_ABOUT)
        return bad(err, w, "rel", "not a relation kgex reads");
    r.rel = (kgex_relation)k;
    if (number(json_object_get(obj, "src"), &r.src) < 0 || r.src >= ents)
        return bad(err, w, "src", "not an entity of this piece");
    if (r.rel != KGEX_REL_STATED &&
        (number(json_object_get(obj, "dst"), &r.dst) < 0 || r.dst >= ents))
        return bad(err, w, "dst", "not an entity of this piece");
    error = opt_string(obj, "role", &r.role, w, err);
    if (error == KGEX_OK)
        error = opt_string(obj, "cameo", &r.cameo, w, err);
    if (error == KGEX_OK)
        error = opt_string(obj, "date", &r.date, w, err);
    if (error == KGEX_OK)
        error = span_member(obj, "at", &r.at, w, err);
    if (error == KGEX_OK && r.rel == KGEX_REL_STATED)
        error = req_string(obj, "quote", &quote, w, err);
    if (error == KGEX_OK && r.rel == KGEX_REL_STATED)
        error = span_member(obj, "event_at", &r.event_at, w, err);
    if (error == KGEX_OK)
        error = kgex__extraction_relation(rec, &r, quote, quote ? strlen(quote) : 0);
    if (error < 0 || r.rel != KGEX_REL_STATED)
        return error;
    about = json_object_get(obj, "about");
    if (!json_is_array(about))
        return bad(err, w, "about", "not an array");
    for (k = 0; k < json_array_size(about); k++) {
        kgex__xmention m;

        snprintf(w->path + base, sizeof(w->path) - base, ".about[%zu]", k);
        error = mention_of(json_array_get(about, k), ents, &m, w, err);
        if (error == KGEX_OK)
            error = kgex__extraction_about(rec, m.ent, &m.at);
        if (error < 0)
            return error;
    }
    w->path[base] = '\0';
    return KGEX_OK;
}

/* One element of "pieces". */
static int read_piece(kgex_extraction *rec, const json_t *obj, size_t i, kgex_error *err)
{
    const json_t *ents, *mens, *rels;
    size_t k, n;
    where w;
    int error;

    snprintf(w.path, sizeof(w.path), "pieces[%zu]", i);
    if (!json_is_object(obj))
        return bad(err, &w, NULL, "not an object");
    error = kgex__extraction_piece(rec);
    if (error < 0)
        return error;
    if (number(json_object_get(obj, "sentences"), &rec->piece[rec->piece_len - 1].sentences) < 0)
        return bad(err, &w, "sentences", "not a number of 0 or more");
    ents = json_object_get(obj, "entities");
    mens = json_object_get(obj, "mentions");
    rels = json_object_get(obj, "relations");
    if (!json_is_array(ents) || !json_is_array(mens) || !json_is_array(rels))
        return bad(err, &w, NULL, "needs the arrays entities, mentions and relations");
    n = json_array_size(ents);
    for (k = 0; k < n; k++) {
        snprintf(w.path, sizeof(w.path), "pieces[%zu].entities[%zu]", i, k);
        error = read_entity(rec, json_array_get(ents, k), &w, err);
        if (error < 0)
            return error;
    }
    for (k = 0; k < json_array_size(mens); k++) {
        kgex__xmention m;

        snprintf(w.path, sizeof(w.path), "pieces[%zu].mentions[%zu]", i, k);
        error = mention_of(json_array_get(mens, k), n, &m, &w, err);
        if (error == KGEX_OK)
            error = kgex__extraction_mention(rec, m.ent, &m.at);
        if (error < 0)
            return error;
    }
    for (k = 0; k < json_array_size(rels); k++) {
        snprintf(w.path, sizeof(w.path), "pieces[%zu].relations[%zu]", i, k);
        error = read_relation(rec, json_array_get(rels, k), n, &w, err);
        if (error < 0)
            return error;
    }
    return KGEX_OK;
}

/* The document name: "doc", or "doc_hex" decoded, into a new string. */
static int doc_name(const json_t *root, char **out, kgex_error *err)
{
    const json_t *doc = json_object_get(root, "doc"), *hex = json_object_get(root, "doc_hex");
    where w = {""};
    const char *h;
    size_t n, i;

    *out = NULL;
    if (json_is_string(doc)) {
        *out = kgex__strdup(json_string_value(doc));
        return *out ? KGEX_OK : KGEX_ENOMEM;
    }
    if (!json_is_string(hex))
        return bad(err, &w, "doc", "missing");
    h = json_string_value(hex);
    n = strlen(h);
    if (n % 2)
        return bad(err, &w, "doc_hex", "not hexadecimal bytes");
    *out = kgex__malloc(n / 2 + 1);
    if (!*out)
        return KGEX_ENOMEM;
    for (i = 0; i < n / 2; i++) {
        unsigned v;

        if (sscanf(h + 2 * i, "%2x", &v) != 1 || !v) {
            kgex__free(*out);
            *out = NULL;
            return bad(err, &w, "doc_hex", "not hexadecimal bytes");
        }
        (*out)[i] = (char)v;
    }
    (*out)[n / 2] = '\0';
    return KGEX_OK;
}

int kgex_extraction_parse(kgex_extraction **out, const char *line, size_t len, kgex_error *err)
{
    kgex_extraction *rec = NULL;
    json_t *root = NULL;
    const json_t *pieces, *version;
    json_error_t jerr;
    const char *date = NULL;
    char *doc = NULL;
    where w = {""};
    size_t i;
    int error;

    KGEX_ASSERT_ARG(out && (line || len == 0), err);
    *out = NULL;
    root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        error = json_error_code(&jerr) == json_error_out_of_memory
                    ? KGEX_ENOMEM
                    : kgex__error_at(err, KGEX_EPARSE, NULL, 1, jerr.column > 0 ? jerr.column : 1,
                                     "not JSON: %s", jerr.text);
        goto done;
    }
    version = json_object_get(root, "kgex_shard");
    if (!json_is_object(root) || !json_is_integer(version)) {
        error = kgex__error_at(err, KGEX_EPARSE, NULL, 1, 1,
                               "not a kgex shard record (no \"kgex_shard\" number)");
        goto done;
    }
    if (json_integer_value(version) != SHARD_VERSION) {
        error = kgex__error_at(err, KGEX_EPARSE, NULL, 1, 1,
                               "shard version %" JSON_INTEGER_FORMAT " (this kgex reads %d)",
                               json_integer_value(version), SHARD_VERSION);
        goto done;
    }
    error = doc_name(root, &doc, err);
    if (error == KGEX_OK)
        error = opt_string(root, "date", &date, &w, err);
    if (error == KGEX_OK && date && strlen(date) >= sizeof(rec->date))
        error = bad(err, &w, "date", "too long");
    if (error == KGEX_OK)
        error = kgex__extraction_new(&rec, doc);
    if (error < 0)
        goto done;
    if (date)
        strcpy(rec->date, date);
    pieces = json_object_get(root, "pieces");
    if (!json_is_array(pieces)) {
        error = bad(err, &w, "pieces", "not an array");
        goto done;
    }
    for (i = 0; i < json_array_size(pieces); i++) {
        error = read_piece(rec, json_array_get(pieces, i), i, err);
        if (error < 0)
            goto done;
    }
    *out = rec;
    rec = NULL;
done:
    kgex_extraction_free(rec);
    kgex__free(doc);
    json_decref(root);
    return error;
}
