/*
 * inputs.c - collecting the inputs of a run; see inputs.h.
 *
 * The walk lists a directory, sorts the names bytewise and visits them in
 * that order, so the documents (and the provenance) come in the same order
 * on every machine. Directories already walked are remembered by device
 * and inode in a hash set: a link loop, or two links to one directory, read
 * it once. Whether a symbolic link stays inside the directory named on the
 * command line is decided on the resolved paths (realpath), so "a/../.."
 * tricks and chains of links are judged by where they end.
 */
#define _XOPEN_SOURCE 700
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* ---- lists ------------------------------------------------------------- */

static int add_input(kgex_cli_inputs *in, const char *path, int named)
{
    if (in->len == in->cap) {
        size_t ncap = in->cap ? in->cap * 2 : 64;
        char **p = realloc(in->paths, ncap * sizeof(*p));
        unsigned char *q;

        if (!p)
            return -1;
        in->paths = p;
        q = realloc(in->named, ncap);
        if (!q)
            return -1;
        in->named = q;
        in->cap = ncap;
    }
    in->paths[in->len] = strdup(path);
    if (!in->paths[in->len])
        return -1;
    in->named[in->len++] = (unsigned char)named;
    return 0;
}

void kgex_cli_inputs_free(kgex_cli_inputs *in)
{
    size_t i;

    for (i = 0; i < in->len; i++)
        free(in->paths[i]);
    free(in->paths);
    free(in->named);
    memset(in, 0, sizeof(*in));
}

/* ---- directories seen -------------------------------------------------- */

typedef struct dirset {
    kgex_cli_file_id *slots; /* open addressing; ino 0 and dev 0: empty */
    unsigned char *used;
    size_t len, cap; /* cap is a power of two */
} dirset;

static size_t hash_id(const kgex_cli_file_id *id)
{
    uint64_t h = (uint64_t)id->ino * 0x9E3779B97F4A7C15ull ^ (uint64_t)id->dev;

    return (size_t)(h ^ (h >> 29));
}

/* 1 when `id` was in the set, 0 after adding it, -1 when out of memory. */
static int dirset_add(dirset *s, const kgex_cli_file_id *id)
{
    size_t i;

    if (2 * (s->len + 1) > s->cap) {
        dirset bigger = {0};
        size_t k;

        bigger.cap = s->cap ? s->cap * 2 : 64;
        bigger.slots = calloc(bigger.cap, sizeof(*bigger.slots));
        bigger.used = calloc(bigger.cap, 1);
        if (!bigger.slots || !bigger.used) {
            free(bigger.slots);
            free(bigger.used);
            return -1;
        }
        for (k = 0; k < s->cap; k++) {
            if (s->used[k])
                dirset_add(&bigger, &s->slots[k]);
        }
        free(s->slots);
        free(s->used);
        *s = bigger;
    }
    for (i = hash_id(id) & (s->cap - 1); s->used[i]; i = (i + 1) & (s->cap - 1)) {
        if (s->slots[i].dev == id->dev && s->slots[i].ino == id->ino)
            return 1;
    }
    s->used[i] = 1;
    s->slots[i] = *id;
    s->len++;
    return 0;
}

/* ---- the walk ---------------------------------------------------------- */

typedef struct walker {
    kgex_cli_inputs *in;
    const kgex_cli_input_options *opts;
    kgex_cli_skips *sk;
    dirset seen;
    const char *root; /* realpath of the directory named on the command line */
    int failed;       /* an input that is also an output */
} walker;

static int has_suffix(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = strlen(suffix);

    return n > k && strcmp(name + n - k, suffix) == 0;
}

static int is_input_name(const walker *w, const char *name)
{
    int html = has_suffix(name, ".html") || has_suffix(name, ".htm");

    if (w->opts->input_format == KGEX_INPUT_HTML)
        return html;
    if (w->opts->input_format == KGEX_INPUT_TEXT)
        return has_suffix(name, ".txt");
    return html || has_suffix(name, ".txt");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void skip(const walker *w, const char *path, const char *why, size_t *count)
{
    if (!w->opts->quiet)
        kgex_cli_say(path, "%s, skipped", why);
    (*count)++;
}

/* 1 when the symbolic link `path` resolves to a place inside w->root. */
static int inside_root(const walker *w, const char *path)
{
    char *real = realpath(path, NULL);
    size_t n = strlen(w->root);
    int inside;

    if (!real)
        return 0;
    inside = strncmp(real, w->root, n) == 0 &&
             (real[n] == '/' || real[n] == '\0' || (n == 1 && w->root[0] == '/'));
    free(real);
    return inside;
}

int kgex_cli_is_output(const kgex_cli_input_options *opts, const char *path)
{
    struct stat st;
    size_t i;

    if (!opts->outputs_len || stat(path, &st) != 0)
        return 0;
    for (i = 0; i < opts->outputs_len; i++) {
        if (opts->outputs[i].dev == st.st_dev && opts->outputs[i].ino == st.st_ino)
            return 1;
    }
    return 0;
}

static int walk(walker *w, const char *dir, int depth);

/* One entry of a directory: `path`, whose last component is `name`. */
static int visit(walker *w, const char *path, const char *name, int depth)
{
    struct stat st;

    if (lstat(path, &st) != 0) {
        skip(w, path, strerror(errno), &w->sk->unreadable);
        return 0;
    }
    if (S_ISLNK(st.st_mode)) {
        if (stat(path, &st) != 0) {
            if (errno == ELOOP)
                skip(w, path, "symbolic link loop", &w->sk->loop);
            else if (errno == ENOENT)
                skip(w, path, "broken symbolic link", &w->sk->broken_link);
            else
                skip(w, path, strerror(errno), &w->sk->unreadable);
            return 0;
        }
        if (!w->opts->follow_symlinks && (S_ISDIR(st.st_mode) || is_input_name(w, name)) &&
            !inside_root(w, path)) {
            skip(w, path,
                 "symbolic link to a place outside the input directory (--follow-symlinks "
                 "reads it)",
                 &w->sk->outside);
            return 0;
        }
    }
    if (S_ISDIR(st.st_mode))
        return walk(w, path, depth + 1);
    if (!is_input_name(w, name))
        return 0;
    if (!S_ISREG(st.st_mode)) {
        skip(w, path, "not a regular file", &w->sk->special);
        return 0;
    }
    if (kgex_cli_is_output(w->opts, path)) {
        kgex_cli_say(path, "is an input and an output; choose another output");
        w->failed = 1;
        return 0;
    }
    return add_input(w->in, path, 0);
}

/* Collect the input files under `dir`, recursively. -1 when out of
 * memory; problems with entries are reported and counted in w->sk. */
static int walk(walker *w, const char *dir, int depth)
{
    DIR *dp;
    struct dirent *de;
    struct stat dst;
    char **names = NULL;
    size_t len = 0, cap = 0, i;
    int rc = 0;

    if (depth > KGEX_CLI_MAX_DEPTH) {
        skip(w, dir, "directory nested too deep", &w->sk->deep);
        return 0;
    }
    if (stat(dir, &dst) == 0) {
        kgex_cli_file_id id = {dst.st_dev, dst.st_ino};

        rc = dirset_add(&w->seen, &id);
        if (rc != 0) {
            if (rc > 0)
                skip(w, dir, "directory already read (symbolic link loop?)", &w->sk->loop);
            return rc < 0 ? -1 : 0;
        }
    }
    dp = opendir(dir);
    if (!dp) {
        char why[320];

        snprintf(why, sizeof(why), "cannot open directory: %s", strerror(errno));
        skip(w, dir, why, &w->sk->unreadable);
        return 0;
    }
    while ((de = readdir(dp)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            char **p = realloc(names, ncap * sizeof(*p));

            if (!p) {
                rc = -1;
                break;
            }
            names = p;
            cap = ncap;
        }
        names[len] = strdup(de->d_name);
        if (!names[len]) {
            rc = -1;
            break;
        }
        len++;
    }
    closedir(dp);
    if (len > 1)
        qsort(names, len, sizeof(*names), cmp_str);
    for (i = 0; i < len && rc == 0; i++) {
        size_t n = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(n);

        if (!path) {
            rc = -1;
            break;
        }
        snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
        rc = visit(w, path, names[i], depth);
        free(path);
    }
    for (i = 0; i < len; i++)
        free(names[i]);
    free(names);
    return rc;
}

/* ---- the command line -------------------------------------------------- */

int kgex_cli_inputs_collect(kgex_cli_inputs *in, char *const *args, size_t n,
                            const kgex_cli_input_options *opts, kgex_cli_skips *sk)
{
    walker w;
    size_t i;
    int stdin_seen = 0, rc = 0;

    memset(&w, 0, sizeof(w));
    w.in = in;
    w.opts = opts;
    w.sk = sk;
    for (i = 0; i < n && rc == 0; i++) {
        struct stat st;
        int error = 0;

        if (strcmp(args[i], "-") == 0) {
            if (stdin_seen++) {
                kgex_cli_say(NULL, "standard input ('-') is named twice");
                rc = KGEX_CLI_EXIT_USAGE;
                break;
            }
            error = add_input(in, "-", 1);
        } else if (stat(args[i], &st) != 0) {
            kgex_cli_say(args[i], "%s", strerror(errno));
            rc = KGEX_CLI_EXIT_INPUT;
            break;
        } else if (S_ISDIR(st.st_mode)) {
            char *root = realpath(args[i], NULL);

            if (!root) {
                kgex_cli_say(args[i], "%s", strerror(errno));
                rc = KGEX_CLI_EXIT_INPUT;
                break;
            }
            w.root = root;
            error = walk(&w, args[i], 0);
            w.root = NULL;
            free(root);
        } else if (kgex_cli_is_output(opts, args[i])) {
            kgex_cli_say(args[i], "is an input and an output; choose another output");
            rc = KGEX_CLI_EXIT_USAGE;
        } else {
            error = add_input(in, args[i], 1);
        }
        if (error < 0) {
            kgex_cli_say(NULL, "out of memory");
            rc = KGEX_CLI_EXIT_INTERNAL;
        }
    }
    if (rc == 0 && w.failed)
        rc = KGEX_CLI_EXIT_USAGE;
    free(w.seen.slots);
    free(w.seen.used);
    return rc;
}

/* ---- skips ------------------------------------------------------------- */

void kgex_cli_skips_count(kgex_cli_skips *sk, int error)
{
    if (error == KGEX_EPARSE)
        sk->binary++;
    else if (error == KGEX_ELIMIT)
        sk->too_large++;
    else
        sk->unreadable++;
}

size_t kgex_cli_skips_total(const kgex_cli_skips *sk)
{
    return sk->binary + sk->unreadable + sk->broken_link + sk->too_large + sk->loop + sk->outside +
           sk->special + sk->deep;
}

void kgex_cli_skips_print(const kgex_cli_skips *sk)
{
    static const char *const what[] = {"binary",
                                       "unreadable",
                                       "broken symbolic link",
                                       "over the size limit",
                                       "directory link loop",
                                       "link out of the input directory",
                                       "not a regular file",
                                       "nested too deep"};
    size_t counts[8], i, total = kgex_cli_skips_total(sk);
    const char *sep = ": ";

    counts[0] = sk->binary;
    counts[1] = sk->unreadable;
    counts[2] = sk->broken_link;
    counts[3] = sk->too_large;
    counts[4] = sk->loop;
    counts[5] = sk->outside;
    counts[6] = sk->special;
    counts[7] = sk->deep;
    fprintf(stderr, "%s: %zu skipped", KGEX_CLI_NAME, total);
    for (i = 0; i < 8; i++) {
        if (counts[i]) {
            fprintf(stderr, "%s%zu %s", sep, counts[i], what[i]);
            sep = ", ";
        }
    }
    fprintf(stderr, "; %zu warning%s\n", sk->warnings, sk->warnings == 1 ? "" : "s");
}
