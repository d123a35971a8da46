/*
 * outputs.h - the outputs of a run of kgex: their formats, the checks made
 * before anything is read (no output twice, none that is also an input),
 * and writing them all together or none (kgex/output.h), with the
 * temporary files removed when SIGINT, SIGTERM or SIGHUP stops the run.
 * CLI only.
 */
#ifndef KGEX_CLI_OUTPUTS_H
#define KGEX_CLI_OUTPUTS_H

#include <stddef.h>

#include "inputs.h"
#include "kgex/kgex.h"

/* No format: the extension does not tell and -f was not given. */
#define KGEX_CLI_FORMAT_NONE (-1)

typedef struct kgex_cli_output {
    const char *path; /* "-" is standard output */
    int format;       /* a kgex_format, or KGEX_CLI_FORMAT_NONE */
} kgex_cli_output;

/* The format of an -f argument ("graphml", "jsonld", ...), or
 * KGEX_CLI_FORMAT_NONE. */
int kgex_cli_parse_format(const char *name);

/* The format of `path` from its extension, in any case (".graphml",
 * ".GEXF"), else `fallback`. */
int kgex_cli_format_of(const char *path, int fallback);

/* Check the outputs before anything is read: each output once (also "-";
 * two names of one file, or of one new file in one directory, count as
 * one), none a directory. On success *ids_out
 * (caller frees) holds the existing output files, for the input checks.
 * Returns 0, or an exit code after printing why. */
int kgex_cli_outputs_check(const kgex_cli_output *outs, size_t n, kgex_cli_file_id **ids_out,
                           size_t *ids_len);

/* Write `graph` to every output, all or none: files first, standard
 * output and devices last. Returns 0, or an exit code after printing why. */
int kgex_cli_outputs_write(const kgex_graph *graph, const kgex_cli_output *outs, size_t n,
                           const kgex_export_options *base);

#endif
