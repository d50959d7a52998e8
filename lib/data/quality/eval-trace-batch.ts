import "server-only";
// The traces an evaluator round claimed, loaded together as the evaluators read them
// (lib/quality/rule-evaluation.ts): one query each for their summaries, their spans (only the columns a
// rule reads), their GenAI log records (content sent as logs) and their findings counts, instead of the
// full trace detail trace by trace. Content is read as the trace view reads it (lib/data/traces/trace-detail.ts),
// and only as far as the round's evaluators read it (lib/quality/evaluator-reads.ts): rules on a trace's
// answer get the output of one span per trace, picked from the spans' other columns first.
import { getSql } from "@/lib/db/connections";
import type { Row, Sql } from "@/lib/db/sql";
import type { ProjectScope } from "@/lib/data/scope";
import { applyLogEvents, type StoredLog } from "@/lib/data/traces/genai-log-events";
import { parseMaybeJson } from "@/lib/ingest/attribute-lookup";
import { roundUsdOrNull } from "@/lib/pricing/round-usd";
import { rootSpanOf } from "@/lib/quality/eval-trace";
import type { EvaluatorReads } from "@/lib/quality/evaluator-reads";
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

/** A span row as the evaluators read it; `stored`: spans whose output column is set but not loaded (filled in later). */
function toSpan(row: Row, logs: StoredLog[] | undefined, stored: ReadonlySet<string>): EvalSpan {
  let input = contentOf(row.input);
  let output = contentOf(row.output);
  const pending = stored.has(keyOf(String(row.traceId), String(row.spanId)));
  // Content sent as GenAI log records fills in what the span itself did not carry.
  if (logs && !pending && (input === null || output === null)) {
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

/** Everything: span content and findings. */
const READS_ALL: EvaluatorReads = { content: "all", findings: true };

const CONTENT_COLUMNS = { all: `, "input", "output"`, trace_output: `, CASE WHEN "output" IS NULL THEN 0 ELSE 1 END AS "hasOutput"`, none: "" };

async function readRows(sql: Sql, projectId: string, ids: string, reads: EvaluatorReads) {
  const where = `WHERE "projectId" = ? AND "traceId" IN ${inJsonArray(sql)}`;
  const none = Promise.resolve([] as Row[]);
  return Promise.all([
    sql.query(`SELECT "traceId", "name", "serviceName", "status", "durationMs", "costUsd", "toolCallCount" FROM "traces" ${where}`, [projectId, ids]),
    sql.query(
      `SELECT "traceId", "spanId", "parentSpanId", "name", "kind", "status", "statusMessage", "endNs", "durationMs", "costUsd", "model"${CONTENT_COLUMNS[reads.content]}
         FROM "spans" ${where} ORDER BY "traceId", "startNs", "spanId"`,
      [projectId, ids],
    ),
    reads.content === "none"
      ? none
      : sql.query(`SELECT "traceId", "spanId", "eventName", "timeNs", "body", "attributes" FROM "span_logs" ${where} ORDER BY "timeNs", "id"`, [projectId, ids]),
    reads.findings ? sql.query(`SELECT "traceId", COUNT(*) AS "n" FROM "trace_findings" ${where} GROUP BY "traceId"`, [projectId, ids]) : none,
  ]);
}

const keyOf = (traceId: string, spanId: string) => `${traceId}/${spanId}`;
const hasValue = (v: unknown) => v !== null && v !== undefined;

/**
 * Of a trace's spans (content not loaded; `stored`: the keys of spans whose output column is set), the
 * one whose stored output is the trace's answer as traceOutput (lib/quality/rule-evaluation.ts) picks it,
 * or null when the answer came from a log record or there is none.
 */
function answerToLoad(traceId: string, spans: readonly EvalSpan[], rootSpanId: string | null, stored: ReadonlySet<string>): string | null {
  const has = (s: EvalSpan) => stored.has(keyOf(traceId, s.spanId)) || hasValue(s.output);
  const root = spans.find((s) => s.spanId === rootSpanId);
  const answer = root && has(root) ? root : spans.filter((s) => s.kind === "llm" && has(s)).sort((a, b) => b.endMs - a.endMs)[0];
  return answer && !hasValue(answer.output) ? answer.spanId : null;
}

/** Fills in the stored output of the spans picked as their trace's answer (one query). */
async function loadAnswers(sql: Sql, projectId: string, spansByTrace: Map<string, EvalSpan[]>, stored: ReadonlySet<string>): Promise<void> {
  const wanted = new Map<string, EvalSpan>();
  for (const [traceId, spans] of spansByTrace) {
    const spanId = answerToLoad(traceId, spans, rootSpanOf(spans), stored);
    const span = spanId === null ? undefined : spans.find((s) => s.spanId === spanId);
    if (span) wanted.set(keyOf(traceId, span.spanId), span);
  }
  if (wanted.size === 0) return;
  const traceIds = [...new Set([...wanted.keys()].map((key) => key.slice(0, key.indexOf("/"))))];
  const spanIds = [...new Set([...wanted.values()].map((s) => s.spanId))];
  const rows = await sql.query(
    `SELECT "traceId", "spanId", "output" FROM "spans" WHERE "projectId" = ? AND "traceId" IN ${inJsonArray(sql)} AND "spanId" IN ${inJsonArray(sql)}`,
    [projectId, JSON.stringify(traceIds), JSON.stringify(spanIds)],
  );
  for (const row of rows) {
    const span = wanted.get(keyOf(String(row.traceId), String(row.spanId)));
    if (span) span.output = contentOf(row.output);
  }
}

/**
 * The traces among `traceIds` that have a stored summary, as the evaluators read them, by trace id;
 * `reads` (by default everything) says what of them the evaluators read: what they do not read is left
 * empty (no span content, no findings count).
 */
export async function loadEvalTraces(scope: ProjectScope, traceIds: readonly string[], reads = READS_ALL): Promise<Map<string, LoadedEvalTrace>> {
  const loaded = new Map<string, LoadedEvalTrace>();
  if (traceIds.length === 0) return loaded;
  const sql = getSql();
  const [traces, spans, logs, findings] = await readRows(sql, scope.projectId, JSON.stringify(traceIds), reads);
  const logsBySpan = groupBy(logs, (r) => keyOf(String(r.traceId), String(r.spanId)), toLog);
  const stored = new Set<string>();
  if (reads.content === "trace_output") for (const r of spans) if (Number(r.hasOutput) === 1) stored.add(keyOf(String(r.traceId), String(r.spanId)));
  const spansByTrace = groupBy(
    spans,
    (r) => String(r.traceId),
    (r) => toSpan(r, logsBySpan.get(keyOf(String(r.traceId), String(r.spanId))), stored),
  );
  if (reads.content === "trace_output") await loadAnswers(sql, scope.projectId, spansByTrace, stored);
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
