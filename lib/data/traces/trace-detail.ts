import "server-only";
// One trace with all its spans (start order), with resources, log events and inherited session/user:
// as an object (getTraceDetail), or as JSON text in pieces for the API's answer (getTraceDetailJson).
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import type { Finding } from "@/lib/retro";
import type { Span, TraceDetail } from "@/lib/trace/types";
import { listTraceFindings } from "@/lib/data/findings/trace-findings";
import type { StoredLog } from "./genai-log-events";
import { spanJson, toSpan, type SpanContext, type StoredSpan } from "./stored-span";
import { readTraceSpans } from "./trace-span-rows";
import { toTraceSummary } from "./trace-summary";

export type TraceRow = NonNullable<Awaited<ReturnType<ReturnType<typeof getPrisma>["trace"]["findUnique"]>>>;
export type LogRow = Awaited<ReturnType<ReturnType<typeof getPrisma>["spanLog"]["findMany"]>>[number];

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function groupLogs(logRows: LogRow[]): Map<string, StoredLog[]> {
  const logsBySpan = new Map<string, StoredLog[]>();
  for (const log of logRows) {
    const list = logsBySpan.get(log.spanId) ?? [];
    list.push({ eventName: log.eventName, timeNs: log.timeNs, body: parseJson(log.body), attributes: JSON.parse(log.attributes) as Record<string, unknown> });
    logsBySpan.set(log.spanId, list);
  }
  return logsBySpan;
}

/** Resource attributes (JSON text) by id, of the resources the spans name. */
export async function loadResources(scope: ProjectScope, rows: readonly StoredSpan[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const row of rows) if (row.resourceId !== null) ids.add(row.resourceId);
  if (ids.size === 0) return new Map();
  const found = await getPrisma().resource.findMany({ where: { projectId: scope.projectId, id: { in: [...ids] } }, select: { id: true, attributes: true } });
  return new Map(found.map((r) => [r.id, r.attributes]));
}

const normaliseTraceId = (traceId: string) => (/^[0-9a-f]{32}$/i.test(traceId) ? traceId.toLowerCase() : null);

type Loaded = { trace: TraceRow; rows: StoredSpan[]; context: SpanContext; logsBySpan: Map<string, StoredLog[]>; findings: Finding[] };

async function loadTrace(scope: ProjectScope, traceId: string): Promise<Loaded | null> {
  const id = normaliseTraceId(traceId);
  if (!id) return null;
  const prisma = getPrisma();
  const [trace, rows, logRows, findings] = await Promise.all([
    prisma.trace.findUnique({ where: { projectId_traceId: { projectId: scope.projectId, traceId: id } } }),
    readTraceSpans(scope, id),
    prisma.spanLog.findMany({ where: { projectId: scope.projectId, traceId: id }, orderBy: [{ timeNs: "asc" }, { id: "asc" }] }),
    listTraceFindings(scope, id),
  ]);
  if (!trace) return null;
  const context = { sessionId: trace.sessionId, userId: trace.userId, resources: await loadResources(scope, rows) };
  return { trace, rows, context, logsBySpan: groupLogs(logRows), findings };
}

/** The trace and its spans, or null when no span of it was stored. */
export async function getTraceDetail(scope: ProjectScope, traceId: string): Promise<TraceDetail | null> {
  const loaded = await loadTrace(scope, traceId);
  if (!loaded) return null;
  const { trace, rows, context, logsBySpan, findings } = loaded;
  return { trace: toTraceSummary(trace), spans: rows.map((row) => toSpan(row, context, logsBySpan.get(row.spanId))), findings };
}

/**
 * The JSON text of getTraceDetail's answer as pieces that join into it (`{"trace":…,"spans":[` + each
 * span + `],"findings":…}`), produced as they are consumed, or null when no span of it was stored.
 */
export async function getTraceDetailJson(scope: ProjectScope, traceId: string): Promise<Iterable<string> | null> {
  const loaded = await loadTrace(scope, traceId);
  if (!loaded) return null;
  const { trace, rows, context, logsBySpan, findings } = loaded;
  return (function* () {
    yield `{"trace":${JSON.stringify(toTraceSummary(trace))},"spans":[`;
    for (let i = 0; i < rows.length; i++) {
      const json = spanJson(rows[i]!, context, logsBySpan.get(rows[i]!.spanId));
      yield i === 0 ? json : `,${json}`;
    }
    yield `],"findings":${JSON.stringify(findings)}}`;
  })();
}

/** One span in full (for the trace view's detail panel), or null. */
export async function getSpanDetail(scope: ProjectScope, traceId: string, spanId: string): Promise<Span | null> {
  const id = normaliseTraceId(traceId);
  if (!id || !/^[0-9a-f]{16}$/i.test(spanId)) return null;
  const prisma = getPrisma();
  const key = { projectId: scope.projectId, traceId: id, spanId: spanId.toLowerCase() };
  const [trace, row, logRows] = await Promise.all([
    prisma.trace.findUnique({ where: { projectId_traceId: { projectId: scope.projectId, traceId: id } } }),
    prisma.span.findUnique({ where: { projectId_traceId_spanId: key } }),
    prisma.spanLog.findMany({ where: key, orderBy: [{ timeNs: "asc" }, { id: "asc" }] }),
  ]);
  if (!trace || !row) return null;
  const stored: StoredSpan = { ...row, startMs: Number(row.startNs / 1_000_000n), endMs: Number(row.endNs / 1_000_000n) };
  const context = { sessionId: trace.sessionId, userId: trace.userId, resources: await loadResources(scope, [stored]) };
  return toSpan(stored, context, groupLogs(logRows).get(row.spanId));
}
