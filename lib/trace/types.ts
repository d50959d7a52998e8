// Domain types of the read API (their JSON schemas: lib/api/openapi/schemas/traces.ts, rendered in docs/api.md).
// Safe to import from client components.
import type { FailureMode, Finding, FindingType } from "@/lib/retro/finding-kinds";
import type { ScoreFilter } from "./score-filters";

export type Status = "ok" | "error" | "unset";
/** `approval`: a span carrying `hindsight.approval.decision`; its duration is the wait for a human. */
export type Kind = "agent" | "llm" | "tool" | "retriever" | "embedding" | "chain" | "guardrail" | "approval" | "other";
export type CostSource = "reported" | "computed";

export type TraceSummary = {
  traceId: string;
  name: string;
  serviceName: string | null;
  startTime: string;
  endTime: string;
  durationMs: number;
  status: Status;
  spanCount: number;
  errorCount: number;
  llmCallCount: number;
  toolCallCount: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** null when nothing in the trace could be priced. */
  costUsd: number | null;
  /** True when at least one LLM call could not be priced (so costUsd is a lower bound). */
  hasUnpricedCalls: boolean;
  sessionId: string | null;
  userId: string | null;
  agentName: string | null;
  models: string[];
  /** The class of the run's first real failure (retro analysis); null when it has none or is not analysed yet. */
  failureMode: FailureMode | null;
  /** Findings of each type (retro analysis). */
  findingCounts: Record<FindingType, number>;
};

export type SpanEvent = { name: string; time: string; attributes: Record<string, unknown> };

export type Span = {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: Kind;
  serviceName: string | null;
  startTime: string;
  endTime: string;
  durationMs: number;
  status: Status;
  statusMessage: string | null;
  model: string | null;
  provider: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cacheReadTokens: number | null;
  cacheWriteTokens: number | null;
  reasoningTokens: number | null;
  costUsd: number | null;
  costSource: CostSource | null;
  toolName: string | null;
  toolCallId: string | null;
  agentName: string | null;
  /** The MCP server of a span following the MCP conventions (client or server side), else null. */
  mcpServer: string | null;
  sessionId: string | null;
  userId: string | null;
  input: unknown;
  output: unknown;
  attributes: Record<string, unknown>;
  resourceAttributes: Record<string, unknown>;
  events: SpanEvent[];
};

/** One trace with its spans in start order and its findings (retro analysis; empty until analysed). */
export type TraceDetail = { trace: TraceSummary; spans: Span[]; findings: Finding[] };

/** Filters of GET /api/v1/traces, already validated. */
export type TraceFilters = {
  from?: Date;
  to?: Date;
  q?: string;
  status?: "ok" | "error";
  name?: string;
  agent?: string;
  model?: string;
  tool?: string;
  graphNode?: string;
  graphEdge?: string;
  sessionId?: string;
  userId?: string;
  minCostUsd?: number;
  maxCostUsd?: number;
  minDurationMs?: number;
  maxDurationMs?: number;
  /** Every one of these tags must be on the trace. */
  tags?: string[];
  /** Only these traces (any of them): a selection from the trace list. */
  traceIds?: string[];
  finding?: FindingType;
  failureMode?: FailureMode;
  /** score.<name>.min|max|label: traces with a score of that name in range or with that label. */
  scores?: ScoreFilter[];
};

export type TraceSort = "time" | "duration" | "cost";

export type TracePage = { data: TraceSummary[]; nextCursor: string | null };
