import { parseMaybeJson } from "@/lib/ingest/attribute-lookup";
// Helpers shared by the ingest unit tests: load captured fixtures, build minimal OTLP spans and read
// the JSON text columns of a SpanRecord back.
import fs from "node:fs";
import path from "node:path";
import { normaliseTraceRequest, type NormalisedBatch } from "@/lib/ingest/normalise";
import type { OtlpAttributes, OtlpEvent, OtlpSpan, OtlpTraceRequest } from "@/lib/ingest/otlp-types";
import { toTraceRequest } from "@/lib/ingest/parse";
import type { SpanRecord } from "@/lib/ingest/span-record";
import { buildPriceBook } from "@/lib/pricing/compute";

const FIXTURES = path.resolve(import.meta.dirname, "../../../../fixtures/otlp");

export type FixtureName =
  | "vercel-ai"
  | "openai-official"
  | "openinference"
  | "openllmetry"
  | "langfuse"
  | "openinference-anthropic"
  | "traceloop-anthropic"
  | "anthropic-sdk"
  | "langgraph"
  | "mastra"
  | "vercel-ai-approval"
  | "openai-agents"
  | "mcp-openllmetry";

/** The parsed JSON of tests/fixtures/otlp/<file>. */
export function readFixtureJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8"));
}

/** A fixture parsed and normalised with the built-in prices, as the receiver would. */
export function normaliseFixture(name: FixtureName): NormalisedBatch {
  return normaliseTraceRequest(toTraceRequest(readFixtureJson(`${name}.json`)), buildPriceBook());
}

/** Spans with that name, in fixture order; throws when there are none so a renamed span fails loudly. */
export function spansNamed(batch: NormalisedBatch, name: string): SpanRecord[] {
  const found = batch.spans.filter((s) => s.name === name);
  if (found.length === 0) throw new Error(`no span named "${name}" (have: ${batch.spans.map((s) => s.name).join(", ")})`);
  return found;
}

export const spanNamed = (batch: NormalisedBatch, name: string): SpanRecord => spansNamed(batch, name)[0]!;

/** The input/output columns of a record as the API shows them: JSON parsed, plain text kept as text. */
export const inputOf = (record: SpanRecord): unknown => (record.input === null ? undefined : parseMaybeJson(record.input));
export const outputOf = (record: SpanRecord): unknown => (record.output === null ? undefined : parseMaybeJson(record.output));

export const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
export const SPAN_ID = "00f067aa0ba902b7";
export const START_NS = 1_795_299_560_000_000_000n;

/** A well-formed span; override what the test is about. */
export function otlpSpan(overrides: Partial<OtlpSpan> = {}): OtlpSpan {
  return {
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    parentSpanId: "",
    name: "span",
    kind: 1,
    startTimeUnixNano: START_NS,
    endTimeUnixNano: START_NS + 1_500_000n,
    attributes: {},
    events: [] as OtlpEvent[],
    links: [],
    statusCode: 0,
    statusMessage: "",
    ...overrides,
  };
}

/** A request holding the given spans under one resource and scope. */
export function traceRequest(spans: OtlpSpan[], resource: OtlpAttributes = { "service.name": "svc" }): OtlpTraceRequest {
  return { resourceSpans: [{ resource, scopeSpans: [{ scopeName: "scope", spans }] }] };
}

/** Normalises one span; throws with the rejection message when it is rejected. */
export function normaliseSpan(overrides: Partial<OtlpSpan> = {}, prices = buildPriceBook()): SpanRecord {
  const batch = normaliseTraceRequest(traceRequest([otlpSpan(overrides)]), prices);
  if (batch.spans.length !== 1) throw new Error(`span rejected: ${batch.errors.join("; ")}`);
  return batch.spans[0]!;
}

/** Costs are sums of float products: compare to 15 decimal places (well below any price difference). */
export const USD_DIGITS = 15;
