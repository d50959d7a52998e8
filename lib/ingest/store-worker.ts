// Entry of the SQLite writer thread (bundled to dist/store-worker.mjs by scripts/lib/build-workers.ts):
// its own connection, with the WAL checkpointer beside it, runs storeBatch for each batch the write
// queue hands over (store-thread.ts), one at a time, keeping hot rollup rows between them.
import { workerData } from "node:worker_threads";
import { RollupRowCache } from "@/lib/analytics/rollup-cache";
import { openSqlite } from "@/lib/store/sqlite";
import { serveJobs } from "@/lib/workers/serve-jobs";
import { storeBatch, type WriteBatch } from "./store";
import type { StoreWorkerData } from "./store-thread";

const { file, synchronous } = workerData as StoreWorkerData;
const sql = openSqlite(file, synchronous, { backgroundCheckpoints: true });

// Only storeBatch writes through this connection, which is what the rollup cache needs.
const rollupCache = new RollupRowCache();

serveJobs<WriteBatch, void>((batch) => storeBatch(sql, batch, { rollupCache }));
