/*
 * export.c - the public entry points of the writers (include/kgex/export.h):
 * check the options and hand the graph to the writer of the format, on the
 * caller's stream or through an atomic file (atomic.h).
 */
#include "kgex/export.h"

#include "common.h"
#include "export/atomic.h"
#include "export/writer.h"

static const kgex_export_options defaults = KGEX_EXPORT_OPTIONS_INIT;

/* The writer of the format of valid options, else NULL. */
static kgex__write_fn writer_of(const kgex_export_options *opts)
{
    if (opts->version != KGEX_EXPORT_OPTIONS_VERSION ||
        (unsigned)opts->graphml_flavor > KGEX_GRAPHML_STRICT ||
        (unsigned)opts->gexf_version > KGEX_GEXF_1_2)
        return NULL;
    switch (opts->format) {
        case KGEX_FORMAT_GRAPHML:
            return kgex__graphml_write;
        case KGEX_FORMAT_JSONLD:
            return kgex__jsonld_write;
        case KGEX_FORMAT_GEXF:
            return kgex__gexf_write;
        case KGEX_FORMAT_NQUADS:
        case KGEX_FORMAT_NTRIPLES:
            return kgex__rdf_write;
        case KGEX_FORMAT_SVG:
            return kgex__svg_write;
        default:
            return NULL;
    }
}

int kgex_export_write(const kgex_graph *graph, FILE *fp, const kgex_export_options *opts,
                      kgex_error *err)
{
    kgex__write_fn write;

    KGEX_ASSERT_ARG(graph, err);
    KGEX_ASSERT_ARG(fp, err);
    if (!opts)
        opts = &defaults;
    write = writer_of(opts);
    KGEX_ASSERT_ARG(write, err);
    return write(graph, fp, NULL, opts, err);
}

int kgex_export_write_file(const kgex_graph *graph, const char *path,
                           const kgex_export_options *opts, kgex_error *err)
{
    kgex__write_fn write;

    KGEX_ASSERT_ARG(graph, err);
    KGEX_ASSERT_ARG(path, err);
    if (!opts)
        opts = &defaults;
    write = writer_of(opts);
    KGEX_ASSERT_ARG(write, err);
    return kgex__atomic_write(graph, path, write, opts, err);
}
