/*
 * number.h - numbers as the writers print them. Private to the library.
 *
 * C's printf follows the C locale here (the library never calls
 * setlocale), so the decimal separator is always ".".
 */
#ifndef KGEX_EXPORT_NUMBER_H
#define KGEX_EXPORT_NUMBER_H

#include <stddef.h>

#include "kgex/graph.h"

/* Digits the JSON-LD writer gives a real number (JSON_REAL_PRECISION). */
#define KGEX__JSON_REAL_DIGITS 15

/* The shortest of %.15g, %.16g, %.17g that reads back as `value`. */
void kgex__number_shortest(char *buf, size_t len, double value);

/* The value a JSON reader gets from the JSON-LD writer's text for `value`
 * (printed with KGEX__JSON_REAL_DIGITS significant digits). */
double kgex__number_json_round(double value);

/* The canonical xsd:double lexical form JSON-LD's toRDF gives a number:
 * mantissa with 1 to 15 fraction digits, trailing zeros removed but one
 * kept, "E", exponent without "+" or leading zeros: 0.05 is "5.0E-2", 3 is
 * "3.0E0". */
void kgex__number_xsd_double(char *buf, size_t len, double value);

/* The analytics of a node as the XML writers print them, in this order:
 * in_degree, out_degree, weighted_degree, pagerank, betweenness,
 * community, component (the names in kgex__metric_names); doubles in the
 * shortest form that reads back exactly. */
#define KGEX__METRIC_COUNT 7
extern const char *const kgex__metric_names[KGEX__METRIC_COUNT];
void kgex__metrics_format(const kgex_metrics *m, char out[KGEX__METRIC_COUNT][32]);

#endif
