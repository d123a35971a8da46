/*
 * jsonl.c - one line of JSON Lines into a document's name, date and text
 * (see kgex/jsonl.h), with jansson.
 */
#include "kgex/jsonl.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "common.h"
#include "extract/dates.h"

struct kgex_jsonl_doc {
    json_t *root; /* owns the strings below but id_buf and date */
    const char *id, *url, *text;
    size_t text_len;
    char id_buf[24]; /* an integer id as text */
    char date[11];
    char warning[128];
};

void kgex_jsonl_free(kgex_jsonl_doc *d)
{
    if (!d)
        return;
    json_decref(d->root);
    kgex__free(d);
}

/* The string member `key` of `obj` into *out (NULL when absent). */
static int string_member(const json_t *obj, const char *key, const char **out, kgex_error *err)
{
    const json_t *v = json_object_get(obj, key);

    *out = NULL;
    if (!v || json_is_null(v))
        return KGEX_OK;
    if (!json_is_string(v))
        return kgex__error_at(err, KGEX_EPARSE, NULL, 1, 1, "\"%s\" is not a string", key);
    *out = json_string_value(v);
    return KGEX_OK;
}

/* "YYYY-MM-DD", or the date of an ISO 8601 date-time, into d->date. */
static void read_date(kgex_jsonl_doc *d, const char *s)
{
    int ymd[3];

    if (kgex__date_read_ymd(ymd, s, 0) == 10 && (s[10] == '\0' || s[10] == 'T' || s[10] == ' ')) {
        memcpy(d->date, s, 10);
        d->date[10] = '\0';
        return;
    }
    snprintf(d->warning, sizeof(d->warning), "date '%.40s' is not a date, left out", s);
}

int kgex_jsonl_parse(kgex_jsonl_doc **out, const char *line, size_t len, kgex_error *err)
{
    kgex_jsonl_doc *d = NULL;
    json_error_t jerr;
    const json_t *v;
    const char *date = NULL;
    int error = KGEX_OK;

    KGEX_ASSERT_ARG(out && (line || len == 0), err);
    *out = NULL;
    if (len > 0 && line[len - 1] == '\r')
        len--;
    d = kgex__calloc(1, sizeof(*d));
    if (!d)
        return KGEX_ENOMEM;
    d->root = json_loadb(line, len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &jerr);
    if (!d->root && json_error_code(&jerr) == json_error_out_of_memory) {
        error = KGEX_ENOMEM;
        goto done;
    }
    if (!d->root) {
        error = kgex__error_at(err, KGEX_EPARSE, NULL, 1, jerr.column > 0 ? jerr.column : 1,
                               "not JSON: %s", jerr.text);
        goto done;
    }
    if (!json_is_object(d->root)) {
        error = kgex__error_at(err, KGEX_EPARSE, NULL, 1, 1, "not a JSON object");
        goto done;
    }
    v = json_object_get(d->root, "text");
    if (!json_is_string(v)) {
        error = kgex__error_at(err, KGEX_EPARSE, NULL, 1, 1,
                               v ? "\"text\" is not a string" : "no \"text\"");
        goto done;
    }
    d->text = json_string_value(v);
    d->text_len = json_string_length(v);
    v = json_object_get(d->root, "id");
    if (json_is_integer(v)) {
        snprintf(d->id_buf, sizeof(d->id_buf), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        d->id = d->id_buf;
    } else if (v && !json_is_string(v) && !json_is_null(v)) {
        error = kgex__error_at(err, KGEX_EPARSE, NULL, 1, 1,
                               "\"id\" is neither a string nor an integer");
        goto done;
    } else {
        d->id = json_string_value(v); /* NULL when absent or null */
    }
    error = string_member(d->root, "url", &d->url, err);
    if (error == KGEX_OK)
        error = string_member(d->root, "date", &date, err);
    if (error < 0)
        goto done;
    if (date)
        read_date(d, date);
    *out = d;
    d = NULL;
done:
    kgex_jsonl_free(d);
    return error;
}

const char *kgex_jsonl_id(const kgex_jsonl_doc *d)
{
    return d && d->id && d->id[0] ? d->id : NULL;
}

const char *kgex_jsonl_url(const kgex_jsonl_doc *d)
{
    return d && d->url && d->url[0] ? d->url : NULL;
}

const char *kgex_jsonl_name(const kgex_jsonl_doc *d)
{
    return kgex_jsonl_id(d) ? kgex_jsonl_id(d) : kgex_jsonl_url(d);
}

const char *kgex_jsonl_date(const kgex_jsonl_doc *d)
{
    return d && d->date[0] ? d->date : NULL;
}

const char *kgex_jsonl_text(const kgex_jsonl_doc *d, size_t *len_out)
{
    if (len_out)
        *len_out = d ? d->text_len : 0;
    return d ? d->text : NULL;
}

const char *kgex_jsonl_warning(const kgex_jsonl_doc *d)
{
    return d && d->warning[0] ? d->warning : NULL;
}
