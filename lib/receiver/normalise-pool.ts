// Runs normaliseBody (pipeline.ts) in worker threads, so parsing and normalising the next requests
// overlaps the commit of the previous ones instead of queueing behind it on one thread. Jobs go to the
// worker with the fewest in flight; a worker that dies fails its jobs (those requests answer 500 and
// nothing of them is stored) and is replaced on the next job.
import { existsSync } from "node:fs";
import path from "node:path";
import type { PriceBook } from "@/lib/pricing/compute";
import type { RedactionConfig } from "@/lib/redaction";
import { WorkerChannel } from "@/lib/workers/worker-channel";
import type { NormaliseJob } from "./normalise-worker";
import type { BodyFormat } from "@/lib/ingest/parse";
import type { NormalisedBody, Signal } from "@/lib/ingest/pipeline";

/** Where scripts/lib/build-workers.ts writes the worker bundle, relative to the project root. */
export const NORMALISE_WORKER_FILE = path.join("dist", "normalise-worker.mjs");

type Slot = { channel: WorkerChannel<NormaliseJob, NormalisedBody>; book: PriceBook | null };

/** The body's memory moves to the worker when it owns its whole buffer; else it is copied. */
function transferList(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? [buffer] : [];
}

export class NormalisePool {
  private readonly slots: (Slot | null)[];

  constructor(
    private readonly file: string,
    size: number,
  ) {
    this.slots = Array.from({ length: size }, () => null);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Normalises one request body in a worker. The body's bytes may be moved there: do not use them after. */
  run(signal: Signal, bytes: Uint8Array, format: BodyFormat, book: PriceBook, redaction: RedactionConfig): Promise<NormalisedBody> {
    const load = (i: number) => this.slots[i]?.channel.inFlight ?? 0;
    let index = 0;
    for (let i = 1; i < this.slots.length; i++) if (load(i) < load(index)) index = i;
    let slot = this.slots[index];
    // A worker that died is replaced by a new one, which has no price table yet.
    if (!slot?.channel.alive) slot = this.slots[index] = { channel: new WorkerChannel(this.file, "normalise worker"), book: null };
    const job: NormaliseJob = { signal, bytes, format, prices: slot.book === book ? undefined : book.prices, redaction };
    slot.book = book;
    return slot.channel.call(job, transferList(bytes));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map(async (slot) => slot?.channel.close()));
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
