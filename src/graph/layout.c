/*
 * layout.c - a multilevel force-directed layout (layout.h).
 *
 * Fruchterman-Reingold compares every pair of vertices in every iteration:
 * quadratic, minutes for the graph of a few hundred kilobytes of news. Here
 * only a graph of at most KGEX__LAYOUT_SMALL vertices gets it (igraph,
 * 500 iterations). A larger graph is laid out along the levels of its
 * Louvain communities, which the analytics computes anyway:
 *
 *   1. the coarsest level's groups, as one graph (two groups joined when
 *      any edge joins their members), are laid out first, by igraph's
 *      Fruchterman-Reingold when at most COARSEST_SMALL, else by the
 *      refinement below from places on a spiral;
 *   2. each finer level (and at last the vertices) starts with the members
 *      of each group on a disc around the group's place, the disc's area
 *      proportional to their number, and is refined.
 *
 * The refinement (relax) uses the forces of Fruchterman-Reingold
 * (attraction d^2 along edges, repulsion 1/d between all pairs,
 * displacement capped by a temperature that falls to zero), the repulsion
 * computed through a Barnes-Hut quadtree rebuilt every iteration (a cell
 * far enough away acts as one mass at its centre of mass), so an iteration
 * costs O(vertices log vertices + edges). A pull to the centroid
 * proportional to the distance (GRAVITY) balances the repulsion, which
 * keeps components together and the density near one vertex per unit of
 * area. Each level gets LEVEL_WORK / (vertices x log2 vertices + edges)
 * iterations (between MIN_ITER and MAX_ITER), and a level is skipped when
 * it has fewer than LEVEL_GROWTH times the groups of the one above, so the
 * levels laid out grow geometrically and the whole is near-linear.
 * Everything is deterministic: no randomness beyond igraph's seeded
 * generator for the small case.
 */
#include "graph/layout.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

#define SMALL_ITERATIONS 500
#define LEVEL_WORK       1e6 /* (vertices x log2 vertices + edges) x iterations per level */
#define LEVEL_GROWTH     1.5 /* a finer level is laid out when it has this many times more */
#define MIN_ITER         10
#define MAX_ITER         200
#define COARSEST_SMALL   100 /* a coarsest level up to this size: all pairs */
#define THETA            1.5 /* Barnes-Hut: a cell this small for its distance is one mass */
#define MAX_DEPTH        40  /* of the quadtree: vertices closer than size / 2^40 share a leaf */
#define GRAVITY          3.0 /* pull to the centroid: a disc of density near 1 */
#define GOLDEN_ANGLE     2.399963229728653

/* The smallest and largest x and y of `pos`: box[] = {min x, max x, min
 * y, max y}. */
static void bounds(const igraph_matrix_t *pos, double box[4])
{
    igraph_integer_t k = igraph_matrix_nrow(pos), i;

    box[0] = box[1] = box[2] = box[3] = 0;
    for (i = 0; i < k; i++) {
        double x = MATRIX(*pos, i, 0), y = MATRIX(*pos, i, 1);

        box[0] = i == 0 || x < box[0] ? x : box[0];
        box[1] = i == 0 || x > box[1] ? x : box[1];
        box[2] = i == 0 || y < box[2] ? y : box[2];
        box[3] = i == 0 || y > box[3] ? y : box[3];
    }
}

void kgex__layout_fit(igraph_matrix_t *pos)
{
    igraph_integer_t k = igraph_matrix_nrow(pos), i;
    double box[4], span, cx, cy;

    bounds(pos, box);
    span = fmax(box[1] - box[0], box[3] - box[2]) / 2;
    cx = (box[0] + box[1]) / 2;
    cy = (box[2] + box[3]) / 2;
    /* clamped: (max - (min + max) / 2) / ((max - min) / 2) may round to
     * 1 + 2^-52 */
    for (i = 0; i < k; i++) {
        MATRIX(*pos, i, 0) = span > 0 ? fmax(-1, fmin(1, (MATRIX(*pos, i, 0) - cx) / span)) : 0;
        MATRIX(*pos, i, 1) = span > 0 ? fmax(-1, fmin(1, (MATRIX(*pos, i, 1) - cy) / span)) : 0;
    }
}

/* ---- the refinement ---------------------------------------------------- */

/* A Barnes-Hut quadtree over the vertices: a cell far enough away (its
 * size over its distance below THETA) repels as one mass at its centre of
 * mass. Cells are kept in one array; a leaf (no child) holds a list of
 * vertices: one, or at MAX_DEPTH all that fell there. */
typedef struct cell {
    double x0, y0, size; /* the square */
    double mass, mx, my; /* vertices, and the sums of their x and y */
    igraph_integer_t child[4];
    igraph_integer_t first; /* a leaf's vertices (via tree.next); -1: none */
} cell;

typedef struct tree {
    cell *cells;
    size_t len, cap;
    double *fx, *fy;         /* force on each vertex */
    igraph_integer_t *next;  /* the next vertex in the same leaf, or -1 */
    igraph_integer_t *leaf;  /* the leaf of each vertex */
    igraph_integer_t *order; /* the vertices, leaf by leaf in tree order */
    int ordered;             /* `order` holds the last tree's order */
    igraph_integer_t *stack; /* of the traversals */
    size_t stack_cap;
} tree;

static void tree_free(tree *t)
{
    kgex__free(t->cells);
    kgex__free(t->fx);
    kgex__free(t->fy);
    kgex__free(t->next);
    kgex__free(t->leaf);
    kgex__free(t->order);
    kgex__free(t->stack);
}

static int is_leaf(const cell *c)
{
    return c->child[0] < 0 && c->child[1] < 0 && c->child[2] < 0 && c->child[3] < 0;
}

static igraph_integer_t new_cell(tree *t, double x0, double y0, double size)
{
    cell *c;

    if (t->len == t->cap && kgex__grow((void **)&t->cells, &t->cap, t->len + 1, sizeof(cell)) < 0)
        return -1;
    c = &t->cells[t->len];
    memset(c, 0, sizeof(*c));
    c->x0 = x0;
    c->y0 = y0;
    c->size = size;
    c->child[0] = c->child[1] = c->child[2] = c->child[3] = -1;
    c->first = -1;
    return (igraph_integer_t)t->len++;
}

/* The quadrant of (x, y) in cell c, making the child cell if needed. */
static igraph_integer_t quadrant(tree *t, igraph_integer_t c, double x, double y)
{
    double half = t->cells[c].size / 2;
    int q = (x >= t->cells[c].x0 + half) + 2 * (y >= t->cells[c].y0 + half);

    if (t->cells[c].child[q] < 0) {
        igraph_integer_t made =
            new_cell(t, t->cells[c].x0 + (q & 1) * half, t->cells[c].y0 + (q >> 1) * half, half);
        if (made < 0)
            return -1;
        t->cells[c].child[q] = made;
    }
    return t->cells[c].child[q];
}

static void add_to(tree *t, igraph_integer_t c, double x, double y)
{
    t->cells[c].mass += 1;
    t->cells[c].mx += x;
    t->cells[c].my += y;
}

static int insert(tree *t, const igraph_matrix_t *pos, igraph_integer_t v)
{
    double x = MATRIX(*pos, v, 0), y = MATRIX(*pos, v, 1);
    igraph_integer_t c = 0;
    int depth;

    for (depth = 0;; depth++) {
        add_to(t, c, x, y);
        if (is_leaf(&t->cells[c]) && (t->cells[c].first < 0 || depth >= MAX_DEPTH)) {
            t->next[v] = t->cells[c].first;
            t->cells[c].first = v;
            return KGEX_OK;
        }
        if (is_leaf(&t->cells[c])) {
            /* split: the vertex already here moves one level down */
            igraph_integer_t old = t->cells[c].first, down;
            double ox = MATRIX(*pos, old, 0), oy = MATRIX(*pos, old, 1);

            t->cells[c].first = -1;
            down = quadrant(t, c, ox, oy);
            if (down < 0)
                return KGEX_ENOMEM;
            add_to(t, down, ox, oy);
            t->next[old] = -1;
            t->cells[down].first = old;
        }
        c = quadrant(t, c, x, y);
        if (c < 0)
            return KGEX_ENOMEM;
    }
}

static int push(tree *t, size_t *top, igraph_integer_t c)
{
    if (*top == t->stack_cap &&
        kgex__grow((void **)&t->stack, &t->stack_cap, *top + 1, sizeof(*t->stack)) < 0)
        return KGEX_ENOMEM;
    t->stack[(*top)++] = c;
    return KGEX_OK;
}

/* The tree of the k vertices at `pos`, with t->leaf and t->order. */
static int build_tree(tree *t, const igraph_matrix_t *pos, igraph_integer_t k)
{
    double box[4];
    igraph_integer_t v, u, len = 0;
    size_t top = 0;
    int q;

    bounds(pos, box);
    t->len = 0;
    if (new_cell(t, box[0], box[2], fmax(fmax(box[1] - box[0], box[3] - box[2]), 1e-9) * 1.000001) <
        0)
        return KGEX_ENOMEM;
    /* in the order of the last tree, if any: neighbours one after the
     * other walk down the same cells */
    for (v = 0; v < k; v++) {
        if (insert(t, pos, t->ordered ? t->order[v] : v) < 0)
            return KGEX_ENOMEM;
    }
    /* the vertices in tree order, so that neighbours in the picture are
     * handled one after the other (and find the same cells in the cache) */
    if (push(t, &top, 0) < 0)
        return KGEX_ENOMEM;
    while (top > 0) {
        igraph_integer_t c = t->stack[--top];

        for (u = t->cells[c].first; u >= 0; u = t->next[u]) {
            t->leaf[u] = c;
            t->order[len++] = u;
        }
        for (q = 3; q >= 0; q--) {
            if (t->cells[c].child[q] >= 0 && push(t, &top, t->cells[c].child[q]) < 0)
                return KGEX_ENOMEM;
        }
    }
    t->ordered = 1;
    return KGEX_OK;
}

/* The repulsion on v from all others: 1/d from each, far cells as one. */
static int repel(tree *t, const igraph_matrix_t *pos, igraph_integer_t v)
{
    double x = MATRIX(*pos, v, 0), y = MATRIX(*pos, v, 1);
    size_t top = 0;
    int q;

    if (push(t, &top, 0) < 0)
        return KGEX_ENOMEM;
    while (top > 0) {
        igraph_integer_t at = t->stack[--top];
        const cell *c = &t->cells[at];
        int own = t->leaf[v] == at;
        double mass = c->mass - own, dx, dy, d2;

        if (mass <= 0)
            continue;
        dx = x - (c->mx - (own ? x : 0)) / mass;
        dy = y - (c->my - (own ? y : 0)) / mass;
        d2 = dx * dx + dy * dy;
        if (!is_leaf(c) && c->size * c->size >= THETA * THETA * d2) {
            for (q = 0; q < 4; q++) {
                if (c->child[q] >= 0 && push(t, &top, c->child[q]) < 0)
                    return KGEX_ENOMEM;
            }
            continue;
        }
        if (d2 < 1e-12) {
            /* on top of each other: apart in a direction of v's own */
            dx = 1e-3 * cos((double)v * GOLDEN_ANGLE);
            dy = 1e-3 * sin((double)v * GOLDEN_ANGLE);
            d2 = 1e-6;
        }
        t->fx[v] += mass * dx / d2;
        t->fy[v] += mass * dy / d2;
    }
    return KGEX_OK;
}

/* `iter` iterations of the forces on `pos`, the temperature falling from
 * `temp` to zero. */
static int relax(igraph_matrix_t *pos, const igraph_t *g, igraph_integer_t iter, double temp)
{
    igraph_integer_t k = igraph_vcount(g), m = igraph_ecount(g), v, e, i;
    tree t;
    int error = KGEX_OK;

    if (k < 2 || iter < 1)
        return KGEX_OK;
    memset(&t, 0, sizeof(t));
    t.fx = kgex__malloc((size_t)k * sizeof(double));
    t.fy = kgex__malloc((size_t)k * sizeof(double));
    t.next = kgex__malloc((size_t)k * sizeof(igraph_integer_t));
    t.leaf = kgex__malloc((size_t)k * sizeof(igraph_integer_t));
    t.order = kgex__malloc((size_t)k * sizeof(igraph_integer_t));
    if (!t.fx || !t.fy || !t.next || !t.leaf || !t.order) {
        error = KGEX_ENOMEM;
        goto done;
    }
    for (i = 0; i < iter && error == KGEX_OK; i++) {
        double heat = temp * (double)(iter - i) / (double)iter, mx = 0, my = 0;

        error = build_tree(&t, pos, k);
        if (error < 0)
            break;
        mx = t.cells[0].mx / t.cells[0].mass;
        my = t.cells[0].my / t.cells[0].mass;
        for (v = 0; v < k; v++)
            t.fx[v] = t.fy[v] = 0;
        for (v = 0; v < k && error == KGEX_OK; v++)
            error = repel(&t, pos, t.order[v]);
        for (e = 0; e < m && error == KGEX_OK; e++) {
            igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
            double dx = MATRIX(*pos, a, 0) - MATRIX(*pos, b, 0);
            double dy = MATRIX(*pos, a, 1) - MATRIX(*pos, b, 1);
            double d = sqrt(dx * dx + dy * dy);

            t.fx[a] -= dx * d;
            t.fy[a] -= dy * d;
            t.fx[b] += dx * d;
            t.fy[b] += dy * d;
        }
        for (v = 0; v < k && error == KGEX_OK; v++) {
            double fx = t.fx[v] - GRAVITY * (MATRIX(*pos, v, 0) - mx);
            double fy = t.fy[v] - GRAVITY * (MATRIX(*pos, v, 1) - my);
            double f = sqrt(fx * fx + fy * fy);

            if (f > heat) {
                fx *= heat / f;
                fy *= heat / f;
            }
            MATRIX(*pos, v, 0) += fx;
            MATRIX(*pos, v, 1) += fy;
        }
    }
done:
    tree_free(&t);
    return error;
}

/* LEVEL_WORK over the cost of an iteration: the quadtree walk of each
 * vertex (about log2 of their number) and each edge. */
static igraph_integer_t iterations(const igraph_t *g)
{
    double k = (double)igraph_vcount(g);
    double size = k * log2(k + 2) + (double)igraph_ecount(g) + 1;
    double iter = LEVEL_WORK / size;

    return (igraph_integer_t)(iter < MIN_ITER ? MIN_ITER : iter > MAX_ITER ? MAX_ITER : iter);
}

/* ---- levels ------------------------------------------------------------ */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

/* The graph of the k groups of `group`: one edge between two groups that
 * any edge of `g` joins. */
static int quotient(igraph_t *out, const igraph_t *g, const igraph_integer_t *group,
                    igraph_integer_t k)
{
    igraph_integer_t m = igraph_ecount(g), i, len = 0, kept = 0;
    igraph_vector_int_t edges;
    uint64_t *pairs = kgex__malloc((size_t)(m ? m : 1) * sizeof(*pairs));
    int error;

    if (!pairs)
        return KGEX_ENOMEM;
    for (i = 0; i < m; i++) {
        uint64_t a = (uint64_t)group[IGRAPH_FROM(g, i)], b = (uint64_t)group[IGRAPH_TO(g, i)];

        if (a != b)
            pairs[len++] = a < b ? a << 32 | b : b << 32 | a;
    }
    qsort(pairs, (size_t)len, sizeof(*pairs), cmp_u64);
    for (i = 0; i < len; i++) {
        if (i == 0 || pairs[i] != pairs[i - 1])
            pairs[kept++] = pairs[i];
    }
    error = kgex__from_igraph(igraph_vector_int_init(&edges, 2 * kept));
    if (error < 0)
        goto done;
    for (i = 0; i < kept; i++) {
        VECTOR(edges)[2 * i] = (igraph_integer_t)(pairs[i] >> 32);
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)(pairs[i] & 0xffffffffu);
    }
    error = kgex__from_igraph(igraph_create(out, &edges, k, IGRAPH_UNDIRECTED));
    igraph_vector_int_destroy(&edges);
done:
    kgex__free(pairs);
    return error;
}

/* Start positions of the k members of a level from the places of their
 * kp groups (`parent`), `up` giving each member's group: the group's place
 * scaled by sqrt(k / kp) (the area grows with the number of vertices),
 * and the members around it in a sunflower pattern, a disc whose area
 * grows with their number. */
static int expand(igraph_matrix_t *pos, const igraph_matrix_t *parent, const igraph_integer_t *up,
                  igraph_integer_t k, igraph_integer_t kp)
{
    igraph_integer_t *seen = kgex__calloc((size_t)kp, sizeof(*seen));
    double scale = sqrt((double)k / (double)kp);
    igraph_integer_t i;
    int error = KGEX_OK;

    if (!seen)
        return KGEX_ENOMEM;
    error = kgex__from_igraph(igraph_matrix_resize(pos, k, 2));
    if (error < 0)
        goto done;
    for (i = 0; i < k; i++) {
        igraph_integer_t p = up[i], r = seen[p]++;
        double radius = 0.6 * sqrt((double)r + 0.5);

        MATRIX(*pos, i, 0) = scale * MATRIX(*parent, p, 0) + radius * cos((double)r * GOLDEN_ANGLE);
        MATRIX(*pos, i, 1) = scale * MATRIX(*parent, p, 1) + radius * sin((double)r * GOLDEN_ANGLE);
    }
done:
    kgex__free(seen);
    return error;
}

/* Lay out the coarsest graph `q`: igraph's Fruchterman-Reingold up to
 * `small` vertices, else the refinement from a spiral. */
static int lay_out_coarsest(igraph_matrix_t *pos, const igraph_t *q, igraph_integer_t small)
{
    igraph_integer_t k = igraph_vcount(q), i;
    int error;

    if (k <= small)
        return kgex__from_igraph(
            igraph_layout_fruchterman_reingold(q, pos, 0, SMALL_ITERATIONS, sqrt((double)k),
                                               IGRAPH_LAYOUT_NOGRID, NULL, NULL, NULL, NULL, NULL));
    error = kgex__from_igraph(igraph_matrix_resize(pos, k, 2));
    if (error < 0)
        return error;
    for (i = 0; i < k; i++) {
        MATRIX(*pos, i, 0) = 0.6 * sqrt((double)i + 0.5) * cos((double)i * GOLDEN_ANGLE);
        MATRIX(*pos, i, 1) = 0.6 * sqrt((double)i + 0.5) * sin((double)i * GOLDEN_ANGLE);
    }
    return relax(pos, q, iterations(q), sqrt((double)k) / 2);
}

/* Row `level` of `levels` into `row` (n entries); returns the number of
 * groups. */
static igraph_integer_t level_row(const igraph_matrix_int_t *levels, igraph_integer_t level,
                                  igraph_integer_t n, igraph_integer_t *row)
{
    igraph_integer_t i, k = 0;

    for (i = 0; i < n; i++) {
        row[i] = MATRIX(*levels, level, i);
        if (row[i] + 1 > k)
            k = row[i] + 1;
    }
    return k;
}

int kgex__layout(igraph_matrix_t *out, const igraph_t *g, const igraph_matrix_int_t *levels)
{
    igraph_integer_t n = igraph_vcount(g), depth = levels ? igraph_matrix_int_nrow(levels) : 0;
    igraph_integer_t *fine = NULL, *coarse = NULL, *up = NULL, lv, kf, kc, i;
    igraph_matrix_t parent;
    igraph_t q;
    int error, have_parent = 0;

    if (n <= KGEX__LAYOUT_SMALL || depth == 0 || igraph_matrix_int_ncol(levels) != n)
        return lay_out_coarsest(out, g, KGEX__LAYOUT_SMALL);
    fine = kgex__malloc((size_t)n * sizeof(*fine));
    coarse = kgex__malloc((size_t)n * sizeof(*coarse));
    up = kgex__malloc((size_t)n * sizeof(*up));
    error =
        fine && coarse && up ? kgex__from_igraph(igraph_matrix_init(&parent, 0, 0)) : KGEX_ENOMEM;
    if (error < 0)
        goto done;
    have_parent = 1;
    kc = level_row(levels, depth - 1, n, coarse);
    error = quotient(&q, g, coarse, kc);
    if (error < 0)
        goto done;
    error = lay_out_coarsest(&parent, &q, COARSEST_SMALL);
    igraph_destroy(&q);
    /* each finer level, and at last the vertices themselves (lv = -1) */
    for (lv = depth - 2; lv >= -1 && error == KGEX_OK; lv--) {
        double temp;

        kf = lv >= 0 ? level_row(levels, lv, n, fine) : n;
        if (lv >= 0 && (double)kf < LEVEL_GROWTH * (double)kc)
            continue; /* hardly finer: straight on to the next level */
        for (i = 0; i < n; i++) {
            if (lv < 0)
                fine[i] = i;
            up[fine[i]] = coarse[i];
        }
        error = expand(out, &parent, up, kf, kc);
        temp = 1.0 + sqrt((double)kf / (double)kc);
        if (error == KGEX_OK && lv >= 0) {
            error = quotient(&q, g, fine, kf);
            if (error == KGEX_OK) {
                error = relax(out, &q, iterations(&q), temp);
                igraph_destroy(&q);
            }
            if (error == KGEX_OK)
                error = kgex__from_igraph(igraph_matrix_update(&parent, out));
            memcpy(coarse, fine, (size_t)n * sizeof(*coarse));
            kc = kf;
        } else if (error == KGEX_OK) {
            error = relax(out, g, iterations(g), temp);
        }
    }
done:
    if (have_parent)
        igraph_matrix_destroy(&parent);
    kgex__free(fine);
    kgex__free(coarse);
    kgex__free(up);
    return error;
}
