import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphFacets } from "@/lib/analytics/graph/graph-change";
import type { Resolved } from "@/lib/analytics/graph/graph-items";
import type { GraphSpan } from "@/lib/analytics/graph/graph-roles";
import { emptyMapState, type MapMark, type MapState, type MarkedSpan } from "@/lib/analytics/graph/map-state";
import { MapStep } from "@/lib/analytics/graph/map-step";
import { resolveTrace } from "@/lib/analytics/graph/resolve-trace";

const TASK = "task";

/** A trace's stored spans, marks and state, committed to as ingest does (the database's part, in memory). */
class StoredTrace {
  readonly spans = new Map<string, GraphSpan>();
  readonly marks = new Map<string, MapMark>();
  state: MapState | null = null;
  /** Items counted so far (JSON of each resolved item → how many times). */
  readonly counted = new Map<string, number>();
  fallbacks = 0;
  whole = false;

  private marked(span: GraphSpan): MarkedSpan {
    const mark = this.marks.get(span.spanId);
    return { ...span, anchorId: mark?.anchorId ?? null, wrapper: mark?.wrapper ?? false };
  }

  private count(items: readonly Resolved[], by: number): void {
    for (const r of items) {
      const key = JSON.stringify(r);
      const n = (this.counted.get(key) ?? 0) + by;
      if (n === 0) this.counted.delete(key);
      else this.counted.set(key, n);
    }
  }

  private resolveWhole(before: Resolved[]): void {
    this.fallbacks++;
    this.count(before, -1);
    this.count(resolveTrace([...this.spans.values()]), 1);
    this.marks.clear();
    const step = new MapStep(emptyMapState(TASK), TASK, [...this.spans.values()], [], []);
    const result = step.finish([]);
    if (step.cyclic) {
      this.state = null;
      this.whole = true;
      return;
    }
    this.state = result.state;
    for (const m of result.marks) this.marks.set(m.spanId, m);
  }

  commit(batch: readonly GraphSpan[]): void {
    const fresh: GraphSpan[] = [];
    for (const span of batch) if (!this.spans.has(span.spanId) && !fresh.some((f) => f.spanId === span.spanId)) fresh.push(span);
    if (fresh.length === 0) return;
    const before = resolveTrace([...this.spans.values()]);
    const isNew = this.spans.size === 0;
    for (const span of fresh) this.spans.set(span.spanId, span);
    if (this.whole || (!isNew && this.state === null)) return this.resolveWhole(before);
    const freshIds = new Set(fresh.map((s) => s.spanId));
    const ancestors: MarkedSpan[] = [];
    const seen = new Set(freshIds);
    for (let level = fresh.map((s) => s.parentSpanId); level.length > 0;) {
      const next: (string | null)[] = [];
      for (const id of level) {
        if (id === null || seen.has(id)) continue;
        seen.add(id);
        const span = this.spans.get(id);
        if (!span) continue;
        ancestors.push(this.marked(span));
        next.push(span.parentSpanId);
      }
      level = next;
    }
    const waiting = [...this.marks.values()]
      .filter((m) => m.anchorId !== null && freshIds.has(m.anchorId))
      .map((m) => ({ spanId: m.spanId, anchorId: m.anchorId! }));
    const step = new MapStep(this.state ?? emptyMapState(TASK), TASK, fresh, ancestors, waiting);
    const result = step.finish(step.needed().map((id) => this.marked(this.spans.get(id)!)));
    if (step.cyclic) return this.resolveWhole(before);
    this.count(result.before, -1);
    this.count(result.after, 1);
    for (const m of result.marks) this.marks.set(m.spanId, m);
    for (const id of result.unmarked) this.marks.delete(id);
    this.state = result.state;
  }

  /** What a full recomputation counts now. */
  expected(): Map<string, number> {
    const out = new Map<string, number>();
    for (const r of resolveTrace([...this.spans.values()])) out.set(JSON.stringify(r), (out.get(JSON.stringify(r)) ?? 0) + 1);
    return out;
  }
}

function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}

const AGENTS = ["triage", "refunds", "Refund agent", "b"];
const TOOLS = ["lookup", "transfer_to_refunds", "transfer_to_refund_agent", "handoff to b", "transfer_to_", "search"];

/** A random trace: mostly a tree (parents among earlier spans), some missing parents, rarely a cycle. */
function randomTrace(seed: number, cycles: boolean): GraphSpan[] {
  const rng = random(seed);
  const n = 1 + rng.int(30);
  const spans: GraphSpan[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    const parent = i === 0 || r < 0.08 ? null : r < 0.13 ? `missing${rng.int(2)}` : cycles && r < 0.16 ? `s${rng.int(n)}` : `s${rng.int(i)}`;
    const kind = rng.pick(["agent", "agent", "llm", "llm", "embedding", "tool", "tool", "tool", "chain", "approval"] as const);
    const tool = kind === "tool";
    spans.push({
      spanId: `s${i}`,
      parentSpanId: parent,
      name: kind === "agent" ? rng.pick(AGENTS) : rng.pick(TOOLS),
      kind,
      spanKind: tool && rng.next() < 0.3 ? 2 : 1,
      serviceName: rng.pick([null, "orders", ""]),
      toolName: tool ? rng.pick([...TOOLS, null]) : null,
      agentName: rng.next() < 0.4 ? rng.pick(AGENTS) : null,
      model: kind === "llm" || kind === "embedding" ? rng.pick([null, "gpt", "claude"]) : null,
      mcpServer: tool && rng.next() < 0.4 ? rng.pick(["", "orders", "files"]) : null,
      graphHint: rng.next() < 0.1 ? rng.pick(["approval:refund", "handoff:triage", "approval:", "handoff:"]) : null,
      startNs: BigInt(rng.int(6)) * 1_000_000n,
      durationMs: rng.int(100),
      status: rng.next() < 0.2 ? "error" : "ok",
      costUsd: rng.next() < 0.5 ? null : rng.int(100) / 100,
    });
  }
  return spans;
}

/** The spans cut into batches in a random order, some re-sent and some repeated within a batch. */
function randomBatches(seed: number, spans: readonly GraphSpan[]): GraphSpan[][] {
  const rng = random(seed ^ 0x5bd1e995);
  const order = [...spans];
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const batches: GraphSpan[][] = [];
  for (let i = 0; i < order.length;) {
    const size = 1 + rng.int(6);
    const batch = order.slice(i, i + size);
    i += size;
    if (rng.next() < 0.3) batch.push(rng.pick(order.slice(0, i))); // re-sent or repeated
    batches.push(batch);
  }
  return batches;
}

function check(seed: number, cycles: boolean) {
  const spans = randomTrace(seed, cycles);
  const trace = new StoredTrace();
  for (const batch of randomBatches(seed, spans)) {
    trace.commit(batch);
    expect(trace.counted).toEqual(trace.expected());
    if (trace.state) {
      const facets = graphFacets(resolveTrace([...trace.spans.values()])).map(([f, v]) => `${f}\u0000${v}`);
      expect(Object.keys(trace.state.facets).sort()).toEqual(facets.sort());
    }
  }
  return trace;
}

describe("MapStep", () => {
  it("counts exactly what resolving the whole trace counts, for any arrival order, batch split and re-sent spans", () => {
    let fallbacks = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        fallbacks += check(seed, false).fallbacks;
      }),
      { numRuns: 1500 },
    );
    expect(fallbacks).toBe(0); // trees never need the whole trace
  }, 60_000);

  it("falls back to the whole trace on parent cycles and stays exact", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        check(seed, true);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it("re-credits the items under a late root agent and a late hand-off caller", () => {
    const base = {
      spanKind: 1,
      serviceName: null,
      toolName: null,
      agentName: null,
      model: null,
      mcpServer: null,
      graphHint: null,
      durationMs: 1,
      status: "ok",
      costUsd: null,
    };
    const root: GraphSpan = { ...base, spanId: "root", parentSpanId: null, name: "triage", kind: "agent", startNs: 0n };
    const call: GraphSpan = { ...base, spanId: "call", parentSpanId: "root", name: "lookup", kind: "tool", toolName: "lookup", startNs: 1n };
    const trace = new StoredTrace();
    trace.commit([call]);
    expect([...trace.counted.keys()].map((k) => (JSON.parse(k) as Resolved).source)).toEqual([null]);
    trace.commit([root]);
    expect(trace.counted).toEqual(trace.expected());
    expect([...trace.counted.keys()].map((k) => (JSON.parse(k) as Resolved).source).sort()).toEqual([null, "triage"]);
    expect(trace.marks.size).toBe(0);
  });
});
