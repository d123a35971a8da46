/*
 * hashmap.h - a small open-addressing hash index (linear probing) from a
 * 64-bit hash to a size_t value, used by the graph to find nodes by id,
 * edges by (source, relation, target) and interned document names.
 *
 * The map stores only (hash, value) pairs; the caller keeps the keys in its
 * own arrays and says through `eq` whether the value at a slot holds the key
 * it is looking for. Private to the library.
 */
#ifndef KGEX_GRAPH_HASHMAP_H
#define KGEX_GRAPH_HASHMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct kgex__hashmap_slot {
    uint64_t hash;
    size_t value_plus_one; /* 0: empty slot */
} kgex__hashmap_slot;

typedef struct kgex__hashmap {
    kgex__hashmap_slot *slots;
    size_t cap; /* 0 or a power of two */
    size_t len;
} kgex__hashmap;

/* Does `value` hold the key `key`? */
typedef int (*kgex__hashmap_eq)(size_t value, const void *key, const void *payload);

/* An empty map needs no allocation: `kgex__hashmap map = {0};`. */
void kgex__hashmap_free(kgex__hashmap *map);

/* Value stored for `key` into *out; KGEX_ENOTFOUND when there is none. */
int kgex__hashmap_find(const kgex__hashmap *map, size_t *out, uint64_t hash, const void *key,
                       kgex__hashmap_eq eq, const void *payload);

/* Add `value` under `hash`; the caller has checked that its key is absent.
 * KGEX_ENOMEM when the table cannot grow (the map is unchanged). */
int kgex__hashmap_insert(kgex__hashmap *map, uint64_t hash, size_t value);

/* FNV-1a of a NUL-terminated string, and a mixer for integer keys. */
uint64_t kgex__hashmap_hash_str(const char *s);
uint64_t kgex__hashmap_hash_mix(uint64_t h, uint64_t v);

#endif
