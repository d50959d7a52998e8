import "server-only";
// Deleting traces on request (one trace, or one end user's): the rows go, and so does everything the
// traces added to the rollups, so the metrics afterwards are those of a database that never held them.
// Rollups count a trace by its summary and each span once (lib/analytics/contributions.ts), and its
// findings by their analysis (lib/analytics/finding-rollups.ts), its approvals and scores by their rows: all are subtracted here, under the same locks ingest takes (traces first, then rollups), so a span of the
// trace arriving at the same moment is either counted and removed, or stored after it as a new trace.
import { spanContributions, traceContributions, type SpanFacts } from "@/lib/analytics/contributions";
import { RollupDeltas } from "@/lib/analytics/rollup-delta";
import { contributionChange, findingContributions, mergeDeltas, type FindingRollupDelta } from "@/lib/analytics/finding-rollups";
import { graphContributions } from "@/lib/analytics/graph/graph-contributions";
import { writeRollups } from "@/lib/data/analytics/rollup-writer";
import { storedTraceGraph } from "@/lib/data/graph/graph-ingest";
import { applyFindingRollups } from "@/lib/data/findings/finding-rollup-writer";
import { removeApprovalContributions } from "@/lib/data/governance/approval-writer";
import { removeScoreContributions } from "@/lib/data/quality/score-attribution";
import { readPrevious } from "@/lib/data/findings/store-findings";
import { loadStates, lockTraces, storedSpans } from "@/lib/data/ingest/trace-summary-rows";
import type { ProjectScope } from "@/lib/data/scope";
import { getSql } from "@/lib/db/connections";
import { getEnv } from "@/lib/env";
import type { Sql } from "@/lib/db/sql";
import { summariseTrace, type TraceSummaryRow } from "@/lib/trace/summarise";
import { summaryOf } from "@/lib/trace/trace-state";
import type { Kind, Status } from "@/lib/trace/types";
import { deleteTraceRows, type DoomedTrace } from "./delete-trace-rows";

const SPAN_FACTS = `SELECT "name", "kind", "toolName", "model", "status", "startNs", "durationMs" FROM "spans" WHERE "projectId" = ? AND "traceId" = ?`;

async function spanFacts(tx: Sql, projectId: string, traceId: string): Promise<SpanFacts[]> {
  const rows = await tx.query(SPAN_FACTS, [projectId, traceId]);
  return rows.map((row) => ({
    name: String(row.name),
    kind: row.kind as Kind,
    toolName: (row.toolName as string | null) ?? null,
    model: (row.model as string | null) ?? null,
    status: row.status as Status,
    startNs: BigInt(row.startNs as bigint),
    durationMs: Number(row.durationMs),
  }));
}

const doomed = (s: TraceSummaryRow): DoomedTrace => ({ traceId: s.traceId, facets: { model: s.models, tool: s.tools, agent: s.agents } });

/**
 * Deletes the traces and takes their contribution out of the rollups (call inside a transaction).
 * Returns the ids that existed.
 */
export async function deleteTracesWithRollups(tx: Sql, projectId: string, traceIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(traceIds)].sort();
  await lockTraces(tx, projectId, ids);
  const states = await loadStates(tx, projectId, ids);
  const rollups = new RollupDeltas();
  const summaries: TraceSummaryRow[] = [];
  const findingDeltas: FindingRollupDelta[] = [];
  for (const traceId of ids) {
    const state = states.get(traceId);
    if (state === undefined) continue;
    // What the rollups hold for the trace: its state's summary, or for a trace kept without a usable
    // state (older rows, cyclic parent links) the summary of all its spans, as ingest counted it.
    const summary = state !== null && !state.cyclic ? summaryOf(traceId, state) : summariseTrace(traceId, await storedSpans(tx, projectId, traceId));
    rollups.addAll(traceContributions(summary), -1);
    for (const span of await spanFacts(tx, projectId, traceId)) rollups.addAll(spanContributions(span), -1);
    // Only when ingest keeps the map's rollups: otherwise there is nothing of the trace in them to take out.
    const graph = getEnv().HINDSIGHT_PIPELINE_MAP ? await storedTraceGraph(tx, projectId, traceId) : null;
    if (graph) rollups.addAll(graphContributions(graph.task, graph.resolved), -1);
    const findings = await readPrevious(tx, projectId, traceId);
    if (findings.basis) findingDeltas.push(...contributionChange(findingContributions(findings.findings, findings.basis), new Map()));
    summaries.push(summary);
  }
  const deletedIds = summaries.map((s) => s.traceId);
  await removeApprovalContributions(tx, projectId, deletedIds);
  await removeScoreContributions(tx, projectId, deletedIds);
  await deleteTraceRows(tx, projectId, summaries.map(doomed));
  await writeRollups(tx, projectId, rollups);
  await applyFindingRollups(tx, projectId, mergeDeltas(findingDeltas));
  return summaries.map((s) => s.traceId);
}

/** Deletes one trace of the project with its rollup contribution; false when the project holds no such trace. */
export async function deleteTrace(scope: ProjectScope, traceId: string): Promise<boolean> {
  const deleted = await getSql().transaction((tx) => deleteTracesWithRollups(tx, scope.projectId, [traceId]));
  return deleted.length > 0;
}

/** Deletes up to `limit` traces of one end user, oldest first; returns how many went (0: none left). */
export async function deleteTracesOfUser(scope: ProjectScope, userId: string, limit: number): Promise<number> {
  return getSql().transaction(async (tx) => {
    const rows = await tx.query(`SELECT "traceId" FROM "traces" WHERE "projectId" = ? AND "userId" = ? ORDER BY "startNs" LIMIT ?`, [scope.projectId, userId, limit]);
    const deleted = await deleteTracesWithRollups(
      tx,
      scope.projectId,
      rows.map((r) => String(r.traceId)),
    );
    return deleted.length;
  });
}
