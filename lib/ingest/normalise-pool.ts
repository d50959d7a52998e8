// Runs normaliseBody (pipeline.ts) in worker threads, so parsing and normalising the next requests
// overlaps the commit of the previous ones instead of queueing behind it on one thread. Jobs go to the
// worker with the fewest in flight; a worker that dies fails its jobs (those requests answer 500 and
// nothing of them is stored) and is replaced on the next job.
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { PriceBook } from "@/lib/pricing/compute";
import type { NormaliseJob, NormaliseReply } from "./normalise-worker";
import type { BodyFormat } from "./parse";
import type { NormalisedBody, Signal } from "./pipeline";

/** Where scripts/lib/build-workers.ts writes the worker bundle, relative to the project root. */
export const NORMALISE_WORKER_FILE = path.join("dist", "normalise-worker.mjs");

type Pending = { resolve(result: NormalisedBody): void; reject(error: Error): void };
type Slot = { worker: Worker; pending: Map<number, Pending>; book: PriceBook | null };

/** The body's memory moves to the worker when it owns its whole buffer; else it is copied. */
function transferList(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? [buffer] : [];
}

export class NormalisePool {
  private readonly slots: (Slot | null)[];
  private nextId = 1;

  constructor(private readonly file: string, size: number) {
    this.slots = Array.from({ length: size }, () => null);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Normalises one request body in a worker. The body's bytes may be moved there: do not use them after. */
  run(signal: Signal, bytes: Uint8Array, format: BodyFormat, book: PriceBook): Promise<NormalisedBody> {
    let index = 0;
    for (let i = 1; i < this.slots.length; i++) if ((this.slots[i]?.pending.size ?? 0) < (this.slots[index]?.pending.size ?? 0)) index = i;
    const slot = (this.slots[index] ??= this.spawn(index));
    const id = this.nextId++;
    const job: NormaliseJob = { id, signal, bytes, format, prices: slot.book === book ? undefined : book.prices };
    slot.book = book;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage(job, transferList(bytes));
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot?.worker.terminate()));
  }

  private spawn(index: number): Slot {
    const slot: Slot = { worker: new Worker(this.file), pending: new Map(), book: null };
    slot.worker.unref(); // the HTTP server keeps the process alive, not the pool
    slot.worker.on("message", (reply: NormaliseReply) => {
      const pending = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      if ("error" in reply) pending?.reject(new Error(`normalise worker: ${reply.error}`));
      else pending?.resolve(reply.result);
    });
    const fail = (error: Error) => {
      if (this.slots[index] === slot) this.slots[index] = null;
      for (const pending of slot.pending.values()) pending.reject(error);
      slot.pending.clear();
    };
    slot.worker.on("error", (error) => fail(error instanceof Error ? error : new Error(String(error))));
    slot.worker.on("exit", (code) => fail(new Error(`normalise worker exited (code ${code})`)));
    return slot;
  }
}

/** A pool of `size` workers when the bundle exists (built by `npm start`); null means normalise in-process. */
export function createNormalisePool(size: number, root = process.cwd()): NormalisePool | null {
  const file = path.join(root, NORMALISE_WORKER_FILE);
  if (size === 0) return null;
  if (!existsSync(file)) {
    console.warn(`[hindsight] ${NORMALISE_WORKER_FILE} not found (npm start builds it): normalising OTLP requests in the request thread`);
    return null;
  }
  return new NormalisePool(file, size);
}
