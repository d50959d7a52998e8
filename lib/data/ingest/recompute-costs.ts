// After a price change: recompute the computed cost of every stored call of the affected models and
// refresh their traces' summaries. Reported costs are never touched.
import type { Sql } from "@/lib/db/sql";
import type { Kind } from "@/lib/trace/types";
import { computeCost, type PriceBook } from "@/lib/pricing/compute";
import { spanKey, type PreviousCost } from "@/lib/analytics/changes";
import { markTracesDirty } from "@/lib/data/findings/mark-dirty";
import { refreshTraceSummaries } from "./store-batch";

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
  const touched = new Set<string>();
  // The costs overwritten, so the refresh can take the traces' old cost out of the analytics rollups.
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
      touched.add(row.traceId);
      previousCosts.set(spanKey(row.traceId, row.spanId), { costUsd: num(row.costUsd), costSource: row.costSource });
      changed++;
    }
  }
  await refreshTraceSummaries(tx, projectId, touched, { previousCosts });
  // Wasted cost of findings is priced like the calls themselves.
  await markTracesDirty(tx, projectId, touched);
  return changed;
}
