import "server-only";
// One trace for the critical path and the diff: its summary and its spans as retro analysis reads them.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { toTraceSummary } from "@/lib/data/traces/trace-summary";
import type { RetroSpan } from "@/lib/retro";
import type { TraceSummary } from "@/lib/trace/types";
import { loadRetroSpans, type RetroLoad } from "./retro-spans";

export type RetroTrace = { trace: TraceSummary; spans: RetroSpan[] };

/** The trace and its spans, or null when the project holds no such trace. */
export async function loadRetroTrace(scope: ProjectScope, traceId: string, mode: RetroLoad): Promise<RetroTrace | null> {
  const id = traceId.toLowerCase();
  const [row, spans] = await Promise.all([
    getPrisma().trace.findUnique({ where: { projectId_traceId: { projectId: scope.projectId, traceId: id } } }),
    loadRetroSpans(scope, id, mode),
  ]);
  return row ? { trace: toTraceSummary(row), spans } : null;
}
