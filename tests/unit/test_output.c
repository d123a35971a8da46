/*
 * test_output.c - output sets (kgex/output.h): several files replaced all
 * together or not at all, temporary files private while written and
 * removed on every failure, put back after a failed rename, left-overs of
 * dead processes removed, names too long for a temporary suffix, and error
 * records that name the path once.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "kgex/errors.h"
#include "kgex/output.h"

static char dir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/kgex-test-output.XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

/* Remove everything in dir (one level of subdirectories), then dir. */
static int teardown(void **state)
{
    DIR *dp = opendir(dir);
    struct dirent *de;
    char path[1024];

    (void)state;
    while (dp && (de = readdir(dp)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
        if (unlink(path) != 0) {
            char inner[1100];

            snprintf(inner, sizeof(inner), "%s/x", path);
            unlink(inner);
            rmdir(path);
        }
    }
    if (dp)
        closedir(dp);
    return rmdir(dir);
}

static void path_of(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "%s/%s", dir, name);
}

static void write_text(const char *path, const char *text, mode_t mode)
{
    FILE *fp = fopen(path, "w");

    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
    assert_int_equal(chmod(path, mode), 0);
}

static int has_text(const char *path, const char *text)
{
    char buf[256] = {0};
    FILE *fp = fopen(path, "r");
    size_t n;

    if (!fp)
        return 0;
    n = fread(buf, 1, sizeof(buf) - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return strcmp(buf, text) == 0;
}

/* Number of names in dir that contain `part`. */
static int count_names(const char *part)
{
    DIR *dp = opendir(dir);
    struct dirent *de;
    int n = 0;

    assert_non_null(dp);
    while ((de = readdir(dp)) != NULL)
        n += strstr(de->d_name, part) != NULL;
    closedir(dp);
    return n;
}

/* A PID that no process has. */
static long dead_pid(void)
{
    long pid;

    for (pid = 4194303; pid > 1000; pid--) {
        if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
            return pid;
    }
    fail();
    return 0;
}

static void outputs_are_replaced_together_and_keep_their_modes(void **state)
{
    kgex_output_set *set = NULL;
    char a[512], b[512];
    FILE *fa, *fb;
    struct stat st;
    mode_t mask = umask(022);

    (void)state;
    umask(mask);
    path_of(a, sizeof(a), "a.graphml");
    path_of(b, sizeof(b), "b.jsonld");
    write_text(a, "old a", 0640);
    assert_int_equal(kgex_output_set_new(&set), KGEX_OK);
    assert_int_equal(kgex_output_set_add(&fa, set, a, NULL), KGEX_OK);
    assert_int_equal(kgex_output_set_add(&fb, set, b, NULL), KGEX_OK);
    fputs("new a", fa);
    fputs("new b", fb);
    /* nothing changes before the commit */
    assert_true(has_text(a, "old a"));
    assert_int_equal(access(b, F_OK), -1);
    assert_int_equal(kgex_output_set_commit(set, NULL), KGEX_OK);
    kgex_output_set_free(set);
    assert_true(has_text(a, "new a"));
    assert_true(has_text(b, "new b"));
    assert_int_equal(stat(a, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    assert_int_equal(stat(b, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0666 & ~mask);
    assert_int_equal(count_names(".tmp-"), 0);
}

static void temporary_files_are_private_while_written(void **state)
{
    kgex_output_set *set = NULL;
    char a[512];
    FILE *fa;
    struct stat st;

    (void)state;
    path_of(a, sizeof(a), "private.graphml");
    write_text(a, "secret", 0600);
    assert_int_equal(kgex_output_set_new(&set), KGEX_OK);
    assert_int_equal(kgex_output_set_add(&fa, set, a, NULL), KGEX_OK);
    assert_int_equal(fstat(fileno(fa), &st), 0);
    assert_int_equal(st.st_mode & 0077, 0); /* not even for a moment readable by others */
    assert_int_equal(count_names("private.graphml.tmp-"), 1);
    fputs("still secret", fa);
    assert_int_equal(kgex_output_set_commit(set, NULL), KGEX_OK);
    kgex_output_set_free(set);
    assert_int_equal(stat(a, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
}

static void a_failed_rename_puts_every_output_back(void **state)
{
    kgex_output_set *set = NULL;
    kgex_error err;
    char a[512], b[512], inner[600];
    FILE *fa, *fb;
    struct stat st;

    (void)state;
    path_of(a, sizeof(a), "first.graphml");
    path_of(b, sizeof(b), "second.graphml");
    write_text(a, "old first", 0644);
    write_text(b, "old second", 0644);
    assert_int_equal(kgex_output_set_new(&set), KGEX_OK);
    assert_int_equal(kgex_output_set_add(&fa, set, a, NULL), KGEX_OK);
    assert_int_equal(kgex_output_set_add(&fb, set, b, NULL), KGEX_OK);
    fputs("new first", fa);
    fputs("new second", fb);
    /* the second target becomes a non-empty directory: its rename fails
     * after the first one has been renamed */
    assert_int_equal(unlink(b), 0);
    assert_int_equal(mkdir(b, 0755), 0);
    snprintf(inner, sizeof(inner), "%s/x", b);
    write_text(inner, "x", 0644);
    kgex_error_clear(&err);
    assert_int_equal(kgex_output_set_commit(set, &err), KGEX_EIO);
    kgex_output_set_free(set);
    assert_string_equal(err.source, b);
    assert_non_null(strstr(err.message, "cannot replace"));
    assert_true(has_text(a, "old first")); /* put back */
    assert_int_equal(stat(b, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(count_names(".tmp-"), 0); /* neither temporary files nor backups */
}

static void discarding_removes_every_temporary_file(void **state)
{
    kgex_output_set *set = NULL;
    char a[512], b[512];
    FILE *fa, *fb;

    (void)state;
    path_of(a, sizeof(a), "d1.graphml");
    path_of(b, sizeof(b), "d2.graphml");
    write_text(a, "old", 0644);
    assert_int_equal(kgex_output_set_new(&set), KGEX_OK);
    assert_int_equal(kgex_output_set_add(&fa, set, a, NULL), KGEX_OK);
    assert_int_equal(kgex_output_set_add(&fb, set, b, NULL), KGEX_OK);
    fputs("half", fa);
    assert_int_equal(count_names(".tmp-"), 2);
    kgex_output_set_discard(set); /* what a signal handler calls */
    assert_int_equal(count_names(".tmp-"), 0);
    kgex_output_set_discard(set); /* again: nothing more to do */
    kgex_output_set_free(set);
    assert_true(has_text(a, "old"));
    assert_int_equal(access(b, F_OK), -1);
    kgex_output_set_discard(NULL);
    kgex_output_set_free(NULL);
}

static void left_overs_of_dead_processes_are_removed(void **state)
{
    kgex_output_set *set = NULL;
    char a[512], dead[600], alive[600], other[600], similar[600];
    FILE *fa;

    (void)state;
    path_of(a, sizeof(a), "g.graphml");
    snprintf(dead, sizeof(dead), "%s.tmp-%ld-deadbeef", a, dead_pid());
    snprintf(alive, sizeof(alive), "%s.tmp-%ld-0badf00d", a, (long)getppid());
    snprintf(other, sizeof(other), "%s/h.graphml.tmp-%ld-deadbeef", dir, dead_pid());
    snprintf(similar, sizeof(similar), "%s.tmp-notes", a);
    write_text(dead, "left by a killed run", 0600);
    write_text(alive, "being written by a running process", 0600);
    write_text(other, "another target's", 0600);
    write_text(similar, "a user's file", 0600);
    assert_int_equal(kgex_output_set_new(&set), KGEX_OK);
    assert_int_equal(kgex_output_set_add(&fa, set, a, NULL), KGEX_OK);
    assert_int_equal(access(dead, F_OK), -1);
    assert_int_equal(access(alive, F_OK), 0);
    assert_int_equal(access(other, F_OK), 0);
    assert_int_equal(access(similar, F_OK), 0);
    assert_int_equal(kgex_output_set_commit(set, NULL), KGEX_OK);
    kgex_output_set_free(set);
    unlink(alive);
    unlink(other);
    unlink(similar);
}

static void names_too_long_for_the_suffix_still_work(void **state)
{
    kgex_output_set *set = NULL;
    char name[256], a[600];
    FILE *fa;

    (void)state;
    /* 255 bytes: the longest name there is; "NAME.tmp-PID-XXXXXXXX" cannot
     * be longer, so the temporary name is cut */
    memset(name, 'n', 247);
    memcpy(name + 247, ".graphml", 9);
    assert_int_equal(strlen(name), 255);
    path_of(a, sizeof(a), name);
    assert_int_equal(kgex_output_set_new(&set), KGEX_OK);
    assert_int_equal(kgex_output_set_add(&fa, set, a, NULL), KGEX_OK);
    assert_int_equal(count_names(".tmp-"), 1);
    fputs("long", fa);
    assert_int_equal(kgex_output_set_commit(set, NULL), KGEX_OK);
    kgex_output_set_free(set);
    assert_true(has_text(a, "long"));
    assert_int_equal(count_names(".tmp-"), 0);
}

static void errors_name_the_path_once_and_keep_the_reason(void **state)
{
    kgex_output_set *set = NULL;
    kgex_error err;
    char longpath[1200];
    FILE *fp;
    size_t n;

    (void)state;
    assert_int_equal(kgex_output_set_new(&set), KGEX_OK);
    kgex_error_clear(&err);
    assert_int_equal(kgex_output_set_add(&fp, set, dir, &err), KGEX_EIO);
    assert_string_equal(err.source, dir);
    assert_string_equal(err.message, "is a directory");
    /* a path far longer than the record: the source keeps its end, and the
     * message still says why */
    n = (size_t)snprintf(longpath, sizeof(longpath), "/nonexistent-dir");
    while (n < 900)
        n += (size_t)snprintf(longpath + n, sizeof(longpath) - n, "/%s", "subdirectory");
    snprintf(longpath + n, sizeof(longpath) - n, "/end.graphml");
    kgex_error_clear(&err);
    assert_int_equal(kgex_output_set_add(&fp, set, longpath, &err), KGEX_EIO);
    assert_memory_equal(err.source, "...", 3);
    assert_non_null(strstr(err.source, "subdirectory/end.graphml"));
    assert_non_null(strstr(err.message, "No such file or directory"));
    assert_null(strstr(err.message, "subdirectory"));
    kgex_output_set_free(set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(outputs_are_replaced_together_and_keep_their_modes),
        cmocka_unit_test(temporary_files_are_private_while_written),
        cmocka_unit_test(a_failed_rename_puts_every_output_back),
        cmocka_unit_test(discarding_removes_every_temporary_file),
        cmocka_unit_test(left_overs_of_dead_processes_are_removed),
        cmocka_unit_test(names_too_long_for_the_suffix_still_work),
        cmocka_unit_test(errors_name_the_path_once_and_keep_the_reason),
    };

    return cmocka_run_group_tests_name("output", tests, setup, teardown);
}
