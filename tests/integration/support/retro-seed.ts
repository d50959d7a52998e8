// Retro-analysis test runs sent through the real OpenTelemetry SDK and OTLP/protobuf exporter: a tree of
// spans with exact times, GenAI attributes, statuses and exception events. Spans are exported in the
// order of `deliveries` (each group ended and flushed as one request, so a trace can be split across
// requests and its spans can arrive before their parents or out of time order); spans in no group are
// ended and sent last. Returns every span's id by its label, to assert findings against.
import { ROOT_CONTEXT, SpanStatusCode, trace, type Attributes, type Context, type HrTime, type Span } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { authHeaders, type TestServer } from "./index";

export type RunNode = {
  /** Names the span in `deliveries` and in the returned ids. */
  label: string;
  name: string;
  /** Start, ms after the run's start. */
  at: number;
  durationMs: number;
  attributes?: Attributes;
  /** status ERROR with this message. */
  error?: string;
  /** An `exception` event (exception.type, exception.message). */
  exception?: { type: string; message: string };
  children?: RunNode[];
};

export type SentRun = { traceId: string; spanIds: Record<string, string> };

const hrTime = (ms: number): HrTime => [Math.floor(ms / 1000), Math.round((ms % 1000) * 1_000_000)];

export type SendOptions = {
  /** Groups of labels, each ended and exported as one request, in this order; the rest follow last. */
  deliveries?: string[][];
  /** Called after each group was exported (the trace id and every span id are known by then). */
  onDelivered?: (group: number, run: SentRun) => Promise<void>;
  service?: string;
};

/** Sends one run starting at `startMs` (ms since the epoch). */
export async function sendRun(server: TestServer, startMs: number, root: RunNode, options: SendOptions = {}): Promise<SentRun> {
  const { deliveries = [], onDelivered, service = "retro-test" } = options;
  const exporter = new OTLPTraceExporter({ url: `${server.baseUrl}/v1/traces`, headers: authHeaders(server) });
  // One request per flush: the batch processor holds ended spans until forceFlush.
  const processor = new BatchSpanProcessor(exporter, { scheduledDelayMillis: 600_000, maxExportBatchSize: 512, maxQueueSize: 10_000 });
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ "service.name": service }), spanProcessors: [processor] });
  const tracer = provider.getTracer("retro-test");
  const spans = new Map<string, { span: Span; endMs: number; node: RunNode }>();
  const open = (node: RunNode, context: Context) => {
    const span = tracer.startSpan(node.name, { startTime: hrTime(startMs + node.at), attributes: node.attributes ?? {} }, context);
    if (spans.has(node.label)) throw new Error(`duplicate label ${node.label}`);
    spans.set(node.label, { span, endMs: startMs + node.at + node.durationMs, node });
    for (const child of node.children ?? []) open(child, trace.setSpan(context, span));
  };
  open(root, ROOT_CONTEXT);
  const end = (label: string) => {
    const entry = spans.get(label);
    if (!entry) throw new Error(`unknown label ${label}`);
    const { span, node, endMs } = entry;
    if (node.error) span.setStatus({ code: SpanStatusCode.ERROR, message: node.error });
    if (node.exception) span.recordException({ name: node.exception.type, message: node.exception.message }, hrTime(endMs));
    span.end(hrTime(endMs));
  };
  const run: SentRun = {
    traceId: spans.get(root.label)!.span.spanContext().traceId,
    spanIds: Object.fromEntries([...spans].map(([label, { span }]) => [label, span.spanContext().spanId])),
  };
  const sent = new Set<string>();
  for (const [index, group] of deliveries.entries()) {
    for (const label of group) {
      end(label);
      sent.add(label);
    }
    await provider.forceFlush();
    await onDelivered?.(index, run);
  }
  for (const label of spans.keys()) if (!sent.has(label)) end(label);
  await provider.shutdown();
  return run;
}

// Builders of the GenAI spans the tests plant (OTel GenAI semantic conventions).

export const agent = (label: string, name: string, at: number, durationMs: number, children: RunNode[] = [], extra: Partial<RunNode> = {}): RunNode => ({
  label,
  name: `invoke_agent ${name}`,
  at,
  durationMs,
  attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": name },
  children,
  ...extra,
});

/** An LLM call with a reported cost (exact wasted-cost figures), asking with `prompt`. */
export const chat = (label: string, at: number, durationMs: number, costUsd: number, prompt = `prompt of ${label}`, extra: Partial<RunNode> = {}): RunNode => ({
  label,
  name: "chat gpt-4o-mini",
  at,
  durationMs,
  attributes: {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": "gpt-4o-mini",
    "gen_ai.usage.input_tokens": 100,
    "gen_ai.usage.output_tokens": 10,
    "gen_ai.usage.cost": costUsd,
    "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: prompt }] }]),
    ...(extra.attributes ?? {}),
  },
  ...Object.fromEntries(Object.entries(extra).filter(([key]) => key !== "attributes")),
});

/** A tool call with JSON arguments. */
export const tool = (label: string, name: string, at: number, durationMs: number, args: unknown, extra: Partial<RunNode> = {}): RunNode => ({
  label,
  name: `execute_tool ${name}`,
  at,
  durationMs,
  attributes: {
    "gen_ai.operation.name": "execute_tool",
    "gen_ai.tool.name": name,
    "gen_ai.tool.call.arguments": typeof args === "string" ? args : JSON.stringify(args),
    ...(extra.attributes ?? {}),
  },
  ...Object.fromEntries(Object.entries(extra).filter(([key]) => key !== "attributes")),
});
