import "server-only";
// A trace's spans as retro analysis reads them (lib/retro RetroSpan), loaded with only what the analysis
// at hand needs: message payloads are most of a span's stored text, and parsing them would be most of the
// cost of analysing a trace. Every mode picks the attributes lib/retro reads (RETRO_ATTRIBUTE_KEYS) in SQL
// and reads events only of failed spans (the classifier's exception); then
// - "findings": inputs of tool and LLM spans (loop and repeat detection), no outputs; and only of spans
//   that can repeat: a tool called at least `loopThreshold` times in the trace, a model called that often
//   (tool loops and repeated calls need that many calls of one tool or model);
// - "diff": inputs and outputs (changed steps);
// - "timing": no content (the critical path).
// GenAI log events (/v1/logs) are joined as the read API joins them, so a prompt sent only as log events
// counts. Raw SQL on the process's connection: Prisma's per-row cost would be most of a large trace's load.
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";
import { applyLogEvents, type StoredLog } from "@/lib/data/traces/genai-log-events";
import { parseMaybeJson } from "@/lib/ingest/attribute-lookup";
import { RETRO_ATTRIBUTE_KEYS, retroSpanFromStored, type RetroSpan } from "@/lib/retro";
import type { CostSource, Status } from "@/lib/trace/types";

export type RetroLoad = "findings" | "diff" | "timing";

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
  /** 1 when the span's input is wanted (see MAY_REPEAT). */
  mayRepeat: unknown;
  /** JSON array of the RETRO_ATTRIBUTE_KEYS values, in that order (null where absent). */
  picked: string | null;
  events: string | null;
};

type LogRow = { spanId: string; eventName: string; timeNs: bigint | string | number; body: string | null; attributes: string };

/**
 * Whether a span may be one of `loopThreshold` (the one parameter) calls of one tool or one model: only
 * those inputs are compared, so only those are read. The count is an upper bound of what lib/retro
 * compares (it also counts approval-carrying tool spans and LLM spans that wrap another), never less.
 */
const MAY_REPEAT = `"kind" IN ('tool', 'llm') AND COUNT(*) OVER (PARTITION BY "kind", CASE WHEN "kind" = 'tool' THEN COALESCE("toolName", "name") ELSE COALESCE("model", '') END) >= ?`;

const CONTENT: Record<RetroLoad, { input: string; output: string; mayRepeat: string }> = {
  findings: { input: `CASE WHEN ${MAY_REPEAT} THEN "input" END`, output: "NULL", mayRepeat: `CASE WHEN ${MAY_REPEAT} THEN 1 ELSE 0 END` },
  diff: { input: `"input"`, output: `"output"`, mayRepeat: "1" },
  timing: { input: "NULL", output: "NULL", mayRepeat: "0" },
};

/** SQL of a JSON array of the picked attributes: one parse of the attribute text per row, in the database. */
function pickedAttributesSql(dialect: "sqlite" | "postgres"): string {
  if (dialect === "sqlite") return `json_extract("attributes", ${RETRO_ATTRIBUTE_KEYS.map((key) => `'$."${key}"'`).join(", ")})`;
  // jsonb refuses the escaped NUL that attribute text may hold (it would fail the whole read): it becomes U+FFFD first.
  return `(SELECT json_build_array(${RETRO_ATTRIBUTE_KEYS.map((key) => `j -> '${key}'`).join(", ")})::text FROM (SELECT replace("attributes", '\\u0000', '\\ufffd')::jsonb AS j) a)`;
}

function spanSelect(dialect: "sqlite" | "postgres", mode: RetroLoad): string {
  const content = CONTENT[mode];
  return `SELECT "spanId", "parentSpanId", "name", "kind", "startNs", "endNs", "durationMs", "status", "statusMessage", "model", "toolName",
    "toolCallId", "agentName", "inputTokens", "outputTokens", "costUsd", "costSource", ${content.input} AS "input", ${content.output} AS "output",
    ${content.mayRepeat} AS "mayRepeat", ${pickedAttributesSql(dialect)} AS "picked", CASE WHEN "status" = 'error' THEN "events" END AS "events"
    FROM "spans" WHERE "projectId" = ? AND "traceId" = ?`;
}

const LOG_SELECT = `SELECT "spanId", "eventName", "timeNs", "body", "attributes" FROM "span_logs" WHERE "projectId" = ? AND "traceId" = ? ORDER BY "timeNs", "id"`;

const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * The trace's spans (in no particular order: lib/retro orders them itself); empty for an unknown trace.
 * `loopThreshold` ("findings"): the project's, so that inputs that cannot repeat that often stay unread.
 */
export async function loadRetroSpans(scope: ProjectScope, traceId: string, mode: RetroLoad = "findings", loopThreshold = 2): Promise<RetroSpan[]> {
  const sql = getSql();
  const repeatParams = mode === "findings" ? [loopThreshold, loopThreshold] : [];
  const [rows, logRows] = await Promise.all([
    sql.query<SpanRow>(spanSelect(sql.dialect, mode), [...repeatParams, scope.projectId, traceId]),
    mode === "timing" ? [] : sql.query<LogRow>(LOG_SELECT, [scope.projectId, traceId]),
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
      attributes: "{}",
      events: row.events ?? "[]",
    });
    const withAttributes = { ...span, attributes: pickedAttributes(row.picked) };
    const spanLogs = logs.get(row.spanId);
    const wantsInput = mode === "diff" || Number(row.mayRepeat) === 1;
    if (!spanLogs || (span.input !== null && (mode !== "diff" || span.output !== null)) || !wantsInput) return withAttributes;
    const fromLogs = applyLogEvents(spanLogs);
    return { ...withAttributes, input: span.input ?? fromLogs.input ?? null, output: mode === "diff" ? (span.output ?? fromLogs.output ?? null) : null };
  });
}

/** The picked values back as an attribute object (absent keys left out). */
function pickedAttributes(text: string | null): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  if (text === null) return attributes;
  const values = parseMaybeJson(text);
  if (!Array.isArray(values)) return attributes;
  RETRO_ATTRIBUTE_KEYS.forEach((key, i) => {
    const value: unknown = values[i];
    if (value !== null && value !== undefined) attributes[key] = value;
  });
  return attributes;
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
