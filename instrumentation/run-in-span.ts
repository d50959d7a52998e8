/**
 * The one place spans are started, activated, ended and marked as failed, so
 * every helper behaves the same way: the span is the active span for `fn`
 * (context follows `await` through NodeSDK's AsyncLocalStorage manager), a
 * throw is recorded and re-thrown, and the span always ends.
 */
import { SpanStatusCode, context, createContextKey, trace } from "@opentelemetry/api";
import type { Attributes, Context, Link, Span, SpanKind } from "@opentelemetry/api";
import { ERROR_TYPE, SDK_NAME, SDK_VERSION } from "./attributes.js";
import { getSessionAttributes } from "./session.js";

/** Returns the current time in epoch milliseconds. */
export type Clock = () => number;

/** Timing options every helper accepts. */
export type SpanTiming = {
  /** Explicit start time (epoch ms or Date), e.g. to backfill a run that happened earlier. */
  startTime?: number | Date;
  /**
   * Where start, end and event times come from; defaults to the SDK's own clock.
   * Inherited by every helper span started inside this one, so one virtual
   * clock at the root of a replayed run times the whole tree consistently.
   */
  clock?: Clock;
};

/** The handle a helper passes to its callback. */
export type HindsightSpan = {
  /** The underlying OpenTelemetry span, for anything the helpers do not cover. */
  readonly span: Span;
  readonly traceId: string;
  readonly spanId: string;
  setAttributes(attributes: Attributes): void;
  /** Adds an event stamped by the span's clock. */
  addEvent(name: string, attributes?: Attributes): void;
};

export type SpanSpec = SpanTiming & {
  name: string;
  kind: SpanKind;
  attributes: Attributes;
  /** The parent; the active context by default. A server passes the context it extracted from the request. */
  parentContext?: Context;
  links?: Link[];
};

/** Where a helper span leaves its clock for the spans started inside it. */
export const CLOCK_KEY = createContextKey("hindsight.clock");

function isClock(value: unknown): value is Clock {
  return typeof value === "function";
}

/** Builds the callback handle around an OTel span. */
export function createHindsightSpan(span: Span, clock: Clock | undefined): HindsightSpan {
  const { traceId, spanId } = span.spanContext();
  return {
    span,
    traceId,
    spanId,
    setAttributes: (attributes) => {
      span.setAttributes(attributes);
    },
    addEvent: (name, attributes) => {
      span.addEvent(name, attributes, clock?.());
    },
  };
}

/**
 * Marks a span as failed per the OTel error conventions: an `exception` event,
 * status ERROR with the message, and a low-cardinality `error.type`.
 */
export function recordSpanError(span: Span, error: unknown, time?: number): void {
  if (error instanceof Error) {
    span.recordException(error, time);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    span.setAttribute(ERROR_TYPE, error.name && error.name !== "Error" ? error.name : error.constructor.name);
  } else {
    span.recordException(String(error), time);
    span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
    // The conventions' fallback when no meaningful type exists.
    span.setAttribute(ERROR_TYPE, "_OTHER");
  }
}

/**
 * Starts a span as a child of the active one, runs `fn` with it active, lets
 * `onResult` record what `fn` returned (or `onError` refine what it threw, after
 * the generic error recording), and ends the span whatever happens.
 */
export async function runInSpan<R, H extends HindsightSpan>(
  spec: SpanSpec,
  wrap: (span: Span, clock: Clock | undefined) => H,
  fn: (handle: H) => R | Promise<R>,
  onResult?: (span: Span, result: R) => void,
  onError?: (span: Span, error: unknown) => void,
): Promise<R> {
  const parent = spec.parentContext ?? context.active();
  const inherited = parent.getValue(CLOCK_KEY);
  const clock = spec.clock ?? (isClock(inherited) ? inherited : undefined);
  const tracer = trace.getTracer(SDK_NAME, SDK_VERSION);
  const span = tracer.startSpan(
    spec.name,
    {
      kind: spec.kind,
      attributes: { ...spec.attributes, ...getSessionAttributes(parent) },
      startTime: spec.startTime ?? clock?.(),
      links: spec.links,
    },
    parent,
  );
  const scope = trace.setSpan(clock ? parent.setValue(CLOCK_KEY, clock) : parent, span);
  return context.with(scope, async () => {
    try {
      const result = await fn(wrap(span, clock));
      onResult?.(span, result);
      return result;
    } catch (error) {
      recordSpanError(span, error, clock?.());
      onError?.(span, error);
      throw error;
    } finally {
      span.end(clock?.());
    }
  });
}
