import "server-only";
// The stored part of incremental trace summaries (lib/trace/trace-frontier.ts explains it): the
// covered spans of each trace (trace_covered_spans) and its frontier entries (trace_frontier). For a
// commit it reads only the entries waiting for the new spans and the new spans' stored ancestors,
// one query per level of the tree above them, never the rest of the trace.
import type { Sql, SqlValue } from "@/lib/db/sql";
import type { SummarySpan } from "@/lib/trace/summarise";
import type { FrontierEntry, GraphNode, StoredGraph } from "@/lib/trace/trace-frontier";
import type { AgentCandidate, FrontierKey } from "@/lib/trace/trace-state";

/** `IN` over a JSON array of strings bound as one parameter (no statement per list length). */
export const inJsonList = (tx: Sql) => (tx.dialect === "postgres" ? `(SELECT json_array_elements_text(?::json))` : `(SELECT value FROM json_each(?))`);

const ENTRY_COLUMNS = ["usage", "agentCategory", "agentDepth", "agentStartNs", "agentSpanId", "agentName"] as const;
const FRONTIER_COLUMNS = ["projectId", "traceId", "parentSpanId", "spanId", ...ENTRY_COLUMNS] as const;

type EntryRow = { parentSpanId: unknown; spanId: unknown } & Record<(typeof ENTRY_COLUMNS)[number], unknown>;

function agentOf(row: EntryRow): AgentCandidate | null {
  if (row.agentSpanId === null || row.agentSpanId === undefined) return null;
  return {
    category: Number(row.agentCategory) === 0 ? 0 : 1,
    depth: Number(row.agentDepth),
    startNs: BigInt(row.agentStartNs as bigint),
    spanId: String(row.agentSpanId),
    name: String(row.agentName),
  };
}

const entryOf = (row: EntryRow): FrontierEntry => ({
  parentSpanId: String(row.parentSpanId),
  spanId: String(row.spanId),
  usage: Boolean(Number(row.usage)),
  agent: agentOf(row),
});

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const WALK_SELECT = (tx: Sql) => `SELECT s."spanId", s."parentSpanId", s."kind", s."model", s."inputTokens", s."outputTokens", s."costUsd", s."costSource",
  c."spanId" AS "coveredId", f."parentSpanId" AS "entryParentSpanId", ${ENTRY_COLUMNS.map((c) => `f."${c}"`).join(", ")}
  FROM "spans" s
  LEFT JOIN "trace_covered_spans" c ON c."projectId" = s."projectId" AND c."traceId" = s."traceId" AND c."spanId" = s."spanId"
  LEFT JOIN "trace_frontier" f ON f."projectId" = s."projectId" AND f."traceId" = s."traceId" AND f."parentSpanId" = COALESCE(s."parentSpanId", '') AND f."spanId" = s."spanId"
  WHERE s."projectId" = ? AND s."traceId" = ? AND s."spanId" IN ${inJsonList(tx)}`;

/** What a commit of `fresh` (new spans of one trace, already inserted) needs from the stored trace. */
export async function loadStoredGraph(tx: Sql, projectId: string, traceId: string, fresh: readonly SummarySpan[]): Promise<StoredGraph> {
  const freshIds = new Set(fresh.map((s) => s.spanId));
  const entries = (
    await tx.query<EntryRow>(
      `SELECT "parentSpanId", "spanId", ${ENTRY_COLUMNS.map((c) => `"${c}"`).join(", ")} FROM "trace_frontier"
       WHERE "projectId" = ? AND "traceId" = ? AND "parentSpanId" IN ${inJsonList(tx)}`,
      [projectId, traceId, JSON.stringify([...freshIds])],
    )
  ).map(entryOf);
  const nodes: GraphNode[] = [];
  const seen = new Set<string>();
  const unseenParents = (parents: (string | null)[]) => [...new Set(parents)].filter((p): p is string => p !== null && !freshIds.has(p) && !seen.has(p));
  for (let level = unseenParents(fresh.map((s) => s.parentSpanId)); level.length > 0; ) {
    for (const id of level) seen.add(id);
    const rows = await tx.query<Record<string, unknown>>(WALK_SELECT(tx), [projectId, traceId, JSON.stringify(level)]);
    for (const row of rows) {
      nodes.push({
        spanId: String(row.spanId),
        parentSpanId: row.parentSpanId === null ? null : String(row.parentSpanId),
        kind: row.kind as GraphNode["kind"],
        model: row.model === null ? null : String(row.model),
        inputTokens: num(row.inputTokens),
        outputTokens: num(row.outputTokens),
        costUsd: num(row.costUsd),
        costSource: row.costSource === null ? null : String(row.costSource),
        covered: row.coveredId !== null && row.coveredId !== undefined,
      });
      if (row.entryParentSpanId !== null && row.entryParentSpanId !== undefined)
        entries.push(entryOf({ ...(row as EntryRow), parentSpanId: row.entryParentSpanId }));
    }
    level = unseenParents(rows.map((row) => (row.parentSpanId === null ? null : String(row.parentSpanId))));
  }
  return { nodes, entries };
}

/** Writes, across traces, collected while their commits are worked out. */
export class GraphWrites {
  private readonly adopted: { traceId: string; parents: string[] }[] = [];
  private readonly cleared: string[] = [];
  private readonly covered: SqlValue[][] = [];
  private readonly frontier: SqlValue[][] = [];

  constructor(private readonly projectId: string) {}

  /** The stored entries waiting for these new spans are adopted by them. */
  adopt(traceId: string, parents: readonly string[]): void {
    this.adopted.push({ traceId, parents: [...parents] });
  }

  /** Forget everything stored for the trace (its graph is rebuilt from all its spans). */
  clear(traceId: string): void {
    this.cleared.push(traceId);
  }

  add(traceId: string, covered: readonly string[], entries: readonly FrontierEntry[]): void {
    for (const spanId of covered) this.covered.push([this.projectId, traceId, spanId]);
    for (const e of entries) {
      const a = e.agent;
      this.frontier.push([this.projectId, traceId, e.parentSpanId, e.spanId, e.usage, a?.category ?? null, a?.depth ?? null, a?.startNs ?? null, a?.spanId ?? null, a?.name ?? null]);
    }
  }

  async write(tx: Sql): Promise<void> {
    const { projectId } = this;
    for (const traceId of this.cleared) {
      await tx.run(`DELETE FROM "trace_covered_spans" WHERE "projectId" = ? AND "traceId" = ?`, [projectId, traceId]);
      await tx.run(`DELETE FROM "trace_frontier" WHERE "projectId" = ? AND "traceId" = ?`, [projectId, traceId]);
    }
    for (const { traceId, parents } of this.adopted)
      await tx.run(`DELETE FROM "trace_frontier" WHERE "projectId" = ? AND "traceId" = ? AND "parentSpanId" IN ${inJsonList(tx)}`, [
        projectId,
        traceId,
        JSON.stringify(parents),
      ]);
    await tx.insertMany("trace_covered_spans", ["projectId", "traceId", "spanId"], this.covered, `("projectId", "traceId", "spanId") DO NOTHING`);
    const update = ENTRY_COLUMNS.map((c) => `"${c}" = excluded."${c}"`).join(", ");
    await tx.insertMany("trace_frontier", FRONTIER_COLUMNS, this.frontier, `("projectId", "traceId", "parentSpanId", "spanId") DO UPDATE SET ${update}`);
  }
}

/** The best agent candidate among the trace's stored entries (after an adoption took the previous best away). */
export async function bestStoredAgent(tx: Sql, projectId: string, traceId: string): Promise<(AgentCandidate & { top: FrontierKey }) | null> {
  const [row] = await tx.query<EntryRow>(
    `SELECT "parentSpanId", "spanId", ${ENTRY_COLUMNS.map((c) => `"${c}"`).join(", ")} FROM "trace_frontier"
     WHERE "projectId" = ? AND "traceId" = ? AND "agentSpanId" IS NOT NULL
     ORDER BY "agentCategory", "agentDepth", "agentStartNs", "agentSpanId"${tx.dialect === "postgres" ? ` COLLATE "C"` : ""} LIMIT 1`,
    [projectId, traceId],
  );
  const agent = row ? agentOf(row) : null;
  return agent && row ? { ...agent, top: { parentSpanId: String(row.parentSpanId), spanId: String(row.spanId) } } : null;
}
