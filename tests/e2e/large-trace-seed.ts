// Synthetic volume for scripts/bench-ui.ts: one very large agent trace, and filler traces to fill the
// database to a given number of spans. Sent through the real OTLP exporter like any application's.
import type { Span } from "@opentelemetry/api";
import { createSeedTracer, type SeedTarget } from "./otlp-seed";

const TOOLS = ["search_kb", "lookup_order", "get_weather", "send_email", "run_sql", "fetch_url"];
const MODELS = ["gpt-4o", "gpt-4o-mini", "claude-sonnet-4-20250514", "unknown-local-model"];

function llm(model: string, i: number, prompt: string) {
  return {
    "gen_ai.operation.name": "chat",
    "gen_ai.request.model": model,
    "gen_ai.usage.input_tokens": 200 + (i % 700),
    "gen_ai.usage.output_tokens": 20 + (i % 90),
    "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: prompt }] }]),
    "gen_ai.output.messages": JSON.stringify([
      { role: "assistant", parts: [{ type: "text", content: `Answer ${i}: ${"lorem ipsum ".repeat(12)}` }], finish_reason: "stop" },
    ]),
  };
}

/** One filler trace in this many is a tool loop. */
export const LOOP_EVERY = 20;

function tool(name: string, i: number) {
  return {
    "gen_ai.operation.name": "execute_tool",
    "gen_ai.tool.name": name,
    "gen_ai.tool.call.id": `call_${i}`,
    "gen_ai.tool.call.arguments": JSON.stringify({ query: `item ${i}` }),
    "gen_ai.tool.call.result": JSON.stringify({ rows: i % 17, ok: true }),
  };
}

/**
 * One agent run of `spanCount` spans: steps of an LLM call and parallel tool calls, a nested sub-agent
 * every fifth step, some failing tools. Returns its trace id.
 */
export async function seedLargeTrace(target: SeedTarget, spanCount: number, nowMs = Date.now()): Promise<string> {
  const seed = createSeedTracer(target, "bench-agent");
  const t0 = nowMs - 30 * 60_000;
  const stepMs = 120;
  const stepsGuess = Math.ceil(spanCount / 7);
  const root = seed.emit({
    name: "invoke_agent bench-10k",
    startMs: t0,
    endMs: t0 + stepsGuess * stepMs + 50,
    attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "bench-agent", "session.id": "bench-session" },
  });
  let count = 1;
  for (let step = 0; count < spanCount; step++) {
    const s0 = t0 + step * stepMs;
    const stepSpan = seed.emit({ name: `step ${step}`, startMs: s0, endMs: s0 + 110 }, root);
    count++;
    const emitChild = (fn: (parent: Span) => void) => count < spanCount && (fn(stepSpan), count++);
    emitChild((p) =>
      seed.emit({ name: "chat gpt-4o-mini", startMs: s0 + 1, endMs: s0 + 60, attributes: llm("gpt-4o-mini", step, `Step ${step}: what next?`) }, p),
    );
    for (let k = 0; k < 3; k++) {
      const name = TOOLS[(step + k) % TOOLS.length]!;
      const failing = (step * 3 + k) % 37 === 0;
      emitChild((p) =>
        seed.emit(
          {
            name: `execute_tool ${name}`,
            startMs: s0 + 61,
            endMs: s0 + 70 + k * 12,
            attributes: tool(name, step),
            error: failing ? { message: `${name} timed out`, exception: new Error(`${name} timed out`) } : undefined,
          },
          p,
        ),
      );
    }
    if (step % 5 === 4 && count + 3 <= spanCount) {
      const sub = seed.emit(
        {
          name: "invoke_agent researcher",
          startMs: s0 + 72,
          endMs: s0 + 108,
          attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "researcher" },
        },
        stepSpan,
      );
      seed.emit({ name: "retrieve docs", startMs: s0 + 73, endMs: s0 + 80, attributes: { "gen_ai.operation.name": "retrieval" } }, sub);
      seed.emit({ name: "chat gpt-4o", startMs: s0 + 81, endMs: s0 + 107, attributes: llm("gpt-4o", step, "Summarise the documents.") }, sub);
      count += 3;
    }
  }
  await seed.flush();
  return root.spanContext().traceId;
}

/**
 * Fills the database with ~`spanCount` spans in 20-span traces spread over the last 7 days. One trace in
 * LOOP_EVERY calls lookup_order with the same arguments at every step (a tool loop), and about one in
 * eight has a failing tool call, so the findings filters have realistic shares to find.
 */
export async function seedFillerTraces(target: SeedTarget, spanCount: number, onProgress: (sent: number) => void, nowMs = Date.now()): Promise<void> {
  const perTrace = 20;
  const traces = Math.ceil(spanCount / perTrace);
  const tracesPerChunk = 500;
  for (let first = 0; first < traces; first += tracesPerChunk) {
    const seed = createSeedTracer(target, "bench-filler");
    for (let i = first; i < Math.min(traces, first + tracesPerChunk); i++) {
      const t0 = nowMs - ((i * 7919) % (7 * 86_400_000));
      const task = ["support-triage", "refund-flow", "nightly-report", "research"][i % 4]!;
      const root = seed.emit({
        name: `invoke_agent ${task}`,
        startMs: t0,
        endMs: t0 + 2000 + (i % 5000),
        attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": task, "session.id": `bench-s-${i % 5000}`, "user.id": `user-${i % 300}` },
      });
      for (let k = 0; k < 6; k++) {
        const s0 = t0 + k * 300;
        seed.emit({ name: "chat", startMs: s0, endMs: s0 + 150, attributes: llm(MODELS[(i + k) % MODELS.length]!, i, `Ticket ${i} about a refund`) }, root);
        for (let j = 0; j < 2; j++) {
          const name = i % LOOP_EVERY === 0 ? "lookup_order" : TOOLS[(i + k + j) % TOOLS.length]!;
          seed.emit(
            {
              name: `execute_tool ${name}`,
              startMs: s0 + 151,
              endMs: s0 + 200 + j * 40,
              attributes: tool(name, i),
              error: (i + k + j) % 97 === 0 ? { message: "upstream 503" } : undefined,
            },
            root,
          );
        }
      }
      seed.emit({ name: "final answer", startMs: t0 + 1900, endMs: t0 + 1990 }, root);
    }
    await seed.flush();
    onProgress(Math.min(traces, first + tracesPerChunk) * perTrace);
  }
}
