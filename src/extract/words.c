/*
 * words.c - the closed-class word lists and their lookup table (see words.h).
 */
#include "extract/words.h"

#include <string.h>

#include "common.h"

static const char *const function[] = {
    "the",       "a",         "an",        "in",        "on",      "at",       "after",
    "before",    "during",    "since",     "when",      "while",   "as",       "for",
    "by",        "with",      "from",      "to",        "of",      "and",      "but",
    "or",        "however",   "meanwhile", "this",      "that",    "these",    "those",
    "his",       "her",       "its",       "their",     "our",     "my",       "your",
    "last",      "next",      "he",        "she",       "it",      "they",     "we",
    "i",         "you",       "there",     "here",      "thus",    "hence",    "also",
    "if",        "why",       "what",      "which",     "who",     "how",      "where",
    "some",      "many",      "most",      "all",       "both",    "each",     "every",
    "no",        "not",       "yes",       "so",        "then",    "now",      "today",
    "yesterday", "according", "official",  "officials", "former",  "new",      "other",
    "another",   "such",      "one",       "two",       "three",   "later",    "earlier",
    "despite",   "although",  "though",    "because",   "update",  "note",     "mr",
    "mrs",       "ms",        "dr",        "sir",       "is",      "are",      "was",
    "were",      "be",        "will",      "would",     "can",     "could",    "may",
    "monday",    "tuesday",   "wednesday", "thursday",  "friday",  "saturday", "sunday",
    "january",   "february",  "march",     "april",     "june",    "july",     "august",
    "september", "october",   "november",  "december",  "related", "posts",    "comments",
    "photo",     "video",     "read",      "more",      "see",     "let",      "imagine",
    "don't",     "i'm",       "it's",      "over",      "under",   "amid",     "against",
    "about",     "into",      "across",    "near",      "without", "within",   "between",
    "among",     "toward",    "towards",   "via",       "per",     "upon",     "onto",
    "despite",   "says",      "said",      "warns",     "urges",   "calls",    "seeks",
    "slams",     "vows",      "backs",     NULL};
static const char *const place_prep[] = {
    "in",      "at",  "near",    "from",   "to",   "into", "outside", "around", "toward",
    "towards", "via", "through", "across", "west", "east", "north",   "south",  NULL};
static const char *const org_head[] = {
    "organization", "organisation", "ministry",   "council",     "union",        "forces",
    "force",        "group",        "agency",     "secretariat", "committee",    "commission",
    "service",      "army",         "navy",       "command",     "bank",         "fund",
    "court",        "parliament",   "assembly",   "office",      "department",   "staff",
    "corps",        "guard",        "guards",     "party",       "front",        "movement",
    "alliance",     "coalition",    "institute",  "center",      "centre",       "base",
    "brigade",      "division",     "battalion",  "regiment",    "police",       "authority",
    "bureau",       "directorate",  "cabinet",    "senate",      "congress",     "duma",
    "association",  "foundation",   "board",      "mission",     "headquarters", "administration",
    "government",   "militia",      "federation", NULL};
static const char *const org_connector[] = {"of", "for", "and", "on", "the", NULL};
static const char *const armed_head[] = {"forces", "army",  "navy", "military",
                                         "troops", "force", NULL};
static const char *const ministry_kind[] = {
    "foreign", "defense",   "defence",   "interior",    "finance",     "economy",     "justice",
    "health",  "education", "emergency", "emergencies", "energy",      "agriculture", "culture",
    "trade",   "transport", "labor",     "labour",      "environment", NULL};
static const char *const org_noun[] = {
    "alliance", "organization", "organisation", "bloc", "group", "body", NULL};
static const char *const org_det[] = {"the", "that", "this", NULL};
static const char *const title_prefix[] = {"deputy",  "vice",      "acting", "first", "former",
                                           "interim", "assistant", "senior", "chief", NULL};
static const char *const boundary[] = {
    "in",      "on",     "at",     "to",       "for",    "with",    "by",      "from",  "into",
    "against", "over",   "about",  "after",    "before", "during",  "since",   "under", "near",
    "through", "across", "toward", "towards",  "within", "without", "between", "among", "that",
    "which",   "who",    "whom",   "whose",    "when",   "where",   "while",   "as",    "because",
    "if",      "unless", "and",    "or",       "but",    "is",      "are",     "was",   "were",
    "be",      "been",   "being",  "has",      "have",   "had",     "will",    "would", "can",
    "could",   "may",    "might",  "shall",    "should", "must",    "do",      "does",  "did",
    "not",     "than",   "so",     "although", "though", "whether", "said",    "says",  "told",
    NULL};
static const char *const preposition[] = {
    "in",      "on",     "at",      "to",      "for",   "with", "by",      "from",   "into",
    "against", "over",   "about",   "during",  "under", "near", "through", "across", "toward",
    "towards", "within", "without", "between", "among", "of",   NULL};
static const char *const adverb[] = {
    "also",       "again",     "repeatedly", "reportedly",   "then",        "now",
    "already",    "still",     "further",    "later",        "jointly",     "earlier",
    "today",      "yesterday", "once",       "twice",        "recently",    "first",
    "previously", "allegedly", "apparently", "subsequently", "immediately", "just",
    "has",        "have",      "had",        "even",         "however",     "always",
    "often",      "never",     NULL};
static const char *const determiner[] = {"the",  "a",    "an",    "its",   "their", "his",  "her",
                                         "this", "that", "these", "those", "any",   "such", NULL};
static const char *const modal[] = {"can",     "could",  "may",    "might",    "will",     "would",
                                    "shall",   "should", "must",   "'ll",      "to",       "not",
                                    "n't",     "never",  "cannot", "won't",    "wouldn't", "didn't",
                                    "doesn't", "don't",  "no",     "unlikely", "ready",    NULL};
static const char *const conditional[] = {
    "if",      "unless", "whether",  "case",      "event",       "threat",
    "threats", "risk",   "possible", "potential", "possibility", "future",
    "prevent", "deter",  "imagine",  "dare",      NULL};
static const char *const be[] = {"is", "are", "was", "were", "been", "being",
                                 "be", "get", "got", "gets", NULL};
static const char *const actor_noun[] = {
    "government",  "forces",     "troops",         "army",         "military",    "leadership",
    "authorities", "side",       "officials",      "leaders",      "diplomats",   "ministers",
    "soldiers",    "units",      "territory",      "soil",         "borders",     "border",
    "airspace",    "positions",  "people",         "state",        "regime",      "administration",
    "plane",       "jet",        "jets",           "planes",       "drones",      "drone",
    "artillery",   "aircraft",   "helicopter",     "navy",         "warplanes",   "warplane",
    "missiles",    "missile",    "office",         "posts",        "post",        "villages",
    "village",     "towns",      "town",           "cities",       "city",        "settlements",
    "settlement",  "facilities", "infrastructure", "checkpoint",   "checkpoints", "base",
    "bases",       "vehicle",    "vehicles",       "convoy",       "ships",       "ship",
    "vessel",      "vessels",    "embassy",        "outpost",      "outposts",    "units",
    "service",     "spokesman",  "spokeswoman",    "spokesperson", "press",       NULL};
static const char *const light_verb[] = {
    "launched", "launch",    "launches",  "launching",  "made",    "make",      "makes",
    "carried",  "carry",     "carries",   "conducted",  "conduct", "conducts",  "staged",
    "stage",    "mounted",   "mount",     "began",      "begin",   "begun",     "started",
    "start",    "continued", "continues", "continuing", "resumed", "committed", "unleashed",
    "sent",     "send",      "submitted", "filed",      "issued",  "issue",     "issues",
    "issuing",  "making",    "released",  "delivered",  NULL};
static const char *const help[] = {
    "help",     "assistance", "aid",    "support",  "intervention", "intervene",    "protection",
    "response", "invoke",     "troops", "military", "peacekeepers", "peacekeeping", "mediation",
    "security", "protect",    "defend", "defense",  "defence",      "respond",      "assist",
    "send",     "provide",    "deploy", NULL};
static const char *const list_opener[] = {"notably",      "including", "namely", "especially",
                                          "particularly", "like",      "such",   NULL};
static const char *const noun_marker[] = {
    "if",    "unless",   "case",      "event",       "threat",  "threats",
    "risk",  "possible", "potential", "possibility", "future",  "prevent",
    "deter", "any",      "no",        "against",     "whether", NULL};
static const char *const weapon[] = {"missiles", "missile", "drones",    "drone",     "rockets",
                                     "rocket",   "shells",  "artillery", "warplanes", "jets",
                                     "aircraft", "bombs",   "strikes",   NULL};
static const char *const name_head[] = {
    "statute", "treaty",     "declaration", "protocol",   "protocols", "agreement", "agreements",
    "accord",  "accords",    "convention",  "process",    "format",    "summit",    "conference",
    "airport", "university", "charter",     "memorandum", "post",      "times",     "journal",
    "herald",  "tribune",    "street",      "avenue",     "square",    "stadium",   "marathon",
    "metro",   "oblast",     "region",      "province",   "district",  NULL};
static const char *const clause[] = {"which", "that", "when", "who", "as", "while", NULL};

static const struct {
    const char *const *words;
    uint32_t bit;
} lists[] = {
    {function, KGEX__W_FUNCTION},
    {place_prep, KGEX__W_PLACE_PREP},
    {org_head, KGEX__W_ORG_HEAD},
    {org_connector, KGEX__W_ORG_CONNECTOR},
    {armed_head, KGEX__W_ARMED_HEAD},
    {ministry_kind, KGEX__W_MINISTRY_KIND},
    {org_noun, KGEX__W_ORG_NOUN},
    {org_det, KGEX__W_ORG_DET},
    {title_prefix, KGEX__W_TITLE_PREFIX},
    {boundary, KGEX__W_BOUNDARY},
    {preposition, KGEX__W_PREPOSITION},
    {adverb, KGEX__W_ADVERB},
    {determiner, KGEX__W_DETERMINER},
    {modal, KGEX__W_MODAL},
    {conditional, KGEX__W_CONDITIONAL},
    {be, KGEX__W_BE},
    {actor_noun, KGEX__W_ACTOR_NOUN},
    {light_verb, KGEX__W_LIGHT_VERB},
    {help, KGEX__W_HELP},
    {list_opener, KGEX__W_LIST_OPENER},
    {noun_marker, KGEX__W_NOUN_MARKER},
    {clause, KGEX__W_CLAUSE},
    {weapon, KGEX__W_WEAPON},
    {name_head, KGEX__W_NAME_HEAD},
};

typedef struct slot {
    const char *word;
    uint32_t mask;
} slot;

struct kgex__words {
    slot *slots;
    size_t cap; /* a power of two */
};

static uint32_t hash(const char *s)
{
    uint32_t h = 2166136261u;

    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 16777619u;
    }
    return h;
}

int kgex__words_new(kgex__words **out)
{
    kgex__words *w;
    size_t i, k, total = 0;

    *out = NULL;
    for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
        for (k = 0; lists[i].words[k]; k++)
            total++;
    }
    w = kgex__calloc(1, sizeof(*w));
    if (!w)
        return KGEX_ENOMEM;
    for (w->cap = 64; w->cap < total * 2; w->cap *= 2)
        ;
    w->slots = kgex__calloc(w->cap, sizeof(*w->slots));
    if (!w->slots) {
        kgex__free(w);
        return KGEX_ENOMEM;
    }
    for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
        for (k = 0; lists[i].words[k]; k++) {
            const char *s = lists[i].words[k];
            size_t j;

            for (j = hash(s) & (w->cap - 1); w->slots[j].word && strcmp(w->slots[j].word, s);
                 j = (j + 1) & (w->cap - 1))
                ;
            w->slots[j].word = s;
            w->slots[j].mask |= lists[i].bit;
        }
    }
    *out = w;
    return KGEX_OK;
}

void kgex__words_free(kgex__words *w)
{
    if (!w)
        return;
    kgex__free(w->slots);
    kgex__free(w);
}

uint32_t kgex__words_class(const kgex__words *w, const char *s)
{
    size_t j;

    for (j = hash(s) & (w->cap - 1); w->slots[j].word; j = (j + 1) & (w->cap - 1)) {
        if (strcmp(w->slots[j].word, s) == 0)
            return w->slots[j].mask;
    }
    return 0;
}
