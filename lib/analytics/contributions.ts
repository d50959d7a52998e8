// What one trace or one span adds to the rollups: one contribution per dimension it belongs to. Pure.
//
// A trace contributes with its summary (start, duration, status, totals) to its name, agent, user and
// session, and to each model it used with that model's share of the totals. A span contributes its own
// duration to its kind, and to its tool (tool spans) or model (LLM and embedding calls). Items without
// a value for a dimension (no agent, no user…) are left out of it rather than grouped under "".
import type { SpanRecord } from "@/lib/ingest/span-record";
import type { SummarySpan, TraceSummaryRow } from "@/lib/trace/summarise";
import type { Dimension } from "./dimensions";

/** The figures of one item (trace or span), shared by all its contributions. */
export type ItemFigures = {
  /** Start of the item, ms since the epoch: it picks the bucket. */
  startMs: number;
  durationMs: number;
  errorCount: number;
  llmCallCount: number;
  toolCallCount: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
};

export type Contribution = { dimension: Dimension; group: string; item: ItemFigures };

export type SpanFacts = Pick<SpanRecord, "name" | "kind" | "toolName" | "model" | "status" | "startNs" | "durationMs">;

type ModelUsage = { calls: number; costUsd: number; inputTokens: number; outputTokens: number };

const nsToMs = (ns: bigint) => Number(ns / 1_000_000n);
const isCall = (s: { kind: string }) => s.kind === "llm" || s.kind === "embedding";
const carriesUsage = (s: SummarySpan) => s.inputTokens !== null || s.outputTokens !== null || s.costSource === "reported";

/**
 * Per-model share of a trace's totals. Mirrors summariseTrace's rule (lib/trace/summarise.ts) so the
 * models of a trace add up to its totals: a call whose descendant carries usage is a wrapper repeating
 * that usage and is skipped.
 */
function usageByModel(summary: TraceSummaryRow, spans: readonly SummarySpan[]): Map<string, ModelUsage> {
  const only = summary.models.length === 1 ? summary.models[0]! : null;
  if (only !== null && spans.every((s) => !isCall(s) || s.model === only)) {
    // The common case: every call used the one model, so its share is the whole trace (no tree walk).
    return new Map([
      [only, { calls: summary.llmCallCount, costUsd: summary.costUsd ?? 0, inputTokens: summary.inputTokens, outputTokens: summary.outputTokens }],
    ]);
  }
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const covered = new Set<string>();
  for (const span of spans) {
    if (!carriesUsage(span)) continue;
    let parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
    for (let steps = 0; parent && !covered.has(parent.spanId) && steps < spans.length; steps++) {
      covered.add(parent.spanId);
      parent = parent.parentSpanId ? byId.get(parent.parentSpanId) : undefined;
    }
  }
  const usage = new Map<string, ModelUsage>(summary.models.map((m) => [m, { calls: 0, costUsd: 0, inputTokens: 0, outputTokens: 0 }]));
  for (const span of spans) {
    const entry = span.model && isCall(span) && !covered.has(span.spanId) ? usage.get(span.model) : undefined;
    if (!entry) continue;
    entry.calls++;
    entry.costUsd += span.costUsd ?? 0;
    entry.inputTokens += span.inputTokens ?? 0;
    entry.outputTokens += span.outputTokens ?? 0;
  }
  return usage;
}

/** Contributions of one trace, from its summary and the spans it was computed from. */
export function traceContributions(summary: TraceSummaryRow, spans: readonly SummarySpan[]): Contribution[] {
  const item: ItemFigures = {
    startMs: nsToMs(summary.startNs),
    durationMs: summary.durationMs,
    errorCount: summary.status === "error" ? 1 : 0,
    llmCallCount: summary.llmCallCount,
    toolCallCount: summary.toolCallCount,
    costUsd: summary.costUsd ?? 0,
    inputTokens: summary.inputTokens,
    outputTokens: summary.outputTokens,
  };
  const out: Contribution[] = [{ dimension: "trace.name", group: summary.name, item }];
  if (summary.agentName !== null) out.push({ dimension: "trace.agent", group: summary.agentName, item });
  if (summary.userId !== null) out.push({ dimension: "trace.user", group: summary.userId, item });
  if (summary.sessionId !== null) out.push({ dimension: "trace.session", group: summary.sessionId, item });
  if (summary.models.length === 0) return out;
  for (const [model, usage] of usageByModel(summary, spans)) {
    const { calls, ...totals } = usage;
    out.push({ dimension: "trace.model", group: model, item: { ...item, ...totals, llmCallCount: calls, toolCallCount: 0 } });
  }
  return out;
}

/**
 * Contributions of one newly stored span. Cost and tokens stay on trace rows: a price change rewrites
 * them there through the trace refresh, so span rows never need revisiting.
 */
export function spanContributions(span: SpanFacts): Contribution[] {
  const item: ItemFigures = {
    startMs: nsToMs(span.startNs),
    durationMs: span.durationMs,
    errorCount: span.status === "error" ? 1 : 0,
    llmCallCount: 0,
    toolCallCount: 0,
    costUsd: 0,
    inputTokens: 0,
    outputTokens: 0,
  };
  const out: Contribution[] = [{ dimension: "span.kind", group: span.kind, item }];
  if (span.kind === "tool") out.push({ dimension: "span.tool", group: span.toolName ?? span.name, item });
  if (isCall(span) && span.model !== null) out.push({ dimension: "span.model", group: span.model, item });
  return out;
}
