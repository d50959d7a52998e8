import "server-only";
// A trace's spans as retro analysis reads them (lib/retro RetroSpan): the stored columns it needs, with
// the GenAI log events (/v1/logs) joined as the read API joins them, so a prompt sent only as log events
// counts for repeated LLM calls. Raw SQL on the process's connection: Prisma's per-row cost would be most
// of the analysis of a large trace.
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";
import { applyLogEvents, type StoredLog } from "@/lib/data/traces/genai-log-events";
import { parseMaybeJson } from "@/lib/ingest/attribute-lookup";
import { retroSpanFromStored, type RetroSpan } from "@/lib/retro";
import type { CostSource, Status } from "@/lib/trace/types";

type SpanRow = {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  startNs: bigint | string | number;
  endNs: bigint | string | number;
  durationMs: unknown;
  status: string;
  statusMessage: string | null;
  model: string | null;
  toolName: string | null;
  toolCallId: string | null;
  agentName: string | null;
  inputTokens: unknown;
  outputTokens: unknown;
  costUsd: unknown;
  costSource: string | null;
  input: string | null;
  output: string | null;
  attributes: string;
  events: string;
};

type LogRow = { spanId: string; eventName: string; timeNs: bigint | string | number; body: string | null; attributes: string };

const SPAN_SELECT = `SELECT "spanId", "parentSpanId", "name", "kind", "startNs", "endNs", "durationMs", "status", "statusMessage", "model",
  "toolName", "toolCallId", "agentName", "inputTokens", "outputTokens", "costUsd", "costSource", "input", "output", "attributes", "events"
  FROM "spans" WHERE "projectId" = ? AND "traceId" = ?`;
const LOG_SELECT = `SELECT "spanId", "eventName", "timeNs", "body", "attributes" FROM "span_logs" WHERE "projectId" = ? AND "traceId" = ? ORDER BY "timeNs", "id"`;

const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The trace's spans (in no particular order: lib/retro orders them itself); empty for an unknown trace. */
export async function loadRetroSpans(scope: ProjectScope, traceId: string): Promise<RetroSpan[]> {
  const sql = getSql();
  const [rows, logRows] = await Promise.all([
    sql.query<SpanRow>(SPAN_SELECT, [scope.projectId, traceId]),
    sql.query<LogRow>(LOG_SELECT, [scope.projectId, traceId]),
  ]);
  const logs = groupLogs(logRows);
  return rows.map((row) => {
    const span = retroSpanFromStored({
      ...row,
      startNs: BigInt(row.startNs),
      endNs: BigInt(row.endNs),
      durationMs: Number(row.durationMs),
      status: row.status as Status,
      inputTokens: numberOrNull(row.inputTokens),
      outputTokens: numberOrNull(row.outputTokens),
      costUsd: numberOrNull(row.costUsd),
      costSource: row.costSource as CostSource | null,
    });
    const spanLogs = logs.get(row.spanId);
    if (!spanLogs || (span.input !== null && span.output !== null)) return span;
    const fromLogs = applyLogEvents(spanLogs);
    return { ...span, input: span.input ?? fromLogs.input ?? null, output: span.output ?? fromLogs.output ?? null };
  });
}

function groupLogs(rows: readonly LogRow[]): Map<string, StoredLog[]> {
  const bySpan = new Map<string, StoredLog[]>();
  for (const row of rows) {
    let list = bySpan.get(row.spanId);
    if (!list) bySpan.set(row.spanId, (list = []));
    list.push({
      eventName: row.eventName,
      timeNs: BigInt(row.timeNs),
      body: row.body === null ? null : parseMaybeJson(row.body),
      attributes: parseAttributes(row.attributes),
    });
  }
  return bySpan;
}

function parseAttributes(text: string): Record<string, unknown> {
  const value = parseMaybeJson(text);
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
