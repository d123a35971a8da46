/*
 * message.c - messages of the kgex command on standard error; see cli.h.
 *
 * Names come from the file system or the command line and may hold any
 * byte but NUL. Valid UTF-8 text is printed as it is, except the C0 and C1
 * control characters and DEL; those and every byte of an invalid sequence
 * are printed as \xHH.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s (lead byte >= 0x80), else 0. */
static size_t utf8_len(const unsigned char *s)
{
    size_t n, k;

    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        n = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        n = 3;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        n = 4;
    else
        return 0;
    for (k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    }
    if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) ||
        (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] > 0x8F))
        return 0; /* overlong, surrogate or above U+10FFFF */
    return n;
}

void kgex_cli_put_safe(FILE *fp, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    while (*p) {
        size_t n = *p < 0x80 ? 1 : utf8_len(p);

        if (n == 1 && *p >= 0x20 && *p != 0x7F) {
            fputc(*p, fp);
        } else if (n > 1 && !(p[0] == 0xC2 && p[1] < 0xA0)) {
            fwrite(p, 1, n, fp);
        } else {
            size_t k;

            if (n == 0)
                n = 1;
            for (k = 0; k < n; k++)
                fprintf(fp, "\\x%02X", p[k]);
        }
        p += n;
    }
}

/* "kgex: NAME[:LINE:COLUMN]: TEXT\n" */
static void emit(const char *name, int line, int column, const char *text)
{
    fputs(KGEX_CLI_NAME ": ", stderr);
    if (name) {
        kgex_cli_put_safe(stderr, name);
        if (line > 0)
            fprintf(stderr, ":%d:%d", line, column);
        fputs(": ", stderr);
    }
    kgex_cli_put_safe(stderr, text);
    fputc('\n', stderr);
}

void kgex_cli_say(const char *name, const char *fmt, ...)
{
    char small[512];
    char *text = small;
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof(small)) {
        text = malloc((size_t)n + 1);
        if (text) {
            va_start(ap, fmt);
            vsnprintf(text, (size_t)n + 1, fmt, ap);
            va_end(ap);
        } else {
            text = small; /* cut, rather than nothing */
        }
    }
    emit(name, 0, 0, n < 0 ? fmt : text);
    if (text != small)
        free(text);
}

void kgex_cli_say_error(const char *name, const kgex_error *err, int code)
{
    if (!name && err->source[0])
        name = err->source;
    emit(name, err->line, err->column, err->message[0] ? err->message : kgex_strerror(code));
}
