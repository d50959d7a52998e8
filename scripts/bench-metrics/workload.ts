// The analytics benchmark's data: agent traces spread uniformly over the last N days, as OTLP/protobuf
// bodies generated lazily (1M spans of realistic content would not fit in memory up front), and the
// senders that push them through the real receiver. Deterministic for a given seed. Spans are lean
// (GenAI attributes, no prompts): the benchmark is about reading rollups, not about payload size.
import protobuf from "protobufjs";
import { OTLP_PROTO } from "../../lib/ingest/otlp-schema";

const root = protobuf.parse(OTLP_PROTO).root;
const TraceRequest = root.lookupType("hindsight.otlp.ExportTraceServiceRequest");

const TASKS = [
  "answer-ticket",
  "refund-request",
  "summarise-call",
  "draft-reply",
  "triage-inbox",
  "plan-trip",
  "review-pr",
  "write-report",
  "classify-lead",
  "translate-doc",
  "extract-invoice",
  "research-topic",
];
const AGENTS = ["triage", "support", "billing", "planner", "researcher", "writer"];
const TOOLS = [
  "search",
  "lookup_order",
  "issue_refund",
  "fetch_url",
  "read_file",
  "write_file",
  "run_sql",
  "send_email",
  "calendar",
  "crm_update",
  "translate",
  "ocr",
  "weather",
  "maps",
  "calculator",
];
const MODELS = ["gpt-4o", "gpt-4o-mini", "gpt-4.1-mini", "claude-sonnet-4-5", "claude-haiku-4-5", "gemini-2.5-flash"];
const USERS = 200;
const SESSIONS = 5000;

type Plain = string | number;
type ProtoSpan = Record<string, unknown>;

/** mulberry32: small, fast, seedable. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const attributes = (record: Record<string, Plain>) =>
  Object.entries(record).map(([key, v]) => ({ key, value: typeof v === "string" ? { stringValue: v } : { intValue: v } }));
const nanos = (ms: number) => (BigInt(Math.round(ms * 1000)) * 1000n).toString();

export type WorkloadOptions = { spans: number; fromMs: number; toMs: number; seed: number; spansPerBody: number };

/** One trace: an agent run of 6–18 steps, each an LLM call, most followed by a tool call (~25 spans). */
function generateTrace(rnd: () => number, index: number, startMs: number): ProtoSpan[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const traceId = Buffer.alloc(16);
  traceId.writeUInt32BE(index + 1, 12);
  traceId.writeUInt32BE(Math.floor(rnd() * 2 ** 32), 0);
  const spanId = (n: number) => Buffer.from(`${(index + 1).toString(16).padStart(8, "0")}${(n + 1).toString(16).padStart(8, "0")}`, "hex");
  const model = pick(MODELS);
  const spans: ProtoSpan[] = [];
  let clock = startMs + rnd() * 20;
  const steps = 6 + Math.floor(rnd() * 13);
  for (let step = 0; step < steps; step++) {
    const chatMs = 300 + rnd() ** 2 * 6000;
    spans.push({
      traceId,
      spanId: spanId(spans.length + 1),
      parentSpanId: spanId(0),
      name: `chat ${model}`,
      kind: 3,
      startTimeUnixNano: nanos(clock),
      endTimeUnixNano: nanos(clock + chatMs),
      status: { code: rnd() < 0.02 ? 2 : 1 },
      attributes: attributes({
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": model.startsWith("claude") ? "anthropic" : model.startsWith("gemini") ? "gcp.gemini" : "openai",
        "gen_ai.request.model": model,
        "gen_ai.usage.input_tokens": 200 + Math.floor(rnd() * 4000),
        "gen_ai.usage.output_tokens": 20 + Math.floor(rnd() * 600),
      }),
    });
    clock += chatMs;
    if (rnd() < 0.85) {
      const toolMs = 5 + rnd() ** 3 * 1500;
      const tool = pick(TOOLS);
      spans.push({
        traceId,
        spanId: spanId(spans.length + 1),
        parentSpanId: spanId(0),
        name: `execute_tool ${tool}`,
        kind: 1,
        startTimeUnixNano: nanos(clock),
        endTimeUnixNano: nanos(clock + toolMs),
        status: { code: rnd() < 0.05 ? 2 : 1 },
        attributes: attributes({ "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": tool }),
      });
      clock += toolMs;
    }
  }
  const agent = pick(AGENTS);
  spans.push({
    traceId,
    spanId: spanId(0),
    name: pick(TASKS),
    kind: 1,
    startTimeUnixNano: nanos(startMs),
    endTimeUnixNano: nanos(clock + 5),
    status: { code: 1 },
    attributes: attributes({
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": agent,
      "user.id": `user-${Math.floor(rnd() * USERS)}`,
      "session.id": `session-${Math.floor(rnd() * SESSIONS)}`,
    }),
  });
  return spans;
}

export type Body = { bytes: Uint8Array<ArrayBuffer>; spans: number; traces: number };

/** Bodies of about `spansPerBody` spans, whole traces each, until `spans` spans were generated. */
export function* generateBodies(options: WorkloadOptions): Generator<Body> {
  const rnd = randomFrom(options.seed);
  let sent = 0,
    index = 0;
  while (sent < options.spans) {
    const spans: ProtoSpan[] = [];
    let traces = 0;
    while (spans.length < options.spansPerBody && sent + spans.length < options.spans) {
      spans.push(...generateTrace(rnd, index++, options.fromMs + rnd() * (options.toMs - options.fromMs - 3_600_000)));
      traces++;
    }
    sent += spans.length;
    const request = {
      resourceSpans: [{ resource: { attributes: attributes({ "service.name": "bench-metrics" }) }, scopeSpans: [{ scope: { name: "bench" }, spans }] }],
    };
    yield { bytes: new Uint8Array(TraceRequest.encode(TraceRequest.fromObject(request)).finish()), spans: spans.length, traces };
  }
}

type Target = { baseUrl: string; apiKey: string };
export type LoadResult = { spans: number; traces: number; seconds: number; retries: number };

/** Sends every body with `senders` concurrent loops; 429/503 are waited out (Retry-After) and resent. */
export async function loadWorkload(target: Target, bodies: Iterator<Body>, senders: number, onProgress: (spans: number) => void): Promise<LoadResult> {
  const result: LoadResult = { spans: 0, traces: 0, seconds: 0, retries: 0 };
  const started = performance.now();
  const loop = async () => {
    for (let next = bodies.next(); !next.done; next = bodies.next()) {
      for (;;) {
        let response: Response;
        try {
          response = await fetch(`${target.baseUrl}/v1/traces`, {
            method: "POST",
            body: next.value.bytes,
            headers: { "content-type": "application/x-protobuf", authorization: `Bearer ${target.apiKey}` },
          });
          await response.arrayBuffer();
        } catch (error) {
          // A kept-alive socket the server closed as this request went out (seen on a loaded machine): the
          // body is sent again; stored spans are skipped, so a repeat counts nothing twice.
          if (!(error instanceof TypeError) || result.retries > 100) throw error;
          result.retries++;
          await new Promise((r) => setTimeout(r, 1000));
          continue;
        }
        if (response.status === 200) break;
        if (response.status !== 429 && response.status !== 503) throw new Error(`POST /v1/traces answered ${response.status}`);
        result.retries++;
        await new Promise((r) => setTimeout(r, 1000 * Number(response.headers.get("retry-after") ?? 1)));
      }
      result.spans += next.value.spans;
      result.traces += next.value.traces;
      onProgress(result.spans);
    }
  };
  await Promise.all(Array.from({ length: senders }, loop));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
