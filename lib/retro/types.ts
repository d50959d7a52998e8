// Types of retro analysis: the span shape the algorithms read, and the findings, critical path and diff
// they produce (the shapes of the read API). Pure types, safe to import from client components.
import type { FailureMode, FindingType } from "@/lib/retro/finding-kinds";
import type { CostSource, Kind, Status } from "@/lib/trace/types";

/** Span kinds plus `approval`: a span carrying `hindsight.approval.decision` (its duration is the human wait). */
export type RetroKind = Kind | "approval";

export const RETRO_KINDS: readonly RetroKind[] = ["agent", "llm", "tool", "retriever", "embedding", "chain", "guardrail", "approval", "other"];

export type RetroEvent = { name: string; attributes: Readonly<Record<string, unknown>> };

/** The part of a stored span that retro analysis needs. Times are Unix nanoseconds. */
export type RetroSpan = {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: RetroKind;
  startNs: bigint;
  endNs: bigint;
  durationMs: number;
  status: Status;
  statusMessage: string | null;
  model: string | null;
  toolName: string | null;
  toolCallId: string | null;
  agentName: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  costSource: CostSource | null;
  /** Chat messages or tool arguments: parsed JSON, or the text itself when it is not JSON; null when not captured. */
  input: unknown;
  output: unknown;
  /** The span's attributes (at least the ones the failure classifier and step signatures read). */
  attributes: Readonly<Record<string, unknown>>;
  /** The span's events; the classifier reads the first `exception` event. */
  events: readonly RetroEvent[];
};

export { FAILURE_MODES, FINDING_TYPES, type FailureMode, type Finding, type FindingType } from "@/lib/retro/finding-kinds";

export type FindingsSummary = { failureMode: FailureMode | null; findingCounts: Record<FindingType, number> };

export type CriticalPathSegment = { spanId: string; startTime: string; endTime: string; selfMs: number };

export type CriticalPath = { totalMs: number; segments: CriticalPathSegment[]; byKind: Record<RetroKind, number> };

/** Figures of trace b minus trace a (or of one step of b minus its counterpart in a). */
export type Deltas = { durationMs: number; costUsd: number | null; inputTokens: number; outputTokens: number; llmCalls: number; toolCalls: number };

export type StepRef = { spanId: string; name: string; kind: RetroKind; toolName: string | null; agentName: string | null; model: string | null };

export type ChangedField = "model" | "input" | "output" | "arguments" | "status";

export const CHANGED_FIELDS: readonly ChangedField[] = ["model", "input", "output", "arguments", "status"];

export type DiffStep = {
  status: "same" | "changed" | "added" | "removed";
  a: StepRef | null;
  b: StepRef | null;
  deltas: Deltas;
  changed: ChangedField[];
};

export type TraceDiff = { totals: Deltas; steps: DiffStep[] };
