import "server-only";
// Process-wide singletons of the server: the write connection, the write queue and the price book.
// Kept on globalThis because Next.js bundles each route separately and module state would otherwise
// be duplicated (two SQLite writers would contend for the lock).
import { availableParallelism } from "node:os";
import { getEnv, type Env } from "@/lib/env";
import { createNormalisePool, type NormalisePool } from "@/lib/ingest/normalise-pool";
import { mergeBatches, storeBatch, type WriteBatch } from "@/lib/ingest/store";
import { createStoreThread, type HeldBatch } from "@/lib/ingest/store-thread";
import { WriteQueue, type BatchStore } from "@/lib/ingest/write-queue";
import { buildPriceBook, type ModelPrice, type PriceBook } from "@/lib/pricing/compute";
import { openPostgres } from "@/lib/store/postgres";
import type { Sql } from "@/lib/store/sql";
import { openSqlite } from "@/lib/store/sqlite";

type Runtime = { sql: Sql; queue: IngestQueue; pool: NormalisePool | null; writerThread: boolean; priceBook?: Promise<PriceBook> };
const globalForRuntime = globalThis as unknown as { hindsightRuntime?: Runtime };

// With a writer thread, two commits of at most 1,024 spans in flight: the best of the settings tried
// with `npm run bench:ingest` (1 or 2 in flight, 512 to 8,000 spans). A large commit keeps senders
// waiting for their answers while the writer has nothing queued; a second commit waiting in the
// thread starts the moment the first ends, even while this thread is busy normalising.
const WRITER_THREAD_COMMITS = { commitsInFlight: 2, maxSpansPerCommit: 1024 };

/** The write queue as its users see it, whatever it holds while batches wait. */
export type IngestQueue = Pick<WriteQueue, "queuedSpans" | "arrival" | "enqueue" | "runExclusive">;

/** Batches wait in this thread's queue and are committed through `sql`. */
const inProcess = (sql: Sql): BatchStore<WriteBatch> => ({ hold: (batch) => batch, write: (batches) => storeBatch(sql, mergeBatches(batches)) });

/** The connection for the request thread's queries and writes, and the queue ingest batches are committed from. */
function openStore(env: Env): { sql: Sql; queue: IngestQueue; writerThread: boolean } {
  const maxQueued = env.HINDSIGHT_MAX_QUEUED_SPANS;
  if (env.database.kind === "postgres") {
    const sql = openPostgres(env.database.url);
    return { sql, queue: new WriteQueue(inProcess(sql), maxQueued), writerThread: false };
  }
  const { file } = env.database;
  const synchronous = env.HINDSIGHT_SQLITE_SYNCHRONOUS;
  const thread = env.HINDSIGHT_SQLITE_WRITER_THREAD ? createStoreThread({ file, synchronous }) : null;
  // The thread that commits the ingest batches runs the WAL checkpointer beside its connection.
  const sql = openSqlite(file, synchronous, { backgroundCheckpoints: !thread });
  if (!thread) return { sql, queue: new WriteQueue(inProcess(sql), maxQueued), writerThread: false };
  const handOver: BatchStore<HeldBatch> = { hold: (batch) => thread.hold(batch), write: (held) => thread.commit(held) };
  return { sql, queue: new WriteQueue(handOver, maxQueued, WRITER_THREAD_COMMITS), writerThread: true };
}

function createRuntime(): Runtime {
  const env = getEnv();
  const { sql, queue, writerThread } = openStore(env);
  // Workers pay off only with cores to spare: one core is the committing thread's, another is busy with
  // the WAL checkpointer, the database and the OS. On 2 cores `npm run bench:ingest` measured them slower
  // (33–35 % of the raw limit against 34–45 % in-thread, +40 µs CPU per span, +30 MB RSS), so they
  // start from 4 cores.
  const workers = env.HINDSIGHT_INGEST_WORKERS ?? Math.min(4, Math.max(0, availableParallelism() - 2));
  return { sql, queue, pool: createNormalisePool(workers), writerThread };
}

function runtime(): Runtime {
  globalForRuntime.hindsightRuntime ??= createRuntime();
  return globalForRuntime.hindsightRuntime;
}

/** The raw SQL connection of the write path. */
export const getSql = (): Sql => runtime().sql;

/** The worker threads that parse and normalise OTLP bodies; null when normalising in the request thread. */
export const getNormalisePool = (): NormalisePool | null => runtime().pool;

/** Whether SQLite ingest commits in its own writer thread (store-thread.ts). */
export const usesWriterThread = (): boolean => runtime().writerThread;

/** The group-commit write queue. */
export const getWriteQueue = (): IngestQueue => runtime().queue;

type PriceRow = {
  model: string;
  provider: string | null;
  inputPerMTokUsd: number;
  outputPerMTokUsd: number;
  cacheReadPerMTokUsd: number | null;
  cacheWritePerMTokUsd: number | null;
};

/** Built-in prices plus the overrides stored in the database `sql` reads from (a transaction sees its own changes). */
export async function loadPriceBook(sql: Sql): Promise<PriceBook> {
  const rows = await sql.query<PriceRow>(
    `SELECT "model", "provider", "inputPerMTokUsd", "outputPerMTokUsd", "cacheReadPerMTokUsd", "cacheWritePerMTokUsd" FROM "model_prices"`,
  );
  const overrides = new Map<string, ModelPrice>(
    rows.map((r) => [
      r.model,
      {
        provider: r.provider,
        input: Number(r.inputPerMTokUsd),
        output: Number(r.outputPerMTokUsd),
        cacheRead: r.cacheReadPerMTokUsd === null ? null : Number(r.cacheReadPerMTokUsd),
        cacheWrite: r.cacheWritePerMTokUsd === null ? null : Number(r.cacheWritePerMTokUsd),
      },
    ]),
  );
  return buildPriceBook(overrides);
}

/** Built-in prices plus the user's overrides, cached until the overrides change. */
export function getPriceBook(): Promise<PriceBook> {
  const r = runtime();
  r.priceBook ??= loadPriceBook(r.sql).catch((error: unknown) => {
    r.priceBook = undefined;
    throw error;
  });
  return r.priceBook;
}

/** Forget the cached price book (after an override changed). */
export function invalidatePriceBook(): void {
  runtime().priceBook = undefined;
}
