/*
 * rule_cases.h - shared by the extraction tests (test_rules.c,
 * test_extract.c): extract a short text into a fresh graph and look for an
 * edge or a node by label.
 * Include after <cmocka.h> and "kgex/kgex.h".
 */
#ifndef KGEX_TEST_RULE_CASES_H
#define KGEX_TEST_RULE_CASES_H

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Labels of lexicon organizations, as the graph gives them. */
#define CSTO "Collective Security Treaty Organization"
#define NATO "North Atlantic Treaty Organization"
#define EU   "European Union"

/* ------------------------------------------------------------ helpers */

static inline int setup(void **state)
{
    kgex_lexicon *lex = NULL;
    kgex_error err;

    if (kgex_lexicon_new_default(&lex, &err) != KGEX_OK)
        return -1;
    *state = lex;
    return 0;
}

static inline int teardown(void **state)
{
    kgex_lexicon_free(*state);
    return 0;
}

/* Extract `text` as document `doc` (publication date `date`, may be NULL)
 * with extractor `x`. */
static inline void extract_into(kgex_extractor *x, const char *doc, const char *text,
                                const char *date)
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
static inline kgex_graph *extract(const kgex_lexicon *lex, const char *text, const char *date)
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

static inline int label_is(const kgex_graph *g, size_t node, const char *label)
{
    const kgex_node *n = kgex_graph_node(g, node);

    if (n && strcmp(label, ANY) == 0)
        return n->kind != KGEX_KIND_EVENT;
    return n && strcmp(n->label, label) == 0;
}

/* The edge `rel` from the node labelled `src` to the node labelled `dst`
 * (any event when `dst` is NULL), or NULL. */
static inline const kgex_edge *find_edge(const kgex_graph *g, kgex_relation rel, const char *src,
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

static inline int has_edge(const kgex_graph *g, kgex_relation rel, const char *src, const char *dst)
{
    return find_edge(g, rel, src, dst) != NULL;
}

/* A `stated` edge from the speaker labelled `speaker` to a statement event. */
static inline int has_stated(const kgex_graph *g, const char *speaker)
{
    return has_edge(g, KGEX_REL_STATED, speaker, NULL);
}

/* The node of `kind` labelled `label` (any of that kind when NULL), or NULL. */
static inline const kgex_node *find_node(const kgex_graph *g, kgex_kind kind, const char *label)
{
    size_t i;

    for (i = 0; i < kgex_graph_node_count(g); i++) {
        const kgex_node *n = kgex_graph_node(g, i);

        if (n->kind == kind && (!label || strcmp(n->label, label) == 0))
            return n;
    }
    return NULL;
}

static inline int has_node(const kgex_graph *g, kgex_kind kind, const char *label)
{
    return find_node(g, kind, label) != NULL;
}

static inline size_t count_nodes(const kgex_graph *g, kgex_kind kind)
{
    size_t i, n = 0;

    for (i = 0; i < kgex_graph_node_count(g); i++) {
        if (kgex_graph_node(g, i)->kind == kind)
            n++;
    }
    return n;
}

static inline int has_alias(const kgex_node *n, const char *alias)
{
    size_t i;

    for (i = 0; n && i < n->aliases_len; i++) {
        if (strcmp(n->aliases[i], alias) == 0)
            return 1;
    }
    return 0;
}

/* What the extractor found, for the failure report. */
static inline void dump_graph(const kgex_graph *g)
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

#endif
