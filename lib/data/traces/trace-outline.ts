import "server-only";
// The trace view's first read: the trace summary and an outline of each span (ids, names, times, status,
// usage), without inputs, outputs, attributes or events. Reading 10,000 full spans parses ~10 MB of JSON;
// the outline selects a few columns. The full span of a selected row comes from getTraceDetail.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { toTraceSummary } from "@/lib/data/traces/traces";
import { isoFromMs } from "@/lib/format/iso-time";
import { roundUsdOrNull } from "@/lib/pricing/round-usd";
import type { SpanOutline } from "@/lib/trace/span-outline";
import type { Kind, Status, TraceSummary } from "@/lib/trace/types";
import { readTraceOutlineRows } from "./trace-span-rows";

/** The trace and its span outlines in start order, or null when no span of it was stored. */
export async function getTraceOutline(scope: ProjectScope, traceId: string): Promise<{ trace: TraceSummary; spans: SpanOutline[] } | null> {
  const id = traceId.toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(id)) return null;
  const [trace, rows] = await Promise.all([
    getPrisma().trace.findUnique({ where: { projectId_traceId: { projectId: scope.projectId, traceId: id } } }),
    readTraceOutlineRows(scope, id),
  ]);
  if (!trace) return null;
  const spans = rows.map(({ startMs, kind, status, costUsd, mcpServer, ...rest }) => ({
    ...rest,
    mcpServer: mcpServer || null,
    costUsd: roundUsdOrNull(costUsd),
    kind: kind as Kind,
    status: status as Status,
    startTime: isoFromMs(startMs),
  }));
  return { trace: toTraceSummary(trace), spans };
}
