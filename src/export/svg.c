/*
 * svg.c - the SVG writer (include/kgex/export.h): a picture of the graph,
 * written by hand as SVG 1.1 text.
 *
 * Nodes sit at the igraph layout of kgex_graph_analyze() (on a circle, in
 * kgex_graph_node_order() order, when the graph has not been analyzed),
 * are filled with the colour of their kind and sized by PageRank; edges are
 * lines with an arrow head in the colour of their relation, thicker with
 * more mentions. States, organizations and officials are labelled; events
 * (statements) are not, to keep the picture readable, but every node and
 * edge has a <title> that viewers show as a tooltip. A legend lists the
 * kinds and relations. Text is scrubbed (escape.h) and XML-escaped here.
 * Colours are those of the GEXF writer (palette.h).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common.h"
#include "export/atomic.h"
#include "export/escape.h"
#include "export/palette.h"
#include "export/writer.h"
#include "kgex/analytics.h"
#include "kgex/export.h"

#define WIDTH      1200.0
#define HEIGHT     900.0
#define MARGIN     60.0
#define LEFT       240.0 /* the legend's column */
#define RIGHT      230.0 /* room for the labels right of the nodes */
#define LEGEND_X   10.0
#define LEGEND_Y   10.0
#define RADIUS_MIN 4.0
#define RADIUS_MAX 22.0
#define PI         3.14159265358979323846

#define FONT_SIZE  12.0
#define CHAR_WIDTH 8.0  /* at most what a 12 px sans-serif letter takes */
#define LABEL_H    15.0 /* a label's box: ascent 11, descent 4 */
#define LABELS_MAX 400  /* labels placed, largest nodes first */
#define SIDE_TOP   (LEGEND_Y + 290.0)
#define SIDE_ROW   18.0
#define CELL       50.0 /* the grid of nodes that label placement looks up */

typedef struct box {
    double x0, y0, x1, y1;
} box;

typedef struct writer {
    FILE *fp;
    const kgex_graph *graph;
    kgex__escape_buf buf;
    double *x, *y, *r;  /* by node index */
    size_t *degree;     /* by node index: edges in and out */
    double *lx, *ly;    /* label position (text start, baseline); lx < 0: no label */
    size_t *cell_start; /* grid: nodes of cell c are cell_nodes[cell_start[c] .. c+1] */
    size_t *cell_nodes;
    box *placed; /* labels placed so far */
    size_t placed_len;
} writer;

#define GRID_W ((size_t)(WIDTH / CELL) + 1)
#define GRID_H ((size_t)(HEIGHT / CELL) + 1)

#define PUT(...)                                                                                   \
    do {                                                                                           \
        if (fprintf(wr->fp, __VA_ARGS__) < 0) {                                                    \
            error = KGEX_EIO;                                                                      \
            goto done;                                                                             \
        }                                                                                          \
    } while (0)

/* Write `s` scrubbed and escaped for XML text and attribute values. */
static int put_text(writer *wr, const char *s)
{
    const char *p;
    int error = KGEX_OK;

    CHECK(kgex__escape_buf_reset(&wr->buf));
    CHECK(kgex__escape_text(&wr->buf, s ? s : ""));
    for (p = wr->buf.ptr; *p; p++) {
        const char *esc = NULL;

        switch (*p) {
            case '&':
                esc = "&amp;";
                break;
            case '<':
                esc = "&lt;";
                break;
            case '>':
                esc = "&gt;";
                break;
            case '"':
                esc = "&quot;";
                break;
            case '\t':
                esc = "&#9;";
                break;
            case '\n':
                esc = "&#10;";
                break;
            case '\r':
                esc = "&#13;";
                break;
            default:
                break;
        }
        if (esc ? fputs(esc, wr->fp) == EOF : fputc(*p, wr->fp) == EOF) {
            error = KGEX_EIO;
            goto done;
        }
    }
done:
    return error;
}

/* Node positions in picture coordinates and radii. Nodes without edges
 * go to a list in the side column under the legend, so that they take no
 * room from the graph; the others fill the drawing area. */
static void place_nodes(writer *wr, const size_t *order, size_t n)
{
    double max_pr = 0, min_x = 0, max_x = 0, min_y = 0, max_y = 0;
    size_t i, side = 0, placed = 0;
    int metrics = kgex_graph_has_metrics(wr->graph);

    for (i = 0; metrics && i < n; i++) {
        const kgex_node *node = kgex_graph_node(wr->graph, i);

        max_pr = fmax(max_pr, node->metrics.pagerank);
        if (wr->degree[i] == 0)
            continue;
        if (placed++ == 0 || node->metrics.x < min_x)
            min_x = node->metrics.x;
        if (placed == 1 || node->metrics.x > max_x)
            max_x = node->metrics.x;
        if (placed == 1 || node->metrics.y < min_y)
            min_y = node->metrics.y;
        if (placed == 1 || node->metrics.y > max_y)
            max_y = node->metrics.y;
    }
    for (i = 0; i < n; i++) {
        size_t v = order[i];
        const kgex_node *node = kgex_graph_node(wr->graph, v);
        double ux, uy;

        wr->r[v] = metrics && max_pr > 0 ? RADIUS_MIN + (RADIUS_MAX - RADIUS_MIN) *
                                                            sqrt(node->metrics.pagerank / max_pr)
                                         : (RADIUS_MIN + RADIUS_MAX) / 3;
        if (wr->degree[v] == 0 && n > 1) {
            /* the side list: one row each, as many as fit, then a grid */
            size_t rows = (size_t)((HEIGHT - SIDE_TOP - MARGIN / 2) / SIDE_ROW);

            wr->r[v] = fmin(wr->r[v], 6.0);
            if (side < rows) {
                wr->x[v] = LEGEND_X + 16;
                wr->y[v] = SIDE_TOP + (double)side * SIDE_ROW;
            } else {
                wr->x[v] = LEGEND_X + 8 + (double)((side - rows) % 14) * 14;
                wr->y[v] = HEIGHT - MARGIN / 4 - (double)((side - rows) / 14) * 14;
            }
            side++;
            continue;
        }
        if (metrics) {
            ux = max_x > min_x ? 2 * (node->metrics.x - min_x) / (max_x - min_x) - 1 : 0;
            uy = max_y > min_y ? 2 * (node->metrics.y - min_y) / (max_y - min_y) - 1 : 0;
        } else {
            ux = n > 1 ? cos(2 * PI * (double)i / (double)n) : 0;
            uy = n > 1 ? sin(2 * PI * (double)i / (double)n) : 0;
        }
        /* [-1, 1] into the drawing area, right of the legend */
        wr->x[v] = LEFT + (ux + 1) / 2 * (WIDTH - LEFT - RIGHT);
        wr->y[v] = MARGIN + (uy + 1) / 2 * (HEIGHT - 2 * MARGIN);
    }
}

static size_t cell_of(double x, double y)
{
    size_t cx = x < 0 ? 0 : (size_t)(x / CELL), cy = y < 0 ? 0 : (size_t)(y / CELL);

    return (cy < GRID_H ? cy : GRID_H - 1) * GRID_W + (cx < GRID_W ? cx : GRID_W - 1);
}

/* The grid of nodes by the cell of their centre, for label placement. */
static int build_grid(writer *wr, size_t n)
{
    size_t c, v, cells = GRID_W * GRID_H;

    wr->cell_start = kgex__calloc(cells + 1, sizeof(*wr->cell_start));
    wr->cell_nodes = kgex__calloc(n ? n : 1, sizeof(*wr->cell_nodes));
    if (!wr->cell_start || !wr->cell_nodes)
        return KGEX_ENOMEM;
    for (v = 0; v < n; v++)
        wr->cell_start[cell_of(wr->x[v], wr->y[v]) + 1]++;
    for (c = 0; c < cells; c++)
        wr->cell_start[c + 1] += wr->cell_start[c];
    for (v = 0; v < n; v++)
        wr->cell_nodes[wr->cell_start[cell_of(wr->x[v], wr->y[v])]++] = v;
    for (c = cells; c > 0; c--) /* back to the starts */
        wr->cell_start[c] = wr->cell_start[c - 1];
    wr->cell_start[0] = 0;
    return KGEX_OK;
}

static int boxes_meet(const box *a, const box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static int box_meets_circle(const box *b, double cx, double cy, double r)
{
    double dx = cx < b->x0 ? b->x0 - cx : cx > b->x1 ? cx - b->x1 : 0;
    double dy = cy < b->y0 ? b->y0 - cy : cy > b->y1 ? cy - b->y1 : 0;

    return dx * dx + dy * dy < r * r;
}

/* Is the box free: inside the picture, off the legend, off every node and
 * every label placed so far? */
static int box_free(const writer *wr, const box *b)
{
    size_t cx, cy, k, c;
    box legend = {0, 0, LEGEND_X + 172, LEGEND_Y + 262};

    if (b->x0 < 2 || b->y0 < 2 || b->x1 > WIDTH - 2 || b->y1 > HEIGHT - 2 || boxes_meet(b, &legend))
        return 0;
    for (k = 0; k < wr->placed_len; k++) {
        if (boxes_meet(b, &wr->placed[k]))
            return 0;
    }
    /* nodes whose centre is within a cell of the box (radius <= CELL / 2) */
    for (cy = cell_of(0, b->y0 - CELL) / GRID_W; cy <= cell_of(0, b->y1 + CELL) / GRID_W; cy++) {
        for (cx = cell_of(b->x0 - CELL, 0); cx <= cell_of(b->x1 + CELL, 0); cx++) {
            c = cy * GRID_W + cx;
            for (k = wr->cell_start[c]; k < wr->cell_start[c + 1]; k++) {
                size_t v = wr->cell_nodes[k];

                if (box_meets_circle(b, wr->x[v], wr->y[v], wr->r[v] + 1))
                    return 0;
            }
        }
    }
    return 1;
}

static size_t utf8_chars(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Is node a's label placed before node b's? */
static int label_before(const writer *wr, size_t a, size_t b)
{
    if ((wr->degree[a] == 0) != (wr->degree[b] == 0))
        return wr->degree[a] == 0;
    return wr->r[a] > wr->r[b];
}

/* Labels of the states, organizations and officials, largest nodes first:
 * each at the first free place of eight around its node (then of eight
 * farther out, twice), or left out
 * (the node's tooltip still names it) when none is free. */
static int place_labels(writer *wr, const size_t *order, size_t n)
{
    size_t *todo = NULL, len = 0, i, j, k;
    int error = KGEX_OK;

    todo = kgex__calloc(n ? n : 1, sizeof(*todo));
    wr->placed = kgex__calloc(LABELS_MAX, sizeof(*wr->placed));
    if (!todo || !wr->placed) {
        error = KGEX_ENOMEM;
        goto done;
    }
    for (i = 0; i < n; i++) {
        wr->lx[i] = -1;
        if (kgex_graph_node(wr->graph, order[i])->kind != KGEX_KIND_EVENT)
            todo[len++] = order[i];
    }
    /* the side list first (its rows are kept for its labels), then the
     * largest first; ties keep the id order (insertion sort: stable) */
    for (i = 1; i < len; i++) {
        size_t v = todo[i];

        for (j = i; j > 0 && label_before(wr, v, todo[j - 1]); j--)
            todo[j] = todo[j - 1];
        todo[j] = v;
    }
    for (i = 0; i < len && wr->placed_len < LABELS_MAX; i++) {
        size_t v = todo[i];
        double w = CHAR_WIDTH * (double)utf8_chars(kgex_graph_node(wr->graph, v)->label);
        double x = wr->x[v], y = wr->y[v], r = wr->r[v];
        /* text start and baseline: right, left, above, below, then the
         * corners; then the same farther out */
        double cand[24][2];

        for (k = 0; k < 3; k++) {
            double d = 14.0 * (double)k;
            double c[8][2] = {{x + r + 3 + d, y + 4},          {x - r - 3 - d - w, y + 4},
                              {x - w / 2, y - r - 5 - d},      {x - w / 2, y + r + 13 + d},
                              {x + r + 1 + d, y - r - 3 - d},  {x - r - 1 - d - w, y - r - 3 - d},
                              {x + r + 1 + d, y + r + 12 + d}, {x - r - 1 - d - w, y + r + 12 + d}};

            memcpy(cand[8 * k], c, sizeof(c));
        }
        for (k = 0; k < 24; k++) {
            box b = {cand[k][0] - 1, cand[k][1] - 11, cand[k][0] + w + 1, cand[k][1] + 4};

            if (box_free(wr, &b)) {
                wr->lx[v] = cand[k][0];
                wr->ly[v] = cand[k][1];
                wr->placed[wr->placed_len++] = b;
                break;
            }
        }
    }
done:
    kgex__free(todo);
    return error;
}

static int write_defs(writer *wr)
{
    size_t i;
    int error = KGEX_OK;

    PUT("  <defs>\n");
    for (i = 0; i < KGEX__RELATION_COLORS_LEN; i++)
        PUT("    <marker id=\"arrow-%s\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
            "markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" "
            "orient=\"auto\">"
            "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>\n",
            kgex_relation_name((kgex_relation)i), kgex__relation_colors[i].hex);
    PUT("  </defs>\n");
done:
    return error;
}

static int write_legend(writer *wr)
{
    double y = LEGEND_Y + 20;
    size_t i;
    int error = KGEX_OK;

    PUT("  <g id=\"legend\" font-family=\"sans-serif\" font-size=\"13\">\n");
    PUT("    <rect x=\"%.0f\" y=\"%.0f\" width=\"170\" height=\"%.0f\" fill=\"#f7f7f7\" "
        "stroke=\"#cccccc\"/>\n",
        LEGEND_X, LEGEND_Y, (double)(KGEX__KIND_COLORS_LEN + KGEX__RELATION_COLORS_LEN) * 20 + 60);
    PUT("    <text x=\"%.0f\" y=\"%.0f\" font-weight=\"bold\">nodes</text>\n", LEGEND_X + 10, y);
    for (i = 0; i < KGEX__KIND_COLORS_LEN; i++) {
        y += 20;
        PUT("    <circle cx=\"%.0f\" cy=\"%.0f\" r=\"6\" fill=\"%s\"/>"
            "<text x=\"%.0f\" y=\"%.0f\">%s</text>\n",
            LEGEND_X + 20, y - 4, kgex__kind_colors[i].hex, LEGEND_X + 35, y,
            kgex_kind_name((kgex_kind)i));
    }
    y += 28;
    PUT("    <text x=\"%.0f\" y=\"%.0f\" font-weight=\"bold\">relations</text>\n", LEGEND_X + 10,
        y);
    for (i = 0; i < KGEX__RELATION_COLORS_LEN; i++) {
        y += 20;
        PUT("    <line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"%s\" "
            "stroke-width=\"3\"/><text x=\"%.0f\" y=\"%.0f\">%s</text>\n",
            LEGEND_X + 12, y - 4, LEGEND_X + 30, y - 4, kgex__relation_colors[i].hex, LEGEND_X + 35,
            y, kgex_relation_name((kgex_relation)i));
    }
    PUT("  </g>\n");
done:
    return error;
}

static int write_edge(writer *wr, const kgex_edge *e)
{
    const kgex_node *src = kgex_graph_node(wr->graph, e->source);
    const kgex_node *dst = kgex_graph_node(wr->graph, e->target);
    double x1 = wr->x[e->source], y1 = wr->y[e->source];
    double x2 = wr->x[e->target], y2 = wr->y[e->target];
    double dx = x2 - x1, dy = y2 - y1, len = sqrt(dx * dx + dy * dy);
    const char *rel = kgex_relation_name(e->relation);
    int error = KGEX_OK;

    if (len < 1e-9)
        return KGEX_OK; /* a loop or two nodes at one place: nothing to draw */
    /* from the rim of the source to the rim of the target */
    x1 += dx / len * wr->r[e->source];
    y1 += dy / len * wr->r[e->source];
    x2 -= dx / len * (wr->r[e->target] + 1);
    y2 -= dy / len * (wr->r[e->target] + 1);
    PUT("    <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
        "stroke-width=\"%.1f\" stroke-opacity=\"0.8\" marker-end=\"url(#arrow-%s)\">"
        "<title>",
        x1, y1, x2, y2, kgex__relation_color(e->relation)->hex,
        fmin(1.2 + 0.6 * (double)e->weight, 5.0), rel);
    CHECK(put_text(wr, src->label));
    PUT(" %s ", rel);
    CHECK(put_text(wr, dst->label));
    if (e->date) {
        PUT(" (");
        CHECK(put_text(wr, e->date));
        PUT(")");
    }
    PUT("</title></line>\n");
done:
    return error;
}

static int write_node(writer *wr, size_t v)
{
    const kgex_node *n = kgex_graph_node(wr->graph, v);
    int error = KGEX_OK;

    PUT("    <circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"#ffffff\" "
        "stroke-width=\"1.5\"><title>",
        wr->x[v], wr->y[v], wr->r[v], kgex__kind_color(n->kind)->hex);
    CHECK(put_text(wr, n->label));
    PUT(" (%s)", kgex_kind_name(n->kind));
    if (n->quote) {
        PUT(": ");
        CHECK(put_text(wr, n->quote));
    }
    PUT("</title></circle>\n");
done:
    return error;
}

static int write_label(writer *wr, size_t v)
{
    const kgex_node *n = kgex_graph_node(wr->graph, v);
    int error = KGEX_OK;

    if (wr->lx[v] < 0)
        return KGEX_OK;
    PUT("    <text x=\"%.1f\" y=\"%.1f\">", wr->lx[v], wr->ly[v]);
    CHECK(put_text(wr, n->label));
    PUT("</text>\n");
done:
    return error;
}

static int write_all(writer *wr)
{
    size_t *node_order = NULL;
    size_t *edge_order = NULL;
    size_t i, n, m;
    int error = KGEX_OK;

    n = kgex_graph_node_count(wr->graph);
    m = kgex_graph_edge_count(wr->graph);
    CHECK(kgex_graph_node_order(wr->graph, &node_order));
    CHECK(kgex_graph_edge_order(wr->graph, &edge_order));
    wr->x = kgex__calloc(n ? n : 1, sizeof(double));
    wr->y = kgex__calloc(n ? n : 1, sizeof(double));
    wr->r = kgex__calloc(n ? n : 1, sizeof(double));
    wr->lx = kgex__calloc(n ? n : 1, sizeof(double));
    wr->ly = kgex__calloc(n ? n : 1, sizeof(double));
    wr->degree = kgex__calloc(n ? n : 1, sizeof(size_t));
    if (!wr->x || !wr->y || !wr->r || !wr->lx || !wr->ly || !wr->degree) {
        error = KGEX_ENOMEM;
        goto done;
    }
    for (i = 0; i < m; i++) {
        wr->degree[kgex_graph_edge(wr->graph, i)->source]++;
        wr->degree[kgex_graph_edge(wr->graph, i)->target]++;
    }
    place_nodes(wr, node_order, n);
    CHECK(build_grid(wr, n));
    CHECK(place_labels(wr, node_order, n));
    PUT("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    PUT("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.0f\" "
        "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">\n",
        WIDTH, HEIGHT, WIDTH, HEIGHT);
    PUT("  <title>kgex knowledge graph: %zu nodes, %zu edges</title>\n", n, m);
    CHECK(write_defs(wr));
    PUT("  <rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n");
    PUT("  <g id=\"edges\">\n");
    for (i = 0; i < m; i++)
        CHECK(write_edge(wr, kgex_graph_edge(wr->graph, edge_order[i])));
    PUT("  </g>\n  <g id=\"nodes\">\n");
    for (i = 0; i < n; i++)
        CHECK(write_node(wr, node_order[i]));
    if (n > 1) {
        size_t isolated = 0;

        for (i = 0; i < n; i++)
            isolated += wr->degree[i] == 0;
        if (isolated)
            PUT("    <text x=\"%.0f\" y=\"%.0f\" font-family=\"sans-serif\" font-size=\"13\" "
                "font-weight=\"bold\">not connected (%zu)</text>\n",
                LEGEND_X, SIDE_TOP - 16, isolated);
    }
    PUT("  </g>\n  <g id=\"labels\" font-family=\"sans-serif\" font-size=\"12\" "
        "fill=\"#222222\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\n");
    for (i = 0; i < n; i++)
        CHECK(write_label(wr, node_order[i]));
    PUT("  </g>\n");
    CHECK(write_legend(wr));
    PUT("</svg>\n");
done:
    kgex__free(node_order);
    kgex__free(edge_order);
    return error;
}

int kgex__svg_write(const kgex_graph *graph, FILE *fp, const char *path, const void *payload,
                    kgex_error *err)
{
    writer wr = {0};
    int error;
    int saved = 0;

    (void)payload;

    wr.fp = fp;
    wr.graph = graph;
    errno = 0;
    error = write_all(&wr);
    if (error == KGEX_OK && (fflush(fp) != 0 || ferror(fp)))
        error = KGEX_EIO;
    if (error == KGEX_EIO)
        saved = errno;
    kgex__escape_buf_free(&wr.buf);
    kgex__free(wr.x);
    kgex__free(wr.y);
    kgex__free(wr.r);
    kgex__free(wr.lx);
    kgex__free(wr.ly);
    kgex__free(wr.degree);
    kgex__free(wr.cell_start);
    kgex__free(wr.cell_nodes);
    kgex__free(wr.placed);
    return kgex__write_error(err, error, path, saved, "svg", "write error");
}
