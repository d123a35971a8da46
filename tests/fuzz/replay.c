/*
 * replay.c - a libFuzzer target run without libFuzzer: each file of the
 * directories given goes once through the target's LLVMFuzzerTestOneInput
 * (after LLVMFuzzerInitialize, when the target has one), in name order. So
 * any compiler builds the targets, and every build replays their seeds and
 * regressions through the very code the fuzzer runs (ctest
 * fuzz_replay/TARGET). An input that breaks a promise aborts, as under
 * libFuzzer; a directory that is missing or holds no input is an error, so
 * the replay cannot pass by replaying nothing.
 *
 *   replay_fuzz_lexicon tests/fuzz/corpus/fuzz_lexicon tests/fuzz/regressions/fuzz_lexicon
 *
 * Not part of the library; linked with one target (tests/CMakeLists.txt).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int visible(const struct dirent *de)
{
    return de->d_name[0] != '.';
}

/* The bytes of `path` in a buffer of exactly their size (so that ASan sees
 * a read past the end), or NULL with errno set. */
static unsigned char *read_file(const char *path, size_t *len_out)
{
    FILE *fp = fopen(path, "rb");
    unsigned char *buf = NULL;
    long n;

    if (!fp)
        return NULL;
    if (fseek(fp, 0, SEEK_END) != 0)
        goto done;
    n = ftell(fp);
    if (n < 0 || fseek(fp, 0, SEEK_SET) != 0)
        goto done;
    buf = malloc(n > 0 ? (size_t)n : 1);
    if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
        free(buf);
        buf = NULL;
        errno = EIO;
    }
    *len_out = (size_t)n;
done:
    fclose(fp);
    return buf;
}

/* Replay every file of `dir`; the number replayed, or -1 on an error. */
static long replay_dir(const char *dir)
{
    struct dirent **names = NULL;
    long count = 0;
    int n, i;

    n = scandir(dir, &names, visible, alphasort);
    if (n < 0) {
        fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
        return -1;
    }
    for (i = 0; i < n; i++) {
        char path[4096];
        unsigned char *data;
        size_t len = 0;

        snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
        data = read_file(path, &len);
        if (!data) {
            fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
            count = -1;
        } else {
            printf("replay: %s (%zu bytes)\n", path, len);
            fflush(stdout);
            LLVMFuzzerTestOneInput(data, len);
            free(data);
            if (count >= 0)
                count++;
        }
        free(names[i]);
    }
    free(names);
    return count;
}

int main(int argc, char **argv)
{
    int i, failed = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s DIRECTORY...\n", argv[0]);
        return 2;
    }
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    for (i = 1; i < argc; i++) {
        long n = replay_dir(argv[i]);

        if (n == 0)
            fprintf(stderr, "replay: %s: no input to replay\n", argv[i]);
        else if (n > 0)
            printf("replay: %s: %ld inputs\n", argv[i], n);
        if (n <= 0)
            failed = 1;
    }
    return failed;
}
