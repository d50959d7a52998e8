// Reading the untrusted content of a span for display: exceptions, model parameters and JSON text.
// Everything returned is plain data; the UI renders it as text.
import type { Span } from "@/lib/trace/types";

export type SpanException = { type: string | null; message: string | null; stacktrace: string | null; time: string | null };

/**
 * Exceptions recorded on the span (`exception` events, OTel semconv), newest last. An errored span without
 * one still yields its status message, so the error is never hidden.
 */
export function extractExceptions(span: Pick<Span, "events" | "status" | "statusMessage">): SpanException[] {
  const found: SpanException[] = [];
  for (const event of span.events) {
    if (event.name !== "exception") continue;
    const attrs = event.attributes ?? {};
    found.push({
      type: textOrNull(attrs["exception.type"]),
      message: textOrNull(attrs["exception.message"]),
      stacktrace: textOrNull(attrs["exception.stacktrace"]),
      time: event.time ?? null,
    });
  }
  if (found.length === 0 && span.status === "error" && span.statusMessage) {
    found.push({ type: null, message: span.statusMessage, stacktrace: null, time: null });
  }
  return found;
}

const PARAMETER_PREFIXES = ["gen_ai.request.", "llm.request.", "ai.settings."];
const PARAMETER_SKIP = new Set(["gen_ai.request.model", "llm.request.model"]);

/**
 * Model parameters (temperature, max tokens, …) from the span attributes, as [name, value] pairs sorted
 * by name. Reads GenAI semconv, OpenLLMetry, Vercel AI SDK and OpenInference's JSON `llm.invocation_parameters`.
 */
export function pickModelParameters(attributes: Record<string, unknown>): [string, unknown][] {
  const params = new Map<string, unknown>();
  for (const [key, value] of Object.entries(attributes)) {
    if (PARAMETER_SKIP.has(key)) continue;
    const prefix = PARAMETER_PREFIXES.find((p) => key.startsWith(p));
    if (prefix) params.set(key.slice(prefix.length), value);
  }
  const invocation = attributes["llm.invocation_parameters"];
  if (typeof invocation === "string") {
    const parsed = parseJson(invocation);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      for (const [key, value] of Object.entries(parsed)) if (!params.has(key) && key !== "model") params.set(key, value);
    }
  }
  return [...params.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Text for a value: strings as they are, everything else as indented JSON; "" for undefined. */
export function stringifyValue(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2) ?? String(value);
  } catch {
    return String(value);
  }
}

export type TruncatedText = { text: string; isTruncated: boolean; hiddenChars: number };

/** Cuts long text to `maxChars` (not splitting a surrogate pair), saying how much was hidden. */
export function truncateText(text: string, maxChars: number): TruncatedText {
  if (text.length <= maxChars) return { text, isTruncated: false, hiddenChars: 0 };
  let end = Math.max(0, maxChars);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), isTruncated: true, hiddenChars: text.length - end };
}

/** True when a span input/output holds something worth showing. */
export function hasContent(value: unknown): boolean {
  if (value == null) return false;
  if (typeof value === "string") return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

function textOrNull(value: unknown): string | null {
  if (value == null) return null;
  return typeof value === "string" ? value : stringifyValue(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
