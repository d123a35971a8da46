/*
 * escape.c - string preparation for the writers; see escape.h.
 */
#include "export/escape.h"

#include <stdio.h>
#include <string.h>

#include "common.h"

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

/* Length of the valid UTF-8 sequence at s (1..4) and its code point, or 0
 * when the bytes at s do not start one. */
static size_t utf8_decode(const unsigned char *s, unsigned long *cp)
{
    unsigned long c;
    size_t len, i;

    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        len = 2;
        c = s[0] & 0x1F;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        len = 3;
        c = s[0] & 0x0F;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        len = 4;
        c = s[0] & 0x07;
    } else {
        return 0;
    }
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) /* also stops at the NUL */
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)))
        return 0; /* overlong or out of range */
    if (c >= 0xD800 && c <= 0xDFFF)
        return 0; /* surrogate */
    *cp = c;
    return len;
}

int kgex__escape_text(kgex__escape_buf *buf, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    int error = KGEX_OK;

    error = kgex__escape_buf_put(buf, "", 0);
    while (error == KGEX_OK && *p) {
        unsigned long cp;
        size_t len = utf8_decode(p, &cp);

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
