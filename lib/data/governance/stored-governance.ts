import "server-only";
// What governance-refresh.ts reads before it writes: the traces' stored governance rows (the "before"), their
// task and user as their summaries now say, and the agent above given spans (walking parent links upward
// in the database, so only the spans' ancestry is read, never the whole trace).
import type { Sql } from "@/lib/db/sql";
import { inJsonList } from "@/lib/data/ingest/trace-graph";
import { emptyStoredGovernance, type StoredGovernance, type ToolCallRow, type TraceContext } from "@/lib/trace/governance-rows";

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

const select = (tx: Sql, columns: string, table: string) =>
  `SELECT "traceId", ${columns} FROM "${table}" WHERE "projectId" = ? AND "traceId" IN ${inJsonList(tx)}`;
const TOOL_CALLS = `"spanId", "startNs", "toolName", "mcpServer", "agentName", "userId", "effect", "status", "durationMs", "runApproved"`;
const APPROVALS = `"spanId", "startNs", "waitMs", "decision", "action", "approver", "policy", "agentName", "task", "userId"`;
const MODELS = `"requestedModel", "responseModel", "fingerprint", "task", "startNs"`;
// Ancestry stops at the first span naming an agent; the depth bound ends a walk round a parent cycle.
export const MAX_AGENT_DEPTH = 256;

function toolCallRow(r: Record<string, unknown>): ToolCallRow {
  return {
    spanId: String(r.spanId),
    startNs: BigInt(r.startNs as bigint),
    toolName: String(r.toolName),
    mcpServer: str(r.mcpServer),
    agentName: str(r.agentName),
    userId: str(r.userId),
    effect: str(r.effect),
    status: String(r.status),
    durationMs: Number(r.durationMs),
    runApproved: r.runApproved === true || Number(r.runApproved) === 1, // SQLite answers 1, PostgreSQL true
  };
}

/** Every stored tool call of one trace (when its user or approved run changed, all of them change). */
export async function readAllToolCalls(tx: Sql, projectId: string, traceId: string): Promise<Map<string, ToolCallRow>> {
  const rows = await tx.query(`SELECT ${TOOL_CALLS} FROM "tool_calls" WHERE "projectId" = ? AND "traceId" = ?`, [projectId, traceId]);
  return new Map(rows.map((r) => [String(r.spanId), toolCallRow(r)]));
}

/**
 * The user and approved run the stored tool calls of each trace carry (one row each: every refresh writes
 * the trace's current ones to all of them). Traces without tool calls are absent.
 */
export async function readToolCallContexts(tx: Sql, projectId: string, traceIds: readonly string[]): Promise<Map<string, { userId: string | null; runApproved: boolean }>> {
  const from = tx.dialect === "postgres" ? `json_array_elements_text(?::json) AS t("value")` : `json_each(?) AS t`;
  // One tool call per trace by its key, then that row by its full key. CROSS JOIN fixes SQLite's join
  // order: without statistics it otherwise walks the (projectId, userId, …) index, all the project's calls,
  // once per trace.
  const rows = await tx.query(
    `SELECT k."traceId", c."spanId", c."userId", c."runApproved"
     FROM (SELECT t."value" AS "traceId", (SELECT f."spanId" FROM "tool_calls" f WHERE f."projectId" = ? AND f."traceId" = t."value" LIMIT 1) AS "spanId" FROM ${from}) k
     CROSS JOIN "tool_calls" c WHERE c."projectId" = ? AND c."traceId" = k."traceId" AND c."spanId" = k."spanId"`,
    [projectId, JSON.stringify(traceIds), projectId],
  );
  const out = new Map<string, { userId: string | null; runApproved: boolean }>();
  for (const r of rows)
    if (r.spanId !== null && r.spanId !== undefined) out.set(String(r.traceId), { userId: str(r.userId), runApproved: r.runApproved === true || Number(r.runApproved) === 1 });
  return out;
}

/**
 * The stored rows of each trace (traces without any are absent). Tool calls: `all`, or only those a commit
 * can change while the trace's user and approved run stay the same (`unresolved`: no agent found yet).
 */
export async function readStoredGovernance(tx: Sql, projectId: string, traceIds: readonly string[], toolCalls: "all" | "unresolved" = "all"): Promise<Map<string, StoredGovernance>> {
  const byTrace = new Map<string, StoredGovernance>();
  const of = (traceId: unknown) => {
    const id = String(traceId);
    let stored = byTrace.get(id);
    if (!stored) byTrace.set(id, (stored = emptyStoredGovernance()));
    return stored;
  };
  const params = [projectId, JSON.stringify(traceIds)];
  const unresolved = toolCalls === "unresolved" ? ` AND "agentName" IS NULL` : "";
  for (const r of await tx.query(select(tx, TOOL_CALLS, "tool_calls") + unresolved, params)) of(r.traceId).toolCalls.set(String(r.spanId), toolCallRow(r));
  for (const r of await tx.query(select(tx, APPROVALS, "approvals"), params)) {
    of(r.traceId).approvals.set(String(r.spanId), {
      spanId: String(r.spanId),
      startNs: BigInt(r.startNs as bigint),
      waitMs: Number(r.waitMs),
      decision: String(r.decision),
      action: str(r.action),
      approver: str(r.approver),
      policy: str(r.policy),
      agentName: str(r.agentName),
      task: String(r.task),
      userId: str(r.userId),
    });
  }
  for (const r of await tx.query(select(tx, MODELS, "trace_models"), params)) {
    of(r.traceId).models.push({
      requestedModel: String(r.requestedModel),
      responseModel: String(r.responseModel),
      fingerprint: String(r.fingerprint),
      task: String(r.task),
      startNs: BigInt(r.startNs as bigint),
    });
  }
  return byTrace;
}

/** Each trace's task (its name) and user, as its summary row says after this transaction's update. */
export async function readTraceContexts(tx: Sql, projectId: string, traceIds: readonly string[]): Promise<Map<string, TraceContext>> {
  const rows = await tx.query(`SELECT "traceId", "name", "userId" FROM "traces" WHERE "projectId" = ? AND "traceId" IN ${inJsonList(tx)}`, [
    projectId,
    JSON.stringify(traceIds),
  ]);
  return new Map(rows.map((r) => [String(r.traceId), { task: String(r.name), userId: str(r.userId) }]));
}

/** For each span, the agent name of the nearest span at or above it that carries one (null: none). */
export async function readAgentsAbove(tx: Sql, projectId: string, traceId: string, spanIds: readonly string[]): Promise<Map<string, string | null>> {
  if (spanIds.length === 0) return new Map();
  const rows = await tx.query(
    `WITH RECURSIVE up("start", "spanId", "parentSpanId", "agentName", "depth") AS (
       SELECT "spanId", "spanId", "parentSpanId", "agentName", 0 FROM "spans"
        WHERE "projectId" = ? AND "traceId" = ? AND "spanId" IN ${inJsonList(tx)}
       UNION ALL
       SELECT up."start", s."spanId", s."parentSpanId", s."agentName", up."depth" + 1
         FROM up JOIN "spans" s ON s."projectId" = ? AND s."traceId" = ? AND s."spanId" = up."parentSpanId"
        WHERE up."agentName" IS NULL AND up."depth" < ${MAX_AGENT_DEPTH}
     )
     SELECT "start", "agentName" FROM up WHERE "agentName" IS NOT NULL`,
    [projectId, traceId, JSON.stringify(spanIds), projectId, traceId],
  );
  const agents = new Map<string, string | null>(spanIds.map((id) => [id, null]));
  for (const r of rows) agents.set(String(r.start), String(r.agentName));
  return agents;
}
