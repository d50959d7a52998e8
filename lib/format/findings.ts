// Words for retro-analysis findings and failure modes: the sentences of the trace page's findings strip,
// badge labels, and the critical path's time by kind. Safe on client and server.
import type { FailureMode, FindingType } from "@/lib/retro/finding-kinds";
import { formatDuration } from "./duration";
import { formatCost } from "./money";

/** The part of a finding its description reads. */
export type DescribedFinding = {
  type: FindingType;
  count: number;
  wastedMs: number;
  wastedCostUsd: number | null;
  toolName?: string;
  agents?: readonly string[];
  failureMode?: FailureMode;
  message?: string;
};

export const FINDING_TYPE_LABELS: Record<FindingType, string> = {
  tool_loop: "Tool loops",
  agent_cycle: "Agent cycles",
  repeated_llm_call: "Repeated LLM calls",
  failure: "Failures",
};

/** A short badge per type: "loop", "cycle"… */
export const FINDING_BADGES: Record<FindingType, string> = { tool_loop: "loop", agent_cycle: "cycle", repeated_llm_call: "repeated call", failure: "failure" };

export const FAILURE_MODE_LABELS: Record<FailureMode, string> = {
  tool_error: "Tool error",
  provider_rate_limit: "Provider rate limit",
  provider_timeout: "Provider timeout",
  provider_server_error: "Provider server error",
  provider_auth_error: "Provider auth error",
  context_length_exceeded: "Context length exceeded",
  content_filter: "Content filter",
  invalid_output: "Invalid output",
  guardrail_blocked: "Blocked by guardrail",
  max_iterations: "Max iterations",
  budget_exceeded: "Budget exceeded",
  approval_rejected: "Approval rejected",
  timeout: "Timeout",
  cancelled: "Cancelled",
  unknown_error: "Unknown error",
};

const MAX_MESSAGE_CHARS = 160;

/** "34 s and $0.410 wasted", "1.20 s wasted (cost unknown)". */
function describeWaste(f: DescribedFinding): string {
  const time = formatDuration(f.wastedMs);
  if (f.wastedCostUsd === null) return `${time} wasted (cost unknown)`;
  if (f.wastedCostUsd === 0) return `${time} wasted`;
  return `${time} and ${formatCost(f.wastedCostUsd)} wasted`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One sentence per finding, e.g. "lookup_order called 12× with the same arguments: 11 repeats, 34 s and $0.410 wasted". */
export function describeFinding(f: DescribedFinding): string {
  switch (f.type) {
    case "tool_loop":
      return `${f.toolName ?? "A tool"} called ${f.count}× with the same arguments: ${plural(f.count - 1, "repeat")}, ${describeWaste(f)}`;
    case "agent_cycle":
      return `Hand-off cycle ${(f.agents ?? []).join(" → ")} repeated ${f.count}×: ${plural(f.count - 1, "extra round")}, ${describeWaste(f)}`;
    case "repeated_llm_call":
      return `Same LLM call made ${f.count}× with the same input: ${plural(f.count - 1, "repeat")}, ${describeWaste(f)}`;
    case "failure": {
      const mode = FAILURE_MODE_LABELS[f.failureMode ?? "unknown_error"];
      const where = f.toolName ? ` in ${f.toolName}` : f.agents?.length ? ` in ${f.agents[0]}` : "";
      return `First failure: ${mode}${where}${f.message ? `: ${truncate(f.message, MAX_MESSAGE_CHARS)}` : ""}`;
    }
  }
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const KIND_LABELS: Record<string, string> = {
  llm: "LLM",
  tool: "tool",
  agent: "agent",
  approval: "approval",
  retriever: "retrieval",
  embedding: "embedding",
  chain: "chain",
  guardrail: "guardrail",
  other: "other",
};

/** The kinds that hold time on the critical path, largest first: [{ kind, label, ms, share }]. */
export function describeTimeByKind(byKind: Readonly<Record<string, number>>, totalMs: number): { kind: string; label: string; ms: number; share: number }[] {
  return Object.entries(byKind)
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([kind, ms]) => ({ kind, label: KIND_LABELS[kind] ?? kind, ms, share: totalMs > 0 ? ms / totalMs : 0 }));
}
