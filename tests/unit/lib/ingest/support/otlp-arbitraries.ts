// Arbitraries for valid OTLP export requests in their OTLP/JSON shape (hex ids, int64 as decimal text),
// built with the attribute keys the normaliser reads so that mutations land where the code looks, and
// their protobuf encoding.
import fc from "fast-check";
import protobuf from "protobufjs";
import { OTLP_PROTO } from "@/lib/ingest/otlp-schema";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const root = protobuf.parse(OTLP_PROTO).root;
export const TraceRequestType = root.lookupType("hindsight.otlp.ExportTraceServiceRequest");
export const LogsRequestType = root.lookupType("hindsight.otlp.ExportLogsServiceRequest");

/** Keys the normaliser reads (kind, identity, usage, content, status), and some it does not. */
const KEYS = [
  "gen_ai.operation.name",
  "gen_ai.provider.name",
  "gen_ai.system",
  "gen_ai.request.model",
  "gen_ai.response.model",
  "gen_ai.input.messages",
  "gen_ai.output.messages",
  "gen_ai.system_instructions",
  "gen_ai.prompt",
  "gen_ai.completion",
  "gen_ai.prompt.0.content",
  "gen_ai.completion.0.content",
  "gen_ai.tool.name",
  "gen_ai.tool.call.id",
  "gen_ai.tool.call.arguments",
  "gen_ai.tool.call.result",
  "gen_ai.agent.name",
  "gen_ai.conversation.id",
  "gen_ai.usage.input_tokens",
  "gen_ai.usage.output_tokens",
  "gen_ai.usage.cache_read.input_tokens",
  "gen_ai.usage.reasoning.output_tokens",
  "gen_ai.usage.cost",
  "llm.token_count.prompt",
  "llm.token_count.completion",
  "llm.input_messages.0.message.role",
  "llm.input_messages.0.message.content",
  "llm.output_messages.0.message.content",
  "llm.model_name",
  "llm.provider",
  "llm.cost.total",
  "openinference.span.kind",
  "input.value",
  "output.value",
  "ai.operationId",
  "ai.prompt.messages",
  "ai.response.text",
  "ai.usage.promptTokens",
  "ai.toolCall.args",
  "ai.telemetry.metadata.userId",
  "traceloop.span.kind",
  "traceloop.entity.input",
  "traceloop.entity.output",
  "langfuse.observation.type",
  "langfuse.observation.level",
  "langfuse.observation.status_message",
  "langfuse.observation.usage_details",
  "langfuse.observation.cost_details",
  "langfuse.observation.input",
  "session.id",
  "user.id",
  "service.name",
  "error.type",
  "exception.type",
  "exception.message",
  "__proto__",
  "",
];

const hex = (bytes: number) => fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => Buffer.from(b).toString("hex"));

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }), // lone surrogates included
  fc.constantFrom(
    "chat",
    "execute_tool",
    "invoke_agent",
    "ERROR",
    "LLM",
    "TOOL",
    "openai",
    "gpt-4o-mini",
    '{"input":1,"output":2}',
    '[{"role":"user","content":"hi"}]',
    "1e400",
    "-1",
  ),
);

const int64Text = fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String), fc.constantFrom("0", "9007199254740993", "-1"));

/** An OTLP/JSON AnyValue, nested at most `depth` levels. */
const anyValue: (depth: number) => fc.Arbitrary<Json> = (depth) =>
  fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text.map((stringValue) => ({ stringValue })),
    fc.boolean().map((boolValue) => ({ boolValue })),
    fc.oneof(int64Text, fc.integer()).map((intValue) => ({ intValue })),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((doubleValue) => ({ doubleValue })),
    fc.uint8Array({ maxLength: 12 }).map((b) => ({ bytesValue: Buffer.from(b).toString("base64") })),
    ...(depth > 0
      ? [
          fc.array(anyValue(depth - 1), { maxLength: 3 }).map((values) => ({ arrayValue: { values } })),
          keyValues(depth - 1).map((values) => ({ kvlistValue: { values } })),
        ]
      : []),
  );

const keyValues = (depth: number) =>
  fc.array(fc.record({ key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 })), value: anyValue(depth) }), { maxLength: 6 });

const nanos = fc
  .oneof(fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }), fc.bigInt({ min: 1_700_000_000_000_000_000n, max: 1_900_000_000_000_000_000n }))
  .map(String);

const span = fc.record({
  traceId: hex(16),
  spanId: hex(8),
  parentSpanId: fc.oneof(fc.constant(""), hex(8)),
  name: text,
  kind: fc.integer({ min: 0, max: 5 }),
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos,
  attributes: keyValues(2),
  events: fc.array(
    fc.record({ timeUnixNano: nanos, name: fc.constantFrom("exception", "gen_ai.content.prompt", "gen_ai.content.completion", "x"), attributes: keyValues(1) }),
    { maxLength: 2 },
  ),
  links: fc.array(fc.record({ traceId: hex(16), spanId: hex(8), attributes: keyValues(0) }), { maxLength: 1 }),
  status: fc.record({ code: fc.integer({ min: 0, max: 2 }), message: text }),
});

/** An OTLP/JSON ExportTraceServiceRequest object (hex ids, int64 as decimal text). */
export const traceRequest = fc.record({
  resourceSpans: fc.array(
    fc.record({
      resource: fc.record({ attributes: keyValues(1) }),
      scopeSpans: fc.array(fc.record({ scope: fc.record({ name: text, version: text }), spans: fc.array(span, { minLength: 1, maxLength: 4 }) }), {
        minLength: 1,
        maxLength: 2,
      }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});

const logRecord = fc.record({
  timeUnixNano: nanos,
  observedTimeUnixNano: nanos,
  traceId: hex(16),
  spanId: hex(8),
  eventName: fc.constantFrom("gen_ai.user.message", "gen_ai.choice", ""),
  body: anyValue(2),
  attributes: keyValues(1),
});

/** An OTLP/JSON ExportLogsServiceRequest object. */
export const logsRequest = fc.record({
  resourceLogs: fc.array(
    fc.record({
      resource: fc.record({ attributes: keyValues(0) }),
      scopeLogs: fc.array(fc.record({ logRecords: fc.array(logRecord, { minLength: 1, maxLength: 3 }) }), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});

/** Hex ids become base64 for protobufjs's fromObject, which then encodes them as bytes. */
function toProtoObject(value: unknown, key = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => toProtoObject(v));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toProtoObject(v, k)]));
  if (typeof value === "string" && /^(traceId|spanId|parentSpanId)$/.test(key)) return Buffer.from(value, "hex").toString("base64");
  return value;
}

export function encodeProtobuf(type: protobuf.Type, request: unknown): Uint8Array {
  return type.encode(type.fromObject(toProtoObject(request) as Record<string, unknown>)).finish();
}

/** Every trace id a trace request holds (span ids are not unique across bodies; trace ids are made so). */
export function traceIdsOf(request: { resourceSpans: { scopeSpans: { spans: { traceId: string }[] }[] }[] }): string[] {
  return request.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => s.traceId)));
}

/** Gives every span of the request trace ids unique to `index` (the trace id's first 8 hex digits). */
export function stampTraceIds<T extends { resourceSpans: { scopeSpans: { spans: { traceId: string }[] }[] }[] }>(request: T, index: number): T {
  const prefix = (0x10000000 + index).toString(16).padStart(8, "0");
  for (const rs of request.resourceSpans) for (const ss of rs.scopeSpans) for (const s of ss.spans) s.traceId = prefix + s.traceId.slice(8);
  return request;
}
