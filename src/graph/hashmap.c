/*
 * hashmap.c - open-addressing hash index for the graph; see hashmap.h.
 *
 * Linear probing over a power-of-two table kept at most half full, so a
 * lookup touches a few slots on average. There is no removal: graphs only
 * grow.
 */
#include "graph/hashmap.h"

#include "common.h"

void kgex__hashmap_free(kgex__hashmap *map)
{
    if (!map)
        return;
    kgex__free(map->slots);
    map->slots = NULL;
    map->cap = 0;
    map->len = 0;
}

int kgex__hashmap_find(const kgex__hashmap *map, size_t *out, uint64_t hash, const void *key,
                       kgex__hashmap_eq eq, const void *payload)
{
    size_t mask, i;

    if (map->cap == 0)
        return KGEX_ENOTFOUND;
    mask = map->cap - 1;
    for (i = (size_t)hash & mask; map->slots[i].value_plus_one != 0; i = (i + 1) & mask) {
        const kgex__hashmap_slot *slot = &map->slots[i];

        if (slot->hash == hash && eq(slot->value_plus_one - 1, key, payload)) {
            *out = slot->value_plus_one - 1;
            return KGEX_OK;
        }
    }
    return KGEX_ENOTFOUND;
}

static void place(kgex__hashmap_slot *slots, size_t cap, uint64_t hash, size_t value_plus_one)
{
    size_t mask = cap - 1;
    size_t i = (size_t)hash & mask;

    while (slots[i].value_plus_one != 0)
        i = (i + 1) & mask;
    slots[i].hash = hash;
    slots[i].value_plus_one = value_plus_one;
}

int kgex__hashmap_insert(kgex__hashmap *map, uint64_t hash, size_t value)
{
    if (value == (size_t)-1)
        return KGEX_ELIMIT;
    if ((map->len + 1) * 2 > map->cap) {
        size_t ncap = map->cap ? map->cap * 2 : 16;
        kgex__hashmap_slot *nslots;
        size_t i;

        if (ncap < map->cap || ncap > ((size_t)-1) / sizeof(*nslots))
            return KGEX_ENOMEM;
        nslots = kgex__calloc(ncap, sizeof(*nslots));
        if (!nslots)
            return KGEX_ENOMEM;
        for (i = 0; i < map->cap; i++) {
            if (map->slots[i].value_plus_one != 0)
                place(nslots, ncap, map->slots[i].hash, map->slots[i].value_plus_one);
        }
        kgex__free(map->slots);
        map->slots = nslots;
        map->cap = ncap;
    }
    place(map->slots, map->cap, hash, value + 1);
    map->len++;
    return KGEX_OK;
}

uint64_t kgex__hashmap_hash_str(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;

    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return kgex__hashmap_hash_mix(h, 0);
}

uint64_t kgex__hashmap_hash_mix(uint64_t h, uint64_t v)
{
    /* splitmix64 finaliser over h combined with v */
    uint64_t z = h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
