/*
 * common.h - symbol visibility and version of libkgex.
 */
#ifndef KGEX_COMMON_H
#define KGEX_COMMON_H

#if defined(__GNUC__)
#define KGEX_EXTERN __attribute__((visibility("default")))
#else
#define KGEX_EXTERN
#endif

#define KGEX_VERSION_MAJOR 0
#define KGEX_VERSION_MINOR 1
#define KGEX_VERSION_PATCH 0
#define KGEX_VERSION       "0.1.0"

/* Version of the library linked at run time, e.g. "0.1.0". */
KGEX_EXTERN const char *kgex_version(void);

#endif
