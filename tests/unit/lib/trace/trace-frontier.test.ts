// Incremental summaries (trace-state.ts + trace-frontier.ts) against the full computation
// (summariseTrace): after every commit of any arrival order, in any batches, with re-sent spans, late
// parents, wrappers whose children carry usage, orphans and parent cycles, the maintained summary is
// exactly the summary of all spans stored so far. The store here keeps what the database keeps
// (spans, covered span ids, frontier entries) and loads for each commit only what the data layer
// loads (lib/data/ingest/trace-graph.ts): the new spans' stored ancestors and the entries waiting for them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summariseTrace, type SummarySpan } from "@/lib/trace/summarise";
import { addToFrontier, type FrontierEntry, type GraphNode } from "@/lib/trace/trace-frontier";
import { outranks, summaryOf, type TraceState } from "@/lib/trace/trace-state";
import { arbitraryTrace, arrivals } from "./trace-arbitraries";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const keyOf = (e: { parentSpanId: string; spanId: string }) => `${e.parentSpanId}\u0000${e.spanId}`;

/** What the database holds for one trace, and a commit that reads only what ingest reads. */
class MemoryTrace {
  readonly spans = new Map<string, SummarySpan>();
  readonly covered = new Set<string>();
  readonly entries = new Map<string, FrontierEntry>();
  state: TraceState | null = null;
  /** Stored spans read by the last commit (ancestors of its new spans). */
  lastRead = 0;

  commit(batch: readonly SummarySpan[]): void {
    const fresh: SummarySpan[] = [];
    for (const span of batch) {
      if (this.spans.has(span.spanId)) continue; // re-sent: the first copy stays
      this.spans.set(span.spanId, span);
      fresh.push(span);
    }
    if (fresh.length === 0 || this.state?.cyclic) return;
    const freshIds = new Set(fresh.map((s) => s.spanId));
    const entries = [...this.entries.values()].filter((e) => freshIds.has(e.parentSpanId));
    const nodes: GraphNode[] = [];
    const seen = new Set<string>();
    let level = fresh.map((s) => s.parentSpanId).filter((p): p is string => p !== null && !freshIds.has(p));
    while (level.length) {
      const next: string[] = [];
      for (const id of level) {
        const span = this.spans.get(id);
        if (seen.has(id) || !span) continue;
        seen.add(id);
        nodes.push({ ...span, covered: this.covered.has(id) });
        const entry = this.entries.get(keyOf({ parentSpanId: span.parentSpanId ?? "", spanId: id }));
        if (entry) entries.push(entry);
        if (span.parentSpanId !== null && !freshIds.has(span.parentSpanId)) next.push(span.parentSpanId);
      }
      level = next;
    }
    this.lastRead = nodes.length;
    const { state, changes, cyclic } = addToFrontier(this.state, fresh, { nodes, entries: entries.map((e) => structuredClone(e)) });
    this.state = state;
    if (cyclic) return;
    for (const [key, entry] of this.entries) if (freshIds.has(entry.parentSpanId)) this.entries.delete(key);
    for (const entry of changes.upserts) this.entries.set(keyOf(entry), structuredClone(entry));
    for (const id of changes.covered) this.covered.add(id);
    if (changes.agentLost) {
      state.agent = null;
      for (const e of this.entries.values())
        if (e.agent && outranks(e.agent, state.agent)) state.agent = { ...e.agent, top: { parentSpanId: e.parentSpanId, spanId: e.spanId } };
    }
  }

  summary() {
    return this.state!.cyclic ? summariseTrace(TRACE, [...this.spans.values()]) : summaryOf(TRACE, this.state!);
  }
}

describe("incremental trace summaries", () => {
  it("equal the full computation after every commit, whatever the arrival order and batching", () => {
    fc.assert(
      fc.property(arbitraryTrace(TRACE), fc.infiniteStream(fc.nat()), (spans, randomness) => {
        const store = new MemoryTrace();
        for (const batch of arrivals(spans, randomness)) {
          store.commit(batch);
          if (store.state) expect(store.summary()).toEqual(summariseTrace(TRACE, [...store.spans.values()]));
        }
      }),
      { numRuns: 3000 },
    );
  }, 120_000);

  it("un-count a wrapper when a child with usage arrives after it", () => {
    const store = new MemoryTrace();
    const [wrapper, child] = [llmSpan("w", null, 0, 100), llmSpan("c", "w", 1, 100)];
    store.commit([wrapper]);
    expect(store.summary()).toMatchObject({ llmCallCount: 1, inputTokens: 100 });
    store.commit([child]);
    expect(store.summary()).toMatchObject({ llmCallCount: 1, inputTokens: 100 });
    expect(store.covered).toEqual(new Set(["w"]));
  });

  it("read only the new spans' ancestors: a commit to a long flat trace reads one stored span", () => {
    const store = new MemoryTrace();
    store.commit([llmSpan("root", null, 0, 0, "agent")]);
    for (let i = 0; i < 200; i++) store.commit([llmSpan(`c${i}`, "root", i + 1, 10)]);
    expect(store.lastRead).toBe(1);
    expect(store.summary()).toMatchObject({ spanCount: 201, llmCallCount: 200, inputTokens: 2000, agentName: "root" });
  });

  it("fall back to the full computation once parent links form a cycle", () => {
    const store = new MemoryTrace();
    store.commit([llmSpan("a", "b", 0, 10, "agent")]);
    store.commit([llmSpan("b", "a", 1, 10, "agent")]);
    expect(store.state!.cyclic).toBe(true);
  });
});

function llmSpan(spanId: string, parentSpanId: string | null, startMs: number, inputTokens: number, kind: "llm" | "agent" = "llm"): SummarySpan {
  const startNs = 1_700_000_000_000_000_000n + BigInt(startMs) * 1_000_000n;
  return {
    spanId,
    parentSpanId,
    name: spanId,
    kind,
    serviceName: null,
    startNs,
    endNs: startNs + 5_000_000n,
    status: "ok",
    model: kind === "llm" ? "gpt-4o" : null,
    inputTokens: kind === "llm" ? inputTokens : null,
    outputTokens: null,
    costUsd: kind === "llm" ? inputTokens * 2.5e-6 : null,
    costSource: kind === "llm" ? "computed" : null,
    toolName: null,
    agentName: kind === "agent" ? spanId : null,
    sessionId: null,
    userId: null,
  };
}
