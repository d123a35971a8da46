/*
 * number.c - numbers as the writers print them; see number.h.
 */
#include "export/number.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void kgex__number_shortest(char *buf, size_t len, double value)
{
    int digits;

    for (digits = 15; digits < 17; digits++) {
        snprintf(buf, len, "%.*g", digits, value);
        if (strtod(buf, NULL) == value)
            return;
    }
    snprintf(buf, len, "%.17g", value);
}

double kgex__number_json_round(double value)
{
    char tmp[64];

    snprintf(tmp, sizeof(tmp), "%.*g", KGEX__JSON_REAL_DIGITS, value);
    return strtod(tmp, NULL);
}

void kgex__number_xsd_double(char *buf, size_t len, double value)
{
    char tmp[64];
    char *e, *end;
    int exponent;

    /* JavaScript's toExponential(15): 16 significant digits, "1.5e-2" */
    snprintf(tmp, sizeof(tmp), "%.15E", value);
    e = strchr(tmp, 'E');
    if (!e) { /* inf or nan: not produced by kgex */
        snprintf(buf, len, "%s", tmp);
        return;
    }
    exponent = (int)strtol(e + 1, NULL, 10);
    *e = '\0';
    end = e - 1;
    while (end > tmp && *end == '0' && end[-1] != '.')
        *end-- = '\0';
    snprintf(buf, len, "%sE%d", tmp, exponent);
}

const char *const kgex__metric_names[KGEX__METRIC_COUNT] = {
    "in_degree",   "out_degree", "weighted_degree", "pagerank",
    "betweenness", "community",  "component"};

void kgex__metrics_format(const kgex_metrics *m, char out[KGEX__METRIC_COUNT][32])
{
    snprintf(out[0], 32, "%zu", m->in_degree);
    snprintf(out[1], 32, "%zu", m->out_degree);
    kgex__number_shortest(out[2], 32, m->weighted_degree);
    kgex__number_shortest(out[3], 32, m->pagerank);
    kgex__number_shortest(out[4], 32, m->betweenness);
    snprintf(out[5], 32, "%zu", m->community);
    snprintf(out[6], 32, "%zu", m->component);
}
