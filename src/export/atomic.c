/*
 * atomic.c - temporary file + rename; see atomic.h.
 *
 * The temporary name is "PATH.tmp-PID-N", created with O_EXCL (never an
 * existing file) and mode 0666 less the umask, as fopen() would; when the
 * target exists its permission bits are copied, so replacing a file keeps
 * its mode.
 */
#define _POSIX_C_SOURCE 200809L

#include "export/atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common.h"

static int is_stdout(const char *path)
{
    return strcmp(path, "-") == 0;
}

int kgex__atomic_open(kgex__atomic *a, const char *path, kgex_error *err)
{
    struct stat st;
    char *tmp = NULL;
    size_t cap;
    int fd = -1;
    int attempt;
    int error = KGEX_OK;

    KGEX_ASSERT_ARG(a, err);
    KGEX_ASSERT_ARG(path && path[0], err);
    a->fp = NULL;
    a->path = path;
    a->tmp_path = NULL;
    a->direct = 0;
    if (is_stdout(path)) {
        a->fp = stdout;
        return KGEX_OK;
    }
    /* a device or a pipe (/dev/full, a FIFO) is written to as it is: a
     * rename would replace it with a regular file */
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        a->fp = fopen(path, "wb");
        if (!a->fp)
            return kgex__error_at(err, KGEX_EIO, path, 0, 0, "cannot open '%s': %s", path,
                                  strerror(errno));
        a->direct = 1;
        return KGEX_OK;
    }

    cap = strlen(path) + 64;
    tmp = kgex__malloc(cap);
    if (!tmp) {
        error = kgex__error_set(err, KGEX_ENOMEM, "out of memory");
        goto done;
    }
    for (attempt = 0; attempt < 100; attempt++) {
        unsigned long salt = (unsigned long)time(NULL) ^ (unsigned long)(uintptr_t)a;

        snprintf(tmp, cap, "%s.tmp-%ld-%lx%d", path, (long)getpid(), salt & 0xfffff, attempt);
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (fd >= 0 || errno != EEXIST)
            break;
    }
    if (fd < 0) {
        error = kgex__error_at(err, KGEX_EIO, path, 0, 0, "cannot create '%s': %s", path,
                               strerror(errno));
        goto done;
    }
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        (void)fchmod(fd, st.st_mode & 07777);
    a->fp = fdopen(fd, "wb");
    if (!a->fp) {
        error = kgex__error_at(err, KGEX_EIO, path, 0, 0, "cannot create '%s': %s", path,
                               strerror(errno));
        close(fd);
        unlink(tmp);
        goto done;
    }
    a->tmp_path = tmp;
    tmp = NULL;
done:
    kgex__free(tmp);
    return error;
}

int kgex__atomic_commit(kgex__atomic *a, kgex_error *err)
{
    int saved = 0; /* errno of the first failure, 0 while all is well */
    FILE *fp;

    KGEX_ASSERT_ARG(a && a->fp, err);
    fp = a->fp;
    errno = 0;
    if (fflush(fp) != 0 || ferror(fp)) {
        saved = errno ? errno : EIO;
        goto done;
    }
    if (a->direct) {
        a->fp = NULL;
        a->direct = 0;
        if (fclose(fp) != 0)
            saved = errno ? errno : EIO;
        fp = NULL;
        goto done;
    }
    if (!a->tmp_path)
        goto done; /* stdout: flushed and checked, never closed */
    if (fsync(fileno(fp)) != 0 && errno != EINVAL && errno != ENOTSUP) {
        saved = errno;
        goto done;
    }
    a->fp = NULL;
    if (fclose(fp) != 0) {
        saved = errno ? errno : EIO;
        goto done;
    }
    if (rename(a->tmp_path, a->path) != 0) {
        saved = errno ? errno : EIO;
        goto done;
    }
    kgex__free(a->tmp_path);
    a->tmp_path = NULL;
done:
    if (!a->tmp_path) {
        if (saved && fp)
            clearerr(fp);
        if (a->direct && a->fp)
            fclose(a->fp);
        a->direct = 0;
        a->fp = NULL;
    } else {
        kgex__atomic_abort(a); /* closes a->fp if still open, removes the file */
    }
    if (!saved)
        return KGEX_OK;
    return kgex__error_at(err, KGEX_EIO, is_stdout(a->path) ? "<stdout>" : a->path, 0, 0,
                          "cannot write '%s': %s", a->path, strerror(saved));
}

void kgex__atomic_abort(kgex__atomic *a)
{
    if (!a)
        return;
    if (a->direct && a->fp)
        fclose(a->fp);
    a->direct = 0;
    if (a->tmp_path) {
        if (a->fp)
            fclose(a->fp);
        unlink(a->tmp_path);
        kgex__free(a->tmp_path);
        a->tmp_path = NULL;
    }
    a->fp = NULL;
}

int kgex__atomic_write(const kgex_graph *graph, const char *path, kgex__write_fn write,
                       const void *payload, kgex_error *err)
{
    kgex__atomic a = {0};
    int error;

    KGEX_ASSERT_ARG(graph, err);
    KGEX_ASSERT_ARG(path, err);
    error = kgex__atomic_open(&a, path, err);
    if (error < 0)
        goto done;
    error = write(graph, a.fp, strcmp(path, "-") == 0 ? "<stdout>" : path, payload, err);
    if (error < 0)
        goto done;
    error = kgex__atomic_commit(&a, err);
done:
    kgex__atomic_abort(&a);
    return error;
}

int kgex__write_error(kgex_error *err, int error, const char *path, int saved, const char *format,
                      const char *fallback)
{
    if (error == KGEX_ENOMEM)
        return kgex__error_set(err, error, "out of memory");
    if (error == KGEX_EIO)
        return kgex__error_at(err, error, path ? path : "", 0, 0, "cannot write '%s%s': %s",
                              path ? path : format, path ? "" : " output",
                              saved ? strerror(saved) : fallback);
    if (error < 0)
        return kgex__error_set(err, error, "cannot write %s: %s", format, kgex_strerror(error));
    return KGEX_OK;
}
