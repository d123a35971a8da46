/*
 * fuzz_analytics.c - libFuzzer target for the analytics and the drawings:
 * bytes -> a graph (the first two bytes give the number of nodes, up to
 * 1,024, so that graphs above the 300 nodes of the small layout come too;
 * every four bytes after them an edge, up to 4,096) -> kgex_graph_analyze_ext(), with
 * or without the layout -> every measure finite, positions in [-1, 1],
 * statements ranked 0 -> the same graph built in the reverse order must
 * give the same measures -> GEXF and SVG in memory, read back by libxml2.
 *
 *   bash tests/fuzz/run.sh fuzz_analytics 600
 */
#include "fuzz_common.h" /* first: it sets _POSIX_C_SOURCE (open_memstream) */

#include <math.h>

#define MAX_NODES 1024 /* above the 300 of the small layout, small enough to be quick */
#define MAX_EDGES 4096

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char *const kind_prefix[] = {"state/", "org/", "person/", "event/d/"};

/* The graph of `data`, its nodes and edges added forwards or backwards. */
static kgex_graph *graph_of(const unsigned char *data, size_t size, size_t n, int backwards)
{
    size_t edges = (size - 2) / 4 < MAX_EDGES ? (size - 2) / 4 : MAX_EDGES, i;
    size_t *index = calloc(n, sizeof(*index));
    kgex_graph *g = NULL;

    if (!index || kgex_graph_new(&g) < 0)
        abort();
    for (i = 0; i < n; i++) {
        size_t v = backwards ? n - 1 - i : i;
        kgex_node_spec spec = {0};
        char id[32];

        snprintf(id, sizeof(id), "%s%zu", kind_prefix[v % 4], v);
        spec.id = id;
        spec.label = id;
        spec.kind = (kgex_kind)(v % 4);
        if (kgex_graph_add_node(g, &index[v], &spec, NULL) < 0)
            abort();
    }
    for (i = 0; i < edges; i++) {
        const unsigned char *e = data + 2 + 4 * (backwards ? edges - 1 - i : i);
        size_t a = ((size_t)e[0] << 8 | e[1]) % n, b = ((size_t)e[2] << 8 | e[3]) % n;

        if (kgex_graph_add_edge(g, NULL, index[a], (kgex_relation)((a + b) % 6), index[b], NULL,
                                NULL, NULL, NULL) < 0)
            abort();
    }
    free(index);
    return g;
}

static void check_metrics(const kgex_graph *g)
{
    size_t i, j;

    for (i = 0; i < kgex_graph_node_count(g); i++) {
        const kgex_node *node = kgex_graph_node(g, i);
        const kgex_metrics *m = kgex_graph_metrics(g, i);
        double values[] = {m->weighted_degree, m->pagerank, m->betweenness, m->x, m->y};

        for (j = 0; j < sizeof(values) / sizeof(values[0]); j++) {
            if (!isfinite(values[j]))
                fuzz_fail("analytics", "a measure is not finite");
        }
        if (fabs(m->x) > 1.0 || fabs(m->y) > 1.0)
            fuzz_fail("analytics", "a position out of [-1, 1]");
        if (node->kind == KGEX_KIND_EVENT && (m->pagerank != 0 || m->betweenness != 0))
            fuzz_fail("analytics", "a statement is ranked");
    }
}

static void check_same(const kgex_graph *a, const kgex_graph *b)
{
    size_t i, j;

    for (i = 0; i < kgex_graph_node_count(a); i++) {
        const kgex_metrics *ma = kgex_graph_metrics(a, i), *mb;

        if (kgex_graph_find_node(b, &j, kgex_graph_node(a, i)->id) < 0)
            abort();
        mb = kgex_graph_metrics(b, j);
        if (ma->community != mb->community || ma->component != mb->component ||
            fabs(ma->pagerank - mb->pagerank) > 1e-9 || fabs(ma->x - mb->x) > 1e-9 ||
            fabs(ma->y - mb->y) > 1e-9 ||
            fabs(ma->betweenness - mb->betweenness) > 1e-6 * (1 + fabs(ma->betweenness)))
            fuzz_fail("analytics", "the input order changed a measure");
    }
}

/* Write `g` in `format` into memory and read it back with libxml2. */
static void check_drawing(const kgex_graph *g, kgex_format format)
{
    kgex_export_options opts = KGEX_EXPORT_OPTIONS_INIT;
    char *buf = NULL;
    size_t size = 0;
    kgex_error err;
    xmlDocPtr xdoc;
    FILE *fp = open_memstream(&buf, &size);

    if (!fp)
        abort();
    opts.format = format;
    if (kgex_export_write(g, fp, &opts, &err) < 0)
        fuzz_fail("write", err.message);
    fclose(fp);
    xmlSetGenericErrorFunc(NULL, fuzz_xml_quiet);
    xdoc =
        xmlReadMemory(buf, (int)size, "fuzz.xml", NULL,
                      XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!xdoc)
        fuzz_fail(format == KGEX_FORMAT_SVG ? "svg" : "gexf", "libxml2 cannot read the output");
    xmlFreeDoc(xdoc);
    free(buf);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    kgex_analytics_options opts = KGEX_ANALYTICS_OPTIONS_INIT;
    kgex_graph *forwards, *backwards;
    size_t n;

    if (size < 2)
        return 0;
    n = 1 + ((size_t)(data[0] & 0x0f) << 8 | data[1]) % MAX_NODES;
    opts.layout = !(data[0] & 0x80);
    forwards = graph_of(data, size, n, 0);
    backwards = graph_of(data, size, n, 1);
    if (kgex_graph_analyze_ext(forwards, &opts) < 0 || kgex_graph_analyze_ext(backwards, &opts) < 0)
        fuzz_fail("analytics", "failed");
    check_metrics(forwards);
    check_same(forwards, backwards);
    check_drawing(forwards, KGEX_FORMAT_GEXF);
    check_drawing(forwards, KGEX_FORMAT_SVG);
    kgex_graph_free(forwards);
    kgex_graph_free(backwards);
    return 0;
}
