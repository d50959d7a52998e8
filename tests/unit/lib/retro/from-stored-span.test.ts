import { describe, expect, it } from "vitest";
import { retroSpanFromApi, retroSpanFromStored, type StoredSpanFields } from "@/lib/retro/from-stored-span";
import { nsAt } from "./make-retro-span";

const stored: StoredSpanFields = {
  spanId: "00000000000000a1",
  parentSpanId: null,
  name: "execute_tool lookup_order",
  kind: "tool",
  startNs: nsAt(0),
  endNs: nsAt(12.5),
  durationMs: 12.5,
  status: "error",
  statusMessage: "boom",
  model: null,
  toolName: "lookup_order",
  toolCallId: "call_1",
  agentName: null,
  inputTokens: null,
  outputTokens: null,
  costUsd: null,
  costSource: null,
  input: '{"id":"A-1"}',
  output: null,
  attributes: '{"error.type":"TimeoutError","gen_ai.tool.name":"lookup_order"}',
  events: '[{"name":"exception","timeNs":"1","attributes":{"exception.type":"TimeoutError"}}]',
};

describe("retroSpanFromStored", () => {
  it("parses the JSON columns", () => {
    expect(retroSpanFromStored(stored)).toMatchObject({
      input: { id: "A-1" },
      output: null,
      attributes: { "error.type": "TimeoutError" },
      events: [{ name: "exception", attributes: { "exception.type": "TimeoutError" } }],
      startNs: nsAt(0),
    });
  });

  it("keeps text that is not JSON as text, and drops broken attributes, events and unknown kinds rather than failing", () => {
    const odd = retroSpanFromStored({ ...stored, kind: "mystery", input: "plain words", attributes: "{broken", events: '[{"no":"name"}, 3]' });
    expect(odd).toMatchObject({ kind: "other", input: "plain words", attributes: {}, events: [] });
    expect(retroSpanFromStored({ ...stored, attributes: "[1,2]", events: "{}" })).toMatchObject({ attributes: {}, events: [] });
  });
});

describe("retroSpanFromApi", () => {
  it("turns ISO times into nanoseconds", () => {
    const span = retroSpanFromApi({
      ...retroSpanFromStored(stored),
      kind: "tool",
      traceId: "0af7651916cd43dd8448eb211c80319c",
      serviceName: null,
      mcpServer: null,
      startTime: "2026-01-01T00:00:00.000Z",
      endTime: "2026-01-01T00:00:00.013Z",
      provider: null,
      cacheReadTokens: null,
      cacheWriteTokens: null,
      reasoningTokens: null,
      sessionId: null,
      userId: null,
      resourceAttributes: {},
      events: [{ name: "exception", time: "2026-01-01T00:00:00.010Z", attributes: { "exception.type": "TimeoutError" } }],
    });
    expect([span.startNs, span.endNs]).toEqual([nsAt(0), nsAt(13)]);
    expect(span.events).toEqual([{ name: "exception", attributes: { "exception.type": "TimeoutError" } }]);
  });
});
