/*
 * extract.c - using libkgex from C: read one text file, print the
 * relations found and write the graph as GraphML.
 *
 *   cc extract.c $(pkg-config --cflags --libs kgex) -o extract
 *   ./extract article.txt graph.graphml
 */
#include <stdio.h>
#include <stdlib.h>

#include <kgex/kgex.h>

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (!fp)
        return NULL;
    if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0) {
        buf = malloc((size_t)n + 1);
        if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
            free(buf);
            buf = NULL;
        }
        *len = (size_t)n;
    }
    fclose(fp);
    return buf;
}

int main(int argc, char **argv)
{
    kgex_lexicon *lex = NULL;
    kgex_graph *graph = NULL;
    kgex_extractor *x = NULL;
    kgex_error err;
    char *text = NULL;
    size_t len = 0, i;
    int rc = 1;

    if (argc != 3) {
        fprintf(stderr, "usage: %s TEXT OUT.graphml\n", argv[0]);
        return 2;
    }
    kgex_error_clear(&err);
    text = read_all(argv[1], &len);
    if (!text) {
        perror(argv[1]);
        return 1;
    }
    if (kgex_lexicon_new_default(&lex, &err) < 0 || kgex_graph_new(&graph) < 0 ||
        kgex_extractor_new(&x, lex, graph) < 0 ||
        kgex_extract_text(x, argv[1], text, len, NULL, &err) < 0 ||
        kgex_export_write_file(graph, argv[2], NULL, &err) < 0) {
        fprintf(stderr, "error: %s: %s\n", err.source, err.message);
        goto done;
    }
    for (i = 0; i < kgex_graph_edge_count(graph); i++) {
        const kgex_edge *e = kgex_graph_edge(graph, i);
        if (e->relation == KGEX_REL_ABOUT)
            continue;
        printf("%s %s %s\n", kgex_graph_node(graph, e->source)->label,
               kgex_relation_name(e->relation), kgex_graph_node(graph, e->target)->label);
    }
    rc = 0;
done:
    kgex_extractor_free(x);
    kgex_graph_free(graph);
    kgex_lexicon_free(lex);
    free(text);
    return rc;
}
