// The running state of a trace's summary: everything summariseTrace (summarise.ts) derives from all of
// a trace's spans, kept so that it can be brought up to date from new spans alone. Sums and counts add
// up; the root, the first session and user, and the outermost agent are "best so far" candidates
// compared by the same keys summariseTrace orders by. Which calls count (no descendant carrying usage)
// and how deep an agent span sits need the tree: trace-frontier.ts keeps that part. Pure.
import { isCall, sortedStrings, toPico, traceCostUsd, type ModelUsage, type SummarySpan, type TraceSummaryRow } from "./summarise";

/** The earliest span (start, then span id) carrying a value. */
export type FirstValue = { startNs: bigint; spanId: string; value: string };

/** The span the trace is named after: the earliest root, or the earliest span while no root arrived. */
export type RootCandidate = Pick<SummarySpan, "spanId" | "startNs" | "name" | "serviceName" | "sessionId" | "userId"> & { parentless: boolean };

/**
 * A span that could name the trace's agent, ranked as summariseTrace ranks them: agent spans before
 * other spans with an agent name (category 0 before 1), then the outermost (depth), then the earliest.
 */
export type AgentCandidate = { category: 0 | 1; depth: number; startNs: bigint; spanId: string; name: string };

/** Where a frontier entry sits: its span and the (absent) parent it waits for, "" for a root. */
export type FrontierKey = { parentSpanId: string; spanId: string };

export type TraceState = {
  spanCount: number;
  errorCount: number;
  toolCallCount: number;
  /** Counted calls (llm/embedding spans without a descendant carrying usage), priced or not. */
  llmCallCount: number;
  unpricedCount: number;
  inputTokens: number;
  outputTokens: number;
  costPico: bigint;
  startNs: bigint;
  endNs: bigint;
  root: RootCandidate;
  firstSession: FirstValue | null;
  firstUser: FirstValue | null;
  tools: string[];
  agents: string[];
  /** Every model of the trace's calls (counted or not), with the counted calls' usage; sorted. */
  models: ModelUsage[];
  /** The trace's agent and the frontier entry holding it. */
  agent: (AgentCandidate & { top: FrontierKey }) | null;
  /** The spans' parent links form a cycle: the summary is then recomputed from all spans (summariseTrace). */
  cyclic: boolean;
};

/** (start, span id) order, the order summariseTrace reads spans in. */
export const earlier = (a: { startNs: bigint; spanId: string }, b: { startNs: bigint; spanId: string }) =>
  a.startNs < b.startNs || (a.startNs === b.startNs && a.spanId < b.spanId);

/** Whether candidate `a` names the trace's agent rather than `b`. */
export function outranks(a: AgentCandidate, b: AgentCandidate | null): boolean {
  if (b === null) return true;
  if (a.category !== b.category) return a.category < b.category;
  if (a.depth !== b.depth) return a.depth < b.depth;
  return earlier(a, b);
}

export const agentCandidate = (span: Pick<SummarySpan, "kind" | "agentName" | "startNs" | "spanId">): AgentCandidate | null =>
  span.agentName === null ? null : { category: span.kind === "agent" ? 0 : 1, depth: 0, startNs: span.startNs, spanId: span.spanId, name: span.agentName };

const rootOf = (span: SummarySpan): RootCandidate => ({
  spanId: span.spanId,
  startNs: span.startNs,
  name: span.name,
  serviceName: span.serviceName,
  sessionId: span.sessionId,
  userId: span.userId,
  parentless: span.parentSpanId === null,
});

/** A parentless span beats any span with a parent; among equals the earliest wins. */
function betterRoot(span: SummarySpan, root: RootCandidate): boolean {
  const parentless = span.parentSpanId === null;
  return parentless !== root.parentless ? parentless : earlier(span, root);
}

function firstValue(current: FirstValue | null, span: SummarySpan, value: string | null): FirstValue | null {
  if (value === null || (current !== null && !earlier(span, current))) return current;
  return { startNs: span.startNs, spanId: span.spanId, value };
}

function withValue(sorted: string[], value: string | null): string[] {
  if (value === null || sorted.includes(value)) return sorted;
  return sortedStrings([...sorted, value]);
}

function modelEntry(state: TraceState, model: string): ModelUsage {
  let entry = state.models.find((m) => m.model === model);
  if (!entry) {
    entry = { model, calls: 0, costPico: 0n, inputTokens: 0, outputTokens: 0 };
    state.models = [...state.models, entry].sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
  }
  return entry;
}

type CallFacts = Pick<SummarySpan, "model" | "inputTokens" | "outputTokens" | "costUsd">;

/** Adds (1) or takes out (−1) one counted call. */
export function countCall(state: TraceState, call: CallFacts, sign: 1 | -1): void {
  const pico = call.costUsd === null ? 0n : toPico(call.costUsd);
  state.llmCallCount += sign;
  if (call.costUsd === null) state.unpricedCount += sign;
  state.inputTokens += sign * (call.inputTokens ?? 0);
  state.outputTokens += sign * (call.outputTokens ?? 0);
  state.costPico += sign > 0 ? pico : -pico;
  if (call.model === null) return;
  const entry = modelEntry(state, call.model);
  entry.calls += sign;
  entry.costPico += sign > 0 ? pico : -pico;
  entry.inputTokens += sign * (call.inputTokens ?? 0);
  entry.outputTokens += sign * (call.outputTokens ?? 0);
}

/** The state of a trace of one span, before counting it as a call (the frontier decides that). */
function stateOf(span: SummarySpan): TraceState {
  return {
    spanCount: 0,
    errorCount: 0,
    toolCallCount: 0,
    llmCallCount: 0,
    unpricedCount: 0,
    inputTokens: 0,
    outputTokens: 0,
    costPico: 0n,
    startNs: span.startNs,
    endNs: span.endNs,
    root: rootOf(span),
    firstSession: null,
    firstUser: null,
    tools: [],
    agents: [],
    models: [],
    agent: null,
    cyclic: false,
  };
}

/** Adds a span's own figures (everything but whether it counts as a call); mutates and returns the state. */
export function addSpan(current: TraceState | null, span: SummarySpan): TraceState {
  const state = current ?? stateOf(span);
  state.spanCount++;
  if (span.status === "error") state.errorCount++;
  if (span.kind === "tool") state.toolCallCount++;
  if (span.startNs < state.startNs) state.startNs = span.startNs;
  if (span.endNs > state.endNs) state.endNs = span.endNs;
  if (betterRoot(span, state.root)) state.root = rootOf(span);
  state.firstSession = firstValue(state.firstSession, span, span.sessionId);
  state.firstUser = firstValue(state.firstUser, span, span.userId);
  state.tools = withValue(state.tools, span.toolName);
  state.agents = withValue(state.agents, span.agentName);
  if (isCall(span) && span.model !== null) modelEntry(state, span.model);
  return state;
}

/** The summary row of a (non-cyclic) trace's state: the same as summariseTrace over all its spans. */
export function summaryOf(traceId: string, state: TraceState): TraceSummaryRow {
  const { root } = state;
  return {
    traceId,
    name: root.name,
    serviceName: root.serviceName,
    rootSpanId: root.parentless ? root.spanId : null,
    startNs: state.startNs,
    endNs: state.endNs,
    durationMs: Number((state.endNs - state.startNs) / 1000n) / 1000,
    status: state.errorCount > 0 ? "error" : "ok",
    spanCount: state.spanCount,
    errorCount: state.errorCount,
    llmCallCount: state.llmCallCount,
    toolCallCount: state.toolCallCount,
    inputTokens: state.inputTokens,
    outputTokens: state.outputTokens,
    totalTokens: state.inputTokens + state.outputTokens,
    costUsd: traceCostUsd(state.costPico, state.llmCallCount - state.unpricedCount, state.unpricedCount),
    hasUnpriced: state.unpricedCount > 0,
    sessionId: root.sessionId ?? state.firstSession?.value ?? null,
    userId: root.userId ?? state.firstUser?.value ?? null,
    agentName: state.agent?.name ?? null,
    models: state.models.map((m) => m.model),
    tools: state.tools,
    agents: state.agents,
    modelUsage: state.models.map((m) => ({ ...m })),
  };
}
