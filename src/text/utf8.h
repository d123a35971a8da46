/*
 * utf8.h - the one UTF-8 decoder and encoder of the library, used by the
 * document reader (input/), the tokenizer (text/) and the writers'
 * scrubbing (export/escape.c). Strict: overlong forms, surrogates and code
 * points above U+10FFFF are invalid. Private to the library.
 */
#ifndef KGEX_TEXT_UTF8_H
#define KGEX_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length (1..4) of the valid UTF-8 sequence at s[0, avail), with its code
 * point in *cp (cp may be NULL); or 0 when the bytes there do not start
 * one, with *bad_len (may be NULL) set to the length of the maximal
 * invalid subpart, the bytes one U+FFFD replaces as the Unicode standard
 * recommends (1 when avail is 0). Bytes are read in order and reading
 * stops at the first one that cannot continue the sequence, so a
 * NUL-terminated string may be passed with avail SIZE_MAX. */
size_t kgex__utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp, size_t *bad_len);

/* kgex__utf8_decode() without the code point: the length, or 0. */
size_t kgex__utf8_len(const unsigned char *s, size_t avail);

/* Write code point cp (at most U+10FFFF, not a surrogate) as UTF-8 to w,
 * which has room for 4 bytes; returns the number of bytes written. */
size_t kgex__utf8_encode(char *w, uint32_t cp);

#endif
