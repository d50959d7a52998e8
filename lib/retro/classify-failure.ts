// Reads a failed span's signals in the order of SIGNAL_SOURCE_ORDER and returns the mode of the first row of
// FAILURE_SIGNALS that matches, refined by FAILURE_REFINEMENTS; the rules themselves are data
// (failure-signals.ts). Never throws on odd attribute values: anything that is not text or a number is ignored.
import {
  FAILURE_REFINEMENTS,
  FAILURE_SIGNALS,
  FALLBACK_BY_KIND,
  FINISH_REASON_ATTRIBUTES,
  HTTP_STATUS_ATTRIBUTES,
  SIGNAL_SOURCE_ORDER,
  type FailureSignal,
  type SignalSource,
} from "@/lib/retro/failure-signals";
import { APPROVAL_DECISION } from "@/lib/retro/trace-index";
import type { FailureMode, RetroKind, RetroSpan } from "@/lib/retro/types";

export type FailureClassification = {
  mode: FailureMode;
  /** Id of the row that decided (a signal, then possibly a refinement), or null for the fallback by kind. */
  signalId: string | null;
  refinementId: string | null;
  /** The most telling error text of the span, for people. */
  message: string | null;
};

type ClassifiedSpan = Pick<RetroSpan, "statusMessage" | "attributes" | "events">;

const SIGNALS_BY_SOURCE = new Map<SignalSource, FailureSignal[]>(
  SIGNAL_SOURCE_ORDER.map((source) => [source, FAILURE_SIGNALS.filter((s) => s.source === source)]),
);
// Only attribute sources may fail a span on their own (the others describe an error already reported).
const FAILS_SPAN = FAILURE_SIGNALS.filter((s) => s.failsSpan && (s.source === "approval.decision" || s.source === "finish_reason"));

/** Classifies the failure of `span`, whose effective kind is `kind`. */
export function classifyFailure(span: ClassifiedSpan, kind: RetroKind): FailureClassification {
  const reader = new SignalReader(span);
  const message = reader.values("exception.message")[0] ?? span.statusMessage ?? reader.values("error.type")[0] ?? null;
  for (const source of SIGNAL_SOURCE_ORDER) {
    const candidates = reader.values(source);
    if (candidates.length === 0) continue;
    for (const signal of SIGNALS_BY_SOURCE.get(source)!) {
      if (appliesTo(signal, kind) && candidates.some((value) => matches(signal, value))) {
        const texts = TEXT_SOURCES.flatMap((textSource) => reader.values(textSource));
        const refinement = FAILURE_REFINEMENTS.find((r) => r.refines === signal.mode && texts.some((text) => r.pattern.test(text)));
        return { mode: refinement?.mode ?? signal.mode, signalId: signal.id, refinementId: refinement?.id ?? null, message };
      }
    }
  }
  return { mode: FALLBACK_BY_KIND[kind] ?? "unknown_error", signalId: null, refinementId: null, message };
}

/** True when a signal marks the span as failed even though its status is not an error (see `failsSpan`). */
export function hasFailingSignal(span: ClassifiedSpan, kind: RetroKind): boolean {
  // Called for every span of a trace, so it reads the two attribute sources directly, and only when present.
  const attrs = span.attributes;
  const decision = attrs[APPROVAL_DECISION];
  const hasFinishReason = FINISH_REASON_ATTRIBUTES.some((key) => attrs[key] !== undefined);
  if (decision === undefined && !hasFinishReason) return false;
  const values: Partial<Record<SignalSource, string[]>> = {
    "approval.decision": texts(decision),
    finish_reason: hasFinishReason ? FINISH_REASON_ATTRIBUTES.flatMap((key) => texts(attrs[key], true)) : [],
  };
  return FAILS_SPAN.some((signal) => appliesTo(signal, kind) && (values[signal.source] ?? []).some((value) => matches(signal, value)));
}

function appliesTo(signal: FailureSignal, kind: RetroKind): boolean {
  return (!signal.kinds || signal.kinds.includes(kind)) && !signal.notKinds?.includes(kind);
}

function matches(signal: FailureSignal, value: string): boolean {
  if (signal.pattern) return signal.pattern.test(value);
  if (!signal.equals) return false;
  const lower = value.toLowerCase();
  const typeSource = signal.source === "error.type" || signal.source === "exception.type";
  const short = typeSource ? lastSegment(lower) : lower;
  return signal.equals.some((expected) => {
    const wanted = String(expected).toLowerCase();
    return wanted === lower || wanted === short;
  });
}

const lastSegment = (name: string) => name.slice(Math.max(name.lastIndexOf("."), name.lastIndexOf(":")) + 1);

const MAX_TEXT_CHARS = 10_000;

const TEXT_SOURCES: readonly SignalSource[] = ["error.type", "exception.type", "exception.message", "status.message"];

/** The text values of each signal source of one span, read on first use. */
class SignalReader {
  private readonly cache = new Map<SignalSource, string[]>();

  constructor(private readonly span: ClassifiedSpan) {}

  values(source: SignalSource): string[] {
    let values = this.cache.get(source);
    // Error texts can be whole response bodies or stack traces: the patterns look at their beginning only.
    if (!values) this.cache.set(source, (values = this.read(source).map((text) => text.slice(0, MAX_TEXT_CHARS))));
    return values;
  }

  private read(source: SignalSource): string[] {
    const attrs = this.span.attributes;
    switch (source) {
      case "approval.decision":
        return texts(attrs[APPROVAL_DECISION]);
      case "finish_reason":
        return FINISH_REASON_ATTRIBUTES.flatMap((key) => texts(attrs[key], true));
      case "error.type":
        return texts(attrs["error.type"]);
      case "exception.type":
        return texts(this.span.events.find((event) => event.name === "exception")?.attributes["exception.type"]);
      case "exception.message":
        return texts(this.span.events.find((event) => event.name === "exception")?.attributes["exception.message"]);
      case "status.message":
        return texts(this.span.statusMessage);
      case "http.status":
        return [...HTTP_STATUS_ATTRIBUTES.flatMap((key) => texts(attrs[key])), ...this.values("error.type").filter((value) => /^\d{3}$/.test(value))];
    }
  }
}

/** Text values of an attribute: a string, a number, or (for list attributes) each element; JSON list text is read as a list. */
function texts(value: unknown, isList = false): string[] {
  if (typeof value === "number" && Number.isFinite(value)) return [String(value)];
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed === "") return [];
    if (isList && trimmed.startsWith("[")) {
      try {
        return texts(JSON.parse(trimmed) as unknown, true);
      } catch {
        return [trimmed];
      }
    }
    return [trimmed];
  }
  if (isList && Array.isArray(value)) return value.flatMap((item) => texts(item));
  return [];
}
