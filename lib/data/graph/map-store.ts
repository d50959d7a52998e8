import "server-only";
// The stored part of the pipeline map's per-trace state (lib/analytics/graph/map-step.ts): the state row
// (trace_map_states) and the marks of spans whose resolution can still change (trace_map_spans). For a
// commit it reads the new spans' stored ancestors (one query per level above them), the spans anchored
// at the new spans, and a few spans by id: never the rest of the trace.
import { toGraphSpan, type GraphSummarySpan } from "@/lib/analytics/graph/graph-change";
import { parseMapState, type MapMark, type MapState, type MarkedSpan } from "@/lib/analytics/graph/map-state";
import type { Sql, SqlValue } from "@/lib/db/sql";
import { inJsonList } from "@/lib/data/ingest/trace-graph";
import { GRAPH_SPAN_SELECT_COLUMNS, toSpan } from "./graph-span-rows";

const MARKED_SELECT = (tx: Sql) => `SELECT ${GRAPH_SPAN_SELECT_COLUMNS("s.")}, m."anchorId" AS "markAnchorId", m."wrapper" AS "markWrapper"
  FROM "spans" s LEFT JOIN "trace_map_spans" m ON m."projectId" = s."projectId" AND m."traceId" = s."traceId" AND m."spanId" = s."spanId"
  WHERE s."projectId" = ? AND s."traceId" = ? AND s."spanId" IN ${inJsonList(tx)}`;

function toMarked(row: Record<string, unknown>): MarkedSpan {
  const anchor = row.markAnchorId;
  return {
    ...toGraphSpan(toSpan(row)),
    anchorId: anchor === null || anchor === undefined || anchor === "" ? null : String(anchor),
    wrapper: Boolean(Number(row.markWrapper ?? 0)),
  };
}

/** The traces' map states; absent (or unreadable) for traces stored before states existed. */
export async function loadMapStates(tx: Sql, projectId: string, traceIds: readonly string[]): Promise<Map<string, MapState>> {
  const states = new Map<string, MapState>();
  if (traceIds.length === 0) return states;
  const rows = await tx.query(`SELECT "traceId", "state" FROM "trace_map_states" WHERE "projectId" = ? AND "traceId" IN ${inJsonList(tx)}`, [
    projectId,
    JSON.stringify(traceIds),
  ]);
  for (const row of rows) {
    const state = parseMapState(String(row.state));
    if (state) states.set(String(row.traceId), state);
  }
  return states;
}

/** Empties the facets of the traces' states (their facets were just deleted while their spans are purged). */
export async function clearMapStateFacets(tx: Sql, projectId: string, traceIds: readonly string[]): Promise<void> {
  const states = await loadMapStates(tx, projectId, traceIds);
  const rows = [...states].filter(([, s]) => Object.keys(s.facets).length > 0).map(([traceId, s]): SqlValue[] => [projectId, traceId, JSON.stringify({ ...s, facets: {} })]);
  await tx.insertMany("trace_map_states", ["projectId", "traceId", "state"], rows, `("projectId", "traceId") DO UPDATE SET "state" = excluded."state"`);
}

/** Stored spans by id, with their marks. */
export async function readMarkedSpans(tx: Sql, projectId: string, traceId: string, spanIds: readonly string[]): Promise<MarkedSpan[]> {
  if (spanIds.length === 0) return [];
  return (await tx.query(MARKED_SELECT(tx), [projectId, traceId, JSON.stringify(spanIds)])).map(toMarked);
}

/** The stored ancestors of the new spans, up to their roots or the first missing ones. */
export async function readStoredAncestors(tx: Sql, projectId: string, traceId: string, fresh: readonly GraphSummarySpan[]): Promise<MarkedSpan[]> {
  const seen = new Set(fresh.map((s) => s.spanId));
  const out: MarkedSpan[] = [];
  const unseen = (parents: (string | null)[]) => [...new Set(parents)].filter((p): p is string => p !== null && !seen.has(p));
  for (let level = unseen(fresh.map((s) => s.parentSpanId)); level.length > 0; ) {
    for (const id of level) seen.add(id);
    const rows = await readMarkedSpans(tx, projectId, traceId, level);
    out.push(...rows);
    level = unseen(rows.map((r) => r.parentSpanId));
  }
  return out;
}

/** The stored spans whose walk up waits for one of `spanIds` (which just arrived). */
export async function readWaiting(tx: Sql, projectId: string, traceId: string, spanIds: readonly string[]): Promise<{ spanId: string; anchorId: string }[]> {
  const rows = await tx.query(
    `SELECT "spanId", "anchorId" FROM "trace_map_spans" WHERE "projectId" = ? AND "traceId" = ? AND "anchorId" IN ${inJsonList(tx)}`,
    [projectId, traceId, JSON.stringify(spanIds)],
  );
  return rows.map((r) => ({ spanId: String(r.spanId), anchorId: String(r.anchorId) }));
}

/** Writes, across traces, of map states and marks. */
export class MapWrites {
  private readonly states: SqlValue[][] = [];
  private readonly marks: SqlValue[][] = [];
  private readonly unmarked = new Map<string, string[]>();
  private readonly cleared: string[] = [];

  constructor(private readonly projectId: string) {}

  /** Forget the trace's marks (its state is rebuilt from all its spans, or dropped). */
  clear(traceId: string): void {
    this.cleared.push(traceId);
  }

  put(traceId: string, state: MapState | null, marks: readonly MapMark[], unmarked: readonly string[] = []): void {
    if (state) this.states.push([this.projectId, traceId, JSON.stringify(state)]);
    for (const m of marks) this.marks.push([this.projectId, traceId, m.spanId, m.anchorId ?? "", m.wrapper]);
    if (unmarked.length > 0) this.unmarked.set(traceId, [...unmarked]);
  }

  async write(tx: Sql): Promise<void> {
    const { projectId } = this;
    if (this.cleared.length > 0) {
      const ids = JSON.stringify(this.cleared);
      await tx.run(`DELETE FROM "trace_map_spans" WHERE "projectId" = ? AND "traceId" IN ${inJsonList(tx)}`, [projectId, ids]);
      await tx.run(`DELETE FROM "trace_map_states" WHERE "projectId" = ? AND "traceId" IN ${inJsonList(tx)}`, [projectId, ids]);
    }
    for (const [traceId, spanIds] of this.unmarked)
      await tx.run(`DELETE FROM "trace_map_spans" WHERE "projectId" = ? AND "traceId" = ? AND "spanId" IN ${inJsonList(tx)}`, [
        projectId,
        traceId,
        JSON.stringify(spanIds),
      ]);
    await tx.insertMany(
      "trace_map_spans",
      ["projectId", "traceId", "spanId", "anchorId", "wrapper"],
      this.marks,
      `("projectId", "traceId", "spanId") DO UPDATE SET "anchorId" = excluded."anchorId", "wrapper" = excluded."wrapper"`,
    );
    await tx.insertMany("trace_map_states", ["projectId", "traceId", "state"], this.states, `("projectId", "traceId") DO UPDATE SET "state" = excluded."state"`);
  }
}
