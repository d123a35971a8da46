/*
 * palette.h - the colours of the pictures: one per node kind and one per
 * relation, shared by the GEXF and SVG writers so that Gephi and the SVG
 * drawing look alike. Private to the library. Colours from the Tableau 10
 * palette, which stays apart for most colour-blind readers.
 */
#ifndef KGEX_EXPORT_PALETTE_H
#define KGEX_EXPORT_PALETTE_H

#include "kgex/graph.h"

typedef struct kgex__rgb {
    unsigned char r, g, b;
    const char *hex; /* "#rrggbb" */
} kgex__rgb;

/* By kgex_kind; an unknown kind gets the last entry (grey). */
static const kgex__rgb kgex__kind_colors[] = {
    {31, 119, 180, "#1f77b4"},  /* state: blue */
    {44, 160, 44, "#2ca02c"},   /* organization: green */
    {255, 127, 14, "#ff7f0e"},  /* official: orange */
    {148, 103, 189, "#9467bd"}, /* event: purple */
    {127, 127, 127, "#7f7f7f"},
};

/* By kgex_relation; an unknown relation gets the last entry. */
static const kgex__rgb kgex__relation_colors[] = {
    {23, 190, 207, "#17becf"},  /* member_of: cyan */
    {140, 86, 75, "#8c564b"},   /* official_of: brown */
    {214, 39, 40, "#d62728"},   /* attacked: red */
    {188, 189, 34, "#bcbd22"},  /* appealed_to: olive */
    {227, 119, 194, "#e377c2"}, /* stated: pink */
    {170, 170, 170, "#aaaaaa"}, /* about: light grey */
    {127, 127, 127, "#7f7f7f"},
};

#define KGEX__KIND_COLORS_LEN (sizeof(kgex__kind_colors) / sizeof(kgex__kind_colors[0]) - 1)
#define KGEX__RELATION_COLORS_LEN                                                                  \
    (sizeof(kgex__relation_colors) / sizeof(kgex__relation_colors[0]) - 1)

static inline const kgex__rgb *kgex__kind_color(kgex_kind kind)
{
    return &kgex__kind_colors[(unsigned)kind < KGEX__KIND_COLORS_LEN ? (unsigned)kind
                                                                     : KGEX__KIND_COLORS_LEN];
}

static inline const kgex__rgb *kgex__relation_color(kgex_relation relation)
{
    return &kgex__relation_colors[(unsigned)relation < KGEX__RELATION_COLORS_LEN
                                      ? (unsigned)relation
                                      : KGEX__RELATION_COLORS_LEN];
}

#endif
