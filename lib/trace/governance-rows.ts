// The governance rows of one trace (tool calls, approvals, the models its LLM calls got), brought up to date
// with the spans one transaction inserted: rows of new spans are made from the facts their records carry;
// rows stored earlier keep the facts of their own span and take the trace's facts again (task, user, whether
// the run holds an approved approval, and the agent when none was known: its ancestor may just have arrived).
// The caller writes only the rows that differ from the stored ones, so a commit costs what it changed, not
// the size of the trace. Pure.
import type { GovernanceFacts } from "@/lib/ingest/governance-facts";
import type { Kind, Status } from "@/lib/trace/types";

/** A span this transaction inserted, with the facts normalisation read from its attributes. */
export type GovernanceSpan = {
  spanId: string;
  name: string;
  kind: Kind;
  startNs: bigint;
  endNs: bigint;
  status: Status;
  toolName: string | null;
  governance?: GovernanceFacts;
};

export type ToolCallRow = {
  spanId: string;
  startNs: bigint;
  toolName: string;
  mcpServer: string | null;
  agentName: string | null;
  userId: string | null;
  effect: string | null;
  status: string;
  durationMs: number;
  runApproved: boolean;
};

export type ApprovalRow = {
  spanId: string;
  startNs: bigint;
  waitMs: number;
  decision: string;
  action: string | null;
  approver: string | null;
  policy: string | null;
  agentName: string | null;
  task: string;
  userId: string | null;
};

export type TraceModelRow = { requestedModel: string; responseModel: string; fingerprint: string; task: string; startNs: bigint };

export type StoredGovernance = { toolCalls: Map<string, ToolCallRow>; approvals: Map<string, ApprovalRow>; models: TraceModelRow[] };

export type TraceContext = { task: string; userId: string | null };

export type GovernanceRows = { toolCalls: ToolCallRow[]; approvals: ApprovalRow[]; models: TraceModelRow[] };

/** spanId → the agent at or above it (null when none is known). */
export type AgentOf = (spanId: string) => string | null;

export const emptyStoredGovernance = (): StoredGovernance => ({ toolCalls: new Map(), approvals: new Map(), models: [] });

const durationMs = (s: GovernanceSpan) => Number((s.endNs - s.startNs) / 1000n) / 1000;

export const modelKey = (m: Pick<TraceModelRow, "requestedModel" | "responseModel" | "fingerprint">) =>
  `${m.requestedModel}\u0000${m.responseModel}\u0000${m.fingerprint}`;

/** Spans whose agent must be looked up: new tool and approval spans, stored rows without an agent. */
export function spansNeedingAgent(fresh: readonly GovernanceSpan[], stored: StoredGovernance): string[] {
  const ids = fresh.filter((s) => (s.kind === "tool" && s.governance?.tool) || (s.kind === "approval" && s.governance?.approval)).map((s) => s.spanId);
  for (const row of stored.toolCalls.values()) if (row.agentName === null) ids.push(row.spanId);
  for (const row of stored.approvals.values()) if (row.agentName === null) ids.push(row.spanId);
  return ids;
}

function approvalRows(fresh: readonly GovernanceSpan[], stored: StoredGovernance, trace: TraceContext, agentOf: AgentOf): ApprovalRow[] {
  const rows = new Map<string, ApprovalRow>();
  for (const row of stored.approvals.values()) rows.set(row.spanId, { ...row, agentName: row.agentName ?? agentOf(row.spanId), ...trace });
  for (const span of fresh) {
    const facts = span.kind === "approval" ? span.governance?.approval : undefined;
    if (!facts || rows.has(span.spanId)) continue;
    rows.set(span.spanId, { spanId: span.spanId, startNs: span.startNs, waitMs: durationMs(span), ...facts, agentName: agentOf(span.spanId), ...trace });
  }
  return [...rows.values()];
}

function toolCallRows(fresh: readonly GovernanceSpan[], stored: StoredGovernance, trace: TraceContext, agentOf: AgentOf, runApproved: boolean): ToolCallRow[] {
  const context = { userId: trace.userId, runApproved };
  const rows = new Map<string, ToolCallRow>();
  for (const row of stored.toolCalls.values()) rows.set(row.spanId, { ...row, agentName: row.agentName ?? agentOf(row.spanId), ...context });
  for (const span of fresh) {
    const facts = span.kind === "tool" ? span.governance?.tool : undefined;
    if (!facts || rows.has(span.spanId)) continue;
    rows.set(span.spanId, {
      spanId: span.spanId,
      startNs: span.startNs,
      toolName: span.toolName ?? span.name,
      mcpServer: facts.mcpServer,
      agentName: agentOf(span.spanId),
      effect: facts.effect,
      status: span.status,
      durationMs: durationMs(span),
      ...context,
    });
  }
  return [...rows.values()];
}

function modelRows(fresh: readonly GovernanceSpan[], stored: StoredGovernance, trace: TraceContext): TraceModelRow[] {
  const models = new Map<string, TraceModelRow>();
  for (const m of stored.models) models.set(modelKey(m), { ...m, task: trace.task });
  for (const span of fresh) {
    const llm = span.kind === "llm" ? span.governance?.llm : undefined;
    if (!llm) continue;
    const row = {
      requestedModel: llm.requestedModel,
      responseModel: llm.responseModel,
      fingerprint: llm.fingerprint ?? "",
      task: trace.task,
      startNs: span.startNs,
    };
    const known = models.get(modelKey(row));
    if (!known || row.startNs < known.startNs) models.set(modelKey(row), row);
  }
  return [...models.values()];
}

/** Every governance row the trace should hold now. */
export function deriveGovernanceRows(fresh: readonly GovernanceSpan[], stored: StoredGovernance, trace: TraceContext, agentOf: AgentOf): GovernanceRows {
  const approvals = approvalRows(fresh, stored, trace, agentOf);
  const runApproved = approvals.some((a) => a.decision === "approved");
  return { approvals, toolCalls: toolCallRows(fresh, stored, trace, agentOf, runApproved), models: modelRows(fresh, stored, trace) };
}

const sameToolCall = (a: ToolCallRow, b: ToolCallRow) => a.agentName === b.agentName && a.userId === b.userId && a.runApproved === b.runApproved;
const sameApproval = (a: ApprovalRow, b: ApprovalRow) => a.agentName === b.agentName && a.task === b.task && a.userId === b.userId;

/** The rows to write (new or changed) and, for approvals and models, what each replaces (null when new). */
export function governanceChanges(rows: GovernanceRows, stored: StoredGovernance) {
  const storedModels = new Map(stored.models.map((m) => [modelKey(m), m]));
  return {
    toolCalls: rows.toolCalls.filter((r) => {
      const before = stored.toolCalls.get(r.spanId);
      return !before || !sameToolCall(before, r);
    }),
    approvals: rows.approvals.flatMap((r) => {
      const before = stored.approvals.get(r.spanId) ?? null;
      return before && sameApproval(before, r) ? [] : [{ row: r, before }];
    }),
    models: rows.models.flatMap((r) => {
      const before = storedModels.get(modelKey(r)) ?? null;
      return before && before.task === r.task && before.startNs === r.startNs ? [] : [{ row: r, before }];
    }),
  };
}
