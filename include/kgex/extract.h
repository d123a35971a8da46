/*
 * extract.h - reading documents into a knowledge graph.
 *
 * An extractor holds a lexicon (borrowed) and a graph (borrowed) and adds
 * the entities and relations of each document it is given. Documents are
 * independent, except that one person named in several documents becomes
 * one node (also when one spelling differs by a letter).
 *
 * Reading a document and adding it to the graph are two steps that can be
 * taken apart: kgex_extractor_read() reads a document into a
 * kgex_extraction without touching the graph, and kgex_extractor_add()
 * adds it. kgex_extract_text() does both.
 *
 * Threads: kgex_extractor_read() only reads the extractor and its lexicon,
 * so any number of threads may call it at once on one extractor (each
 * with its own text and record). Everything else that takes a
 * kgex_extractor changes it and its graph: call it from one thread at a
 * time, and not while another thread reads. Adding the records in input
 * order gives the graph that kgex_extract_text() over the same documents
 * gives, whatever thread read which document.
 */
#ifndef KGEX_EXTRACT_H
#define KGEX_EXTRACT_H

#include <stddef.h>
#include <stdio.h>

#include "common.h"
#include "errors.h"
#include "graph.h"
#include "lexicon.h"

typedef struct kgex_extract_options {
    int version;
    /* Publication date of the document, "YYYY-MM-DD", or NULL. Used to
     * resolve "on Tuesday", "yesterday" and dates given without a year. */
    const char *date;
} kgex_extract_options;

#define KGEX_EXTRACT_OPTIONS_VERSION 1
#define KGEX_EXTRACT_OPTIONS_INIT                                                                  \
    {                                                                                              \
        KGEX_EXTRACT_OPTIONS_VERSION, NULL                                                         \
    }

/* What one document gave (added to the running totals of the extractor). */
typedef struct kgex_extract_stats {
    size_t documents;
    size_t sentences;
    size_t mentions;
    size_t relations[6]; /* by kgex_relation */
} kgex_extract_stats;

typedef struct kgex_extractor kgex_extractor;

/* `lex` and `graph` are borrowed and must outlive the extractor; caller
 * frees with kgex_extractor_free(). */
KGEX_EXTERN int kgex_extractor_new(kgex_extractor **out, const kgex_lexicon *lex,
                                   kgex_graph *graph);
KGEX_EXTERN void kgex_extractor_free(kgex_extractor *x);

/* Extract the document `text` (UTF-8, `len` bytes) named `doc` (used in
 * provenance and event ids) into the graph. `opts` may be NULL. */
KGEX_EXTERN int kgex_extract_text(kgex_extractor *x, const char *doc, const char *text, size_t len,
                                  const kgex_extract_options *opts, kgex_error *err);

/* What one document gave, before it is added to a graph. */
typedef struct kgex_extraction kgex_extraction;

/* Read the document `text` (UTF-8, `len` bytes) named `doc` into a new
 * record; the graph is not touched (see Threads above). `opts` may be
 * NULL. Caller frees with kgex_extraction_free(). */
KGEX_EXTERN int kgex_extractor_read(const kgex_extractor *x, kgex_extraction **out, const char *doc,
                                    const char *text, size_t len, const kgex_extract_options *opts,
                                    kgex_error *err);

/* Add a record to the extractor's graph and running totals; the record
 * is not changed and may be freed afterwards. */
KGEX_EXTERN int kgex_extractor_add(kgex_extractor *x, const kgex_extraction *rec, kgex_error *err);

/* A record as one line of a shard (JSON Lines; the format is described in
 * src/extract/shard.c and the README), written to `fp`, and one line of a
 * shard (`len` bytes, without the line end) back into a new record.
 * Reading gives KGEX_EPARSE with the place in the record ("pieces[0].
 * entities[3].kind: ...") for a line that is not a record kgex wrote.
 * Records written, read back and added in order give the graph that adding
 * the records themselves gives: `kgex merge`. */
KGEX_EXTERN int kgex_extraction_write(const kgex_extraction *rec, FILE *fp, kgex_error *err);
KGEX_EXTERN int kgex_extraction_parse(kgex_extraction **out, const char *line, size_t len,
                                      kgex_error *err);

/* The document name of a record; borrowed, valid until it is freed. */
KGEX_EXTERN const char *kgex_extraction_document(const kgex_extraction *rec);
KGEX_EXTERN void kgex_extraction_free(kgex_extraction *rec);

/* Running totals over all documents so far. */
KGEX_EXTERN void kgex_extractor_stats(const kgex_extractor *x, kgex_extract_stats *out);

#endif
