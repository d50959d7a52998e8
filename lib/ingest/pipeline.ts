// Bytes of one OTLP request → the batch to store: parse (protobuf or JSON) and normalise. Pure and
// self-contained, so it runs the same in the request's thread or in a normalise worker (normalise-pool.ts).
import type { PriceBook } from "@/lib/pricing/compute";
import { compileRedaction, EMPTY_REDACTION, redactBatch, type RedactionConfig } from "@/lib/redaction";
import { extractEvaluations } from "./evaluation-events";
import { liftExportedLogs } from "./exported-log-events";
import { normaliseLogsRequest } from "./logs";
import { normaliseTraceRequest } from "./normalise";
import { OtlpShapeError } from "./otlp-types";
import { parseLogsRequest, parseTraceRequest, type BodyFormat } from "./parse";
import type { WriteBatch } from "./write-batch";

/** A request's records before the receiver names the project they are stored in. */
export type NormalisedBatch = Omit<WriteBatch, "projectId">;

export type Signal = "traces" | "logs";

/** A normalised request, or the reason the whole body was refused (400). */
export type NormalisedBody = { ok: true; batch: NormalisedBatch; rejected: number; errors: string[] } | { ok: false; message: string };

/**
 * Parses and normalises one request body, then applies the project's redaction to everything it would
 * store (in place, before the batch leaves this function, so no original text is ever queued).
 */
export function normaliseBody(
  signal: Signal,
  bytes: Uint8Array,
  format: BodyFormat,
  prices: PriceBook,
  redaction: RedactionConfig = EMPTY_REDACTION,
): NormalisedBody {
  try {
    const redactor = compileRedaction(redaction);
    if (signal === "traces") {
      const request = parseTraceRequest(bytes, format);
      const exportedLogs = liftExportedLogs(request);
      const { spans, resources, rejected, errors } = normaliseTraceRequest(request, prices);
      const logs = exportedLogs ? normaliseLogsRequest(exportedLogs).logs : [];
      return { ok: true, batch: withEvaluations(redactBatch(redactor, { spans, resources, logs })), rejected, errors };
    }
    const { logs, rejected, errors } = normaliseLogsRequest(parseLogsRequest(bytes, format));
    return { ok: true, batch: withEvaluations(redactBatch(redactor, { spans: [], resources: [], logs })), rejected, errors };
  } catch (error) {
    if (error instanceof OtlpShapeError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Adds the batch's OpenTelemetry evaluation results (read after redaction), when it carries any. */
function withEvaluations(batch: NormalisedBatch): NormalisedBatch {
  const evaluations = extractEvaluations(batch.spans, batch.logs);
  return evaluations.length > 0 ? { ...batch, evaluations } : batch;
}
