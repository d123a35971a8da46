/*
 * official_of.c - "official_of": an official holds a post in, or speaks
 * for, a state or organization.
 *
 * The mention passes read each official's affiliations together with the
 * name ("CSTO Secretary-General Stanislav Zas", "President Vladimir Putin
 * of Russia", "Maria Zakharova, the spokeswoman of the Russian Foreign
 * Ministry"); this file turns them into relations. A state's armed forces
 * stand for the state.
 */
#include "common.h"
#include "extract/rules.h"

#define KNOWN_AFFILIATIONS 1

int kgex__official_of_doc(kgex__doc *d)
{
    size_t k, p;
    int error;

    for (k = 0; k < d->ent_len; k++) {
        const kgex__dent *pe = &d->ent[k];

        if (!kgex__is_official(d, (int)k))
            continue;
        for (p = 0; p < pe->affil_len; p++) {
            int to = pe->affil[p].ent;

            if (pe->affil[p].known && !KNOWN_AFFILIATIONS)
                continue; /* the text never says it: acts for it, no edge */
            if (d->ent[to].stands_for >= 0)
                to = d->ent[to].stands_for;
            error = kgex__doc_add_rel(d, KGEX_REL_OFFICIAL_OF, (int)k, to, pe->affil[p].b,
                                      pe->affil[p].e, NULL);
            if (error < 0)
                return error;
        }
    }
    return KGEX_OK;
}
