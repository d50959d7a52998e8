// Entry of a normalise worker thread (bundled to dist/normalise-worker.mjs by scripts/lib/build-workers.ts).
// Parsing and normalising are most of ingest's CPU; in workers they run beside the thread that commits,
// instead of taking turns with it. Jobs come from normalise-pool.ts.
import { buildPriceBook, type ModelPrice, type PriceBook } from "@/lib/pricing/compute";
import { serveJobs } from "@/lib/workers/serve-jobs";
import type { RedactionConfig } from "@/lib/redaction";
import type { BodyFormat } from "@/lib/ingest/parse";
import { normaliseBody, type NormalisedBody, type Signal } from "@/lib/ingest/pipeline";

export type NormaliseJob = {
  signal: Signal;
  bytes: Uint8Array;
  format: BodyFormat;
  /** The full price table, sent when it changed since this worker's last job. */
  prices?: ReadonlyMap<string, ModelPrice>;
  /** The project's redaction settings (compiled once per distinct settings in this thread). */
  redaction: RedactionConfig;
};

let book: PriceBook = buildPriceBook();

serveJobs<NormaliseJob, NormalisedBody>((job) => {
  if (job.prices) book = buildPriceBook(job.prices);
  return normaliseBody(job.signal, job.bytes, job.format, book, job.redaction);
});
