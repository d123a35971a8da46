/*
 * errors.h - error codes and the caller-owned error record.
 *
 * Every fallible function returns KGEX_OK (0) or a negative KGEX_E* code.
 * Functions that read external input also take a `kgex_error *err` (may be
 * NULL) that receives the source (file name), line, column and a one-line
 * message. The record is fixed-size: no allocation, no global state.
 */
#ifndef KGEX_ERRORS_H
#define KGEX_ERRORS_H

#include "common.h"

enum {
    KGEX_OK = 0,
    KGEX_ERROR = -1,  /* internal error */
    KGEX_ENOMEM = -2, /* out of memory */
    KGEX_EINVAL = -3, /* bad argument or option */
    KGEX_EIO = -4,    /* read or write failure */
    KGEX_EPARSE = -5, /* malformed input (lexicon, text) */
    KGEX_ENOTFOUND = -6,
    KGEX_ELIMIT = -7 /* input over a size limit */
};

typedef struct kgex_error {
    int code;
    char source[256]; /* file name or "<stdin>", "" when not known */
    int line;         /* 1-based; 0 when not known */
    int column;       /* 1-based; 0 when not known */
    char message[256];
} kgex_error;

/* Static text for a code ("out of memory"); never NULL. */
KGEX_EXTERN const char *kgex_strerror(int code);

/* Clear an error record (code KGEX_OK, empty strings). */
KGEX_EXTERN void kgex_error_clear(kgex_error *err);

#endif
