import "server-only";
// The OTLP/HTTP pipeline: authenticate (an API key with the ingest scope) → decode → parse → normalise
// → queue for commit in the key's project. Returns a result the route turns into the HTTP answer
// (respond.ts); nothing is stored unless the whole body parsed, and the answer comes only after the
// transaction committed.
import { authenticateApiKey, readApiKey } from "@/lib/auth/api-key-auth";
import { getEnv } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/data/errors";
import { getPriceBook } from "@/lib/data/prices/price-book";
import { getRedactionConfig } from "@/lib/data/access/redaction-settings";
import { projectScope, type ProjectScope } from "@/lib/data/scope";
import { getNormalisePool, getWriteQueue, type IngestQueue } from "@/lib/receiver/runtime";
import { decodeBody, bodyFormatOf } from "@/lib/ingest/decode";
import type { BodyFormat } from "@/lib/ingest/parse";
import { normaliseBody, type Signal } from "@/lib/ingest/pipeline";
import type { WriteBatch } from "@/lib/ingest/write-batch";
import { QueueFullError } from "./write-queue";

export type { Signal } from "@/lib/ingest/pipeline";

export type IngestResult =
  | { kind: "ok"; signal: Signal; format: BodyFormat; accepted: number; rejected: number; errorMessage: string }
  | { kind: "error"; format: BodyFormat; status: 400 | 401 | 403 | 413 | 415 | 429 | 500 | 503; message: string; retryAfterSeconds?: number };

type Options = { signal: Signal; allowBasicAuth?: boolean };

const fail = (format: BodyFormat, status: Extract<IngestResult, { kind: "error" }>["status"], message: string, retryAfterSeconds?: number): IngestResult => ({
  kind: "error",
  format,
  status,
  message,
  retryAfterSeconds,
});

/** Handles one OTLP export request (traces or logs); never throws. */
export async function ingestOtlp(request: Request, options: Options): Promise<IngestResult> {
  const format = bodyFormatOf(request.headers.get("content-type")) ?? "json";
  try {
    return await ingest(request, options, format);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return fail(format, 503, "database unavailable: retry later", 5);
    console.error("[hindsight] OTLP request failed:", error);
    return fail(format, 500, "internal error; nothing from this request was stored");
  }
}

async function ingest(request: Request, { signal, allowBasicAuth = false }: Options, format: BodyFormat): Promise<IngestResult> {
  const keyText = readApiKey(request.headers, allowBasicAuth);
  if (!keyText) return fail(format, 401, "missing API key: send Authorization: Bearer <key> or x-api-key");
  const check = await authenticateApiKey(keyText);
  if (!check.ok) return fail(format, 401, check.message);
  if (!check.key.scopes.includes("ingest")) return fail(format, 403, `API key ${check.key.prefix}… lacks the ingest scope`);
  const scope = projectScope(check.key.projectId);
  const queue = getWriteQueue();
  const env = getEnv();
  // Refuse early when the queue is full, before spending CPU on decoding a body we cannot take.
  if (queue.queuedSpans >= env.HINDSIGHT_MAX_QUEUED_SPANS) return fail(format, 429, "server is busy: retry later", 1);

  // Counted as an arrival while read and normalised, so a commit about to start can wait for it.
  const queued = await queue.arrival(async () => queueBatch(queue, await prepare(scope, request, signal, env.HINDSIGHT_MAX_BODY_BYTES)));
  if (!queued.ok) return fail(queued.format ?? format, queued.status, queued.message);
  try {
    await queued.committed;
  } catch (error) {
    if (error instanceof QueueFullError) return fail(queued.format, 429, "server is busy: retry later", 1);
    if (isDatabaseUnavailable(error)) return fail(queued.format, 503, "database unavailable: retry later", 5);
    console.error("[hindsight] storing an OTLP batch failed:", error);
    return fail(queued.format, 500, "storing the spans failed; nothing from this request was stored");
  }
  const { accepted, rejected, errors } = queued;
  return { kind: "ok", signal, format: queued.format, accepted, rejected, errorMessage: errors.join("; ") };
}

type Queued =
  { ok: true; format: BodyFormat; accepted: number; rejected: number; errors: string[]; committed: Promise<void> } | Extract<Prepared, { ok: false }>;

/**
 * Queues the batch and keeps only what the answer needs: the batch itself is not referenced by the
 * request while its commit runs (the queue hands it to the SQLite writer thread at once).
 */
function queueBatch(queue: IngestQueue, prepared: Prepared): Queued {
  if (!prepared.ok) return prepared;
  const { batch, format, rejected, errors } = prepared;
  const accepted = batch.spans.length + batch.logs.length;
  return { ok: true, format, accepted, rejected, errors, committed: accepted > 0 ? queue.enqueue(batch) : Promise.resolve() };
}

type Prepared =
  | { ok: true; format: BodyFormat; batch: WriteBatch; rejected: number; errors: string[] }
  | { ok: false; format?: BodyFormat; status: 400 | 413 | 415; message: string };

/** Reads, decompresses, parses and normalises the body (in a worker when the pool runs), for the key's project. */
async function prepare(scope: ProjectScope, request: Request, signal: Signal, maxBytes: number): Promise<Prepared> {
  const body = await decodeBody(request, maxBytes);
  if (!body.ok) return body;
  const [prices, redaction] = await Promise.all([getPriceBook(scope), getRedactionConfig(scope)]);
  const pool = getNormalisePool();
  const normalised = pool
    ? await pool.run(signal, body.bytes, body.format, prices, redaction)
    : normaliseBody(signal, body.bytes, body.format, prices, redaction);
  if (!normalised.ok) return { ok: false, format: body.format, status: 400, message: normalised.message };
  const { batch, rejected, errors } = normalised;
  return { ok: true, format: body.format, batch: { ...batch, projectId: scope.projectId }, rejected, errors };
}
