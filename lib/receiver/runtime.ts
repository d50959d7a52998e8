import "server-only";
// Process-wide state of the OTLP receiver: the write queue ingest batches are committed from, the
// SQLite writer thread, and the normalise workers. Kept on globalThis because Next.js bundles each
// route separately and module state would otherwise be duplicated.
import { availableParallelism } from "node:os";
import { getEnv, type Env } from "@/lib/env";
import { commitBatches } from "@/lib/data/ingest/commit-batches";
import { installWriteTurn } from "@/lib/data/write-turn";
import type { WriteBatch } from "@/lib/ingest/write-batch";
import { createNormalisePool, type NormalisePool } from "./normalise-pool";
import { createStoreThread, type HeldBatch } from "./store-thread";
import { WriteQueue, type BatchStore } from "./write-queue";

type Runtime = { queue: IngestQueue; pool: NormalisePool | null; writerThread: boolean };
const globalForRuntime = globalThis as unknown as { hindsightReceiver?: Runtime };

// With a writer thread, two commits of at most 1,024 spans in flight: the best of the settings tried
// with `npm run bench:ingest` (1 or 2 in flight, 512 to 8,000 spans). A large commit keeps senders
// waiting for their answers while the writer has nothing queued; a second commit waiting in the
// thread starts the moment the first ends, even while this thread is busy normalising.
const WRITER_THREAD_COMMITS = { commitsInFlight: 2, maxSpansPerCommit: 1024 };

// On PostgreSQL, two commits in flight on two connections: while the database works through one, this
// thread prepares the next, instead of waiting for each commit's statements in turn. They serialise only
// where they must (the locks of the traces they share, the rollup lock), as commits of two servers do.
// Measured with `npm run bench:ingest -- --database postgres`; three in flight did no better than two.
const POSTGRES_COMMITS = { commitsInFlight: 2 };

/** The write queue as its users see it, whatever it holds while batches wait. */
export type IngestQueue = Pick<WriteQueue, "queuedSpans" | "arrival" | "enqueue" | "isBusy" | "runExclusive">;

/** Batches wait in this thread's queue and are committed through the process's connection. */
const inProcess = (): BatchStore<WriteBatch> => ({ hold: (batch) => batch, write: commitBatches });

function openQueue(env: Env): { queue: IngestQueue; writerThread: boolean } {
  const maxQueued = env.HINDSIGHT_MAX_QUEUED_SPANS;
  const { database } = env;
  const thread =
    database.kind === "sqlite" && env.HINDSIGHT_SQLITE_WRITER_THREAD
      ? createStoreThread({ file: database.file, synchronous: env.HINDSIGHT_SQLITE_SYNCHRONOUS })
      : null;
  if (!thread) return { queue: new WriteQueue(inProcess(), maxQueued, database.kind === "postgres" ? POSTGRES_COMMITS : {}), writerThread: false };
  const handOver: BatchStore<HeldBatch> = { hold: (batch) => thread.hold(batch), write: (held) => thread.commit(held) };
  return { queue: new WriteQueue(handOver, maxQueued, WRITER_THREAD_COMMITS), writerThread: true };
}

function createRuntime(): Runtime {
  const env = getEnv();
  const { queue, writerThread } = openQueue(env);
  // Workers pay off only with cores to spare: one core is the committing thread's, another is busy with
  // the WAL checkpointer, the database and the OS. On 2 cores `npm run bench:ingest` measured them slower
  // (33–35 % of the raw limit against 34–45 % in-thread, +40 µs CPU per span, +30 MB RSS), so they
  // start from 4 cores.
  const workers = env.HINDSIGHT_INGEST_WORKERS ?? Math.min(4, Math.max(0, availableParallelism() - 2));
  installWriteTurn(betweenIngestCommits);
  return { queue, pool: createNormalisePool(workers), writerThread };
}

function runtime(): Runtime {
  globalForRuntime.hindsightReceiver ??= createRuntime();
  return globalForRuntime.hindsightReceiver;
}

/** The worker threads that parse and normalise OTLP bodies; null when normalising in the request thread. */
export const getNormalisePool = (): NormalisePool | null => runtime().pool;

/** Whether SQLite ingest commits in its own writer thread (store-thread.ts). */
export const usesWriterThread = (): boolean => runtime().writerThread;

/** The group-commit write queue. */
export const getWriteQueue = (): IngestQueue => runtime().queue;

/** How long after the last arrival ingest still counts as busy: senders' next batches follow within it. */
const BUSY_AFTER_ARRIVAL_MS = 1000;

/**
 * Whether ingest is busy (spans queued or being read, or a batch arrived within the last second), for
 * background jobs that yield to it. False before the first ingest request (no receiver is created for it).
 */
export const isIngestBusy = (nowMs = Date.now()): boolean => globalForRuntime.hindsightReceiver?.queue.isBusy(nowMs, BUSY_AFTER_ARRIVAL_MS) ?? false;

/**
 * Runs a background job's write (a few short statements) between two ingest commits on SQLite. SQLite has
 * one writer, and better-sqlite3 waits for the lock synchronously: a job writing through this thread's
 * connection while the writer thread commits would stop this thread (reading and normalising requests)
 * until the commit ends. Between commits the lock is free. PostgreSQL writers do not block each other, and
 * before the first ingest request there is nothing to wait for: the write runs at once.
 */
export async function betweenIngestCommits<T>(write: () => Promise<T>): Promise<T> {
  const queue = globalForRuntime.hindsightReceiver?.queue;
  if (!queue || getEnv().database.kind !== "sqlite") return write();
  let result: { value: T } | undefined;
  await queue.runExclusive(async () => {
    result = { value: await write() };
  });
  return result!.value;
}
