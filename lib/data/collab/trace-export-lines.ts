import "server-only";
// The bulk export's JSONL, a batch of listed traces at a time: one query per table for the whole batch,
// through the raw read connection (rows as arrays), each line the JSON value of GET /api/v1/traces/{id}
// plus the trace's tags. Spans are written as text (spanJson copies their stored attribute and resource
// JSON into the line) and a line comes out in pieces, span by span, so a batch never becomes span objects
// nor one string as long as a long trace.
import { getReadConnection, type ReadValue } from "@/lib/db/read-connection";
import type { ProjectScope } from "@/lib/data/scope";
import { toFinding } from "@/lib/data/findings/store-findings";
import type { StoredLog } from "@/lib/data/traces/genai-log-events";
import { spanJson, type SpanContext, type StoredSpan } from "@/lib/data/traces/stored-span";
import { toTraceSummary, type TraceRow } from "@/lib/data/traces/trace-summary";
import { FULL_COLUMNS, toStoredSpan } from "@/lib/data/traces/trace-span-rows";
import type { Finding } from "@/lib/retro";
import type { TraceSummary } from "@/lib/trace/types";

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

function push<T>(groups: Map<string, T[]>, key: string, value: T): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

/** Rows of `table` for the given traces of the project, in `order`. */
async function eachOfTraces(columns: string, table: string, scope: ProjectScope, ids: readonly string[], order: string, each: (row: unknown[]) => void) {
  const params: ReadValue[] = [scope.projectId, ...ids];
  await getReadConnection().eachRow(`SELECT ${columns} FROM "${table}" WHERE "projectId" = ? AND "traceId" IN (${placeholders(ids.length)}) ORDER BY ${order}`, params, each);
}

async function spansOf(scope: ProjectScope, ids: readonly string[]): Promise<Map<string, StoredSpan[]>> {
  const byTrace = new Map<string, StoredSpan[]>();
  await eachOfTraces(FULL_COLUMNS, "spans", scope, ids, `"traceId", "startNs", "spanId"`, (r) => push(byTrace, r[0] as string, toStoredSpan(r)));
  return byTrace;
}

/** Log records by span id (they are few: content some instrumentations send only as log events). */
async function logsOf(scope: ProjectScope, ids: readonly string[]): Promise<Map<string, StoredLog[]>> {
  const bySpan = new Map<string, StoredLog[]>();
  const columns = `"traceId", "spanId", "eventName", CAST("timeNs" AS TEXT), "body", "attributes"`;
  await eachOfTraces(columns, "span_logs", scope, ids, `"traceId", "timeNs", "id"`, (r) =>
    push(bySpan, `${r[0] as string}/${r[1] as string}`, {
      eventName: r[2] as string,
      timeNs: BigInt(r[3] as string),
      body: r[4] === null ? null : (JSON.parse(r[4] as string) as unknown),
      attributes: JSON.parse(r[5] as string) as Record<string, unknown>,
    }),
  );
  return bySpan;
}

const FINDING_COLUMNS = ["traceId", "type", "failureMode", "toolName", "agents", "spanIds", "count", "wastedMs", "wastedCostUsd", "message"];

async function findingsOf(scope: ProjectScope, ids: readonly string[]): Promise<Map<string, Finding[]>> {
  const byTrace = new Map<string, Finding[]>();
  const columns = FINDING_COLUMNS.map((c) => `"${c}"`).join(", ");
  await eachOfTraces(columns, "trace_findings", scope, ids, `"traceId", "ordinal"`, (r) =>
    push(byTrace, r[0] as string, toFinding(Object.fromEntries(FINDING_COLUMNS.map((c, i) => [c, r[i]])))),
  );
  return byTrace;
}

/** Resource attributes (JSON text) by id, of the resources the spans name. */
async function resourcesOf(scope: ProjectScope, spans: Iterable<StoredSpan[]>): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const list of spans) for (const span of list) if (span.resourceId !== null) ids.add(span.resourceId);
  const resources = new Map<string, string>();
  if (ids.size === 0) return resources;
  await getReadConnection().eachRow(
    `SELECT "id", "attributes" FROM "resources" WHERE "projectId" = ? AND "id" IN (${placeholders(ids.size)})`,
    [scope.projectId, ...ids],
    (r) => resources.set(r[0] as string, r[1] as string),
  );
  return resources;
}

const SUMMARY_COLUMNS = [
  "traceId", "name", "serviceName", "startNs", "endNs", "durationMs", "status", "spanCount", "errorCount", "llmCallCount", "toolCallCount",
  "inputTokens", "outputTokens", "totalTokens", "costUsd", "hasUnpriced", "sessionId", "userId", "agentName", "models", "failureMode",
  "toolLoopCount", "agentCycleCount", "repeatedLlmCallCount",
] as const;
// Nanosecond times divided down by the database: the read connection gives integers as numbers.
const SUMMARY_SELECT = SUMMARY_COLUMNS.map((c) => (c.endsWith("Ns") ? `"${c}" / 1000000` : `"${c}"`)).join(", ");

/** The summaries of the given traces (as the trace list shows them), in the order given; missing ones left out. */
export async function exportSummariesOf(scope: ProjectScope, ids: readonly string[]): Promise<TraceSummary[]> {
  const byId = new Map<string, TraceSummary>();
  if (ids.length === 0) return [];
  await getReadConnection().eachRow(
    `SELECT ${SUMMARY_SELECT} FROM "traces" WHERE "projectId" = ? AND "traceId" IN (${placeholders(ids.length)})`,
    [scope.projectId, ...ids],
    (r) => {
      const row = Object.fromEntries(SUMMARY_COLUMNS.map((c, i) => [c, r[i]])) as Record<(typeof SUMMARY_COLUMNS)[number], unknown>;
      const trace = {
        ...row,
        startNs: BigInt(row.startNs as number) * 1_000_000n,
        endNs: BigInt(row.endNs as number) * 1_000_000n,
        hasUnpriced: Boolean(row.hasUnpriced),
      } as TraceRow;
      byId.set(trace.traceId, toTraceSummary(trace));
    },
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Each trace's tags, oldest first (as GET /api/v1/traces/{id}/tags lists them). */
export async function exportTagsOf(scope: ProjectScope, ids: readonly string[]): Promise<Map<string, string[]>> {
  const byTrace = new Map<string, string[]>();
  if (ids.length > 0) await eachOfTraces(`"traceId", "tag"`, "trace_tags", scope, ids, `"createdAt", "tag"`, (r) => push(byTrace, r[0] as string, r[1] as string));
  return byTrace;
}

/**
 * The JSONL lines of the listed traces, in the order given, as pieces that join into them. Callers keep
 * batches small enough (by span count) for their stored rows to sit in memory at once.
 */
export async function* traceExportLines(scope: ProjectScope, batch: readonly TraceSummary[], tags: ReadonlyMap<string, string[]>): AsyncGenerator<string> {
  if (batch.length === 0) return;
  const ids = batch.map((t) => t.traceId);
  const [spans, logs, findings] = await Promise.all([spansOf(scope, ids), logsOf(scope, ids), findingsOf(scope, ids)]);
  const resources = await resourcesOf(scope, spans.values());
  for (const trace of batch) {
    const context: SpanContext = { sessionId: trace.sessionId, userId: trace.userId, resources };
    yield `{"trace":${JSON.stringify(trace)},"spans":[`;
    const rows = spans.get(trace.traceId) ?? [];
    for (let i = 0; i < rows.length; i++) {
      const json = spanJson(rows[i]!, context, logs.get(`${trace.traceId}/${rows[i]!.spanId}`));
      yield i === 0 ? json : `,${json}`;
    }
    yield `],"findings":${JSON.stringify(findings.get(trace.traceId) ?? [])},"tags":${JSON.stringify(tags.get(trace.traceId) ?? [])}}\n`;
  }
}
