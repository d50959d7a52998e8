import "server-only";
// Job leases: a background job that must run once per cluster (several servers on one PostgreSQL)
// runs only in the process that holds its lease. The whole API:
//
//   const holder = nodeId();                                   // lib/jobs/node-id.ts, one per process
//   if (await acquireJobLease("alerts.evaluate", holder, ttlMs)) { …one round of the job… }
//   await releaseJobLease("alerts.evaluate", holder);          // gives one up
//   await releaseAllJobLeases(holder);                         // on a clean stop (SIGTERM): all of them
//
// `acquireJobLease` takes a free or expired lease, or renews one the caller already holds, for `ttlMs`
// from now, and answers whether the caller holds it; call it before every round (and within long rounds),
// with a `ttlMs` well above the time between calls, so the holder renews long before it expires. A
// process that dies stops renewing, and another takes over once its lease expired. Each step is ONE
// statement (an upsert guarded by "expired or mine", or a guarded delete), atomic on both databases, so
// two processes can never both be told they hold it; expiry uses the database's clock, not the
// processes', so clocks that disagree between servers cannot make two holders. On SQLite (one server)
// the lease always goes to the only process, at the cost of one tiny write per round.
//
// A process that stops cleanly gives its leases up (`releaseAllJobLeases`), so another takes over at
// its next round instead of after the expiry. From then on the holder is closed: it is refused every
// lease, and acquisitions already sent are awaited before the delete, so a round that was asking at
// that moment cannot write the lease back after it was given up.
//
// Holding a lease is a promise about scheduling, not a lock on data: a holder paused for longer than its
// lease (a stalled VM) may overlap briefly with the next one, so jobs keep their own data safe under a
// rare second runner (row claims, advisory locks, idempotent writes).
import { getSql } from "@/lib/db/connections";
import type { Sql } from "@/lib/db/sql";

/** The database's clock in milliseconds since the epoch, as an SQL expression. */
export const dbNowMs = (sql: Pick<Sql, "dialect">) =>
  sql.dialect === "postgres" ? `CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)` : `CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`;

// Per process, on globalThis: Next.js may load this module in more than one bundle.
type LeaseBook = { closed: Set<string>; asking: Set<Promise<unknown>> };
const globalForLeases = globalThis as unknown as { hindsightJobLeases?: LeaseBook };
const book = (): LeaseBook => (globalForLeases.hindsightJobLeases ??= { closed: new Set(), asking: new Set() });

/** Takes or renews the lease `name` for `holder` for `ttlMs`; true when `holder` holds it now. */
export async function acquireJobLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
  const { closed, asking } = book();
  if (closed.has(holder)) return false;
  const sql = getSql();
  const now = dbNowMs(sql);
  const upsert = sql.query(
    `INSERT INTO "job_leases" ("name", "holder", "expiresMs") VALUES (?, ?, ${now} + ?)
     ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expiresMs" = excluded."expiresMs"
     WHERE "job_leases"."holder" = excluded."holder" OR "job_leases"."expiresMs" < ${now}
     RETURNING "holder"`,
    [name, holder, Math.round(ttlMs)],
  );
  asking.add(upsert);
  try {
    return (await upsert).length === 1;
  } finally {
    asking.delete(upsert);
  }
}

/** Gives the lease up if `holder` holds it, so another process may take it at once. */
export async function releaseJobLease(name: string, holder: string): Promise<void> {
  await getSql().run(`DELETE FROM "job_leases" WHERE "name" = ? AND "holder" = ?`, [name, holder]);
}

/**
 * Gives up every lease `holder` holds and refuses it any later one (a clean stop of its process), once
 * the acquisitions already under way have landed; the number given up.
 */
export async function releaseAllJobLeases(holder: string): Promise<number> {
  const { closed, asking } = book();
  closed.add(holder);
  await Promise.allSettled([...asking]);
  return getSql().run(`DELETE FROM "job_leases" WHERE "holder" = ?`, [holder]);
}

/** Who holds the lease `name` and until when (database clock), or null when nobody does. */
export async function readJobLease(name: string): Promise<{ holder: string; expiresMs: number } | null> {
  const [row] = await getSql().query(`SELECT "holder", "expiresMs" FROM "job_leases" WHERE "name" = ?`, [name]);
  return row ? { holder: String(row.holder), expiresMs: Number(row.expiresMs) } : null;
}
