// Deterministic, realistic-looking payloads for the benchmark's spans: prose for prompts and answers,
// GenAI messages in the semconv JSON shape, tool arguments and results. Sizes matter more than meaning:
// the receiver's cost is dominated by the bytes it parses, copies and stores.
import type { Random } from "../demo/random";

const WORDS = (
  "the customer order refund invoice shipment account password reset billing plan upgrade error timeout " +
  "retry database query latency report summary ticket priority escalation policy warranty product " +
  "delivery address tracking number payment card declined subscription renewal discount coupon region " +
  "service outage incident dashboard metric trend weekly monthly revenue churn cohort analysis source " +
  "document search result relevant section paragraph citation please confirm whether we can help you " +
  "with that request today because the system shows a pending charge and an open case for this user"
).split(" ");

/** Roughly `chars` characters of sentence-like text. */
export function prose(rng: Random, chars: number): string {
  const parts: string[] = [];
  let length = 0;
  let sentence = 0;
  while (length < chars) {
    let word = rng.pick(WORDS);
    if (sentence === 0) word = word[0]!.toUpperCase() + word.slice(1);
    sentence += 1;
    const end = sentence > rng.int(6, 16);
    if (end) sentence = 0;
    const piece = end ? `${word}.` : word;
    parts.push(piece);
    length += piece.length + 1;
  }
  return parts.join(" ");
}

export type ToolCallPart = { type: "tool_call"; id: string; name: string; arguments: Record<string, unknown> };
type Part = { type: "text"; content: string } | ToolCallPart | { type: "tool_call_response"; id: string; response: unknown };
export type Message = { role: "system" | "user" | "assistant" | "tool"; parts: Part[]; finish_reason?: string };

export const textMessage = (role: Message["role"], content: string): Message => ({ role, parts: [{ type: "text", content }] });

/** Arguments a model would plausibly pass to the named tool. */
export function toolArguments(rng: Random, tool: string): Record<string, unknown> {
  switch (tool) {
    case "search_knowledge_base":
    case "web_search":
      return { query: prose(rng, rng.int(20, 80)), top_k: rng.int(3, 10) };
    case "get_order":
    case "refund_order":
      return { order_id: `ord_${rng.hex(10)}`, reason: prose(rng, 40), amount_cents: rng.int(500, 50_000) };
    case "run_sql":
      return { sql: `SELECT region, sum(amount) FROM orders WHERE created_at > now() - interval '${rng.int(1, 90)} days' GROUP BY region` };
    default:
      return { id: rng.hex(12), note: prose(rng, rng.int(20, 120)) };
  }
}

/** A tool result of a few hundred bytes to a couple of KB. */
export function toolResult(rng: Random, tool: string): unknown {
  const rows = rng.int(1, 4);
  return {
    tool,
    ok: true,
    items: Array.from({ length: rows }, (_, i) => ({
      rank: i + 1,
      id: rng.hex(8),
      score: Math.round(rng.next() * 1000) / 1000,
      text: prose(rng, rng.int(60, 240)),
    })),
  };
}

/** A plausible stack trace for the exception event of a failed span. */
export function stacktrace(rng: Random, type: string, message: string): string {
  const frames = Array.from(
    { length: rng.int(4, 10) },
    () =>
      `    at ${rng.pick(["handle", "execute", "fetchJson", "retry", "callTool", "dispatch"])} (/app/dist/${rng.pick(["tools", "agent", "http", "db"])}/${rng.hex(6)}.js:${rng.int(10, 900)}:${rng.int(1, 80)})`,
  );
  return `${type}: ${message}\n${frames.join("\n")}`;
}
