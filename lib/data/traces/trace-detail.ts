import "server-only";
// One trace with all its spans (start order), with resources, log events and inherited session/user.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { parseMaybeJson } from "@/lib/ingest/attribute-lookup";
import { roundUsdOrNull } from "@/lib/pricing/round-usd";
import type { CostSource, Kind, Span, SpanEvent, Status, TraceDetail } from "@/lib/trace/types";
import { listTraceFindings } from "@/lib/data/findings/trace-findings";
import { applyLogEvents, type StoredLog } from "./genai-log-events";
import { nsToIso, toTraceSummary } from "./trace-summary";

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
/** Stored input/output is JSON text or plain text kept verbatim from the span (lib/ingest RawText). */
const parseContent = (text: string | null): unknown => (text === null ? null : parseMaybeJson(text));

type StoredEvent = { name: string; timeNs: string; attributes: Record<string, unknown> };

function toEvents(text: string): SpanEvent[] {
  return (JSON.parse(text) as StoredEvent[]).map((e) => ({ name: e.name, time: nsToIso(BigInt(e.timeNs)), attributes: e.attributes }));
}

export type SpanRow = Awaited<ReturnType<ReturnType<typeof getPrisma>["span"]["findMany"]>>[number];
export type TraceRow = NonNullable<Awaited<ReturnType<ReturnType<typeof getPrisma>["trace"]["findUnique"]>>>;
export type LogRow = Awaited<ReturnType<ReturnType<typeof getPrisma>["spanLog"]["findMany"]>>[number];

export function groupLogs(logRows: LogRow[]): Map<string, StoredLog[]> {
  const logsBySpan = new Map<string, StoredLog[]>();
  for (const log of logRows) {
    const list = logsBySpan.get(log.spanId) ?? [];
    list.push({ eventName: log.eventName, timeNs: log.timeNs, body: parseJson(log.body), attributes: JSON.parse(log.attributes) as Record<string, unknown> });
    logsBySpan.set(log.spanId, list);
  }
  return logsBySpan;
}

export async function loadResources(scope: ProjectScope, rows: SpanRow[]): Promise<Map<string, Record<string, unknown>>> {
  const ids = [...new Set(rows.map((r) => r.resourceId).filter((r): r is string => r !== null))];
  const found = await getPrisma().resource.findMany({ where: { projectId: scope.projectId, id: { in: ids } } });
  return new Map(found.map((r) => [r.id, JSON.parse(r.attributes) as Record<string, unknown>]));
}

/** A stored span as the API shows it: log events joined, session and user inherited from the trace. */
export function toSpan(row: SpanRow, trace: TraceRow, resources: Map<string, Record<string, unknown>>, logs: StoredLog[]): Span {
  const fromLogs = applyLogEvents(logs);
  return {
    traceId: row.traceId,
    spanId: row.spanId,
    parentSpanId: row.parentSpanId,
    name: row.name,
    kind: row.kind as Kind,
    serviceName: row.serviceName,
    startTime: nsToIso(row.startNs),
    endTime: nsToIso(row.endNs),
    durationMs: row.durationMs,
    status: row.status as Status,
    statusMessage: row.statusMessage,
    model: row.model,
    provider: row.provider,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    cacheReadTokens: row.cacheReadTokens,
    cacheWriteTokens: row.cacheWriteTokens,
    reasoningTokens: row.reasoningTokens,
    costUsd: roundUsdOrNull(row.costUsd),
    costSource: row.costSource as CostSource | null,
    toolName: row.toolName,
    toolCallId: row.toolCallId,
    agentName: row.agentName,
    mcpServer: row.mcpServer || null,
    sessionId: row.sessionId ?? trace.sessionId,
    userId: row.userId ?? trace.userId,
    input: parseContent(row.input) ?? fromLogs.input ?? null,
    output: parseContent(row.output) ?? fromLogs.output ?? null,
    attributes: JSON.parse(row.attributes) as Record<string, unknown>,
    resourceAttributes: (row.resourceId && resources.get(row.resourceId)) || {},
    events: [...toEvents(row.events), ...fromLogs.events],
  };
}

const normaliseTraceId = (traceId: string) => (/^[0-9a-f]{32}$/i.test(traceId) ? traceId.toLowerCase() : null);

/** The trace and its spans, or null when no span of it was stored. */
export async function getTraceDetail(scope: ProjectScope, traceId: string): Promise<TraceDetail | null> {
  const id = normaliseTraceId(traceId);
  if (!id) return null;
  const prisma = getPrisma();
  const [trace, rows, logRows, findings] = await Promise.all([
    prisma.trace.findUnique({ where: { projectId_traceId: { projectId: scope.projectId, traceId: id } } }),
    prisma.span.findMany({ where: { projectId: scope.projectId, traceId: id }, orderBy: [{ startNs: "asc" }, { spanId: "asc" }] }),
    prisma.spanLog.findMany({ where: { projectId: scope.projectId, traceId: id }, orderBy: [{ timeNs: "asc" }, { id: "asc" }] }),
    listTraceFindings(scope, id),
  ]);
  if (!trace) return null;
  const resources = await loadResources(scope, rows);
  const logsBySpan = groupLogs(logRows);
  return { trace: toTraceSummary(trace), spans: rows.map((row) => toSpan(row, trace, resources, logsBySpan.get(row.spanId) ?? [])), findings };
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
  return toSpan(row, trace, await loadResources(scope, [row]), groupLogs(logRows).get(row.spanId) ?? []);
}
