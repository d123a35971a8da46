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

typedef struct writer {
    FILE *fp;
    const kgex_graph *graph;
    kgex__escape_buf buf;
    double *x, *y, *r; /* by node index */
} writer;

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

/* Node positions in picture coordinates and radii. */
static void place_nodes(writer *wr, const size_t *order, size_t n)
{
    double max_pr = 0;
    size_t i;
    int metrics = kgex_graph_has_metrics(wr->graph);

    for (i = 0; metrics && i < n; i++)
        max_pr = fmax(max_pr, kgex_graph_node(wr->graph, i)->metrics.pagerank);
    for (i = 0; i < n; i++) {
        size_t v = order[i];
        const kgex_node *node = kgex_graph_node(wr->graph, v);
        double ux, uy;

        if (metrics) {
            ux = node->metrics.x;
            uy = node->metrics.y;
        } else {
            ux = n > 1 ? cos(2 * PI * (double)i / (double)n) : 0;
            uy = n > 1 ? sin(2 * PI * (double)i / (double)n) : 0;
        }
        /* [-1, 1] into the drawing area, right of the legend */
        wr->x[v] = LEFT + (ux + 1) / 2 * (WIDTH - LEFT - RIGHT);
        wr->y[v] = MARGIN + (uy + 1) / 2 * (HEIGHT - 2 * MARGIN);
        wr->r[v] = metrics && max_pr > 0 ? RADIUS_MIN + (RADIUS_MAX - RADIUS_MIN) *
                                                            sqrt(node->metrics.pagerank / max_pr)
                                         : (RADIUS_MIN + RADIUS_MAX) / 3;
    }
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

    if (n->kind == KGEX_KIND_EVENT)
        return KGEX_OK;
    PUT("    <text x=\"%.1f\" y=\"%.1f\">", wr->x[v] + wr->r[v] + 3, wr->y[v] + 4);
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
    if (!wr->x || !wr->y || !wr->r) {
        error = KGEX_ENOMEM;
        goto done;
    }
    place_nodes(wr, node_order, n);
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
    return kgex__write_error(err, error, path, saved, "svg", "write error");
}
