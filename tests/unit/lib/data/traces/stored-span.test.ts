// toSpan / spanJson: a stored span → the API's Span. spanJson copies the stored attributes as text; its
// JSON must be the same value as toSpan's object, for spans of real instrumentation libraries.
import { describe, expect, it } from "vitest";
import type { StoredLog } from "@/lib/data/traces/genai-log-events";
import { spanJson, toSpan, type SpanContext, type StoredSpan } from "@/lib/data/traces/stored-span";
import type { SpanRecord } from "@/lib/ingest/span-record";
import { normaliseFixture, type FixtureName } from "../../ingest/support/otlp";

const FIXTURES: FixtureName[] = ["vercel-ai", "openai-official", "openinference", "langgraph", "mastra", "openai-agents", "mcp-openllmetry"];

/** A record as the bulk read returns it: times divided down to milliseconds by the database. */
const stored = (r: SpanRecord): StoredSpan => ({ ...r, startMs: Number(r.startNs / 1_000_000n), endMs: Number(r.endNs / 1_000_000n) });

describe("spanJson", () => {
  for (const name of FIXTURES)
    it(`is JSON.stringify(toSpan(…)) for every span of ${name}`, () => {
      const batch = normaliseFixture(name);
      const context: SpanContext = { sessionId: "s-1", userId: null, resources: new Map(batch.resources.map((r) => [r.id, r.attributes])) };
      expect(batch.spans.length).toBeGreaterThan(0);
      for (const record of batch.spans) {
        const span = toSpan(stored(record), context);
        expect(JSON.parse(spanJson(stored(record), context))).toEqual(JSON.parse(JSON.stringify(span)));
        expect(span.startTime).toBe(new Date(Number(record.startNs / 1_000_000n)).toISOString());
        expect(span.resourceAttributes).toEqual(JSON.parse(batch.resources.find((r) => r.id === record.resourceId)!.attributes));
      }
    });

  it("joins events stored on the span with log events, and inherits session and user", () => {
    const record = normaliseFixture("openai-official").spans[0]!;
    const row = { ...stored(record), sessionId: null, userId: null, resourceId: null, events: JSON.stringify([{ name: "retry", timeNs: "1795299561253000000", attributes: { n: 1 } }]) };
    const logs: StoredLog[] = [
      { eventName: "gen_ai.user.message", timeNs: 1795299561254000000n, body: { content: "hi" }, attributes: {} },
      { eventName: "custom.note", timeNs: 1795299561255000000n, body: null, attributes: { k: "v" } },
    ];
    const context: SpanContext = { sessionId: "s-9", userId: "u-9", resources: new Map() };
    const span = toSpan(row, context, logs);
    expect(span).toMatchObject({ sessionId: "s-9", userId: "u-9", resourceAttributes: {} });
    expect(span.events.map((e) => [e.name, e.time])).toEqual([
      ["retry", "2026-11-21T22:19:21.253Z"],
      ["custom.note", "2026-11-21T22:19:21.255Z"],
    ]);
    expect(JSON.parse(spanJson(row, context, logs))).toEqual(JSON.parse(JSON.stringify(span)));
  });
});
