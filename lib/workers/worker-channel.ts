// One worker thread seen as an async function: each call posts a job with an id and resolves with the
// worker's reply to that id (serve-jobs.ts is the other end); `post` sends a message the worker takes
// without answering. A worker that exits or crashes fails every call still in flight; the owner sees
// `alive` turn false and starts a new channel.
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { JobReply, SerialisedError } from "./serve-jobs";

type Pending<Result> = { resolve(result: Result): void; reject(error: Error): void };

/** Rebuilds the worker's error on this side, keeping `code` (SQLITE_BUSY and the like drive the HTTP status). */
function revive(error: SerialisedError, label: string): Error {
  return Object.assign(new Error(`${label}: ${error.message}`), error.code === undefined ? {} : { code: error.code }, { workerStack: error.stack });
}

export class WorkerChannel<Job, Result, Post = never> {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending<Result>>();
  private nextId = 1;
  private dead = false;

  constructor(
    file: string,
    private readonly label: string,
    workerData?: unknown,
    resourceLimits?: ResourceLimits,
  ) {
    this.worker = new Worker(file, { workerData, resourceLimits });
    this.worker.unref(); // the HTTP server keeps the process alive, not its workers
    this.worker.on("message", (reply: JobReply<Result>) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ("error" in reply) pending?.reject(revive(reply.error, this.label));
      else pending?.resolve(reply.result);
    });
    this.worker.on("error", (error) => this.fail(error instanceof Error ? error : new Error(String(error))));
    this.worker.on("exit", (code) => this.fail(new Error(`${this.label} exited (code ${code})`)));
  }

  get alive(): boolean {
    return !this.dead;
  }

  /** Jobs posted and not answered yet. */
  get inFlight(): number {
    return this.pending.size;
  }

  call(job: Job, transfer: ArrayBuffer[] = []): Promise<Result> {
    if (this.dead) return Promise.reject(new Error(`${this.label} is not running`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ id, job }, transfer);
      } catch (error) {
        this.pending.delete(id); // not cloneable: nothing was sent
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Sends a message the worker handles without answering (serveJobs' `onPost`); throws if it cannot be cloned. */
  post(message: Post, transfer: ArrayBuffer[] = []): void {
    if (this.dead) throw new Error(`${this.label} is not running`);
    this.worker.postMessage({ post: message }, transfer);
  }

  /** Stops the worker; calls in flight reject, and `alive` is false from now on. */
  async close(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.dead = true;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
