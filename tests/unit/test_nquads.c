/*
 * test_nquads.c - the N-Quads and N-Triples writers: literal and IRI
 * escaping, document graphs, the default graph for counts, xsd:double in
 * JSON-LD's canonical form, N-Triples as the union of the N-Quads graphs.
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "export/number.h"
#include "kgex/analytics.h"
#include "kgex/errors.h"
#include "kgex/export.h"
#include "kgex/graph.h"

static const kgex_export_options nquads_opts = {KGEX_EXPORT_OPTIONS_VERSION, KGEX_FORMAT_NQUADS,
                                                KGEX_GRAPHML_TOOLS, KGEX_GEXF_1_3};
static const kgex_export_options ntriples_opts = {KGEX_EXPORT_OPTIONS_VERSION, KGEX_FORMAT_NTRIPLES,
                                                  KGEX_GRAPHML_TOOLS, KGEX_GEXF_1_3};

#define ID    "<https://w3id.org/kgex/id/"
#define KG    "<https://w3id.org/kgex/ns#"
#define DOC_A "<https://w3id.org/kgex/doc/dir%2Fa%20doc.txt>"
#define DOC_B "<https://w3id.org/kgex/doc/b.txt>"

static kgex_graph *make_graph(void)
{
    kgex_graph *g = NULL;
    kgex_provenance pa = {"dir/a doc.txt", 1, 0, 7, NULL}, pb = {"b.txt", 2, 5, 9, NULL};
    kgex_node_spec s = {0};
    size_t arm, ev;

    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    s.id = "state/ARM";
    s.kind = KGEX_KIND_STATE;
    s.label = "Arme\"nia\\ \t\n\r\x7f \xc3\xa9";
    s.wikidata = "Q399";
    assert_int_equal(kgex_graph_add_node(g, &arm, &s, &pa), KGEX_OK);
    assert_int_equal(kgex_graph_add_node(g, &arm, &s, &pb), KGEX_OK);
    memset(&s, 0, sizeof(s));
    s.id = "event/a.txt/1/0";
    s.kind = KGEX_KIND_EVENT;
    s.label = "Statement";
    s.quote = "we \"will\" respond";
    assert_int_equal(kgex_graph_add_node(g, &ev, &s, NULL), KGEX_OK);
    assert_int_equal(kgex_graph_add_edge(g, NULL, arm, KGEX_REL_STATED, ev, NULL, NULL, NULL, &pb),
                     KGEX_OK);
    return g;
}

static char *write_rdf(kgex_graph *g, int quads)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);

    assert_non_null(fp);
    assert_int_equal(quads ? kgex_export_write(g, fp, &nquads_opts, NULL)
                           : kgex_export_write(g, fp, &ntriples_opts, NULL),
                     KGEX_OK);
    assert_int_equal(fclose(fp), 0);
    return text;
}

static size_t count_lines(const char *text)
{
    size_t n = 0;

    for (; *text; text++)
        n += *text == '\n';
    return n;
}

static void nquads_escape_literals_like_rdf_canonical_form(void **state)
{
    kgex_graph *g = make_graph();
    char *nt = write_rdf(g, 0);

    (void)state;
    assert_non_null(strstr(nt, ID "state/ARM> <https://schema.org/name> "
                                  "\"Arme\\\"nia\\\\ \\t\\n\\r\\u007F \xc3\xa9\" .\n"));
    assert_non_null(strstr(nt, ID "state/ARM> <https://schema.org/sameAs> "
                                  "<http://www.wikidata.org/entity/Q399> .\n"));
    assert_non_null(strstr(nt, ID "event/a.txt/1/0> <https://schema.org/text> "
                                  "\"we \\\"will\\\" respond\" .\n"));
    assert_non_null(
        strstr(nt, KG "mentions> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"));
    assert_non_null(strstr(nt, ID "relation/0> " KG "weight> \"1\"^^"));
    free(nt);
    kgex_graph_free(g);
}

static void nquads_put_facts_in_their_documents_graphs(void **state)
{
    kgex_graph *g = make_graph();
    char *nq = write_rdf(g, 1), *nt = write_rdf(g, 0);

    (void)state;
    /* the node is in both documents; each provenance in its own */
    assert_non_null(strstr(nq, ID "state/ARM> " KG "kind> \"state\" " DOC_A " .\n"));
    assert_non_null(strstr(nq, ID "state/ARM> " KG "kind> \"state\" " DOC_B " .\n"));
    assert_non_null(strstr(nq, KG "provenance> \"dir/a%20doc.txt#1:0-7\" " DOC_A " .\n"));
    assert_null(strstr(nq, KG "provenance> \"dir/a%20doc.txt#1:0-7\" " DOC_B));
    /* counts in the default graph; a node read from no document too */
    assert_non_null(
        strstr(nq, KG "mentions> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"));
    assert_non_null(strstr(nq, ID "event/a.txt/1/0> " KG "kind> \"event\" .\n"));
    /* the relation: only in b.txt */
    assert_non_null(strstr(nq, ID "state/ARM> " KG "stated> " ID "event/a.txt/1/0> " DOC_B " .\n"));
    /* N-Triples: one line per triple; N-Quads repeat the node's for A and B */
    assert_true(count_lines(nq) > count_lines(nt));
    assert_null(strstr(nt, "https://w3id.org/kgex/doc/"));
    free(nq);
    free(nt);
    kgex_graph_free(g);
}

static void nquads_write_analytics_as_jsonld_would(void **state)
{
    kgex_graph *g = make_graph();
    char buf[64];
    char *nt;

    (void)state;
    kgex__number_xsd_double(buf, sizeof(buf), 0.05);
    assert_string_equal(buf, "5.0E-2");
    kgex__number_xsd_double(buf, sizeof(buf), 3.0);
    assert_string_equal(buf, "3.0E0");
    kgex__number_xsd_double(buf, sizeof(buf), 0.0);
    assert_string_equal(buf, "0.0E0");
    kgex__number_xsd_double(buf, sizeof(buf), 1234.5);
    assert_string_equal(buf, "1.2345E3");
    kgex__number_shortest(buf, sizeof(buf), 0.1);
    assert_string_equal(buf, "0.1");
    assert_int_equal(kgex_graph_analyze(g), KGEX_OK);
    nt = write_rdf(g, 0);
    assert_non_null(strstr(nt, KG "pagerank> \""));
    /* the one actor has all the rank, the statement none (analytics.h) */
    assert_non_null(
        strstr(nt, KG "pagerank> \"1.0E0\"^^<http://www.w3.org/2001/XMLSchema#double> .\n"));
    assert_non_null(
        strstr(nt, KG "pagerank> \"0.0E0\"^^<http://www.w3.org/2001/XMLSchema#double> .\n"));
    assert_non_null(strstr(nt, KG "community> \"0\"^^<http://www.w3.org/2001/XMLSchema#integer>"));
    free(nt);
    kgex_graph_free(g);
}

static void nquads_file_errors_name_the_path(void **state)
{
    kgex_graph *g = make_graph();
    kgex_error err;

    (void)state;
    kgex_error_clear(&err);
    assert_int_equal(kgex_export_write_file(g, "/nonexistent-dir/g.nq", &nquads_opts, &err),
                     KGEX_EIO);
    /* the path is the source, named once; the message says why */
    assert_string_equal(err.source, "/nonexistent-dir/g.nq");
    assert_null(strstr(err.message, "nonexistent-dir"));
    assert_int_equal(kgex_export_write_file(NULL, "x.nt", &ntriples_opts, NULL), KGEX_EINVAL);
    kgex_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nquads_escape_literals_like_rdf_canonical_form),
        cmocka_unit_test(nquads_put_facts_in_their_documents_graphs),
        cmocka_unit_test(nquads_write_analytics_as_jsonld_would),
        cmocka_unit_test(nquads_file_errors_name_the_path),
    };
    return cmocka_run_group_tests_name("nquads", tests, NULL, NULL);
}
