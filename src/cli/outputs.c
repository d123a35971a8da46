/*
 * outputs.c - the outputs of a run; see outputs.h.
 *
 * While the outputs are written the set of temporary files is reachable
 * from `pending`, and SIGINT, SIGTERM and SIGHUP (unless ignored when kgex
 * started) run a handler that discards the set (kgex_output_set_discard()
 * is async-signal-safe), restores the default action and raises the
 * signal again, so the shell sees the run die of it.
 */
#define _POSIX_C_SOURCE 200809L
#include "outputs.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"

static const struct {
    const char *name;
    int format;
} format_names[] = {{"graphml", KGEX_FORMAT_GRAPHML},
                    {"jsonld", KGEX_FORMAT_JSONLD},
                    {"json-ld", KGEX_FORMAT_JSONLD},
                    {"gexf", KGEX_FORMAT_GEXF},
                    {"nquads", KGEX_FORMAT_NQUADS},
                    {"n-quads", KGEX_FORMAT_NQUADS},
                    {"ntriples", KGEX_FORMAT_NTRIPLES},
                    {"n-triples", KGEX_FORMAT_NTRIPLES},
                    {"svg", KGEX_FORMAT_SVG}};

static const struct {
    const char *ext;
    int format;
} extensions[] = {{".graphml", KGEX_FORMAT_GRAPHML}, {".jsonld", KGEX_FORMAT_JSONLD},
                  {".json", KGEX_FORMAT_JSONLD},     {".gexf", KGEX_FORMAT_GEXF},
                  {".nq", KGEX_FORMAT_NQUADS},       {".nt", KGEX_FORMAT_NTRIPLES},
                  {".svg", KGEX_FORMAT_SVG}};

int kgex_cli_parse_format(const char *name)
{
    size_t i;

    for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++) {
        if (strcmp(name, format_names[i].name) == 0)
            return format_names[i].format;
    }
    return KGEX_CLI_FORMAT_NONE;
}

int kgex_cli_format_of(const char *path, int fallback)
{
    const char *dot = strrchr(path, '.');
    size_t i;

    for (i = 0; dot && !strchr(dot, '/') && i < sizeof(extensions) / sizeof(extensions[0]); i++) {
        if (strcasecmp(dot, extensions[i].ext) == 0)
            return extensions[i].format;
    }
    return fallback;
}

/* The directory of `path` (stat'ed into *dir) and its last component. 0,
 * or -1 when the directory cannot be reached. */
static int place_of(const char *path, struct stat *dir, const char **base)
{
    const char *slash = strrchr(path, '/');
    char *name;
    int rc;

    *base = slash ? slash + 1 : path;
    if (!slash)
        return stat(".", dir);
    name = strndup(path, slash == path ? 1 : (size_t)(slash - path));
    if (!name)
        return -1;
    rc = stat(name, dir);
    free(name);
    return rc;
}

/* 1 when the outputs `a` and `b` are one file: the same name, the same
 * existing file (through a link too), or the same name in the same
 * directory ("out/g.graphml" and "./out/g.graphml"). */
static int same_output(const char *a, const char *b)
{
    struct stat sa, sb;
    const char *base_a, *base_b;

    if (strcmp(a, b) == 0)
        return 1;
    if (strcmp(a, "-") == 0 || strcmp(b, "-") == 0)
        return 0;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return S_ISREG(sa.st_mode) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    if (place_of(a, &sa, &base_a) != 0 || place_of(b, &sb, &base_b) != 0)
        return 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino && strcmp(base_a, base_b) == 0;
}

int kgex_cli_outputs_check(const kgex_cli_output *outs, size_t n, kgex_cli_file_id **ids_out,
                           size_t *ids_len)
{
    kgex_cli_file_id *ids = calloc(n + 1, sizeof(*ids));
    size_t i, j, len = 0;

    *ids_out = NULL;
    *ids_len = 0;
    if (!ids) {
        kgex_cli_say(NULL, "out of memory");
        return KGEX_CLI_EXIT_INTERNAL;
    }
    for (i = 0; i < n; i++) {
        struct stat st;

        for (j = 0; j < i; j++) {
            if (!same_output(outs[i].path, outs[j].path))
                continue;
            if (strcmp(outs[i].path, "-") == 0)
                kgex_cli_say(NULL, "standard output ('-o -') is named twice");
            else
                kgex_cli_say(outs[i].path, "is the same output as '%s'", outs[j].path);
            free(ids);
            return KGEX_CLI_EXIT_USAGE;
        }
        if (strcmp(outs[i].path, "-") == 0 || stat(outs[i].path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            kgex_cli_say(outs[i].path, "is a directory");
            free(ids);
            return KGEX_CLI_EXIT_OUTPUT;
        }
        if (S_ISREG(st.st_mode)) {
            ids[len].dev = st.st_dev; /* a device is no input: only files */
            ids[len].ino = st.st_ino;
            len++;
        }
    }
    *ids_out = ids;
    *ids_len = len;
    return 0;
}

/* ---- writing ----------------------------------------------------------- */

static kgex_output_set *volatile pending;
static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define STOP_SIGNALS (sizeof(stop_signals) / sizeof(stop_signals[0]))

static void on_stop_signal(int sig)
{
    kgex_output_set_discard(pending);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Install the handler for the signals not ignored; keep the old actions. */
static void catch_stop_signals(struct sigaction *old)
{
    struct sigaction sa;
    size_t i;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < STOP_SIGNALS; i++)
        sigaddset(&sa.sa_mask, stop_signals[i]);
    for (i = 0; i < STOP_SIGNALS; i++) {
        if (sigaction(stop_signals[i], NULL, &old[i]) == 0 && old[i].sa_handler != SIG_IGN)
            sigaction(stop_signals[i], &sa, NULL);
    }
}

static void restore_stop_signals(const struct sigaction *old)
{
    size_t i;

    for (i = 0; i < STOP_SIGNALS; i++)
        sigaction(stop_signals[i], &old[i], NULL);
}

/* 1 for standard output, a device, a FIFO: written in place. */
static int is_stream(const char *path)
{
    struct stat st;

    return strcmp(path, "-") == 0 || (stat(path, &st) == 0 && !S_ISREG(st.st_mode));
}

/* The full path of the output an error is about: the record's source (only
 * the end of a long path, "...tail"), else the output `i` being written. */
static const char *failed_output(const kgex_cli_output *outs, size_t n, size_t i,
                                 const kgex_error *err)
{
    size_t k, tail = strlen(err->source);

    if (tail > 3 && strncmp(err->source, "...", 3) == 0) {
        for (k = 0; k < n; k++) {
            size_t len = strlen(outs[k].path);

            if (len >= tail - 3 && strcmp(outs[k].path + len - (tail - 3), err->source + 3) == 0)
                return outs[k].path;
        }
    }
    if (err->source[0])
        return err->source;
    if (i < n && strcmp(outs[i].path, "-") == 0)
        return "<stdout>";
    return i < n ? outs[i].path : NULL;
}

int kgex_cli_outputs_write(const kgex_graph *graph, const kgex_cli_output *outs, size_t n,
                           const kgex_export_options *base)
{
    struct sigaction old[STOP_SIGNALS];
    kgex_output_set *set = NULL;
    FILE **streams = calloc(n + 1, sizeof(*streams));
    kgex_error err;
    size_t i;
    int pass, error, rc = 0;

    if (!streams || kgex_output_set_new(&set) < 0) {
        free(streams);
        kgex_cli_say(NULL, "out of memory");
        return KGEX_CLI_EXIT_INTERNAL;
    }
    catch_stop_signals(old);
    pending = set;
    kgex_error_clear(&err);
    for (i = 0; i < n; i++) {
        error = kgex_output_set_add(&streams[i], set, outs[i].path, &err);
        if (error < 0)
            goto fail;
    }
    for (pass = 0; pass < 2; pass++) {
        for (i = 0; i < n; i++) {
            kgex_export_options eo = *base;

            if (is_stream(outs[i].path) != pass)
                continue;
            eo.format = (kgex_format)outs[i].format;
            error = kgex_export_write(graph, streams[i], &eo, &err);
            if (error < 0)
                goto fail;
        }
    }
    error = kgex_output_set_commit(set, &err);
    if (error < 0)
        goto fail;
    goto done;
fail:
    kgex_cli_say_error(failed_output(outs, n, i, &err), &err, error);
    rc = error == KGEX_ENOMEM ? KGEX_CLI_EXIT_INTERNAL : KGEX_CLI_EXIT_OUTPUT;
done:
    pending = NULL;
    kgex_output_set_free(set);
    restore_stop_signals(old);
    free(streams);
    return rc;
}
