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
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "kgex/kgex.h"
#include "report.h"

enum { EXIT_INTERNAL = 1, EXIT_USAGE = 2, EXIT_INPUT = 3, EXIT_OUTPUT = 4 };
enum { FMT_NONE = 0, FMT_GRAPHML, FMT_JSONLD, FMT_GEXF, FMT_NQUADS, FMT_NTRIPLES, FMT_SVG };

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
    int input_format;   /* KGEX_INPUT_AUTO, _TEXT or _HTML (--input) */
    int strict;         /* --strict: any skip or warning fails the run */
    int analytics;      /* -1: when a GEXF or SVG output or --report needs it */
    int graphml_flavor; /* kgex_graphml_flavor (--graphml-flavor) */
    int gexf_version;   /* kgex_gexf_version (--gexf-version) */
    int report;
} options;

static const char *progname = "kgex";

static void usage(FILE *fp)
{
    fprintf(fp,
            "Usage: %s [OPTION]... PATH...\n"
            "Extract a knowledge graph of states, organizations, officials and events\n"
            "from English news text and write it as GraphML, JSON-LD, GEXF, N-Quads,\n"
            "N-Triples or an SVG picture.\n"
            "\n"
            "Each PATH is a text file (UTF-8, or UTF-16 with a byte order mark) or an HTML\n"
            "page (.html, .htm), one document each; a directory (its *.txt, *.html and\n"
            "*.htm files, recursively, in sorted order); or '-' for standard input.\n"
            "\n"
            "Options:\n"
            "  -o, --output FILE      write the graph to FILE; the format comes from the\n"
            "                         extension (.graphml, .jsonld/.json, .gexf, .nq, .nt,\n"
            "                         .svg) or -f; repeat to write several formats from\n"
            "                         one extraction (default: GraphML on standard output)\n"
            "  -f, --format FORMAT    graphml, jsonld, gexf, nquads, ntriples or svg, for\n"
            "                         outputs whose extension does not tell and for\n"
            "                         standard output\n"
            "      --analytics        compute degrees, PageRank, betweenness, communities\n"
            "                         and components (igraph) and write them as node\n"
            "                         attributes; on by default with a GEXF or SVG output\n"
            "                         or --report\n"
            "      --no-analytics     do not compute them\n"
            "      --graphml-flavor FLAVOR  tools (default: a label attribute with the\n"
            "                         relation on each edge and a labels attribute such\n"
            "                         as :State on each node, read by Gephi and Neo4j\n"
            "                         APOC) or strict (without them: valid against the\n"
            "                         GraphML schema)\n"
            "      --gexf-version VERSION  1.3 (default) or 1.2 (read by NetworkX 2.x)\n"
            "      --report           print a readable summary of the graph on standard\n"
            "                         output (standard error when the graph goes there)\n"
            "  -l, --lexicon FILE     add a lexicon JSON file (schemas/lexicon.schema.json);\n"
            "                         repeatable\n"
            "      --no-default-lexicon  use only the --lexicon files\n"
            "  -d, --date YYYY-MM-DD  publication date of the documents, to resolve\n"
            "                         'on Tuesday' and dates without a year\n"
            "      --input FORMAT     text, html or auto: how to read the inputs (default\n"
            "                         auto: HTML for .html and .htm names, else text)\n"
            "      --strict           fail (exit 3, no output written) when any input is\n"
            "                         skipped or gives a warning\n"
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
    if (dot && strcmp(dot, ".gexf") == 0)
        return FMT_GEXF;
    if (dot && strcmp(dot, ".nq") == 0)
        return FMT_NQUADS;
    if (dot && strcmp(dot, ".nt") == 0)
        return FMT_NTRIPLES;
    if (dot && strcmp(dot, ".svg") == 0)
        return FMT_SVG;
    return fallback;
}

static int parse_format(const char *s)
{
    if (strcmp(s, "graphml") == 0)
        return FMT_GRAPHML;
    if (strcmp(s, "jsonld") == 0 || strcmp(s, "json-ld") == 0)
        return FMT_JSONLD;
    if (strcmp(s, "gexf") == 0)
        return FMT_GEXF;
    if (strcmp(s, "nquads") == 0 || strcmp(s, "n-quads") == 0)
        return FMT_NQUADS;
    if (strcmp(s, "ntriples") == 0 || strcmp(s, "n-triples") == 0)
        return FMT_NTRIPLES;
    if (strcmp(s, "svg") == 0)
        return FMT_SVG;
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

static int has_suffix(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = strlen(suffix);

    return n > k && strcmp(name + n - k, suffix) == 0;
}

/* Why inputs were skipped, and warnings, for the summary and --strict. */
typedef struct skips {
    size_t binary, unreadable, broken_link, too_large, loop, other;
    size_t warnings;
} skips;

static size_t skips_total(const skips *sk)
{
    return sk->binary + sk->unreadable + sk->broken_link + sk->too_large + sk->loop + sk->other;
}

/* A directory walk: what to collect, where, and the directories seen (by
 * device and inode, so that a symbolic link loop is read once). */
typedef struct walker {
    strlist *out;
    int input_format;
    int quiet;
    skips *sk;
    struct stat *seen;
    size_t seen_len, seen_cap;
} walker;

static int is_input_name(const walker *w, const char *name)
{
    int html = has_suffix(name, ".html") || has_suffix(name, ".htm");

    if (w->input_format == KGEX_INPUT_HTML)
        return html;
    if (w->input_format == KGEX_INPUT_TEXT)
        return has_suffix(name, ".txt");
    return html || has_suffix(name, ".txt");
}

/* 1 when the directory `st` was walked already, else remember it (0);
 * -1 when out of memory. */
static int seen_dir(walker *w, const struct stat *st)
{
    size_t i;

    for (i = 0; i < w->seen_len; i++) {
        if (w->seen[i].st_dev == st->st_dev && w->seen[i].st_ino == st->st_ino)
            return 1;
    }
    if (w->seen_len == w->seen_cap) {
        size_t ncap = w->seen_cap ? w->seen_cap * 2 : 16;
        struct stat *p = realloc(w->seen, ncap * sizeof(*p));

        if (!p)
            return -1;
        w->seen = p;
        w->seen_cap = ncap;
    }
    w->seen[w->seen_len++] = *st;
    return 0;
}

/* Collect the input files under dir (see is_input_name), recursively;
 * unreadable entries, broken symbolic links and link loops are reported
 * and counted in w->sk. */
static int walk(walker *w, const char *dir, int depth)
{
    DIR *dp;
    struct dirent *de;
    strlist names = {0};
    struct stat dst;
    size_t i;
    int rc = 0;

    if (depth > MAX_DEPTH) {
        if (!w->quiet)
            fprintf(stderr, "%s: %s: directory nesting too deep, skipped\n", progname, dir);
        w->sk->other++;
        return 0;
    }
    if (stat(dir, &dst) == 0) {
        rc = seen_dir(w, &dst);
        if (rc != 0) {
            if (rc > 0 && !w->quiet)
                fprintf(stderr, "%s: %s: directory already read (symbolic link loop?), skipped\n",
                        progname, dir);
            if (rc > 0)
                w->sk->loop++;
            return rc < 0 ? -1 : 0;
        }
    }
    dp = opendir(dir);
    if (!dp) {
        if (!w->quiet)
            fprintf(stderr, "%s: %s: cannot open directory: %s, skipped\n", progname, dir,
                    strerror(errno));
        w->sk->unreadable++;
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
    if (names.len > 1)
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
            int broken = lstat(path, &st) == 0 && S_ISLNK(st.st_mode);

            if (!w->quiet)
                fprintf(stderr, "%s: %s: %s, skipped\n", progname, path,
                        broken ? "broken symbolic link" : strerror(errno));
            if (broken)
                w->sk->broken_link++;
            else
                w->sk->unreadable++;
        } else if (S_ISDIR(st.st_mode)) {
            rc = walk(w, path, depth + 1);
        } else if (S_ISREG(st.st_mode) && is_input_name(w, names.items[i])) {
            rc = strlist_add(w->out, path);
        }
        free(path);
    }
    strlist_free(&names);
    return rc;
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

/* Write the graph in one output's format. */
static int write_output(const kgex_graph *graph, const output *out, const options *opt,
                        kgex_error *err)
{
    static const kgex_format formats[] = {
        [FMT_GRAPHML] = KGEX_FORMAT_GRAPHML,   [FMT_JSONLD] = KGEX_FORMAT_JSONLD,
        [FMT_GEXF] = KGEX_FORMAT_GEXF,         [FMT_NQUADS] = KGEX_FORMAT_NQUADS,
        [FMT_NTRIPLES] = KGEX_FORMAT_NTRIPLES, [FMT_SVG] = KGEX_FORMAT_SVG};
    kgex_export_options eo = KGEX_EXPORT_OPTIONS_INIT;

    eo.format = formats[out->format];
    eo.graphml_flavor = (kgex_graphml_flavor)opt->graphml_flavor;
    eo.gexf_version = (kgex_gexf_version)opt->gexf_version;
    return kgex_export_write_file(graph, out->path, &eo, err);
}

/* --analytics / --no-analytics, or on when a GEXF or SVG output or the
 * report uses the measures. */
static int wants_analytics(const options *opt)
{
    size_t i;

    if (opt->analytics >= 0)
        return opt->analytics;
    if (opt->report)
        return 1;
    for (i = 0; i < opt->outputs_len; i++) {
        if (opt->outputs[i].format == FMT_GEXF || opt->outputs[i].format == FMT_SVG)
            return 1;
    }
    return 0;
}

/* The second summary line, when something was skipped or warned about. */
static void print_skips(const skips *sk)
{
    static const char *const what[] = {"binary",
                                       "unreadable",
                                       "broken symbolic link",
                                       "over the size limit",
                                       "directory link loop",
                                       "other"};
    size_t counts[6], i, total = skips_total(sk);
    const char *sep = ": ";

    counts[0] = sk->binary;
    counts[1] = sk->unreadable;
    counts[2] = sk->broken_link;
    counts[3] = sk->too_large;
    counts[4] = sk->loop;
    counts[5] = sk->other;
    fprintf(stderr, "%s: %zu skipped", progname, total);
    for (i = 0; i < 6; i++) {
        if (counts[i]) {
            fprintf(stderr, "%s%zu %s", sep, counts[i], what[i]);
            sep = ", ";
        }
    }
    fprintf(stderr, "; %zu warning%s\n", sk->warnings, sk->warnings == 1 ? "" : "s");
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                             {"format", required_argument, NULL, 'f'},
                                             {"lexicon", required_argument, NULL, 'l'},
                                             {"date", required_argument, NULL, 'd'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"timings", no_argument, NULL, 'T'},
                                             {"no-default-lexicon", no_argument, NULL, 'N'},
                                             {"analytics", no_argument, NULL, 'A'},
                                             {"no-analytics", no_argument, NULL, 'a'},
                                             {"report", no_argument, NULL, 'R'},
                                             {"graphml-flavor", required_argument, NULL, 'G'},
                                             {"gexf-version", required_argument, NULL, 'X'},
                                             {"input", required_argument, NULL, 'I'},
                                             {"strict", no_argument, NULL, 'S'},
                                             {"help", no_argument, NULL, 'h'},
                                             {"version", no_argument, NULL, 'V'},
                                             {NULL, 0, NULL, 0}};
    options opt;
    kgex_lexicon *lex = NULL;
    kgex_graph *graph = NULL;
    kgex_extractor *x = NULL;
    kgex_extract_options xopt = KGEX_EXTRACT_OPTIONS_INIT;
    kgex_extract_stats st;
    kgex_error err;
    strlist inputs = {0};
    skips sk;
    walker wk;
    kgex_input_options iopt = KGEX_INPUT_OPTIONS_INIT;
    kgex_document *doc = NULL;
    size_t i, skipped = 0;
    double t0, t_read = 0, t_extract = 0, t_write = 0, t_lex = 0;
    int c, rc = 0, error;

    memset(&opt, 0, sizeof(opt));
    memset(&sk, 0, sizeof(sk));
    memset(&wk, 0, sizeof(wk));
    /* a closed stdout pipe is a write error (exit 4), not a silent death */
    signal(SIGPIPE, SIG_IGN);
    opt.analytics = -1;
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
                    fprintf(stderr,
                            "%s: unknown format '%s' (expected graphml, jsonld, gexf, "
                            "nquads, ntriples or svg)\n",
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
            case 'I':
                if (strcmp(optarg, "text") == 0) {
                    opt.input_format = KGEX_INPUT_TEXT;
                } else if (strcmp(optarg, "html") == 0) {
                    opt.input_format = KGEX_INPUT_HTML;
                } else if (strcmp(optarg, "auto") == 0) {
                    opt.input_format = KGEX_INPUT_AUTO;
                } else {
                    fprintf(stderr, "%s: unknown input format '%s' (expected text, html or auto)\n",
                            progname, optarg);
                    rc = EXIT_USAGE;
                    goto done;
                }
                break;
            case 'S':
                opt.strict = 1;
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
            case 'A':
                opt.analytics = 1;
                break;
            case 'a':
                opt.analytics = 0;
                break;
            case 'R':
                opt.report = 1;
                break;
            case 'G':
                if (strcmp(optarg, "tools") == 0) {
                    opt.graphml_flavor = KGEX_GRAPHML_TOOLS;
                } else if (strcmp(optarg, "strict") == 0) {
                    opt.graphml_flavor = KGEX_GRAPHML_STRICT;
                } else {
                    fprintf(stderr, "%s: unknown GraphML flavor '%s' (expected tools or strict)\n",
                            progname, optarg);
                    rc = EXIT_USAGE;
                    goto done;
                }
                break;
            case 'X':
                if (strcmp(optarg, "1.3") == 0) {
                    opt.gexf_version = KGEX_GEXF_1_3;
                } else if (strcmp(optarg, "1.2") == 0) {
                    opt.gexf_version = KGEX_GEXF_1_2;
                } else {
                    fprintf(stderr, "%s: unknown GEXF version '%s' (expected 1.3 or 1.2)\n",
                            progname, optarg);
                    rc = EXIT_USAGE;
                    goto done;
                }
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
                    "%s: %s: cannot tell the output format from the extension; use -f graphml, "
                    "jsonld, gexf, nquads, ntriples or svg\n",
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
            wk.out = &inputs;
            wk.input_format = opt.input_format;
            wk.quiet = opt.quiet;
            wk.sk = &sk;
            error = walk(&wk, argv[i], 0);
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
    iopt.format = (kgex_input_format)opt.input_format;
    for (i = 0; i < inputs.len; i++) {
        const char *path = inputs.items[i];
        const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
        size_t w;

        t0 = now();
        kgex_error_clear(&err);
        error = kgex_document_load_file(&doc, path, &iopt, &err);
        t_read += now() - t0;
        if (error == KGEX_ENOMEM || error == KGEX_EINVAL) {
            print_error(&err, error);
            rc = error == KGEX_ENOMEM ? EXIT_INTERNAL : EXIT_USAGE;
            goto done;
        }
        if (error < 0) {
            /* binary, unreadable, too large: say why and go on */
            if (!opt.quiet)
                fprintf(stderr, "%s: %s: %s, skipped\n", progname, name,
                        err.message[0] ? err.message : kgex_strerror(error));
            if (error == KGEX_EPARSE)
                sk.binary++;
            else if (error == KGEX_ELIMIT)
                sk.too_large++;
            else
                sk.unreadable++;
            continue;
        }
        for (w = 0; w < kgex_document_warning_count(doc); w++) {
            if (!opt.quiet)
                fprintf(stderr, "%s: %s: warning: %s\n", progname, name,
                        kgex_document_warning(doc, w));
            sk.warnings++;
        }
        if (opt.strict && (skips_total(&sk) || sk.warnings)) {
            /* keep reading, to report every problem, but extract no more */
            kgex_document_free(doc);
            doc = NULL;
            continue;
        }
        xopt.date = opt.date ? opt.date : kgex_document_date(doc);
        t0 = now();
        error = kgex_extract_text(x, name, kgex_document_text(doc), kgex_document_len(doc), &xopt,
                                  &err);
        t_extract += now() - t0;
        kgex_document_free(doc);
        doc = NULL;
        if (error < 0) {
            print_error(&err, error);
            rc = exit_code_for(error);
            goto done;
        }
    }
    skipped += skips_total(&sk);
    if (opt.strict && (skipped || sk.warnings)) {
        fprintf(stderr, "%s: --strict: %zu input%s skipped, %zu warning%s; no output written\n",
                progname, skipped, skipped == 1 ? "" : "s", sk.warnings,
                sk.warnings == 1 ? "" : "s");
        rc = EXIT_INPUT;
        goto done;
    }

    /* outputs */
    t0 = now();
    if (wants_analytics(&opt)) {
        error = kgex_graph_analyze(graph);
        if (error < 0) {
            fprintf(stderr, "%s: analytics: %s\n", progname, kgex_strerror(error));
            rc = EXIT_INTERNAL;
            goto done;
        }
    }
    for (i = 0; i < opt.outputs_len; i++) {
        kgex_error_clear(&err);
        error = write_output(graph, &opt.outputs[i], &opt, &err);
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
    if (!opt.quiet && (skipped || sk.warnings))
        print_skips(&sk);
    if (opt.report) {
        int to_stdout = 1;

        for (i = 0; i < opt.outputs_len; i++)
            to_stdout = to_stdout && strcmp(opt.outputs[i].path, "-") != 0;
        if (kgex_cli_report(to_stdout ? stdout : stderr, graph) < 0) {
            fprintf(stderr, "%s: cannot write the report: %s\n", progname, strerror(errno));
            rc = EXIT_OUTPUT;
            goto done;
        }
    }
    if (opt.timings)
        fprintf(stderr, "%s: timings: lexicon %.3f s, read %.3f s, extract %.3f s, write %.3f s\n",
                progname, t_lex, t_read, t_extract, t_write);
done:
    /* anything printed on stdout (help, version, report, a graph) must
     * have reached it: a full disk or closed pipe is an output error */
    if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "%s: standard output: write error: %s\n", progname,
                strerror(errno ? errno : EIO));
        rc = EXIT_OUTPUT;
    }
    kgex_document_free(doc);
    free(wk.seen);
    kgex_extractor_free(x);
    kgex_graph_free(graph);
    kgex_lexicon_free(lex);
    strlist_free(&inputs);
    free(opt.outputs);
    free(opt.lexicons);
    return rc;
}
