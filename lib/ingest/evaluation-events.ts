// OpenTelemetry GenAI evaluation results (event `gen_ai.evaluation.result`) → scores with source "otel".
// Instrumentations send them as a span event on the evaluated span or as a log record carrying its trace
// and span ids; both are read. Runs after redaction, so an explanation is stored as redacted as the span.
// Each result gets an id derived from where it came from, so a re-sent span or log batch adds no second
// score. Pure.
import { createHash } from "node:crypto";
import type { SpanLogRecord } from "./logs";
import type { SpanRecord } from "./span-record";

export const EVALUATION_EVENT = "gen_ai.evaluation.result";

export type EvaluationRecord = {
  id: string;
  traceId: string;
  spanId: string;
  name: string;
  value: number | null;
  label: string | null;
  comment: string | null;
  timeNs: bigint;
};

type Evaluation = Pick<EvaluationRecord, "name" | "value" | "label" | "comment">;

const MAX_NAME = 200;
const MAX_LABEL = 200;
const MAX_COMMENT = 10_000;

const text = (v: unknown, max: number): string | null => {
  if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") return null;
  const s = String(v).replaceAll("\u0000", "").trim();
  return s ? s.slice(0, max) : null;
};

function number(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : typeof v === "bigint" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** The evaluation in an event's attributes, or null when it names no evaluation or carries neither value nor label. */
export function readEvaluation(attributes: Record<string, unknown>): Evaluation | null {
  const name = text(attributes["gen_ai.evaluation.name"], MAX_NAME);
  const value = number(attributes["gen_ai.evaluation.score.value"]);
  const label = text(attributes["gen_ai.evaluation.score.label"], MAX_LABEL);
  if (name === null || (value === null && label === null)) return null;
  return { name, value, label, comment: text(attributes["gen_ai.evaluation.explanation"], MAX_COMMENT) };
}

const idOf = (...parts: string[]) => createHash("sha1").update(parts.join("\u0000")).digest("hex").slice(0, 32);

const asRecord = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

type StoredEvent = { name?: unknown; timeNs?: unknown; attributes?: unknown };

/** Evaluation results among spans' events and log records. */
export function extractEvaluations(spans: readonly SpanRecord[], logs: readonly SpanLogRecord[]): EvaluationRecord[] {
  const out: EvaluationRecord[] = [];
  for (const span of spans) {
    // Cheap test first: nearly no span carries one, and parsing every span's events would cost ingest.
    if (!span.events.includes(EVALUATION_EVENT)) continue;
    let events: StoredEvent[];
    try {
      events = JSON.parse(span.events) as StoredEvent[];
    } catch {
      continue;
    }
    events.forEach((event, index) => {
      if (event.name !== EVALUATION_EVENT) return;
      const evaluation = readEvaluation(asRecord(event.attributes));
      if (!evaluation) return;
      const timeNs = typeof event.timeNs === "string" && /^\d+$/.test(event.timeNs) ? BigInt(event.timeNs) : span.endNs;
      const id = idOf("span", span.traceId, span.spanId, String(index), timeNs.toString(), evaluation.name);
      out.push({ id, traceId: span.traceId, spanId: span.spanId, timeNs, ...evaluation });
    });
  }
  for (const log of logs) {
    if (log.eventName !== EVALUATION_EVENT) continue;
    let attributes: Record<string, unknown>;
    let body: unknown = null;
    try {
      attributes = asRecord(JSON.parse(log.attributes));
      if (log.body !== null) body = JSON.parse(log.body);
    } catch {
      continue;
    }
    // Attributes are where the convention puts them; some SDKs put the fields in a structured body.
    const evaluation = readEvaluation({ ...asRecord(body), ...attributes });
    if (!evaluation) continue;
    out.push({ id: idOf("log", log.dedupeKey), traceId: log.traceId, spanId: log.spanId, timeNs: log.timeNs, ...evaluation });
  }
  return out;
}
