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
