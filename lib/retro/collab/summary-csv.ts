// Trace summaries as CSV (RFC 4180): one header row, one row per trace. Text cells that a spreadsheet
// would run as a formula (span names and ids are untrusted) are prefixed with a quote mark.
import type { TraceSummary } from "@/lib/trace/types";

export const SUMMARY_CSV_COLUMNS = [
  "traceId",
  "name",
  "serviceName",
  "startTime",
  "endTime",
  "durationMs",
  "status",
  "spanCount",
  "errorCount",
  "llmCallCount",
  "toolCallCount",
  "inputTokens",
  "outputTokens",
  "totalTokens",
  "costUsd",
  "sessionId",
  "userId",
  "agentName",
  "models",
  "tags",
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const summaryCsvHeader = () => `${SUMMARY_CSV_COLUMNS.join(",")}\r\n`;

/** One CSV row; lists (models, tags) are joined with spaces. */
export function summaryCsvRow(trace: TraceSummary, tags: readonly string[]): string {
  const cells: (string | number | null)[] = [
    trace.traceId,
    trace.name,
    trace.serviceName,
    trace.startTime,
    trace.endTime,
    trace.durationMs,
    trace.status,
    trace.spanCount,
    trace.errorCount,
    trace.llmCallCount,
    trace.toolCallCount,
    trace.inputTokens,
    trace.outputTokens,
    trace.totalTokens,
    trace.costUsd,
    trace.sessionId,
    trace.userId,
    trace.agentName,
    trace.models.join(" "),
    tags.join(" "),
  ];
  return `${cells.map(csvCell).join(",")}\r\n`;
}
