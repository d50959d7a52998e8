// Helpers of the analytics integration tests: send traces with exact timestamps through the real
// OpenTelemetry OTLP/protobuf exporter, build OTLP/JSON spans at absolute times (for late arrivals),
// read the metrics API and compare percentiles with exact nearest-rank ones.
import { randomInt } from "node:crypto";
import { ROOT_CONTEXT, SpanStatusCode, trace, type Attributes, type HrTime } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { expect } from "vitest";
import type { CostPoint, LatencyPoint } from "@/lib/analytics/series";
import { authHeaders, type TestServer } from "./index";
import { attrs, type JsonSpan } from "./otlp-json";

export type SeedSpan = { name: string; offsetMs: number; durationMs: number; attributes: Attributes; isError?: boolean };
export type SeedTrace = { name: string; startMs: number; durationMs: number; attributes: Attributes; children: SeedSpan[] };

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/**
 * A random whole hour between 2016 and 2019 at 00:00–12:00 UTC: far from the "now" of every other
 * test file, so this file's buckets hold only its own data, and 12 hours from the day's end.
 */
export function randomBaseHour(): number {
  return Date.UTC(2016, 0, 1) + randomInt(0, 4 * 365) * 24 * HOUR + randomInt(0, 12) * HOUR;
}

// OTel reads a number as milliseconds since process start when it is below the time origin (any date
// before now): an explicit [seconds, nanoseconds] pair is the unambiguous form.
const hrTime = (ms: number): HrTime => [Math.floor(ms / 1000), (ms % 1000) * 1_000_000];

/** Sends the traces through BasicTracerProvider + OTLPTraceExporter (protobuf), children under the root. */
export async function exportTraces(server: TestServer, traces: SeedTrace[]): Promise<void> {
  const exporter = new OTLPTraceExporter({ url: `${server.baseUrl}/v1/traces`, headers: authHeaders(server) });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "metrics-test" }),
    spanProcessors: [new BatchSpanProcessor(exporter, { maxExportBatchSize: 256, maxQueueSize: 10_000 })],
  });
  const tracer = provider.getTracer("metrics-test");
  for (const t of traces) {
    const root = tracer.startSpan(t.name, { startTime: hrTime(t.startMs), attributes: t.attributes });
    const context = trace.setSpan(ROOT_CONTEXT, root);
    for (const c of t.children) {
      const child = tracer.startSpan(c.name, { startTime: hrTime(t.startMs + c.offsetMs), attributes: c.attributes }, context);
      if (c.isError) child.setStatus({ code: SpanStatusCode.ERROR, message: "failed" });
      child.end(hrTime(t.startMs + c.offsetMs + c.durationMs));
    }
    root.end(hrTime(t.startMs + t.durationMs));
  }
  await provider.shutdown(); // flushes every queued span
}

const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;

/** An OTLP/JSON span at absolute times (ms since the epoch). */
export function spanAt(
  traceId: string,
  spanId: string,
  parentSpanId: string,
  name: string,
  startMs: number,
  durationMs: number,
  attributes: Record<string, string | number> = {},
): JsonSpan {
  return {
    traceId,
    spanId,
    parentSpanId,
    name,
    kind: 1,
    startTimeUnixNano: ns(startMs),
    endTimeUnixNano: ns(startMs + durationMs),
    attributes: attrs(attributes),
    status: { code: 1 },
  };
}

export type Metrics = { latency: LatencyPoint; cost: CostPoint };

/** GET /api/v1/metrics/{endpoint}: the status and the parsed body. */
export async function fetchMetrics(
  server: TestServer,
  endpoint: keyof Metrics,
  params: Record<string, string | number>,
  headers: Record<string, string> = authHeaders(server),
): Promise<{ status: number; body: unknown }> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const response = await fetch(`${server.baseUrl}/api/v1/metrics/${endpoint}?${query}`, { headers });
  return { status: response.status, body: await response.json() };
}

/** The points of one group, in bucket order; throws unless the answer is 200. */
export async function getPoints<E extends keyof Metrics>(
  server: TestServer,
  endpoint: E,
  params: Record<string, string | number>,
  group: string,
): Promise<Metrics[E][]> {
  const { status, body } = await fetchMetrics(server, endpoint, params);
  if (status !== 200) throw new Error(`GET metrics/${endpoint}: ${status} ${JSON.stringify(body)}`);
  return (body as { data: Metrics[E][] }).data.filter((p) => p.group === group);
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** Exact nearest-rank quantile: the smallest value with at least ⌈q·n⌉ values ≤ it. */
export function nearestRank(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

/** Asserts count, p50/p95/p99 and max of a point against the exact values, within the documented 1 %. */
export function expectLatency(point: LatencyPoint | undefined, values: readonly number[]): void {
  expect(point, "missing latency point").toBeDefined();
  expect(point!.count).toBe(values.length);
  const exact = { p50Ms: nearestRank(values, 0.5), p95Ms: nearestRank(values, 0.95), p99Ms: nearestRank(values, 0.99), maxMs: Math.max(...values) };
  for (const [field, value] of Object.entries(exact)) {
    const actual = point![field as keyof typeof exact];
    expect(Math.abs(actual - value), `${field}: ${actual} vs exact ${value}`).toBeLessThanOrEqual(value * 0.01);
  }
}
