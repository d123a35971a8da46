/*
 * inputs.h - the documents a run of kgex reads: the paths named on the
 * command line and the files found by walking the directories among them,
 * and the account of what was skipped and why. CLI only.
 *
 * A path named on the command line is read whatever it is (a file, a
 * symbolic link, a FIFO, "-" for standard input, once); if it cannot be
 * read the run fails. In a directory, files whose names end in .txt,
 * .html or .htm (or only one of those, with --input) are read in sorted
 * order, at most KGEX_CLI_MAX_DEPTH directories deep; a symbolic link is
 * followed only when it leads to a place inside the directory named on the
 * command line (or with --follow-symlinks); anything else is skipped and
 * reported: an unreadable file or directory, a broken link, a link loop, a
 * link out of the directory, a FIFO or device with an input name.
 */
#ifndef KGEX_CLI_INPUTS_H
#define KGEX_CLI_INPUTS_H

#include <stddef.h>
#include <sys/types.h>

/* Directories below the one named on the command line that are read. */
#define KGEX_CLI_MAX_DEPTH 64

/* Why inputs were skipped, and warnings, for the summary and --strict. */
typedef struct kgex_cli_skips {
    size_t binary, unreadable, broken_link, too_large, loop, outside, special, deep;
    size_t warnings;
} kgex_cli_skips;

/* A file by device and inode. */
typedef struct kgex_cli_file_id {
    dev_t dev;
    ino_t ino;
} kgex_cli_file_id;

typedef struct kgex_cli_input_options {
    int input_format;    /* KGEX_INPUT_AUTO, _TEXT or _HTML */
    int follow_symlinks; /* --follow-symlinks */
    int quiet;
    const kgex_cli_file_id *outputs; /* files that are written: never read them */
    size_t outputs_len;
} kgex_cli_input_options;

typedef struct kgex_cli_inputs {
    char **paths;         /* in reading order; "-" is standard input */
    unsigned char *named; /* 1: named on the command line (a failure fails the run) */
    size_t len, cap;
} kgex_cli_inputs;

/* Collect the inputs of `args` (n paths) into `in`. Returns 0, or an exit
 * code after printing why (KGEX_CLI_EXIT_USAGE: "-" twice, an input that
 * is also an output; KGEX_CLI_EXIT_INPUT: a path that does not exist;
 * KGEX_CLI_EXIT_INTERNAL: out of memory). */
int kgex_cli_inputs_collect(kgex_cli_inputs *in, char *const *args, size_t n,
                            const kgex_cli_input_options *opts, kgex_cli_skips *sk);
void kgex_cli_inputs_free(kgex_cli_inputs *in);

/* 1 when `path` (which exists) is one of the outputs of `opts`. */
int kgex_cli_is_output(const kgex_cli_input_options *opts, const char *path);

/* Count a document that could not be loaded (its kgex_document_load_file
 * code) among the skips. */
void kgex_cli_skips_count(kgex_cli_skips *sk, int error);
size_t kgex_cli_skips_total(const kgex_cli_skips *sk);
/* "kgex: N skipped: 1 binary, ...; M warnings" on standard error. */
void kgex_cli_skips_print(const kgex_cli_skips *sk);

#endif
