import "server-only";
// The price book in force in a project: built-in prices plus the project's overrides, cached per
// process. A change through this process drops its copy at once (price-overrides.ts); copies in other
// server processes expire within BOOK_TTL_MS, so every node prices with the new table soon after.
import { getSql } from "@/lib/db/connections";
import type { Sql } from "@/lib/db/sql";
import { buildPriceBook, type ModelPrice, type PriceBook } from "@/lib/pricing/compute";
import type { ProjectScope } from "@/lib/data/scope";

type PriceRow = {
  model: string;
  provider: string | null;
  inputPerMTokUsd: number;
  outputPerMTokUsd: number;
  cacheReadPerMTokUsd: number | null;
  cacheWritePerMTokUsd: number | null;
};

const BOOK_TTL_MS = 5_000;

type Cached = { book: Promise<PriceBook>; loadedMs: number };
const globalForPrices = globalThis as unknown as { hindsightPriceBooks?: Map<string, Cached> };
const books = () => (globalForPrices.hindsightPriceBooks ??= new Map<string, Cached>());

const numberOrNull = (v: number | null) => (v === null ? null : Number(v));

/** Built-in prices plus the project's overrides as `sql` reads them (a transaction sees its own changes). */
export async function loadPriceBook(sql: Sql, scope: ProjectScope): Promise<PriceBook> {
  const rows = await sql.query<PriceRow>(
    `SELECT "model", "provider", "inputPerMTokUsd", "outputPerMTokUsd", "cacheReadPerMTokUsd", "cacheWritePerMTokUsd" FROM "model_prices" WHERE "projectId" = ?`,
    [scope.projectId],
  );
  const overrides = new Map<string, ModelPrice>(
    rows.map((r) => [
      r.model,
      {
        provider: r.provider,
        input: Number(r.inputPerMTokUsd),
        output: Number(r.outputPerMTokUsd),
        cacheRead: numberOrNull(r.cacheReadPerMTokUsd),
        cacheWrite: numberOrNull(r.cacheWritePerMTokUsd),
      },
    ]),
  );
  return buildPriceBook(overrides);
}

/** The project's price book, cached briefly (every OTLP request prices its calls with it). */
export function getPriceBook(scope: ProjectScope): Promise<PriceBook> {
  const now = Date.now();
  const cached = books().get(scope.projectId);
  if (cached && now - cached.loadedMs < BOOK_TTL_MS) return cached.book;
  const book = loadPriceBook(getSql(), scope).catch((error: unknown) => {
    books().delete(scope.projectId);
    throw error;
  });
  books().set(scope.projectId, { book, loadedMs: now });
  return book;
}

/** Forget this process's copy of the project's book (after one of its overrides changed). */
export function invalidatePriceBook(scope: ProjectScope): void {
  books().delete(scope.projectId);
}
