// GenAI log events (semconv v1.28–1.36, sent on /v1/logs) → a span's input and output messages.
// Pure. Records arrive in any order relative to their span and are ordered here by time, then arrival.
import { parseMaybeJson } from "@/lib/ingest/attribute-lookup";
import type { SpanEvent } from "@/lib/trace/types";

export type StoredLog = { eventName: string; timeNs: bigint; body: unknown; attributes: Record<string, unknown> };

const ROLE_OF: Record<string, string> = {
  "gen_ai.system.message": "system",
  "gen_ai.user.message": "user",
  "gen_ai.assistant.message": "assistant",
  "gen_ai.tool.message": "tool",
};

type Message = Record<string, unknown>;
const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : { content: v };

function toolCalls(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((call) => {
    const fn = asRecord(asRecord(call).function);
    const args = fn.arguments;
    let parsed: unknown = args;
    if (typeof args === "string") {
      try {
        parsed = JSON.parse(args);
      } catch {
        parsed = args;
      }
    }
    return { ...asRecord(call), function: { ...fn, arguments: parsed } };
  });
}

/** Builds input/output messages and the remaining (non-GenAI) events from a span's log records. */
export function applyLogEvents(logs: StoredLog[]): { input?: unknown; output?: unknown; events: SpanEvent[] } {
  const input: Message[] = [];
  const output: Message[] = [];
  const events: SpanEvent[] = [];
  let details: { input?: unknown; output?: unknown } | undefined;
  for (const log of logs) {
    const role = ROLE_OF[log.eventName];
    if (role) {
      const body = asRecord(log.body);
      const message: Message = { role: body.role ?? role, ...body };
      if (body.tool_calls) message.tool_calls = toolCalls(body.tool_calls);
      if (role === "tool" && body.id !== undefined) message.tool_call_id = body.id;
      input.push(message);
    } else if (log.eventName === "gen_ai.choice") {
      const body = asRecord(log.body);
      const message = asRecord(body.message);
      output.push({
        role: message.role ?? "assistant",
        ...message,
        ...(message.tool_calls ? { tool_calls: toolCalls(message.tool_calls) } : {}),
        ...(body.finish_reason !== undefined ? { finish_reason: body.finish_reason } : {}),
        ...(body.index !== undefined ? { index: body.index } : {}),
      });
    } else if (log.eventName === "gen_ai.client.inference.operation.details") {
      const source = { ...log.attributes, ...asRecord(log.body) };
      details = { input: parseMaybeJson(source["gen_ai.input.messages"]), output: parseMaybeJson(source["gen_ai.output.messages"]) };
    } else {
      events.push({
        name: log.eventName,
        time: new Date(Number(log.timeNs / 1_000_000n)).toISOString(),
        attributes: { ...log.attributes, ...(log.body !== null ? { body: log.body } : {}) },
      });
    }
  }
  return {
    input: input.length ? input : details?.input,
    output: output.length ? output : details?.output,
    events,
  };
}
