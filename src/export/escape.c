/*
 * escape.c - string preparation for the writers; see escape.h.
 */
#include "export/escape.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "common.h"
#include "text/utf8.h"

static const char hex_digits[] = "0123456789ABCDEF";

void kgex__escape_buf_free(kgex__escape_buf *buf)
{
    if (!buf)
        return;
    kgex__free(buf->ptr);
    buf->ptr = NULL;
    buf->len = 0;
    buf->cap = 0;
}

int kgex__escape_buf_put(kgex__escape_buf *buf, const char *s, size_t len)
{
    int error;

    if (len > ((size_t)-1) - buf->len - 1)
        return KGEX_ENOMEM;
    error = kgex__grow((void **)&buf->ptr, &buf->cap, buf->len + len + 1, 1);
    if (error < 0)
        return error;
    if (len)
        memcpy(buf->ptr + buf->len, s, len);
    buf->len += len;
    buf->ptr[buf->len] = '\0';
    return KGEX_OK;
}

int kgex__escape_buf_puts(kgex__escape_buf *buf, const char *s)
{
    return kgex__escape_buf_put(buf, s, strlen(s));
}

int kgex__escape_buf_reset(kgex__escape_buf *buf)
{
    buf->len = 0;
    return kgex__escape_buf_put(buf, "", 0);
}

static int put_hex(kgex__escape_buf *buf, char lead, unsigned char byte)
{
    char tmp[3];

    tmp[0] = lead;
    tmp[1] = hex_digits[byte >> 4];
    tmp[2] = hex_digits[byte & 15];
    return kgex__escape_buf_put(buf, tmp, 3);
}

int kgex__escape_text(kgex__escape_buf *buf, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    int error = KGEX_OK;

    error = kgex__escape_buf_put(buf, "", 0);
    while (error == KGEX_OK && *p) {
        uint32_t cp;
        size_t len = kgex__utf8_decode(p, SIZE_MAX, &cp, NULL); /* stops at the NUL */

        if (len == 0) {
            error = kgex__escape_buf_put(buf, "\xEF\xBF\xBD", 3);
            p++;
            continue;
        }
        if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF) {
            p += len;
            continue;
        }
        error = kgex__escape_buf_put(buf, (const char *)p, len);
        p += len;
    }
    return error;
}

static int is_unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

int kgex__escape_iri(kgex__escape_buf *buf, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *segment = p;
    int error;

    error = kgex__escape_buf_put(buf, "", 0);
    for (; error == KGEX_OK && *p; p++) {
        if (*p == '/') {
            segment = p + 1;
            error = kgex__escape_buf_put(buf, "/", 1);
        } else if (*p == '.' && p == segment &&
                   (p[1] == '\0' || p[1] == '/' ||
                    (p[1] == '.' && (p[2] == '\0' || p[2] == '/')))) {
            /* "." or ".." segment: encode its dots */
            error = put_hex(buf, '%', '.');
            if (error == KGEX_OK && p[1] == '.') {
                error = put_hex(buf, '%', '.');
                p++;
            }
        } else if (is_unreserved(*p)) {
            error = kgex__escape_buf_put(buf, (const char *)p, 1);
        } else {
            error = put_hex(buf, '%', *p);
        }
    }
    return error;
}

int kgex__escape_nmtoken(kgex__escape_buf *buf, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    int error;

    error = kgex__escape_buf_put(buf, "", 0);
    for (; error == KGEX_OK && *p; p++) {
        unsigned char c = *p;

        if (c == '/')
            error = kgex__escape_buf_put(buf, ":", 1);
        else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '-')
            error = kgex__escape_buf_put(buf, (const char *)p, 1);
        else
            error = put_hex(buf, '_', c);
    }
    if (error == KGEX_OK && buf->len == 0)
        error = kgex__escape_buf_put(buf, "_", 1); /* an NMTOKEN is never empty */
    return error;
}

static int needs_pct(unsigned char c)
{
    return c == '%' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int kgex__escape_provenance(kgex__escape_buf *buf, const kgex_provenance *prov)
{
    kgex__escape_buf doc = {0};
    char nums[96];
    size_t start = buf->len, i;
    int error;

    /* scrub the name in place; redo with percent-encoding only when needed */
    error = kgex__escape_text(buf, prov->doc ? prov->doc : "");
    for (i = start; error == KGEX_OK && i < buf->len; i++) {
        if (needs_pct((unsigned char)buf->ptr[i]))
            break;
    }
    if (error == KGEX_OK && i < buf->len) {
        error = kgex__escape_buf_put(&doc, buf->ptr + start, buf->len - start);
        buf->len = start;
        for (i = 0; error == KGEX_OK && i < doc.len; i++) {
            unsigned char c = (unsigned char)doc.ptr[i];

            if (needs_pct(c))
                error = put_hex(buf, '%', c);
            else
                error = kgex__escape_buf_put(buf, doc.ptr + i, 1);
        }
    }
    if (error == KGEX_OK) {
        snprintf(nums, sizeof(nums), "#%zu:%zu-%zu", prov->sentence, prov->start, prov->end);
        error = kgex__escape_buf_puts(buf, nums);
    }
    kgex__escape_buf_free(&doc);
    return error;
}

int kgex__escape_provenance_list(kgex__escape_buf *buf, const kgex_provenance *prov, size_t len)
{
    size_t i;
    int error = kgex__escape_buf_put(buf, "", 0);

    for (i = 0; error == KGEX_OK && i < len; i++) {
        if (i > 0)
            error = kgex__escape_buf_put(buf, " ", 1);
        if (error == KGEX_OK)
            error = kgex__escape_provenance(buf, &prov[i]);
    }
    return error;
}

int kgex__escape_join(kgex__escape_buf *buf, char *const *items, size_t len, const char *sep)
{
    size_t i;
    int error = kgex__escape_buf_put(buf, "", 0);

    for (i = 0; error == KGEX_OK && i < len; i++) {
        if (i > 0)
            error = kgex__escape_buf_puts(buf, sep);
        if (error == KGEX_OK)
            error = kgex__escape_text(buf, items[i]);
    }
    return error;
}
