-- DropIndex
DROP INDEX "trace_facets_traceId_idx";

