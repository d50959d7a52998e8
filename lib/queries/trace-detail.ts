import "server-only";
// One trace with all its spans (start order), with resources, log events and inherited session/user.
import { getPrisma } from "@/lib/db";
import type { CostSource, Kind, Span, SpanEvent, Status, TraceDetail } from "@/lib/trace/types";
import { applyLogEvents, type StoredLog } from "./genai-log-events";
import { nsToIso, toTraceSummary } from "./trace-summary";

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

type StoredEvent = { name: string; timeNs: string; attributes: Record<string, unknown> };

function toEvents(text: string): SpanEvent[] {
  return (JSON.parse(text) as StoredEvent[]).map((e) => ({ name: e.name, time: nsToIso(BigInt(e.timeNs)), attributes: e.attributes }));
}

/** The trace and its spans, or null when no span of it was stored. */
export async function getTraceDetail(traceId: string): Promise<TraceDetail | null> {
  const id = traceId.toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(id)) return null;
  const prisma = getPrisma();
  const [trace, rows, logRows] = await Promise.all([
    prisma.trace.findUnique({ where: { traceId: id } }),
    prisma.span.findMany({ where: { traceId: id }, orderBy: [{ startNs: "asc" }, { spanId: "asc" }] }),
    prisma.spanLog.findMany({ where: { traceId: id }, orderBy: [{ timeNs: "asc" }, { id: "asc" }] }),
  ]);
  if (!trace) return null;
  const resourceIds = [...new Set(rows.map((r) => r.resourceId).filter((r): r is string => r !== null))];
  const resources = new Map(
    (await prisma.resource.findMany({ where: { id: { in: resourceIds } } })).map((r) => [r.id, JSON.parse(r.attributes) as Record<string, unknown>]),
  );
  const logsBySpan = new Map<string, StoredLog[]>();
  for (const log of logRows) {
    const list = logsBySpan.get(log.spanId) ?? [];
    list.push({ eventName: log.eventName, timeNs: log.timeNs, body: parseJson(log.body), attributes: JSON.parse(log.attributes) as Record<string, unknown> });
    logsBySpan.set(log.spanId, list);
  }

  const spans: Span[] = rows.map((row) => {
    const fromLogs = applyLogEvents(logsBySpan.get(row.spanId) ?? []);
    const input = parseJson(row.input);
    const output = parseJson(row.output);
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
      costUsd: row.costUsd,
      costSource: row.costSource as CostSource | null,
      toolName: row.toolName,
      toolCallId: row.toolCallId,
      agentName: row.agentName,
      sessionId: row.sessionId ?? trace.sessionId,
      userId: row.userId ?? trace.userId,
      input: input ?? fromLogs.input ?? null,
      output: output ?? fromLogs.output ?? null,
      attributes: JSON.parse(row.attributes) as Record<string, unknown>,
      resourceAttributes: (row.resourceId && resources.get(row.resourceId)) || {},
      events: [...toEvents(row.events), ...fromLogs.events],
    };
  });
  return { trace: toTraceSummary(trace), spans };
}
