/*
 * embedded.h - the default lexicon files, compiled into the library by
 * cmake/embed.cmake from the JSON files in data/lexicon, sorted by name.
 */
#ifndef KGEX_LEXICON_EMBEDDED_H
#define KGEX_LEXICON_EMBEDDED_H

#include <stddef.h>

typedef struct kgex__embedded_file {
    const char *name;
    const char *data;
    size_t len;
} kgex__embedded_file;

extern const kgex__embedded_file kgex__lexicon_files[];
extern const size_t kgex__lexicon_files_len;

#endif
