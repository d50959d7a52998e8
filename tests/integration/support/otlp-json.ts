// Small OTLP/JSON builders for protocol tests, where the exact bytes on the wire are the point
// (ordering, duplicates, broken ids). Normalisation is tested with spans from real libraries instead.
import { randomBytes } from "node:crypto";

export const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const NOW_NS = BigInt(Date.now()) * 1_000_000n;
export const nsAt = (ms: number) => String(NOW_NS + BigInt(ms) * 1_000_000n);

type Value = string | number | boolean;
export const attrs = (record: Record<string, Value>) =>
  Object.entries(record).map(([key, v]) => ({
    key,
    value:
      typeof v === "string"
        ? { stringValue: v }
        : typeof v === "boolean"
          ? { boolValue: v }
          : Number.isInteger(v)
            ? { intValue: String(v) }
            : { doubleValue: v },
  }));

export type JsonSpan = Record<string, unknown>;

export function span(
  traceId: string,
  spanId: string,
  parentSpanId: string,
  name: string,
  fromMs: number,
  toMs: number,
  attributes: Record<string, Value> = {},
  status: { code: number; message?: string } = { code: 1 },
): JsonSpan {
  return { traceId, spanId, parentSpanId, name, kind: 1, startTimeUnixNano: nsAt(fromMs), endTimeUnixNano: nsAt(toMs), attributes: attrs(attributes), status };
}

export const request = (spans: JsonSpan[], service = "protocol-test") => ({
  resourceSpans: [{ resource: { attributes: attrs({ "service.name": service }) }, scopeSpans: [{ scope: { name: "test" }, spans }] }],
});

/** A three-span agent run: agent root → chat (gpt-4o-mini, 1000 in / 100 out) → failing tool. */
export function agentRun(traceId = hex(16)) {
  const ids = { root: hex(8), chat: hex(8), tool: hex(8) };
  const spans = {
    root: span(traceId, ids.root, "", "invoke_agent triage", 0, 900, {
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": "triage",
      "session.id": "sess-1",
      "user.id": "user-1",
    }),
    chat: span(traceId, ids.chat, ids.root, "chat gpt-4o-mini", 10, 400, {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "gen_ai.usage.input_tokens": 1000,
      "gen_ai.usage.output_tokens": 100,
    }),
    tool: span(
      traceId,
      ids.tool,
      ids.root,
      "execute_tool lookup",
      410,
      800,
      { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "lookup", "gen_ai.tool.call.arguments": '{"id":7}' },
      { code: 2, message: "lookup failed" },
    ),
  };
  return { traceId, ids, spans };
}

/** gpt-4o-mini: $0.15 / $0.60 per million tokens. */
export const AGENT_RUN_COST = (1000 * 0.15 + 100 * 0.6) / 1_000_000;
