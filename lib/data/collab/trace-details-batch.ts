import "server-only";
// Many traces' details at once, for the bulk export: one query per table for the whole batch instead of
// four per trace, each detail identical to what GET /api/v1/traces/{id} answers.
import { getPrisma } from "@/lib/db/prisma";
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";
import { toFinding } from "@/lib/data/findings/store-findings";
import { groupLogs, loadResources, type LogRow } from "@/lib/data/traces/trace-detail";
import { toSpan, type StoredSpan } from "@/lib/data/traces/stored-span";
import { toTraceSummary } from "@/lib/data/traces/trace-summary";
import type { Finding } from "@/lib/retro";
import type { TraceDetail } from "@/lib/trace/types";

function groupBy<T extends { traceId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.traceId);
    if (list) list.push(row);
    else groups.set(row.traceId, [row]);
  }
  return groups;
}

async function findingsOf(scope: ProjectScope, traceIds: string[]): Promise<Map<string, Finding[]>> {
  const rows = await getSql().query(
    `SELECT "traceId", "type", "failureMode", "toolName", "agents", "spanIds", "count", "wastedMs", "wastedCostUsd", "message"
     FROM "trace_findings" WHERE "projectId" = ? AND "traceId" IN (${traceIds.map(() => "?").join(", ")}) ORDER BY "traceId", "ordinal"`,
    [scope.projectId, ...traceIds],
  );
  const byTrace = new Map<string, Finding[]>();
  for (const row of rows) {
    const traceId = String(row.traceId);
    byTrace.set(traceId, [...(byTrace.get(traceId) ?? []), toFinding(row)]);
  }
  return byTrace;
}

/**
 * The details of the given traces (lower-case ids), in the order given; traces the project does not hold
 * are left out. Callers keep batches small enough (by span count) for their spans to sit in memory at once.
 */
export async function getTraceDetails(scope: ProjectScope, traceIds: readonly string[]): Promise<TraceDetail[]> {
  if (traceIds.length === 0) return [];
  const ids = [...traceIds];
  const prisma = getPrisma();
  const where = { projectId: scope.projectId, traceId: { in: ids } };
  const [traces, spanRows, logRows, findings] = await Promise.all([
    prisma.trace.findMany({ where }),
    prisma.span.findMany({ where, orderBy: [{ traceId: "asc" }, { startNs: "asc" }, { spanId: "asc" }] }),
    prisma.spanLog.findMany({ where, orderBy: [{ traceId: "asc" }, { timeNs: "asc" }, { id: "asc" }] }),
    findingsOf(scope, ids),
  ]);
  const stored = spanRows.map((row): StoredSpan => ({ ...row, startMs: Number(row.startNs / 1_000_000n), endMs: Number(row.endNs / 1_000_000n) }));
  const resources = await loadResources(scope, stored);
  const spansByTrace = groupBy(stored);
  const logsByTrace = groupBy<LogRow>(logRows);
  const traceById = new Map(traces.map((t) => [t.traceId, t]));
  const details: TraceDetail[] = [];
  for (const id of ids) {
    const trace = traceById.get(id);
    if (!trace) continue;
    const logsBySpan = groupLogs(logsByTrace.get(id) ?? []);
    const context = { sessionId: trace.sessionId, userId: trace.userId, resources };
    const spans = (spansByTrace.get(id) ?? []).map((row) => toSpan(row, context, logsBySpan.get(row.spanId)));
    details.push({ trace: toTraceSummary(trace), spans, findings: findings.get(id) ?? [] });
  }
  return details;
}
