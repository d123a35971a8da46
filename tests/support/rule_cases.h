/*
 * rule_cases.h - shared by the relation-rule tests (test_rules.c,
 * test_rules_more.c): extract a short text into a fresh graph and look for
 * an edge or a node by label; tables of cases with the expected verdict.
 * Include after <cmocka.h> and "kgex/kgex.h".
 */
#ifndef KGEX_TEST_RULE_CASES_H
#define KGEX_TEST_RULE_CASES_H

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Labels of lexicon organizations, as the graph gives them. */
#define CSTO "Collective Security Treaty Organization"
#define NATO "North Atlantic Treaty Organization"
#define EU   "European Union"

typedef struct rel_case {
    const char *text;
    kgex_relation rel;
    const char *src;
    const char *dst; /* stated: NULL, the target is the statement event */
    int expect_present;
} rel_case;

typedef struct node_case {
    const char *text;
    kgex_kind kind;
    const char *label; /* NULL: any node of that kind */
    int expect_present;
} node_case;

/* ------------------------------------------------------------ helpers */

static int setup(void **state)
{
    kgex_lexicon *lex = NULL;
    kgex_error err;

    if (kgex_lexicon_new_default(&lex, &err) != KGEX_OK)
        return -1;
    *state = lex;
    return 0;
}

static int teardown(void **state)
{
    kgex_lexicon_free(*state);
    return 0;
}

/* Extract `text` as document `doc` (publication date `date`, may be NULL)
 * with extractor `x`. */
static void extract_into(kgex_extractor *x, const char *doc, const char *text, const char *date)
{
    kgex_extract_options opts = KGEX_EXTRACT_OPTIONS_INIT;
    kgex_error err;

    kgex_error_clear(&err);
    opts.date = date;
    if (kgex_extract_text(x, doc, text, strlen(text), &opts, &err) != KGEX_OK) {
        print_error("extracting \"%s\": %s\n", text, err.message);
        fail();
    }
}

/* A new graph holding what `text` gives; caller frees it. */
static kgex_graph *extract(const kgex_lexicon *lex, const char *text, const char *date)
{
    kgex_graph *g = NULL;
    kgex_extractor *x = NULL;

    assert_int_equal(kgex_graph_new(&g), KGEX_OK);
    assert_int_equal(kgex_extractor_new(&x, lex, g), KGEX_OK);
    extract_into(x, "test.txt", text, date);
    kgex_extractor_free(x);
    return g;
}

/* ANY in place of a label matches every node (but an event). */
#define ANY "*"

static int label_is(const kgex_graph *g, size_t node, const char *label)
{
    const kgex_node *n = kgex_graph_node(g, node);

    if (n && strcmp(label, ANY) == 0)
        return n->kind != KGEX_KIND_EVENT;
    return n && strcmp(n->label, label) == 0;
}

/* The edge `rel` from the node labelled `src` to the node labelled `dst`
 * (any event when `dst` is NULL), or NULL. */
static const kgex_edge *find_edge(const kgex_graph *g, kgex_relation rel, const char *src,
                                  const char *dst)
{
    size_t i;

    for (i = 0; i < kgex_graph_edge_count(g); i++) {
        const kgex_edge *e = kgex_graph_edge(g, i);

        if (e->relation != rel || !label_is(g, e->source, src))
            continue;
        if (dst ? label_is(g, e->target, dst)
                : kgex_graph_node(g, e->target)->kind == KGEX_KIND_EVENT)
            return e;
    }
    return NULL;
}

static int has_edge(const kgex_graph *g, kgex_relation rel, const char *src, const char *dst)
{
    return find_edge(g, rel, src, dst) != NULL;
}

/* A `stated` edge from the speaker labelled `speaker` to a statement event. */
static int has_stated(const kgex_graph *g, const char *speaker)
{
    return has_edge(g, KGEX_REL_STATED, speaker, NULL);
}

/* The node of `kind` labelled `label` (any of that kind when NULL), or NULL. */
static const kgex_node *find_node(const kgex_graph *g, kgex_kind kind, const char *label)
{
    size_t i;

    for (i = 0; i < kgex_graph_node_count(g); i++) {
        const kgex_node *n = kgex_graph_node(g, i);

        if (n->kind == kind && (!label || strcmp(n->label, label) == 0))
            return n;
    }
    return NULL;
}

static int has_node(const kgex_graph *g, kgex_kind kind, const char *label)
{
    return find_node(g, kind, label) != NULL;
}

static size_t count_nodes(const kgex_graph *g, kgex_kind kind)
{
    size_t i, n = 0;

    for (i = 0; i < kgex_graph_node_count(g); i++) {
        if (kgex_graph_node(g, i)->kind == kind)
            n++;
    }
    return n;
}

static int has_alias(const kgex_node *n, const char *alias)
{
    size_t i;

    for (i = 0; n && i < n->aliases_len; i++) {
        if (strcmp(n->aliases[i], alias) == 0)
            return 1;
    }
    return 0;
}

/* What the extractor found, for the failure report. */
static void dump_graph(const kgex_graph *g)
{
    size_t i;

    for (i = 0; i < kgex_graph_node_count(g); i++) {
        const kgex_node *n = kgex_graph_node(g, i);
        if (n->kind != KGEX_KIND_EVENT)
            print_message("      node %-12s %s\n", kgex_kind_name(n->kind), n->label);
    }
    for (i = 0; i < kgex_graph_edge_count(g); i++) {
        const kgex_edge *e = kgex_graph_edge(g, i);
        if (e->relation != KGEX_REL_ABOUT)
            print_message("      edge %-12s %s -> %s\n", kgex_relation_name(e->relation),
                          kgex_graph_node(g, e->source)->label,
                          kgex_graph_node(g, e->target)->label);
    }
}

/* Run every case and report all that fail before failing. */
static void run_rel_cases(const kgex_lexicon *lex, const rel_case *cases, size_t len)
{
    size_t k, failed = 0;

    for (k = 0; k < len; k++) {
        const rel_case *c = &cases[k];
        kgex_graph *g = extract(lex, c->text, NULL);
        int got = c->dst ? has_edge(g, c->rel, c->src, c->dst) : has_edge(g, c->rel, c->src, NULL);

        if (got != c->expect_present) {
            print_message("FAIL \"%s\"\n    expected %s%s %s -> %s; extracted:\n", c->text,
                          c->expect_present ? "" : "no ", kgex_relation_name(c->rel), c->src,
                          c->dst ? c->dst : "(statement)");
            dump_graph(g);
            failed++;
        }
        kgex_graph_free(g);
    }
    if (failed) {
        print_error("%zu of %zu cases failed\n", failed, len);
        fail();
    }
}

static void run_node_cases(const kgex_lexicon *lex, const node_case *cases, size_t len)
{
    size_t k, failed = 0;

    for (k = 0; k < len; k++) {
        const node_case *c = &cases[k];
        kgex_graph *g = extract(lex, c->text, NULL);

        if (has_node(g, c->kind, c->label) != c->expect_present) {
            print_message("FAIL \"%s\"\n    expected %s%s node %s; extracted:\n", c->text,
                          c->expect_present ? "a " : "no ", kgex_kind_name(c->kind),
                          c->label ? c->label : "(any)");
            dump_graph(g);
            failed++;
        }
        kgex_graph_free(g);
    }
    if (failed) {
        print_error("%zu of %zu cases failed\n", failed, len);
        fail();
    }
}

#define RUN_REL(lex, cases)  run_rel_cases((lex), (cases), ARRAY_LEN(cases))
#define RUN_NODE(lex, cases) run_node_cases((lex), (cases), ARRAY_LEN(cases))

#endif
