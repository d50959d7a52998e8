// After a price change: recompute the computed cost of every stored call of the affected models and
// move their traces' summaries and rollups along. Reported costs are never touched.
import { addGraphChanges } from "@/lib/data/graph/graph-ingest";
import { getEnv } from "@/lib/env";
import type { Sql } from "@/lib/db/sql";
import type { Kind } from "@/lib/trace/types";
import { computeCost, type PriceBook } from "@/lib/pricing/compute";
import { spanKey, type PreviousCost } from "@/lib/analytics/changes";
import { RollupDeltas } from "@/lib/analytics/rollup-delta";
import { writeRollups } from "@/lib/data/analytics/rollup-writer";
import { markTracesDirty } from "@/lib/data/findings/mark-dirty";
import { isCall } from "@/lib/trace/summarise";
import { countCall, summaryOf } from "@/lib/trace/trace-state";
import { GraphWrites, inJsonList } from "./trace-graph";
import { summariseFromSpans } from "./trace-summaries";
import { loadStates, lockTraces, SummaryWrites, type TraceUpdate } from "./trace-summary-rows";

/** A call whose cost changed: what the trace's counted usage loses and gains. */
type CostChange = { spanId: string; kind: string; model: string; inputTokens: number | null; outputTokens: number | null; before: number | null; after: number | null };

/**
 * Moves the summaries (and rollups) of the traces whose calls changed cost: a counted call (no
 * covered span) is taken out at its old cost and put back at its new one. Traces without an
 * incremental state are summarised from their (already updated) spans.
 */
async function applyCostChanges(tx: Sql, projectId: string, byTrace: Map<string, CostChange[]>, previousCosts: Map<string, PreviousCost>): Promise<void> {
  const ids = [...byTrace.keys()].sort();
  if (ids.length === 0) return;
  await lockTraces(tx, projectId, ids);
  const states = await loadStates(tx, projectId, ids);
  const graph = new GraphWrites(projectId);
  const updates: TraceUpdate[] = [];
  for (const traceId of ids) {
    const state = states.get(traceId);
    if (state === undefined) continue;
    if (state === null || state.cyclic) {
      const update = await summariseFromSpans(tx, projectId, traceId, { previousCosts }, graph);
      if (update) updates.push(update);
      continue;
    }
    const changes = byTrace.get(traceId)!.filter(isCall);
    const covered = await tx.query<{ spanId: unknown }>(
      `SELECT "spanId" FROM "trace_covered_spans" WHERE "projectId" = ? AND "traceId" = ? AND "spanId" IN ${inJsonList(tx)}`,
      [projectId, traceId, JSON.stringify(changes.map((c) => c.spanId))],
    );
    const wrappers = new Set(covered.map((row) => String(row.spanId)));
    const before = summaryOf(traceId, state);
    for (const change of changes) {
      if (wrappers.has(change.spanId)) continue;
      countCall(state, { ...change, costUsd: change.before }, -1);
      countCall(state, { ...change, costUsd: change.after }, 1);
    }
    updates.push({ traceId, before, after: summaryOf(traceId, state), state });
  }
  await graph.write(tx);
  const rollups = new RollupDeltas();
  const writes = new SummaryWrites(projectId);
  for (const update of updates) writes.add(update, rollups);
  await writes.write(tx);
  if (getEnv().HINDSIGHT_PIPELINE_MAP) await addGraphChanges(tx, projectId, ids, { previousCosts }, rollups);
  await writeRollups(tx, projectId, rollups);
}

type CostRow = {
  traceId: string;
  spanId: string;
  model: string;
  kind: string;
  inputTokens: unknown;
  outputTokens: unknown;
  cacheReadTokens: unknown;
  cacheWriteTokens: unknown;
  costUsd: unknown;
  costSource: string | null;
};
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * Recomputes costs for the stored model names whose price-table key is in `keys` under either book
 * (so a model that gains, loses or changes its price is covered). Returns the number of spans changed.
 */
export async function recomputeCosts(tx: Sql, projectId: string, before: PriceBook, after: PriceBook, keys: ReadonlySet<string>): Promise<number> {
  const models = (await tx.query<{ model: string }>(`SELECT DISTINCT "model" FROM "spans" WHERE "projectId" = ? AND "model" IS NOT NULL`, [projectId]))
    .map((r) => r.model)
    .filter((m) => keys.has(before.lookup(m)?.key ?? "") || keys.has(after.lookup(m)?.key ?? ""));
  const byTrace = new Map<string, CostChange[]>();
  // The costs overwritten, for traces summarised from all their spans (their summary before this change).
  const previousCosts = new Map<string, PreviousCost>();
  let changed = 0;
  for (const model of models) {
    const rows = await tx.query<CostRow>(
      `SELECT "traceId", "spanId", "model", "kind", "inputTokens", "outputTokens", "cacheReadTokens", "cacheWriteTokens", "costUsd", "costSource"
       FROM "spans" WHERE "projectId" = ? AND "model" = ? AND ("costSource" IS NULL OR "costSource" = 'computed')`,
      [projectId, model],
    );
    for (const row of rows) {
      const tokens = {
        inputTokens: num(row.inputTokens),
        outputTokens: num(row.outputTokens),
        cacheReadTokens: num(row.cacheReadTokens),
        cacheWriteTokens: num(row.cacheWriteTokens),
      };
      const cost = computeCost(after, row.model, row.kind as Kind, tokens);
      if (cost.costUsd === num(row.costUsd)) continue;
      await tx.run(`UPDATE "spans" SET "costUsd" = ?, "costSource" = ? WHERE "projectId" = ? AND "traceId" = ? AND "spanId" = ?`, [
        cost.costUsd,
        cost.costSource,
        projectId,
        row.traceId,
        row.spanId,
      ]);
      let changes = byTrace.get(row.traceId);
      if (!changes) byTrace.set(row.traceId, (changes = []));
      changes.push({ spanId: row.spanId, kind: row.kind, model: row.model, ...tokens, before: num(row.costUsd), after: cost.costUsd });
      previousCosts.set(spanKey(row.traceId, row.spanId), { costUsd: num(row.costUsd), costSource: row.costSource });
      changed++;
    }
  }
  await applyCostChanges(tx, projectId, byTrace, previousCosts);
  // Wasted cost of findings is priced like the calls themselves.
  await markTracesDirty(tx, projectId, byTrace.keys());
  return changed;
}
