/*
 * names.c - tolerant comparison of person names (see names.h).
 */
#include "extract/names.h"

#include <string.h>

int kgex__name_edits(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, j;
    int row[64], prev[64];

    if (la >= 63 || lb >= 63 || (la > lb ? la - lb : lb - la) > 2)
        return strcmp(a, b) == 0 ? 0 : 3;
    for (j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (i = 1; i <= la; i++) {
        row[0] = (int)i;
        for (j = 1; j <= lb; j++) {
            int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            int del = prev[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        memcpy(prev, row, sizeof(int) * (lb + 1));
    }
    return prev[lb] > 3 ? 3 : prev[lb];
}

int kgex__same_first_name(const char *a, const char *b)
{
    size_t n = strlen(a) < strlen(b) ? strlen(a) : strlen(b);
    int e;

    if (!*a || !*b)
        return 0;
    e = kgex__name_edits(a, b);
    return e == 0 || (n >= 4 && e <= 1) || (n >= 6 && e <= 2);
}

int kgex__same_surname(const char *a, const char *b)
{
    return strcmp(a, b) == 0 || (strlen(a) >= 6 && strlen(b) >= 6 && kgex__name_edits(a, b) <= 1);
}
