/*
 * fuzz_html.c - libFuzzer target for the HTML input path: bytes ->
 * kgex_document_load_buffer (HTML) -> the document invariants (valid UTF-8,
 * no NUL or CR, a well-formed date) -> extraction with the default lexicon
 * and the page's date -> both writers, parsed back.
 *
 *   bash tests/fuzz/run.sh fuzz_html 600
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

    opts.format = KGEX_INPUT_HTML;
    error = kgex_document_load_buffer(&doc, (const char *)data, size, "fuzz.html", &opts, &err);
    if (error < 0) {
        if (error != KGEX_EPARSE)
            fuzz_fail("load", err.message);
        return 0;
    }
    fuzz_check_document(doc);
    fuzz_extract_and_write(lexicon, "fuzz.html", kgex_document_text(doc), kgex_document_len(doc),
                           kgex_document_date(doc));
    kgex_document_free(doc);
    return 0;
}
