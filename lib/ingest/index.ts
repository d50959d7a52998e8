import "server-only";
// The OTLP/HTTP pipeline: authenticate → decode → parse → normalise → queue for commit. Returns a
// result the route turns into the HTTP answer (respond.ts); nothing is stored unless the whole body
// parsed, and the answer comes only after the transaction committed.
import { findProjectForKey, readApiKey } from "@/lib/auth/api-keys";
import { getEnv } from "@/lib/env";
import { getPriceBook, getSql, getWriteQueue } from "@/lib/runtime";
import { decodeBody, bodyFormatOf } from "./decode";
import { normaliseLogsRequest } from "./logs";
import { normaliseTraceRequest } from "./normalise";
import { OtlpShapeError } from "./otlp-types";
import { parseLogsRequest, parseTraceRequest, type BodyFormat } from "./parse";
import type { WriteBatch } from "./store";
import { QueueFullError } from "./write-queue";

export type Signal = "traces" | "logs";

export type IngestResult =
  | { kind: "ok"; signal: Signal; format: BodyFormat; accepted: number; rejected: number; errorMessage: string }
  | { kind: "error"; format: BodyFormat; status: 400 | 401 | 413 | 415 | 429 | 500 | 503; message: string; retryAfterSeconds?: number };

type Options = { signal: Signal; allowBasicAuth?: boolean };

const fail = (format: BodyFormat, status: Extract<IngestResult, { kind: "error" }>["status"], message: string, retryAfterSeconds?: number): IngestResult => ({
  kind: "error", format, status, message, retryAfterSeconds,
});

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return ["SQLITE_BUSY", "SQLITE_LOCKED", "ECONNREFUSED", "ECONNRESET", "57P01", "57P03", "53300"].includes(code) || /timeout|terminat/i.test(String(error));
}

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
  const key = readApiKey(request.headers, allowBasicAuth);
  const sql = getSql();
  if (!key || !(await findProjectForKey(sql, key))) {
    return fail(format, 401, key ? "unknown API key" : "missing API key: send Authorization: Bearer <key> or x-api-key");
  }
  const queue = getWriteQueue();
  const env = getEnv();
  // Refuse early when the queue is full, before spending CPU on decoding a body we cannot take.
  if (queue.queuedSpans >= env.HINDSIGHT_MAX_QUEUED_SPANS) return fail(format, 429, "server is busy: retry later", 1);

  const body = await decodeBody(request, env.HINDSIGHT_MAX_BODY_BYTES);
  if (!body.ok) return fail(format, body.status, body.message);

  let batch: WriteBatch;
  let rejected: number;
  let errors: string[];
  try {
    if (signal === "traces") {
      const normalised = normaliseTraceRequest(parseTraceRequest(body.bytes, body.format), await getPriceBook());
      batch = { spans: normalised.spans, resources: normalised.resources, logs: [] };
      ({ rejected, errors } = normalised);
    } else {
      const normalised = normaliseLogsRequest(parseLogsRequest(body.bytes, body.format));
      batch = { spans: [], resources: [], logs: normalised.logs };
      ({ rejected, errors } = normalised);
    }
  } catch (error) {
    if (error instanceof OtlpShapeError) return fail(body.format, 400, error.message);
    throw error;
  }

  const accepted = batch.spans.length + batch.logs.length;
  if (accepted > 0) {
    try {
      await queue.enqueue(batch);
    } catch (error) {
      if (error instanceof QueueFullError) return fail(body.format, 429, "server is busy: retry later", 1);
      if (isDatabaseUnavailable(error)) return fail(body.format, 503, "database unavailable: retry later", 5);
      console.error("[hindsight] storing an OTLP batch failed:", error);
      return fail(body.format, 500, "storing the spans failed; nothing from this request was stored");
    }
  }
  return { kind: "ok", signal, format: body.format, accepted, rejected, errorMessage: errors.join("; ") };
}
