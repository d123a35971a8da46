/*
 * report.h - the --report summary of the kgex command: a readable account
 * of the graph for people (counts by kind and relation, the top actors by
 * PageRank, the attacks and appeals with their dates and sources). CLI
 * only; uses the public API.
 */
#ifndef KGEX_CLI_REPORT_H
#define KGEX_CLI_REPORT_H

#include <stdio.h>

#include "kgex/kgex.h"

/* Number of actors listed by PageRank. */
#define KGEX_REPORT_TOP 10

/* Print the report of `graph` to `fp`; PageRank needs
 * kgex_graph_analyze() first (else that part says so). 0 or -1 (write
 * error, or out of memory). */
int kgex_cli_report(FILE *fp, const kgex_graph *graph);

#endif
