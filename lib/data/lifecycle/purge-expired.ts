import "server-only";
// Retention: traces that ended before the project's cut-off are removed with everything attached to
// them, a small batch per transaction so ingest commits between batches (SQLite has one writer; on
// PostgreSQL short transactions keep row locks and the WAL small). Rollups are kept: retention removes
// the detail, not the history the dashboards and alerts read.
//
// A batch is the oldest expired traces up to about `batchSpans` spans, found through the
// (projectId, startNs) index of traces (a trace ends after it starts, so every expired trace starts
// before the cut-off too); their rows are deleted through the ("projectId", "traceId") prefix of each
// attached table's key. A trace longer than a batch loses its spans a batch at a time first. On
// PostgreSQL one server purges at a time (a transaction-scoped advisory lock each batch tries to
// take): another that finds it taken skips its round, and a server that stops mid-purge hands over
// at once, as its lock ends with its transaction.
import { lockTraces } from "@/lib/data/ingest/trace-summary-rows";
import type { ProjectScope } from "@/lib/data/scope";
import { getSql } from "@/lib/db/connections";
import { autoVacuumMode, incrementalVacuumStep } from "@/lib/db/sqlite-vacuum";
import type { Row, Sql } from "@/lib/db/sql";
import { decodeTraceState } from "@/lib/trace/trace-state-codec";
import { summaryOf } from "@/lib/trace/trace-state";
import { deleteGraphFacets, deleteSomeSpans, deleteTraceRows, type DoomedTrace } from "./delete-trace-rows";

/** Candidate traces read per batch; the batch itself stops at about `batchSpans` spans. */
const CANDIDATES = 500;
// Two-int4 key space shared with the rollup lock (1751607912, 1) of lib/data/analytics/rollup-writer.ts.
const PG_PURGE_LOCK = "SELECT pg_try_advisory_xact_lock(1751607912, 2) AS taken";

export type PurgeBatch = { traces: number; spans: number; done: boolean; busy: boolean };

function doomedOf(row: Row): DoomedTrace {
  const traceId = String(row.traceId);
  const state = decodeTraceState(row.summaryState as string | null);
  if (state === null || state.cyclic) return { traceId, facets: null };
  const s = summaryOf(traceId, state);
  return { traceId, facets: { model: s.models, tool: s.tools, agent: s.agents } };
}

async function purgeBatch(tx: Sql, projectId: string, cutoffNs: bigint, batchSpans: number): Promise<PurgeBatch> {
  if (tx.dialect === "postgres") {
    const [lock] = await tx.query<{ taken: unknown }>(PG_PURGE_LOCK);
    if (lock?.taken !== true) return { traces: 0, spans: 0, done: false, busy: true };
  }
  const rows = await tx.query(
    `SELECT "traceId", "spanCount", "summaryState" FROM "traces" WHERE "projectId" = ? AND "startNs" < ? AND "endNs" < ? ORDER BY "startNs" LIMIT ?`,
    [projectId, cutoffNs, cutoffNs, CANDIDATES],
  );
  if (rows.length === 0) return { traces: 0, spans: 0, done: true, busy: false };
  const first = rows[0]!;
  if (Number(first.spanCount) > batchSpans) {
    // A very long trace: its spans go a batch at a time; the trace itself once few are left.
    await lockTraces(tx, projectId, [String(first.traceId)]);
    await deleteGraphFacets(tx, projectId, [String(first.traceId)]);
    const spans = await deleteSomeSpans(tx, projectId, String(first.traceId), batchSpans);
    if (spans === batchSpans) return { traces: 0, spans, done: false, busy: false };
  }
  const batch: Row[] = [];
  let spans = 0;
  for (const row of rows) {
    if (batch.length > 0 && spans + Number(row.spanCount) > batchSpans) break;
    batch.push(row);
    spans += Number(row.spanCount);
  }
  const doomed = batch.map(doomedOf);
  await lockTraces(tx, projectId, doomed.map((d) => d.traceId).sort());
  const traces = await deleteTraceRows(tx, projectId, doomed);
  return { traces, spans, done: false, busy: false };
}

/** Purges one batch of the project's traces that ended before `cutoffNs`. */
export async function purgeExpiredBatch(scope: ProjectScope, cutoffNs: bigint, batchSpans: number): Promise<PurgeBatch> {
  return getSql().transaction((tx) => purgeBatch(tx, scope.projectId, cutoffNs, batchSpans));
}

/** Expired traces of the project still stored (for tests and the benchmark's checks). */
export async function countExpiredTraces(scope: ProjectScope, cutoffNs: bigint): Promise<number> {
  const [row] = await getSql().query(`SELECT COUNT(*) AS n FROM "traces" WHERE "projectId" = ? AND "startNs" < ? AND "endNs" < ?`, [scope.projectId, cutoffNs, cutoffNs]);
  return Number(row?.n ?? 0);
}

/**
 * SQLite in incremental-vacuum mode: hands the free pages a purge left back to the file system, a few
 * thousand pages per step. Returns false when the file is not in that mode (it then reuses the pages).
 */
export async function releaseFreePages(pagesPerStep: number, pause: () => Promise<void>): Promise<boolean> {
  const sql = getSql();
  if (sql.dialect !== "sqlite" || (await autoVacuumMode(sql)) !== 2) return false;
  while ((await incrementalVacuumStep(sql, pagesPerStep)) > 0) await pause();
  return true;
}

