/*
 * cli.h - what the files of the kgex command share: the exit codes and
 * the one way it prints a message about a file. CLI only; uses the public
 * API.
 */
#ifndef KGEX_CLI_CLI_H
#define KGEX_CLI_CLI_H

#include <stdio.h>

#include "kgex/kgex.h"

/* The name every message starts with, whatever argv[0] is. */
#define KGEX_CLI_NAME "kgex"

enum {
    KGEX_CLI_EXIT_INTERNAL = 1, /* e.g. out of memory */
    KGEX_CLI_EXIT_USAGE = 2,    /* bad option or argument */
    KGEX_CLI_EXIT_INPUT = 3,    /* an input or lexicon that cannot be read */
    KGEX_CLI_EXIT_OUTPUT = 4    /* an output that cannot be written */
};

/* Print "kgex: NAME: MESSAGE" (or "kgex: MESSAGE" when `name` is NULL) and
 * a newline on standard error. Control characters and bytes that are not
 * UTF-8, in the name and in the message, are printed as \xHH, so that a
 * file name cannot send escape sequences to the terminal. */
void kgex_cli_say(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The same for a library error record: "kgex: SOURCE[:LINE:COLUMN]: MESSAGE",
 * where `name` (when not NULL) stands for the source: the record keeps
 * only the end of a long path. */
void kgex_cli_say_error(const char *name, const kgex_error *err, int code);

/* Write `s` to `fp` as kgex_cli_say() does. */
void kgex_cli_put_safe(FILE *fp, const char *s);

#endif
