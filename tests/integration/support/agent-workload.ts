// Multi-agent traces for tests that ingest through several servers or across a crash: a planner, worker
// turns with LLM calls (priced model, token usage) and tool calls (some failing), spans in random order so
// children often arrive before their parents. OTLP/JSON built by hand because the tests decide which span
// goes to which server in which request.
import { hex, request, span, type JsonSpan } from "./otlp-json";

const chat = (traceId: string, parent: string, at: number, inputTokens: number) =>
  span(traceId, hex(8), parent, "chat gpt-4o-mini", at, at + 40 + (inputTokens % 90), {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": "gpt-4o-mini",
    "gen_ai.usage.input_tokens": inputTokens,
    "gen_ai.usage.output_tokens": 20 + (inputTokens % 50),
  });

/** One run of `turns` worker turns (4 spans each) under a planner root; `n` varies sizes and failures. */
export function agentTrace(n: number, turns = 4, task = "cluster-run", offsetMs = -60_000): JsonSpan[] {
  const traceId = hex(16);
  const root = hex(8);
  const at = offsetMs - n * 500;
  const spans = [
    span(traceId, root, "", `invoke_agent ${task}`, at, at + 200 * turns + 50, {
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": "planner",
      "session.id": `sess-${n % 5}`,
      "user.id": `user-${n % 3}`,
    }),
  ];
  for (let t = 0; t < turns; t++) {
    const turn = hex(8);
    const start = at + 10 + 200 * t;
    spans.push(
      span(traceId, turn, root, "invoke_agent worker", start, start + 180, { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": `worker-${t % 2}` }),
      chat(traceId, turn, start + 5, 300 + 37 * n + t),
      span(
        traceId,
        hex(8),
        turn,
        "execute_tool lookup",
        start + 60,
        start + 90 + t,
        { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": t % 2 ? "lookup_order" : "search_docs" },
        (n + t) % 7 === 0 ? { code: 2, message: "tool failed" } : { code: 1 },
      ),
      chat(traceId, turn, start + 100, 500 + n),
    );
  }
  return shuffle(spans, n);
}

/** Deterministic shuffle (children before parents, parents before children, as it comes). */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed * 7919 + 17;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31), state / 2 ** 31);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Groups spans into OTLP/JSON request bodies of at most `perRequest` spans. */
export function bodies(spans: JsonSpan[], perRequest: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < spans.length; i += perRequest) out.push(JSON.stringify(request(spans.slice(i, i + perRequest), "cluster-test")));
  return out;
}

/** Runs `tasks` with at most `concurrency` at a time. */
export async function inParallel<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < tasks.length; i = next++) results[i] = await tasks[i]!();
    }),
  );
  return results;
}
