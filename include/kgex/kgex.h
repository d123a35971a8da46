/*
 * kgex.h - umbrella header of libkgex: news text in, knowledge graph out.
 */
#ifndef KGEX_KGEX_H
#define KGEX_KGEX_H

#include "analytics.h"
#include "common.h"
#include "errors.h"
#include "export.h"
#include "extract.h"
#include "graph.h"
#include "input.h"
#include "jsonl.h"
#include "lexicon.h"
#include "output.h"

#endif
