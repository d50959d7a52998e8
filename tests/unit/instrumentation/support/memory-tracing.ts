/**
 * Registers the SDK with an in-memory exporter for one test file, the way the
 * OTel JS tests observe spans: SimpleSpanProcessor exports each span as it ends.
 */
import type { HrTime } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { registerHindsight } from "../../../../instrumentation/index";
import type { HindsightHandle, HindsightOptions } from "../../../../instrumentation/index";

export type MemoryTracing = {
  /** Every finished span, after a flush. */
  spans(): Promise<ReadableSpan[]>;
  /** The single finished span with this name; throws when there are none or several. */
  span(name: string): Promise<ReadableSpan>;
};

/** Sets up registerHindsight with an in-memory exporter around the current test file. */
export function setupMemoryTracing(options: HindsightOptions = {}): MemoryTracing {
  const memory = new InMemorySpanExporter();
  let handle: HindsightHandle | undefined;
  beforeAll(() => {
    handle = registerHindsight({ ...options, spanProcessors: [new SimpleSpanProcessor(memory)] });
  });
  afterAll(async () => {
    await handle?.shutdown();
  });
  beforeEach(() => {
    memory.reset();
  });
  // SimpleSpanProcessor defers export until async resource attributes (host.id) resolve, so flush first.
  const spans = async () => {
    await handle?.forceFlush();
    return memory.getFinishedSpans();
  };
  return {
    spans,
    span: async (name) => {
      const all = await spans();
      const matches = all.filter((span) => span.name === name);
      if (matches.length !== 1) {
        throw new Error(`expected one span named "${name}", found ${matches.length}: ${all.map((s) => s.name).join(", ")}`);
      }
      return matches[0] as ReadableSpan;
    },
  };
}

/** OTel HrTime ([seconds, nanoseconds]) to epoch milliseconds. */
export function toMillis(time: HrTime): number {
  return time[0] * 1000 + time[1] / 1e6;
}

/** Parses a JSON-text attribute, failing the test when it is missing or not a string. */
export function parseJsonAttribute(span: ReadableSpan, key: string): unknown {
  const value = span.attributes[key];
  if (typeof value !== "string") throw new Error(`attribute ${key} is ${typeof value}, expected JSON text`);
  return JSON.parse(value);
}

/** The span id of a span's parent, or undefined for a root. */
export function getParentSpanId(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
