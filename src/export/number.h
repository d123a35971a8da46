/*
 * number.h - numbers as the writers print them. Private to the library.
 *
 * C's printf follows the C locale here (the library never calls
 * setlocale), so the decimal separator is always ".".
 */
#ifndef KGEX_EXPORT_NUMBER_H
#define KGEX_EXPORT_NUMBER_H

#include <stddef.h>

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

#endif
