/*
 * document.c - one input document as clean UTF-8 text; see kgex/input.h.
 *
 * Pipeline: read the bytes (size cap checked first) -> byte order mark
 * (UTF-8: dropped; UTF-16 LE/BE: decoded to UTF-8) -> binary check on the
 * first 8 KiB -> for text, one pass that replaces invalid UTF-8 and late NUL
 * bytes by U+FFFD and turns CRLF / CR into LF; for HTML, libxml2's HTML
 * parser and a walk over the tree that keeps the article blocks, then the
 * same cleaning pass over the extracted text.
 *
 * Memory: a clean UTF-8 file is used in place (one buffer the size of the
 * file); otherwise the cleaned copy is allocated at its exact size and the
 * input buffer freed, so the peak is about twice the file. Everything is
 * allocated with kgex__malloc (libxml2 with its own xmlMalloc). This file
 * does not print; warnings are kept on the document.
 */
#define _POSIX_C_SOURCE 200809L

#include "kgex/input.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "common.h"
#include "extract/dates.h"
#include "text/utf8.h"

#define SNIFF_LEN    8192 /* bytes examined for the binary check */
#define MAX_WARNINGS 4

struct kgex_document {
    char *text; /* NUL-terminated, len bytes */
    size_t len;
    char *title;
    char *date;
    unsigned flags;
    size_t invalid, invalid_first; /* invalid sequences / unpaired surrogates */
    size_t nul, nul_first;         /* NUL bytes replaced */
    size_t warnings_len;
    char warnings[MAX_WARNINGS][160];
};

/* A growable byte buffer (always NUL-terminated once anything is added). */
typedef struct sbuf {
    char *p;
    size_t len, cap;
} sbuf;

static int sbuf_add(sbuf *b, const char *s, size_t n)
{
    if (n > ((size_t)-1) - b->len - 1)
        return KGEX_ENOMEM;
    if (kgex__grow((void **)&b->p, &b->cap, b->len + n + 1, 1) < 0)
        return KGEX_ENOMEM;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return KGEX_OK;
}

static void add_warning(kgex_document *doc, const char *fmt, size_t a, size_t b)
{
    if (doc->warnings_len < MAX_WARNINGS) {
        snprintf(doc->warnings[doc->warnings_len], sizeof(doc->warnings[0]), fmt, a, b,
                 b == 1 ? "" : "s");
        doc->warnings_len++;
    }
}

/* ---- UTF-8 cleaning ---------------------------------------------------- */

static const char replacement[3] = {'\xEF', '\xBF', '\xBD'}; /* U+FFFD */

/* Look for signs of a binary file in the first SNIFF_LEN bytes. */
static int check_binary(const unsigned char *s, size_t len, size_t base, const char *name,
                        kgex_error *err)
{
    size_t n = len < SNIFF_LEN ? len : SNIFF_LEN, i, ctl = 0;
    const unsigned char *nul = memchr(s, 0, n);

    if (nul)
        return kgex__error_at(err, KGEX_EPARSE, name, 0, 0, "binary file (NUL byte at offset %zu)",
                              base + (size_t)(nul - s));
    for (i = 0; i < n; i++) {
        if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\v' && s[i] != '\f' &&
             s[i] != '\r') ||
            s[i] == 0x7F)
            ctl++;
    }
    if (n > 0 && ctl * 10 > n * 3)
        return kgex__error_at(err, KGEX_EPARSE, name, 0, 0,
                              "binary file (%zu%% control bytes in the first %zu)", ctl * 100 / n,
                              n);
    return KGEX_OK;
}

/* Clean `in` (len bytes, allocated with room for len + 1): invalid UTF-8
 * and NUL -> U+FFFD, CRLF and CR -> LF. `base` is the file offset of in[0]
 * (for messages). On success *out is either `in` itself (ownership stays
 * with the caller's pointer, which is then set to NULL) or a new buffer
 * (and `in` is freed); either way *in_owner becomes NULL. */
static int clean_utf8(kgex_document *doc, char **in_owner, size_t len, size_t base, char **out,
                      size_t *out_len)
{
    const unsigned char *s = (const unsigned char *)*in_owner;
    size_t i = 0, need = 0, bad, n;
    int changed = 0;
    char *dst, *w;

    if (len > ((size_t)-1 - 1) / 3)
        return KGEX_ENOMEM;
    /* pass 1: the size of the result */
    while (i < len) {
        unsigned char c = s[i];

        if (c >= 0x20 && c < 0x80) {
            i++;
            need++;
        } else if (c < 0x80) {
            if (c == '\r') {
                changed = 1;
                need++;
                i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
            } else if (c == 0) {
                changed = 1;
                need += 3;
                i++;
            } else {
                i++;
                need++;
            }
        } else {
            n = kgex__utf8_decode(s + i, len - i, NULL, &bad);
            if (n) {
                i += n;
                need += n;
            } else {
                changed = 1;
                i += bad;
                need += 3;
            }
        }
    }
    if (!changed) {
        (*in_owner)[len] = '\0';
        *out = *in_owner;
        *in_owner = NULL;
        *out_len = len;
        return KGEX_OK;
    }
    dst = kgex__malloc(need + 1);
    if (!dst)
        return KGEX_ENOMEM;
    /* pass 2: copy */
    w = dst;
    i = 0;
    while (i < len) {
        unsigned char c = s[i];

        if (c >= 0x20 && c < 0x80) {
            *w++ = (char)c;
            i++;
        } else if (c == '\r') {
            doc->flags |= KGEX_DOC_CRLF;
            *w++ = '\n';
            i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
        } else if (c == 0) {
            if (doc->nul++ == 0)
                doc->nul_first = base + i;
            doc->flags |= KGEX_DOC_NUL;
            memcpy(w, replacement, 3);
            w += 3;
            i++;
        } else if (c < 0x80) {
            *w++ = (char)c;
            i++;
        } else {
            n = kgex__utf8_decode(s + i, len - i, NULL, &bad);
            if (n) {
                memcpy(w, s + i, n);
                w += n;
                i += n;
            } else {
                if (doc->invalid++ == 0)
                    doc->invalid_first = base + i;
                doc->flags |= KGEX_DOC_INVALID_UTF8;
                memcpy(w, replacement, 3);
                w += 3;
                i += bad;
            }
        }
    }
    *w = '\0';
    kgex__free(*in_owner);
    *in_owner = NULL;
    *out = dst;
    *out_len = (size_t)(w - dst);
    return KGEX_OK;
}

/* ---- UTF-16 ------------------------------------------------------------ */

/* Decode UTF-16 (after the 2-byte BOM) into a new UTF-8 buffer. A U+0000
 * in the first SNIFF_LEN bytes makes the file binary; later ones, unpaired
 * surrogates and an odd last byte become U+FFFD. */
static int decode_utf16(kgex_document *doc, const unsigned char *s, size_t len, int big,
                        const char *name, char **out, size_t *out_len, kgex_error *err)
{
    size_t i, units = len / 2, cap;
    char *dst, *w;

    /* each 2-byte unit gives at most 3 bytes (a pair of 4 bytes gives 4) */
    if (units > ((size_t)-1 - 8) / 3)
        return kgex__error_set(err, KGEX_ENOMEM, "out of memory");
    cap = units * 3 + 4;
    dst = kgex__malloc(cap);
    if (!dst)
        return kgex__error_set(err, KGEX_ENOMEM, "out of memory");
    w = dst;
    for (i = 0; i + 1 < len; i += 2) {
        unsigned long u =
            big ? ((unsigned long)s[i] << 8 | s[i + 1]) : ((unsigned long)s[i + 1] << 8 | s[i]);

        if (u == 0) {
            if (i < SNIFF_LEN) {
                kgex__free(dst);
                return kgex__error_at(err, KGEX_EPARSE, name, 0, 0,
                                      "binary file (NUL character at offset %zu)", i + 2);
            }
            if (doc->nul++ == 0)
                doc->nul_first = i + 2;
            doc->flags |= KGEX_DOC_NUL;
            u = 0xFFFD;
        } else if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
            unsigned long lo = big ? ((unsigned long)s[i + 2] << 8 | s[i + 3])
                                   : ((unsigned long)s[i + 3] << 8 | s[i + 2]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            } else {
                goto unpaired;
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
        unpaired:
            if (doc->invalid++ == 0)
                doc->invalid_first = i + 2;
            doc->flags |= KGEX_DOC_INVALID_UTF8;
            u = 0xFFFD;
        }
        w += kgex__utf8_encode(w, (uint32_t)u);
    }
    if (len % 2) {
        if (doc->invalid++ == 0)
            doc->invalid_first = len + 1;
        doc->flags |= KGEX_DOC_INVALID_UTF8;
        w += kgex__utf8_encode(w, 0xFFFD);
    }
    *w = '\0';
    *out = dst;
    *out_len = (size_t)(w - dst);
    return KGEX_OK;
}

/* ---- HTML -------------------------------------------------------------- */

static int name_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name &&
           xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

static int name_in(const xmlNode *n, const char *const *names)
{
    for (; *names; names++) {
        if (name_is(n, *names))
            return 1;
    }
    return 0;
}

static const char *const dropped_tags[] = {
    "script", "style",  "nav", "header", "footer", "aside",    "form", "noscript", "template",
    "iframe", "object", "svg", "button", "select", "textarea", "head", NULL};
static const char *const block_tags[] = {"h1", "h2", "h3", "h4",         "h5",
                                         "h6", "p",  "li", "blockquote", NULL};
static const char *const inline_tags[] = {
    "a",    "abbr", "b",    "bdi", "bdo", "cite", "code",  "data",  "dfn",    "em",  "font",
    "i",    "kbd",  "mark", "q",   "s",   "samp", "small", "span",  "strong", "sub", "sup",
    "time", "tt",   "u",    "var", "wbr", "ins",  "del",   "label", NULL};

/* The walk that collects article text. */
typedef struct html_walk {
    sbuf text;
    sbuf line;      /* the block being collected, white space collapsed */
    int all_blocks; /* fallback: every non-inline element is a block */
    int in_block;   /* depth of collecting elements */
    int space;      /* a space is pending in `line` */
} html_walk;

static int is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Append text to the current line, collapsing white space (also U+00A0). */
static int line_add(html_walk *hw, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t run;

    while (*p) {
        if (is_space_byte(*p) || (p[0] == 0xC2 && p[1] == 0xA0)) {
            p += *p == 0xC2 ? 2 : 1;
            hw->space = 1;
            continue;
        }
        run = 0;
        while (p[run] && !is_space_byte(p[run]) && !(p[run] == 0xC2 && p[run + 1] == 0xA0))
            run++;
        if (hw->space && hw->line.len > 0 && sbuf_add(&hw->line, " ", 1) < 0)
            return KGEX_ENOMEM;
        hw->space = 0;
        if (sbuf_add(&hw->line, (const char *)p, run) < 0)
            return KGEX_ENOMEM;
        p += run;
    }
    return KGEX_OK;
}

/* End the current line: append it and a newline to the text. */
static int line_flush(html_walk *hw)
{
    hw->space = 0;
    if (hw->line.len == 0)
        return KGEX_OK;
    if (sbuf_add(&hw->text, hw->line.p, hw->line.len) < 0 || sbuf_add(&hw->text, "\n", 1) < 0)
        return KGEX_ENOMEM;
    hw->line.len = 0;
    return KGEX_OK;
}

static int is_block(const html_walk *hw, const xmlNode *n)
{
    if (hw->all_blocks)
        return !name_in(n, inline_tags);
    return name_in(n, block_tags);
}

static int walk_enter(html_walk *hw, const xmlNode *n, int *descend)
{
    *descend = 0;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if ((hw->in_block || hw->all_blocks) && n->content)
            return line_add(hw, (const char *)n->content);
        return KGEX_OK;
    }
    if (n->type != XML_ELEMENT_NODE || name_in(n, dropped_tags) || name_is(n, "title"))
        return KGEX_OK;
    if (name_is(n, "br"))
        return (hw->in_block || hw->all_blocks) ? line_flush(hw) : KGEX_OK;
    if (is_block(hw, n)) {
        if (line_flush(hw) < 0)
            return KGEX_ENOMEM;
        hw->in_block++;
    }
    *descend = 1;
    return KGEX_OK;
}

static int walk_leave(html_walk *hw, const xmlNode *n)
{
    if (n->type == XML_ELEMENT_NODE && is_block(hw, n)) {
        hw->in_block--;
        return line_flush(hw);
    }
    return KGEX_OK;
}

/* Depth-first over the tree under `top`, without recursion (pages can nest
 * deeply). */
static int walk_tree(html_walk *hw, xmlNode *top)
{
    xmlNode *cur = top;
    int descend;

    while (cur) {
        if (walk_enter(hw, cur, &descend) < 0)
            return KGEX_ENOMEM;
        if (descend && cur->children) {
            cur = cur->children;
            continue;
        }
        if (descend && walk_leave(hw, cur) < 0)
            return KGEX_ENOMEM;
        for (;;) {
            if (cur == top) {
                cur = NULL;
                break;
            }
            if (cur->next) {
                cur = cur->next;
                break;
            }
            cur = cur->parent;
            if (!cur)
                break;
            if (walk_leave(hw, cur) < 0)
                return KGEX_ENOMEM;
        }
    }
    return line_flush(hw);
}

/* "YYYY-MM-DD..." or "YYYY/MM/DD..." -> "YYYY-MM-DD" in out[11]; 0 if not a date. */
static int parse_date(const char *s, char out[11])
{
    int ymd[3];

    if (!s)
        return 0;
    while (is_space_byte((unsigned char)*s))
        s++;
    if (kgex__date_read_ymd(ymd, s, 1) == 0 || (s[10] >= '0' && s[10] <= '9'))
        return 0;
    memcpy(out, s, 10);
    out[4] = out[7] = '-';
    out[10] = '\0';
    return 1;
}

/* Names (in <meta name|property|itemprop>) that give the publication date,
 * best first. */
static const char *const date_metas[] = {"article:published_time",
                                         "og:published_time",
                                         "datepublished",
                                         "date",
                                         "pubdate",
                                         "publishdate",
                                         "publish-date",
                                         "publication_date",
                                         "dc.date.issued",
                                         "dc.date",
                                         "dcterms.date",
                                         "dcterms.created",
                                         "sailthru.date",
                                         "parsely-pub-date",
                                         NULL};

typedef struct html_meta {
    char *title;   /* xmlMalloc'd */
    int date_rank; /* index in date_metas of the date found, or 100 for <time> */
    char date[11];
} html_meta;

static int attr_is(xmlNode *n, const char *attr, xmlChar **value_out)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);

    *value_out = v;
    return v != NULL;
}

/* Title and date: one pass over the whole tree. `dropped` counts the
 * dropped elements (navigation, ...) around the current node, so that a
 * <time> there is passed over without a walk up to the root. */
static void find_meta(html_meta *hm, xmlNode *top)
{
    xmlNode *cur = top;
    size_t dropped = 0;
    char date[11];

    while (cur) {
        int descend = cur->type == XML_ELEMENT_NODE;

        if (cur->type == XML_ELEMENT_NODE) {
            xmlChar *v = NULL;

            if (name_is(cur, "title") && !hm->title) {
                hm->title = (char *)xmlNodeGetContent(cur);
                descend = 0;
            } else if (name_is(cur, "meta")) {
                const char *keys[] = {"property", "name", "itemprop"};
                size_t k;
                int r;

                for (k = 0; k < 3; k++) {
                    if (!attr_is(cur, keys[k], &v))
                        continue;
                    for (r = 0; date_metas[r] && r < hm->date_rank; r++) {
                        if (xmlStrcasecmp(v, (const xmlChar *)date_metas[r]) == 0) {
                            xmlChar *content = xmlGetProp(cur, (const xmlChar *)"content");

                            if (parse_date((const char *)content, date)) {
                                memcpy(hm->date, date, sizeof(date));
                                hm->date_rank = r;
                            }
                            xmlFree(content);
                            break;
                        }
                    }
                    if (!hm->title && xmlStrcasecmp(v, (const xmlChar *)"og:title") == 0) {
                        xmlChar *content = xmlGetProp(cur, (const xmlChar *)"content");
                        hm->title = (char *)content;
                    }
                    xmlFree(v);
                    v = NULL;
                }
            } else if (hm->date_rank > 100 && dropped == 0 && name_is(cur, "time") &&
                       attr_is(cur, "datetime", &v)) {
                if (parse_date((const char *)v, date)) {
                    memcpy(hm->date, date, sizeof(date));
                    hm->date_rank = 100;
                }
            }
            xmlFree(v);
        }
        if (descend && cur->children) {
            dropped += name_in(cur, dropped_tags);
            cur = cur->children;
            continue;
        }
        for (;;) {
            if (cur == top) {
                cur = NULL;
                break;
            }
            if (cur->next) {
                cur = cur->next;
                break;
            }
            cur = cur->parent;
            if (!cur)
                break;
            dropped -= cur != top && name_in(cur, dropped_tags);
        }
    }
}

/* The charset a <meta> in the first 1024 bytes declares, if any, as
 * 1 (UTF-8 or ASCII), 0 (none found) or -1 (another one). */
static int declared_charset(const char *s, size_t len)
{
    size_t n = len < 1024 ? len : 1024, i, k;
    char cs[32];

    for (i = 0; i + 7 < n; i++) {
        if (strncasecmp(s + i, "charset", 7) != 0)
            continue;
        i += 7;
        while (i < n && is_space_byte((unsigned char)s[i]))
            i++;
        if (i >= n || s[i] != '=')
            continue;
        i++;
        while (i < n && (is_space_byte((unsigned char)s[i]) || s[i] == '"' || s[i] == '\''))
            i++;
        for (k = 0; i < n && k + 1 < sizeof(cs) &&
                    (s[i] == '-' || s[i] == '_' || s[i] == ':' || s[i] == '.' ||
                     (s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z') ||
                     (s[i] >= 'A' && s[i] <= 'Z'));
             i++, k++)
            cs[k] = s[i];
        cs[k] = '\0';
        if (k == 0)
            continue;
        return (strcasecmp(cs, "utf-8") == 0 || strcasecmp(cs, "utf8") == 0 ||
                strcasecmp(cs, "us-ascii") == 0 || strcasecmp(cs, "ascii") == 0)
                   ? 1
                   : -1;
    }
    return 0;
}

/* ---- HTML attributes ---------------------------------------------------- */

/* libxml2 compares each attribute of a start tag with all those before it
 * (duplicates are an error), so a tag with k attributes costs k^2: a page
 * of one tag with 100,000 attributes took minutes. Before the parse, every
 * start tag keeps at most KGEX_HTML_MAX_ATTRIBUTES attributes; the others
 * are cut, with a warning. The scan follows libxml2's reading: comments,
 * the raw text of <script> and <style>, quoted values (which may hold '>').
 * It is linear, and copies the page only when a tag is cut. */
#define KGEX_HTML_MAX_ATTRIBUTES 256

static int is_name_byte(unsigned char c)
{
    return c > ' ' && c != '>' && c != '/' && c != '=' && c != '"' && c != '\'' && c != '<';
}

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Past `what` (case-insensitive) from i, or len. */
static size_t skip_past(const char *s, size_t len, size_t i, const char *what)
{
    size_t n = strlen(what);

    for (; i + n <= len; i++) {
        if (strncasecmp(s + i, what, n) == 0)
            return i + n;
    }
    return len;
}

/* The start tag at s[i] == '<' (a letter follows): its end (past '>', or
 * len), and in *cut the end of its last kept attribute when it has more
 * than allowed (else 0). *raw is set for <script> and <style>. */
static size_t scan_tag(const char *s, size_t len, size_t i, size_t *cut, int *raw)
{
    size_t name = i + 1, count = 0;

    *cut = 0;
    while (i + 1 < len && is_name_byte((unsigned char)s[i + 1]))
        i++;
    *raw = (i + 1 - name == 6 && strncasecmp(s + name, "script", 6) == 0) ||
           (i + 1 - name == 5 && strncasecmp(s + name, "style", 5) == 0);
    i++;
    while (i < len && s[i] != '>') {
        if (!is_name_byte((unsigned char)s[i])) {
            i++;
            continue;
        }
        while (i < len && is_name_byte((unsigned char)s[i]))
            i++;
        while (i < len && is_space_byte((unsigned char)s[i]))
            i++;
        if (i < len && s[i] == '=') {
            i++;
            while (i < len && is_space_byte((unsigned char)s[i]))
                i++;
            if (i < len && (s[i] == '"' || s[i] == '\'')) {
                const char *close = memchr(s + i + 1, s[i], len - i - 1);

                i = close ? (size_t)(close - s) + 1 : len;
            } else {
                while (i < len && !is_space_byte((unsigned char)s[i]) && s[i] != '>')
                    i++;
            }
        }
        if (++count == KGEX_HTML_MAX_ATTRIBUTES)
            *cut = i;
    }
    if (count <= KGEX_HTML_MAX_ATTRIBUTES)
        *cut = 0;
    return i < len ? i + 1 : len;
}

/* Cut the attributes of every start tag of `*data` (len bytes, with room
 * for a NUL) past the first KGEX_HTML_MAX_ATTRIBUTES; *data is replaced
 * (and the old buffer freed) only when something was cut. */
static int limit_attributes(kgex_document *doc, char **data, size_t *len)
{
    const char *s = *data;
    size_t n = *len, i = 0, from = 0, tags = 0, first = 0;
    sbuf out = {0};

    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        size_t end, cut;
        int raw;

        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (i + 3 < n && strncmp(s + i, "<!--", 4) == 0) {
            i = skip_past(s, n, i + 4, "-->");
        } else if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?')) {
            const char *gt = memchr(s + i, '>', n - i);

            i = gt ? (size_t)(gt - s) + 1 : n;
        } else if (i + 1 < n && is_alpha((unsigned char)s[i + 1])) {
            end = scan_tag(s, n, i, &cut, &raw);
            if (cut) {
                if (tags++ == 0)
                    first = i;
                if (sbuf_add(&out, s + from, cut - from) < 0 || sbuf_add(&out, ">", 1) < 0) {
                    kgex__free(out.p);
                    return KGEX_ENOMEM;
                }
                from = end;
            }
            i = raw ? skip_past(s, n, end,
                                s[i + 2] == 'c' || s[i + 2] == 'C' ? "</script" : "</style")
                    : end;
        } else {
            i++;
        }
    }
    if (tags == 0)
        return KGEX_OK;
    if (sbuf_add(&out, s + from, n - from) < 0) {
        kgex__free(out.p);
        return KGEX_ENOMEM;
    }
    if (doc->warnings_len < MAX_WARNINGS) {
        snprintf(doc->warnings[doc->warnings_len++], sizeof(doc->warnings[0]),
                 "HTML start tag at byte offset %zu with more than %d attributes: only the "
                 "first %d kept (%zu tag%s cut)",
                 first, KGEX_HTML_MAX_ATTRIBUTES, KGEX_HTML_MAX_ATTRIBUTES, tags,
                 tags == 1 ? "" : "s");
    }
    kgex__free(*data);
    *data = out.p;
    *len = out.len;
    return KGEX_OK;
}

static void xml_quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static char *dup_trimmed(const char *s)
{
    html_walk hw;
    char *copy;

    memset(&hw, 0, sizeof(hw));
    if (line_add(&hw, s) < 0) {
        kgex__free(hw.line.p);
        return NULL;
    }
    copy = kgex__strndup(hw.line.p ? hw.line.p : "", hw.line.len);
    kgex__free(hw.line.p);
    return copy;
}

/* Parse `data` (len bytes, `encoding` "UTF-8" or NULL to let libxml2 read
 * a <meta charset>) and set doc->text, title and date. */
static int parse_html(kgex_document *doc, const char *data, size_t len, const char *encoding,
                      const char *name, kgex_error *err)
{
    htmlParserCtxtPtr ctxt = NULL;
    htmlDocPtr hdoc = NULL;
    xmlNode *root;
    html_walk hw;
    html_meta hm;
    xmlGenericErrorFunc old_handler = xmlGenericError;
    void *old_ctx = xmlGenericErrorContext;
    size_t text_len = 0;
    int error = KGEX_OK;

    memset(&hw, 0, sizeof(hw));
    memset(&hm, 0, sizeof(hm));
    hm.date_rank = 1000;
    if (len > INT_MAX)
        return kgex__error_at(err, KGEX_ELIMIT, name, 0, 0, "HTML page over 2 GiB");
    xmlInitParser();
    /* libxml2 reports some errors (encodings) on its generic channel, which
     * prints; silence it for this parse and restore the caller's. */
    xmlSetGenericErrorFunc(NULL, xml_quiet);
    ctxt = htmlNewParserCtxt();
    if (!ctxt) {
        error = kgex__error_set(err, KGEX_ENOMEM, "out of memory");
        goto done;
    }
    /* XML_PARSE_HUGE: without it libxml2 drops, with only an error we do
     * not print, everything nested deeper than 256 elements and text nodes
     * over 10 MB; with it the depth is not limited (the walks here do not
     * recurse) and the size cap of the input bounds the rest */
    hdoc = htmlCtxtReadMemory(ctxt, data, (int)len, NULL, encoding,
                              HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                  HTML_PARSE_RECOVER | XML_PARSE_HUGE);
    if (ctxt->errNo == XML_ERR_NO_MEMORY) {
        error = kgex__error_set(err, KGEX_ENOMEM, "out of memory");
        goto done;
    }
    root = hdoc ? xmlDocGetRootElement(hdoc) : NULL;
    if (root) {
        find_meta(&hm, root);
        error = walk_tree(&hw, root);
        if (error == KGEX_OK && hw.text.len == 0) {
            /* no article blocks: take all the text, cut at block elements */
            kgex__free(hw.text.p);
            kgex__free(hw.line.p);
            memset(&hw, 0, sizeof(hw));
            hw.all_blocks = 1;
            error = walk_tree(&hw, root);
        }
        if (error < 0) {
            error = kgex__error_set(err, KGEX_ENOMEM, "out of memory");
            goto done;
        }
    }
    if (hm.title) {
        doc->title = dup_trimmed((const char *)hm.title);
        if (!doc->title) {
            error = kgex__error_set(err, KGEX_ENOMEM, "out of memory");
            goto done;
        }
        if (!doc->title[0]) {
            kgex__free(doc->title);
            doc->title = NULL;
        }
    }
    if (hm.date_rank < 1000) {
        doc->date = kgex__strdup(hm.date);
        if (!doc->date) {
            error = kgex__error_set(err, KGEX_ENOMEM, "out of memory");
            goto done;
        }
    }
    /* The title is the first line, unless the page repeats it as the
     * first block (a headline). */
    if (doc->title) {
        size_t tl = strlen(doc->title);
        int repeated =
            hw.text.len > tl && memcmp(hw.text.p, doc->title, tl) == 0 && hw.text.p[tl] == '\n';
        sbuf all = {0};

        if (!repeated) {
            if (sbuf_add(&all, doc->title, tl) < 0 || sbuf_add(&all, "\n", 1) < 0 ||
                sbuf_add(&all, hw.text.p ? hw.text.p : "", hw.text.len) < 0) {
                kgex__free(all.p);
                error = kgex__error_set(err, KGEX_ENOMEM, "out of memory");
                goto done;
            }
            kgex__free(hw.text.p);
            hw.text = all;
        }
    }
    if (!hw.text.p) {
        hw.text.p = kgex__malloc(1);
        if (!hw.text.p) {
            error = kgex__error_set(err, KGEX_ENOMEM, "out of memory");
            goto done;
        }
        hw.text.len = 0;
    }
    /* libxml2 gives UTF-8; clean it anyway (NUL from &#0;, stray CR). The
     * buffer has room for the terminating NUL. */
    {
        size_t saved_invalid = doc->invalid, saved_nul = doc->nul;

        error = clean_utf8(doc, &hw.text.p, hw.text.len, 0, &doc->text, &text_len);
        if (error < 0) {
            error = kgex__error_set(err, KGEX_ENOMEM, "out of memory");
            goto done;
        }
        /* replacements made here are not at file offsets: no warning */
        doc->invalid = saved_invalid;
        doc->nul = saved_nul;
        doc->len = text_len;
    }
    doc->flags |= KGEX_DOC_HTML;
done:
    xmlSetGenericErrorFunc(old_ctx, old_handler);
    kgex__free(hw.text.p);
    kgex__free(hw.line.p);
    if (hm.title)
        xmlFree(hm.title);
    if (hdoc)
        xmlFreeDoc(hdoc);
    if (ctxt)
        htmlFreeParserCtxt(ctxt);
    return error;
}

/* ---- loading ----------------------------------------------------------- */

static int has_html_ext(const char *name)
{
    const char *dot = name ? strrchr(name, '.') : NULL;

    return dot && (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0);
}

static size_t max_size_of(const kgex_input_options *opts)
{
    size_t cap = opts && opts->max_size ? opts->max_size : KGEX_INPUT_DEFAULT_MAX_SIZE;

    return cap > ((size_t)-1) / 2 ? ((size_t)-1) / 2 : cap;
}

/* Build the document from `raw` (len bytes, allocated with one byte to
 * spare; always consumed). */
static int load_raw(kgex_document **out, char *raw, size_t len, const char *name,
                    const kgex_input_options *opts, kgex_error *err)
{
    kgex_document *doc = NULL;
    const unsigned char *u = (const unsigned char *)raw;
    char *decoded = NULL;
    size_t decoded_len = 0, skip = 0;
    int html, charset, error;

    html = opts && opts->format == KGEX_INPUT_HTML
               ? 1
               : (opts && opts->format == KGEX_INPUT_TEXT ? 0 : has_html_ext(name));
    doc = kgex__calloc(1, sizeof(*doc));
    if (!doc) {
        error = kgex__error_set(err, KGEX_ENOMEM, "out of memory");
        goto done;
    }
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        int big = u[0] == 0xFE;

        doc->flags |= big ? KGEX_DOC_UTF16BE : KGEX_DOC_UTF16LE;
        error = decode_utf16(doc, u + 2, len - 2, big, name, &decoded, &decoded_len, err);
        if (error < 0)
            goto done;
        kgex__free(raw);
        raw = decoded;
        len = decoded_len;
        decoded = NULL;
        /* offsets of replacements were recorded in the file */
    } else {
        if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
            doc->flags |= KGEX_DOC_BOM;
            skip = 3;
            memmove(raw, raw + 3, len - 3);
            len -= 3;
        }
        error = check_binary((const unsigned char *)raw, len, skip, name, err);
        if (error < 0)
            goto done;
    }

    if (html) {
        /* a byte order mark says the encoding, whatever a <meta> claims */
        charset = (doc->flags & (KGEX_DOC_UTF16LE | KGEX_DOC_UTF16BE | KGEX_DOC_BOM))
                      ? 1
                      : declared_charset(raw, len);
        if (charset >= 0) {
            /* UTF-8 (or unknown): repair here, so that one bad byte does
             * not make libxml2 read the rest of the page as Latin-1 */
            error = clean_utf8(doc, &raw, len, skip, &decoded, &decoded_len);
            if (error < 0) {
                error = kgex__error_set(err, KGEX_ENOMEM, "out of memory");
                goto done;
            }
            raw = decoded;
            len = decoded_len;
            decoded = NULL;
        }
        error = limit_attributes(doc, &raw, &len);
        if (error < 0) {
            error = kgex__error_set(err, KGEX_ENOMEM, "out of memory");
            goto done;
        }
        error = parse_html(doc, raw, len, charset >= 0 ? "UTF-8" : NULL, name, err);
        if (error < 0)
            goto done;
    } else {
        error = clean_utf8(doc, &raw, len, skip, &doc->text, &doc->len);
        if (error < 0) {
            error = kgex__error_set(err, KGEX_ENOMEM, "out of memory");
            goto done;
        }
    }
    if (doc->invalid)
        add_warning(doc,
                    (doc->flags & (KGEX_DOC_UTF16LE | KGEX_DOC_UTF16BE))
                        ? "invalid UTF-16 at byte offset %zu (%zu sequence%s replaced by U+FFFD)"
                        : "invalid UTF-8 at byte offset %zu (%zu sequence%s replaced by U+FFFD)",
                    doc->invalid_first, doc->invalid);
    if (doc->nul)
        add_warning(doc, "NUL byte at byte offset %zu (%zu NUL%s replaced by U+FFFD)",
                    doc->nul_first, doc->nul);
    *out = doc;
    doc = NULL;
done:
    kgex__free(raw);
    kgex__free(decoded);
    kgex_document_free(doc);
    return error;
}

int kgex_document_load_buffer(kgex_document **out, const char *data, size_t len, const char *name,
                              const kgex_input_options *opts, kgex_error *err)
{
    char *raw;
    size_t cap;

    KGEX_ASSERT_ARG(out, err);
    *out = NULL;
    KGEX_ASSERT_ARG(data || len == 0, err);
    KGEX_ASSERT_ARG(!opts || opts->version == KGEX_INPUT_OPTIONS_VERSION, err);
    cap = max_size_of(opts);
    if (len > cap)
        return kgex__error_at(err, KGEX_ELIMIT, name, 0, 0,
                              "input of %zu bytes is over the size limit of %zu bytes", len, cap);
    raw = kgex__malloc(len + 1);
    if (!raw)
        return kgex__error_set(err, KGEX_ENOMEM, "out of memory");
    if (len)
        memcpy(raw, data, len);
    return load_raw(out, raw, len, name, opts, err);
}

/* Read all of fd into a new buffer (one byte to spare), at most `cap` bytes. */
static int read_all(int fd, const char *name, size_t cap, char **out, size_t *len_out,
                    kgex_error *err)
{
    struct stat st;
    char *buf = NULL;
    size_t len = 0, size = 0;
    int error = KGEX_OK;

    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        if ((unsigned long long)st.st_size > (unsigned long long)cap)
            return kgex__error_at(err, KGEX_ELIMIT, name, 0, 0,
                                  "file of %lld bytes is over the size limit of %zu bytes",
                                  (long long)st.st_size, cap);
        size = (size_t)st.st_size + 1;
    } else if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        return kgex__error_at(err, KGEX_EIO, name, 0, 0, "is a directory");
    }
    if (size < 4096)
        size = 4096;
    buf = kgex__malloc(size);
    if (!buf)
        return kgex__error_set(err, KGEX_ENOMEM, "out of memory");
    for (;;) {
        ssize_t n;

        if (len + 1 >= size) {
            /* full: at the end (a regular file of the size fstat gave)? */
            size_t nsize = size + size / 2;
            char probe;
            char *p;

            n = read(fd, &probe, 1);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                if (n < 0) {
                    error = kgex__error_at(err, KGEX_EIO, name, 0, 0, "read error: %s",
                                           strerror(errno));
                    goto done;
                }
                break;
            }
            /* no: the file grew, or a pipe: grow by half */
            if (nsize > cap + 2)
                nsize = cap + 2;
            p = kgex__realloc(buf, nsize);
            if (!p) {
                error = kgex__error_set(err, KGEX_ENOMEM, "out of memory");
                goto done;
            }
            buf = p;
            size = nsize;
            buf[len++] = probe;
            if (len > cap) {
                error = kgex__error_at(err, KGEX_ELIMIT, name, 0, 0,
                                       "input is over the size limit of %zu bytes", cap);
                goto done;
            }
            continue;
        }
        n = read(fd, buf + len, size - len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            error = kgex__error_at(err, KGEX_EIO, name, 0, 0, "read error: %s", strerror(errno));
            goto done;
        }
        if (n == 0)
            break;
        len += (size_t)n;
        if (len > cap) {
            error = kgex__error_at(err, KGEX_ELIMIT, name, 0, 0,
                                   "input is over the size limit of %zu bytes", cap);
            goto done;
        }
    }
    *out = buf;
    *len_out = len;
    buf = NULL;
done:
    kgex__free(buf);
    return error;
}

int kgex_document_load_file(kgex_document **out, const char *path, const kgex_input_options *opts,
                            kgex_error *err)
{
    const char *name;
    char *raw = NULL;
    size_t len = 0;
    int fd = -1, is_stdin, error;

    KGEX_ASSERT_ARG(out, err);
    *out = NULL;
    KGEX_ASSERT_ARG(path && path[0], err);
    KGEX_ASSERT_ARG(!opts || opts->version == KGEX_INPUT_OPTIONS_VERSION, err);
    is_stdin = strcmp(path, "-") == 0;
    name = is_stdin ? "<stdin>" : path;
    fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd < 0)
        return kgex__error_at(err, KGEX_EIO, name, 0, 0, "cannot open: %s", strerror(errno));
    error = read_all(fd, name, max_size_of(opts), &raw, &len, err);
    if (!is_stdin)
        close(fd);
    if (error < 0)
        return error;
    error = load_raw(out, raw, len, is_stdin ? NULL : path, opts, err);
    if (error < 0 && err && !err->source[0])
        snprintf(err->source, sizeof(err->source), "%s", name);
    return error;
}

void kgex_document_free(kgex_document *doc)
{
    if (!doc)
        return;
    kgex__free(doc->text);
    kgex__free(doc->title);
    kgex__free(doc->date);
    kgex__free(doc);
}

const char *kgex_document_text(const kgex_document *doc)
{
    return doc && doc->text ? doc->text : "";
}

size_t kgex_document_len(const kgex_document *doc)
{
    return doc ? doc->len : 0;
}

const char *kgex_document_title(const kgex_document *doc)
{
    return doc ? doc->title : NULL;
}

const char *kgex_document_date(const kgex_document *doc)
{
    return doc ? doc->date : NULL;
}

unsigned kgex_document_flags(const kgex_document *doc)
{
    return doc ? doc->flags : 0;
}

size_t kgex_document_invalid(const kgex_document *doc, size_t *first_out)
{
    size_t first;

    if (!doc)
        return 0;
    first = doc->invalid ? doc->invalid_first : (size_t)-1;
    if (doc->nul && doc->nul_first < first)
        first = doc->nul_first;
    if (first_out)
        *first_out = (doc->invalid + doc->nul) ? first : 0;
    return doc->invalid + doc->nul;
}

size_t kgex_document_warning_count(const kgex_document *doc)
{
    return doc ? doc->warnings_len : 0;
}

const char *kgex_document_warning(const kgex_document *doc, size_t i)
{
    return doc && i < doc->warnings_len ? doc->warnings[i] : NULL;
}
