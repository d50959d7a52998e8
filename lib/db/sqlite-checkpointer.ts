// Moves SQLite's WAL checkpoints off the writer. In WAL mode every commit only appends pages to the
// WAL; a checkpoint later copies them into the database file and syncs it. With SQLite's default
// (auto-checkpoint every 1,000 pages, run by the committing connection) that copy happened inside our
// COMMIT, on the server's only thread, and was half of the commit's cost. Here a worker thread with its
// own connection runs PASSIVE checkpoints, which never block the writer or readers, while the writer keeps
// an auto-checkpoint only as a safety net (used if this thread falls behind or cannot start).
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

/** The writer's own auto-checkpoint threshold (pages) while the background checkpointer runs. */
export const SAFETY_AUTOCHECKPOINT_PAGES = 65_536;
// A checkpoint copies each page once, however many commits rewrote it since the last one. Under ingest
// every commit rewrites the same few hundred pages (the hot rollup rows, index interior pages, traces
// of running agents) besides appending new span pages. Checkpointing every 400 ms instead of every
// 100 ms (once per ~5 commits instead of once per commit in `npm run bench:ingest`) cut the
// checkpointer's CPU from 1.45–1.62 s to 0.84–0.98 s a run and the server's CPU per span by 6–8 %
// in three interleaved pairs. Once a second instead of every 400 ms: fewer checkpoints catch up, so
// the writer restarts the WAL (and syncs its new header, ~20 ms) less often, and hot pages are copied
// less often; ~5 % more spans a second over five interleaved pairs. In return the WAL file grows to
// ~280 MB through that benchmark instead of ~150 MB (SQLite restarts it only once a checkpoint has
// caught up), so the writer's safety net sits at 65,536 pages (256 MB). Under a backfill that never
// pauses, checkpoints seldom catch up at either interval: the WAL grew to 1.0–1.6 GB through
// `npm run bench:graph`'s 1M spans before one did, and the lull after it gives the file back.
const INTERVAL_MS = 1_000;

// Plain CommonJS evaluated in the worker: no bundler has to know about this file. PASSIVE checkpoints
// never block the writer or readers. The writer no longer truncates the WAL file at a restart (its
// journal_size_limit is off while this thread runs): that was an ftruncate, with the file system's
// discard, inside a commit. Here, in a lull (nothing committed since the last tick and every frame
// copied), a TRUNCATE checkpoint gives the file back once it has grown past the limit. It keeps new
// commits waiting until readers still on the WAL finish, so it gives up after 100 ms (a long export, say)
// and tries again at the next tick.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { statSync } = require("node:fs");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 1000");
let stopped = false;
let lastFrames = -1;
const tick = () => {
  if (stopped) return;
  try {
    const [{ log, checkpointed }] = db.pragma("wal_checkpoint(PASSIVE)");
    const lull = log > 0 && log === checkpointed && log === lastFrames;
    lastFrames = log;
    if (lull && statSync(workerData.file + "-wal").size > workerData.limitBytes) {
      db.pragma("busy_timeout = 100");
      try { db.pragma("wal_checkpoint(TRUNCATE)"); } finally { db.pragma("busy_timeout = 1000"); }
    }
  } catch (error) { /* busy or locked: next tick */ }
  setTimeout(tick, workerData.intervalMs);
};
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  stopped = true;
  try { db.close(); } catch {}
  parentPort.close();
});
tick();
`;

export type Checkpointer = { stop(): Promise<void> };

/**
 * Starts checkpointing `file` in the background, and empties a WAL grown past `limitBytes` in lulls; null
 * when a worker cannot start. `onFailure` runs if the worker dies later, so the writer can go back to
 * checkpointing on commit.
 */
export function startCheckpointer(file: string, limitBytes: number, onFailure: () => void): Checkpointer | null {
  let worker: Worker;
  try {
    // Resolved from the project, where better-sqlite3 is installed: the server may run from a bundle.
    const driver = createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: path.resolve(file), driver, intervalMs: INTERVAL_MS, limitBytes } });
  } catch (error) {
    console.warn("[hindsight] background WAL checkpoints unavailable, SQLite checkpoints on commit:", (error as Error).message);
    return null;
  }
  worker.unref(); // never keeps the process alive
  let stopping = false;
  worker.on("error", (error) => console.warn("[hindsight] WAL checkpointer failed, SQLite checkpoints on commit again:", error.message));
  worker.on("exit", () => {
    if (!stopping) onFailure();
  });
  return {
    stop: () =>
      new Promise((resolve) => {
        stopping = true;
        worker.once("exit", () => resolve());
        worker.postMessage("stop");
        setTimeout(() => void worker.terminate(), 2000).unref();
      }),
  };
}
