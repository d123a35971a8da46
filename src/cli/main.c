/*
 * main.c - the kgex command: read text files, write the knowledge graph.
 *
 * The only code that prints. Maps library error codes to exit codes:
 * 0 success, 1 internal error (e.g. out of memory), 2 usage, 3 input
 * (unreadable file or lexicon), 4 output (cannot write a graph).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "kgex/kgex.h"

enum { EXIT_INTERNAL = 1, EXIT_USAGE = 2, EXIT_INPUT = 3, EXIT_OUTPUT = 4 };
enum { FMT_NONE = 0, FMT_GRAPHML, FMT_JSONLD };

#define MAX_DEPTH 64

typedef struct output {
    const char *path;
    int format;
} output;

typedef struct strlist {
    char **items;
    size_t len, cap;
} strlist;

typedef struct options {
    output *outputs;
    size_t outputs_len;
    const char **lexicons;
    size_t lexicons_len;
    int format;
    int quiet;
    int timings;
    int no_default_lexicon;
    const char *date;
} options;

static const char *progname = "kgex";

static void usage(FILE *fp)
{
    fprintf(fp,
            "Usage: %s [OPTION]... PATH...\n"
            "Extract a knowledge graph of states, organizations, officials and events\n"
            "from English news text and write it as GraphML or JSON-LD.\n"
            "\n"
            "Each PATH is a UTF-8 text file (one document), a directory (its *.txt files,\n"
            "recursively, in sorted order) or '-' for standard input.\n"
            "\n"
            "Options:\n"
            "  -o, --output FILE      write the graph to FILE; the format comes from the\n"
            "                         extension (.graphml, .jsonld/.json) or -f; repeat to\n"
            "                         write several formats from one extraction\n"
            "                         (default: GraphML on standard output)\n"
            "  -f, --format FORMAT    graphml or jsonld, for outputs whose extension does\n"
            "                         not tell and for standard output\n"
            "  -l, --lexicon FILE     add a lexicon JSON file (schemas/lexicon.schema.json);\n"
            "                         repeatable\n"
            "      --no-default-lexicon  use only the --lexicon files\n"
            "  -d, --date YYYY-MM-DD  publication date of the documents, to resolve\n"
            "                         'on Tuesday' and dates without a year\n"
            "  -q, --quiet            no summary line and no warnings on standard error\n"
            "      --timings          print the time spent reading, extracting and writing\n"
            "  -h, --help             show this help and exit\n"
            "  -V, --version          show the version and exit\n"
            "\n"
            "Exit status: 0 success, 1 internal error, 2 usage error, 3 input error,\n"
            "4 output error.\n",
            progname);
}

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int format_of(const char *path, int fallback)
{
    const char *dot = strrchr(path, '.');

    if (dot && strcmp(dot, ".graphml") == 0)
        return FMT_GRAPHML;
    if (dot && (strcmp(dot, ".jsonld") == 0 || strcmp(dot, ".json") == 0))
        return FMT_JSONLD;
    return fallback;
}

static int parse_format(const char *s)
{
    if (strcmp(s, "graphml") == 0)
        return FMT_GRAPHML;
    if (strcmp(s, "jsonld") == 0 || strcmp(s, "json-ld") == 0)
        return FMT_JSONLD;
    return FMT_NONE;
}

static int strlist_add(strlist *l, const char *s)
{
    if (l->len == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 16;
        char **p = realloc(l->items, ncap * sizeof(*p));
        if (!p)
            return -1;
        l->items = p;
        l->cap = ncap;
    }
    l->items[l->len] = strdup(s);
    if (!l->items[l->len])
        return -1;
    l->len++;
    return 0;
}

static void strlist_free(strlist *l)
{
    size_t i;

    for (i = 0; i < l->len; i++)
        free(l->items[i]);
    free(l->items);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_txt_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/* Collect the *.txt files under dir, recursively; unreadable entries are
 * reported and counted in *skipped. */
static int walk(const char *dir, strlist *out, int depth, int quiet, size_t *skipped)
{
    DIR *dp;
    struct dirent *de;
    strlist names = {0};
    size_t i;
    int rc = 0;

    if (depth > MAX_DEPTH) {
        if (!quiet)
            fprintf(stderr, "%s: %s: directory nesting too deep, skipped\n", progname, dir);
        (*skipped)++;
        return 0;
    }
    dp = opendir(dir);
    if (!dp) {
        if (!quiet)
            fprintf(stderr, "%s: %s: cannot open directory: %s\n", progname, dir, strerror(errno));
        (*skipped)++;
        return 0;
    }
    while ((de = readdir(dp)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (strlist_add(&names, de->d_name) < 0) {
            rc = -1;
            break;
        }
    }
    closedir(dp);
    qsort(names.items, names.len, sizeof(char *), cmp_str);
    for (i = 0; i < names.len && rc == 0; i++) {
        size_t n = strlen(dir) + strlen(names.items[i]) + 2;
        char *path = malloc(n);
        struct stat st;

        if (!path) {
            rc = -1;
            break;
        }
        snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.items[i]);
        if (stat(path, &st) != 0) {
            if (!quiet)
                fprintf(stderr, "%s: %s: %s, skipped\n", progname, path, strerror(errno));
            (*skipped)++;
        } else if (S_ISDIR(st.st_mode)) {
            rc = walk(path, out, depth + 1, quiet, skipped);
        } else if (S_ISREG(st.st_mode) && has_txt_suffix(names.items[i])) {
            rc = strlist_add(out, path);
        }
        free(path);
    }
    strlist_free(&names);
    return rc;
}

/* Read all of fp into a new buffer. */
static char *slurp(FILE *fp, size_t *len_out)
{
    size_t len = 0, cap = 65536, n;
    char *buf = malloc(cap), *p;

    if (!buf)
        return NULL;
    for (;;) {
        if (len == cap) {
            cap *= 2;
            p = realloc(buf, cap);
            if (!p) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = p;
        }
        n = fread(buf + len, 1, cap - len, fp);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(fp)) {
        free(buf);
        return NULL;
    }
    *len_out = len;
    return buf;
}

/* Byte offset of the first invalid UTF-8 sequence, or len. */
static size_t first_invalid_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        unsigned char c = s[i];
        size_t n, k;

        if (c < 0x80) {
            i++;
            continue;
        }
        n = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        if (n == 0 || i + n > len)
            return i;
        for (k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
        }
        if (n == 3 && ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] >= 0xA0)))
            return i;
        if (n == 4 && ((c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] >= 0x90)))
            return i;
        i += n;
    }
    return len;
}

static int exit_code_for(int error)
{
    switch (error) {
        case KGEX_EINVAL:
            return EXIT_USAGE;
        case KGEX_EIO:
            return EXIT_OUTPUT;
        case KGEX_EPARSE:
        case KGEX_ELIMIT:
        case KGEX_ENOTFOUND:
            return EXIT_INPUT;
        default:
            return EXIT_INTERNAL;
    }
}

static void print_error(const kgex_error *err, int code)
{
    if (err->source[0] && err->line > 0)
        fprintf(stderr, "%s: %s:%d:%d: %s\n", progname, err->source, err->line, err->column,
                err->message);
    else if (err->source[0])
        fprintf(stderr, "%s: %s: %s\n", progname, err->source, err->message);
    else
        fprintf(stderr, "%s: %s\n", progname, err->message[0] ? err->message : kgex_strerror(code));
}

static void print_summary(const kgex_graph *graph, const kgex_extract_stats *st, size_t skipped)
{
    size_t kinds[4] = {0}, i;
    static const char *const kind_names[] = {"states", "organizations", "officials", "events"};

    for (i = 0; i < kgex_graph_node_count(graph); i++)
        kinds[kgex_graph_node(graph, i)->kind]++;
    fprintf(stderr, "%s: %zu document%s", progname, st->documents, st->documents == 1 ? "" : "s");
    if (skipped)
        fprintf(stderr, " (%zu skipped)", skipped);
    fprintf(stderr, ", %zu sentences:", st->sentences);
    for (i = 0; i < 4; i++)
        fprintf(stderr, " %zu %s%s", kinds[i], kind_names[i], i < 3 ? "," : ";");
    fprintf(stderr, " %zu relations (", kgex_graph_edge_count(graph));
    for (i = 0; i <= KGEX_REL_ABOUT; i++)
        fprintf(stderr, "%s %zu%s", kgex_relation_name((kgex_relation)i), st->relations[i],
                i < KGEX_REL_ABOUT ? ", " : ")\n");
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},  {"format", required_argument, NULL, 'f'},
        {"lexicon", required_argument, NULL, 'l'}, {"date", required_argument, NULL, 'd'},
        {"quiet", no_argument, NULL, 'q'},         {"timings", no_argument, NULL, 'T'},
        {"no-default-lexicon", no_argument, NULL, 'N'},
        {"help", no_argument, NULL, 'h'},          {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    options opt;
    kgex_lexicon *lex = NULL;
    kgex_graph *graph = NULL;
    kgex_extractor *x = NULL;
    kgex_extract_options xopt = KGEX_EXTRACT_OPTIONS_INIT;
    kgex_extract_stats st;
    kgex_error err;
    strlist inputs = {0};
    size_t i, skipped = 0;
    double t0, t_read = 0, t_extract = 0, t_write = 0, t_lex = 0;
    int c, rc = 0, error;

    memset(&opt, 0, sizeof(opt));
    kgex_error_clear(&err);
    opt.outputs = calloc((size_t)argc + 1, sizeof(*opt.outputs));
    opt.lexicons = calloc((size_t)argc + 1, sizeof(*opt.lexicons));
    if (!opt.outputs || !opt.lexicons) {
        fprintf(stderr, "%s: out of memory\n", progname);
        free(opt.outputs);
        free(opt.lexicons);
        return EXIT_INTERNAL;
    }
    while ((c = getopt_long(argc, argv, "o:f:l:d:qhV", longopts, NULL)) != -1) {
        switch (c) {
            case 'o':
                opt.outputs[opt.outputs_len++].path = optarg;
                break;
            case 'f':
                opt.format = parse_format(optarg);
                if (opt.format == FMT_NONE) {
                    fprintf(stderr, "%s: unknown format '%s' (expected graphml or jsonld)\n",
                            progname, optarg);
                    rc = EXIT_USAGE;
                    goto done;
                }
                break;
            case 'l':
                opt.lexicons[opt.lexicons_len++] = optarg;
                break;
            case 'd':
                opt.date = optarg;
                break;
            case 'q':
                opt.quiet = 1;
                break;
            case 'T':
                opt.timings = 1;
                break;
            case 'N':
                opt.no_default_lexicon = 1;
                break;
            case 'h':
                usage(stdout);
                goto done;
            case 'V':
                printf("kgex %s\n", kgex_version());
                goto done;
            default:
                fprintf(stderr, "Try '%s --help' for more information.\n", progname);
                rc = EXIT_USAGE;
                goto done;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "%s: no input given\nTry '%s --help' for more information.\n", progname,
                progname);
        rc = EXIT_USAGE;
        goto done;
    }
    for (i = 0; i < opt.outputs_len; i++) {
        opt.outputs[i].format = strcmp(opt.outputs[i].path, "-") == 0
                                    ? (opt.format ? opt.format : FMT_GRAPHML)
                                    : format_of(opt.outputs[i].path, opt.format);
        if (opt.outputs[i].format == FMT_NONE) {
            fprintf(stderr,
                    "%s: %s: cannot tell the output format from the extension; use -f graphml "
                    "or -f jsonld\n",
                    progname, opt.outputs[i].path);
            rc = EXIT_USAGE;
            goto done;
        }
    }
    if (opt.outputs_len == 0) {
        opt.outputs[0].path = "-";
        opt.outputs[0].format = opt.format ? opt.format : FMT_GRAPHML;
        opt.outputs_len = 1;
    }

    /* lexicon */
    t0 = now();
    error = opt.no_default_lexicon ? kgex_lexicon_new(&lex) : kgex_lexicon_new_default(&lex, &err);
    for (i = 0; error == 0 && i < opt.lexicons_len; i++)
        error = kgex_lexicon_add_file(lex, opt.lexicons[i], &err);
    if (error < 0) {
        print_error(&err, error);
        rc = error == KGEX_ENOMEM ? EXIT_INTERNAL : EXIT_INPUT;
        goto done;
    }
    t_lex = now() - t0;

    /* inputs */
    for (i = (size_t)optind; i < (size_t)argc; i++) {
        struct stat sb;

        if (strcmp(argv[i], "-") == 0) {
            error = strlist_add(&inputs, "-");
        } else if (stat(argv[i], &sb) != 0) {
            fprintf(stderr, "%s: %s: %s\n", progname, argv[i], strerror(errno));
            rc = EXIT_INPUT;
            goto done;
        } else if (S_ISDIR(sb.st_mode)) {
            error = walk(argv[i], &inputs, 0, opt.quiet, &skipped);
        } else {
            error = strlist_add(&inputs, argv[i]);
        }
        if (error < 0) {
            fprintf(stderr, "%s: out of memory\n", progname);
            rc = EXIT_INTERNAL;
            goto done;
        }
    }

    error = kgex_graph_new(&graph);
    if (error == 0)
        error = kgex_extractor_new(&x, lex, graph);
    if (error < 0) {
        fprintf(stderr, "%s: %s\n", progname, kgex_strerror(error));
        rc = EXIT_INTERNAL;
        goto done;
    }
    xopt.date = opt.date;
    for (i = 0; i < inputs.len; i++) {
        const char *path = inputs.items[i];
        int is_stdin = strcmp(path, "-") == 0;
        FILE *fp;
        char *text;
        size_t len = 0, bad;

        t0 = now();
        fp = is_stdin ? stdin : fopen(path, "rb");
        if (!fp) {
            fprintf(stderr, "%s: %s: %s\n", progname, path, strerror(errno));
            rc = EXIT_INPUT;
            goto done;
        }
        text = slurp(fp, &len);
        if (!text) {
            fprintf(stderr, "%s: %s: read error: %s\n", progname, is_stdin ? "<stdin>" : path,
                    strerror(errno));
            if (!is_stdin)
                fclose(fp);
            rc = EXIT_INPUT;
            goto done;
        }
        if (!is_stdin)
            fclose(fp);
        t_read += now() - t0;
        if (memchr(text, '\0', len)) {
            if (!opt.quiet)
                fprintf(stderr, "%s: %s: binary file (NUL byte at offset %zu), skipped\n", progname,
                        is_stdin ? "<stdin>" : path, (size_t)((char *)memchr(text, '\0', len) - text));
            skipped++;
            free(text);
            continue;
        }
        bad = first_invalid_utf8((const unsigned char *)text, len);
        if (bad < len && !opt.quiet)
            fprintf(stderr, "%s: %s: invalid UTF-8 at byte offset %zu (such bytes are ignored)\n",
                    progname, is_stdin ? "<stdin>" : path, bad);
        t0 = now();
        error = kgex_extract_text(x, is_stdin ? "<stdin>" : path, text, len, &xopt, &err);
        t_extract += now() - t0;
        free(text);
        if (error < 0) {
            print_error(&err, error);
            rc = exit_code_for(error);
            goto done;
        }
    }

    /* outputs */
    t0 = now();
    for (i = 0; i < opt.outputs_len; i++) {
        kgex_error_clear(&err);
        error = opt.outputs[i].format == FMT_JSONLD
                    ? kgex_jsonld_write_file(graph, opt.outputs[i].path, &err)
                    : kgex_graphml_write_file(graph, opt.outputs[i].path, &err);
        if (error < 0) {
            print_error(&err, error);
            rc = error == KGEX_ENOMEM ? EXIT_INTERNAL : EXIT_OUTPUT;
            goto done;
        }
    }
    t_write = now() - t0;
    kgex_extractor_stats(x, &st);
    if (!opt.quiet)
        print_summary(graph, &st, skipped);
    if (opt.timings)
        fprintf(stderr,
                "%s: timings: lexicon %.3f s, read %.3f s, extract %.3f s, write %.3f s\n",
                progname, t_lex, t_read, t_extract, t_write);
done:
    kgex_extractor_free(x);
    kgex_graph_free(graph);
    kgex_lexicon_free(lex);
    strlist_free(&inputs);
    free(opt.outputs);
    free(opt.lexicons);
    return rc;
}
