import "server-only";
// The traces an evaluator round claimed, loaded together as the evaluators read them
// (lib/quality/rule-evaluation.ts): one query each for their summaries, their spans (only the columns a
// rule reads), their GenAI log records (content sent as logs) and their findings counts, instead of the
// full trace detail trace by trace. Content is read as the trace view reads it (lib/data/traces/trace-detail.ts).
import { getSql } from "@/lib/db/connections";
import type { Row, Sql } from "@/lib/db/sql";
import type { ProjectScope } from "@/lib/data/scope";
import { applyLogEvents, type StoredLog } from "@/lib/data/traces/genai-log-events";
import { parseMaybeJson } from "@/lib/ingest/attribute-lookup";
import { roundUsdOrNull } from "@/lib/pricing/round-usd";
import { rootSpanOf } from "@/lib/quality/eval-trace";
import type { EvalSpan, EvalTrace } from "@/lib/quality/rule-evaluation";
import type { Kind, Status } from "@/lib/trace/types";
import { inJsonArray } from "./score-rows";

export type LoadedEvalTrace = { trace: EvalTrace; serviceName: string | null };

const bigint = (v: unknown) => BigInt(v as bigint | number | string);
const costOf = (v: unknown) => roundUsdOrNull(v === null || v === undefined ? null : Number(v));
const contentOf = (v: unknown) => (v === null || v === undefined ? null : parseMaybeJson(String(v)));

function groupBy<T>(rows: Row[], key: (row: Row) => string, map: (row: Row) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(map(row));
    else groups.set(k, [map(row)]);
  }
  return groups;
}

const toLog = (row: Row): StoredLog => ({
  eventName: String(row.eventName),
  timeNs: bigint(row.timeNs),
  body: row.body === null || row.body === undefined ? null : JSON.parse(String(row.body)),
  attributes: JSON.parse(String(row.attributes)) as Record<string, unknown>,
});

function toSpan(row: Row, logs: StoredLog[] | undefined): EvalSpan {
  let input = contentOf(row.input);
  let output = contentOf(row.output);
  // Content sent as GenAI log records fills in what the span itself did not carry.
  if (logs && (input === null || output === null)) {
    const fromLogs = applyLogEvents(logs);
    input ??= fromLogs.input ?? null;
    output ??= fromLogs.output ?? null;
  }
  return {
    spanId: String(row.spanId),
    parentSpanId: row.parentSpanId === null ? null : String(row.parentSpanId),
    name: String(row.name),
    kind: row.kind as Kind,
    status: row.status as Status,
    statusMessage: row.statusMessage === null ? null : String(row.statusMessage),
    endMs: Number(bigint(row.endNs) / 1_000_000n),
    durationMs: Number(row.durationMs),
    costUsd: costOf(row.costUsd),
    model: row.model === null ? null : String(row.model),
    input,
    output,
  };
}

async function readRows(sql: Sql, projectId: string, ids: string) {
  const where = `WHERE "projectId" = ? AND "traceId" IN ${inJsonArray(sql)}`;
  return Promise.all([
    sql.query(`SELECT "traceId", "name", "serviceName", "status", "durationMs", "costUsd", "toolCallCount" FROM "traces" ${where}`, [projectId, ids]),
    sql.query(
      `SELECT "traceId", "spanId", "parentSpanId", "name", "kind", "status", "statusMessage", "endNs", "durationMs", "costUsd", "model", "input", "output"
         FROM "spans" ${where} ORDER BY "traceId", "startNs", "spanId"`,
      [projectId, ids],
    ),
    sql.query(`SELECT "traceId", "spanId", "eventName", "timeNs", "body", "attributes" FROM "span_logs" ${where} ORDER BY "timeNs", "id"`, [projectId, ids]),
    sql.query(`SELECT "traceId", COUNT(*) AS "n" FROM "trace_findings" ${where} GROUP BY "traceId"`, [projectId, ids]),
  ]);
}

/** The traces among `traceIds` that have a stored summary, as the evaluators read them, by trace id. */
export async function loadEvalTraces(scope: ProjectScope, traceIds: readonly string[]): Promise<Map<string, LoadedEvalTrace>> {
  const loaded = new Map<string, LoadedEvalTrace>();
  if (traceIds.length === 0) return loaded;
  const [traces, spans, logs, findings] = await readRows(getSql(), scope.projectId, JSON.stringify(traceIds));
  const logsBySpan = groupBy(logs, (r) => `${String(r.traceId)}/${String(r.spanId)}`, toLog);
  const spansByTrace = groupBy(
    spans,
    (r) => String(r.traceId),
    (r) => toSpan(r, logsBySpan.get(`${String(r.traceId)}/${String(r.spanId)}`)),
  );
  const findingCounts = new Map(findings.map((r) => [String(r.traceId), Number(r.n)]));
  for (const row of traces) {
    const traceId = String(row.traceId);
    const traceSpans = spansByTrace.get(traceId) ?? [];
    loaded.set(traceId, {
      serviceName: row.serviceName === null ? null : String(row.serviceName),
      trace: {
        traceId,
        name: String(row.name),
        status: row.status as Status,
        durationMs: Number(row.durationMs),
        costUsd: costOf(row.costUsd),
        toolCallCount: Number(row.toolCallCount),
        rootSpanId: rootSpanOf(traceSpans),
        findingCount: findingCounts.get(traceId) ?? 0,
        spans: traceSpans,
      },
    });
  }
  return loaded;
}
