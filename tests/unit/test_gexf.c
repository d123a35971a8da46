/*
 * test_gexf.c - the GEXF writer: valid against the GEXF 1.3 RELAX NG
 * grammar with hostile strings, viz only for analyzed graphs, dates as
 * start times, relation as edge kind.
 */
#define _POSIX_C_SOURCE 200809L

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kgex/analytics.h"
#include "kgex/errors.h"
#include "kgex/export.h"
#include "kgex/graph.h"

static const kgex_export_options gexf_opts = {KGEX_EXPORT_OPTIONS_VERSION, KGEX_FORMAT_GEXF,
                                              KGEX_GRAPHML_TOOLS, KGEX_GEXF_1_3};

#define HOSTILE "A<b>&\"'c]]> \x01x\x0by \xff\xfe z \xef\xbf\xbe w \xf0\x9f\x98\x80 end"

static kgex_graph *make_graph(void)
{
    kgex_graph *g = NULL;
    kgex_provenance p = {"my doc.txt", 3, 10, 42, NULL};
    kgex_node_spec s = {0};
    size_t arm, aze, csto, event;

    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    s.id = "state/ARM";
    s.kind = KGEX_KIND_STATE;
    s.label = HOSTILE;
    assert_int_equal(kgex_graph_add_node(g, &arm, &s, &p), KGEX_OK);
    assert_int_equal(kgex_graph_add_alias(g, arm, "Armenian\x02 <state>"), KGEX_OK);
    s.id = "state/AZE";
    s.label = "Azerbaijan";
    assert_int_equal(kgex_graph_add_node(g, &aze, &s, &p), KGEX_OK);
    memset(&s, 0, sizeof(s));
    s.id = "org/csto";
    s.kind = KGEX_KIND_ORGANIZATION;
    s.label = "CSTO";
    assert_int_equal(kgex_graph_add_node(g, &csto, &s, &p), KGEX_OK);
    memset(&s, 0, sizeof(s));
    s.id = "event/my doc.txt/3/0";
    s.kind = KGEX_KIND_EVENT;
    s.label = "Statement";
    s.quote = HOSTILE;
    s.date = "2024-03-03";
    assert_int_equal(kgex_graph_add_node(g, &event, &s, &p), KGEX_OK);
    assert_int_equal(
        kgex_graph_add_edge(g, NULL, arm, KGEX_REL_MEMBER_OF, csto, NULL, NULL, NULL, &p), KGEX_OK);
    assert_int_equal(
        kgex_graph_add_edge(g, NULL, arm, KGEX_REL_APPEALED_TO, csto, NULL, NULL, "2024-03", &p),
        KGEX_OK);
    assert_int_equal(
        kgex_graph_add_edge(g, NULL, aze, KGEX_REL_ATTACKED, arm, NULL, "190", "2024-03-03", &p),
        KGEX_OK);
    assert_int_equal(
        kgex_graph_add_edge(g, NULL, arm, KGEX_REL_STATED, event, NULL, NULL, "--03-05", NULL),
        KGEX_OK);
    return g;
}

static char *write_gexf_version(kgex_graph *g, kgex_gexf_version version)
{
    kgex_export_options opts = gexf_opts;
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);

    assert_non_null(fp);
    opts.gexf_version = version;
    assert_int_equal(kgex_export_write(g, fp, &opts, NULL), KGEX_OK);
    assert_int_equal(fclose(fp), 0);
    return text;
}

static char *write_gexf(kgex_graph *g)
{
    return write_gexf_version(g, KGEX_GEXF_1_3);
}

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static int relaxng_valid(const char *text)
{
    xmlRelaxNGParserCtxtPtr pctx;
    xmlRelaxNGPtr schema;
    xmlRelaxNGValidCtxtPtr vctx;
    xmlDocPtr doc;
    int rc;

    pctx = xmlRelaxNGNewParserCtxt(KGEX_SOURCE_DIR "/schemas/gexf/gexf.rng");
    assert_non_null(pctx);
    schema = xmlRelaxNGParse(pctx);
    assert_non_null(schema);
    vctx = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidErrors(vctx, quiet, quiet, NULL);
    doc = xmlReadMemory(text, (int)strlen(text), "g.gexf", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    rc = xmlRelaxNGValidateDoc(vctx, doc);
    xmlFreeDoc(doc);
    xmlRelaxNGFreeValidCtxt(vctx);
    xmlRelaxNGFree(schema);
    xmlRelaxNGFreeParserCtxt(pctx);
    return rc;
}

static void gexf_is_valid_with_hostile_strings_before_and_after_analysis(void **state)
{
    kgex_graph *g = make_graph();
    char *text;

    (void)state;
    text = write_gexf(g);
    assert_int_equal(relaxng_valid(text), 0);
    assert_null(strstr(text, "viz:position"));
    assert_null(strstr(text, "pagerank"));
    assert_non_null(strstr(text, "<viz:color r=\"31\" g=\"119\" b=\"180\"/>"));
    free(text);
    assert_int_equal(kgex_graph_analyze(g), KGEX_OK);
    text = write_gexf(g);
    assert_int_equal(relaxng_valid(text), 0);
    assert_non_null(strstr(text, "<viz:position "));
    assert_non_null(
        strstr(text, "<attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>"));
    free(text);
    kgex_graph_free(g);
}

static void gexf_writes_dates_as_start_and_relation_as_kind(void **state)
{
    kgex_graph *g = make_graph();
    char *text = write_gexf(g);

    (void)state;
    assert_non_null(strstr(text, "mode=\"dynamic\" timeformat=\"date\""));
    assert_non_null(strstr(text, "<node id=\"event/my doc.txt/3/0\" label=\"Statement\" "
                                 "start=\"2024-03-03\">"));
    assert_non_null(strstr(text, "kind=\"attacked\" label=\"attacked\" weight=\"1.0\" "
                                 "start=\"2024-03-03\">"));
    assert_non_null(strstr(text, "kind=\"appealed_to\" label=\"appealed_to\" weight=\"1.0\" "
                                 "start=\"2024-03-01\">"));
    /* a date without a year is an attribute, not a time */
    assert_non_null(strstr(text, "<attvalue for=\"date\" value=\"--03-05\"/>"));
    assert_null(strstr(text, "start=\"--03-05\""));
    /* scrubbed and escaped */
    assert_non_null(strstr(text, "label=\"A&lt;b&gt;&amp;&quot;'c]]&gt; xy"));
    free(text);
    kgex_graph_free(g);
}

/* The y="..." of the viz:position of node `id` in `text`. */
static double position_y(const char *text, const char *id)
{
    char open[64];
    const char *node, *y;

    snprintf(open, sizeof(open), "<node id=\"%s\"", id);
    node = strstr(text, open);
    assert_non_null(node);
    y = strstr(strstr(node, "<viz:position "), " y=\"");
    assert_non_null(y);
    return strtod(y + 4, NULL);
}

static void gexf_y_axis_points_up_as_in_gephi(void **state)
{
    kgex_graph *g = make_graph();
    size_t arm;
    double y;
    char *text;

    (void)state;
    assert_int_equal(kgex_graph_analyze(g), KGEX_OK);
    assert_int_equal(kgex_graph_find_node(g, &arm, "state/ARM"), KGEX_OK);
    y = kgex_graph_node(g, arm)->metrics.y; /* grows downwards, as in the SVG */
    assert_true(y != 0);
    text = write_gexf(g);
    assert_true(fabs(position_y(text, "state/ARM") - -1000.0 * y) < 0.001);
    free(text);
    kgex_graph_free(g);
}

static void gexf_1_2_has_the_1_2draft_namespace(void **state)
{
    kgex_graph *g = make_graph();
    char *text;

    (void)state;
    text = write_gexf_version(g, KGEX_GEXF_1_2);
    assert_non_null(strstr(text,
                           "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
                           "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">"));
    assert_null(strstr(text, "http://gexf.net/1.3"));
    assert_non_null(strstr(text, "kind=\"attacked\"")); /* Gephi reads kind in 1.2 too */
    free(text);
    kgex_graph_free(g);
}

static void gexf_file_is_atomic_and_errors_name_the_path(void **state)
{
    kgex_graph *g = make_graph();
    kgex_error err;

    (void)state;
    kgex_error_clear(&err);
    assert_int_equal(kgex_export_write_file(g, "/nonexistent-dir/g.gexf", &gexf_opts, &err),
                     KGEX_EIO);
    /* the path is the source, named once; the message says why */
    assert_string_equal(err.source, "/nonexistent-dir/g.gexf");
    assert_null(strstr(err.message, "nonexistent-dir"));
    assert_int_equal(kgex_export_write(NULL, stdout, &gexf_opts, NULL), KGEX_EINVAL);
    kgex_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gexf_is_valid_with_hostile_strings_before_and_after_analysis),
        cmocka_unit_test(gexf_writes_dates_as_start_and_relation_as_kind),
        cmocka_unit_test(gexf_file_is_atomic_and_errors_name_the_path),
        cmocka_unit_test(gexf_y_axis_points_up_as_in_gephi),
        cmocka_unit_test(gexf_1_2_has_the_1_2draft_namespace),
    };
    int rc = cmocka_run_group_tests_name("gexf", tests, NULL, NULL);

    xmlCleanupParser();
    return rc;
}
