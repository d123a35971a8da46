/*
 * main.c - the kgex command: read text files, write the knowledge graph.
 *
 * The only code that prints. Maps library error codes to exit codes:
 * 0 success, 1 internal error (e.g. out of memory), 2 usage, 3 input
 * (unreadable file or lexicon), 4 output (cannot write a graph).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "inputs.h"
#include "kgex/kgex.h"
#include "outputs.h"
#include "report.h"

enum {
    EXIT_INTERNAL = KGEX_CLI_EXIT_INTERNAL,
    EXIT_USAGE = KGEX_CLI_EXIT_USAGE,
    EXIT_INPUT = KGEX_CLI_EXIT_INPUT,
    EXIT_OUTPUT = KGEX_CLI_EXIT_OUTPUT
};

typedef struct options {
    kgex_cli_output *outputs;
    size_t outputs_len;
    const char **lexicons;
    size_t lexicons_len;
    int format; /* -f, or KGEX_CLI_FORMAT_NONE */
    int quiet;
    int timings;
    int no_default_lexicon;
    const char *date;
    int input_format;    /* KGEX_INPUT_AUTO, _TEXT or _HTML (--input) */
    int strict;          /* --strict: any skip or warning fails the run */
    int follow_symlinks; /* --follow-symlinks: also out of an input directory */
    int analytics;       /* -1: when a GEXF or SVG output or --report needs it */
    int graphml_flavor;  /* kgex_graphml_flavor (--graphml-flavor) */
    int gexf_version;    /* kgex_gexf_version (--gexf-version) */
    int report;
} options;

static const char *const progname = KGEX_CLI_NAME;

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
            "      --follow-symlinks  in an input directory, also follow symbolic links\n"
            "                         that lead out of it\n"
            "  -q, --quiet            no summary line and no warnings on standard error\n"
            "      --timings          print the time spent reading, extracting, computing\n"
            "                         the analytics and writing\n"
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
        if (opt->outputs[i].format == KGEX_FORMAT_GEXF || opt->outputs[i].format == KGEX_FORMAT_SVG)
            return 1;
    }
    return 0;
}

/* 1 when an output draws the graph, so that analytics computes the layout
 * (kgex_analytics_options.layout). */
static int wants_layout(const options *opt)
{
    size_t i;

    for (i = 0; i < opt->outputs_len; i++) {
        if (opt->outputs[i].format == KGEX_FORMAT_GEXF || opt->outputs[i].format == KGEX_FORMAT_SVG)
            return 1;
    }
    return 0;
}

/* --date: "YYYY-MM-DD", a day that exists, year 0001 to 9999. 0, or the
 * usage exit code after saying what is wrong. */
static int check_date(const char *date)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int i, y, m, d;

    for (i = 0; i < 10; i++) {
        if (i == 4 || i == 7 ? date[i] != '-' : (date[i] < '0' || date[i] > '9'))
            break;
    }
    if (i < 10 || date[10] != '\0') {
        kgex_cli_say(NULL, "--date '%s' is not of the form YYYY-MM-DD", date);
        return EXIT_USAGE;
    }
    y = atoi(date);
    m = atoi(date + 5);
    d = atoi(date + 8);
    if (y < 1) {
        kgex_cli_say(NULL, "--date '%s': there is no year 0000", date);
        return EXIT_USAGE;
    }
    if (m < 1 || m > 12) {
        kgex_cli_say(NULL, "--date '%s': month %02d does not exist", date, m);
        return EXIT_USAGE;
    }
    if (d < 1 || d > mdays[m - 1] ||
        (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))) {
        kgex_cli_say(NULL, "--date '%s': day %02d does not exist in %04d-%02d", date, d, y, m);
        return EXIT_USAGE;
    }
    return 0;
}

/* The format of each output, standard output when none is given, and the
 * checks of kgex_cli_outputs_check(). 0 or an exit code. */
static int resolve_outputs(options *opt, kgex_cli_file_id **ids, size_t *ids_len)
{
    size_t i;

    for (i = 0; i < opt->outputs_len; i++) {
        int fallback = opt->format != KGEX_CLI_FORMAT_NONE ? opt->format : KGEX_FORMAT_GRAPHML;

        opt->outputs[i].format = strcmp(opt->outputs[i].path, "-") == 0
                                     ? fallback
                                     : kgex_cli_format_of(opt->outputs[i].path, opt->format);
        if (opt->outputs[i].format == KGEX_CLI_FORMAT_NONE) {
            kgex_cli_say(opt->outputs[i].path,
                         "cannot tell the output format from the extension; use -f graphml, "
                         "jsonld, gexf, nquads, ntriples or svg");
            return EXIT_USAGE;
        }
    }
    if (opt->outputs_len == 0) {
        opt->outputs[0].path = "-";
        opt->outputs[0].format =
            opt->format != KGEX_CLI_FORMAT_NONE ? opt->format : KGEX_FORMAT_GRAPHML;
        opt->outputs_len = 1;
    }
    return kgex_cli_outputs_check(opt->outputs, opt->outputs_len, ids, ids_len);
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
                                             {"follow-symlinks", no_argument, NULL, 'L'},
                                             {"help", no_argument, NULL, 'h'},
                                             {"version", no_argument, NULL, 'V'},
                                             {NULL, 0, NULL, 0}};
    options opt;
    kgex_lexicon *lex = NULL;
    kgex_graph *graph = NULL;
    kgex_extractor *x = NULL;
    kgex_extract_options xopt = KGEX_EXTRACT_OPTIONS_INIT;
    kgex_export_options eo = KGEX_EXPORT_OPTIONS_INIT;
    kgex_analytics_options aopt = KGEX_ANALYTICS_OPTIONS_INIT;
    kgex_extract_stats st;
    kgex_error err;
    kgex_cli_inputs inputs = {0};
    kgex_cli_input_options in_opts;
    kgex_cli_skips sk;
    kgex_cli_file_id *output_ids = NULL;
    size_t output_ids_len = 0;
    kgex_input_options iopt = KGEX_INPUT_OPTIONS_INIT;
    kgex_document *doc = NULL;
    size_t i, skipped = 0;
    double t0, t_read = 0, t_extract = 0, t_analytics = 0, t_write = 0, t_lex = 0;
    int c, rc = 0, error;

    memset(&opt, 0, sizeof(opt));
    memset(&sk, 0, sizeof(sk));
    memset(&in_opts, 0, sizeof(in_opts));
    /* a closed stdout pipe is a write error (exit 4), not a silent death */
    signal(SIGPIPE, SIG_IGN);
    /* getopt's own messages start with argv[0]: "kgex:", however it was run */
    if (argc > 0)
        argv[0] = (char *)progname;
    opt.analytics = -1;
    opt.format = KGEX_CLI_FORMAT_NONE;
    kgex_error_clear(&err);
    opt.outputs = calloc((size_t)argc + 1, sizeof(*opt.outputs));
    opt.lexicons = calloc((size_t)argc + 1, sizeof(*opt.lexicons));
    if (!opt.outputs || !opt.lexicons) {
        kgex_cli_say(NULL, "out of memory");
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
                opt.format = kgex_cli_parse_format(optarg);
                if (opt.format == KGEX_CLI_FORMAT_NONE) {
                    kgex_cli_say(NULL,
                                 "unknown format '%s' (expected graphml, jsonld, gexf, "
                                 "nquads, ntriples or svg)",
                                 optarg);
                    rc = EXIT_USAGE;
                    goto done;
                }
                break;
            case 'l':
                opt.lexicons[opt.lexicons_len++] = optarg;
                break;
            case 'd':
                rc = check_date(optarg);
                if (rc != 0)
                    goto done;
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
                    kgex_cli_say(NULL, "unknown input format '%s' (expected text, html or auto)",
                                 optarg);
                    rc = EXIT_USAGE;
                    goto done;
                }
                break;
            case 'S':
                opt.strict = 1;
                break;
            case 'L':
                opt.follow_symlinks = 1;
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
                    kgex_cli_say(NULL, "unknown GraphML flavor '%s' (expected tools or strict)",
                                 optarg);
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
                    kgex_cli_say(NULL, "unknown GEXF version '%s' (expected 1.3 or 1.2)", optarg);
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
        kgex_cli_say(NULL, "no input given");
        fprintf(stderr, "Try '%s --help' for more information.\n", progname);
        rc = EXIT_USAGE;
        goto done;
    }
    rc = resolve_outputs(&opt, &output_ids, &output_ids_len);
    if (rc != 0)
        goto done;
    in_opts.input_format = opt.input_format;
    in_opts.follow_symlinks = opt.follow_symlinks;
    in_opts.quiet = opt.quiet;
    in_opts.outputs = output_ids;
    in_opts.outputs_len = output_ids_len;
    for (i = 0; i < opt.lexicons_len; i++) {
        if (kgex_cli_is_output(&in_opts, opt.lexicons[i])) {
            kgex_cli_say(opt.lexicons[i], "is a lexicon and an output; choose another output");
            rc = EXIT_USAGE;
            goto done;
        }
    }

    /* lexicon */
    t0 = now();
    error = opt.no_default_lexicon ? kgex_lexicon_new(&lex) : kgex_lexicon_new_default(&lex, &err);
    for (i = 0; error == 0 && i < opt.lexicons_len; i++)
        error = kgex_lexicon_add_file(lex, opt.lexicons[i], &err);
    if (error < 0) {
        kgex_cli_say_error(i > 0 ? opt.lexicons[i - 1] : NULL, &err, error);
        rc = error == KGEX_ENOMEM ? EXIT_INTERNAL : EXIT_INPUT;
        goto done;
    }
    t_lex = now() - t0;

    /* inputs */
    rc = kgex_cli_inputs_collect(&inputs, argv + optind, (size_t)(argc - optind), &in_opts, &sk);
    if (rc != 0)
        goto done;

    error = kgex_graph_new(&graph);
    if (error == 0)
        error = kgex_extractor_new(&x, lex, graph);
    if (error < 0) {
        kgex_cli_say(NULL, "%s", kgex_strerror(error));
        rc = EXIT_INTERNAL;
        goto done;
    }
    iopt.format = (kgex_input_format)opt.input_format;
    for (i = 0; i < inputs.len; i++) {
        const char *path = inputs.paths[i];
        const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
        size_t w;

        t0 = now();
        kgex_error_clear(&err);
        error = kgex_document_load_file(&doc, path, &iopt, &err);
        t_read += now() - t0;
        if (error == KGEX_ENOMEM || error == KGEX_EINVAL) {
            kgex_cli_say_error(name, &err, error);
            rc = error == KGEX_ENOMEM ? EXIT_INTERNAL : EXIT_USAGE;
            goto done;
        }
        if (error < 0 && inputs.named[i]) {
            /* a file the user named: the run cannot do what was asked */
            kgex_cli_say_error(name, &err, error);
            rc = EXIT_INPUT;
            goto done;
        }
        if (error < 0) {
            /* binary, unreadable, too large, in a directory: say why and go on */
            if (!opt.quiet)
                kgex_cli_say(name, "%s, skipped",
                             err.message[0] ? err.message : kgex_strerror(error));
            kgex_cli_skips_count(&sk, error);
            continue;
        }
        for (w = 0; w < kgex_document_warning_count(doc); w++) {
            if (!opt.quiet)
                kgex_cli_say(name, "warning: %s", kgex_document_warning(doc, w));
            sk.warnings++;
        }
        if (opt.strict && (kgex_cli_skips_total(&sk) || sk.warnings)) {
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
            kgex_cli_say_error(name, &err, error);
            rc = exit_code_for(error);
            goto done;
        }
    }
    skipped += kgex_cli_skips_total(&sk);
    if (opt.strict && (skipped || sk.warnings)) {
        kgex_cli_say(NULL, "--strict: %zu input%s skipped, %zu warning%s; no output written",
                     skipped, skipped == 1 ? "" : "s", sk.warnings, sk.warnings == 1 ? "" : "s");
        rc = EXIT_INPUT;
        goto done;
    }
    kgex_extractor_stats(x, &st);
    if (st.documents == 0) {
        /* an empty graph would replace the outputs: say so instead */
        if (!opt.quiet && skipped)
            kgex_cli_skips_print(&sk);
        kgex_cli_say(NULL, "no document read (%zu skipped); no output written", skipped);
        rc = EXIT_INPUT;
        goto done;
    }

    /* outputs */
    if (wants_analytics(&opt)) {
        t0 = now();
        aopt.layout = wants_layout(&opt);
        error = kgex_graph_analyze_ext(graph, &aopt);
        t_analytics = now() - t0;
        if (error < 0) {
            kgex_cli_say(NULL, "analytics: %s", kgex_strerror(error));
            rc = EXIT_INTERNAL;
            goto done;
        }
    }
    t0 = now();
    eo.graphml_flavor = (kgex_graphml_flavor)opt.graphml_flavor;
    eo.gexf_version = (kgex_gexf_version)opt.gexf_version;
    rc = kgex_cli_outputs_write(graph, opt.outputs, opt.outputs_len, &eo);
    if (rc != 0)
        goto done;
    t_write = now() - t0;
    if (!opt.quiet)
        print_summary(graph, &st, skipped);
    if (!opt.quiet && (skipped || sk.warnings))
        kgex_cli_skips_print(&sk);
    if (opt.report) {
        int to_stdout = 1;

        for (i = 0; i < opt.outputs_len; i++)
            to_stdout = to_stdout && strcmp(opt.outputs[i].path, "-") != 0;
        if (kgex_cli_report(to_stdout ? stdout : stderr, graph) < 0) {
            kgex_cli_say(NULL, "cannot write the report: %s", strerror(errno));
            rc = EXIT_OUTPUT;
            goto done;
        }
    }
    if (opt.timings)
        fprintf(stderr,
                "%s: timings: lexicon %.3f s, read %.3f s, extract %.3f s, analytics %.3f s, "
                "write %.3f s\n",
                progname, t_lex, t_read, t_extract, t_analytics, t_write);
done:
    /* anything printed on stdout (help, version, report, a graph) must
     * have reached it: a full disk or closed pipe is an output error */
    if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
        kgex_cli_say("<stdout>", "cannot write: %s", strerror(errno ? errno : EIO));
        rc = EXIT_OUTPUT;
    }
    kgex_document_free(doc);
    kgex_extractor_free(x);
    kgex_graph_free(graph);
    kgex_lexicon_free(lex);
    kgex_cli_inputs_free(&inputs);
    free(output_ids);
    free(opt.outputs);
    free(opt.lexicons);
    return rc;
}
