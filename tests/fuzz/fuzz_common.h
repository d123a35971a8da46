/*
 * fuzz_common.h - what the libFuzzer targets share: write a graph with
 * both writers into memory and read each back (GraphML with libxml2,
 * JSON-LD with jansson), aborting when either cannot be read; and a check
 * that a loaded document keeps the promises of kgex/input.h.
 *
 * Header-only so that each target is one translation unit. Not part of the
 * library.
 */
#ifndef KGEX_FUZZ_COMMON_H
#define KGEX_FUZZ_COMMON_H

#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kgex/kgex.h"

static const kgex_export_options graphml_opts = {KGEX_EXPORT_OPTIONS_VERSION, KGEX_FORMAT_GRAPHML,
                                                 KGEX_GRAPHML_STRICT, KGEX_GEXF_1_3};
static const kgex_export_options jsonld_opts = {KGEX_EXPORT_OPTIONS_VERSION, KGEX_FORMAT_JSONLD,
                                                KGEX_GRAPHML_TOOLS, KGEX_GEXF_1_3};

static inline void fuzz_fail(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz: %s: %s\n", what, detail ? detail : "");
    abort();
}

/* Silence libxml2's parse errors on stderr: we look at the result. */
static inline void fuzz_xml_quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* 1 when s[0..len) is valid UTF-8 (no overlongs, surrogates or > U+10FFFF). */
static inline int fuzz_valid_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        unsigned char c = s[i];
        size_t n, k;
        unsigned char lo = 0x80, hi = 0xBF;

        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            n = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        else
            return 0;
        if (i + n > len || s[i + 1] < lo || s[i + 1] > hi)
            return 0;
        for (k = 2; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
        }
        i += n;
    }
    return 1;
}

/* The document invariants of kgex/input.h. */
static inline void fuzz_check_document(const kgex_document *doc)
{
    const char *text = kgex_document_text(doc);
    size_t len = kgex_document_len(doc);
    const char *date = kgex_document_date(doc);

    if (strlen(text) != len)
        fuzz_fail("document", "NUL inside the text");
    if (memchr(text, '\r', len))
        fuzz_fail("document", "CR left in the text");
    if (!fuzz_valid_utf8((const unsigned char *)text, len))
        fuzz_fail("document", "text is not valid UTF-8");
    if (kgex_document_title(doc) &&
        !fuzz_valid_utf8((const unsigned char *)kgex_document_title(doc),
                         strlen(kgex_document_title(doc))))
        fuzz_fail("document", "title is not valid UTF-8");
    if (date && (strlen(date) != 10 || date[4] != '-' || date[7] != '-'))
        fuzz_fail("document", date);
}

/* Write `graph` as GraphML and JSON-LD into memory and parse both back. */
static inline void fuzz_check_writers(const kgex_graph *graph)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *fp;
    kgex_error err;
    xmlDocPtr xdoc;
    json_t *json;
    json_error_t jerr;

    fp = open_memstream(&buf, &size);
    if (!fp)
        abort();
    if (kgex_export_write(graph, fp, &graphml_opts, &err) < 0)
        fuzz_fail("graphml write", err.message);
    fclose(fp);
    xmlSetGenericErrorFunc(NULL, fuzz_xml_quiet);
    xdoc =
        xmlReadMemory(buf, (int)size, "fuzz.graphml", NULL,
                      XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!xdoc) {
        fwrite(buf, 1, size, stderr);
        fuzz_fail("graphml", "libxml2 cannot read the output");
    }
    xmlFreeDoc(xdoc);
    free(buf);

    buf = NULL;
    size = 0;
    fp = open_memstream(&buf, &size);
    if (!fp)
        abort();
    if (kgex_export_write(graph, fp, &jsonld_opts, &err) < 0)
        fuzz_fail("jsonld write", err.message);
    fclose(fp);
    json = json_loadb(buf, size, 0, &jerr);
    if (!json) {
        fwrite(buf, 1, size, stderr);
        fuzz_fail("jsonld", jerr.text);
    }
    json_decref(json);
    free(buf);
}

/* Extract `doc` into a new graph with `lex`, check both writers. */
static inline void fuzz_extract_and_write(const kgex_lexicon *lex, const char *name,
                                          const char *text, size_t len, const char *date)
{
    kgex_graph *graph = NULL;
    kgex_extractor *x = NULL;
    kgex_extract_options xopt = KGEX_EXTRACT_OPTIONS_INIT;
    kgex_error err;
    int error;

    xopt.date = date;
    if (kgex_graph_new(&graph) < 0 || kgex_extractor_new(&x, lex, graph) < 0)
        abort();
    error = kgex_extract_text(x, name, text, len, &xopt, &err);
    if (error < 0 && error != KGEX_ELIMIT)
        fuzz_fail("extract", err.message);
    fuzz_check_writers(graph);
    kgex_extractor_free(x);
    kgex_graph_free(graph);
}

#endif
