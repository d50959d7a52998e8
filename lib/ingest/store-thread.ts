// SQLite commits in a worker thread of their own (store-worker.ts). better-sqlite3 is synchronous: in
// the request thread every INSERT and every fsync of a commit stops the event loop, so reading and
// normalising the next requests waits for the disk. With the writer in its own thread the two overlap,
// which on SQLite is the difference between one core and two. PostgreSQL needs none of this (its
// driver is asynchronous already).
import { existsSync } from "node:fs";
import path from "node:path";
import { WorkerChannel } from "@/lib/workers/worker-channel";
import type { WriteBatch } from "./store";

/** Where scripts/lib/build-workers.ts writes the writer's bundle, relative to the project root. */
export const STORE_WORKER_FILE = path.join("dist", "store-worker.mjs");

export type StoreWorkerData = { file: string; synchronous: "FULL" | "NORMAL" };

export class StoreThread {
  private channel: WorkerChannel<WriteBatch, void> | null = null;

  constructor(private readonly workerFile: string, private readonly data: StoreWorkerData) {}

  /**
   * Stores one batch in one transaction in the writer thread. If the thread dies, that batch fails (its
   * transaction never committed, so nothing of it is stored) and the next batch starts a new thread.
   */
  store(batch: WriteBatch): Promise<void> {
    if (!this.channel?.alive) this.channel = new WorkerChannel(this.workerFile, "SQLite writer thread", this.data);
    return this.channel.call(batch);
  }

  async close(): Promise<void> {
    await this.channel?.close();
  }
}

/** The writer thread when its bundle exists (built by `npm start`); null means commit in the request thread. */
export function createStoreThread(data: StoreWorkerData, root = process.cwd()): StoreThread | null {
  const file = path.join(root, STORE_WORKER_FILE);
  if (existsSync(file)) return new StoreThread(file, data);
  console.warn(`[hindsight] ${STORE_WORKER_FILE} not found (npm start builds it): committing in the request thread`);
  return null;
}
