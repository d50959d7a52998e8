// Entry of the SQLite writer thread (bundled to dist/store-worker.mjs by scripts/lib/build-workers.ts):
// its own connection, with the WAL checkpointer beside it. It holds the batches the write queue hands
// over (store-thread.ts) and stores those each commit names, one commit at a time, keeping hot rollup
// rows between commits. At `synchronous = FULL` a commit is acknowledged once its WAL sync ends, which
// runs beside the next commit (sqlite-wal-sync.ts).
import { workerData } from "node:worker_threads";
import { RollupRowCache } from "@/lib/data/analytics/rollup-cache";
import { openSqlite } from "@/lib/db/sqlite";
import { WalSync } from "@/lib/db/sqlite-wal-sync";
import { answerLater, serveJobs } from "@/lib/workers/serve-jobs";
import { unpackText } from "@/lib/ingest/packed-text";
import { storeBatches } from "./store-batch";
import type { WriteBatch } from "@/lib/ingest/write-batch";
import type { CommitJob, HoldMessage, StoreWorkerData } from "./writer-protocol";

const { file, synchronous } = workerData as StoreWorkerData;
// FULL durability through WalSync: the connection itself does not wait for the disk.
const sql = openSqlite(file, "NORMAL", { backgroundCheckpoints: true });
const walSync = synchronous === "FULL" ? new WalSync(`${file}-wal`) : null;
process.once("exit", () => walSync?.close()); // descriptors are the process's, not the thread's

// Only storeBatch writes through this connection, which is what the rollup cache needs.
const rollupCache = new RollupRowCache();
const held = new Map<number, WriteBatch>();

function take(id: number): WriteBatch {
  const batch = held.get(id);
  if (!batch) throw new Error(`batch ${id} is not held by this writer thread`);
  return batch;
}

serveJobs<CommitJob, void, HoldMessage>(
  async (ids) => {
    const batches = ids.map(take);
    try {
      await storeBatches(sql, batches, { rollupCache });
      for (const id of ids) held.delete(id);
      if (walSync) return answerLater(walSync.afterCommit());
    } finally {
      if (ids.length === 1) held.delete(ids[0]!); // its last attempt: see StoreThread.commit
    }
  },
  ({ id, batch, text }) => held.set(id, { ...batch, text: unpackText(text) }),
);
