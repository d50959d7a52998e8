import "server-only";
// The price table as users see and change it: built-in prices with their overrides on top. A change
// is written and the stored costs of the affected models recomputed in one exclusive transaction.
import { recomputeCosts } from "@/lib/data/ingest/recompute-costs";
import { getSql } from "@/lib/db/connections";
import { getPriceBook, invalidatePriceBook, loadPriceBook } from "./price-book";
import type { ProjectScope } from "@/lib/data/scope";
import type { Sql } from "@/lib/db/sql";
import { BUILT_IN_PRICES } from "@/lib/pricing/compute";
import type { PriceInput } from "@/lib/pricing/price-input";

export type PriceEntry = {
  model: string;
  provider: string | null;
  inputPerMTokUsd: number;
  outputPerMTokUsd: number;
  cacheReadPerMTokUsd: number | null;
  cacheWritePerMTokUsd: number | null;
  source: "built-in" | "override";
};

/** Every price in force in the project, overrides marked. */
export async function listPrices(scope: ProjectScope): Promise<PriceEntry[]> {
  const book = await getPriceBook(scope);
  return [...book.prices.entries()]
    .map(([model, p]) => ({
      model,
      provider: p.provider,
      inputPerMTokUsd: p.input,
      outputPerMTokUsd: p.output,
      cacheReadPerMTokUsd: p.cacheRead,
      cacheWritePerMTokUsd: p.cacheWrite,
      source: book.overridden.has(model) ? ("override" as const) : ("built-in" as const),
    }))
    .sort((a, b) => a.model.localeCompare(b.model));
}

async function changePrice(scope: ProjectScope, model: string, write: (tx: Sql) => Promise<unknown>): Promise<number> {
  const sql = getSql();
  let changed = 0;
  await sql.transaction(async (tx) => {
    const before = await loadPriceBook(tx, scope);
    await write(tx);
    changed = await recomputeCosts(tx, scope.projectId, before, await loadPriceBook(tx, scope), new Set([model]));
  });
  // Only now: a book reloaded before the commit would not have seen the change.
  invalidatePriceBook(scope);
  return changed;
}

/** Adds or replaces the override of one model; returns how many stored spans got a new cost. */
export async function setPriceOverride(scope: ProjectScope, model: string, price: PriceInput): Promise<number> {
  return changePrice(scope, model, (tx) =>
    tx.run(
      `INSERT INTO "model_prices" ("projectId", "model", "provider", "inputPerMTokUsd", "outputPerMTokUsd", "cacheReadPerMTokUsd", "cacheWritePerMTokUsd", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("projectId", "model") DO UPDATE SET "provider" = excluded."provider", "inputPerMTokUsd" = excluded."inputPerMTokUsd",
       "outputPerMTokUsd" = excluded."outputPerMTokUsd", "cacheReadPerMTokUsd" = excluded."cacheReadPerMTokUsd",
       "cacheWritePerMTokUsd" = excluded."cacheWritePerMTokUsd", "updatedAt" = excluded."updatedAt"`,
      [
        scope.projectId,
        model,
        price.provider ?? BUILT_IN_PRICES.get(model)?.provider ?? null,
        price.inputPerMTokUsd,
        price.outputPerMTokUsd,
        price.cacheReadPerMTokUsd ?? null,
        price.cacheWritePerMTokUsd ?? null,
        new Date().toISOString(),
      ],
    ),
  );
}

/** Removes an override (the built-in price, if any, applies again). Returns spans recomputed, or null if none existed. */
export async function deletePriceOverride(scope: ProjectScope, model: string): Promise<number | null> {
  const sql = getSql();
  const exists = await sql.query(`SELECT 1 AS "x" FROM "model_prices" WHERE "projectId" = ? AND "model" = ?`, [scope.projectId, model]);
  if (exists.length === 0) return null;
  return changePrice(scope, model, (tx) => tx.run(`DELETE FROM "model_prices" WHERE "projectId" = ? AND "model" = ?`, [scope.projectId, model]));
}
