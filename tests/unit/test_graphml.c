/*
 * test_graphml.c - the GraphML writer: hostile strings, schema validity,
 * key declarations, determinism and the all-or-nothing file replacement.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "kgex/errors.h"
#include "kgex/export.h"
#include "kgex/graph.h"

static const kgex_export_options graphml_opts = {KGEX_EXPORT_OPTIONS_VERSION, KGEX_FORMAT_GRAPHML,
                                                 KGEX_GRAPHML_STRICT, KGEX_GEXF_1_3};

/* <, >, &, quotes, "]]>", C0 controls, invalid UTF-8, U+FFFE, an emoji */
#define HOSTILE       "A<b>&\"'c]]> \x01x\x0by \xff\xfe z \xef\xbf\xbe w \xf0\x9f\x98\x80 end"
#define HOSTILE_CLEAN "A<b>&\"'c]]> xy \xef\xbf\xbd\xef\xbf\xbd z  w \xf0\x9f\x98\x80 end"

static kgex_graph *make_graph(void)
{
    kgex_graph *g = NULL;
    kgex_provenance p = {"my doc.txt", 3, 10, 42, NULL};
    kgex_node_spec s = {0};
    size_t arm, csto, person, event;

    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    s.id = "state/ARM";
    s.kind = KGEX_KIND_STATE;
    s.label = HOSTILE;
    s.iso3 = "ARM";
    s.wikidata = "Q399";
    assert_int_equal(kgex_graph_add_node(g, &arm, &s, &p), KGEX_OK);
    assert_int_equal(kgex_graph_add_alias(g, arm, "Armenia"), KGEX_OK);
    assert_int_equal(kgex_graph_add_alias(g, arm, "Armenian\x02 <state>"), KGEX_OK);
    memset(&s, 0, sizeof(s));
    s.id = "org/csto";
    s.kind = KGEX_KIND_ORGANIZATION;
    s.label = "CSTO";
    assert_int_equal(kgex_graph_add_node(g, &csto, &s, &p), KGEX_OK);
    memset(&s, 0, sizeof(s));
    s.id = "person/nikol_pashinyan";
    s.kind = KGEX_KIND_OFFICIAL;
    s.label = "Nikol Pashinyan";
    s.role = "prime minister";
    assert_int_equal(kgex_graph_add_node(g, &person, &s, &p), KGEX_OK);
    memset(&s, 0, sizeof(s));
    s.id = "event/my doc.txt/3/0";
    s.kind = KGEX_KIND_EVENT;
    s.label = "statement by Nikol Pashinyan";
    s.quote = HOSTILE;
    s.date = "2022-09-13";
    s.cameo = "0233";
    assert_int_equal(kgex_graph_add_node(g, &event, &s, &p), KGEX_OK);

    assert_int_equal(
        kgex_graph_add_edge(g, NULL, arm, KGEX_REL_MEMBER_OF, csto, NULL, NULL, NULL, &p), KGEX_OK);
    assert_int_equal(
        kgex_graph_add_edge(g, NULL, arm, KGEX_REL_MEMBER_OF, csto, NULL, NULL, NULL, &p), KGEX_OK);
    assert_int_equal(
        kgex_graph_add_edge(g, NULL, person, KGEX_REL_OFFICIAL_OF, arm, HOSTILE, NULL, NULL, &p),
        KGEX_OK);
    assert_int_equal(kgex_graph_add_edge(g, NULL, person, KGEX_REL_STATED, event, NULL, "0233",
                                         "2022-09-13", &p),
                     KGEX_OK);
    assert_int_equal(
        kgex_graph_add_edge(g, NULL, event, KGEX_REL_ABOUT, csto, NULL, NULL, NULL, NULL), KGEX_OK);
    return g;
}

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/kgex-test-graphml-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[300];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static size_t count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *ent;
    size_t n = 0;

    assert_non_null(d);
    while ((ent = readdir(d)) != NULL) {
        if (strcmp(ent->d_name, ".") != 0 && strcmp(ent->d_name, "..") != 0)
            n++;
    }
    closedir(d);
    return n;
}

static char *slurp(const char *path, size_t *len_out)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    long len;

    assert_non_null(fp);
    assert_int_equal(fseek(fp, 0, SEEK_END), 0);
    len = ftell(fp);
    assert_true(len >= 0);
    rewind(fp);
    buf = malloc((size_t)len + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)len, fp), (size_t)len);
    buf[len] = '\0';
    fclose(fp);
    if (len_out)
        *len_out = (size_t)len;
    return buf;
}

static int is_element(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static int attr_equals(xmlNode *n, const char *name, const char *value)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    int eq = v && strcmp((const char *)v, value) == 0;

    xmlFree(v);
    return eq;
}

static xmlNode *child(xmlNode *parent, const char *name)
{
    xmlNode *c;

    for (c = parent->children; c; c = c->next) {
        if (is_element(c, name))
            return c;
    }
    return NULL;
}

/* Text of <data key=KEY> under `el`, or NULL; caller frees with xmlFree. */
static xmlChar *data_text(xmlNode *el, const char *key)
{
    xmlNode *c;

    for (c = el->children; c; c = c->next) {
        if (is_element(c, "data") && attr_equals(c, "key", key))
            return xmlNodeGetContent(c);
    }
    return NULL;
}

static xmlNode *node_by_canonical_id(xmlNode *graph, const char *id)
{
    xmlNode *c;

    for (c = graph->children; c; c = c->next) {
        xmlChar *t;
        int eq;

        if (!is_element(c, "node"))
            continue;
        t = data_text(c, "canonical_id");
        eq = t && strcmp((const char *)t, id) == 0;
        xmlFree(t);
        if (eq)
            return c;
    }
    return NULL;
}

static void graphml_round_trips_hostile_strings(void **state)
{
    kgex_graph *g = make_graph();
    kgex_error err;
    char path[512];
    xmlDoc *doc;
    xmlNode *root, *graph, *node;
    xmlChar *text;

    (void)state;
    snprintf(path, sizeof(path), "%s/hostile.graphml", tmpdir);
    assert_int_equal(kgex_export_write_file(g, path, &graphml_opts, &err), KGEX_OK);
    doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    root = xmlDocGetRootElement(doc);
    assert_true(is_element(root, "graphml"));
    assert_non_null(root->ns);
    assert_string_equal((const char *)root->ns->href, "http://graphml.graphdrawing.org/xmlns");
    graph = child(root, "graph");
    assert_non_null(graph);
    assert_true(attr_equals(graph, "id", "G"));
    assert_true(attr_equals(graph, "edgedefault", "directed"));

    node = node_by_canonical_id(graph, "state/ARM");
    assert_non_null(node);
    assert_true(attr_equals(node, "id", "state:ARM"));
    text = data_text(node, "label");
    assert_string_equal((const char *)text, HOSTILE_CLEAN);
    xmlFree(text);
    text = data_text(node, "aliases");
    assert_string_equal((const char *)text, "Armenia|Armenian <state>");
    xmlFree(text);
    text = data_text(node, "labels");
    assert_string_equal((const char *)text, ":State");
    xmlFree(text);
    text = data_text(node, "mentions");
    assert_string_equal((const char *)text, "1");
    xmlFree(text);
    text = data_text(node, "provenance");
    assert_string_equal((const char *)text, "my%20doc.txt#3:10-42");
    xmlFree(text);

    node = node_by_canonical_id(graph, "event/my doc.txt/3/0");
    assert_non_null(node);
    assert_true(attr_equals(node, "id", "event:my_20doc.txt:3:0"));
    text = data_text(node, "quote");
    assert_string_equal((const char *)text, HOSTILE_CLEAN);
    xmlFree(text);
    assert_true(attr_equals(node_by_canonical_id(graph, "person/nikol_pashinyan"), "id",
                            "person:nikol_5Fpashinyan"));

    xmlFreeDoc(doc);
    kgex_graph_free(g);
}

static void graphml_is_valid_against_the_schema(void **state)
{
    kgex_graph *g = make_graph();
    xmlSchemaParserCtxt *pctx;
    xmlSchema *schema;
    xmlSchemaValidCtxt *vctx;
    char path[512];
    xmlDoc *doc;

    (void)state;
    snprintf(path, sizeof(path), "%s/valid.graphml", tmpdir);
    assert_int_equal(kgex_export_write_file(g, path, &graphml_opts, NULL), KGEX_OK);
    pctx = xmlSchemaNewParserCtxt(KGEX_SOURCE_DIR "/schemas/graphml/graphml.xsd");
    assert_non_null(pctx);
    schema = xmlSchemaParse(pctx);
    assert_non_null(schema);
    vctx = xmlSchemaNewValidCtxt(schema);
    assert_non_null(vctx);
    doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    assert_int_equal(xmlSchemaValidateDoc(vctx, doc), 0);
    xmlFreeDoc(doc);
    xmlSchemaFreeValidCtxt(vctx);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pctx);
    kgex_graph_free(g);
}

static void graphml_declares_typed_keys_and_orders_elements(void **state)
{
    kgex_graph *g = make_graph();
    char path[512];
    xmlDoc *doc;
    xmlNode *root, *c;
    size_t keys = 0, edges = 0;
    int seen_edge = 0, edge_label = 0, node_label = 0;
    char expect[32];

    (void)state;
    snprintf(path, sizeof(path), "%s/keys.graphml", tmpdir);
    assert_int_equal(kgex_export_write_file(g, path, &graphml_opts, NULL), KGEX_OK);
    doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    root = xmlDocGetRootElement(doc);
    for (c = root->children; c; c = c->next) {
        xmlChar *id, *name;

        if (!is_element(c, "key"))
            continue;
        keys++;
        assert_true(attr_equals(c, "for", "node") || attr_equals(c, "for", "edge"));
        assert_non_null(xmlHasProp(c, (const xmlChar *)"attr.type"));
        assert_null(child(c, "default"));
        id = xmlGetProp(c, (const xmlChar *)"id");
        name = xmlGetProp(c, (const xmlChar *)"attr.name");
        assert_non_null(id);
        assert_non_null(name);
        if (strcmp((const char *)name, "label") == 0) {
            if (attr_equals(c, "for", "edge")) {
                assert_string_equal((const char *)id, "edge_label");
                edge_label = 1;
            } else {
                assert_string_equal((const char *)id, "label");
                node_label = 1;
            }
        } else if (attr_equals(c, "for", "node")) {
            assert_string_equal((const char *)id, (const char *)name);
        }
        if (strcmp((const char *)name, "mentions") == 0)
            assert_true(attr_equals(c, "attr.type", "int"));
        if (strcmp((const char *)name, "weight") == 0)
            assert_true(attr_equals(c, "attr.type", "double"));
        xmlFree(id);
        xmlFree(name);
    }
    assert_true(keys >= 10);
    assert_true(edge_label && node_label);

    for (c = child(root, "graph")->children; c; c = c->next) {
        if (is_element(c, "edge")) {
            xmlChar *w;

            seen_edge = 1;
            snprintf(expect, sizeof(expect), "e%zu", edges++);
            assert_true(attr_equals(c, "id", expect));
            w = data_text(c, "weight");
            assert_non_null(w);
            assert_true(strtod((const char *)w, NULL) >= 1.0);
            xmlFree(w);
        } else if (is_element(c, "node")) {
            assert_false(seen_edge); /* all nodes before all edges */
        }
    }
    assert_int_equal(edges, 4); /* member_of was added twice: one edge */
    xmlFreeDoc(doc);
    kgex_graph_free(g);
}

static void graphml_output_is_deterministic(void **state)
{
    kgex_graph *g = make_graph();
    char p1[512], p2[512];
    char *a, *b;
    size_t alen, blen;

    (void)state;
    snprintf(p1, sizeof(p1), "%s/det1.graphml", tmpdir);
    snprintf(p2, sizeof(p2), "%s/det2.graphml", tmpdir);
    assert_int_equal(kgex_export_write_file(g, p1, &graphml_opts, NULL), KGEX_OK);
    assert_int_equal(kgex_export_write_file(g, p2, &graphml_opts, NULL), KGEX_OK);
    a = slurp(p1, &alen);
    b = slurp(p2, &blen);
    assert_int_equal(alen, blen);
    assert_memory_equal(a, b, alen);
    free(a);
    free(b);
    kgex_graph_free(g);
}

/* Count the elements `name` under `parent` that carry attribute `attr`. */
static size_t count_with_attr(xmlNode *parent, const char *name, const char *attr)
{
    xmlNode *c;
    size_t n = 0;

    for (c = parent->children; c; c = c->next) {
        if (is_element(c, name) && xmlHasProp(c, (const xmlChar *)attr))
            n++;
    }
    return n;
}

static void graphml_flavors_add_importer_attributes_only_when_asked(void **state)
{
    static const kgex_graphml_flavor flavors[] = {KGEX_GRAPHML_TOOLS, KGEX_GRAPHML_STRICT};
    kgex_graph *g = make_graph();
    kgex_export_options opts = KGEX_EXPORT_OPTIONS_INIT;
    size_t f;

    (void)state;
    for (f = 0; f < 2; f++) {
        char path[512];
        xmlDoc *doc;
        xmlNode *graph;
        size_t nodes = kgex_graph_node_count(g), edges = kgex_graph_edge_count(g);

        snprintf(path, sizeof(path), "%s/flavor%zu.graphml", tmpdir, f);
        opts.graphml_flavor = flavors[f];
        assert_int_equal(kgex_export_write_file(g, path, &opts, NULL), KGEX_OK);
        doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
        assert_non_null(doc);
        graph = child(xmlDocGetRootElement(doc), "graph");
        assert_non_null(graph);
        /* the default (tools): edges have a label attribute, nodes labels */
        assert_int_equal(count_with_attr(graph, "edge", "label"), f == 0 ? edges : 0);
        assert_int_equal(count_with_attr(graph, "node", "labels"), f == 0 ? nodes : 0);
        xmlFreeDoc(doc);
    }
    opts.graphml_flavor = (kgex_graphml_flavor)7;
    assert_int_equal(kgex_export_write_file(g, "-", &opts, NULL), KGEX_EINVAL);
    opts.graphml_flavor = KGEX_GRAPHML_TOOLS;
    opts.version = 99;
    assert_int_equal(kgex_export_write_file(g, "-", &opts, NULL), KGEX_EINVAL);
    kgex_graph_free(g);
}

static void graphml_replaces_an_existing_file(void **state)
{
    kgex_graph *g = make_graph();
    char dir[512], path[600];
    FILE *fp;
    char *text;

    (void)state;
    snprintf(dir, sizeof(dir), "%s/replace", tmpdir);
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(path, sizeof(path), "%s/out.graphml", dir);
    fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("old content\n", fp);
    fclose(fp);
    assert_int_equal(kgex_export_write_file(g, path, &graphml_opts, NULL), KGEX_OK);
    text = slurp(path, NULL);
    assert_memory_equal(text, "<?xml", 5);
    free(text);
    assert_int_equal(count_entries(dir), 1); /* no temporary file left */
    kgex_graph_free(g);
}

static void graphml_reports_unwritable_paths(void **state)
{
    kgex_graph *g = make_graph();
    kgex_error err;
    char dir[512], path[600];

    (void)state;
    kgex_error_clear(&err);
    assert_int_equal(kgex_export_write_file(g, "/nonexistent-dir/x.graphml", &graphml_opts, &err),
                     KGEX_EIO);
    assert_int_equal(err.code, KGEX_EIO);
    /* the path is the source, named once; the message says why */
    assert_string_equal(err.source, "/nonexistent-dir/x.graphml");
    assert_null(strstr(err.message, "nonexistent-dir"));
    assert_int_equal(access("/nonexistent-dir", F_OK), -1);

    /* the rename fails (the target is a directory): no temporary file stays */
    snprintf(dir, sizeof(dir), "%s/isdir", tmpdir);
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(path, sizeof(path), "%s/target", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    kgex_error_clear(&err);
    assert_int_equal(kgex_export_write_file(g, path, &graphml_opts, &err), KGEX_EIO);
    assert_string_equal(err.source, path);
    assert_non_null(strstr(err.message, "directory"));
    assert_int_equal(count_entries(dir), 1);
    kgex_graph_free(g);
}

static void graphml_reports_a_full_disk(void **state)
{
    kgex_graph *g = make_graph();
    kgex_error err;
    FILE *fp;

    (void)state;
    fp = fopen("/dev/full", "w");
    if (!fp)
        skip();
    kgex_error_clear(&err);
    assert_int_equal(kgex_export_write(g, fp, &graphml_opts, &err), KGEX_EIO);
    assert_int_equal(err.code, KGEX_EIO);
    assert_non_null(strstr(err.message, "No space left"));
    fclose(fp);
    kgex_graph_free(g);
}

static void graphml_writes_an_empty_graph(void **state)
{
    kgex_graph *g = NULL;
    char path[512];
    xmlDoc *doc;

    (void)state;
    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    snprintf(path, sizeof(path), "%s/empty.graphml", tmpdir);
    assert_int_equal(kgex_export_write_file(g, path, &graphml_opts, NULL), KGEX_OK);
    doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    assert_non_null(child(xmlDocGetRootElement(doc), "graph"));
    xmlFreeDoc(doc);
    assert_int_equal(kgex_export_write(NULL, stdout, &graphml_opts, NULL), KGEX_EINVAL);
    kgex_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(graphml_round_trips_hostile_strings),
        cmocka_unit_test(graphml_is_valid_against_the_schema),
        cmocka_unit_test(graphml_declares_typed_keys_and_orders_elements),
        cmocka_unit_test(graphml_output_is_deterministic),
        cmocka_unit_test(graphml_flavors_add_importer_attributes_only_when_asked),
        cmocka_unit_test(graphml_replaces_an_existing_file),
        cmocka_unit_test(graphml_reports_unwritable_paths),
        cmocka_unit_test(graphml_reports_a_full_disk),
        cmocka_unit_test(graphml_writes_an_empty_graph),
    };
    int rc = cmocka_run_group_tests_name("graphml", tests, setup, teardown);

    xmlCleanupParser();
    return rc;
}
