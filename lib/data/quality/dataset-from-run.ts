import "server-only";
// A dataset item from a production run: the input of the run's root span (or of the span named), and its
// actual output as the expected output, which people then correct in the dataset.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { getSpanDetail } from "@/lib/data/traces/trace-detail";
import type { Span } from "@/lib/trace/types";

/** The span an item is taken from: `spanId`, else the trace's root (its earliest span while no root arrived). */
export async function findSourceSpan(scope: ProjectScope, traceId: string, spanId?: string): Promise<Span | null> {
  if (spanId) return getSpanDetail(scope, traceId, spanId);
  const prisma = getPrisma();
  const trace = await prisma.trace.findUnique({ where: { projectId_traceId: { projectId: scope.projectId, traceId } }, select: { rootSpanId: true } });
  if (!trace) return null;
  const rootId =
    trace.rootSpanId ??
    (await prisma.span.findFirst({ where: { projectId: scope.projectId, traceId }, orderBy: [{ startNs: "asc" }, { spanId: "asc" }], select: { spanId: true } }))
      ?.spanId;
  return rootId ? getSpanDetail(scope, traceId, rootId) : null;
}
