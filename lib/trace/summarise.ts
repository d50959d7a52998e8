// Per-trace summary from all of a trace's spans, computed from scratch. Pure. This is the definition
// ingest keeps to: it maintains summaries incrementally (trace-state.ts, trace-frontier.ts) and must
// arrive at exactly this result whatever order the spans came in; the full computation also serves
// traces whose incremental state is missing.
//
// Usage is counted once: only llm/embedding spans with no descendant carrying usage add to the totals,
// because wrappers (Vercel's ai.generateText, OTel invoke_agent, OpenAI task/turn) repeat their
// children's usage. Costs are summed as whole picodollars, so the total does not depend on the order
// of the additions (float sums do) and a call can be taken out of it again exactly.
import type { Kind, Status } from "@/lib/trace/types";

export type SummarySpan = {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: Kind;
  serviceName: string | null;
  startNs: bigint;
  endNs: bigint;
  status: Status;
  model: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  costSource: string | null;
  toolName: string | null;
  agentName: string | null;
  sessionId: string | null;
  userId: string | null;
};

/** The counted calls of one model within a trace (a model whose calls are all wrappers has zeros). */
export type ModelUsage = { model: string; calls: number; costPico: bigint; inputTokens: number; outputTokens: number };

export type TraceSummaryRow = {
  traceId: string;
  name: string;
  serviceName: string | null;
  rootSpanId: string | null;
  startNs: bigint;
  endNs: bigint;
  durationMs: number;
  status: Status;
  spanCount: number;
  errorCount: number;
  llmCallCount: number;
  toolCallCount: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  costUsd: number | null;
  hasUnpriced: boolean;
  sessionId: string | null;
  userId: string | null;
  agentName: string | null;
  /** Sorted, as are tools, agents and modelUsage (by model). */
  models: string[];
  tools: string[];
  agents: string[];
  modelUsage: ModelUsage[];
};

type UsageFacts = Pick<SummarySpan, "inputTokens" | "outputTokens" | "costSource">;
export const carriesUsage = (s: UsageFacts) => s.inputTokens !== null || s.outputTokens !== null || s.costSource === "reported";
export const isCall = (s: { kind: string }) => s.kind === "llm" || s.kind === "embedding";

const PICO_PER_USD = 1e12;
// A reported cost is any finite number a span carries: capped so its picodollars stay finite.
const MAX_SPAN_COST_USD = 1e15;
/** A span's cost in whole picodollars. */
export const toPico = (costUsd: number) => BigInt(Math.round(Math.max(-MAX_SPAN_COST_USD, Math.min(costUsd, MAX_SPAN_COST_USD)) * PICO_PER_USD));
export const picoToUsd = (pico: bigint) => Number(pico) / PICO_PER_USD;
/** The trace's cost: null when no counted call could be priced but some could not, 0 without calls. */
export const traceCostUsd = (pico: bigint, priced: number, unpriced: number) => (priced > 0 ? picoToUsd(pico) : unpriced > 0 ? null : 0);
export const sortedStrings = (values: Iterable<string>) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
// Ties broken by span id: the summary must not depend on the order spans were read or received in.
const byStart = (a: SummarySpan, b: SummarySpan) =>
  a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0;

/** Depth of each span (roots and orphans 0), iteratively and safe against parent cycles. */
function depths(spans: SummarySpan[], byId: Map<string, SummarySpan>): Map<string, number> {
  const depth = new Map<string, number>();
  for (const span of spans) {
    const path: SummarySpan[] = [];
    let current: SummarySpan | undefined = span;
    while (current && !depth.has(current.spanId) && path.length <= spans.length) {
      path.push(current);
      current = current.parentSpanId ? byId.get(current.parentSpanId) : undefined;
    }
    let d = current && depth.has(current.spanId) ? depth.get(current.spanId)! + 1 : 0;
    for (let i = path.length - 1; i >= 0; i--) depth.set(path[i]!.spanId, d++);
  }
  return depth;
}

/** Spans that have a descendant carrying usage (walk up from each usage span, stop at marked ones). */
function withDescendantUsage(spans: SummarySpan[], byId: Map<string, SummarySpan>): Set<string> {
  const marked = new Set<string>();
  for (const span of spans) {
    if (!carriesUsage(span)) continue;
    let parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
    for (let steps = 0; parent && !marked.has(parent.spanId) && steps < spans.length; steps++) {
      marked.add(parent.spanId);
      parent = parent.parentSpanId ? byId.get(parent.parentSpanId) : undefined;
    }
  }
  return marked;
}

/** Summarises one trace; `spans` must be non-empty. */
export function summariseTrace(traceId: string, spans: SummarySpan[]): TraceSummaryRow {
  const ordered = [...spans].sort(byStart);
  const byId = new Map(ordered.map((s) => [s.spanId, s]));
  const depth = depths(ordered, byId);
  const covered = withDescendantUsage(ordered, byId);
  const root = ordered.find((s) => s.parentSpanId === null) ?? ordered[0]!;

  let startNs = ordered[0]!.startNs;
  let endNs = ordered[0]!.endNs;
  let errorCount = 0,
    llmCallCount = 0,
    toolCallCount = 0,
    inputTokens = 0,
    outputTokens = 0;
  let cost = 0n,
    priced = 0,
    unpriced = 0;
  const models = new Set<string>(),
    tools = new Set<string>(),
    agents = new Set<string>();
  const usage = new Map<string, ModelUsage>();
  for (const span of ordered) {
    if (span.startNs < startNs) startNs = span.startNs;
    if (span.endNs > endNs) endNs = span.endNs;
    if (span.status === "error") errorCount++;
    if (span.kind === "tool") toolCallCount++;
    if (span.toolName) tools.add(span.toolName);
    if (span.agentName) agents.add(span.agentName);
    if (!isCall(span)) continue;
    if (span.model) models.add(span.model);
    if (covered.has(span.spanId)) continue;
    llmCallCount++;
    inputTokens += span.inputTokens ?? 0;
    outputTokens += span.outputTokens ?? 0;
    const pico = span.costUsd === null ? 0n : toPico(span.costUsd);
    if (span.costUsd !== null) {
      cost += pico;
      priced++;
    } else unpriced++;
    if (!span.model) continue;
    let entry = usage.get(span.model);
    if (!entry) usage.set(span.model, (entry = { model: span.model, calls: 0, costPico: 0n, inputTokens: 0, outputTokens: 0 }));
    entry.calls++;
    entry.costPico += pico;
    entry.inputTokens += span.inputTokens ?? 0;
    entry.outputTokens += span.outputTokens ?? 0;
  }

  const outermost = (candidates: SummarySpan[]) =>
    candidates.reduce<SummarySpan | undefined>((best, s) => (!best || depth.get(s.spanId)! < depth.get(best.spanId)! ? s : best), undefined);
  const agentSpan = outermost(ordered.filter((s) => s.kind === "agent" && s.agentName)) ?? outermost(ordered.filter((s) => s.agentName));
  const firstOf = (pick: (s: SummarySpan) => string | null) => pick(root) ?? ordered.map(pick).find((v) => v !== null) ?? null;

  return {
    traceId,
    name: root.name,
    serviceName: root.serviceName,
    rootSpanId: root.parentSpanId === null ? root.spanId : null,
    startNs,
    endNs,
    durationMs: Number((endNs - startNs) / 1000n) / 1000,
    status: errorCount > 0 ? "error" : "ok",
    spanCount: ordered.length,
    errorCount,
    llmCallCount,
    toolCallCount,
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens,
    // Nothing could be priced → null ("unpriced"), never 0; a trace without LLM calls costs 0.
    costUsd: traceCostUsd(cost, priced, unpriced),
    hasUnpriced: unpriced > 0,
    sessionId: firstOf((s) => s.sessionId),
    userId: firstOf((s) => s.userId),
    agentName: agentSpan?.agentName ?? null,
    models: sortedStrings(models),
    tools: sortedStrings(tools),
    agents: sortedStrings(agents),
    modelUsage: sortedStrings(models).map((model) => usage.get(model) ?? { model, calls: 0, costPico: 0n, inputTokens: 0, outputTokens: 0 }),
  };
}
