// Incremental trace summaries on the real databases: sums past 2^31 (BIGINT columns), a trace whose
// spans come over many requests with its root last, and, on PostgreSQL, writers on two connections
// committing spans of the same traces at once (the advisory lock per trace serialises them).
import { inject, it, expect, describe } from "vitest";
import { openPostgres } from "@/lib/db/postgres";
import { summariseTrace } from "@/lib/trace/summarise";
import { expectRandomArrivalsConsistent } from "../unit/lib/analytics/support/random-arrivals";
import { forEachDatabase, getTrace, postOtlp } from "./support";
import { hex, request, span } from "./support/otlp-json";

const JSON_HEADERS = { "content-type": "application/json" };

const chat = (traceId: string, spanId: string, parent: string, at: number, inputTokens: number) =>
  span(traceId, spanId, parent, "chat gpt-4o-mini", at, at + 5, {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": "gpt-4o-mini",
    "gen_ai.usage.input_tokens": inputTokens,
    "gen_ai.usage.output_tokens": 7,
  });

forEachDatabase((server) => {
  it("stores and reads back a trace whose token sums pass 2^31", async () => {
    const traceId = hex(16);
    const root = hex(8);
    const spans = [
      span(traceId, root, "", "invoke_agent marathon", 0, 100, { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "marathon" }),
      chat(traceId, hex(8), root, 10, 2_000_000_000),
      chat(traceId, hex(8), root, 20, 2_000_000_000),
    ];
    const response = await postOtlp(server, JSON.stringify(request(spans)), JSON_HEADERS);
    expect(response.status, await response.text()).toBe(200);
    const { trace } = await getTrace(server, traceId);
    expect(trace).toMatchObject({ inputTokens: 4_000_000_000, outputTokens: 14, totalTokens: 4_000_000_014, llmCallCount: 2 });
  });

  it("summarises a trace sent over many requests, children first and its root last, as a whole", async () => {
    const traceId = hex(16);
    const root = hex(8);
    const turns = Array.from({ length: 12 }, (_, t) => {
      const turn = hex(8);
      return [
        chat(traceId, hex(8), turn, 100 * t + 1, 100 + t),
        chat(traceId, hex(8), turn, 100 * t + 2, 200),
        span(traceId, turn, root, `invoke_agent worker`, 100 * t, 100 * t + 50, { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "worker" }),
      ];
    });
    const rootSpan = span(traceId, root, "", "invoke_agent planner", -5, 2000, { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "planner" });
    for (const turn of turns) expect((await postOtlp(server, JSON.stringify(request(turn)), JSON_HEADERS)).status).toBe(200);
    const before = (await getTrace(server, traceId)).trace;
    expect(before).toMatchObject({ name: "invoke_agent worker", agentName: "worker", spanCount: 36, llmCallCount: 24 });
    expect((await postOtlp(server, JSON.stringify(request([rootSpan])), JSON_HEADERS)).status).toBe(200);
    const { trace, spans } = await getTrace(server, traceId);
    const expected = summariseTrace(
      traceId,
      spans.map((s) => ({ ...s, startNs: BigInt(Date.parse(s.startTime)) * 1_000_000n, endNs: BigInt(Date.parse(s.endTime)) * 1_000_000n })),
    );
    expect(trace).toMatchObject({
      name: "invoke_agent planner",
      agentName: "planner",
      spanCount: 37,
      llmCallCount: expected.llmCallCount,
      inputTokens: expected.inputTokens,
    });
  });
});

describe("writers on two PostgreSQL connections", () => {
  const server = inject("servers").find((s) => s.name === "postgres");
  it.skipIf(!server)(
    "commit random traces' spans concurrently and leave exact summaries, facets and rollups (property)",
    async () => {
      const [a, b] = [openPostgres(server!.databaseUrl, 2), openPostgres(server!.databaseUrl, 2)];
      try {
        await expectRandomArrivalsConsistent([a, b], `concurrent-${hex(4)}`, 60);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    },
    300_000,
  );
});
