// One synthetic agent trace as an OpenTelemetry GenAI SDK would export it: an invoke_agent root, chat
// spans with model, provider, usage (incl. cache) and the messages as JSON, execute_tool spans with
// arguments and results, sometimes a handoff to a sub-agent, sometimes failures with exception events.
// Spans are listed in the order they end (children before parents), which is how batch processors
// export them, so the receiver sees children before their parents just as in production.
import type { Random } from "../demo/random";
import { APPS, HOSTS, MODELS, resourceIndex, type App, type Model } from "./catalog";
import { prose, stacktrace, textMessage, toolArguments, toolResult, type Message, type ToolCallPart } from "./content";
import { attributes, fixed64, type Plain, type ProtoEvent, type ProtoSpan } from "./otlp-values";

export type GeneratedTrace = { resource: number; spans: ProtoSpan[] };

const MS = 1_000_000n;
/** 2026-11-01T00:00:00Z: fixed, so every run sends byte-identical bodies. */
const BASE_NS = BigInt(Date.UTC(2026, 10, 1)) * MS;
const SPAN_KIND_INTERNAL = 1;
const SPAN_KIND_CLIENT = 3;

export type Ctx = {
  rng: Random;
  traceId: Buffer;
  nextSpan: number;
  clockMs: number;
  app: App;
  model: Model;
  conversationId: string;
  spans: ProtoSpan[];
};

export function newSpanId(ctx: Ctx): Buffer {
  // Random high half, counter low half: realistic-looking yet never zero and never repeated in a trace.
  const id = Buffer.alloc(8);
  id.writeUInt32BE(ctx.rng.int(0, 0xffffffff), 0);
  id.writeUInt32BE(ctx.nextSpan++, 4);
  return id;
}

const ns = (ms: number) => BASE_NS + BigInt(Math.round(ms * 1000)) * 1000n;

export function finish(
  ctx: Ctx,
  span: Omit<ProtoSpan, "traceId" | "endTimeUnixNano" | "startTimeUnixNano" | "events"> & { startMs: number; events?: ProtoEvent[] },
): void {
  const { startMs, events = [], ...rest } = span;
  ctx.spans.push({ ...rest, traceId: ctx.traceId, startTimeUnixNano: fixed64(ns(startMs)), endTimeUnixNano: fixed64(ns(ctx.clockMs)), events });
}

function exception(ctx: Ctx, type: string, message: string): ProtoEvent {
  const attrs = { "exception.type": type, "exception.message": message, "exception.stacktrace": stacktrace(ctx.rng, type, message) };
  return { timeUnixNano: fixed64(ns(ctx.clockMs)), name: "exception", attributes: attributes(attrs) };
}

/** Last few messages only: instrumentations cap what they record, and so should payload sizes here. */
const recent = (history: Message[]) => [history[0]!, ...history.slice(Math.max(1, history.length - 4))];

function chat(ctx: Ctx, parent: Buffer, history: Message[], toolCalls: number): Message | null {
  const { rng, model } = ctx;
  const spanId = newSpanId(ctx);
  const startMs = ctx.clockMs;
  ctx.clockMs += rng.int(300, 6000);
  const historyChars = JSON.stringify(history).length;
  const common: Record<string, Plain> = {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": model.provider,
    "gen_ai.request.model": model.request,
    "gen_ai.request.temperature": rng.pick([0.1, 0.2, 0.7]),
    "gen_ai.request.max_tokens": rng.pick([1024, 2048, 4096]),
    "gen_ai.conversation.id": ctx.conversationId,
    "server.address": model.serverAddress,
    "server.port": 443,
    "gen_ai.input.messages": JSON.stringify(recent(history)),
  };
  if (rng.chance(0.01)) {
    // A provider failure: no usage, no output, an exception event, as the SDKs record it.
    const message = "Rate limit reached for requests; retry after 2s";
    finish(ctx, {
      spanId,
      parentSpanId: parent,
      name: `chat ${model.request}`,
      kind: SPAN_KIND_CLIENT,
      startMs,
      attributes: attributes({ ...common, "error.type": "RateLimitError" }),
      status: { code: 2, message },
      events: [exception(ctx, "RateLimitError", message)],
    });
    return null;
  }
  const calls: ToolCallPart[] = Array.from({ length: toolCalls }, () => {
    const name = rng.pick(ctx.app.tools);
    return { type: "tool_call", id: `call_${rng.hex(24)}`, name, arguments: toolArguments(rng, name) };
  });
  const output: Message = calls.length
    ? { role: "assistant", parts: calls, finish_reason: "tool_call" }
    : { ...textMessage("assistant", prose(rng, rng.int(150, 1500))), finish_reason: "stop" };
  const inputTokens = Math.round(historyChars / 4) + rng.int(200, 1200);
  const cacheRead = rng.chance(0.6) ? Math.floor(inputTokens * rng.next() * 0.8) : 0;
  finish(ctx, {
    spanId,
    parentSpanId: parent,
    name: `chat ${model.request}`,
    kind: SPAN_KIND_CLIENT,
    startMs,
    attributes: attributes({
      ...common,
      "gen_ai.response.model": model.response,
      "gen_ai.response.id": `chatcmpl-${rng.hex(24)}`,
      "gen_ai.response.finish_reasons": [output.finish_reason!],
      "gen_ai.usage.input_tokens": inputTokens,
      "gen_ai.usage.output_tokens": Math.round(JSON.stringify(output).length / 4) + rng.int(5, 60),
      "gen_ai.usage.cache_read.input_tokens": cacheRead,
      "gen_ai.usage.cache_creation.input_tokens": cacheRead === 0 && rng.chance(0.3) ? rng.int(500, 2000) : 0,
      "gen_ai.output.messages": JSON.stringify([output]),
    }),
    status: { code: 0 },
  });
  return output;
}

/** Runs a tool; returns true when it failed. */
function tool(ctx: Ctx, parent: Buffer, call: ToolCallPart, history: Message[]): boolean {
  const { rng } = ctx;
  const spanId = newSpanId(ctx);
  const startMs = ctx.clockMs;
  ctx.clockMs += rng.int(5, 1500);
  const failed = rng.chance(0.05);
  const result = failed ? { error: `upstream ${call.name} returned 502` } : toolResult(rng, call.name);
  history.push({ role: "tool", parts: [{ type: "tool_call_response", id: call.id, response: result }] });
  const attrs = attributes({
    "gen_ai.operation.name": "execute_tool",
    "gen_ai.tool.name": call.name,
    "gen_ai.tool.call.id": call.id,
    "gen_ai.tool.type": "function",
    "gen_ai.tool.call.arguments": JSON.stringify(call.arguments),
    "gen_ai.tool.call.result": failed ? undefined : JSON.stringify(result),
    "error.type": failed ? "ToolExecutionError" : undefined,
  });
  const message = `upstream ${call.name} returned 502 Bad Gateway`;
  finish(ctx, {
    spanId,
    parentSpanId: parent,
    name: `execute_tool ${call.name}`,
    kind: SPAN_KIND_INTERNAL,
    startMs,
    attributes: attrs,
    status: failed ? { code: 2, message } : { code: 0 },
    events: failed ? [exception(ctx, "ToolExecutionError", message)] : [],
  });
  return failed;
}

/** An agent span with `budget` spans in total (itself included, ≥ 2). Returns true when a tool failed. */
export function agent(ctx: Ctx, name: string, parent: Buffer | undefined, budget: number, extra: Record<string, Plain>): boolean {
  const { rng } = ctx;
  const spanId = newSpanId(ctx);
  const startMs = ctx.clockMs;
  ctx.clockMs += rng.int(1, 20);
  const question = textMessage("user", prose(rng, rng.int(80, 600)));
  const history: Message[] = [textMessage("system", prose(rng, rng.int(200, 900))), question];
  let remaining = budget - 1;
  let failed = false;
  while (remaining > 0) {
    if (!parent && remaining >= 7 && rng.chance(0.12)) {
      const sub = rng.int(3, Math.min(8, remaining - 1));
      failed = agent(ctx, ctx.app.subAgent, spanId, sub, {}) || failed;
      remaining -= sub;
      continue;
    }
    // remaining === 2 → a last chat whose single tool ends the run (a "return direct" tool).
    const toolCalls = remaining === 1 ? 0 : remaining === 2 ? 1 : Math.min(rng.int(1, 3), remaining - 2);
    const output = chat(ctx, spanId, history, toolCalls);
    remaining -= 1;
    if (!output) continue;
    history.push({ role: output.role, parts: output.parts });
    for (const part of output.parts) if (part.type === "tool_call") failed = tool(ctx, spanId, part, history) || failed;
    remaining -= toolCalls;
  }
  ctx.clockMs += rng.int(1, 20);
  const errored = failed && rng.chance(0.3);
  const last = history[history.length - 1]!;
  finish(ctx, {
    spanId,
    parentSpanId: parent,
    name: `invoke_agent ${name}`,
    kind: SPAN_KIND_INTERNAL,
    startMs,
    attributes: attributes({
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": name,
      "gen_ai.agent.id": `agent_${name}`,
      "gen_ai.provider.name": ctx.model.provider,
      "gen_ai.request.model": ctx.model.request,
      "gen_ai.conversation.id": ctx.conversationId,
      "gen_ai.input.messages": JSON.stringify([question]),
      "gen_ai.output.messages": JSON.stringify([{ ...last, role: "assistant" }]),
      ...extra,
    }),
    status: errored ? { code: 2, message: "agent run failed: a tool returned an error" } : { code: 0 },
  });
  return failed;
}

/** Trace number `index` (its id embeds the index, so ids never collide across a run). */
export function generateTrace(rng: Random, index: number): GeneratedTrace {
  const traceId = Buffer.alloc(16);
  for (let i = 0; i < 12; i += 4) traceId.writeUInt32BE(rng.int(0, 0xffffffff), i);
  traceId.writeUInt32BE(index + 1, 12);
  const appIndex = rng.int(0, APPS.length - 1);
  const app = APPS[appIndex]!;
  const model = rng.pick(MODELS);
  const session = rng.int(1, 2_000);
  const ctx: Ctx = { rng, traceId, nextSpan: 1, clockMs: index * 1500 + rng.int(0, 1400), app, model, conversationId: `sess_${session}`, spans: [] };
  agent(ctx, app.agent, undefined, rng.int(10, 40), { "session.id": `sess_${session}`, "user.id": `user_${session % 500}` });
  return { resource: resourceIndex(appIndex, rng.int(0, HOSTS.length - 1)), spans: ctx.spans };
}
