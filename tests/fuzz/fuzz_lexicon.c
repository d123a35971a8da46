/*
 * fuzz_lexicon.c - libFuzzer target for user lexicon files: bytes ->
 * kgex_lexicon_add_json on an empty lexicon. When the bytes are accepted,
 * a fixed text is extracted with that lexicon and both writers run, so
 * that odd names, ids and titles from a lexicon reach the outputs too.
 *
 *   bash tests/fuzz/run.sh fuzz_lexicon 600
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char text[] =
    "Armenia and Azerbaijan are members of the CSTO. Foreign Minister Ararat Mirzoyan said on "
    "Tuesday that \"the shelling must stop\". Azerbaijani forces shelled Tavush, the ministry "
    "said. Yerevan appealed to the UN Security Council.\n";

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    kgex_lexicon *lex = NULL;
    kgex_error err;
    int error;

    if (kgex_lexicon_new(&lex) < 0)
        abort();
    error = kgex_lexicon_add_json(lex, (const char *)data, size, "fuzz.json", &err);
    if (error < 0) {
        if (error != KGEX_EPARSE && error != KGEX_ELIMIT)
            fuzz_fail("lexicon", err.message);
        if (err.message[0] == '\0')
            fuzz_fail("lexicon", "error without a message");
    } else {
        fuzz_extract_and_write(lex, "fuzz.txt", text, sizeof(text) - 1, "2024-03-08");
    }
    kgex_lexicon_free(lex);
    return 0;
}
