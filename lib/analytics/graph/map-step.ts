// One commit's change to a trace's pipeline map, from its new spans and a small kept state instead of all
// its spans. An item's resolution (resolve-trace.ts) reads, beyond its own span, only:
// - the nearest agent above it: final once the walk up reaches an agent or a root; while it stops at a
//   missing span, the span is marked with that anchor and re-resolved when the anchor arrives;
// - whether a model call is below it (wrappers): a new model call marks its ancestors; a missing span
//   with a model call hanging below it is kept (`modelBelow`) for when it arrives;
// - its parent, for an MCP server-side span (dropped under an MCP client) and the first server-side
//   child, for an MCP client with no server name (`servers`);
// - for an agent with nothing above it, the caller of the earliest hand-off tool to it (`handoffs`,
//   `handoffAgents`).
// So a commit reads its new spans' stored ancestors, the spans anchored at its new spans and, when a
// hand-off's caller changes, the agents it credits. Stored spans never change (a re-sent span is not
// new), so the result equals resolving the trace whole. A parent cycle is reported: the caller then
// resolves the trace whole. Pure.
import type { Resolved } from "./graph-items";
import { forEachItemFacet } from "./graph-change";
import { agentNameOf, handoffTarget, isAgentSpan, isMcpClientSpan, roleOf, type GraphSpan, type SpanRole } from "./graph-roles";
import type { MapMark, MapState, MarkedSpan } from "./map-state";
import { handoffKey, isModelCall, itemOf } from "./resolve-trace";

type Above = { agent: string | null; anchor: string | null };
const NONE: Above = { agent: null, anchor: null };
type Side = "before" | "after";

export type MapStepResult = {
  /** Items of the changed spans as counted before (out of the rollups) and now (in). */
  before: Resolved[];
  after: Resolved[];
  marks: MapMark[];
  /** Spans whose marks go (no anchor, no wrapper any more). */
  unmarked: string[];
  facetsAdded: [string, string][];
  facetsRemoved: [string, string][];
  state: MapState;
};

const handoffOf = (span: GraphSpan) => (span.kind === "tool" && span.mcpServer === null ? handoffTarget(span.toolName ?? span.name) : null);

function handedBy(state: MapState, key: string): string | undefined {
  let best: MapState["handoffs"][number] | undefined;
  for (const h of state.handoffs) {
    if (h.key !== key || h.caller === null) continue;
    const [a, b] = [BigInt(h.startNs), best ? BigInt(best.startNs) : 0n];
    if (!best || a < b || (a === b && h.seq < best.seq)) best = h;
  }
  return best?.caller ?? undefined;
}

const facetKey = (facet: string, value: string) => `${facet}\u0000${value}`;

export class MapStep {
  cyclic = false;
  private readonly view = new Map<string, GraphSpan>();
  private readonly marks = new Map<string, MapMark>();
  private readonly freshIds: Set<string>;
  private readonly old: MapState;
  private readonly state: MapState;
  private readonly wrapped = new Set<string>();
  private readonly modelBelow: Set<string>;
  private readonly waiting: { spanId: string; anchorId: string }[];
  private readonly changedKeys = new Set<string>();
  /** Walks and roles already computed this step: the view does not change once built, and each span is asked several times. */
  private readonly walks = new Map<string, Above>();
  private readonly roles = new Map<string, SpanRole>();

  constructor(
    state: MapState,
    task: string,
    private readonly fresh: readonly GraphSpan[],
    ancestors: readonly MarkedSpan[],
    waiting: readonly { spanId: string; anchorId: string }[],
  ) {
    this.old = state;
    this.state = { ...state, task, facets: { ...state.facets }, servers: { ...state.servers }, handoffs: state.handoffs.map((h) => ({ ...h })) };
    this.freshIds = new Set(fresh.map((s) => s.spanId));
    for (const span of fresh) this.view.set(span.spanId, span);
    for (const span of ancestors) {
      this.view.set(span.spanId, span);
      this.marks.set(span.spanId, { spanId: span.spanId, anchorId: span.anchorId, wrapper: span.wrapper });
    }
    this.waiting = waiting.filter((w) => !this.freshIds.has(w.spanId));
    this.modelBelow = new Set(state.modelBelow);
    this.markWrappers();
    this.nameServers();
    this.moveHandoffs();
  }

  /** The nearest agent above `from` among the new and loaded spans, or the missing span the walk stops at. */
  private walk(from: string | null): Above {
    if (from === null) return NONE;
    const known = this.walks.get(from);
    if (known) return known;
    // Every span the walk passes has the same answer: remember it for each.
    const path = new Set<string>();
    let above = NONE;
    for (let at: string | null = from; at !== null;) {
      const cached = this.walks.get(at);
      if (cached) {
        above = cached;
        break;
      }
      if (path.has(at)) {
        this.cyclic = true;
        break;
      }
      path.add(at);
      const span = this.view.get(at);
      if (!span) {
        above = { agent: null, anchor: at };
        break;
      }
      if (isAgentSpan(span)) {
        above = { agent: agentNameOf(span), anchor: null };
        break;
      }
      at = span.parentSpanId;
    }
    for (const at of path) this.walks.set(at, above);
    return above;
  }

  private role(span: GraphSpan): SpanRole {
    let role = this.roles.get(span.spanId);
    if (role === undefined) {
      role = roleOf(span);
      this.roles.set(span.spanId, role);
    }
    return role;
  }

  /** Where a walk that stopped at `anchor` (now arrived) goes on. */
  private resolveFrom(anchor: string): Above {
    const span = this.view.get(anchor)!;
    return isAgentSpan(span) ? { agent: agentNameOf(span), anchor: null } : this.walk(span.parentSpanId);
  }

  private markWrappers(): void {
    // Which walk passed each span: a later walk stops where an earlier one went (that one marked
    // everything above already); meeting its own mark again is a parent cycle.
    const passedBy = new Map<string, number>();
    let walks = 0;
    const up = (from: string | null) => {
      const walk = ++walks;
      for (let at = from; at !== null;) {
        const passed = passedBy.get(at);
        if (passed === walk) {
          this.cyclic = true;
          return;
        }
        if (passed !== undefined) return;
        passedBy.set(at, walk);
        const span = this.view.get(at);
        if (!span) {
          this.modelBelow.add(at);
          return;
        }
        if (isModelCall(span)) this.wrapped.add(at);
        at = span.parentSpanId;
      }
    };
    for (const span of this.fresh) {
      if (isModelCall(span)) up(span.parentSpanId);
      if (this.modelBelow.has(span.spanId)) {
        if (isModelCall(span)) this.wrapped.add(span.spanId);
        up(span.parentSpanId);
      }
    }
    for (const id of this.freshIds) this.modelBelow.delete(id);
    this.state.modelBelow = [...this.modelBelow];
  }

  private nameServers(): void {
    const { servers } = this.state;
    for (const span of this.fresh) {
      const role = this.role(span);
      if (role?.role === "mcp_server" && role.server && span.parentSpanId !== null && servers[span.parentSpanId] === undefined)
        servers[span.parentSpanId] = role.server;
    }
    // Kept only while it may still name a client: for a missing parent, or a client without a server name.
    for (const id of Object.keys(servers)) {
      const span = this.view.get(id);
      if (span && !(isMcpClientSpan(span) && !span.mcpServer)) delete servers[id];
    }
  }

  private moveHandoffs(): void {
    const touched = new Set<string>();
    const byId = new Map(this.state.handoffs.map((h) => [h.spanId, h]));
    for (const { spanId, anchorId } of this.waiting) {
      const tool = byId.get(spanId);
      if (!tool || tool.caller !== null) continue;
      const above = this.resolveFrom(anchorId);
      touched.add(tool.key);
      tool.caller = above.agent;
    }
    for (const span of this.fresh) {
      const target = handoffOf(span);
      if (target === null) continue;
      const above = this.walk(span.parentSpanId);
      const tool = { spanId: span.spanId, key: handoffKey(target), startNs: span.startNs.toString(), seq: this.state.seq++, caller: above.agent };
      if (above.agent !== null || above.anchor !== null) this.state.handoffs.push(tool);
      touched.add(tool.key);
    }
    // A tool whose walk ended at a root never credits anyone.
    this.state.handoffs = this.state.handoffs.filter((h) => h.caller !== null || this.pendingTool(h.spanId));
    for (const key of touched) if (handedBy(this.old, key) !== handedBy(this.state, key)) this.changedKeys.add(key);
  }

  private pendingTool(spanId: string): boolean {
    const waiting = this.waiting.find((w) => w.spanId === spanId);
    if (waiting) return this.resolveFrom(waiting.anchorId).anchor !== null;
    const span = this.view.get(spanId);
    return span ? this.aboveOf(span, "after").anchor !== null : true;
  }

  /** Stored spans to load by id: those anchored at a new span and agents whose hand-off caller changed. */
  needed(): string[] {
    const ids = new Set(this.waiting.map((w) => w.spanId));
    for (const a of this.old.handoffAgents) if (this.changedKeys.has(a.key)) ids.add(a.spanId);
    return [...ids].filter((id) => !this.view.has(id));
  }

  private aboveOf(span: GraphSpan, side: Side): Above {
    const mark = this.marks.get(span.spanId);
    if (side === "before" && mark?.anchorId) return { agent: null, anchor: mark.anchorId };
    if (this.view.has(span.spanId)) return this.walk(span.parentSpanId);
    if (mark?.anchorId) return this.freshIds.has(mark.anchorId) ? this.resolveFrom(mark.anchorId) : { agent: null, anchor: mark.anchorId };
    return NONE; // a hand-off agent loaded by id without an anchor: its walk ended at a root
  }

  private resolve(span: GraphSpan, side: Side): Resolved | null {
    const role = this.role(span);
    if (role === null) return null;
    const above = () => this.aboveOf(span, side).agent;
    switch (role.role) {
      case "agent": {
        const item = itemOf(span, { type: "agent", name: role.name });
        const agent = role.handoffFrom ?? above();
        const handed = agent === null ? handedBy(side === "before" ? this.old : this.state, handoffKey(role.name)) : undefined;
        return { item, source: agent ?? (handed !== undefined && handed !== role.name ? handed : null) };
      }
      case "call": {
        const wrapper = (this.marks.get(span.spanId)?.wrapper ?? false) || (side === "after" && this.wrapped.has(span.spanId));
        return wrapper ? null : { item: itemOf(span, role.target), source: above() };
      }
      case "mcp_client": {
        const servers = side === "before" ? this.old.servers : this.state.servers;
        const server = role.server || servers[span.spanId] || "(unnamed MCP server)";
        return { item: itemOf(span, { type: "mcp_server", name: server }, role.tool), source: above() };
      }
      case "mcp_server": {
        const parent = span.parentSpanId === null ? undefined : this.view.get(span.parentSpanId);
        if (parent && isMcpClientSpan(parent) && !(side === "before" && this.freshIds.has(parent.spanId))) return null;
        return { item: itemOf(span, { type: "mcp_server", name: role.server || "(unnamed MCP server)" }, role.tool), source: above() };
      }
    }
  }

  /** The span's marks after this commit: an anchor while its credit (or hand-off caller) waits for a missing span. */
  private markOf(span: GraphSpan, resolved: Resolved | null): MapMark {
    const wrapper = (this.marks.get(span.spanId)?.wrapper ?? false) || this.wrapped.has(span.spanId);
    const role = this.role(span);
    const waits = (resolved !== null && !(role?.role === "agent" && role.handoffFrom !== null)) || handoffOf(span) !== null;
    return { spanId: span.spanId, anchorId: waits ? this.aboveOf(span, "after").anchor : null, wrapper };
  }

  finish(loaded: readonly MarkedSpan[]): MapStepResult {
    const stored = new Map<string, GraphSpan>();
    for (const span of loaded) {
      stored.set(span.spanId, span);
      this.marks.set(span.spanId, { spanId: span.spanId, anchorId: span.anchorId, wrapper: span.wrapper });
    }
    for (const span of this.view.values()) if (!this.freshIds.has(span.spanId)) stored.set(span.spanId, span);
    const out: MapStepResult = { before: [], after: [], marks: [], unmarked: [], facetsAdded: [], facetsRemoved: [], state: this.state };
    const agents = new Map(this.state.handoffAgents.map((a) => [a.spanId, a]));
    const visit = (span: GraphSpan, isNew: boolean) => {
      const before = isNew ? null : this.resolve(span, "before");
      const after = this.resolve(span, "after");
      if (isNew || JSON.stringify(before) !== JSON.stringify(after)) {
        if (before) out.before.push(before);
        if (after) out.after.push(after);
      }
      const mark = this.markOf(span, after);
      const had = this.marks.get(span.spanId);
      if (mark.anchorId !== null || mark.wrapper) {
        if (had?.anchorId !== mark.anchorId || had.wrapper !== mark.wrapper) out.marks.push(mark);
      } else if (had && (had.anchorId !== null || had.wrapper)) out.unmarked.push(span.spanId);
      const role = this.role(span);
      if (role?.role === "agent" && role.handoffFrom === null) {
        if (this.aboveOf(span, "after").agent === null) agents.set(span.spanId, { spanId: span.spanId, key: handoffKey(role.name) });
        else agents.delete(span.spanId);
      }
    };
    for (const span of stored.values()) visit(span, false);
    for (const span of this.fresh) visit(span, true);
    this.state.handoffAgents = [...agents.values()];
    this.countFacets(out);
    return out;
  }

  private countFacets(out: MapStepResult): void {
    const { facets } = this.state;
    const step = (items: Resolved[], by: number) => {
      const count = (facet: string, value: string) => {
        const key = facetKey(facet, value);
        const was = facets[key] ?? 0;
        const now = was + by;
        if (now > 0) facets[key] = now;
        else delete facets[key];
        if (was === 0 && now > 0) out.facetsAdded.push([facet, value]);
        if (was > 0 && now === 0) out.facetsRemoved.push([facet, value]);
      };
      for (const r of items) forEachItemFacet(r, count);
    };
    step(out.after, 1);
    step(out.before, -1);
  }
}
