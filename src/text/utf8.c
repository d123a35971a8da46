/*
 * utf8.c - UTF-8 decoding and encoding (see utf8.h).
 */
#include "text/utf8.h"

size_t kgex__utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp, size_t *bad_len)
{
    unsigned char c, lo = 0x80, hi = 0xBF;
    uint32_t value;
    size_t n, k;

    if (bad_len)
        *bad_len = 1;
    if (avail == 0)
        return 0;
    c = s[0];
    if (c < 0x80) {
        if (cp)
            *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        value = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        value = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0; /* no overlong forms */
        else if (c == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        value = c & 0x07;
        if (c == 0xF0)
            lo = 0x90; /* no overlong forms */
        else if (c == 0xF4)
            hi = 0x8F; /* nothing above U+10FFFF */
    } else {
        return 0;
    }
    /* the second byte has the narrower range; the others are any 80..BF */
    for (k = 1; k < n; k++) {
        if (k >= avail || s[k] < (k == 1 ? lo : 0x80) || s[k] > (k == 1 ? hi : 0xBF)) {
            if (bad_len)
                *bad_len = k;
            return 0;
        }
        value = (value << 6) | (s[k] & 0x3F);
    }
    if (cp)
        *cp = value;
    return n;
}

size_t kgex__utf8_len(const unsigned char *s, size_t avail)
{
    return kgex__utf8_decode(s, avail, NULL, NULL);
}

size_t kgex__utf8_encode(char *w, uint32_t cp)
{
    if (cp < 0x80) {
        w[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        w[0] = (char)(0xC0 | (cp >> 6));
        w[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        w[0] = (char)(0xE0 | (cp >> 12));
        w[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        w[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    w[0] = (char)(0xF0 | (cp >> 18));
    w[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    w[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    w[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
