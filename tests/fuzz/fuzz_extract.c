/*
 * fuzz_extract.c - libFuzzer target for the text pipeline: bytes ->
 * kgex_document_load_buffer (text) -> kgex_extract_text with the default
 * lexicon -> GraphML and JSON-LD in memory -> both parsed back (libxml2,
 * jansson). Any failure to read an output back aborts.
 *
 *   bash tests/fuzz/run.sh fuzz_extract 600
 */
#include "fuzz_common.h"

static kgex_lexicon *lexicon;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (kgex_lexicon_new_default(&lexicon, NULL) < 0)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    kgex_input_options opts = KGEX_INPUT_OPTIONS_INIT;
    kgex_document *doc = NULL;
    kgex_error err;
    int error;

    opts.format = KGEX_INPUT_TEXT;
    error = kgex_document_load_buffer(&doc, (const char *)data, size, "fuzz.txt", &opts, &err);
    if (error < 0) {
        if (error != KGEX_EPARSE)
            fuzz_fail("load", err.message);
        return 0;
    }
    fuzz_check_document(doc);
    fuzz_extract_and_write(lexicon, "fuzz.txt", kgex_document_text(doc), kgex_document_len(doc),
                           "2024-03-08");
    kgex_document_free(doc);
    return 0;
}
