import "server-only";
// Writes new and changed tool_calls rows (governance-refresh.ts decides which).
import type { Sql, SqlValue } from "@/lib/db/sql";
import type { ToolCallRow } from "@/lib/trace/governance-rows";

const COLUMNS = [
  "projectId",
  "traceId",
  "spanId",
  "startNs",
  "toolName",
  "mcpServer",
  "agentName",
  "userId",
  "effect",
  "status",
  "durationMs",
  "runApproved",
] as const;
const UPSERT = `("projectId", "traceId", "spanId") DO UPDATE SET ${COLUMNS.slice(3)
  .map((c) => `"${c}" = excluded."${c}"`)
  .join(", ")}`;

export async function writeToolCalls(tx: Sql, projectId: string, traces: readonly { traceId: string; toolCalls: readonly ToolCallRow[] }[]): Promise<void> {
  const rows: SqlValue[][] = [];
  for (const { traceId, toolCalls } of traces) {
    for (const r of toolCalls) {
      rows.push([projectId, traceId, r.spanId, r.startNs, r.toolName, r.mcpServer, r.agentName, r.userId, r.effect, r.status, r.durationMs, r.runApproved]);
    }
  }
  await tx.insertMany("tool_calls", COLUMNS, rows, UPSERT);
}
