/*
 * atomic.c - output sets: several files replaced together or not at all
 * (include/kgex/output.h), and the one-file write of the writers
 * (atomic.h).
 *
 * Each output is an entry of a singly linked list that is only ever
 * appended to; an entry is complete before it is linked, and its `state`
 * says which files exist, so that kgex_output_set_discard() can run in a
 * signal handler that interrupts any step: it reads the list and calls
 * only unlinkat, renameat and fstatat. Entries are freed only by
 * kgex_output_set_free().
 *
 * Names: the temporary file of DIR/NAME is DIR/NAME'.tmp-PID-XXXXXXXX and
 * the link that keeps the old file during a commit is another name of the
 * same form, where NAME' is NAME cut (at a UTF-8 character boundary) so
 * that the whole name fits in NAME_MAX. Every name is used relative to a
 * descriptor of DIR, so a path near PATH_MAX works too. Such names whose
 * PID is not a running process are left-overs of a killed run and are
 * removed when the same target is added again.
 *
 * Commit: (1) flush, check, chmod, fsync and close every temporary file;
 * (2) for each, link the old file to its backup name (only when the set
 * has several files: one rename alone is atomic already), then rename the
 * temporary file into place; (3) mark the set committed, sync the
 * directories and remove the backups. A failure in (1) or (2) discards:
 * temporary files removed, renamed outputs put back from their backups.
 */
#define _POSIX_C_SOURCE 200809L

#include "export/atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common.h"
#include "kgex/output.h"

#define TMP_TAG     ".tmp-"
#define TMP_RANDOM  8   /* hex digits after the PID */
#define NAME_ROOM   288 /* NAME_MAX (255) and a NUL, with room to spare */
#define SUFFIX_MAX  (sizeof(TMP_TAG) - 1 + 10 + 1 + TMP_RANDOM) /* for a PID of 10 digits */
#define CREATE_MODE 0600

/* What exists of an entry's files; see kgex_output_set_discard(). */
enum {
    S_NONE = 0, /* nothing created yet (or all removed) */
    S_WRITING,  /* the temporary file may exist */
    S_LINKED,   /* the temporary file and, if had_old > 0, the backup */
    S_RENAMING, /* the rename may or may not have happened */
    S_RENAMED,  /* the new file is in place; the backup still exists */
    S_DIRECT    /* standard output or a device: nothing to remove */
};

/* Phases of a set. */
enum { P_OPEN = 0, P_COMMITTING, P_COMMITTED, P_DISCARDED };

typedef struct entry {
    struct entry *volatile next;
    char *path;                  /* the target as given (messages) */
    char name[NAME_ROOM];        /* its last component */
    char tmp[NAME_ROOM];         /* the temporary file, in the directory */
    char bak[NAME_ROOM];         /* the backup link, in the directory */
    int dirfd;                   /* the target's directory; -1 when direct */
    FILE *fp;                    /* NULL once closed */
    int is_stdout;               /* "-" */
    mode_t mode;                 /* permission bits of the new file */
    volatile int had_old;        /* 1 backup made; 0 no old file; -1 no backup */
    volatile sig_atomic_t state; /* S_* */
} entry;

struct kgex_output_set {
    entry *volatile head;
    entry *tail;
    size_t files; /* entries with a temporary file */
    volatile sig_atomic_t phase;
};

/* Make the stores before a `state`, `phase` or list update visible to a
 * signal handler that sees the update. */
static void publish(void)
{
    atomic_signal_fence(memory_order_seq_cst);
}

/* ---- names ------------------------------------------------------------- */

/* The umask, without changing it (umask() would, for a moment, for every
 * thread): from /proc/self/status when there is one, else 022. */
static mode_t current_umask(void)
{
    char buf[2048];
    ssize_t n;
    char *p;
    int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return 022;
    n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0)
        return 022;
    buf[n] = '\0';
    p = strstr(buf, "\nUmask:");
    if (!p)
        return 022;
    return (mode_t)(strtoul(p + 7, NULL, 8) & 0777);
}

/* Length of NAME' for `e`: all of NAME when the temporary name fits in
 * the directory's `name_max`, else NAME cut at a UTF-8 character boundary.
 * The room kept for the suffix is that of the longest PID, so that every
 * process cuts a name alike. 0 when nothing of NAME fits. */
static size_t prefix_len(const entry *e, long name_max)
{
    size_t len = strlen(e->name), room;

    if (name_max <= 0 || name_max >= NAME_ROOM)
        name_max = NAME_ROOM - 1;
    room = (size_t)name_max > SUFFIX_MAX ? (size_t)name_max - SUFFIX_MAX : 0;
    if (len <= room)
        return len;
    while (room > 0 && ((unsigned char)e->name[room] & 0xC0) == 0x80)
        room--;
    return room;
}

/* Write "NAME'.tmp-PID-XXXXXXXX" for `e` into `out` (NAME_ROOM bytes). */
static int temp_name(const entry *e, char *out, long name_max, unsigned salt)
{
    size_t plen = prefix_len(e, name_max);

    if (plen == 0)
        return -1;
    snprintf(out, NAME_ROOM, "%.*s" TMP_TAG "%ld-%0*x", (int)plen, e->name, (long)getpid(),
             TMP_RANDOM, salt & 0xffffffffu);
    return 0;
}

static unsigned salt_for(const void *p, unsigned attempt)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (unsigned)ts.tv_nsec ^ (unsigned)((uintptr_t)p >> 4) ^ (unsigned)ts.tv_sec ^
           attempt * 0x9E3779B9u;
}

/* The PID of a temporary name of `prefix` ("NAME'.tmp-PID-XXXXXXXX"), or
 * 0 when `name` is not one. */
static long temp_pid(const char *name, const char *prefix, size_t plen)
{
    const char *p;
    char *end;
    long pid;
    int i;

    if (strncmp(name, prefix, plen) != 0 || strncmp(name + plen, TMP_TAG, strlen(TMP_TAG)) != 0)
        return 0;
    p = name + plen + strlen(TMP_TAG);
    if (*p < '1' || *p > '9')
        return 0;
    errno = 0;
    pid = strtol(p, &end, 10);
    if (errno || pid <= 0 || *end != '-')
        return 0;
    for (i = 1; i <= TMP_RANDOM; i++) {
        char c = end[i];

        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return 0;
    }
    return end[TMP_RANDOM + 1] == '\0' ? pid : 0;
}

/* Remove the temporary files of `e`'s target left by processes that no
 * longer run. Best effort: errors are ignored. */
static void remove_stale(const entry *e, long name_max)
{
    size_t plen = prefix_len(e, name_max);
    DIR *dp;
    struct dirent *de;
    int fd;

    if (plen == 0)
        return;
    fd = dup(e->dirfd);
    if (fd < 0)
        return;
    dp = fdopendir(fd);
    if (!dp) {
        close(fd);
        return;
    }
    while ((de = readdir(dp)) != NULL) {
        long pid = temp_pid(de->d_name, e->name, plen);
        struct stat st;

        if (pid == 0 || pid == (long)getpid())
            continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue; /* running (or not ours to ask about) */
        if (fstatat(e->dirfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
            (void)unlinkat(e->dirfd, de->d_name, 0);
    }
    closedir(dp);
}

/* ---- the set ----------------------------------------------------------- */

int kgex_output_set_new(kgex_output_set **out)
{
    kgex_output_set *set;

    KGEX_ASSERT_ARG(out, NULL);
    *out = NULL;
    set = kgex__calloc(1, sizeof(*set));
    if (!set)
        return KGEX_ENOMEM;
    *out = set;
    return KGEX_OK;
}

static void append(kgex_output_set *set, entry *e)
{
    e->next = NULL;
    publish();
    if (set->tail)
        set->tail->next = e;
    else
        set->head = e;
    set->tail = e;
    publish();
}

/* Split `e->path` into a directory descriptor and e->name. */
static int open_dir(entry *e, kgex_error *err)
{
    const char *slash = strrchr(e->path, '/');
    const char *base = slash ? slash + 1 : e->path;
    char *dir;

    if (!*base)
        return kgex__error_at(err, KGEX_EIO, e->path, 0, 0, "is a directory");
    if (strlen(base) >= NAME_ROOM)
        return kgex__error_at(err, KGEX_EIO, e->path, 0, 0, "cannot create: %s",
                              strerror(ENAMETOOLONG));
    snprintf(e->name, sizeof(e->name), "%s", base);
    if (!slash) {
        dir = kgex__strdup(".");
    } else {
        dir = kgex__strndup(e->path, slash == e->path ? 1 : (size_t)(slash - e->path));
    }
    if (!dir)
        return kgex__error_set(err, KGEX_ENOMEM, "out of memory");
    e->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    kgex__free(dir);
    if (e->dirfd < 0)
        return kgex__error_at(err, KGEX_EIO, e->path, 0, 0, "cannot create: %s", strerror(errno));
    return KGEX_OK;
}

/* Create the temporary file of `e` (published first, so that a signal
 * handler removes it whenever it exists). */
static int create_temp(kgex_output_set *set, entry *e, kgex_error *err)
{
    long name_max = fpathconf(e->dirfd, _PC_NAME_MAX);
    unsigned attempt;
    int fd = -1;

    remove_stale(e, name_max);
    append(set, e);
    for (attempt = 0; attempt < 64; attempt++) {
        e->state = S_NONE;
        publish();
        if (temp_name(e, e->tmp, name_max, salt_for(e, attempt)) < 0 ||
            temp_name(e, e->bak, name_max, salt_for(e->bak, attempt + 101)) < 0 ||
            strcmp(e->tmp, e->bak) == 0) {
            errno = ENAMETOOLONG;
            break;
        }
        publish();
        e->state = S_WRITING;
        publish();
        fd = openat(e->dirfd, e->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, CREATE_MODE);
        if (fd >= 0 || errno != EEXIST)
            break;
    }
    if (fd < 0) {
        int saved = errno;

        e->state = S_NONE;
        return kgex__error_at(err, KGEX_EIO, e->path, 0, 0, "cannot create a temporary file: %s",
                              strerror(saved));
    }
    e->fp = fdopen(fd, "wb");
    if (!e->fp) {
        close(fd);
        (void)unlinkat(e->dirfd, e->tmp, 0);
        e->state = S_NONE;
        return kgex__error_set(err, KGEX_ENOMEM, "out of memory");
    }
    set->files++;
    return KGEX_OK;
}

int kgex_output_set_add(FILE **out, kgex_output_set *set, const char *path, kgex_error *err)
{
    entry *e = NULL;
    struct stat st;
    int error;

    KGEX_ASSERT_ARG(out, err);
    *out = NULL;
    KGEX_ASSERT_ARG(set && set->phase == P_OPEN, err);
    KGEX_ASSERT_ARG(path && path[0], err);
    e = kgex__calloc(1, sizeof(*e));
    if (!e)
        return kgex__error_set(err, KGEX_ENOMEM, "out of memory");
    e->dirfd = -1;
    e->path = kgex__strdup(path);
    if (!e->path) {
        kgex__free(e);
        return kgex__error_set(err, KGEX_ENOMEM, "out of memory");
    }
    if (strcmp(path, "-") == 0) {
        e->is_stdout = 1;
        e->fp = stdout;
        e->state = S_DIRECT;
        append(set, e);
        *out = e->fp;
        return KGEX_OK;
    }
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        error = kgex__error_at(err, KGEX_EIO, path, 0, 0, "is a directory");
        goto fail;
    }
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* a device, FIFO or socket: a rename would replace it */
        e->fp = fopen(path, "wb");
        if (!e->fp) {
            error = kgex__error_at(err, KGEX_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
            goto fail;
        }
        e->state = S_DIRECT;
        append(set, e);
        *out = e->fp;
        return KGEX_OK;
    }
    error = open_dir(e, err);
    if (error < 0)
        goto fail;
    e->mode = fstatat(e->dirfd, e->name, &st, 0) == 0 && S_ISREG(st.st_mode)
                  ? st.st_mode & 07777
                  : 0666 & ~current_umask();
    /* from here on `e` is in the list and freed with the set */
    error = create_temp(set, e, err);
    if (error < 0)
        return error;
    *out = e->fp;
    return KGEX_OK;
fail:
    if (e->dirfd >= 0)
        close(e->dirfd);
    kgex__free(e->path);
    kgex__free(e);
    return error;
}

/* Put `e`'s old file back (or remove a new file that had none). */
static void restore(entry *e)
{
    if (e->had_old > 0)
        (void)renameat(e->dirfd, e->bak, e->dirfd, e->name);
    else if (e->had_old == 0)
        (void)unlinkat(e->dirfd, e->name, 0);
}

void kgex_output_set_discard(kgex_output_set *set)
{
    entry *e;
    struct stat st;

    if (!set || set->phase == P_DISCARDED)
        return;
    if (set->phase == P_COMMITTED) {
        /* all new files are in place: keep them, drop the backups */
        for (e = set->head; e; e = e->next) {
            if (e->state == S_RENAMED && e->had_old > 0)
                (void)unlinkat(e->dirfd, e->bak, 0);
            if (e->state == S_RENAMED)
                e->state = S_NONE;
        }
        return;
    }
    for (e = set->head; e; e = e->next) {
        switch (e->state) {
            case S_WRITING:
                (void)unlinkat(e->dirfd, e->tmp, 0);
                break;
            case S_LINKED:
                (void)unlinkat(e->dirfd, e->tmp, 0);
                if (e->had_old > 0)
                    (void)unlinkat(e->dirfd, e->bak, 0);
                break;
            case S_RENAMING:
                if (fstatat(e->dirfd, e->tmp, &st, AT_SYMLINK_NOFOLLOW) == 0) {
                    (void)unlinkat(e->dirfd, e->tmp, 0); /* not renamed yet */
                    if (e->had_old > 0)
                        (void)unlinkat(e->dirfd, e->bak, 0);
                } else {
                    restore(e);
                }
                break;
            case S_RENAMED:
                restore(e);
                break;
            default:
                continue;
        }
        e->state = S_NONE;
    }
    set->phase = P_DISCARDED;
}

/* Step (1) for one entry: flush and check; for a temporary file also set
 * its mode, sync and close it. Returns 0 or an errno value. */
static int prepare(entry *e)
{
    FILE *fp = e->fp;

    errno = 0;
    if (fflush(fp) != 0 || ferror(fp))
        return errno ? errno : EIO;
    if (e->state != S_WRITING)
        return 0;
    if (fchmod(fileno(fp), e->mode) != 0)
        return errno;
    if (fsync(fileno(fp)) != 0 && errno != EINVAL && errno != ENOTSUP)
        return errno;
    e->fp = NULL;
    if (fclose(fp) != 0)
        return errno ? errno : EIO;
    return 0;
}

/* Step (2) for one entry. Returns 0 or an errno value. */
static int replace(entry *e, int backup)
{
    int had_old = -1;

    if (backup) {
        if (linkat(e->dirfd, e->name, e->dirfd, e->bak, 0) == 0)
            had_old = 1;
        else if (errno == ENOENT)
            had_old = 0;
        /* else (no hard links here): this one cannot be put back */
    }
    e->had_old = had_old;
    publish();
    e->state = S_LINKED;
    publish();
    e->state = S_RENAMING;
    publish();
    if (renameat(e->dirfd, e->tmp, e->dirfd, e->name) != 0)
        return errno ? errno : EIO;
    e->state = S_RENAMED;
    publish();
    return 0;
}

int kgex_output_set_commit(kgex_output_set *set, kgex_error *err)
{
    entry *e, *bad = NULL;
    int saved = 0;
    const char *what = "cannot write";

    KGEX_ASSERT_ARG(set && set->phase == P_OPEN, err);
    for (e = set->head; e && !saved; e = e->next) {
        if (e->fp && (saved = prepare(e)) != 0)
            bad = e;
    }
    if (!saved) {
        set->phase = P_COMMITTING;
        publish();
        for (e = set->head; e && !saved; e = e->next) {
            if (e->state == S_WRITING && (saved = replace(e, set->files > 1)) != 0) {
                bad = e;
                what = "cannot replace";
            }
        }
    }
    if (saved) {
        kgex_output_set_discard(set);
        return kgex__error_at(err, KGEX_EIO, bad->is_stdout ? "<stdout>" : bad->path, 0, 0,
                              "%s: %s", what, strerror(saved));
    }
    publish();
    set->phase = P_COMMITTED;
    publish();
    for (e = set->head; e; e = e->next) {
        if (e->dirfd >= 0)
            (void)fsync(e->dirfd);
    }
    kgex_output_set_discard(set); /* committed: removes the backups only */
    return KGEX_OK;
}

void kgex_output_set_free(kgex_output_set *set)
{
    entry *e, *next;

    if (!set)
        return;
    if (set->phase != P_COMMITTED)
        kgex_output_set_discard(set);
    for (e = set->head; e; e = next) {
        next = e->next;
        if (e->fp && !e->is_stdout)
            fclose(e->fp);
        if (e->dirfd >= 0)
            close(e->dirfd);
        kgex__free(e->path);
        kgex__free(e);
    }
    kgex__free(set);
}

/* ---- one file, for the writers ---------------------------------------- */

int kgex__atomic_write(const kgex_graph *graph, const char *path, kgex__write_fn write,
                       const void *payload, kgex_error *err)
{
    kgex_output_set *set = NULL;
    FILE *fp;
    int error;

    KGEX_ASSERT_ARG(graph, err);
    KGEX_ASSERT_ARG(path, err);
    error = kgex_output_set_new(&set);
    if (error < 0) {
        error = kgex__error_set(err, error, "out of memory");
        goto done;
    }
    error = kgex_output_set_add(&fp, set, path, err);
    if (error < 0)
        goto done;
    error = write(graph, fp, strcmp(path, "-") == 0 ? "<stdout>" : path, payload, err);
    if (error < 0)
        goto done;
    error = kgex_output_set_commit(set, err);
done:
    kgex_output_set_free(set);
    return error;
}

int kgex__write_error(kgex_error *err, int error, const char *path, int saved, const char *format,
                      const char *fallback)
{
    if (error == KGEX_ENOMEM)
        return kgex__error_set(err, error, "out of memory");
    if (error == KGEX_EIO)
        return kgex__error_at(err, error, path ? path : "", 0, 0, "cannot write %s: %s", format,
                              saved ? strerror(saved) : fallback);
    if (error < 0)
        return kgex__error_set(err, error, "cannot write %s: %s", format, kgex_strerror(error));
    return KGEX_OK;
}
