// The tree-shaped part of an incremental trace summary: which calls count (an llm/embedding span counts
// only while no descendant carries usage) and which agent span is the outermost. Both change when a
// span arrives after spans below it (a late parent: the usual case, since spans are exported as they
// end), so each new span is placed with what is kept between commits instead of all the trace's spans:
//
// - covered: the spans that have a descendant carrying usage. Coverage only ever grows: a new span
//   carrying usage (or covered) marks its ancestors up to the first one already covered, and each call
//   it marks stops counting.
// - the frontier: an entry for each stored span whose parent has not arrived (and for roots) that
//   matters when it does: it carries usage or is covered, or its subtree holds agent names (then the
//   entry holds the best agent candidate of the subtree, depths counted from the entry's span). A span
//   arriving adopts the entries waiting for it; entries of spans deeper in the tree are not needed.
//
// Every step reads the new span's own ancestors and the entries waiting for it, never the rest of the
// trace. A parent cycle (malformed input) makes depths ill-defined; it is reported (`cyclic`) and the
// caller falls back to summariseTrace over all spans. Pure: the caller loads what it names and stores
// what it returns.
import { carriesUsage, isCall, type SummarySpan } from "./summarise";
import { addSpan, agentCandidate, countCall, outranks, type AgentCandidate, type FrontierKey, type TraceState } from "./trace-state";

/** A stored span as the frontier needs it. */
export type GraphNode = Pick<SummarySpan, "spanId" | "parentSpanId" | "kind" | "model" | "inputTokens" | "outputTokens" | "costUsd" | "costSource"> & {
  covered: boolean;
};

export type FrontierEntry = FrontierKey & { usage: boolean; agent: AgentCandidate | null };

/** What the caller loaded: the stored ancestors of the new spans, and the entries of those and of the spans waiting for them. */
export type StoredGraph = { nodes: readonly GraphNode[]; entries: readonly FrontierEntry[] };

export type FrontierChanges = {
  /** Spans covered from now on (stored ones newly covered, and new ones). */
  covered: string[];
  /**
   * Entries to write (new, or changed). The stored entries waiting for a new span are adopted: the
   * caller deletes them (every stored entry whose parent is one of the new spans), then writes these.
   */
  upserts: FrontierEntry[];
  /** The trace's agent was in an adopted entry: the best of all entries must be read again after writing. */
  agentLost: boolean;
};

const keyOf = (k: FrontierKey) => `${k.parentSpanId}\u0000${k.spanId}`;
const deeper = (c: AgentCandidate, by: number): AgentCandidate => ({ ...c, depth: c.depth + by });

type Node = GraphNode;

class Frontier {
  readonly nodes = new Map<string, Node>();
  readonly entries = new Map<string, FrontierEntry>();
  readonly waiting = new Map<string, Set<string>>();
  readonly changed = new Set<string>();
  readonly covered = new Set<string>();
  agentLost = false;
  cyclic = false;

  constructor(
    private state: TraceState | null,
    stored: StoredGraph,
  ) {
    for (const node of stored.nodes) this.nodes.set(node.spanId, { ...node });
    for (const entry of stored.entries) this.put({ ...entry });
  }

  private put(entry: FrontierEntry): void {
    const key = keyOf(entry);
    this.entries.set(key, entry);
    let keys = this.waiting.get(entry.parentSpanId);
    if (!keys) this.waiting.set(entry.parentSpanId, (keys = new Set()));
    keys.add(key);
  }

  private entryFor(node: Node): FrontierEntry {
    const key = keyOf({ parentSpanId: node.parentSpanId ?? "", spanId: node.spanId });
    let entry = this.entries.get(key);
    if (!entry) this.put((entry = { parentSpanId: node.parentSpanId ?? "", spanId: node.spanId, usage: false, agent: null }));
    this.changed.add(key);
    return entry;
  }

  /** Removes and returns the entries waiting for `spanId`. */
  private adopt(spanId: string): FrontierEntry[] {
    const keys = this.waiting.get(spanId);
    if (!keys) return [];
    this.waiting.delete(spanId);
    const adopted: FrontierEntry[] = [];
    for (const key of keys) {
      adopted.push(this.entries.get(key)!);
      this.entries.delete(key);
      this.changed.delete(key);
      if (this.state?.agent && keyOf(this.state.agent.top) === key) this.agentLost = true;
    }
    return adopted;
  }

  private parentOf(node: Node): Node | undefined {
    return node.parentSpanId === null ? undefined : this.nodes.get(node.parentSpanId);
  }

  /** Marks `from` and its ancestors covered up to the first covered one; calls among them stop counting. */
  private coverUpwards(from: Node | undefined): void {
    for (let node = from; node && !node.covered; node = this.parentOf(node)) {
      node.covered = true;
      this.covered.add(node.spanId);
      if (isCall(node)) countCall(this.state!, node, -1);
      if (!this.parentOf(node) && node.parentSpanId !== null) this.entryFor(node).usage = true;
    }
  }

  /** The topmost ancestor of `node` (itself included) and how many steps up it is, or null on a cycle through `start`. */
  private topOf(node: Node, start: string): { top: Node; steps: number } | null {
    const seen = new Set([start]);
    let steps = 0;
    for (let current = node; ; steps++) {
      if (seen.has(current.spanId)) return null;
      seen.add(current.spanId);
      const parent = this.parentOf(current);
      if (!parent) return { top: current, steps };
      current = parent;
    }
  }

  add(span: SummarySpan): void {
    this.state = addSpan(this.state, span);
    const node: Node = { ...span, covered: false };
    this.nodes.set(span.spanId, node);
    const adopted = this.adopt(span.spanId);
    node.covered = adopted.some((e) => e.usage);
    if (node.covered) this.covered.add(span.spanId);
    else if (isCall(span)) countCall(this.state, span, 1);
    const relevant = node.covered || carriesUsage(span);
    const parent = this.parentOf(node);

    let best = agentCandidate(span);
    for (const entry of adopted) if (entry.agent && outranks(deeper(entry.agent, 1), best)) best = deeper(entry.agent, 1);

    if (parent) {
      if (relevant) this.coverUpwards(parent);
      if (!best) return;
      const found = this.topOf(parent, span.spanId);
      if (!found) {
        this.cyclic = true;
        return;
      }
      const entry = this.entryFor(found.top);
      entry.usage ||= found.top.covered || carriesUsage(found.top);
      const candidate = deeper(best, found.steps + 1);
      if (outranks(candidate, entry.agent)) entry.agent = candidate;
    } else if (best || (relevant && span.parentSpanId !== null)) {
      const entry = this.entryFor(node);
      entry.usage = relevant;
      entry.agent = best;
    }
  }

  finish(): { state: TraceState; changes: FrontierChanges; cyclic: boolean } {
    const state = this.state!;
    const upserts = [...this.changed].map((key) => this.entries.get(key)!).filter((e) => e.usage || e.agent);
    let agent = this.agentLost ? null : state.agent;
    for (const entry of upserts)
      if (entry.agent && outranks(entry.agent, agent)) agent = { ...entry.agent, top: { parentSpanId: entry.parentSpanId, spanId: entry.spanId } };
    state.agent = agent;
    state.cyclic ||= this.cyclic;
    return { state, changes: { covered: [...this.covered], upserts, agentLost: this.agentLost }, cyclic: state.cyclic };
  }
}

/**
 * Brings `state` (null for a trace without spans so far) up to date with `fresh`: the trace's new
 * spans, each once and none stored before. Mutates `state`.
 */
export function addToFrontier(
  state: TraceState | null,
  fresh: readonly SummarySpan[],
  stored: StoredGraph = { nodes: [], entries: [] },
): { state: TraceState; changes: FrontierChanges; cyclic: boolean } {
  if (fresh.length === 0 && state === null) throw new Error("a trace needs at least one span");
  const frontier = new Frontier(state, stored);
  for (const span of fresh) frontier.add(span);
  return frontier.finish();
}
