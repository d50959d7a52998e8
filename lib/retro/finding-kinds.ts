// The finding types, failure modes and findings of retro analysis, on their own so the read API's types
// (lib/trace/types.ts) can name them without importing the rest of lib/retro. Pure.

export type FindingType = "tool_loop" | "agent_cycle" | "repeated_llm_call" | "failure";

export const FINDING_TYPES: readonly FindingType[] = ["tool_loop", "agent_cycle", "repeated_llm_call", "failure"];

export type FailureMode =
  | "tool_error"
  | "provider_rate_limit"
  | "provider_timeout"
  | "provider_server_error"
  | "provider_auth_error"
  | "context_length_exceeded"
  | "content_filter"
  | "invalid_output"
  | "guardrail_blocked"
  | "max_iterations"
  | "budget_exceeded"
  | "approval_rejected"
  | "timeout"
  | "cancelled"
  | "unknown_error";

export const FAILURE_MODES: readonly FailureMode[] = [
  "tool_error",
  "provider_rate_limit",
  "provider_timeout",
  "provider_server_error",
  "provider_auth_error",
  "context_length_exceeded",
  "content_filter",
  "invalid_output",
  "guardrail_blocked",
  "max_iterations",
  "budget_exceeded",
  "approval_rejected",
  "timeout",
  "cancelled",
  "unknown_error",
];

export type Finding = {
  type: FindingType;
  /** The spans involved, in start order. */
  spanIds: string[];
  /** Repetitions (calls for loops, rounds for cycles); 1 for a failure. */
  count: number;
  /** Time spent on the repetitions after the first. */
  wastedMs: number;
  /** Cost of the LLM calls that produced those repetitions; null when they exist but none could be priced. */
  wastedCostUsd: number | null;
  toolName?: string;
  agents?: string[];
  failureMode?: FailureMode;
  message?: string;
};
