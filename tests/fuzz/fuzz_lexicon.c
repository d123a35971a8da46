/*
 * fuzz_lexicon.c - libFuzzer target for user lexicon files: bytes ->
 * kgex_lexicon_add_json on an empty lexicon. When the bytes are accepted,
 * every section is looked at through the private API the extraction uses
 * (each official's roles on a few dates, whose employers must be loaded
 * entities; the candidates of every trie node, whose count must match the
 * entity payloads there; each organization's parent), the same bytes are
 * loaded a second time (extending entries, never adding twice), and a
 * fixed text is extracted with that lexicon and both writers run, so that
 * odd names, ids and titles from a lexicon reach the outputs too.
 *
 *   bash tests/fuzz/run.sh fuzz_lexicon 600
 */
#include "fuzz_common.h"

#include "lexicon/lexicon.h"

static void check_lexicon(const kgex_lexicon *lex)
{
    static const int32_t dates[] = {0, 19991231, 20000101, 20140130, 20251231, KGEX__DATE_OPEN};
    const kgex__role *roles[4];
    uint32_t cand[4];
    size_t i, k, d;

    for (i = 0; i < lex->off_len; i++) {
        if (kgex__official_find(lex, lex->off[i].id) != (long)i)
            fuzz_fail("lexicon", "an official is not found by its id");
        for (d = 0; d < sizeof(dates) / sizeof(dates[0]); d++) {
            size_t n = kgex__official_roles_on(lex, i, dates[d], roles, 4);
            for (k = 0; k < n && k < 4; k++) {
                if (roles[k]->of >= lex->ent_len || roles[k]->from > roles[k]->to)
                    fuzz_fail("lexicon", "a role with a bad employer or dates");
            }
        }
    }
    for (i = 0; i < lex->ent_len; i++) {
        if (lex->ent[i].parent >= (long)lex->ent_len || lex->ent[i].parent == (long)i)
            fuzz_fail("lexicon", "a bad parent");
        if (kgex__lexicon_find(lex, lex->ent[i].id) != (long)i)
            fuzz_fail("lexicon", "an entity is not found by its id");
    }
    for (i = 1; i < lex->node_len; i++) {
        size_t n = kgex__lexicon_candidates(lex, (uint32_t)i, cand, 4);
        for (k = 0; k < n && k < 4; k++) {
            if (cand[k] >= lex->ent_len)
                fuzz_fail("lexicon", "a candidate out of range");
        }
    }
}

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
        size_t ents = lex->ent_len, offs = lex->off_len;

        check_lexicon(lex);
        if (kgex_lexicon_add_json(lex, (const char *)data, size, "fuzz.json", &err) != KGEX_OK)
            fuzz_fail("lexicon", "accepted once, refused the second time");
        if (lex->ent_len != ents || lex->off_len != offs)
            fuzz_fail("lexicon", "the same document loaded twice added entries");
        check_lexicon(lex);
        fuzz_extract_and_write(lex, "fuzz.txt", text, sizeof(text) - 1, "2024-03-08");
    }
    kgex_lexicon_free(lex);
    return 0;
}
