// applyLogEvents: GenAI log events (semconv v1.28–1.36) → a span's input/output messages; others → events.
import { describe, expect, it } from "vitest";
import { normaliseLogsRequest } from "@/lib/ingest/logs";
import { toLogsRequest } from "@/lib/ingest/parse";
import { applyLogEvents, type StoredLog } from "@/lib/data/traces/genai-log-events";
import { readFixtureJson } from "../../ingest/support/otlp";

const T = 1795299561253000000n;
const log = (eventName: string, body: unknown, attributes: Record<string, unknown> = {}, timeNs = T): StoredLog => ({ eventName, timeNs, body, attributes });

/** The fixture's records of one span, as the trace-detail query hands them over (JSON columns parsed). */
function fixtureLogs(spanId: string): StoredLog[] {
  return normaliseLogsRequest(toLogsRequest(readFixtureJson("openai-official.logs.json")))
    .logs.filter((l) => l.spanId === spanId)
    .map((l) => ({ eventName: l.eventName, timeNs: l.timeNs, body: l.body === null ? null : JSON.parse(l.body), attributes: JSON.parse(l.attributes) }));
}

const lookupCall = { id: "call_lookup_order_1", type: "function", function: { name: "lookup_order", arguments: { orderId: "A-7" } } };

describe("openai-official.logs.json", () => {
  it("first call: system + user in, tool call out (arguments parsed)", () => {
    expect(applyLogEvents(fixtureLogs("0633ded81836304c"))).toEqual({
      input: [
        { role: "system", content: "You are a concise support agent." },
        { role: "user", content: "Where is order A-7?" },
      ],
      output: [{ role: "assistant", tool_calls: [lookupCall], finish_reason: "tool_calls", index: 0 }],
      events: [],
    });
  });

  it("second call: the assistant's tool call and the tool result come back in, in order", () => {
    expect(applyLogEvents(fixtureLogs("23d56f15fed78695"))).toEqual({
      input: [
        { role: "system", content: "You are a concise support agent." },
        { role: "user", content: "Where is order A-7?" },
        { role: "assistant", tool_calls: [lookupCall] },
        { role: "tool", id: "call_lookup_order_1", tool_call_id: "call_lookup_order_1", content: '{"orderId":"A-7","status":"in_transit"}' },
      ],
      output: [{ role: "assistant", content: 'Based on {"orderId":"A-7","status":"in_transit"}, the order ships tomorrow.', finish_reason: "stop", index: 0 }],
      events: [],
    });
  });
});

describe("message events", () => {
  it.each<[string, StoredLog, Record<string, unknown>]>([
    ["system", log("gen_ai.system.message", { content: "Be brief." }), { role: "system", content: "Be brief." }],
    ["user", log("gen_ai.user.message", { content: "hi" }), { role: "user", content: "hi" }],
    ["user with a plain-text body", log("gen_ai.user.message", "hi"), { role: "user", content: "hi" }],
    ["a role in the body wins", log("gen_ai.system.message", { role: "developer", content: "x" }), { role: "developer", content: "x" }],
    [
      "assistant tool call with JSON-text arguments",
      log("gen_ai.assistant.message", { tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: '{"a":[1]}' } }] }),
      { role: "assistant", tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: { a: [1] } } }] },
    ],
    [
      "assistant tool call with broken JSON arguments kept as text",
      log("gen_ai.assistant.message", { tool_calls: [{ id: "c1", function: { name: "f", arguments: "{oops" } }] }),
      { role: "assistant", tool_calls: [{ id: "c1", function: { name: "f", arguments: "{oops" } }] },
    ],
    [
      "assistant tool call with structured arguments",
      log("gen_ai.assistant.message", { tool_calls: [{ id: "c1", function: { name: "f", arguments: { a: 1 } } }] }),
      { role: "assistant", tool_calls: [{ id: "c1", function: { name: "f", arguments: { a: 1 } } }] },
    ],
    [
      "tool result linked by tool_call_id",
      log("gen_ai.tool.message", { id: "c1", content: "42" }),
      { role: "tool", id: "c1", tool_call_id: "c1", content: "42" },
    ],
    ["tool result without id", log("gen_ai.tool.message", { content: "42" }), { role: "tool", content: "42" }],
  ])("%s", (_label, record, message) => {
    expect(applyLogEvents([record])).toEqual({ input: [message], output: undefined, events: [] });
  });

  it("keeps the order the records are given in (same timestamp or not)", () => {
    const result = applyLogEvents([
      log("gen_ai.user.message", { content: "1" }),
      log("gen_ai.system.message", { content: "2" }),
      log("gen_ai.user.message", { content: "3" }, {}, T - 5n),
    ]);
    expect((result.input as { content: string }[]).map((m) => m.content)).toEqual(["1", "2", "3"]);
  });
});

describe("gen_ai.choice", () => {
  it.each<[string, unknown, Record<string, unknown>]>([
    [
      "text answer",
      { index: 0, finish_reason: "stop", message: { content: "Done." } },
      { role: "assistant", content: "Done.", finish_reason: "stop", index: 0 },
    ],
    [
      "message role kept",
      { index: 0, finish_reason: "stop", message: { role: "model", content: "x" } },
      { role: "model", content: "x", finish_reason: "stop", index: 0 },
    ],
    [
      "length cut-off",
      { index: 1, finish_reason: "length", message: { content: "Part" } },
      { role: "assistant", content: "Part", finish_reason: "length", index: 1 },
    ],
    [
      "tool calls, arguments parsed",
      { index: 0, finish_reason: "tool_calls", message: { tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: '{"x":1}' } }] } },
      { role: "assistant", tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: { x: 1 } } }], finish_reason: "tool_calls", index: 0 },
    ],
    ["no finish_reason or index", { message: { content: "x" } }, { role: "assistant", content: "x" }],
  ])("%s", (_label, body, message) => {
    expect(applyLogEvents([log("gen_ai.choice", body)])).toEqual({ input: undefined, output: [message], events: [] });
  });

  it("keeps several choices in order", () => {
    const result = applyLogEvents([
      log("gen_ai.choice", { index: 0, message: { content: "a" } }),
      log("gen_ai.choice", { index: 1, message: { content: "b" } }),
    ]);
    expect(result.output).toEqual([
      { role: "assistant", content: "a", index: 0 },
      { role: "assistant", content: "b", index: 1 },
    ]);
  });
});

describe("other log records", () => {
  it("pass through as span events with their time, attributes and body", () => {
    const result = applyLogEvents([
      log("log", "cache miss", { "log.level": "warn" }),
      log("gen_ai.user.message", { content: "hi" }),
      log("gen_ai.evaluation.result", null, { "gen_ai.evaluation.score.value": 0.9 }, T + 999_999n),
    ]);
    expect(result.input).toEqual([{ role: "user", content: "hi" }]);
    expect(result.events).toEqual([
      { name: "log", time: "2026-11-21T22:19:21.253Z", attributes: { "log.level": "warn", body: "cache miss" } },
      { name: "gen_ai.evaluation.result", time: "2026-11-21T22:19:21.253Z", attributes: { "gen_ai.evaluation.score.value": 0.9 } },
    ]);
  });

  it("returns nothing for no records", () => {
    expect(applyLogEvents([])).toEqual({ input: undefined, output: undefined, events: [] });
  });
});

describe("gen_ai.client.inference.operation.details", () => {
  const input = [{ role: "user", parts: [{ type: "text", content: "hi" }] }];
  const output = [{ role: "assistant", finish_reason: "stop", parts: [{ type: "text", content: "hello" }] }];

  it.each<[string, StoredLog]>([
    ["messages as attributes", log("gen_ai.client.inference.operation.details", null, { "gen_ai.input.messages": input, "gen_ai.output.messages": output })],
    ["messages in the body", log("gen_ai.client.inference.operation.details", { "gen_ai.input.messages": input, "gen_ai.output.messages": output })],
  ])("%s", (_label, record) => {
    expect(applyLogEvents([record])).toEqual({ input, output, events: [] });
  });

  it("yields to per-message events when both are sent", () => {
    const result = applyLogEvents([
      log("gen_ai.client.inference.operation.details", null, { "gen_ai.input.messages": input, "gen_ai.output.messages": output }),
      log("gen_ai.user.message", { content: "from events" }),
    ]);
    expect(result.input).toEqual([{ role: "user", content: "from events" }]);
    expect(result.output).toEqual(output);
  });

  // The API: "input, output: JSON-parsed when the value is JSON text". GenAI content attributes "may be JSON
  // strings" (the GenAI conventions); on spans normalise-content.ts parses them, here they stay text.
  it("parses messages sent as JSON text", () => {
    const record = log("gen_ai.client.inference.operation.details", null, {
      "gen_ai.input.messages": JSON.stringify(input),
      "gen_ai.output.messages": JSON.stringify(output),
    });
    expect(applyLogEvents([record])).toEqual({ input, output, events: [] });
  });
});
