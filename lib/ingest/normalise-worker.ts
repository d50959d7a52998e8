// Entry of a normalise worker thread (bundled to dist/normalise-worker.mjs by scripts/lib/build-workers.ts).
// Parsing and normalising are most of ingest's CPU; in workers they run beside the thread that commits,
// instead of taking turns with it. Messages: NormaliseJob in, NormaliseReply out (normalise-pool.ts).
import { parentPort } from "node:worker_threads";
import { buildPriceBook, type ModelPrice, type PriceBook } from "@/lib/pricing/compute";
import type { BodyFormat } from "./parse";
import { normaliseBody, type NormalisedBody, type Signal } from "./pipeline";

export type NormaliseJob = {
  id: number;
  signal: Signal;
  bytes: Uint8Array;
  format: BodyFormat;
  /** The full price table, sent when it changed since this worker's last job. */
  prices?: ReadonlyMap<string, ModelPrice>;
};
export type NormaliseReply = { id: number; result: NormalisedBody } | { id: number; error: string };

let book: PriceBook = buildPriceBook();

parentPort?.on("message", (job: NormaliseJob) => {
  if (job.prices) book = buildPriceBook(job.prices);
  let reply: NormaliseReply;
  try {
    reply = { id: job.id, result: normaliseBody(job.signal, job.bytes, job.format, book) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
