/*
 * test_svg.c - the SVG writer: well-formed XML with hostile labels, a
 * legend, colours by kind and relation, a circle layout without analytics.
 */
#define _POSIX_C_SOURCE 200809L

#include <libxml/parser.h>
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

static const kgex_export_options svg_opts = {KGEX_EXPORT_OPTIONS_VERSION, KGEX_FORMAT_SVG,
                                             KGEX_GRAPHML_TOOLS, KGEX_GEXF_1_3};

static kgex_graph *make_graph(void)
{
    kgex_graph *g = NULL;
    kgex_node_spec s = {0};
    size_t a, b;

    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    s.id = "state/AZE";
    s.kind = KGEX_KIND_STATE;
    s.label = "Azer<b>aijan & \"co\" \x01\xff";
    assert_int_equal(kgex_graph_add_node(g, &a, &s, NULL), KGEX_OK);
    s.id = "state/ARM";
    s.label = "Armenia";
    assert_int_equal(kgex_graph_add_node(g, &b, &s, NULL), KGEX_OK);
    assert_int_equal(
        kgex_graph_add_edge(g, NULL, a, KGEX_REL_ATTACKED, b, NULL, NULL, "2024-03-03", NULL),
        KGEX_OK);
    return g;
}

static char *write_svg(kgex_graph *g)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);

    assert_non_null(fp);
    assert_int_equal(kgex_export_write(g, fp, &svg_opts, NULL), KGEX_OK);
    assert_int_equal(fclose(fp), 0);
    return text;
}

static void svg_is_well_formed_with_a_legend(void **state)
{
    kgex_graph *g = make_graph();
    char *text;
    xmlDocPtr doc;
    int pass;

    (void)state;
    for (pass = 0; pass < 2; pass++) {
        if (pass == 1)
            assert_int_equal(kgex_graph_analyze(g), KGEX_OK);
        text = write_svg(g);
        doc = xmlReadMemory(text, (int)strlen(text), "g.svg", NULL, XML_PARSE_NONET);
        assert_non_null(doc);
        xmlFreeDoc(doc);
        assert_non_null(strstr(text, "<g id=\"legend\""));
        assert_non_null(strstr(text, ">appealed_to</text>"));
        assert_non_null(strstr(text, "fill=\"#1f77b4\""));   /* state */
        assert_non_null(strstr(text, "stroke=\"#d62728\"")); /* attacked */
        assert_non_null(
            strstr(text, ">Azer&lt;b&gt;aijan &amp; &quot;co&quot; \xef\xbf\xbd</text>"));
        assert_non_null(strstr(text, "attacked Armenia (2024-03-03)</title>"));
        free(text);
    }
    kgex_graph_free(g);
}

static void svg_of_an_empty_graph_is_a_legend(void **state)
{
    kgex_graph *g = NULL;
    char *text;

    (void)state;
    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    text = write_svg(g);
    assert_non_null(strstr(text, "0 nodes, 0 edges"));
    assert_non_null(strstr(text, "</svg>\n"));
    free(text);
    assert_int_equal(kgex_export_write_file(g, "/nonexistent-dir/g.svg", &svg_opts, NULL),
                     KGEX_EIO);
    kgex_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(svg_is_well_formed_with_a_legend),
        cmocka_unit_test(svg_of_an_empty_graph_is_a_legend),
    };
    int rc = cmocka_run_group_tests_name("svg", tests, NULL, NULL);

    xmlCleanupParser();
    return rc;
}
