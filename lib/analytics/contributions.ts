// What one trace or one span adds to the rollups: one contribution per dimension it belongs to. Pure.
//
// A trace contributes with its summary (start, duration, status, totals) to its name, agent, user and
// session, and to each model it used with that model's share of the totals. A span contributes its own
// duration to its kind, and to its tool (tool spans) or model (LLM and embedding calls). Items without
// a value for a dimension (no agent, no user…) are left out of it rather than grouped under "".
import type { SpanRecord } from "@/lib/ingest/span-record";
import { picoToUsd, type TraceSummaryRow } from "@/lib/trace/summarise";
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

const nsToMs = (ns: bigint) => Number(ns / 1_000_000n);
const isCall = (s: { kind: string }) => s.kind === "llm" || s.kind === "embedding";

/**
 * Contributions of one trace, from its summary. Each of its models contributes its share of the
 * totals (the trace's counted calls of that model), so the models of a trace add up to its totals.
 */
export function traceContributions(summary: TraceSummaryRow): Contribution[] {
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
  for (const { model, calls, costPico, inputTokens, outputTokens } of summary.modelUsage) {
    out.push({
      dimension: "trace.model",
      group: model,
      item: { ...item, costUsd: picoToUsd(costPico), inputTokens, outputTokens, llmCallCount: calls, toolCallCount: 0 },
    });
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
